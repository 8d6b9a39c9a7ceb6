"""The operation table, the call log, injected faults."""

from __future__ import annotations

import time
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import ClientError

from pinpoint_mock import MockError, mock_sms_voice_v2
from pinpoint_mock.engine.dispatch import HANDLERS, Service
from pinpoint_mock.service.options import Options
from tests.http_helpers import unmodelled_operation

SERVICE = "pinpoint-sms-voice-v2"


def test_an_unmodelled_operation_fails_at_once_naming_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    operation = unmodelled_operation(monkeypatch)
    with mock_sms_voice_v2() as sms:
        client = boto3.client(SERVICE, region_name="us-east-1")
        with pytest.raises(ClientError) as err:
            getattr(client, xform_name(operation))()
    response = err.value.response
    assert response["Error"]["Code"] == "NotImplemented"
    assert response["Error"]["Message"].startswith(
        f"PinpointSMSVoiceV2.{operation} is not modelled by pinpoint-mock, "
        "so it was answered here and sent nowhere."
    )
    assert response["ResponseMetadata"]["RetryAttempts"] == 0
    assert len(sms.calls) == 1
    assert sms.calls[0].error == "NotImplemented"


def test_the_table_names_real_operations() -> None:
    # credentials given: with none, an older botocore looks for them (IMDS) as it builds a client
    client = boto3.client(
        SERVICE,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    service_ops = set(client.meta.service_model.operation_names)
    assert set(HANDLERS) <= service_ops


def test_calls_record_params_response_error_account_region() -> None:
    with mock_sms_voice_v2() as sms:
        client = boto3.client(SERVICE, region_name="eu-west-1")
        created = client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")
        with pytest.raises(ClientError):
            client.create_registration(RegistrationType="NOT_A_TYPE")
    first, second = sms.calls
    assert first.operation == "CreateRegistration"
    assert first.params["RegistrationType"] == "US_TOLL_FREE_REGISTRATION"
    assert first.response is not None
    assert first.response["RegistrationId"] == created["RegistrationId"]
    assert first.error is None
    assert (first.account_id, first.region) == ("123456789012", "eu-west-1")
    assert second.response is None
    assert second.error == "ValidationException"


def test_no_credentials_in_the_call_log() -> None:
    with mock_sms_voice_v2() as sms:
        client = boto3.client(
            SERVICE,
            region_name="us-east-1",
            aws_access_key_id="AKIASECRETISH",
            aws_secret_access_key="very-secret",
        )
        client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")
    text = repr(sms.calls)
    assert "very-secret" not in text
    assert "AKIASECRETISH" not in text
    assert "Authorization" not in text


@pytest.fixture
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """botocore's retries without its back-off: the waits it asks for, recorded, not slept."""
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    return waits


def test_injected_throttling_is_retried_by_botocore(no_backoff: list[float]) -> None:
    with mock_sms_voice_v2() as sms:
        sms.inject_error("CreateRegistration", "ThrottlingException", times=2)
        client = boto3.client(
            SERVICE,
            region_name="us-east-1",
            config=Config(retries={"mode": "standard", "max_attempts": 3}),
        )
        result = client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")
    assert result["ResponseMetadata"]["RetryAttempts"] == 2
    assert [c.error for c in sms.calls] == ["ThrottlingException", "ThrottlingException", None]


def test_injected_error_with_fields_and_message() -> None:
    with mock_sms_voice_v2() as sms:
        sms.inject_error(
            "SubmitRegistrationVersion",
            "ConflictException",
            message="nope",
            Reason="REGISTRATION_ALREADY_SUBMITTED",
            ResourceType="registration",
            ResourceId="registration-x",
        )
        client = boto3.client(SERVICE, region_name="us-east-1")
        with pytest.raises(ClientError) as err:
            client.submit_registration_version(RegistrationId="registration-x")
        assert err.value.response["Reason"] == "REGISTRATION_ALREADY_SUBMITTED"
        assert err.value.response["Error"]["Message"] == "nope"
        with pytest.raises(ClientError) as again:  # only once: now the real answer
            client.submit_registration_version(RegistrationId="registration-x")
        assert again.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_injection_misuse_is_refused_in_python() -> None:
    with mock_sms_voice_v2() as sms:
        with pytest.raises(MockError, match="cannot fail with 'ResourceNotFoundException'"):
            sms.inject_error("CreateRegistration", "ResourceNotFoundException")
        with pytest.raises(MockError, match="not an operation"):
            sms.inject_error("CreateThing", "ThrottlingException")
        with pytest.raises(MockError, match="no member"):
            sms.inject_error("CreateRegistration", "ThrottlingException", Reason="X")
        with pytest.raises(MockError, match="'NOT_A_REASON' is not one the service sends"):
            sms.inject_error("CreateRegistration", "ConflictException", Reason="NOT_A_REASON")
        with pytest.raises(ValueError, match="positive"):
            sms.inject_error("CreateRegistration", "ThrottlingException", times=0)


def test_internal_server_error_is_a_500_with_request_id(no_backoff: list[float]) -> None:
    with mock_sms_voice_v2() as sms:
        sms.inject_error("DeleteRegistration", "InternalServerException", times=5)
        client = boto3.client(
            SERVICE,
            region_name="us-east-1",
            config=Config(retries={"mode": "standard", "total_max_attempts": 2}),
        )
        with pytest.raises(ClientError) as err:
            client.delete_registration(RegistrationId="registration-x")
    assert err.value.response["ResponseMetadata"]["HTTPStatusCode"] == 500
    assert err.value.response["RequestId"]
    assert len(sms.calls) == 2  # retried once


def test_a_bug_inside_is_an_internal_server_exception_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_: object) -> dict[str, object]:
        raise KeyError("oops")

    monkeypatch.setitem(HANDLERS, "DescribeRegistrations", broken)
    service = Service(Options())
    response = service.answer(
        {"X-Amz-Target": "PinpointSMSVoiceV2.DescribeRegistrations"}, b"{}", "http://x/"
    )
    assert response.status == 500
    assert b"InternalServerException" in response.body
    assert b"bug in pinpoint-mock" in response.body


