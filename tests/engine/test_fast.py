"""``fast=True``: answered inside the client's call, with the same state, errors, call log and
faults as on the wire (the behaviour tests under tests/service run in both modes; these check
what is particular to answering above the wire)."""

from __future__ import annotations

import datetime
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import (
    ClientError,
    EndpointConnectionError,
    NoRegionError,
    ParamValidationError,
)

from pinpoint_mock import MockError, mock_sms_voice_v2, server
from pinpoint_mock.engine import fast
from tests.modes import MODES

SERVICE = "pinpoint-sms-voice-v2"
TYPE = "US_TOLL_FREE_REGISTRATION"


def _events(client: Any) -> list[str]:
    seen: list[str] = []
    for event in ("before-call", "before-sign", "before-send", "after-call"):
        client.meta.events.register(
            f"{event}.{SERVICE}", lambda event_name, **_: seen.append(event_name.split(".")[0])
        )
    return seen


def test_botocores_wire_steps_do_not_run_but_after_call_does() -> None:
    with mock_sms_voice_v2(fast=True):
        client = boto3.client(SERVICE, region_name="us-east-1")
        seen = _events(client)
        client.create_registration(RegistrationType=TYPE)
    assert seen == ["after-call"]


def test_on_the_wire_they_all_run_but_signing() -> None:
    """Nothing is signed while the mock is on, so before-sign is not emitted at all; with the
    mock off, the same client signs (and emits it) again."""
    client = boto3.client(
        SERVICE, region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    )
    seen = _events(client)
    with mock_sms_voice_v2():
        client.create_registration(RegistrationType=TYPE)
    assert seen == ["before-call", "before-send", "after-call"]
    seen.clear()

    class Stop(Exception):
        pass

    def stop(**_: Any) -> None:
        raise Stop  # the mock is off: nothing may go out

    client.meta.events.register_first(f"before-send.{SERVICE}", stop)
    with pytest.raises(Stop):
        client.create_registration(RegistrationType=TYPE)
    assert seen == ["before-call", "before-sign"]


def test_after_call_sees_the_parsed_answer_and_an_http_response() -> None:
    got: dict[str, Any] = {}

    def look(http_response: Any, parsed: dict[str, Any], **_: Any) -> None:
        got.update(status=http_response.status_code, parsed=parsed)

    with mock_sms_voice_v2(fast=True):
        client = boto3.client(SERVICE, region_name="us-east-1")
        client.meta.events.register(f"after-call.{SERVICE}.CreateRegistration", look)
        created = client.create_registration(RegistrationType=TYPE)
    assert got["status"] == 200
    assert got["parsed"] is created


@pytest.mark.parametrize("mode", MODES)
def test_botocores_own_handlers_still_fill_the_client_token(mode: str) -> None:
    with mock_sms_voice_v2(fast=MODES[mode]) as sms:
        boto3.client(SERVICE, region_name="us-east-1").create_registration(RegistrationType=TYPE)
    assert sms.calls[0].params["ClientToken"]


def test_botocores_parameter_validation_still_runs() -> None:
    with mock_sms_voice_v2(fast=True) as sms:
        client = boto3.client(SERVICE, region_name="us-east-1")
        with pytest.raises(ParamValidationError):
            client.create_registration()
    assert sms.calls == []  # refused in the client, as on the wire


def test_without_client_validation_the_service_validates() -> None:
    with mock_sms_voice_v2(fast=True):
        client = boto3.client(
            SERVICE, region_name="us-east-1", config=Config(parameter_validation=False)
        )
        with pytest.raises(ClientError) as raised:
            client.create_registration(RegistrationType=7)
    assert raised.value.response["Error"]["Code"] == "SerializationException"


def test_answers_equal_the_wire_s_but_for_ids_and_times() -> None:
    def world(mode: str) -> list[dict[str, Any]]:
        with mock_sms_voice_v2(fast=MODES[mode]):
            client = boto3.client(SERVICE, region_name="us-east-1")
            created = client.create_registration(
                RegistrationType=TYPE, Tags=[{"Key": "team", "Value": "a"}]
            )
            listed = client.describe_registrations(RegistrationIds=[created["RegistrationId"]])
            pages = list(client.get_paginator("describe_registrations").paginate())
        return [_plain(answer) for answer in (created, listed, *pages)]

    assert world("fast") == world("wire")


def _plain(answer: Any) -> Any:
    """``answer`` without what differs between two runs: IDs, ARNs, times, metadata."""
    if isinstance(answer, dict):
        return {
            key: _plain(value)
            for key, value in answer.items()
            if key != "ResponseMetadata" and not key.endswith(("Id", "Arn"))
        }
    if isinstance(answer, list):
        return [_plain(item) for item in answer]
    if isinstance(answer, datetime.datetime):
        assert answer.tzinfo is not None
        return "a time"
    return answer


