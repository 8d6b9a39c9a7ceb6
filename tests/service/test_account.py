"""The account: attributes, limits, and spend limits counted per send."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
import pytest
import time_machine
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2

from .sending.conftest import SUBSCRIBER, long_code


def _limits(client: Any) -> dict[str, dict[str, Any]]:
    return {row["Name"]: row for row in client.describe_spend_limits()["SpendLimits"]}


def test_a_production_account(client: Any) -> None:
    attributes = client.describe_account_attributes()["AccountAttributes"]
    assert attributes == [{"Name": "ACCOUNT_TIER", "Value": "PRODUCTION"}]
    text = _limits(client)["TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"]
    assert text == {
        "Name": "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT",
        "EnforcedLimit": 10_000,
        "MaxLimit": 10_000,
        "Overridden": False,
    }


def test_account_limits_count_what_exists(client: Any) -> None:
    long_code(client)
    client.create_configuration_set(ConfigurationSetName="cs")
    limits = {row["Name"]: row for row in client.describe_account_limits()["AccountLimits"]}
    assert limits["PHONE_NUMBERS"]["Used"] == 1
    assert limits["CONFIGURATION_SETS"]["Used"] == 1
    assert limits["OPT_OUT_LISTS"]["Used"] == 1  # Default


def test_account_limits_follow_the_quotas_option() -> None:
    with mock_sms_voice_v2(quotas={"PHONE_NUMBERS_PER_ACCOUNT": 3}):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        limits = {row["Name"]: row for row in client.describe_account_limits()["AccountLimits"]}
    assert limits["PHONE_NUMBERS"]["Max"] == 3


def test_overrides_set_and_delete(client: Any) -> None:
    assert client.set_text_message_spend_limit_override(MonthlyLimit=5)["MonthlyLimit"] == 5
    text = _limits(client)["TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"]
    assert (text["EnforcedLimit"], text["Overridden"]) == (5, True)
    assert client.delete_text_message_spend_limit_override()["MonthlyLimit"] == 10_000
    assert _limits(client)["TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"]["Overridden"] is False
    with pytest.raises(ClientError) as raised:
        client.set_voice_message_spend_limit_override(MonthlyLimit=10_001)
    assert raised.value.response["Reason"] == "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT"


def test_the_sandbox_limit_is_one_dollar() -> None:
    with mock_sms_voice_v2(sandbox=True):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        limits = _limits(client)
        with pytest.raises(ClientError):
            client.set_media_message_spend_limit_override(MonthlyLimit=2)
    assert {row["MaxLimit"] for row in limits.values()} == {1}


def test_sends_count_against_the_month_and_the_next_month_starts_over(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    number = long_code(client, "SMS", "VOICE")
    client.set_text_message_spend_limit_override(MonthlyLimit=1)
    send = {
        "DestinationPhoneNumber": SUBSCRIBER,
        "OriginationIdentity": number["PhoneNumberId"],
        "MessageBody": "hi",
    }
    with time_machine.travel(dt.datetime(2026, 5, 30, tzinfo=dt.timezone.utc), tick=False) as t:
        for _ in range(172):  # $0.00581 each: 172 make $0.99932
            client.send_text_message(**send)
        with pytest.raises(ClientError) as raised:
            client.send_text_message(**send)
        assert raised.value.response["Reason"] == "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT"
        client.send_voice_message(**send)  # voice has its own limit
        t.shift(dt.timedelta(days=3))
        client.send_text_message(**send)


def test_blocked_messages_cost_nothing(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    client.set_text_message_spend_limit_override(MonthlyLimit=0)
    sms.set_delivery(SUBSCRIBER, "TEXT_BLOCKED")
    client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER, OriginationIdentity=number["PhoneNumberId"]
    )
    assert sms.messages[0].events == ["TEXT_PENDING", "TEXT_BLOCKED"]


@pytest.mark.sms_voice_v2(sandbox=True)
def test_the_marker_takes_the_sandbox_option(sms_voice_v2_client: Any) -> None:
    attributes = sms_voice_v2_client.describe_account_attributes()["AccountAttributes"]
    assert attributes == [{"Name": "ACCOUNT_TIER", "Value": "SANDBOX"}]


def test_the_server_takes_the_sandbox_option() -> None:
    from pinpoint_mock import server

    with server(sandbox=True) as url:
        client = boto3.client(
            "pinpoint-sms-voice-v2",
            region_name="us-east-1",
            endpoint_url=url,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        attributes = client.describe_account_attributes()["AccountAttributes"]
    assert attributes == [{"Name": "ACCOUNT_TIER", "Value": "SANDBOX"}]


def test_sandbox_must_be_a_bool() -> None:
    from pinpoint_mock import MockError

    with pytest.raises(MockError, match="sandbox must be True or False"):
        mock_sms_voice_v2(sandbox="yes")