def test_injected_access_denied_reaches_boto3_as_the_modelled_error() -> None:
    with mock_sms_voice_v2() as sms:
        sms.inject_error(
            "CreateRegistration",
            "AccessDeniedException",
            message="Account is disabled",
            Reason="ACCOUNT_DISABLED",
        )
        client = boto3.client(SERVICE, region_name="us-east-1")
        with pytest.raises(client.exceptions.AccessDeniedException) as err:
            client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")
        response = err.value.response
        assert response["Error"] == {
            "Code": "AccessDeniedException",
            "Message": "Account is disabled",
        }
        assert response["Reason"] == "ACCOUNT_DISABLED"
        assert 400 <= response["ResponseMetadata"]["HTTPStatusCode"] < 500
        assert response["ResponseMetadata"]["RetryAttempts"] == 0  # not retried
        assert [c.error for c in sms.calls] == ["AccessDeniedException"]
        assert sms.registrations() == []  # nothing was created
        # Only the one call: the next one is answered.
        client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")
        assert len(sms.registrations()) == 1


ACCOUNTS = ("123456789012", "111122223333", "444455556666")


def test_reset_empties_every_account_and_region() -> None:
    def client(account: str, region: str) -> Any:
        return boto3.client(
            SERVICE,
            region_name=region,
            aws_access_key_id=account,
            aws_secret_access_key="testing",
        )

    places = [(account, region) for account in ACCOUNTS for region in ("us-east-1", "eu-west-1")]
    with mock_sms_voice_v2() as sms:
        for account, region in places:
            client(account, region).create_registration(
                RegistrationType="US_TOLL_FREE_REGISTRATION"
            )
        assert all(len(sms.registrations(a, r)) == 1 for a, r in places)
        sms.reset()
        for account, region in places:
            assert sms.registrations(account, region) == []
            listed = client(account, region).describe_registrations()
            assert listed["Registrations"] == []
