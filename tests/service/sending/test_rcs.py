"""SendRcsMessage through boto3: who may send to whom, what is kept and emitted."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from tests.profiles import newer_model

from .conftest import event_set, long_code

pytestmark = newer_model("SendRcsMessage")

TESTER = "+12065550142"
STRANGER = "+12065550143"
HELLO = {"Content": {"TextMessage": {"Body": "Hello from Example!"}}}


def _reason(raised: pytest.ExceptionInfo[ClientError]) -> Any:
    return raised.value.response.get("Reason")


def _approved(client: Any, sms: SmsVoiceV2Mock, agent: str, kind: str) -> str:
    reg = client.create_registration(RegistrationType=kind)["RegistrationId"]
    client.create_registration_association(RegistrationId=reg, ResourceId=agent)
    client.submit_registration_version(RegistrationId=reg)
    sms.review(reg).approve()
    return str(reg)


def _testing_agent(client: Any, sms: SmsVoiceV2Mock) -> str:
    agent = str(client.create_rcs_agent()["RcsAgentId"])
    _approved(client, sms, agent, "TEST_RCS_LAUNCH_REGISTRATION")
    return agent


def _tester(client: Any, sms: SmsVoiceV2Mock, agent: str, number: str = TESTER) -> str:
    vdn = client.create_verified_destination_number(
        DestinationPhoneNumber=number, RcsAgentId=agent
    )["VerifiedDestinationNumberId"]
    client.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
    )
    invitation = sms.messages[-1]
    assert (invitation.origination_identity, invitation.destination) == (agent, number)
    client.verify_destination_number(
        VerifiedDestinationNumberId=vdn, VerificationCode=str(invitation.body)
    )
    return str(vdn)


def test_a_testing_agent_sends_to_its_verified_tester(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _testing_agent(client, sms)
    _tester(client, sms, agent)
    testers = client.describe_verified_destination_numbers(
        Filters=[{"Name": "rcs-agent-id", "Values": [agent]}]
    )["VerifiedDestinationNumbers"]
    assert [(v["DestinationPhoneNumber"], v["Status"]) for v in testers] == [(TESTER, "VERIFIED")]
    sent = client.send_rcs_message(
        DestinationPhoneNumber=TESTER,
        OriginationIdentity=agent,
        RcsMessageContent=HELLO,
        Context={"order": "42"},
        TimeToLive=600,
    )
    message = sms.messages[-1]
    assert message.message_id == sent["MessageId"]
    assert (message.operation, message.origination_identity) == ("SendRcsMessage", agent)
    assert (message.destination, message.body) == (TESTER, "Hello from Example!")
    assert message.rcs_content == HELLO
    assert message.context == {"order": "42"}
    assert message.time_to_live == 600
    assert message.events == ["RCS_SENT", "RCS_DELIVERED"]


def test_a_testing_agent_refuses_other_numbers(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _testing_agent(client, sms)
    client.create_verified_destination_number(DestinationPhoneNumber=STRANGER)
    with pytest.raises(client.exceptions.ConflictException) as raised:
        client.send_rcs_message(
            DestinationPhoneNumber=STRANGER, OriginationIdentity=agent, RcsMessageContent=HELLO
        )
    assert _reason(raised) == "DESTINATION_PHONE_NUMBER_NOT_VERIFIED"


def test_an_agent_without_an_approved_registration_cannot_send(client: Any) -> None:
    agent = client.create_rcs_agent()["RcsAgentId"]
    with pytest.raises(client.exceptions.ConflictException) as raised:
        client.send_rcs_message(
            DestinationPhoneNumber=TESTER, OriginationIdentity=agent, RcsMessageContent=HELLO
        )
    assert _reason(raised) == "RESOURCE_NOT_ACTIVE"
    vdn = client.create_verified_destination_number(
        DestinationPhoneNumber=TESTER, RcsAgentId=agent
    )["VerifiedDestinationNumberId"]
    with pytest.raises(client.exceptions.ConflictException) as invited:
        client.send_destination_number_verification_code(
            VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
        )
    assert _reason(invited) == "RESOURCE_NOT_ACTIVE"
    reg = client.create_registration(RegistrationType="TEST_RCS_LAUNCH_REGISTRATION")
    client.create_registration_association(RegistrationId=reg["RegistrationId"], ResourceId=agent)
    with pytest.raises(client.exceptions.ConflictException) as pending:
        client.send_rcs_message(
            DestinationPhoneNumber=TESTER, OriginationIdentity=agent, RcsMessageContent=HELLO
        )
    assert _reason(pending) == "REGISTRATION_NOT_COMPLETE"


def test_a_launched_agent_sends_to_its_countries_only() -> None:
    with mock_sms_voice_v2(registration_types=["US_RCS_LAUNCH_REGISTRATION"]) as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        agent = client.create_rcs_agent()
        _approved(client, sms, agent["RcsAgentId"], "US_RCS_LAUNCH_REGISTRATION")
        client.send_rcs_message(
            DestinationPhoneNumber=STRANGER,
            OriginationIdentity=agent["RcsAgentArn"],
            RcsMessageContent=HELLO,
        )
        assert sms.messages[-1].destination == STRANGER
        with pytest.raises(client.exceptions.ValidationException) as raised:
            client.send_rcs_message(
                DestinationPhoneNumber="+447700900123",
                OriginationIdentity=agent["RcsAgentId"],
                RcsMessageContent=HELLO,
            )
        assert _reason(raised) == "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"


def test_opted_out_numbers_are_refused(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _testing_agent(client, sms)
    _tester(client, sms, agent)
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=TESTER)
    with pytest.raises(client.exceptions.ConflictException) as raised:
        client.send_rcs_message(
            DestinationPhoneNumber=TESTER, OriginationIdentity=agent, RcsMessageContent=HELLO
        )
    assert _reason(raised) == "DESTINATION_PHONE_NUMBER_OPTED_OUT"


def test_dry_run_keeps_nothing(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _testing_agent(client, sms)
    _tester(client, sms, agent)
    before = len(sms.messages)
    sent = client.send_rcs_message(
        DestinationPhoneNumber=TESTER,
        OriginationIdentity=agent,
        RcsMessageContent=HELLO,
        DryRun=True,
    )
    assert sent["MessageId"]
    assert len(sms.messages) == before


def test_events_go_to_the_configuration_set_and_feedback_works(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    agent = _testing_agent(client, sms)
    _tester(client, sms, agent)
    event_set(client, "rcs", "RCS_ALL")
    sms.set_delivery(TESTER, "RCS_FAILED")
    before = len(sms.eventbridge_events)
    sent = client.send_rcs_message(
        DestinationPhoneNumber=TESTER,
        OriginationIdentity=agent,
        RcsMessageContent=HELLO,
        ConfigurationSetName="rcs",
        MessageFeedbackEnabled=True,
    )
    records = [e["record"] for e in sms.events if e["record"]["messageId"] == sent["MessageId"]]
    assert [r["eventType"] for r in records] == ["RCS_SENT", "RCS_FAILED"]
    assert records[-1]["isFinal"]
    assert records[-1]["agentIsoCountryCode"] == "US"
    assert records[0]["rcsBusinessId"]
    assert len(sms.eventbridge_events) == before  # RCS events go to event destinations only
    answer = client.put_message_feedback(
        MessageId=sent["MessageId"], MessageFeedbackStatus="RECEIVED"
    )
    assert answer["MessageFeedbackStatus"] == "RECEIVED"


def test_a_pool_sends_through_its_agent(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _testing_agent(client, sms)
    _tester(client, sms, agent)
    pool = client.create_pool(OriginationIdentity=agent, MessageType="TRANSACTIONAL")
    client.send_rcs_message(
        DestinationPhoneNumber=TESTER, OriginationIdentity=pool["PoolArn"], RcsMessageContent=HELLO
    )
    assert sms.messages[-1].origination_identity == agent


def test_the_rcs_spend_limit_stops_sends(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _testing_agent(client, sms)
    _tester(client, sms, agent)
    client.set_rcs_message_spend_limit_override(MonthlyLimit=0)
    with pytest.raises(client.exceptions.ServiceQuotaExceededException) as raised:
        client.send_rcs_message(
            DestinationPhoneNumber=TESTER, OriginationIdentity=agent, RcsMessageContent=HELLO
        )
    assert _reason(raised) == "MONTHLY_SPEND_LIMIT_REACHED_FOR_RCS"
    with pytest.raises(client.exceptions.ValidationException) as capped:
        client.send_rcs_message(
            DestinationPhoneNumber=TESTER,
            OriginationIdentity=agent,
            RcsMessageContent=HELLO,
            MaxPrice="0.001",
        )
    assert _reason(capped) == "PRICE_OVER_THRESHOLD"


def test_unknown_origins_are_not_found(client: Any) -> None:
    for origin in ("rcs-" + "0" * 32, "pool-" + "0" * 32):
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            client.send_rcs_message(
                DestinationPhoneNumber=TESTER, OriginationIdentity=origin, RcsMessageContent=HELLO
            )


# -- SendTextMessage over RCS, and the fallback --------------------------------------------


def _tested_agent(client: Any, sms: SmsVoiceV2Mock) -> str:
    """A testing agent with TESTER verified as its tester."""
    agent = _testing_agent(client, sms)
    _tester(client, sms, agent)
    return agent


def _pool(client: Any, agent: str, *capabilities: str) -> tuple[str, str]:
    """A pool of ``agent`` and a US long code (SMS by default): (pool ID, the number)."""
    number = long_code(client, *capabilities)
    pool = client.create_pool(OriginationIdentity=agent, MessageType="TRANSACTIONAL")["PoolId"]
    client.associate_origination_identity(
        PoolId=pool, OriginationIdentity=number["PhoneNumberId"], IsoCountryCode="US"
    )
    return str(pool), str(number["PhoneNumber"])


def _sent_since(sms: SmsVoiceV2Mock, before: int) -> list[Any]:
    return list(sms.messages[before:])


def test_send_text_message_from_an_agent_is_an_rcs_message_without_fallback(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    agent = _tested_agent(client, sms)
    arn = client.describe_rcs_agents(RcsAgentIds=[agent])["RcsAgents"][0]["RcsAgentArn"]
    long_code(client)  # an SMS number the account could fall back to: it is not used
    client.set_text_message_spend_limit_override(MonthlyLimit=0)  # RCS is charged, not SMS
    before = len(sms.messages)
    sent = client.send_text_message(
        DestinationPhoneNumber=TESTER, OriginationIdentity=arn, MessageBody="Your code is 1234"
    )
    [message] = _sent_since(sms, before)
    assert message.message_id == sent["MessageId"]
    assert (message.channel, message.operation) == ("RCS", "SendTextMessage")
    assert (message.origination_identity, message.body) == (agent, "Your code is 1234")
    assert message.events == ["RCS_SENT", "RCS_DELIVERED"]

    sms.set_delivery(TESTER, "RCS_FAILED")
    client.send_text_message(
        DestinationPhoneNumber=TESTER, OriginationIdentity=agent, MessageBody="x"
    )
    [failed] = _sent_since(sms, before + 1)
    assert failed.events == ["RCS_SENT", "RCS_FAILED"]  # RCS only: nothing falls back


def test_send_text_message_from_an_agent_has_the_checks_of_send_rcs_message(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    agent = _tested_agent(client, sms)
    text = {"OriginationIdentity": agent, "MessageBody": "hi"}
    with pytest.raises(client.exceptions.ConflictException) as stranger:
        client.send_text_message(DestinationPhoneNumber=STRANGER, **text)
    assert _reason(stranger) == "DESTINATION_PHONE_NUMBER_NOT_VERIFIED"
    with pytest.raises(client.exceptions.ValidationException) as capped:
        client.send_text_message(DestinationPhoneNumber=TESTER, MaxPrice="0.001", **text)
    assert _reason(capped) == "PRICE_OVER_THRESHOLD"
    before = len(sms.messages)
    assert client.send_text_message(DestinationPhoneNumber=TESTER, DryRun=True, **text)["MessageId"]
    assert len(sms.messages) == before
    client.set_rcs_message_spend_limit_override(MonthlyLimit=0)
    with pytest.raises(client.exceptions.ServiceQuotaExceededException) as spent:
        client.send_text_message(DestinationPhoneNumber=TESTER, **text)
    assert _reason(spent) == "MONTHLY_SPEND_LIMIT_REACHED_FOR_RCS"
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber=TESTER)
    with pytest.raises(client.exceptions.ConflictException) as opted_out:
        client.send_text_message(DestinationPhoneNumber=TESTER, **text)
    assert _reason(opted_out) == "DESTINATION_PHONE_NUMBER_OPTED_OUT"
    assert len(sms.messages) == before


def test_a_pool_with_an_agent_sends_rcs_first(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _tested_agent(client, sms)
    pool, _ = _pool(client, agent)
    before = len(sms.messages)
    sent = client.send_text_message(
        DestinationPhoneNumber=TESTER, OriginationIdentity=pool, MessageBody="hi"
    )
    [message] = _sent_since(sms, before)
    assert (message.message_id, message.channel) == (sent["MessageId"], "RCS")
    assert message.origination_identity == agent
    assert message.events == ["RCS_SENT", "RCS_DELIVERED"]


def test_a_pool_falls_back_to_sms_from_its_number_when_rcs_fails(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    agent = _tested_agent(client, sms)
    pool, number = _pool(client, agent)
    event_set(client, "all", "ALL")
    sms.set_delivery(TESTER, "RCS_FAILED")
    before = len(sms.messages)
    sent = client.send_text_message(
        DestinationPhoneNumber=TESTER,
        OriginationIdentity=pool,
        MessageBody="Your code is 1234",
        ConfigurationSetName="all",
        Context={"order": "42"},
    )
    rcs, text = _sent_since(sms, before)
    assert rcs.message_id == sent["MessageId"]
    assert (rcs.channel, rcs.origination_identity) == ("RCS", agent)
    assert rcs.events == ["RCS_SENT", "RCS_FAILED", "RCS_FALLEN_BACK_TO_SMS"]
    assert (text.channel, text.operation, text.fallback_for) == (
        "TEXT",
        "SendTextMessage",
        rcs.message_id,
    )
    assert (text.origination_identity, text.body) == (number, "Your code is 1234")
    assert text.events == ["TEXT_PENDING", "TEXT_SUCCESSFUL"]
    records = [e["record"] for e in sms.events]
    fallen = [r for r in records if r["eventType"] == "RCS_FALLEN_BACK_TO_SMS"]
    assert [(r["messageId"], r["isFinal"], r["context"]) for r in fallen] == [
        (rcs.message_id, True, {"order": "42"})
    ]
    assert [r["eventType"] for r in records if r["messageId"] == text.message_id] == [
        "TEXT_PENDING",
        "TEXT_SUCCESSFUL",
    ]


def test_a_pool_sends_sms_where_its_agent_cannot(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _tested_agent(client, sms)
    pool, number = _pool(client, agent)
    before = len(sms.messages)
    sent = client.send_text_message(
        DestinationPhoneNumber=STRANGER, OriginationIdentity=pool, MessageBody="hi"
    )
    [message] = _sent_since(sms, before)  # not a tester: no RCS attempt at all
    assert (message.message_id, message.channel) == (sent["MessageId"], "TEXT")
    assert (message.origination_identity, message.fallback_for) == (number, None)


def test_a_pool_fallback_has_the_checks_of_a_text(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _tested_agent(client, sms)
    pool, _ = _pool(client, agent)
    client.set_text_message_spend_limit_override(MonthlyLimit=0)
    client.send_text_message(
        DestinationPhoneNumber=TESTER, OriginationIdentity=pool, MessageBody="a"
    )
    sms.set_delivery(TESTER, "RCS_FAILED")  # now the SMS must go too, and cannot
    before = len(sms.messages)
    with pytest.raises(client.exceptions.ServiceQuotaExceededException) as raised:
        client.send_text_message(
            DestinationPhoneNumber=TESTER, OriginationIdentity=pool, MessageBody="b"
        )
    assert _reason(raised) == "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT"
    assert len(sms.messages) == before


def _failing_rcs(client: Any, sms: SmsVoiceV2Mock, origin: str, **fallback: Any) -> list[Any]:
    before = len(sms.messages)
    sent = client.send_rcs_message(
        DestinationPhoneNumber=TESTER,
        OriginationIdentity=origin,
        RcsMessageContent=HELLO,
        FallbackConfiguration=fallback,
    )
    made = _sent_since(sms, before)
    assert made[0].message_id == sent["MessageId"]
    return made


@pytest.mark.parametrize("final", ["RCS_FAILED", "RCS_TTL_EXPIRED"])
def test_send_rcs_message_falls_back_to_its_sms(
    client: Any, sms: SmsVoiceV2Mock, final: str
) -> None:
    agent = _tested_agent(client, sms)
    number = long_code(client)
    fallback = {
        "Channel": "SMS",
        "MessageBody": "Plain text",
        "OriginationIdentity": number["PhoneNumberArn"],
    }
    [delivered] = _failing_rcs(client, sms, agent, **fallback)  # RCS delivered: no fallback
    assert delivered.events == ["RCS_SENT", "RCS_DELIVERED"]
    sms.set_delivery(TESTER, final)
    rcs, text = _failing_rcs(client, sms, agent, **fallback)
    assert rcs.events == ["RCS_SENT", final, "RCS_FALLEN_BACK_TO_SMS"]
    assert (text.channel, text.operation, text.fallback_for) == ("TEXT", "SendRcsMessage", rcs.id)
    assert (text.origination_identity, text.body) == (number["PhoneNumber"], "Plain text")


def test_send_rcs_message_falls_back_to_mms_from_its_pool(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _tested_agent(client, sms)
    pool, number = _pool(client, agent, "SMS", "MMS")
    sms.set_delivery(TESTER, "RCS_FAILED")
    rcs, media = _failing_rcs(
        client, sms, pool, Channel="MMS", MediaUrls=["s3://example-bucket/card.png"]
    )
    assert (rcs.origination_identity, rcs.events[-1]) == (agent, "RCS_FALLEN_BACK_TO_SMS")
    assert (media.channel, media.fallback_for, media.origination_identity) == (
        "MEDIA",
        rcs.id,
        number,
    )
    assert media.media_urls == ["s3://example-bucket/card.png"]
    assert media.events == ["MEDIA_PENDING", "MEDIA_SUCCESSFUL"]


@pytest.mark.parametrize(
    ("fallback", "reason"),
    [
        ({"Channel": "SMS"}, "MISSING_PARAMETER"),
        ({"Channel": "MMS"}, "MISSING_PARAMETER"),
        (
            {"Channel": "SMS", "MessageBody": "x", "MediaUrls": ["s3://example-bucket/a.png"]},
            "INVALID_PARAMETER",
        ),
        (
            {"Channel": "SMS", "MessageBody": "x", "OriginationIdentity": "pool-" + "0" * 32},
            "INVALID_PARAMETER",
        ),
    ],
)
def test_an_invalid_fallback_configuration_is_refused(
    client: Any, sms: SmsVoiceV2Mock, fallback: dict[str, Any], reason: str
) -> None:
    agent = _tested_agent(client, sms)
    before = len(sms.messages)
    with pytest.raises(client.exceptions.ValidationException) as raised:
        _failing_rcs(client, sms, agent, **fallback)
    assert _reason(raised) == reason
    assert len(sms.messages) == before


def test_the_fallback_is_checked_when_it_is_sent(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = _tested_agent(client, sms)
    nobody = {"Channel": "SMS", "MessageBody": "x", "OriginationIdentity": "phone-" + "0" * 32}
    _failing_rcs(client, sms, agent, **nobody)  # delivered over RCS: the fallback is not sent
    sms.set_delivery(TESTER, "RCS_FAILED")
    before = len(sms.messages)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        _failing_rcs(client, sms, agent, **nobody)
    number = long_code(client)["PhoneNumberId"]
    sent = client.send_rcs_message(
        DestinationPhoneNumber=TESTER,
        OriginationIdentity=agent,
        RcsMessageContent=HELLO,
        FallbackConfiguration={"Channel": "SMS", "MessageBody": "x", "OriginationIdentity": number},
        DryRun=True,
    )
    assert sent["MessageId"]
    assert len(sms.messages) == before
