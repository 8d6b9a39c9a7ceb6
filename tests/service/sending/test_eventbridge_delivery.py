"""Every message's delivery events go to EventBridge (sms.eventbridge_events, and moto's
default bus while mock_aws is on), with or without a configuration set."""

from __future__ import annotations

import json
from typing import Any

import boto3
from moto import mock_aws

from pinpoint_mock import mock_sms_voice_v2

REGION = "us-east-1"
SUBSCRIBER = "+12065550142"


def _send(client: Any) -> str:
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    sent = client.send_text_message(
        DestinationPhoneNumber=SUBSCRIBER,
        OriginationIdentity=number["PhoneNumberId"],
        MessageBody="hi",
        Context={"order": "7"},
    )
    return str(sent["MessageId"])


def test_delivery_events_are_recorded_without_a_configuration_set() -> None:
    with mock_sms_voice_v2() as sms:
        message_id = _send(boto3.client("pinpoint-sms-voice-v2", region_name=REGION))
        delivery = [
            e for e in sms.eventbridge_events if e["detail-type"].endswith("Status Updated")
        ]
        assert [e["detail"]["eventType"] for e in delivery] == sms.messages[0].events
        first = delivery[0]
        assert first["detail-type"] == "Text Message Delivery Status Updated"
        assert (first["source"], first["account"], first["region"]) == (
            "aws.sms-voice",
            "123456789012",
            REGION,
        )
        assert first["resources"] == []
        assert first["detail"]["messageId"] == message_id
        assert first["detail"]["context"] == {"order": "7"}
        # as in every EventBridge example AWS gives: no recipient (event destinations have it)
        assert "destinationPhoneNumber" not in first["detail"]
        assert first["detail"]["originationPhoneNumber"].startswith("+1")


def test_delivery_events_reach_an_eventbridge_rule_under_moto() -> None:
    with mock_aws(), mock_sms_voice_v2():
        sqs = boto3.client("sqs", region_name=REGION)
        queue = sqs.create_queue(QueueName="deliveries")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        events = boto3.client("events", region_name=REGION)
        events.put_rule(
            Name="sms-delivered",
            EventPattern=json.dumps(
                {
                    "source": ["aws.sms-voice"],
                    "detail-type": ["Text Message Delivery Status Updated"],
                    "detail": {"eventType": ["TEXT_SUCCESSFUL"]},
                }
            ),
        )
        events.put_targets(Rule="sms-delivered", Targets=[{"Id": "q", "Arn": arn}])
        message_id = _send(boto3.client("pinpoint-sms-voice-v2", region_name=REGION))
        received = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10)["Messages"]
        bodies = [json.loads(m["Body"]) for m in received]
        assert [b["detail"]["messageId"] for b in bodies] == [message_id]
        assert bodies[0]["detail"]["eventType"] == "TEXT_SUCCESSFUL"
