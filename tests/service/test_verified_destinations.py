"""Verified destination numbers and the sandbox: the code is texted (or spoken) to the number
and read back from sms.messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
import pytest
import time_machine
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2

from .sending.conftest import SUBSCRIBER, long_code

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def sandboxed() -> Any:
    with mock_sms_voice_v2(sandbox=True) as sms:
        yield sms, boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")


def _code_for(sms: SmsVoiceV2Mock, number: str) -> str:
    return str([m for m in sms.messages if m.destination == number][-1].body)


def test_a_sandboxed_account_sends_only_to_verified_numbers(sandboxed: Any) -> None:
    sms, client = sandboxed
    attributes = client.describe_account_attributes()["AccountAttributes"]
    assert attributes == [{"Name": "ACCOUNT_TIER", "Value": "SANDBOX"}]
    number = long_code(client)
    send = {
        "DestinationPhoneNumber": SUBSCRIBER,
        "OriginationIdentity": number["PhoneNumberId"],
        "MessageBody": "hi",
    }
    with pytest.raises(ClientError) as raised:
        client.send_text_message(**send)
    assert raised.value.response["Reason"] == "DESTINATION_PHONE_NUMBER_NOT_VERIFIED"

    created = client.create_verified_destination_number(DestinationPhoneNumber=SUBSCRIBER)
    vdn = created["VerifiedDestinationNumberId"]
    assert vdn.startswith("vdn-")
    assert created["Status"] == "PENDING"
    sent = client.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
    )
    message = sms.messages[-1]
    assert message.message_id == sent["MessageId"]
    assert message.destination == SUBSCRIBER
    assert message.origination_identity == number["PhoneNumber"]
    code = str(message.body)
    assert len(code) == 6
    assert code.isdigit()

    verified = client.verify_destination_number(
        VerifiedDestinationNumberId=vdn, VerificationCode=code
    )
    assert verified["Status"] == "VERIFIED"
    client.send_text_message(**send)
    assert sms.messages[-1].body == "hi"


def test_a_wrong_or_expired_code_is_refused(client: Any, sms: SmsVoiceV2Mock) -> None:
    long_code(client, "SMS", "VOICE")
    with time_machine.travel(START, tick=False) as traveller:
        vdn = client.create_verified_destination_number(DestinationPhoneNumber=SUBSCRIBER)[
            "VerifiedDestinationNumberId"
        ]
        client.send_destination_number_verification_code(
            VerifiedDestinationNumberId=vdn, VerificationChannel="VOICE", LanguageCode="EN_US"
        )
        assert sms.messages[-1].operation == "SendVoiceMessage"
        code = _code_for(sms, SUBSCRIBER)
        with pytest.raises(ClientError) as raised:
            client.verify_destination_number(
                VerifiedDestinationNumberId=vdn, VerificationCode="000000x"
            )
        assert raised.value.response["Reason"] == "VERIFICATION_CODE_MISMATCH"
        traveller.shift(dt.timedelta(minutes=11))
        with pytest.raises(ClientError) as raised:
            client.verify_destination_number(VerifiedDestinationNumberId=vdn, VerificationCode=code)
        assert raised.value.response["Reason"] == "VERIFICATION_CODE_EXPIRED"


def test_describe_and_delete_after_a_day(client: Any, sms: SmsVoiceV2Mock) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        first = client.create_verified_destination_number(
            DestinationPhoneNumber=SUBSCRIBER, Tags=[{"Key": "team", "Value": "qa"}]
        )
        client.create_verified_destination_number(DestinationPhoneNumber="+12065550143")
        listed = client.describe_verified_destination_numbers(
            Filters=[{"Name": "status", "Values": ["PENDING"]}], MaxResults=1
        )
        assert len(listed["VerifiedDestinationNumbers"]) == 1
        assert "NextToken" in listed
        by_number = client.describe_verified_destination_numbers(
            DestinationPhoneNumbers=["+12065550143"]
        )["VerifiedDestinationNumbers"]
        assert [v["DestinationPhoneNumber"] for v in by_number] == ["+12065550143"]
        tags = client.list_tags_for_resource(ResourceArn=first["VerifiedDestinationNumberArn"])
        assert tags["Tags"] == [{"Key": "team", "Value": "qa"}]
        with pytest.raises(ClientError) as raised:
            client.delete_verified_destination_number(
                VerifiedDestinationNumberId=first["VerifiedDestinationNumberId"]
            )
        assert raised.value.response["Reason"] == "RESOURCE_DELETION_NOT_ALLOWED"
        traveller.shift(dt.timedelta(hours=24))
        deleted = client.delete_verified_destination_number(
            VerifiedDestinationNumberId=first["VerifiedDestinationNumberArn"]
        )
    assert deleted["DestinationPhoneNumber"] == SUBSCRIBER
    left = client.describe_verified_destination_numbers()["VerifiedDestinationNumbers"]
    assert [v["DestinationPhoneNumber"] for v in left] == ["+12065550143"]


def test_ten_numbers_an_account(client: Any) -> None:
    for line in range(10):
        client.create_verified_destination_number(DestinationPhoneNumber=f"+1206555010{line}")
    with pytest.raises(ClientError) as raised:
        client.create_verified_destination_number(DestinationPhoneNumber="+12065550110")
    assert raised.value.response["Reason"] == "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT"
    limits = {row["Name"]: row for row in client.describe_account_limits()["AccountLimits"]}
    assert limits["VERIFIED_DESTINATION_NUMBERS"] == {
        "Name": "VERIFIED_DESTINATION_NUMBERS",
        "Used": 10,
        "Max": 10,
    }


def test_a_number_added_without_its_plus_lets_the_sandbox_send(sandboxed: Any) -> None:
    sms, client = sandboxed
    number = long_code(client)
    created = client.create_verified_destination_number(DestinationPhoneNumber=SUBSCRIBER[1:])
    assert created["DestinationPhoneNumber"] == SUBSCRIBER
    vdn = created["VerifiedDestinationNumberId"]
    client.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
    )
    client.verify_destination_number(
        VerifiedDestinationNumberId=vdn, VerificationCode=_code_for(sms, SUBSCRIBER)
    )
    found = client.describe_verified_destination_numbers(DestinationPhoneNumbers=[SUBSCRIBER[1:]])
    assert [v["Status"] for v in found["VerifiedDestinationNumbers"]] == ["VERIFIED"]
    client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER[1:],
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="hi",
    )
    assert sms.messages[-1].destination == SUBSCRIBER
