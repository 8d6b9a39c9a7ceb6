"""sms.receive: keywords, opt-outs, replies and the two-way channel."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock
from pinpoint_mock.engine.errors import MockError

from .conftest import SUBSCRIBER, long_code


def _opted_out(client: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.describe_opted_out_numbers(OptOutListName="Default")[
        "OptedOutNumbers"
    ]
    return found


def test_stop_opts_the_sender_out_and_the_next_send_is_refused(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    number = long_code(client)
    inbound = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="stop")
    assert inbound.action == "OPT_OUT"
    assert inbound.keyword == "STOP"
    assert inbound.reply is not None
    assert inbound.reply.destination == SUBSCRIBER
    assert inbound.reply.origination_identity == number["PhoneNumber"]
    assert inbound.reply.reply_to == inbound.message_id
    assert sms.messages == [inbound.reply]
    (opted,) = _opted_out(client)
    assert (opted["OptedOutNumber"], opted["EndUserOptedOut"]) == (SUBSCRIBER, True)
    with pytest.raises(ClientError) as raised:
        client.send_text_message(
            DestinationPhoneNumber=SUBSCRIBER,
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody="hi",
        )
    assert raised.value.response["Reason"] == "DESTINATION_PHONE_NUMBER_OPTED_OUT"


@pytest.mark.parametrize("word", ["UNSUBSCRIBE", "arret", "Quit now"])
def test_every_required_opt_out_word_opts_out(client: Any, sms: SmsVoiceV2Mock, word: str) -> None:
    number = long_code(client)
    inbound = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body=word)
    assert inbound.action == "OPT_OUT"
    assert [n["OptedOutNumber"] for n in _opted_out(client)] == [SUBSCRIBER]


def test_help_and_the_accounts_keywords_reply(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    client.put_keyword(
        OriginationIdentity=number["PhoneNumberId"], Keyword="HOURS", KeywordMessage="9 to 5"
    )
    helped = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="help")
    hours = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="hours?")
    nothing = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="hi")
    assert helped.action == hours.action == "AUTOMATIC_RESPONSE"
    assert hours.reply is not None
    assert hours.reply.body == "9 to 5"
    assert (nothing.action, nothing.reply) == ("NONE", None)
    assert len(sms.messages) == 2


def test_an_opt_in_keyword_opts_back_in(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    client.put_keyword(
        OriginationIdentity=number["PhoneNumberId"],
        Keyword="START",
        KeywordMessage="Welcome back",
        KeywordAction="OPT_IN",
    )
    sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="STOP")
    inbound = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="start")
    assert inbound.action == "OPT_IN"
    assert _opted_out(client) == []


def test_self_managed_opt_outs_change_nothing(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], SelfManagedOptOutsEnabled=True
    )
    inbound = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="STOP")
    assert (inbound.action, inbound.reply) == ("NONE", None)
    assert _opted_out(client) == []


def _two_way_number(client: Any) -> dict[str, Any]:
    number = long_code(client)
    client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn="arn:aws:sns:us-east-1:123456789012:inbound",
    )
    return number


def test_a_two_way_number_gets_every_message_on_its_channel(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    number = _two_way_number(client)
    sent = client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="Reply YES to confirm",
    )
    inbound = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="YES")
    assert inbound.action == "TWO_WAY"
    assert inbound.two_way_payload == {
        "originationNumber": SUBSCRIBER,
        "destinationNumber": number["PhoneNumber"],
        "messageKeyword": "keyword_123456789012",  # no keyword matched: as AWS sends it
        "messageBody": "YES",
        "inboundMessageId": inbound.message_id,
        "previousPublishedMessageId": sent["MessageId"],
    }
    stop = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="STOP")
    assert stop.action == "OPT_OUT"
    assert stop.two_way_payload is not None
    assert stop.two_way_payload["messageKeyword"] == "STOP"


def test_the_two_way_payload_names_the_message_answered_not_the_reply(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    number = _two_way_number(client)
    first = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="HELP")
    assert first.reply is not None
    assert first.two_way_payload is not None
    assert "previousPublishedMessageId" not in first.two_way_payload  # nothing sent before
    second = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="HELP")
    assert second.two_way_payload is not None
    assert second.two_way_payload["previousPublishedMessageId"] == first.reply.message_id


def test_a_pooled_number_answers_with_the_pools_keywords(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client)
    pool = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    client.put_keyword(OriginationIdentity=pool["PoolId"], Keyword="INFO", KeywordMessage="pool")
    inbound = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="info")
    assert inbound.reply is not None
    assert inbound.reply.body == "pool"


def test_receive_names_what_it_needs(sms: SmsVoiceV2Mock) -> None:
    with pytest.raises(LookupError, match=r"no phone number \+12015550100"):
        sms.receive(from_number=SUBSCRIBER, to_number="+12015550100", body="hi")
    with pytest.raises(ValueError, match="from_number"):
        sms.receive(from_number="2065550142", to_number="+12015550100", body="hi")


def test_a_number_held_in_two_regions_needs_the_region(client: Any, sms: SmsVoiceV2Mock) -> None:
    """Numbers are handed out per account and Region, so two Regions can hold the same one:
    receive() refuses to guess which is texted, and opts out in the Region it is told."""
    west = boto3.client("pinpoint-sms-voice-v2", region_name="us-west-2")
    number = long_code(client)["PhoneNumber"]
    assert long_code(west)["PhoneNumber"] == number
    with pytest.raises(MockError, match=r"us-east-1.*us-west-2.*region="):
        sms.receive(from_number=SUBSCRIBER, to_number=number, body="STOP")
    inbound = sms.receive(from_number=SUBSCRIBER, to_number=number, body="STOP", region="us-west-2")
    assert inbound.action == "OPT_OUT"
    assert [o["OptedOutNumber"] for o in _opted_out(west)] == [SUBSCRIBER]
    assert _opted_out(client) == []
