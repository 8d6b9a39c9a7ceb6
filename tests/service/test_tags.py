"""TagResource, UntagResource, ListTagsForResource on registration, attachment and phone
number ARNs."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from tests.service.registrations.family_data import PNG, TOLL_FREE, error, not_found, validation


def arns(client: Any) -> dict[str, str]:
    registration = client.create_registration(
        RegistrationType=TOLL_FREE, Tags=[{"Key": "Name", "Value": "first"}]
    )["RegistrationArn"]
    attachment = client.create_registration_attachment(AttachmentBody=PNG)[
        "RegistrationAttachmentArn"
    ]
    phone = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )["PhoneNumberArn"]
    return {"registration": registration, "attachment": attachment, "phone": phone}


def tags(client: Any, arn: str) -> dict[str, str]:
    listed = client.list_tags_for_resource(ResourceArn=arn)
    assert listed["ResourceArn"] == arn
    return {t["Key"]: t["Value"] for t in listed["Tags"]}


@pytest.mark.parametrize("kind", ["registration", "attachment", "phone"])
def test_tag_overwrite_untag(client: Any, kind: str) -> None:
    arn = arns(client)[kind]
    before = tags(client, arn)
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "a"}])
    client.tag_resource(
        ResourceArn=arn, Tags=[{"Key": "team", "Value": "b"}, {"Key": "env", "Value": ""}]
    )
    assert tags(client, arn) == {**before, "team": "b", "env": ""}
    client.untag_resource(ResourceArn=arn, TagKeys=["team", "env", "never-set"])
    assert tags(client, arn) == before


def test_registration_tags_show_in_the_snapshot(client: Any, sms: SmsVoiceV2Mock) -> None:
    arn = arns(client)["registration"]
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "growth"}])
    client.untag_resource(ResourceArn=arn, TagKeys=["Name"])
    (snapshot,) = sms.registrations()
    assert dict(snapshot.tags) == {"team": "growth"}


def test_an_arn_of_another_partition_is_not_found(client: Any) -> None:
    arn = arns(client)["registration"].replace("arn:aws:", "arn:aws-cn:")
    not_found(client.list_tags_for_resource, "registration", ResourceArn=arn)


def test_a_deleted_resource_is_not_found(client: Any) -> None:
    arn = arns(client)["attachment"]
    client.delete_registration_attachment(RegistrationAttachmentId=arn)
    not_found(client.list_tags_for_resource, "registration-attachment", ResourceArn=arn)


@pytest.mark.parametrize(
    ("arn", "resource_type"),
    [
        ("arn:aws:sms-voice:us-east-1:111122223333:registration/registration-x", "registration"),
        ("arn:aws:sms-voice:eu-west-1:123456789012:phone-number/phone-x", "phone-number"),
        ("arn:aws:sms-voice:us-east-1:123456789012:pool/pool-123", "pool"),
        ("arn:aws:sms-voice:us-east-1:123456789012:sender-id/EXAMPLE/JO", "sender-id"),
    ],
)
def test_other_places_and_kinds_are_not_found(client: Any, arn: str, resource_type: str) -> None:
    not_found(
        client.tag_resource, resource_type, ResourceArn=arn, Tags=[{"Key": "k", "Value": "v"}]
    )
    not_found(client.untag_resource, resource_type, ResourceArn=arn, TagKeys=["k"])
    not_found(client.list_tags_for_resource, resource_type, ResourceArn=arn)


@pytest.mark.parametrize(
    "arn",
    ["arn:aws:sns:us-east-1:123456789012:topic", "arn:aws:sms-voice:us-east-1:123456789012:x"],
)
def test_an_arn_of_another_service_is_invalid(client: Any, arn: str) -> None:
    validation(client.list_tags_for_resource, "INVALID_ARN", ResourceArn=arn)


def test_a_key_twice_in_one_call_is_refused(client: Any) -> None:
    arn = arns(client)["registration"]
    validation(
        client.tag_resource,
        "FIELD_VALIDATION_FAILED",
        ResourceArn=arn,
        Tags=[{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}],
    )


def test_tags_per_resource_quota() -> None:
    with mock_sms_voice_v2(quotas={"TAGS_PER_RESOURCE": 2}):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        arn = arns(client)["registration"]  # holds Name
        client.tag_resource(ResourceArn=arn, Tags=[{"Key": "a", "Value": "1"}])
        client.tag_resource(ResourceArn=arn, Tags=[{"Key": "a", "Value": "2"}])  # overwrite
        response = error(client.tag_resource, ResourceArn=arn, Tags=[{"Key": "b", "Value": "1"}])
        assert response["Error"]["Code"] == "ServiceQuotaExceededException"
        assert response["Reason"] == "TAGS_PER_RESOURCE"
        assert tags(client, arn) == {"Name": "first", "a": "2"}
