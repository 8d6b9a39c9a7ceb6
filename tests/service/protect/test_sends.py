"""Sends that protect configurations change: blocked countries and numbers, overrides that win
over country rules and expire on the clock, which configuration applies, and the events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock
from tests.service.sending.conftest import SUBSCRIBER, long_code

from .test_rules import NEWER_STATUSES, OVERRIDES

BLOCKED_COUNTRY = "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION"
BLOCKED_NUMBER = "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE"


def _protect(client: Any, capability: str = "SMS", **rules: str) -> str:
    pid = str(client.create_protect_configuration()["ProtectConfigurationId"])
    if rules:
        client.update_protect_configuration_country_rule_set(
            ProtectConfigurationId=pid,
            NumberCapability=capability,
            CountryRuleSetUpdates={c: {"ProtectStatus": s} for c, s in rules.items()},
        )
    return pid


def _text(client: Any, **params: Any) -> dict[str, Any]:
    sent: dict[str, Any] = client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER, MessageBody="hi", **params
    )
    return sent


def _refused(client: Any, **params: Any) -> dict[str, Any]:
    with pytest.raises(ClientError) as raised:
        _text(client, **params)
    response: dict[str, Any] = raised.value.response
    assert response["Error"]["Code"] == "ConflictException", response
    return response


def test_a_blocked_country_refuses_the_send(client: Any, sms: SmsVoiceV2Mock) -> None:
    long_code(client, "SMS", "VOICE")
    pid = _protect(client, US="BLOCK")
    refused = _refused(client, ProtectConfigurationId=pid)
    assert (refused["Reason"], refused["ResourceType"], refused["ResourceId"]) == (
        BLOCKED_COUNTRY,
        "protect-configuration",
        pid,
    )
    _refused(client, ProtectConfigurationId=pid, DryRun=True)
    assert sms.messages == []
    # the rule is for SMS: a call to the same country goes
    client.send_voice_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=sms_number(client),
        MessageBody="hi",
        ProtectConfigurationId=pid,
    )
    assert [m.operation for m in sms.messages] == ["SendVoiceMessage"]
    assert sms.messages[0].protect == {"protectConfigurationId": pid, "protectStatus": "ALLOW"}


def sms_number(client: Any) -> str:
    return str(client.describe_phone_numbers()["PhoneNumbers"][0]["PhoneNumber"])


def test_the_request_beats_the_set_which_beats_the_account_default(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    long_code(client)
    blocks, allows = _protect(client, US="BLOCK"), _protect(client)
    client.set_account_default_protect_configuration(ProtectConfigurationId=blocks)
    assert _refused(client)["ResourceId"] == blocks  # the default applies without a set
    client.create_configuration_set(ConfigurationSetName="plain")
    assert _refused(client, ConfigurationSetName="plain")["ResourceId"] == blocks
    client.create_configuration_set(ConfigurationSetName="cs")
    client.associate_protect_configuration(ProtectConfigurationId=allows, ConfigurationSetName="cs")
    _text(client, ConfigurationSetName="cs")
    assert sms.messages[-1].protect == {"protectConfigurationId": allows, "protectStatus": "ALLOW"}
    client.associate_protect_configuration(ProtectConfigurationId=blocks, ConfigurationSetName="cs")
    assert _refused(client, ConfigurationSetName="cs")["ResourceId"] == blocks
    _text(client, ConfigurationSetName="cs", ProtectConfigurationId=allows)
    client.delete_account_default_protect_configuration()
    _text(client)
    assert sms.messages[-1].protect is None  # no configuration applied
    assert len(sms.messages) == 3


def test_events_carry_the_protect_status(client: Any, sms: SmsVoiceV2Mock) -> None:
    long_code(client)
    pid = _protect(client)
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="all",
        MatchingEventTypes=["ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:events"},
    )
    client.associate_protect_configuration(ProtectConfigurationId=pid, ConfigurationSetName="cs")
    _text(client, ConfigurationSetName="cs")
    records = [e["record"] for e in sms.events]
    assert [r["eventType"] for r in records] == ["TEXT_PENDING", "TEXT_SUCCESSFUL"]
    assert {str(r["protectConfiguration"]) for r in records} == {
        str({"protectConfigurationId": pid, "protectStatus": "ALLOW"})
    }


def test_a_voice_block_refuses_calls_only(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client, "SMS", "VOICE")["PhoneNumber"]
    pid = _protect(client, "VOICE", US="BLOCK")
    with pytest.raises(ClientError) as raised:
        client.send_voice_message(
            DestinationPhoneNumber=SUBSCRIBER,
            OriginationIdentity=number,
            MessageBody="hi",
            ProtectConfigurationId=pid,
        )
    assert raised.value.response["Reason"] == BLOCKED_COUNTRY
    _text(client, ProtectConfigurationId=pid)
    assert len(sms.messages) == 1


@NEWER_STATUSES
def test_filter_and_monitor_let_messages_go(client: Any, sms: SmsVoiceV2Mock) -> None:
    long_code(client)
    monitors, filters = _protect(client, US="MONITOR"), _protect(client, US="FILTER")
    _text(client, ProtectConfigurationId=monitors)
    assert sms.messages[-1].protect == {
        "protectConfigurationId": monitors,
        "protectStatus": "MONITOR",
    }
    assert sms.messages[-1].events[-1] == "TEXT_SUCCESSFUL"
    _text(client, ProtectConfigurationId=filters)
    assert sms.messages[-1].events[-1] == "TEXT_SUCCESSFUL"  # no AIT model: nothing flagged
    sms.set_delivery(SUBSCRIBER, "TEXT_PROTECT_BLOCKED")  # the model flags this destination
    _text(client, ProtectConfigurationId=filters)
    assert sms.messages[-1].events == ["TEXT_PENDING", "TEXT_PROTECT_BLOCKED"]
    assert sms.messages[-1].protect == {
        "protectConfigurationId": filters,
        "protectStatus": "FILTER",
    }


def _override(client: Any, pid: str, action: str, **extra: Any) -> None:
    client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=pid, DestinationPhoneNumber=SUBSCRIBER, Action=action, **extra
    )


@OVERRIDES
def test_an_allow_override_wins_over_a_country_block(client: Any, sms: SmsVoiceV2Mock) -> None:
    long_code(client)
    pid = _protect(client, US="BLOCK")
    _override(client, pid, "ALLOW")
    _text(client, ProtectConfigurationId=pid)
    assert sms.messages[-1].protect == {"protectConfigurationId": pid, "protectStatus": "ALLOW"}
    with pytest.raises(ClientError) as raised:  # only that number
        client.send_text_message(
            DestinationPhoneNumber="+12065550143", MessageBody="hi", ProtectConfigurationId=pid
        )
    assert raised.value.response["Reason"] == BLOCKED_COUNTRY


@OVERRIDES
def test_a_block_override_wins_over_an_allowed_country(client: Any, sms: SmsVoiceV2Mock) -> None:
    long_code(client)
    pid = _protect(client)
    _override(client, pid, "BLOCK")
    refused = _refused(client, ProtectConfigurationId=pid)
    assert (refused["Reason"], refused["ResourceId"]) == (BLOCKED_NUMBER, pid)
    client.delete_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=pid, DestinationPhoneNumber=SUBSCRIBER
    )
    _text(client, ProtectConfigurationId=pid)


@OVERRIDES
def test_an_expired_override_no_longer_applies(client: Any, sms: SmsVoiceV2Mock) -> None:
    long_code(client)
    start = dt.datetime(2026, 3, 1, 12, tzinfo=dt.timezone.utc)
    with time_machine.travel(start, tick=False) as clock:
        pid = _protect(client, US="BLOCK")
        _override(client, pid, "ALLOW", ExpirationTimestamp=start + dt.timedelta(hours=1))
        _text(client, ProtectConfigurationId=pid)
        clock.move_to(start + dt.timedelta(hours=2))
        assert _refused(client, ProtectConfigurationId=pid)["Reason"] == BLOCKED_COUNTRY
        listed = client.list_protect_configuration_rule_set_number_overrides(
            ProtectConfigurationId=pid,
            Filters=[
                {"Name": "expires-before", "Values": [(start + dt.timedelta(hours=2)).isoformat()]}
            ],
        )["RuleSetNumberOverrides"]
        assert [o["DestinationPhoneNumber"] for o in listed] == [SUBSCRIBER]
    assert len(sms.messages) == 1


@OVERRIDES
def test_an_opted_out_number_stays_refused_with_an_allow_override(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    long_code(client)
    pid = _protect(client, US="BLOCK")
    _override(client, pid, "ALLOW")
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=SUBSCRIBER)
    refused = _refused(client, ProtectConfigurationId=pid)
    assert refused["Reason"] == "DESTINATION_PHONE_NUMBER_OPTED_OUT"
    assert sms.messages == []


def test_an_mms_block_refuses_media_only(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client, "SMS", "MMS")["PhoneNumber"]
    pid = _protect(client, "MMS", US="BLOCK")
    with pytest.raises(ClientError) as raised:
        client.send_media_message(
            DestinationPhoneNumber=SUBSCRIBER,
            OriginationIdentity=number,
            MediaUrls=["s3://bucket/a.png"],
            ProtectConfigurationId=pid,
        )
    assert raised.value.response["Reason"] == BLOCKED_COUNTRY
    _text(client, ProtectConfigurationId=pid)
    assert [m.operation for m in sms.messages] == ["SendTextMessage"]
