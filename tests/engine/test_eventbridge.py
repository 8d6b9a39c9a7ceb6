"""The EventBridge log: EventBridge's envelope, in order; the hook for delivery events."""

from __future__ import annotations

import json

import boto3
import pytest

from pinpoint_mock.engine.eventbridge import EventBridgeLog, envelope

RECORD = {
    "eventType": "TEXT_SUCCESSFUL",
    "eventVersion": "1.0",
    "eventTimestamp": 1759342841377,
    "isFinal": True,
    "messageId": "ed23196c-75ce-4727-93ee-7bf72b64998f",
}


def test_the_envelope() -> None:
    event = envelope("111122223333", "us-east-1", "Kind", ["arn:x"], {"a": 1}, 1759342841.377)
    assert event["time"] == "2025-10-01T18:20:41Z"
    assert (event["source"], event["version"], event["detail-type"]) == (
        "aws.sms-voice",
        "0",
        "Kind",
    )
    assert (event["account"], event["region"], event["resources"]) == (
        "111122223333",
        "us-east-1",
        ["arn:x"],
    )
    assert event["id"] != envelope("1", "r", "K", [], {}, 0)["id"]


@pytest.mark.parametrize(
    ("event_type", "detail_type"),
    [
        ("TEXT_SUCCESSFUL", "Text Message Delivery Status Updated"),
        ("MEDIA_DELIVERED", "Media Message Delivery Status Updated"),
        ("VOICE_INITIATED", "Voice Message Delivery Status Updated"),
    ],
)
def test_delivery_events_as_aws_sends_them(event_type: str, detail_type: str) -> None:
    log = EventBridgeLog()
    record = {**RECORD, "eventType": event_type}
    log.put_delivery("111122223333", "us-east-1", {**record, "destinationPhoneNumber": "+1206"})
    (event,) = log.events
    assert log.events == [event]  # made once: the same ID on every read
    # the record without the recipient, as in AWS's examples
    assert (event["detail-type"], event["resources"], event["detail"]) == (detail_type, [], record)
    assert event["time"] == "2025-10-01T18:20:41Z"


def test_delivery_events_reach_motos_bus() -> None:
    moto = pytest.importorskip("moto")
    with moto.mock_aws():
        sqs = boto3.client("sqs", region_name="eu-west-1")
        url = sqs.create_queue(QueueName="q")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        events = boto3.client("events", region_name="eu-west-1")
        events.put_rule(Name="r", EventPattern=json.dumps({"source": ["aws.sms-voice"]}))
        events.put_targets(Rule="r", Targets=[{"Id": "q", "Arn": arn}])
        EventBridgeLog().put_delivery("123456789012", "eu-west-1", RECORD)
        (message,) = sqs.receive_message(QueueUrl=url)["Messages"]
    assert json.loads(message["Body"])["detail"] == RECORD


def test_a_failure_inside_moto_is_logged_and_the_call_goes_on(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    moto = pytest.importorskip("moto")
    from pinpoint_mock.engine import moto_bridge

    def broken(*args: object, **kwargs: object) -> None:
        raise ModuleNotFoundError("No module named 'jsonpath_ng'")

    monkeypatch.setattr(moto_bridge, "call", broken)
    log = EventBridgeLog()
    with moto.mock_aws():
        log.put_delivery("123456789012", "eu-west-1", RECORD)
    assert [e["detail"] for e in log.events] == [RECORD]
    assert "could not put the Text Message Delivery Status Updated event" in caplog.text
    assert "jsonpath_ng" in caplog.text
