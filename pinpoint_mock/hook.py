"""The botocore seam: three handlers on this service's events, installed once at import.

While no activation is on, each handler returns at once and botocore goes its own way.
While one is on: the request is not signed (so clients without credentials work), the
client's region and account travel in two private headers, and ``before-send`` answers
in-process, so nothing is sent anywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock import _botocore, wire

if TYPE_CHECKING:
    from pinpoint_mock.dispatch import Service

_active: Service | None = None


def activate(service: Service | None) -> None:
    global _active
    _active = service


def active() -> Service | None:
    return _active


def _choose_signer(**_: Any) -> Any:
    return _botocore.UNSIGNED if _active is not None else None


def _before_sign(
    request: _botocore.AWSRequest,
    region_name: str | None = None,
    request_signer: Any = None,
    **_: Any,
) -> None:
    if _active is None:
        return
    headers = request.headers
    if region_name:
        headers[wire.REGION_HEADER] = region_name
    key = _botocore.access_key_of(request_signer)
    if key is not None and len(key) == 12 and key.isdigit():
        headers[wire.ACCOUNT_HEADER] = key


def _before_send(request: _botocore.AWSPreparedRequest, **_: Any) -> Any:
    service = _active
    if service is None:
        return None
    raw: Any = request.body
    body: bytes
    if raw is None:
        body = b""
    elif isinstance(raw, str):
        body = raw.encode()
    elif isinstance(raw, (bytes, bytearray)):
        body = bytes(raw)
    else:
        body = raw.read()
    response = service.answer(request.headers, body, request.url)  # type: ignore[arg-type]
    return _botocore.response(request.url, response.status, response.headers, response.body)


HANDLERS: dict[str, _botocore.Handler] = {
    "choose-signer": _choose_signer,
    "before-sign": _before_sign,
    "before-send": _before_send,
}

_botocore.install(HANDLERS)
