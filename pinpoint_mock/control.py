"""The control endpoints of server mode, under ``/_pinpoint_mock/``: the Python API
(:class:`SmsVoiceV2Mock`) over HTTP, JSON in and out, for tests written in other languages.

Each endpoint calls one public method, so the two cannot drift apart:

====================================  ========================================================
``POST /_pinpoint_mock/review``       ``sms.review(registration, ...)`` then each step in turn
``GET  /_pinpoint_mock/registrations``  ``sms.registrations(account_id, region)``
``GET  /_pinpoint_mock/calls``        ``sms.calls``
``GET  /_pinpoint_mock/eventbridge_events``  ``sms.eventbridge_events`` (``?since=N``: from the
                                      N+1st on)
``POST /_pinpoint_mock/errors``       ``sms.inject_error(operation, code, ...)``
``POST /_pinpoint_mock/reset``        ``sms.reset()``
``GET  /_pinpoint_mock/messages``     ``sms.messages``
``GET  /_pinpoint_mock/events``       ``sms.events``
``POST /_pinpoint_mock/receive``      ``sms.receive(from_number, to_number, body, ...)``
``POST /_pinpoint_mock/delivery``     ``sms.set_delivery(destination, event_type)``
====================================  ========================================================
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

from pinpoint_mock.engine.errors import MockError
from pinpoint_mock.service.registrations.review import Review
from pinpoint_mock.sms import SmsVoiceV2Mock

PREFIX = "/_pinpoint_mock/"

# The review steps are Review's public chainable methods; their keyword arguments are the step's.
STEPS: dict[str, inspect.Signature] = {
    name: signature
    for name, member in vars(Review).items()
    if inspect.isfunction(member)
    and not name.startswith("_")
    and (signature := inspect.signature(member)).return_annotation in ("Review", Review)
}


class ControlError(Exception):
    """A misuse of a control endpoint: answered as ``{"error": kind, "message": ...}``."""

    def __init__(
        self, status: int, kind: str, message: str, extra: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind
        self.message = message
        self.extra = dict(extra or {})

    def body(self) -> dict[str, Any]:
        return {"error": self.kind, "message": self.message, **self.extra}


Endpoint = Callable[[SmsVoiceV2Mock, dict[str, Any], dict[str, str]], dict[str, Any]]


def handle(sms: SmsVoiceV2Mock, method: str, target: str, body: bytes) -> tuple[int, bytes]:
    """Answer one control request; ``target`` is the request path with its query."""
    path, _, query = target.partition("?")
    name = path[len(PREFIX) :].strip("/") if path.startswith(PREFIX) else ""
    try:
        methods = ENDPOINTS.get(name)
        if methods is None:
            raise ControlError(
                404, "NotFound", f"no control endpoint {path}; the endpoints are {_listing()}"
            )
        endpoint = methods.get(method)
        if endpoint is None:
            raise ControlError(
                405,
                "MethodNotAllowed",
                f"{path} takes {' or '.join(sorted(methods))}, not {method}",
            )
        params = {k: v[-1] for k, v in parse_qs(query).items()}
        status, payload = 200, endpoint(sms, _json_object(body), params)
    except ControlError as error:
        status, payload = error.status, error.body()
    except LookupError as error:
        status, payload = 404, {"error": "NotFound", "message": _text(error)}
    except (MockError, ValueError, TypeError) as error:
        status, payload = 400, {"error": type(error).__name__, "message": str(error)}
    return status, json.dumps(payload, default=_jsonable).encode()


# -- the endpoints --------------------------------------------------------------------------


def _review(sms: SmsVoiceV2Mock, data: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    _only(data, {"registration", "steps", "account_id", "region"}, "review")
    registration = _required_str(data, "registration")
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        raise ControlError(
            400,
            "BadRequest",
            'steps must be a non-empty list, e.g. ["begin", "approve"] or '
            '[{"step": "deny", "reasons": [...], "feedback": "..."}]',
        )
    calls = [_step(item, index) for index, item in enumerate(steps)]
    review = sms.review(
        registration,
        account_id=_optional_str(data, "account_id"),
        region=_optional_str(data, "region"),
    )
    for index, (name, arguments) in enumerate(calls):
        try:
            getattr(review, name)(**arguments)
        except MockError as error:  # InvalidTransition or a bad step argument
            raise ControlError(
                400,
                type(error).__name__,
                f"step {index} ({name}): {error}",
                {"steps_applied": index, **_outcome(review)},
            ) from None
    return _outcome(review)


def _registrations(
    sms: SmsVoiceV2Mock, _: dict[str, Any], params: dict[str, str]
) -> dict[str, Any]:
    _only(params, {"account_id", "region"}, "registrations (query)")
    found = sms.registrations(account_id=params.get("account_id"), region=params.get("region"))
    return {"registrations": found}


def _calls(sms: SmsVoiceV2Mock, _: dict[str, Any], __: dict[str, str]) -> dict[str, Any]:
    return {"calls": sms.calls}


def _eventbridge_events(
    sms: SmsVoiceV2Mock, _: dict[str, Any], params: dict[str, str]
) -> dict[str, Any]:
    _only(params, {"since"}, "eventbridge_events (query)")
    since = params.get("since", "0")
    if not (since.isdigit() and since.isascii()):
        raise ControlError(
            400, "BadRequest", f"since must be a count of events already read, not {since!r}"
        )
    events = sms.eventbridge_events
    return {"eventbridge_events": events[int(since) :], "count": len(events)}


def _errors(sms: SmsVoiceV2Mock, data: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    operation = _required_str(data, "operation")
    code = _required_str(data, "code")
    fields = {k: v for k, v in data.items() if k not in {"operation", "code", "times", "message"}}
    sms.inject_error(
        operation,
        code,
        times=data.get("times", 1),
        message=_optional_str(data, "message"),
        **fields,
    )
    return {"injected": {"operation": operation, "code": code, "times": data.get("times", 1)}}


def _reset(sms: SmsVoiceV2Mock, _: dict[str, Any], __: dict[str, str]) -> dict[str, Any]:
    sms.reset()
    return {"reset": True}


def _message(message: Any) -> dict[str, Any]:
    """A message as API.md names its attributes (``message_id`` first)."""
    fields = dataclasses.fields(message)
    shown = {f.name: getattr(message, f.name) for f in fields if f.name not in ("id", "emitted")}
    return {"message_id": message.message_id, **shown}


def _messages(sms: SmsVoiceV2Mock, _: dict[str, Any], __: dict[str, str]) -> dict[str, Any]:
    return {"messages": [_message(m) for m in sms.messages]}


def _events(sms: SmsVoiceV2Mock, _: dict[str, Any], __: dict[str, str]) -> dict[str, Any]:
    return {"events": sms.events}


def _receive(sms: SmsVoiceV2Mock, data: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    _only(data, {"from_number", "to_number", "body", "account_id", "region"}, "receive")
    inbound = sms.receive(
        from_number=_required_str(data, "from_number"),
        to_number=_required_str(data, "to_number"),
        body=_required_str(data, "body"),
        account_id=_optional_str(data, "account_id"),
        region=_optional_str(data, "region"),
    )
    return {
        "message_id": inbound.message_id,
        "action": inbound.action,
        "keyword": inbound.keyword,
        "reply": None if inbound.reply is None else _message(inbound.reply),
        "two_way_payload": inbound.two_way_payload,
    }


def _delivery(sms: SmsVoiceV2Mock, data: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    _only(data, {"destination", "event_type"}, "delivery")
    destination = _required_str(data, "destination")
    event_type = _optional_str(data, "event_type")
    sms.set_delivery(destination, event_type)
    return {"destination": destination, "event_type": event_type}


ENDPOINTS: dict[str, dict[str, Endpoint]] = {
    "review": {"POST": _review},
    "registrations": {"GET": _registrations},
    "calls": {"GET": _calls},
    "eventbridge_events": {"GET": _eventbridge_events},
    "errors": {"POST": _errors},
    "reset": {"POST": _reset},
    "messages": {"GET": _messages},
    "events": {"GET": _events},
    "receive": {"POST": _receive},
    "delivery": {"POST": _delivery},
}


# -- helpers ---------------------------------------------------------------------------------


def _listing() -> str:
    return ", ".join(
        f"{method} {PREFIX}{name}" for name, methods in ENDPOINTS.items() for method in methods
    )


def _step(item: Any, index: int) -> tuple[str, dict[str, Any]]:
    """One entry of ``steps``: ``"approve"`` or ``{"step": "approve", "provisioning": true}``."""
    if isinstance(item, str):
        name, arguments = item, {}
    elif isinstance(item, dict) and isinstance(item.get("step"), str):
        arguments = dict(item)
        name = arguments.pop("step")
    else:
        raise ControlError(
            400,
            "BadRequest",
            f'step {index} must be a step name or an object {{"step": name, ...arguments}}, '
            f"not {json.dumps(item)}",
        )
    signature = STEPS.get(name)
    if signature is None:
        raise ControlError(
            400, "BadRequest", f"step {index}: no step {name!r}; the steps are {', '.join(STEPS)}"
        )
    try:
        signature.bind(None, **arguments)  # None stands for the Review itself
    except TypeError:
        takes = [p for p in signature.parameters if p != "self"]
        raise ControlError(
            400,
            "BadRequest",
            f"step {index} ({name}) takes "
            + (", ".join(takes) if takes else "no arguments")
            + f", not {', '.join(sorted(arguments))}",
        ) from None
    return name, arguments


def _outcome(review: Review) -> dict[str, str]:
    return {"registration_id": review.registration_id, "status": review.status}


def _json_object(body: bytes) -> dict[str, Any]:
    if not body.strip():
        return {}
    try:
        data = json.loads(body)
    except ValueError as error:
        raise ControlError(400, "BadRequest", f"the body is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise ControlError(400, "BadRequest", "the body must be a JSON object")
    return data


def _only(data: Mapping[str, Any], allowed: set[str], what: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ControlError(
            400,
            "BadRequest",
            f"{what} takes {', '.join(sorted(allowed))}; unknown: {', '.join(unknown)}",
        )


def _required_str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise ControlError(400, "BadRequest", f"{key} is required and must be a string")
    return value


def _optional_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ControlError(400, "BadRequest", f"{key} must be a string")
    return value


def _text(error: BaseException) -> str:
    """The message of an exception; KeyError's str() adds quotes."""
    return str(error.args[0]) if error.args else type(error).__name__


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
