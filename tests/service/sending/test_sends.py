"""SendTextMessage, SendVoiceMessage, SendMediaMessage: what a send resolves, refuses, keeps
and emits; PutMessageFeedback."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import MockError, SmsVoiceV2Mock
from tests.profiles import newer_model

from .conftest import SUBSCRIBER, event_set, long_code


def _reason(raised: pytest.ExceptionInfo[ClientError]) -> str:
    return str(raised.value.response.get("Reason"))


@pytest.mark.parametrize("member", ["PhoneNumberId", "PhoneNumberArn", "PhoneNumber"])
def test_a_number_sends_by_id_arn_or_number(client: Any, sms: SmsVoiceV2Mock, member: str) -> None:
    number = long_code(client)
    sent = client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER, OriginationIdentity=number[member], MessageBody="hi"
    )
    (message,) = sms.messages
    assert message.message_id == sent["MessageId"]
    assert message.origination_identity == number["PhoneNumber"]
    assert message.operation == "SendTextMessage"
    assert (message.destination, message.body) == (SUBSCRIBER, "hi")
    assert message.events == ["TEXT_PENDING", "TEXT_SUCCESSFUL"]
    assert (message.account_id, message.region) == ("123456789012", "us-east-1")


def test_the_message_keeps_what_the_send_said(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="hi",
        MessageType="PROMOTIONAL",
        Keyword="JOIN",
        TimeToLive=300,
        MaxPrice="0.50",
        Context={"order": "42"},
        DestinationCountryParameters={"IN_TEMPLATE_ID": "t1"},
    )
    (message,) = sms.messages
    assert message.message_type == "PROMOTIONAL"
    assert message.keyword == "JOIN"
    assert message.time_to_live == 300
    assert message.max_price == "0.50"
    assert message.context == {"order": "42"}
    assert message.destination_country_parameters == {"IN_TEMPLATE_ID": "t1"}
    assert message.media_urls == []
    assert message.configuration_set is None


def test_a_text_to_a_country_without_carrier_data_has_none_in_its_events(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    client.send_text_message(DestinationPhoneNumber="+201012345678", MessageBody="hi")
    (message,) = sms.messages
    assert message.origination_identity == "NOTICE"
    details = [e["detail"] for e in sms.eventbridge_events]
    assert [d["eventType"] for d in details] == ["TEXT_PENDING", "TEXT_SUCCESSFUL"]
    assert {d["isoCountryCode"] for d in details} == {"EG"}
    assert not any({"mcc", "mnc", "carrierName"} & d.keys() for d in details)


def test_dry_run_checks_everything_and_keeps_nothing(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    sent = client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="hi",
        DryRun=True,
    )
    assert sent["MessageId"]
    assert sms.messages == []
    with pytest.raises(ClientError) as raised:
        client.send_voice_message(
            DestinationPhoneNumber=SUBSCRIBER,
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody="hi",
            DryRun=True,
        )
    assert _reason(raised) == "NUMBER_CAPABILITIES_MISMATCH"


@pytest.mark.parametrize("listed", [SUBSCRIBER, SUBSCRIBER[1:]], ids=["e164", "without-plus"])
def test_opted_out_destinations_are_refused(client: Any, sms: SmsVoiceV2Mock, listed: str) -> None:
    number = long_code(client)
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=listed)
    with pytest.raises(ClientError) as raised:
        client.send_text_message(
            DestinationPhoneNumber=SUBSCRIBER,
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody="hi",
        )
    assert _reason(raised) == "DESTINATION_PHONE_NUMBER_OPTED_OUT"


def test_a_plain_text_voice_body_is_at_most_3000_characters(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    number = long_code(client, "SMS", "VOICE")
    call = {"DestinationPhoneNumber": SUBSCRIBER, "OriginationIdentity": number["PhoneNumberId"]}
    with pytest.raises(ClientError) as raised:
        client.send_voice_message(**call, MessageBody="a" * 3001)
    assert _reason(raised) == "INVALID_PARAMETER"
    assert raised.value.response["Fields"][0]["Name"] == "messageBody"
    client.send_voice_message(**call, MessageBody="a" * 3000, MessageBodyTextType="TEXT")
    ssml = "<speak>" + "a" * 4000 + "</speak>"
    client.send_voice_message(**call, MessageBody=ssml, MessageBodyTextType="SSML")
    assert [m.message_body_text_type for m in sms.messages] == ["TEXT", "SSML"]


def test_voice_and_media_sends(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client, "SMS", "VOICE", "MMS")
    client.send_voice_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="<speak>Your code is 1 2 3</speak>",
        MessageBodyTextType="SSML",
        VoiceId="JOANNA",
    )
    client.send_media_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="look",
        MediaUrls=["s3://media-bucket/cat.png"],
    )
    voice, media = sms.messages
    assert voice.operation == "SendVoiceMessage"
    assert voice.events == ["VOICE_INITIATED", "VOICE_RINGING", "VOICE_ANSWERED", "VOICE_COMPLETED"]
    assert (voice.voice_id, voice.message_body_text_type) == ("JOANNA", "SSML")
    assert media.operation == "SendMediaMessage"
    assert media.media_urls == ["s3://media-bucket/cat.png"]
    assert media.events == ["MEDIA_PENDING", "MEDIA_SUCCESSFUL"]


def test_set_delivery_ends_messages_otherwise_until_reset(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client, "SMS", "VOICE", "MMS")
    ident = number["PhoneNumberId"]
    sms.set_delivery(SUBSCRIBER, "TEXT_BLOCKED")
    client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER, OriginationIdentity=ident, MessageBody="a"
    )
    client.send_media_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=ident,
        MediaUrls=["s3://media-bucket/cat.png"],
    )
    client.send_voice_message(
        DestinationPhoneNumber=SUBSCRIBER, OriginationIdentity=ident, MessageBody="a"
    )
    sms.set_delivery(SUBSCRIBER, "VOICE_NO_ANSWER")
    client.send_voice_message(
        DestinationPhoneNumber=SUBSCRIBER, OriginationIdentity=ident, MessageBody="a"
    )
    sms.set_delivery(SUBSCRIBER, None)
    client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER, OriginationIdentity=ident, MessageBody="a"
    )
    assert [m.events[-1] for m in sms.messages] == [
        "TEXT_BLOCKED",
        "MEDIA_BLOCKED",
        "VOICE_COMPLETED",  # no VOICE_BLOCKED: calls go through
        "VOICE_NO_ANSWER",
        "TEXT_SUCCESSFUL",
    ]
    assert sms.messages[3].events == ["VOICE_INITIATED", "VOICE_RINGING", "VOICE_NO_ANSWER"]


def test_set_delivery_takes_final_events_only(sms: SmsVoiceV2Mock) -> None:
    with pytest.raises(MockError, match="TEXT_PENDING"):
        sms.set_delivery(SUBSCRIBER, "TEXT_PENDING")
    with pytest.raises(ValueError, match=r"E\.164"):
        sms.set_delivery("2065550142", "TEXT_BLOCKED")


def test_events_go_to_matching_enabled_destinations(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    client.create_configuration_set(ConfigurationSetName="cs")
    topic = {"TopicArn": "arn:aws:sns:us-east-1:123456789012:events"}
    for name, types in (("all", ["ALL"]), ("final", ["TEXT_SUCCESSFUL"]), ("voice", ["VOICE_ALL"])):
        client.create_event_destination(
            ConfigurationSetName="cs",
            EventDestinationName=name,
            MatchingEventTypes=types,
            SnsDestination=topic,
        )
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="off",
        MatchingEventTypes=["ALL"],
        SnsDestination=topic,
    )
    client.update_event_destination(
        ConfigurationSetName="cs", EventDestinationName="off", Enabled=False
    )
    sent = client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="hi",
        ConfigurationSetName="cs",
        Context={"order": "42"},
    )
    shown = [(e["destination"], e["record"]["eventType"]) for e in sms.events]
    assert shown == [
        ("all", "TEXT_PENDING"),
        ("all", "TEXT_SUCCESSFUL"),
        ("final", "TEXT_SUCCESSFUL"),
    ]
    record = sms.events[-1]["record"]
    assert sms.events[-1]["configuration_set"] == "cs"
    assert record["messageId"] == sent["MessageId"]
    assert record["isFinal"] is True
    assert record["messageStatus"] == "SUCCESSFUL"
    assert record["context"] == {"order": "42"}
    assert record["originationPhoneNumber"] == number["PhoneNumber"]
    assert record["destinationPhoneNumber"] == SUBSCRIBER
    assert record["messageEncoding"] == "GSM"
    assert record["totalMessageParts"] == 1
    assert record["totalMessagePrice"] == 0.00581
    assert isinstance(record["eventTimestamp"], int)
    assert sms.events[0]["record"]["isFinal"] is False


def test_message_parts_and_encoding(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    event_set(client, "cs", "TEXT_SUCCESSFUL")
    for body in ("a" * 160, "a" * 161, "é" * 10, "€" * 71):
        client.send_text_message(
            DestinationPhoneNumber=SUBSCRIBER,
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody=body,
            ConfigurationSetName="cs",
        )
    shown = [(e["record"]["messageEncoding"], e["record"]["totalMessageParts"]) for e in sms.events]
    assert shown == [("GSM", 1), ("GSM", 2), ("GSM", 1), ("GSM", 1)]


@newer_model("SendTextMessage", "MessageFeedbackEnabled")
def test_message_feedback(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    plain = client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER, OriginationIdentity=number["PhoneNumberId"]
    )
    tracked = client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="code 1234",
        MessageFeedbackEnabled=True,
    )
    answer = client.put_message_feedback(
        MessageId=tracked["MessageId"], MessageFeedbackStatus="RECEIVED"
    )
    assert answer["MessageFeedbackStatus"] == "RECEIVED"
    assert sms.messages[1].feedback_status == "RECEIVED"
    with pytest.raises(ClientError) as raised:
        client.put_message_feedback(MessageId=plain["MessageId"], MessageFeedbackStatus="FAILED")
    assert raised.value.response["ResourceType"] == "message"
