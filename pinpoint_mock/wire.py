"""awsJson1_0 in and out: HTTP request -> :class:`Request`, result or error -> HTTP response.

One decoder and one encoder serve every way in (the botocore hook, the HTTP server, the
``responses`` path for ``requests`` callers), so they all behave alike.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pinpoint_mock import model
from pinpoint_mock.errors import ServiceError

CONTENT_TYPE = "application/x-amz-json-1.0"
# Set by the in-process hook, which signs nothing: the client's region and, when its access
# key id is a 12-digit number, the account it names.
REGION_HEADER = "x-pinpoint-mock-region"
ACCOUNT_HEADER = "x-pinpoint-mock-account"

_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/\d{8}/([^/,\s]+)/")
_HOST_REGION = re.compile(r"^sms-voice(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?(?::\d+)?$")
_ACCOUNT = re.compile(r"\d{12}")
_TARGET_PREFIX = model.TARGET_PREFIX + "."
# __type prefixes the real service uses: its own namespace for modelled errors, Coral's for
# protocol errors.
_MODELLED_NAMESPACE = "com.amazonaws.pinpointsmsvoicev2#"
_PROTOCOL_NAMESPACE = "com.amazon.coral.service#"
_PROTOCOL_ERRORS = frozenset({"SerializationException", "UnknownOperationException"})


@dataclass(frozen=True, slots=True)
class Request:
    operation: str
    params: dict[str, Any]
    account_id: str
    region: str
    request_id: str


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def new_request_id() -> str:
    return str(uuid.uuid4())


def account_from_access_key(access_key: str | None, default: str) -> str:
    if access_key is not None and _ACCOUNT.fullmatch(access_key):
        return access_key
    return default


def decode(
    headers: Mapping[str, str], body: bytes, url: str, default_account: str, request_id: str
) -> Request:
    """Read one request; raise :class:`ServiceError` for what the service would refuse.

    ``headers`` must be case-insensitive (botocore's and ``http.server``'s both are).
    """
    target = _header(headers, "X-Amz-Target") or ""
    operation = target[len(_TARGET_PREFIX) :] if target.startswith(_TARGET_PREFIX) else ""
    if operation not in model.operation_names():
        raise ServiceError(
            "UnknownOperationException",
            f"The operation '{target}' is not an operation of PinpointSMSVoiceV2.",
        )
    params = _json_object(body)
    account, region = _header(headers, ACCOUNT_HEADER), _header(headers, REGION_HEADER)
    if region is None:
        found = _CREDENTIAL.search(_header(headers, "Authorization") or "")
        if found is not None:
            region = found.group(2)
            account = account or account_from_access_key(found.group(1), default_account)
        else:
            by_host = _HOST_REGION.match(urlsplit(url).netloc)
            region = by_host.group(1) if by_host else "us-east-1"
    return Request(operation, params, account or default_account, region, request_id)


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    """A header's value as text (botocore may hold bytes once a request is prepared)."""
    value = headers.get(name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value


def _json_object(body: bytes) -> dict[str, Any]:
    if not body or not body.strip():
        return {}
    try:
        params = json.loads(body)
    except (ValueError, RecursionError):
        raise ServiceError(
            "SerializationException", "The request body is not valid JSON."
        ) from None
    if not isinstance(params, dict):
        raise ServiceError("SerializationException", "The request body must be a JSON object.")
    return params


def _headers(request_id: str, length: int) -> dict[str, str]:
    return {
        "Content-Type": CONTENT_TYPE,
        "Content-Length": str(length),
        "x-amzn-RequestId": request_id,
    }


def encode_result(result: dict[str, Any], request_id: str) -> Response:
    body = json.dumps(result, separators=(",", ":")).encode()
    return Response(200, _headers(request_id, len(body)), body)


def encode_error(error: ServiceError, request_id: str) -> Response:
    payload = error.body()
    code = error.code
    if code in _PROTOCOL_ERRORS:
        payload["__type"] = _PROTOCOL_NAMESPACE + code
    elif code in model.service_model().shape_names:
        payload["__type"] = _MODELLED_NAMESPACE + code
    if code == "InternalServerException":
        payload.setdefault("RequestId", request_id)
    body = json.dumps(payload, separators=(",", ":")).encode()
    headers = _headers(request_id, len(body))
    headers["x-amzn-ErrorType"] = code
    return Response(error.status, headers, body)
