"""Putting event records where an event destination points (SNS, Kinesis Data Firehose,
CloudWatch Logs) and two-way messages on their SNS channel: through moto while its
``mock_aws`` is on (:mod:`pinpoint_mock.engine.moto_bridge`, shared with EventBridge), never
to AWS. The account is the one the sink's ARN names, so moto files the record there.
"""

from __future__ import annotations

import json
from typing import Any

from pinpoint_mock.engine import moto_bridge

STREAM = "sms-voice-events"  # the log stream events go to (AWS does not document its name)
_DEFAULT_ACCOUNT = "123456789012"


def moto_active() -> bool:
    """Whether moto's ``mock_aws`` may be on in this process."""
    return moto_bridge.active()


def _where(arn: str, region: str) -> tuple[str, str]:
    """The (Region, account) an ARN names, with the message's Region as the fallback."""
    parts = arn.split(":")
    arn_region = parts[3] if len(parts) > 3 and parts[3] else region
    account = parts[4] if len(parts) > 4 and parts[4] else _DEFAULT_ACCOUNT
    return arn_region, account


def _call(arn: str, region: str, service: str, operation: str, **params: Any) -> Any:
    arn_region, account = _where(arn, region)
    return moto_bridge.call(service, arn_region, account, operation, **params)


def publish_sns(topic_arn: str, message: str, region: str) -> bool:
    """Publish ``message`` to an SNS topic in moto; False when moto is off or refuses."""
    if not moto_active():
        return False
    return _attempt(
        lambda: _call(topic_arn, region, "sns", "publish", TopicArn=topic_arn, Message=message)
    )


def deliver(sink_kind: str, sink: dict[str, str], record: dict[str, Any], region: str) -> bool:
    """Put one event record to an event destination's sink through moto."""
    if not moto_active():
        return False
    text = json.dumps(record, separators=(",", ":"))
    if sink_kind == "SnsDestination":
        return publish_sns(sink["TopicArn"], text, region)
    if sink_kind == "KinesisFirehoseDestination":
        arn = sink["DeliveryStreamArn"]
        return _attempt(
            lambda: _call(
                arn,
                region,
                "firehose",
                "put_record",
                DeliveryStreamName=arn.rpartition("/")[2],
                Record={"Data": (text + "\n").encode()},
            )
        )
    arn = sink["LogGroupArn"]
    group = arn.split(":log-group:", 1)[-1].removesuffix(":*")
    return _attempt(lambda: _put_log_event(arn, region, group, text))


def _put_log_event(arn: str, region: str, group: str, text: str) -> None:
    import time

    from botocore.exceptions import ClientError

    try:
        _call(arn, region, "logs", "create_log_stream", logGroupName=group, logStreamName=STREAM)
    except ClientError as e:
        if e.response["Error"]["Code"] != "ResourceAlreadyExistsException":
            raise
    _call(
        arn,
        region,
        "logs",
        "put_log_events",
        logGroupName=group,
        logStreamName=STREAM,
        logEvents=[{"timestamp": int(time.time() * 1000), "message": text}],
    )


def _attempt(call: Any) -> bool:
    """Run one put; a missing topic or stream in moto loses the event, as AWS would."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        call()
    except (ClientError, BotoCoreError, moto_bridge.NotAnswered):
        return False
    return True
