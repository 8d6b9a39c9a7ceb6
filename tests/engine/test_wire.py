"""awsJson1_0 framing: what goes over the wire, in and out, for any caller."""

from __future__ import annotations

import json

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine.dispatch import Service
from pinpoint_mock.engine.wire import CONTENT_TYPE
from pinpoint_mock.service.options import Options

TARGET = "PinpointSMSVoiceV2.CreateRegistration"
URL = "https://sms-voice.eu-west-1.amazonaws.com/"


def answer(
    body: bytes, target: str = TARGET, **headers: str
) -> tuple[int, dict[str, str], dict[str, object]]:
    service = Service(Options())
    response = service.answer({"X-Amz-Target": target, **headers}, body, URL)
    return response.status, response.headers, json.loads(response.body)


def test_result_is_json_with_epoch_second_timestamps_and_a_request_id() -> None:
    status, headers, body = answer(b'{"RegistrationType": "US_TOLL_FREE_REGISTRATION"}')
    assert status == 200
    assert headers["Content-Type"] == CONTENT_TYPE
    assert len(headers["x-amzn-RequestId"]) == 36
    assert isinstance(body["CreatedTimestamp"], float)
    assert str(body["RegistrationArn"]).startswith("arn:aws:sms-voice:eu-west-1:123456789012:")


@pytest.mark.parametrize(
    "raw", [b"{not json", b"[1, 2]", b'"text"', b"\xff\xfe", b"{" * 100_000 + b"}" * 100_000]
)
def test_a_body_that_is_not_a_json_object_is_a_serialization_exception(raw: bytes) -> None:
    status, _, body = answer(raw)
    assert status == 400
    assert str(body["__type"]).endswith("#SerializationException")
    assert body["Message"]


def test_a_member_of_the_wrong_type_is_a_serialization_exception() -> None:
    status, _, body = answer(b'{"RegistrationType": 5}')
    assert status == 400
    assert str(body["__type"]).endswith("SerializationException")
    assert "registrationType" in str(body["Message"])


def test_unknown_target_is_an_unknown_operation() -> None:
    status, _, body = answer(b"{}", target="PinpointSMSVoiceV2.NoSuchThing")
    assert status == 400
    assert str(body["__type"]).endswith("UnknownOperationException")


def test_region_and_account_from_the_sigv4_credential_scope() -> None:
    service = Service(Options())
    auth = (
        "AWS4-HMAC-SHA256 Credential=111122223333/20261126/ap-south-1/sms-voice/aws4_request, "
        "SignedHeaders=host, Signature=abc"
    )
    service.answer(
        {"X-Amz-Target": TARGET, "Authorization": auth},
        b'{"RegistrationType": "US_TOLL_FREE_REGISTRATION"}',
        "http://127.0.0.1:1234/",
    )
    assert (next(iter(service.calls)).account_id, next(iter(service.calls)).region) == (
        "111122223333",
        "ap-south-1",
    )


def test_region_from_a_fips_host_when_unsigned() -> None:
    service = Service(Options())
    service.answer(
        {"X-Amz-Target": TARGET},
        b'{"RegistrationType": "US_TOLL_FREE_REGISTRATION"}',
        "https://sms-voice-fips.us-gov-west-1.amazonaws.com/",
    )
    assert next(iter(service.calls)).region == "us-gov-west-1"


def test_modelled_error_members_reach_the_top_of_err_response() -> None:
    with mock_sms_voice_v2():
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        with pytest.raises(ClientError) as err:
            client.describe_registrations(RegistrationIds=["registration-" + "a" * 32])
    response = err.value.response
    assert response["Error"]["Code"] == "ResourceNotFoundException"
    assert response["ResourceType"] == "registration"
    assert response["ResourceId"] == "registration-" + "a" * 32
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RequestId"]
    assert type(err.value).__name__ == "ResourceNotFoundException"  # the modelled class
