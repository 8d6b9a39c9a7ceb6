"""Above the wire (``mock_sms_voice_v2(fast=True)``): a call answered inside the client's own
call, before botocore resolves an endpoint, serializes, builds its user agent or signs.

What still runs, as on the wire: ``provide-client-params`` and ``before-parameter-build``
(botocore's own handlers there fill idempotency tokens), botocore's parameter validation when
the client's config has it, the service itself (injected faults, server-side validation, the
operation, the call log), ``after-call``, and the error raised as the client's own
``ClientError`` subclass with the ``Error``, modelled members and HTTP status the wire gives.
What does not: endpoint resolution, serialization, signing, HTTP, byte parsing, and botocore's
retry handler (an injected ``ThrottlingException`` is raised at once, not retried).

Only botocore's clients: aiobotocore's have their own ``_make_api_call`` and keep the wire.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from botocore.validate import validate_parameters

from pinpoint_mock.engine import _botocore, wire

if TYPE_CHECKING:
    from botocore.model import OperationModel, Shape

    from pinpoint_mock.engine.dispatch import Service

_service: Service | None = None
# types botocore's JSON serializer changes on the way out: their operations go through it
_CONVERTED = frozenset({"timestamp", "blob", "float", "double"})


def activate(service: Service | None) -> None:
    """Answer above the wire for ``service`` (None: stop)."""
    global _service
    _service = service
    _botocore.answer_above_the_wire(None if service is None else _answer)


def _answer(client: _botocore.Client, operation_name: str, api_params: dict[str, Any]) -> Any:
    service = _service
    region = client.meta.region_name
    if service is None or not region:  # no region: let botocore say so, as on the wire
        return _botocore.call_on_the_wire(client, operation_name, api_params)
    service_model = _botocore.service_model_of(client)
    operation = service_model.operation_model(operation_name)
    context: dict[str, Any] = {
        "client_region": region,
        "client_config": client.meta.config,
        "has_streaming_input": False,
    }
    api_params = _botocore.emit_api_params(client, api_params, operation, context)
    params = _wire_params(client, operation, api_params)
    key = _botocore.access_key_of_client(client)
    account = key if key is not None and len(key) == 12 and key.isdigit() else None
    request = wire.Request(
        operation_name,
        params,
        account or service.options.account_id,
        region,
        wire.new_request_id(),
    )
    result, error = service.direct(request)
    parser = _botocore.parser_of(client)
    if error is None:
        status = 200
        parsed = _botocore.parse_shape(parser, operation.output_shape, result)
        parsed["ResponseMetadata"] = {
            "RequestId": request.request_id,
            "HTTPStatusCode": 200,
            "HTTPHeaders": {
                "content-type": wire.CONTENT_TYPE,
                "x-amzn-requestid": request.request_id,
            },
            "RetryAttempts": 0,
        }
        http = _botocore.response("", 200, {"x-amzn-RequestId": request.request_id}, b"")
    else:
        answer = wire.encode_error(error, request.request_id)
        status = answer.status
        parsed = _parse_error(parser, operation, answer)
        http = _botocore.response("", status, answer.headers, answer.body)
    service_id = service_model.service_id.hyphenize()
    client.meta.events.emit(
        f"after-call.{service_id}.{operation_name}",
        http_response=http,
        parsed=parsed,
        model=operation,
        context=context,
    )
    if status >= 300:
        code = context.get("error_code_override") or parsed.get("Error", {}).get("Code")
        error_class: Any = client.exceptions.from_code(code)
        raise error_class(parsed, operation_name)
    return parsed


def _wire_params(
    client: _botocore.Client, operation: OperationModel, params: dict[str, Any]
) -> dict[str, Any]:
    """``params`` as the service would decode them from the body the client would send."""
    if _converts(operation.input_shape):
        body = _botocore.serialize(client, params, operation)  # it validates, when on
        decoded: dict[str, Any] = json.loads(body) if body else {}
        return decoded
    if _botocore.validates(client) and operation.input_shape is not None:
        validate_parameters(params, operation.input_shape)
    copied: dict[str, Any] = _copy(params)
    return copied


def _copy(value: Any) -> Any:
    """A JSON document's own copy: nothing the caller holds is shared with the state."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_copy(item) for item in value]
    return value


@functools.cache
def _converts(shape: Shape | None) -> bool:
    """Whether botocore's JSON serializer turns some value of ``shape`` into another."""
    return _has_converted(shape, set())


def _has_converted(shape: Shape | None, seen: set[str]) -> bool:
    if shape is None or shape.name in seen:
        return False
    seen.add(shape.name)
    if shape.type_name in _CONVERTED:
        return True
    members = getattr(shape, "members", None)
    if members is not None:
        return any(_has_converted(member, seen) for member in members.values())
    for inner in ("member", "key", "value"):
        if _has_converted(getattr(shape, inner, None), seen):
            return True
    return False


def _parse_error(parser: Any, operation: OperationModel, answer: wire.Response) -> Any:
    """What botocore's endpoint makes of an error answer: the generic part, then the
    modelled members of the error's own shape."""
    response = {
        "status_code": answer.status,
        "headers": answer.headers,
        "body": answer.body,
        "context": {},
    }
    parsed = parser.parse(response, operation.output_shape)
    shape = operation.service_model.shape_for_error_code(parsed.get("Error", {}).get("Code"))
    if shape is not None:
        parsed.update(parser.parse(response, shape))
    metadata = parsed.setdefault("ResponseMetadata", {})
    metadata["RequestId"] = answer.headers["x-amzn-RequestId"]
    metadata["RetryAttempts"] = 0
    return parsed
