"""``sms.calls``: kept cheaply, built when read, and bounded by the ``call_log`` option."""

from __future__ import annotations

import boto3
import pytest

from pinpoint_mock import MockError, mock_sms_voice_v2
from pinpoint_mock.engine.call_log import CallLog
from tests.modes import MODES

SERVICE = "pinpoint-sms-voice-v2"
TYPE = "US_TOLL_FREE_REGISTRATION"


@pytest.mark.parametrize("mode", MODES)
def test_each_call_reads_back_as_asked_and_answered(mode: str) -> None:
    with mock_sms_voice_v2(fast=MODES[mode]) as sms:
        client = boto3.client(SERVICE, region_name="us-east-1")
        created = client.create_registration(RegistrationType=TYPE, ClientToken="t-1")
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            client.delete_registration(RegistrationId="registration-" + "0" * 32)
    ok, failed = sms.calls
    assert ok.operation == "CreateRegistration"
    assert ok.params == {"RegistrationType": TYPE, "ClientToken": "t-1"}
    assert ok.response is not None
    assert ok.response["RegistrationId"] == created["RegistrationId"]
    assert ok.error is None
    assert ok.request_id == created["ResponseMetadata"]["RequestId"]
    assert (failed.response, failed.error) == (None, "ResourceNotFoundException")
    assert failed.params == {"RegistrationId": "registration-" + "0" * 32}


def test_the_latest_calls_are_kept_up_to_the_limit() -> None:
    with mock_sms_voice_v2(call_log=2) as sms:
        client = boto3.client(SERVICE, region_name="us-east-1")
        for token in ("a", "b", "c"):
            client.create_registration(RegistrationType=TYPE, ClientToken=token)
    assert [call.params["ClientToken"] for call in sms.calls] == ["b", "c"]


def test_none_keeps_every_call_and_zero_keeps_none() -> None:
    for keep, expected in ((None, 3), (0, 0)):
        with mock_sms_voice_v2(call_log=keep) as sms:
            client = boto3.client(SERVICE, region_name="us-east-1")
            for _ in range(3):
                client.describe_registrations()
        assert len(sms.calls) == expected


def test_the_default_keeps_ten_thousand() -> None:
    with mock_sms_voice_v2() as sms:
        assert sms.options.call_log == 10_000


@pytest.mark.parametrize("bad", [-1, 1.5, True, "10"])
def test_the_option_is_checked(bad: object) -> None:
    with pytest.raises(MockError, match="call_log must be how many calls"):
        mock_sms_voice_v2(call_log=bad)


def test_an_empty_body_reads_as_no_parameters() -> None:
    log = CallLog(None)
    log.add(("DescribeRegistrations", b"", b"{}", None, "123456789012", "us-east-1", "r"))
    (call,) = log
    assert (call.params, call.response) == ({}, {})
    log.clear()
    assert len(log) == 0
