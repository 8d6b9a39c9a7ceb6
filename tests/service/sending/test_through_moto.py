"""Events (and two-way messages) delivered through moto while its mock_aws is on; only
recorded while it is off. The product flow of issue 15, through boto3 unchanged."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import moto_bridge
from pinpoint_mock.service.sending import sinks

from .conftest import SUBSCRIBER

REGION = "us-east-1"


def _queue_on_topic(name: str) -> tuple[Any, str, str]:
    sns = boto3.client("sns", region_name=REGION)
    sqs = boto3.client("sqs", region_name=REGION)
    topic = sns.create_topic(Name=name)["TopicArn"]
    queue = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    sns.subscribe(
        TopicArn=topic, Protocol="sqs", Endpoint=arn, Attributes={"RawMessageDelivery": "true"}
    )
    return sqs, queue, topic


def _read(sqs: Any, queue: str) -> list[dict[str, Any]]:
    found = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
    for message in found:
        sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])
    return [json.loads(m["Body"]) for m in found]


def test_the_product_flow() -> None:
    """Toll-free number, registration approved, events to SNS read from SQS, STOP, a refused
    send, a failed delivery, voice and media."""
    with mock_aws(), mock_sms_voice_v2() as sms:
        sqs, queue, topic = _queue_on_topic("sms-events")
        client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS", "VOICE", "MMS"],
            NumberType="TOLL_FREE",
        )
        rid = client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")[
            "RegistrationId"
        ]
        client.create_registration_association(
            RegistrationId=rid, ResourceId=number["PhoneNumberId"]
        )
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).approve()
        client.create_configuration_set(ConfigurationSetName="app")
        client.create_event_destination(
            ConfigurationSetName="app",
            EventDestinationName="to-sns",
            MatchingEventTypes=["TEXT_ALL", "VOICE_COMPLETED", "MEDIA_ALL"],
            SnsDestination={"TopicArn": topic},
        )
        send = {
            "DestinationPhoneNumber": SUBSCRIBER,
            "OriginationIdentity": number["PhoneNumberId"],
            "ConfigurationSetName": "app",
        }
        sent = client.send_text_message(**send, MessageBody="Your order shipped")
        records = _read(sqs, queue)
        assert [r["eventType"] for r in records] == ["TEXT_PENDING", "TEXT_SUCCESSFUL"]
        assert {r["messageId"] for r in records} == {sent["MessageId"]}
        assert records[-1]["totalCarrierFee"] == 0.00302  # US toll-free

        inbound = sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="STOP")
        assert inbound.action == "OPT_OUT"
        with pytest.raises(ClientError) as raised:
            client.send_text_message(**send, MessageBody="One more thing")
        assert raised.value.response["Reason"] == "DESTINATION_PHONE_NUMBER_OPTED_OUT"

        other = "+12065550143"
        sms.set_delivery(other, "TEXT_CARRIER_UNREACHABLE")
        client.send_text_message(**{**send, "DestinationPhoneNumber": other}, MessageBody="hi")
        assert [r["eventType"] for r in _read(sqs, queue)] == [
            "TEXT_PENDING",
            "TEXT_CARRIER_UNREACHABLE",
        ]
        sms.set_delivery(other, None)
        client.send_voice_message(**{**send, "DestinationPhoneNumber": other}, MessageBody="hi")
        client.send_media_message(
            **{**send, "DestinationPhoneNumber": other},
            MediaUrls=["s3://media-bucket/receipt.pdf"],
        )
        assert [r["eventType"] for r in _read(sqs, queue)] == [
            "VOICE_COMPLETED",
            "MEDIA_PENDING",
            "MEDIA_SUCCESSFUL",
        ]
        assert len(sms.events) == 7


def test_firehose_and_cloudwatch_logs() -> None:
    with mock_aws(), mock_sms_voice_v2() as sms:
        s3 = boto3.client("s3", region_name=REGION)
        s3.create_bucket(Bucket="sms-events")
        firehose = boto3.client("firehose", region_name=REGION)
        stream = firehose.create_delivery_stream(
            DeliveryStreamName="sms",
            ExtendedS3DestinationConfiguration={
                "RoleARN": "arn:aws:iam::123456789012:role/firehose",
                "BucketARN": "arn:aws:s3:::sms-events",
            },
        )["DeliveryStreamARN"]
        logs = boto3.client("logs", region_name=REGION)
        logs.create_log_group(logGroupName="sms-events")
        client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )
        client.create_configuration_set(ConfigurationSetName="app")
        role = "arn:aws:iam::123456789012:role/sms"
        client.create_event_destination(
            ConfigurationSetName="app",
            EventDestinationName="firehose",
            MatchingEventTypes=["ALL"],
            KinesisFirehoseDestination={"IamRoleArn": role, "DeliveryStreamArn": stream},
        )
        client.create_event_destination(
            ConfigurationSetName="app",
            EventDestinationName="logs",
            MatchingEventTypes=["TEXT_SUCCESSFUL"],
            CloudWatchLogsDestination={
                "IamRoleArn": role,
                "LogGroupArn": f"arn:aws:logs:{REGION}:123456789012:log-group:sms-events",
            },
        )
        client.send_text_message(
            DestinationPhoneNumber=SUBSCRIBER,
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody="hi",
            ConfigurationSetName="app",
        )
        logged = logs.filter_log_events(logGroupName="sms-events")["events"]
        assert [json.loads(e["message"])["eventType"] for e in logged] == ["TEXT_SUCCESSFUL"]
        objects = s3.list_objects_v2(Bucket="sms-events").get("Contents", [])
        lines = [
            json.loads(line)
            for item in objects
            for line in s3.get_object(Bucket="sms-events", Key=item["Key"])["Body"]
            .read()
            .decode()
            .splitlines()
            if line
        ]
        # moto's Firehose writes an object per batch under a generated key: order is not kept
        assert sorted(r["eventType"] for r in lines) == ["TEXT_PENDING", "TEXT_SUCCESSFUL"]
        assert len(sms.events) == 3


def test_two_way_messages_reach_an_sns_channel() -> None:
    with mock_aws(), mock_sms_voice_v2() as sms:
        sqs, queue, topic = _queue_on_topic("inbound")
        client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )
        client.update_phone_number(
            PhoneNumberId=number["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=topic
        )
        sms.receive(from_number=SUBSCRIBER, to_number=number["PhoneNumber"], body="YES")
        (payload,) = _read(sqs, queue)
    assert payload["messageBody"] == "YES"
    assert payload["destinationNumber"] == number["PhoneNumber"]


def test_without_moto_events_are_only_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_: Any, **__: Any) -> None:
        raise AssertionError("a client was made while moto is off")

    monkeypatch.setattr(moto_bridge, "_client", never)
    assert not sinks.moto_active()  # moto is imported by this module, not started
    with mock_sms_voice_v2() as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )
        client.create_configuration_set(ConfigurationSetName="app")
        client.create_event_destination(
            ConfigurationSetName="app",
            EventDestinationName="to-sns",
            MatchingEventTypes=["ALL"],
            SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:real-topic"},
        )
        client.send_text_message(
            DestinationPhoneNumber=SUBSCRIBER,
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody="hi",
            ConfigurationSetName="app",
        )
        assert len(sms.events) == 2


def test_a_topic_moto_does_not_have_loses_the_event_quietly() -> None:
    with mock_aws(), mock_sms_voice_v2() as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )
        client.create_configuration_set(ConfigurationSetName="app")
        client.create_event_destination(
            ConfigurationSetName="app",
            EventDestinationName="to-sns",
            MatchingEventTypes=["ALL"],
            SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:missing"},
        )
        client.send_text_message(
            DestinationPhoneNumber=SUBSCRIBER,
            OriginationIdentity=number["PhoneNumberId"],
            ConfigurationSetName="app",
        )
        assert len(sms.events) == 2