def test_timestamps_and_blobs_reach_the_service_as_the_wire_would_carry_them() -> None:
    with mock_sms_voice_v2(fast=True) as sms:
        client = boto3.client(SERVICE, region_name="us-east-1")
        client.create_registration_attachment(AttachmentBody=b"%PDF-1.4 a letter")
    assert sms.calls[0].params["AttachmentBody"] == "JVBERi0xLjQgYSBsZXR0ZXI="


def test_what_the_caller_holds_is_not_shared_with_the_state() -> None:
    tags = [{"Key": "team", "Value": "a"}]
    with mock_sms_voice_v2(fast=True):
        client = boto3.client(SERVICE, region_name="us-east-1")
        created = client.create_registration(RegistrationType=TYPE, Tags=tags)
        tags[0]["Value"] = "changed"
        tags.append({"Key": "more", "Value": "b"})
        created["Tags"] = []
        arn = created["RegistrationArn"]
        assert client.list_tags_for_resource(ResourceArn=arn)["Tags"] == [
            {"Key": "team", "Value": "a"}
        ]


def test_an_injected_throttle_is_raised_at_once_as_no_retry_handler_runs() -> None:
    with mock_sms_voice_v2(fast=True) as sms:
        client = boto3.client(SERVICE, region_name="us-east-1")
        sms.inject_error("CreateRegistration", "ThrottlingException", times=2)
        with pytest.raises(client.exceptions.ThrottlingException) as raised:
            client.create_registration(RegistrationType=TYPE)
        assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
        assert [call.error for call in sms.calls] == ["ThrottlingException"]


def test_on_the_wire_botocore_retries_it() -> None:
    with mock_sms_voice_v2() as sms:
        client = boto3.client(SERVICE, region_name="us-east-1")
        sms.inject_error("CreateRegistration", "ThrottlingException", times=2)
        created = client.create_registration(RegistrationType=TYPE)
    assert created["ResponseMetadata"]["RetryAttempts"] == 2
    assert [call.error for call in sms.calls] == ["ThrottlingException"] * 2 + [None]


@pytest.mark.parametrize("mode", MODES)
def test_a_client_made_with_no_region_is_answered_where_the_wire_answers_it(mode: str) -> None:
    with mock_sms_voice_v2(fast=MODES[mode]) as sms:
        try:
            client = boto3.client(SERVICE)
        except NoRegionError:  # pragma: no cover - the mock's environment names one
            pytest.fail("the mock's environment gives clients a region")
        client.create_registration(RegistrationType=TYPE)
    assert sms.calls[0].region == "us-east-1"


def test_other_services_are_not_answered() -> None:
    with mock_sms_voice_v2(fast=True) as sms:
        sqs = boto3.client("sqs", region_name="us-east-1", endpoint_url="http://127.0.0.1:9")
        with pytest.raises(EndpointConnectionError):  # it tried the (closed) endpoint
            sqs.list_queues()
    assert sms.calls == []


def test_the_account_follows_a_12_digit_access_key_as_on_the_wire() -> None:
    with mock_sms_voice_v2(fast=True) as sms:
        client = boto3.client(
            SERVICE,
            region_name="eu-west-1",
            aws_access_key_id="210987654321",
            aws_secret_access_key="x",
        )
        arn = client.create_registration(RegistrationType="GB_SENDER_ID_REGISTRATION")[
            "RegistrationArn"
        ]
    assert arn.startswith("arn:aws:sms-voice:eu-west-1:210987654321:registration/")
    assert (sms.calls[0].account_id, sms.calls[0].region) == ("210987654321", "eu-west-1")


def test_off_again_the_wire_answers() -> None:
    with mock_sms_voice_v2(fast=True):
        pass
    assert fast._service is None
    with mock_sms_voice_v2():
        client = boto3.client(SERVICE, region_name="us-east-1")
        seen = _events(client)
        client.create_registration(RegistrationType=TYPE)
    assert "before-send" in seen


def test_the_option_is_checked() -> None:
    with pytest.raises(MockError, match="fast must be True or False"):
        mock_sms_voice_v2(fast="yes")


def test_a_server_refuses_it() -> None:
    with pytest.raises(MockError, match="fast=True answers botocore's clients"), server(fast=True):
        pass


def test_a_client_whose_region_is_unset_goes_the_wire_way() -> None:
    with mock_sms_voice_v2(fast=True) as sms:
        client = boto3.client(SERVICE, region_name="us-east-1")
        client.meta.config.region_name = None  # as a client whose region came from nowhere
        seen = _events(client)
        client.create_registration(RegistrationType=TYPE)
    assert "before-send" in seen
    assert sms.calls[0].region == "us-east-1"
