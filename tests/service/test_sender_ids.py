"""Sender IDs: requested, described, updated, released, pooled, and provisioned by an approved
sender-ID registration; through boto3."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from pinpoint_mock.engine import model
from tests.service.registrations.helpers import fails as error


@pytest.fixture
def mocked() -> Iterator[tuple[Any, SmsVoiceV2Mock]]:
    with mock_sms_voice_v2() as sms:
        yield boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1"), sms


@pytest.fixture
def client(mocked: tuple[Any, SmsVoiceV2Mock]) -> Any:
    return mocked[0]


def test_request_describe_update_release(client: Any) -> None:
    made = client.request_sender_id(
        SenderId="ACME", IsoCountryCode="DE", Tags=[{"Key": "k", "Value": "v"}]
    )
    assert made["SenderIdArn"] == "arn:aws:sms-voice:us-east-1:123456789012:sender-id/ACME/DE"
    assert made["MessageTypes"] == ["TRANSACTIONAL", "PROMOTIONAL"]
    assert (made["Registered"], made["MonthlyLeasingPrice"]) == (False, "0.00")
    client.request_sender_id(SenderId="ACME", IsoCountryCode="FR", MessageTypes=["PROMOTIONAL"])
    every = client.describe_sender_ids()["SenderIds"]
    assert [(s["SenderId"], s["IsoCountryCode"]) for s in every] == [("ACME", "DE"), ("ACME", "FR")]
    chosen = client.describe_sender_ids(SenderIds=[{"SenderId": "ACME", "IsoCountryCode": "FR"}])
    assert chosen["SenderIds"][0]["MessageTypes"] == ["PROMOTIONAL"]
    by_arn = client.describe_sender_ids(
        SenderIds=[{"SenderId": made["SenderIdArn"], "IsoCountryCode": "DE"}]
    )
    assert by_arn["SenderIds"][0]["SenderIdArn"] == made["SenderIdArn"]
    french = client.describe_sender_ids(Filters=[{"Name": "iso-country-code", "Values": ["FR"]}])
    assert len(french["SenderIds"]) == 1
    protected = client.update_sender_id(
        SenderId="ACME", IsoCountryCode="DE", DeletionProtectionEnabled=True
    )
    assert protected["DeletionProtectionEnabled"] is True
    refused = error(client.release_sender_id, SenderId="ACME", IsoCountryCode="DE")
    assert refused["Reason"] == "DELETION_PROTECTION_ENABLED"
    client.update_sender_id(SenderId="ACME", IsoCountryCode="DE", DeletionProtectionEnabled=False)
    released = client.release_sender_id(SenderId="ACME", IsoCountryCode="DE")
    assert released["SenderId"] == "ACME"
    missing = error(
        client.describe_sender_ids, SenderIds=[{"SenderId": "ACME", "IsoCountryCode": "DE"}]
    )
    assert (missing["ResourceType"], missing["ResourceId"]) == ("sender-id", "ACME")


def test_country_rules_and_duplicates(client: Any) -> None:
    unsupported = error(client.request_sender_id, SenderId="ACME", IsoCountryCode="US")
    assert unsupported["Reason"] == "SENDER_ID_NOT_SUPPORTED"
    registration = error(client.request_sender_id, SenderId="ACME", IsoCountryCode="JO")
    assert registration["Reason"] == "SENDER_ID_REQUIRES_REGISTRATION"
    client.request_sender_id(SenderId="ACME", IsoCountryCode="DE")
    again = error(client.request_sender_id, SenderId="ACME", IsoCountryCode="DE")
    assert again["Reason"] == "RESOURCE_ALREADY_EXISTS"


def test_a_sender_id_in_pools(client: Any) -> None:
    client.request_sender_id(SenderId="ACME", IsoCountryCode="DE", MessageTypes=["TRANSACTIONAL"])
    # older models require IsoCountryCode client-side; newer ones leave it to the service
    unchecked = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        config=Config(parameter_validation=False),
    )
    no_country = error(
        unchecked.create_pool, OriginationIdentity="ACME", MessageType="TRANSACTIONAL"
    )
    # a model that requires IsoCountryCode refuses its absence as any missing member
    required = "IsoCountryCode" in model.operation("CreatePool").input_shape.required_members
    assert no_country["Reason"] == ("FIELD_VALIDATION_FAILED" if required else "MISSING_PARAMETER")
    wrong_type = error(
        client.create_pool,
        OriginationIdentity="ACME",
        IsoCountryCode="DE",
        MessageType="PROMOTIONAL",
    )
    assert wrong_type["Reason"] == "MESSAGE_TYPE_MISMATCH"
    first = client.create_pool(
        OriginationIdentity="ACME", IsoCountryCode="DE", MessageType="TRANSACTIONAL"
    )
    assert first["OptOutListName"] == "Default"
    phone = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )["PhoneNumberId"]
    second = client.create_pool(
        OriginationIdentity=phone, IsoCountryCode="US", MessageType="TRANSACTIONAL"
    )
    joined = client.associate_origination_identity(
        PoolId=second["PoolId"], OriginationIdentity="ACME", IsoCountryCode="DE"
    )
    assert joined["OriginationIdentity"] == "ACME"
    listed = client.list_pool_origination_identities(PoolId=second["PoolId"])
    shown = listed["OriginationIdentities"]
    assert [m["OriginationIdentity"] for m in shown] == [phone, "ACME"]
    assert "PhoneNumber" not in shown[1]
    pooled = error(client.release_sender_id, SenderId="ACME", IsoCountryCode="DE")
    assert pooled["Reason"] == "SENDER_ID_ASSOCIATED_TO_POOL"
    client.disassociate_origination_identity(
        PoolId=second["PoolId"], OriginationIdentity="ACME", IsoCountryCode="DE"
    )
    last = error(
        client.disassociate_origination_identity,
        PoolId=first["PoolId"],
        OriginationIdentity="ACME",
        IsoCountryCode="DE",
    )
    assert last["Reason"] == "LAST_PHONE_NUMBER"


def test_an_approved_sender_id_registration_provisions_its_sender_id(
    mocked: tuple[Any, SmsVoiceV2Mock],
) -> None:
    client, sms = mocked
    rid = client.create_registration(RegistrationType="JO_SENDER_ID_REGISTRATION")["RegistrationId"]
    client.put_registration_field_value(
        RegistrationId=rid, FieldPath="senderIdInfo.senderId", TextValue="ACMEJO"
    )
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).approve(provisioning=True)
    assert client.describe_sender_ids()["SenderIds"] == []  # still being provisioned
    sms.review(rid).complete()
    (sender,) = client.describe_sender_ids()["SenderIds"]
    assert (sender["SenderId"], sender["IsoCountryCode"]) == ("ACMEJO", "JO")
    assert (sender["Registered"], sender["RegistrationId"]) == (True, rid)
    registered = client.describe_sender_ids(Filters=[{"Name": "registered", "Values": ["true"]}])
    assert len(registered["SenderIds"]) == 1
    client.release_sender_id(SenderId="ACMEJO", IsoCountryCode="JO")
    reg = client.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
    assert reg["RegistrationStatus"] == "CLOSED"


def test_sender_id_quota() -> None:
    with mock_sms_voice_v2(quotas={"SENDER_IDS_PER_ACCOUNT": 1}):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        client.request_sender_id(SenderId="A", IsoCountryCode="DE")
        over = error(client.request_sender_id, SenderId="B", IsoCountryCode="DE")
        assert over["Reason"] == "SENDER_IDS_PER_ACCOUNT"
