"""The events the service sends to Amazon EventBridge: recorded in order, and put on moto's
default event bus of the same account and Region while moto's ``mock_aws`` is on.

A family announces an event with :meth:`EventBridgeLog.put` (``detail-type``, resources,
detail, the moment it happened); the log wraps it in EventBridge's envelope. Nothing here
knows which events the service has: registrations announce ``Registration Status Change``,
sending announces the message delivery events.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from pinpoint_mock.engine import moto_bridge

SOURCE = "aws.sms-voice"
_log = logging.getLogger("pinpoint_mock")
# The detail-type of a message delivery event, by the prefix of its record's eventType.
DELIVERY_DETAIL_TYPES = {
    "TEXT": "Text Message Delivery Status Updated",
    "MEDIA": "Media Message Delivery Status Updated",
    "VOICE": "Voice Message Delivery Status Updated",
}


def delivery_detail(record: dict[str, Any]) -> dict[str, Any]:
    """A message delivery event's ``detail``: the event record without the recipient's
    ``destinationPhoneNumber``, which every EventBridge example AWS gives leaves out (its
    event destinations' records carry it)."""
    return {k: v for k, v in record.items() if k != "destinationPhoneNumber"}


def envelope(
    account: str,
    region: str,
    detail_type: str,
    resources: list[str],
    detail: dict[str, Any],
    at: float,
) -> dict[str, Any]:
    """An event in EventBridge's envelope (``time`` to the second, as EventBridge has it)."""
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": detail_type,
        "source": SOURCE,
        "account": account,
        "time": datetime.fromtimestamp(int(at), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": region,
        "resources": resources,
        "detail": detail,
    }


# Makes an event's (detail-type, resources, detail) from (account, region, at, *args).
Builder = Callable[..., tuple[str, list[str], dict[str, Any]]]


def _given(
    account: str, region: str, at: float, detail_type: str, resources: list[str], detail: Any
) -> tuple[str, list[str], dict[str, Any]]:
    return detail_type, resources, detail


class EventBridgeLog:
    """Every event sent to EventBridge, in order; also given to moto while it is on.

    An event is kept as a compact tuple (a builder and its arguments) and put in its
    envelope only when it is read, or at once while moto is on: a registration's status
    changes cost the log a tuple each, not a few dictionaries, an ID and a formatted time."""

    def __init__(self) -> None:
        self._raw: list[tuple[Any, ...]] = []
        self._made: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    @property
    def events(self) -> list[dict[str, Any]]:
        """Every event, in its envelope, in order (a new list)."""
        with self._lock:
            self._make()
            return list(self._made)

    def put(
        self,
        account: str,
        region: str,
        detail_type: str,
        resources: list[str],
        detail: dict[str, Any],
        at: float,
    ) -> None:
        """An event with this ``detail-type``, ``resources`` and ``detail``, sent at ``at``."""
        self.record(_given, account, region, at, detail_type, resources, detail)

    def record(self, build: Builder, account: str, region: str, at: float, *args: Any) -> None:
        """An event sent at ``at`` that ``build(account, region, at, *args)`` makes when
        needed (a module-level function, so the log keeps no closure per event)."""
        raw = (build, account, region, at, *args)
        with self._lock:
            self._raw.append(raw)
            if not moto_bridge.active():
                return
            index = len(self._raw) - 1
            self._make()
            event = self._made[index]
        to_moto(event, at)

    def put_delivery(self, account: str, region: str, record: dict[str, Any]) -> None:
        """A message delivery event (the hook for sending): ``record`` is the event record
        as the configuration sets' destinations get it (``eventType`` ``TEXT_SUCCESSFUL``,
        ``eventTimestamp`` in epoch milliseconds, ...); AWS sends it with no resources and
        without ``destinationPhoneNumber``."""
        kind = str(record["eventType"]).partition("_")[0]
        detail_type = DELIVERY_DETAIL_TYPES[kind]
        detail = delivery_detail(record)
        self.put(account, region, detail_type, [], detail, record["eventTimestamp"] / 1000)

    def _make(self) -> None:
        """Put every event not yet in its envelope there (hold the lock)."""
        for build, account, region, at, *args in self._raw[len(self._made) :]:
            detail_type, resources, detail = build(account, region, at, *args)
            self._made.append(envelope(account, region, detail_type, resources, detail, at))


def to_moto(event: dict[str, Any], at: float) -> None:
    """Put ``event`` on moto's default event bus of its account and Region. When moto does
    not answer (it is off) the event stays in the log only; when moto fails (e.g. moto's
    EventBridge lacks its ``jsonpath-ng`` dependency: install ``moto[events]``), the failure
    is logged on the ``pinpoint_mock`` logger and the call that made the event goes on, as
    AWS's delivery to EventBridge is best effort and never fails the SMS call."""
    entry = {
        "Source": event["source"],
        "DetailType": event["detail-type"],
        "Resources": event["resources"],
        "Detail": json.dumps(event["detail"]),
        "Time": datetime.fromtimestamp(at, tz=timezone.utc),
    }
    try:
        moto_bridge.call("events", event["region"], event["account"], "put_events", Entries=[entry])
    except moto_bridge.NotAnswered:
        return
    except Exception as error:
        _log.warning(
            "pinpoint-mock could not put the %s event %s on moto's default event bus of %s "
            "in %s: %s: %s",
            event["detail-type"],
            event["id"],
            event["account"],
            event["region"],
            type(error).__name__,
            error,
        )
