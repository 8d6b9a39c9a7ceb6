"""Putting event records where an event destination points, through moto, never AWS.

moto is never imported here: it is active only if the test imported it and started
``mock_aws``. moto's public module ``moto.core.models`` exposes ``botocore_stubber``, the
handler that answers botocore's requests, and its ``enabled`` flag says whether a mock is
started; when it is, a boto3 client of the sink's service is answered by moto. As a second
guard, each client's first ``before-send`` handler checks again, as the request leaves, and
refuses it when moto has stopped meanwhile, so nothing reaches the network.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
from typing import Any

_clients: dict[tuple[str, str], Any] = {}
_lock = threading.Lock()


class _NotMocked(Exception):
    """moto did not answer a request: it is dropped rather than sent to AWS."""


def moto_active() -> bool:
    """Whether moto's ``mock_aws`` is started in this process."""
    models = sys.modules.get("moto.core.models")
    stubber = getattr(models, "botocore_stubber", None) if models is not None else None
    return bool(getattr(stubber, "enabled", False))


def _refuse_unless_moto(**_: Any) -> None:
    if not moto_active():
        raise _NotMocked("moto's mock_aws is off; pinpoint-mock never sends to AWS")


def _client(service: str, region: str) -> Any:
    key = (service, region)
    found = _clients.get(key)
    if found is None:
        import boto3

        with _lock:
            found = _clients.get(key)
            if found is None:
                session: Any = boto3.session.Session(
                    aws_access_key_id="testing",
                    aws_secret_access_key="testing",
                    region_name=region,
                )
                found = session.client(service)
                found.meta.events.register_first("before-send", _refuse_unless_moto)
                _clients[key] = found
    return found


def _region(arn: str, fallback: str) -> str:
    parts = arn.split(":")
    return parts[3] if len(parts) > 3 and parts[3] else fallback


def publish_sns(topic_arn: str, message: str, region: str) -> bool:
    """Publish ``message`` to an SNS topic in moto; False when moto is off or refuses."""
    if not moto_active():
        return False
    return _attempt(
        lambda: _client("sns", _region(topic_arn, region)).publish(
            TopicArn=topic_arn, Message=message
        )
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
        name = arn.rpartition("/")[2]
        client = _client("firehose", _region(arn, region))
        return _attempt(
            lambda: client.put_record(
                DeliveryStreamName=name, Record={"Data": (text + "\n").encode()}
            )
        )
    arn = sink["LogGroupArn"]
    group = arn.split(":log-group:", 1)[-1].removesuffix(":*")
    return _attempt(lambda: _put_log_event(_client("logs", _region(arn, region)), group, text))


STREAM = "sms-voice-events"  # the log stream events go to (AWS does not document its name)


def _put_log_event(client: Any, group: str, text: str) -> None:
    import time

    with contextlib.suppress(client.exceptions.ResourceAlreadyExistsException):
        client.create_log_stream(logGroupName=group, logStreamName=STREAM)
    client.put_log_events(
        logGroupName=group,
        logStreamName=STREAM,
        logEvents=[{"timestamp": int(time.time() * 1000), "message": text}],
    )


def _attempt(call: Any) -> bool:
    """Run one put; a missing topic or stream in moto loses the event, as AWS would."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        call()
    except (ClientError, BotoCoreError, _NotMocked):
        return False
    return True
