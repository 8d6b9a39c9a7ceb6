"""Configuration sets, their event destinations and their defaults: CreateConfigurationSet,
DescribeConfigurationSets, DeleteConfigurationSet, CreateEventDestination,
UpdateEventDestination, DeleteEventDestination, SetDefaultSenderId, DeleteDefaultSenderId,
SetDefaultMessageType, DeleteDefaultMessageType, SetDefaultMessageFeedbackEnabled.

A set is named by its caller (unique per account and Region: ``RESOURCE_ALREADY_EXISTS``).
An event destination is one of CloudWatch Logs, Kinesis Data Firehose or SNS: exactly one per
request (``MISSING_PARAMETER`` for none, ``PARAMETERS_CANNOT_BE_USED_TOGETHER`` for two), at
most 5 per set (``EVENT_DESTINATIONS_PER_CONFIGURATION_SET``), new ones enabled, ``TEXT_SENT``
not matchable (``INVALID_PARAMETER``), and its kind never changes on update
(``EVENT_DESTINATION_MISMATCH``). Deleting an unset default succeeds and returns no value.
The sinks' ARNs are not checked beyond the model's pattern.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import conflict, not_found, quota_exceeded, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.listing import boolean, listing, with_token
from pinpoint_mock.engine.resources import (
    CONFIGURATION_SET,
    Resource,
    add,
    candidates,
    check_quota,
    find,
    remove,
    stamp,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable
    from pinpoint_mock.engine.store import RegionState

KIND = CONFIGURATION_SET.arn_type
DESTINATION_KINDS = ("CloudWatchLogsDestination", "KinesisFirehoseDestination", "SnsDestination")
DESTINATIONS_PER_SET = 5  # "Each configuration set can contain between 0 and 5 event destinations"


@dataclass(slots=True, eq=False)
class EventDestination:
    name: str
    matching: list[str]
    sink_kind: str  # one of DESTINATION_KINDS
    sink: dict[str, str]
    enabled: bool = True

    def view(self) -> dict[str, Any]:
        return {
            "EventDestinationName": self.name,
            "Enabled": self.enabled,
            "MatchingEventTypes": list(self.matching),
            self.sink_kind: dict(self.sink),
        }


@dataclass(slots=True, eq=False)
class ConfigurationSet(Resource):
    destinations: dict[str, EventDestination] = field(default_factory=dict)
    default_message_type: str | None = None
    default_sender_id: str | None = None
    default_feedback: bool | None = None
    protect_configuration_id: str | None = None


register_kind(CONFIGURATION_SET.arn_type, ConfigurationSet)  # kept by sms.export_state()


def _full_view(entry: ConfigurationSet) -> dict[str, Any]:
    view: dict[str, Any] = {
        "ConfigurationSetArn": entry.arn,
        "ConfigurationSetName": entry.id,
        "EventDestinations": [d.view() for d in entry.destinations.values()],
        "CreatedTimestamp": entry.created,
    }
    optional = {
        "DefaultMessageType": entry.default_message_type,
        "DefaultSenderId": entry.default_sender_id,
        "DefaultMessageFeedbackEnabled": entry.default_feedback,
        "ProtectConfigurationId": entry.protect_configuration_id,
    }
    view.update((k, v) for k, v in optional.items() if v is not None)
    return view


def _view(entry: ConfigurationSet, shape_name: str) -> dict[str, Any]:
    members = model.members(shape_name)
    return {k: v for k, v in _full_view(entry).items() if k in members}


def find_set(state: RegionState, name_or_arn: str) -> ConfigurationSet:
    entry: ConfigurationSet = find(state, CONFIGURATION_SET, name_or_arn)
    return entry


def _head(entry: ConfigurationSet) -> dict[str, Any]:
    return {"ConfigurationSetArn": entry.arn, "ConfigurationSetName": entry.id}


@idempotent("CreateConfigurationSet", KIND, "ConfigurationSetName")
def create_configuration_set(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    name = params["ConfigurationSetName"]
    if name in state.of(CONFIGURATION_SET):
        raise conflict(
            "RESOURCE_ALREADY_EXISTS",
            f"A configuration set named {name} already exists.",
            KIND,
            name,
        )
    check_quota(ctx, CONFIGURATION_SET)
    tags = new_tags(ctx, params.get("Tags"))
    entry = add(state, CONFIGURATION_SET, ConfigurationSet(**stamp(state, CONFIGURATION_SET, name)))
    entry.tags = tags
    result = _view(entry, "CreateConfigurationSetResult")
    return with_tags(result, tags)


_FILTERS: FilterTable[ConfigurationSet] = {
    "event-destination-name": (None, lambda s: list(s.destinations)),
    "matching-event-types": (
        "EventType",
        lambda s: [t for d in s.destinations.values() for t in d.matching],
    ),
    "default-message-type": ("MessageType", lambda s: s.default_message_type or ()),
    "default-sender-id": (None, lambda s: s.default_sender_id or ()),
    "default-message-feedback-enabled": boolean(lambda s: s.default_feedback),
    "protect-configuration-id": (None, lambda s: s.protect_configuration_id or ()),
}


def describe_configuration_sets(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    chosen = candidates(
        state, CONFIGURATION_SET, params, "ConfigurationSetNames", lambda n: find_set(state, n)
    )
    found, token = listing(ctx, params, chosen, lambda e: e.seq, _FILTERS)
    shown = [_view(e, "ConfigurationSetInformation") for e in found]
    return with_token({"ConfigurationSets": shown}, token)


def delete_configuration_set(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    entry = find_set(state, params["ConfigurationSetName"])
    remove(state, CONFIGURATION_SET, entry)
    return _view(entry, "DeleteConfigurationSetResult")


def _invalid(reason: str, member: str, message: str) -> Exception:
    return validation_error(message, reason, [{"Name": member, "Message": message}])


def _sink(params: dict[str, Any], required: bool) -> tuple[str, dict[str, str]] | None:
    given = [k for k in DESTINATION_KINDS if params.get(k) is not None]
    if len(given) > 1:
        raise _invalid(
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            given[1],
            f"Give one destination per event destination, not {' and '.join(given)}.",
        )
    if not given:
        if required:
            raise _invalid(
                "MISSING_PARAMETER",
                "eventDestination",
                "An event destination needs one of " + ", ".join(DESTINATION_KINDS) + ".",
            )
        return None
    return given[0], dict(params[given[0]])


def _matching(types: list[str]) -> list[str]:
    if "TEXT_SENT" in types:
        raise _invalid(
            "INVALID_PARAMETER",
            "matchingEventTypes",
            "The TEXT_SENT event type is not supported as a matching event type.",
        )
    return list(dict.fromkeys(types))


def _destination(entry: ConfigurationSet, name: str) -> EventDestination:
    found = entry.destinations.get(name)
    if found is None:
        raise not_found("event-destination", name)
    return found


def _with_destination(entry: ConfigurationSet, destination: EventDestination) -> dict[str, Any]:
    return {**_head(entry), "EventDestination": destination.view()}


@idempotent("CreateEventDestination", "event-destination", "ConfigurationSetName")
def create_event_destination(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find_set(ctx.state, params["ConfigurationSetName"])
    name = params["EventDestinationName"]
    sink = _sink(params, required=True)
    assert sink is not None
    matching = _matching(params["MatchingEventTypes"])
    if name in entry.destinations:
        raise conflict(
            "RESOURCE_ALREADY_EXISTS",
            f"Configuration set {entry.id} already has an event destination named {name}.",
            "event-destination",
            name,
        )
    limit = ctx.service.options.quotas.get(
        "EVENT_DESTINATIONS_PER_CONFIGURATION_SET", DESTINATIONS_PER_SET
    )
    if len(entry.destinations) >= limit:
        raise quota_exceeded("EVENT_DESTINATIONS_PER_CONFIGURATION_SET", limit)
    destination = EventDestination(name, matching, sink[0], sink[1])
    entry.destinations[name] = destination
    return _with_destination(entry, destination)


def update_event_destination(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find_set(ctx.state, params["ConfigurationSetName"])
    destination = _destination(entry, params["EventDestinationName"])
    sink = _sink(params, required=False)
    if sink is not None and sink[0] != destination.sink_kind:
        raise conflict(
            "EVENT_DESTINATION_MISMATCH",
            f"Event destination {destination.name} is a {destination.sink_kind}; its type "
            f"cannot change to {sink[0]}.",
            "event-destination",
            destination.name,
        )
    matching = _matching(params["MatchingEventTypes"]) if "MatchingEventTypes" in params else None
    if sink is not None:
        destination.sink = sink[1]
    if matching is not None:
        destination.matching = matching
    if "Enabled" in params:
        destination.enabled = params["Enabled"]
    return _with_destination(entry, destination)


def delete_event_destination(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find_set(ctx.state, params["ConfigurationSetName"])
    destination = _destination(entry, params["EventDestinationName"])
    del entry.destinations[destination.name]
    return _with_destination(entry, destination)


def _default(attribute: str, member: str, output: str) -> tuple[Handler, Handler]:
    """The Set and Delete handlers of one default of a configuration set."""

    def set_default(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
        entry = find_set(ctx.state, params["ConfigurationSetName"])
        setattr(entry, attribute, params[member])
        return {**_head(entry), output: params[member]}

    def delete_default(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
        entry = find_set(ctx.state, params["ConfigurationSetName"])
        was = getattr(entry, attribute)
        setattr(entry, attribute, None)
        return {**_head(entry), **({output: was} if was is not None else {})}

    return set_default, delete_default


set_default_sender_id, delete_default_sender_id = _default(
    "default_sender_id", "SenderId", "SenderId"
)
set_default_message_type, delete_default_message_type = _default(
    "default_message_type", "MessageType", "MessageType"
)
set_default_message_feedback_enabled, _ = _default(
    "default_feedback", "MessageFeedbackEnabled", "MessageFeedbackEnabled"
)

HANDLERS: dict[str, Handler] = {
    "CreateConfigurationSet": create_configuration_set,
    "DescribeConfigurationSets": describe_configuration_sets,
    "DeleteConfigurationSet": delete_configuration_set,
    "CreateEventDestination": create_event_destination,
    "UpdateEventDestination": update_event_destination,
    "DeleteEventDestination": delete_event_destination,
    "SetDefaultSenderId": set_default_sender_id,
    "DeleteDefaultSenderId": delete_default_sender_id,
    "SetDefaultMessageType": set_default_message_type,
    "DeleteDefaultMessageType": delete_default_message_type,
    "SetDefaultMessageFeedbackEnabled": set_default_message_feedback_enabled,
}
