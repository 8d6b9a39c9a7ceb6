"""SendNotifyTextMessage and SendNotifyVoiceMessage through boto3: rendering, the checks in
their order, routing (pool or AWS-managed), opt-outs, events, the daily tier limit, the Notify
spend limit and DryRun."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from tests.profiles import newer_model

from .conftest import ENGLISH, SUBSCRIBER, configuration, error

pytestmark = newer_model("SendNotifyTextMessage")
VOICE = "notify-code-verification-english-voice-001"


def _active(client: Any, **extra: Any) -> str:
    return str(configuration(client, **extra)["NotifyConfigurationId"])


def _text(client: Any, nid: str, **extra: Any) -> dict[str, Any]:
    params: dict[str, Any] = {
        "NotifyConfigurationId": nid,
        "DestinationPhoneNumber": SUBSCRIBER,
        "TemplateId": ENGLISH,
        "TemplateVariables": {"code": "482913"},
        **extra,
    }
    sent: dict[str, Any] = client.send_notify_text_message(**params)
    return sent


def _refused(call: Any) -> tuple[str, str | None]:
    with pytest.raises(ClientError) as raised:
        call()
    return error(raised)


def test_a_text_renders_the_template_and_is_kept(sms: SmsVoiceV2Mock, client: Any) -> None:
    nid = _active(client, DisplayName="AnyCompany")
    sent = _text(client, nid, Context={"user": "42"})
    assert sent["TemplateId"] == ENGLISH
    assert sent["ResolvedMessageBody"] == "482913 is your AnyCompany verification code."
    (message,) = sms.messages
    assert message.message_id == sent["MessageId"]
    assert message.operation == "SendNotifyTextMessage"
    assert (message.destination, message.body) == (SUBSCRIBER, sent["ResolvedMessageBody"])
    assert message.origination_identity == "+18005550100"  # AWS-managed (ours)
    assert message.events == ["TEXT_PENDING", "TEXT_SUCCESSFUL"]
    assert message.context == {"user": "42"}
    assert message.message_type == "TRANSACTIONAL"
    details = [e["detail"] for e in sms.eventbridge_events]
    assert details[-1]["messageId"] == sent["MessageId"]
    assert details[-1]["isFinal"] is True


def test_the_default_template_and_a_sender_id_abroad(sms: SmsVoiceV2Mock, client: Any) -> None:
    nid = _active(client, DefaultTemplateId=ENGLISH)
    sent = client.send_notify_text_message(
        NotifyConfigurationId=nid,
        DestinationPhoneNumber="+447700900123",
        TemplateVariables={"code": "1234"},
    )
    assert sent["TemplateId"] == ENGLISH
    assert sms.messages[-1].origination_identity == "NOTICE"


def test_a_voice_call_reads_the_template(sms: SmsVoiceV2Mock, client: Any) -> None:
    nid = _active(client, EnabledChannels=["SMS", "VOICE"])
    sent = client.send_notify_voice_message(
        NotifyConfigurationId=nid,
        DestinationPhoneNumber=SUBSCRIBER,
        TemplateId=VOICE,
        TemplateVariables={"code": "4. 8. 2. 9. 1. 3."},
        VoiceId="MATTHEW",
    )
    assert "4. 8. 2. 9. 1. 3." in sent["ResolvedMessageBody"]
    message = sms.messages[-1]
    assert (message.operation, message.voice_id) == ("SendNotifyVoiceMessage", "MATTHEW")
    assert message.events[-1] == "VOICE_COMPLETED"
    refused = _refused(
        lambda: client.send_notify_voice_message(
            NotifyConfigurationId=nid,
            DestinationPhoneNumber=SUBSCRIBER,
            TemplateId=VOICE,
            TemplateVariables={"code": "1234"},
            VoiceId="LUPE",
        )
    )
    assert refused == ("ValidationException", "INVALID_PARAMETER")


@pytest.mark.parametrize(
    ("variables", "template"),
    [
        ({}, ENGLISH),  # code is required
        ({"code": "12"}, ENGLISH),  # ^\d{4,8}$
        ({"code": "123456", "extra": "x"}, ENGLISH),
        ({"code": "123456", "brandName": "Else"}, ENGLISH),  # the service fills it
        ({"code": "123456"}, "notify-code-verification-english-002"),  # time is required
        ({"code": "123456", "time": "ten"}, "notify-code-verification-english-002"),
        ({"code": "123456", "time": "61"}, "notify-code-verification-english-002"),
    ],
)
def test_wrong_variables(client: Any, variables: dict[str, str], template: str) -> None:
    nid = _active(client)
    refused = _refused(lambda: _text(client, nid, TemplateId=template, TemplateVariables=variables))
    assert refused == ("ValidationException", "INVALID_PARAMETER")


def test_all_variables_of_the_second_template(client: Any) -> None:
    nid = _active(client, DisplayName="Shop")
    sent = _text(
        client,
        nid,
        TemplateId="notify-code-verification-english-002",
        TemplateVariables={"code": "123456", "time": "10"},
    )
    assert sent["ResolvedMessageBody"] == (
        "Your Shop verification code is 123456. It expires in 10 minutes."
    )


def test_the_refusals(client: Any) -> None:
    nid = _active(client, EnabledCountries=["US"])
    assert _refused(lambda: _text(client, nid, DestinationPhoneNumber="+447700900123")) == (
        "ValidationException",
        "COUNTRY_NOT_ENABLED",
    )
    assert _refused(
        lambda: client.send_notify_voice_message(
            NotifyConfigurationId=nid,
            DestinationPhoneNumber=SUBSCRIBER,
            TemplateId=VOICE,
            TemplateVariables={"code": "1234"},
        )
    ) == ("ValidationException", "CHANNEL_NOT_ENABLED")
    assert _refused(lambda: _text(client, nid, TemplateId="")) == (
        "ValidationException",
        "MISSING_PARAMETER",
    )
    assert _refused(lambda: _text(client, nid, TemplateId=VOICE)) == (
        "ValidationException",
        "INVALID_PARAMETER",
    )
    assert _refused(
        lambda: _text(client, nid, TemplateId="notify-code-verification-german-001")
    ) == ("ValidationException", "INVALID_PARAMETER")
    assert _refused(
        lambda: _text(client, nid, TemplateId="notify-code-verification-french-canadian-001")
    ) == ("ValidationException", "INVALID_PARAMETER")  # not used in the US
    with pytest.raises(ClientError) as raised:
        _text(client, nid, TemplateId="notify-nothing-001")
    assert raised.value.response["ResourceType"] == "notify-template"
    with pytest.raises(ClientError) as raised:
        _text(client, "notify-" + "0" * 32)
    assert raised.value.response["ResourceType"] == "notify-configuration"
    with pytest.raises(ClientError) as raised:
        _text(client, nid, ConfigurationSetName="nobody")
    assert raised.value.response["ResourceType"] == "configuration-set"


def test_no_voice_where_the_country_takes_none(client: Any) -> None:
    nid = _active(client, EnabledChannels=["VOICE"])
    refused = _refused(
        lambda: client.send_notify_voice_message(
            NotifyConfigurationId=nid,
            DestinationPhoneNumber="+919876543210",
            TemplateId="notify-code-verification-spanish-001",
            TemplateVariables={"code": "1234"},
        )
    )
    assert refused == ("ValidationException", "VOICE_CAPABILITY_NOT_AVAILABLE")


def test_only_an_active_configuration_sends(client: Any) -> None:
    nid = _active(client, DisplayName="Amazon")
    assert _refused(lambda: _text(client, nid)) == (
        "ConflictException",
        "NOTIFY_CONFIGURATION_NOT_ACTIVE",
    )


def _pooled_number(client: Any) -> tuple[str, str]:
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    pool = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    return str(number["PhoneNumber"]), str(pool["PoolId"])


def test_the_pool_sends_where_it_can_and_its_opt_outs_hold(
    sms: SmsVoiceV2Mock, client: Any
) -> None:
    number, pool = _pooled_number(client)
    nid = _active(client, PoolId=pool)
    _text(client, nid)
    assert sms.messages[-1].origination_identity == number
    _text(client, nid, DestinationPhoneNumber="+447700900123")  # no member there: AWS's
    assert sms.messages[-1].origination_identity == "NOTICE"
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=SUBSCRIBER)
    assert _refused(lambda: _text(client, nid)) == (
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
    )
    other = _active(client)  # AWS-managed identities: STOP is informational for OTP
    _text(client, other)
    assert sms.messages[-1].destination == SUBSCRIBER


def test_events_go_to_the_configuration_set(sms: SmsVoiceV2Mock, client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="otp")
    client.create_event_destination(
        ConfigurationSetName="otp",
        EventDestinationName="all",
        MatchingEventTypes=["ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:otp"},
    )
    nid = _active(client)
    sent = _text(client, nid, ConfigurationSetName="otp")
    records = [e["record"] for e in sms.events]
    assert [r["eventType"] for r in records] == ["TEXT_PENDING", "TEXT_SUCCESSFUL"]
    assert {r["messageId"] for r in records} == {sent["MessageId"]}
    assert records[-1]["totalMessagePrice"] == pytest.approx(0.00581 + 0.005)


def test_dry_run_checks_and_keeps_nothing(sms: SmsVoiceV2Mock, client: Any) -> None:
    nid = _active(client)
    dry = _text(client, nid, DryRun=True)
    assert dry["ResolvedMessageBody"] == "482913 is your AnyCompany verification code."
    assert dry["MessageId"]
    assert sms.messages == []
    assert sms.eventbridge_events == []
    assert _refused(lambda: _text(client, nid, DryRun=True, TemplateVariables={})) == (
        "ValidationException",
        "INVALID_PARAMETER",
    )


def test_the_notify_spend_limit_and_no_other(client: Any) -> None:
    nid = _active(client)
    client.set_text_message_spend_limit_override(MonthlyLimit=0)
    _text(client, nid)  # the text limit does not count Notify
    client.set_notify_message_spend_limit_override(MonthlyLimit=0)
    assert _refused(lambda: _text(client, nid)) == (
        "ServiceQuotaExceededException",
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_NOTIFY",
    )


def test_the_basic_tier_daily_limit() -> None:
    with mock_sms_voice_v2(quotas={"DAILY_NOTIFY_TIER_MESSAGE_LIMIT": 2}):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        nid = _active(client)
        _text(client, nid)
        _text(client, nid, DryRun=True)  # a dry run is not counted
        _text(client, nid)
        refused = _refused(lambda: _text(client, nid))
        other = _active(client)  # the limit is a configuration's
        _text(client, other)
    assert refused == ("ServiceQuotaExceededException", "DAILY_NOTIFY_TIER_MESSAGE_LIMIT")
