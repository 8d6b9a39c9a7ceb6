"""Which identity a send goes out from: the one named (a number, pool or sender ID), or the
one found for a text that names none, down to AWS's shared routes; what a route refuses."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock
from tests.profiles import newer_model

from .conftest import SUBSCRIBER, long_code


def _reason(raised: pytest.ExceptionInfo[ClientError]) -> str:
    return str(raised.value.response.get("Reason"))


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
