"""awsJson1_0 in and out: HTTP request -> :class:`Request`, result or error -> HTTP response.

One decoder and one encoder serve every way in (the botocore hook, the HTTP server, the
``responses`` path for ``requests`` callers), so they all behave alike.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pinpoint_mock.engine import endpoints, model
from pinpoint_mock.engine.errors import ServiceError

CONTENT_TYPE = "application/x-amz-json-1.0"

_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/\d{8}/([^/,\s]+)/")
_ACCOUNT = re.compile(r"\d{12}")
_TARGET_PREFIX = model.TARGET_PREFIX + "."
# __type prefixes the real service uses: its own namespace for modelled errors, Coral's for
# protocol errors.
_MODELLED_NAMESPACE = "com.amazonaws.pinpointsmsvoicev2#"
_PROTOCOL_NAMESPACE = "com.amazon.coral.service#"
_PROTOCOL_ERRORS = frozenset({"SerializationException", "UnknownOperationException"})
# One encoder for every answer: compact, and no cycle check (answers are trees we build).
_encode_json = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode
_raw_decode = json.JSONDecoder().raw_decode


@dataclass(slots=True)
class Request:
    operation: str
    params: dict[str, Any]
    account_id: str
    region: str
    request_id: str
    body: bytes | None = None  # the request as it came, when it came on the wire


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def _id_prefix() -> str:
    h = os.urandom(10).hex()
    variant = "89ab"[int(h[16], 16) & 3]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-"


# Request IDs: a version 4 UUID's layout, random per process, with a counter in the last 48
# bits, so each is unique; a tenth of ``str(uuid.uuid4())``'s cost (it runs on every call).
_ID_PREFIX = _id_prefix()
_id_counter = itertools.count(int.from_bytes(os.urandom(4), "big"))


def new_request_id() -> str:
    return f"{_ID_PREFIX}{next(_id_counter) & 0xFFFF_FFFF_FFFF:012x}"


def account_from_access_key(access_key: str | None, default: str) -> str:
    if access_key is not None and _ACCOUNT.fullmatch(access_key):
        return access_key
    return default


def decode(
    headers: Mapping[str, str],
    body: bytes,
    url: str,
    default_account: str,
    request_id: str,
    *,
    region: str | None = None,
    account: str | None = None,
) -> Request:
    """Read one request; raise :class:`ServiceError` for what the service would refuse.

    ``headers`` must be case-insensitive (botocore's and ``http.server``'s both are).
    ``region`` and ``account`` come from the in-process hook, which signs nothing: the
    client's region and, when its access key id is a 12-digit number, the account it names.
    Without them, the SigV4 credential scope or else the host tells.
    """
    target = _header(headers, "X-Amz-Target") or ""
    operation = target[len(_TARGET_PREFIX) :] if target.startswith(_TARGET_PREFIX) else ""
    if operation not in model.operation_names():
        raise ServiceError(
            "UnknownOperationException",
            f"The operation '{target}' is not an operation of PinpointSMSVoiceV2.",
        )
    params = _json_object(body)
    if region is None:
        found = _CREDENTIAL.search(_header(headers, "Authorization") or "")
        if found is not None:
            region = found.group(2)
            account = account or account_from_access_key(found.group(1), default_account)
        else:
            region = endpoints.region_of(url) or "us-east-1"
    return Request(operation, params, account or default_account, region, request_id, body)


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    """A header's value as text (botocore may hold bytes once a request is prepared)."""
    value = headers.get(name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value


def _json_object(body: bytes) -> dict[str, Any]:
    try:  # the common case, a UTF-8 document and nothing around it, without json.loads' detours
        text = body.decode()
        params, end = _raw_decode(text)
        if end == len(text) and isinstance(params, dict):
            return params
    except (ValueError, RecursionError):
        pass
    try:  # everything else, with json.loads' own rules (encodings, whitespace)
        params = json.loads(body)
    except (ValueError, RecursionError):
        if not body.strip():
            return {}
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
    body = _encode_json(result).encode()
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
    body = _encode_json(payload).encode()
    headers = _headers(request_id, len(body))
    headers["x-amzn-ErrorType"] = code
    return Response(error.status, headers, body)
