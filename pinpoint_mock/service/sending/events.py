"""The events a message goes through, in AWS's documented record form, and where they go.

A text is ``TEXT_PENDING`` then ``TEXT_SUCCESSFUL`` (``TEXT_DELIVERED`` to Japan, as observed);
an MMS ``MEDIA_PENDING`` then ``MEDIA_SUCCESSFUL``; a call ``VOICE_INITIATED``,
``VOICE_RINGING``, ``VOICE_ANSWERED``, ``VOICE_COMPLETED``; an RCS message ``RCS_SENT`` then
``RCS_DELIVERED`` (its records also carry ``rcsBusinessId`` and ``agentIsoCountryCode``, and it
goes to event destinations only, not to EventBridge, as AWS documents). ``sms.set_delivery(destination,
event_type)`` makes the messages to that destination end with another final event instead:
a text's ``TEXT_BLOCKED`` (free, as observed), a call's ``VOICE_NO_ANSWER`` after ringing;
an RCS message that fails with a fallback goes on with ``RCS_FALLEN_BACK_TO_SMS`` (:mod:`.rcs`).
Exactly one event of a message is final. Every message gets them (AWS sends text, media and
voice events to EventBridge regardless); each enabled event destination of the message's configuration set
whose ``MatchingEventTypes`` cover an event gets its record too, in ``sms.events``, and through
moto when moto's ``mock_aws`` is on (:mod:`.sinks`).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import MockError
from pinpoint_mock.service.sending import sinks

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Service
    from pinpoint_mock.service.configuration_sets import ConfigurationSet
    from pinpoint_mock.service.sending.sends import Message

PREFIX = {"TEXT": "TEXT", "VOICE": "VOICE", "MEDIA": "MEDIA", "RCS": "RCS"}
_PROGRESS = {
    "RCS": ("RCS_SENT",),
    "TEXT": ("TEXT_PENDING",),
    "MEDIA": ("MEDIA_PENDING",),
    "VOICE": ("VOICE_INITIATED", "VOICE_RINGING", "VOICE_ANSWERED"),
}
_DELIVERED = {
    "TEXT": "TEXT_SUCCESSFUL",
    "MEDIA": "MEDIA_SUCCESSFUL",
    "VOICE": "VOICE_COMPLETED",
    "RCS": "RCS_DELIVERED",
}
# Events that are never a message's last (or never emitted at all).
_NOT_FINAL = frozenset(
    {"ALL", "TEXT_ALL", "VOICE_ALL", "MEDIA_ALL", "TEXT_SENT", "TEXT_QUEUED", "MEDIA_QUEUED"}
    | {"RCS_ALL", "RCS_QUEUED", "RCS_READ", "RCS_FALLEN_BACK_TO_SMS"}
    | {e for steps in _PROGRESS.values() for e in steps}
)
# Voice outcomes that come after ringing; others (FAILED, TTL_EXPIRED) right after initiation.
_AFTER_RINGING = frozenset({"VOICE_NO_ANSWER", "VOICE_BUSY", "VOICE_COMPLETED"})
FREE = frozenset({"TEXT_BLOCKED", "TEXT_PROTECT_BLOCKED", "MEDIA_BLOCKED"})
# messageStatusDescription by messageStatus: SUCCESSFUL, DELIVERED, TTL_EXPIRED and BLOCKED as
# observed; the other failures carry the SMS delivery failure reasons AWS documents (Amazon SNS
# "SMS delivery failure reasons"), the texts consumers such as cds-snc/notification-api match.
DESCRIPTIONS = {
    "SUCCESSFUL": "Message has been accepted by phone carrier",
    "DELIVERED": "Message has been accepted by phone",
    "TTL_EXPIRED": "The delivery TTL has expired",
    "BLOCKED": "Phone has blocked SMS",
    "PENDING": "Message is pending delivery",
    "CARRIER_UNREACHABLE": "Phone carrier is currently unreachable/unavailable",
    "UNREACHABLE": "Phone is currently unreachable/unavailable",
    "UNKNOWN": "Unknown error attempting to reach phone",
    "SPAM": "Blocked as spam by phone carrier",
    "CARRIER_BLOCKED": "Phone carrier has blocked this message",
    "INVALID": "Invalid phone number",
    "INVALID_MESSAGE": "Message body is invalid",
}


def final_events() -> frozenset[str]:
    """The event types ``set_delivery`` accepts: every final one of the model."""
    return frozenset(model.enum("EventType")) - _NOT_FINAL


# sms.set_delivery: destination -> final event type, per Service (the whole mock).
_overrides: weakref.WeakKeyDictionary[Service, dict[str, str]] = weakref.WeakKeyDictionary()


def set_delivery(service: Service, destination: str, event_type: str | None) -> None:
    table = _overrides.setdefault(service, {})
    if event_type is None:
        table.pop(destination, None)
        return
    if event_type not in final_events():
        raise MockError(
            f"{event_type!r} is not an event a message can end with; use one of "
            + ", ".join(sorted(final_events()))
            + ", or None to deliver again"
        )
    table[destination] = event_type


def final(service: Service, channel: str, destination: str, country: str) -> str:
    """The event a message of ``channel`` to ``destination`` ends with."""
    wanted = _overrides.get(service, {}).get(destination)
    if wanted is not None:
        head, _, tail = wanted.partition("_")
        if head == channel:
            return wanted
        same = f"{channel}_{tail}"  # TEXT_BLOCKED set, a media message: MEDIA_BLOCKED
        if same in final_events():
            return same
    if channel == "TEXT" and country == "JP":
        return "TEXT_DELIVERED"
    return _DELIVERED[channel]


def sequence(channel: str, last: str) -> list[str]:
    steps = list(_PROGRESS[channel])
    if channel == "VOICE" and last not in _AFTER_RINGING:
        steps = steps[:1]
    elif channel == "VOICE" and last != "VOICE_COMPLETED":
        steps = steps[:2]
    return [*steps, last]


def records(message: Message, detail: dict[str, Any]) -> list[dict[str, Any]]:
    """Each event of ``message`` as AWS writes it (``detail``: encoding, parts, price ...)."""
    channel = message.channel
    types = message.events
    requested = int(message.created * 1000)
    made: list[dict[str, Any]] = []
    for i, event_type in enumerate(types):
        is_final = i == len(types) - 1
        status = event_type.partition("_")[2]
        record: dict[str, Any] = {
            "eventType": event_type,
            "eventVersion": "1.0",
            "eventTimestamp": requested + 1 + i,
            "isFinal": is_final,
            "originationPhoneNumber": message.origination_identity,
            "destinationPhoneNumber": message.destination,
            "isoCountryCode": detail["isoCountryCode"],
            "messageId": message.message_id,
            "messageRequestTimestamp": requested,
            "messageStatus": status,
        }
        if channel != "VOICE":
            record.update(
                {
                    "isInternationalSend": detail["isInternationalSend"],
                    "messageEncoding": detail["messageEncoding"],
                    "messageType": message.message_type,
                    "messageStatusDescription": DESCRIPTIONS.get(
                        status, status.replace("_", " ").capitalize()
                    ),
                    "totalMessageParts": detail["totalMessageParts"],
                    "totalMessagePrice": detail["totalMessagePrice"] if is_final else 0.0,
                    "totalCarrierFee": detail["totalCarrierFee"] if is_final else 0.0,
                }
            )
            if "mcc" in detail:
                record.update({k: detail[k] for k in ("mcc", "mnc", "carrierName")})
        elif is_final:
            record["totalMessagePrice"] = detail["totalMessagePrice"]
        record.update(detail.get("extra", {}))  # an RCS event's agent fields
        if message.context and (channel != "VOICE" or is_final):
            record["context"] = dict(message.context)
        if message.protect is not None:
            record["protectConfiguration"] = dict(message.protect)
        made.append(record)
    return made


def _covers(matching: list[str], event_type: str) -> bool:
    head = event_type.partition("_")[0]
    return "ALL" in matching or f"{head}_ALL" in matching or event_type in matching


def emit(
    message: Message, made: list[dict[str, Any]], configuration_set: ConfigurationSet | None
) -> None:
    """Give each record to every enabled matching destination of the set (and moto)."""
    if configuration_set is None:
        return
    for destination in configuration_set.destinations.values():
        if not destination.enabled:
            continue
        for record in made:
            if _covers(destination.matching, record["eventType"]):
                message.emitted.append(
                    {
                        "configuration_set": configuration_set.id,
                        "destination": destination.name,
                        "record": record,
                    }
                )
                sinks.deliver(destination.sink_kind, destination.sink, record, message.region)
