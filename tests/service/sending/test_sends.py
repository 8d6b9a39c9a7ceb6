"""SendTextMessage, SendVoiceMessage, SendMediaMessage: what a send resolves, refuses, keeps
and emits; PutMessageFeedback."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import MockError, SmsVoiceV2Mock
from tests.profiles import newer_model

from .conftest import SUBSCRIBER, long_code


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


def test_without_an_identity_a_number_of_the_country_is_found(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    number = long_code(client)
    client.send_text_message(DestinationPhoneNumber=SUBSCRIBER, MessageBody="hi")
    assert sms.messages[0].origination_identity == number["PhoneNumber"]


def test_without_any_identity_the_set_default_sender_id_is_used(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    client.create_configuration_set(ConfigurationSetName="cs")
    client.set_default_sender_id(ConfigurationSetName="cs", SenderId="ACME")
    client.send_text_message(
        DestinationPhoneNumber="+447700900123", MessageBody="hi", ConfigurationSetName="cs"
    )
    assert sms.messages[0].origination_identity == "ACME"
    with pytest.raises(ClientError) as raised:  # the US takes no sender IDs
        client.send_text_message(
            DestinationPhoneNumber=SUBSCRIBER, MessageBody="hi", ConfigurationSetName="cs"
        )
    assert _reason(raised) == "NO_ORIGINATION_IDENTITIES_FOUND"


def test_a_text_with_no_identity_of_its_own_takes_a_shared_route(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    client.send_text_message(DestinationPhoneNumber="+447700900123", MessageBody="hi")
    assert [m.origination_identity for m in sms.messages] == ["NOTICE"]
    for destination in [SUBSCRIBER, "+16135550123", "+8613800138000"]:  # US, CA, CN: none
        with pytest.raises(ClientError) as raised:
            client.send_text_message(DestinationPhoneNumber=destination, MessageBody="hi")
        assert _reason(raised) == "NO_ORIGINATION_IDENTITIES_FOUND"
    with pytest.raises(ClientError) as raised:  # a calling code of no country: nowhere to go
        client.send_text_message(DestinationPhoneNumber="+99912345678", MessageBody="hi")
    assert _reason(raised) == "NO_ORIGINATION_IDENTITIES_FOUND"
    assert len(sms.messages) == 1


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


def test_a_pool_with_shared_routes_sends_what_its_members_cannot(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    number = long_code(client, "SMS", "VOICE")
    pool = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )["PoolId"]

    def send(operation: str) -> str:
        try:
            getattr(client, operation)(
                DestinationPhoneNumber="+447700900123", OriginationIdentity=pool, MessageBody="hi"
            )
        except ClientError as error:
            return str(error.response.get("Reason"))
        return sms.messages[-1].origination_identity

    assert send("send_text_message") == "NO_ORIGINATION_IDENTITIES_FOUND"
    client.update_pool(PoolId=pool, SharedRoutesEnabled=True)
    assert send("send_text_message") == "NOTICE"
    assert sms.messages[-1].events == ["TEXT_PENDING", "TEXT_SUCCESSFUL"]
    assert send("send_voice_message") == "NO_ORIGINATION_IDENTITIES_FOUND"  # texts only


def test_a_sender_id_sends_in_its_country(client: Any, sms: SmsVoiceV2Mock) -> None:
    sender = client.request_sender_id(SenderId="ACME", IsoCountryCode="DE")
    client.send_text_message(
        DestinationPhoneNumber="+4915112345678", OriginationIdentity="ACME", MessageBody="x"
    )
    client.send_text_message(
        DestinationPhoneNumber="+4915112345678",
        OriginationIdentity=sender["SenderIdArn"],
        MessageBody="x",
    )
    assert [m.origination_identity for m in sms.messages] == ["ACME", "ACME"]
    # no MessageType given, none to inherit: TRANSACTIONAL (events never say null)
    assert [m.message_type for m in sms.messages] == ["TRANSACTIONAL", "TRANSACTIONAL"]
    (event,) = [e for e in sms.eventbridge_events if e["detail"].get("isFinal")][-1:]
    assert event["detail"]["messageType"] == "TRANSACTIONAL"
    with pytest.raises(ClientError) as raised:
        client.send_text_message(
            DestinationPhoneNumber="+33612345678", OriginationIdentity="ACME", MessageBody="x"
        )
    assert raised.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_a_sender_id_sends_to_no_other_country(client: Any, sms: SmsVoiceV2Mock) -> None:
    arn = client.request_sender_id(SenderId="ACME", IsoCountryCode="DE")["SenderIdArn"]
    refusals = {}
    for identity, destination in [
        ("ACME", SUBSCRIBER),  # the US takes no sender IDs
        (arn, SUBSCRIBER),
        (arn, "+33612345678"),  # a DE sender ID does not send to FR
    ]:
        with pytest.raises(ClientError) as raised:
            client.send_text_message(
                DestinationPhoneNumber=destination, OriginationIdentity=identity, MessageBody="x"
            )
        assert raised.value.response["Error"]["Code"] == "ValidationException"
        refusals[identity, destination] = _reason(raised)
    assert refusals == {
        ("ACME", SUBSCRIBER): "SENDER_ID_NOT_SUPPORTED",
        (arn, SUBSCRIBER): "SENDER_ID_NOT_SUPPORTED",
        (arn, "+33612345678"): "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
    }
    assert sms.messages == []


def test_a_pool_picks_a_member_that_reaches_the_destination(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    sms_only = long_code(client, "SMS")
    voice = long_code(client, "SMS", "VOICE")
    pool = client.create_pool(
        OriginationIdentity=sms_only["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    client.associate_origination_identity(
        PoolId=pool["PoolId"], OriginationIdentity=voice["PhoneNumberId"], IsoCountryCode="US"
    )
    client.send_voice_message(
        DestinationPhoneNumber=SUBSCRIBER, OriginationIdentity=pool["PoolArn"], MessageBody="hi"
    )
    client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER, OriginationIdentity=pool["PoolId"], MessageBody="hi"
    )
    assert [m.origination_identity for m in sms.messages] == [
        voice["PhoneNumber"],
        sms_only["PhoneNumber"],
    ]
    with pytest.raises(ClientError) as raised:
        client.send_text_message(
            DestinationPhoneNumber="+447700900123",
            OriginationIdentity=pool["PoolId"],
            MessageBody="hi",
        )
    assert _reason(raised) == "NO_ORIGINATION_IDENTITIES_FOUND"
    assert raised.value.response["ResourceType"] == "pool"


def test_toll_free_sends_once_its_registration_is_in_force(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    send = {
        "DestinationPhoneNumber": SUBSCRIBER,
        "OriginationIdentity": number["PhoneNumberId"],
        "MessageBody": "hi",
    }
    with pytest.raises(ClientError) as raised:
        client.send_text_message(**send)
    assert _reason(raised) == "RESOURCE_NOT_ACTIVE"
    rid = client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")["RegistrationId"]
    client.create_registration_association(RegistrationId=rid, ResourceId=number["PhoneNumberId"])
    with pytest.raises(ClientError) as raised:
        client.send_text_message(**send)
    assert _reason(raised) == "REGISTRATION_NOT_COMPLETE"
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).approve()
    client.send_text_message(**send)
    assert len(sms.messages) == 1


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


@newer_model("UpdatePhoneNumber", "InternationalSendingEnabled")
def test_international_sending_needs_the_number_flag(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    send = {
        "DestinationPhoneNumber": "+447700900123",
        "OriginationIdentity": number["PhoneNumberId"],
        "MessageBody": "hi",
    }
    with pytest.raises(ClientError) as raised:
        client.send_text_message(**send)
    assert _reason(raised) == "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], InternationalSendingEnabled=True
    )
    client.send_text_message(**send)


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
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="d",
        MatchingEventTypes=["TEXT_SUCCESSFUL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:events"},
    )
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
