"""ARNs carry the partition of their Region, and an ARN of another partition names nothing."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import arns


def _client(region: str) -> Any:
    return boto3.client("pinpoint-sms-voice-v2", region_name=region)


@pytest.mark.parametrize(
    ("region", "partition"),
    [("us-gov-west-1", "aws-us-gov"), ("cn-north-1", "aws-cn"), ("eu-west-1", "aws")],
)
def test_an_arn_is_of_its_regions_partition_and_names_the_resource(
    region: str, partition: str
) -> None:
    with mock_sms_voice_v2():
        client = _client(region)
        made = client.create_configuration_set(ConfigurationSetName="alerts")
        arn = made["ConfigurationSetArn"]
        assert arn == f"arn:{partition}:sms-voice:{region}:123456789012:configuration-set/alerts"
        client.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "sms"}])
        assert client.list_tags_for_resource(ResourceArn=arn)["Tags"] == [
            {"Key": "team", "Value": "sms"}
        ]
        registration = client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")
        found = client.describe_registrations(RegistrationIds=[registration["RegistrationArn"]])
        assert found["Registrations"][0]["RegistrationId"] == registration["RegistrationId"]


def test_an_arn_of_another_partition_names_nothing() -> None:
    with mock_sms_voice_v2():
        client = _client("us-gov-west-1")
        rid = client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")[
            "RegistrationId"
        ]
        commercial = f"arn:aws:sms-voice:us-gov-west-1:123456789012:registration/{rid}"
        with pytest.raises(ClientError) as raised:
            client.describe_registrations(RegistrationIds=[commercial])
        assert raised.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_a_region_botocore_does_not_know_is_in_aws() -> None:
    assert arns.make("xx-test-1", "123456789012", "pool", "pool-1").startswith("arn:aws:")
