"""SendRcsMessage through boto3: who may send to whom, what is kept and emitted."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from tests.profiles import newer_model

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
    client.create_configuration_set(ConfigurationSetName="rcs")
    client.create_event_destination(
        ConfigurationSetName="rcs",
        EventDestinationName="all-rcs",
        MatchingEventTypes=["RCS_ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:rcs"},
    )
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
