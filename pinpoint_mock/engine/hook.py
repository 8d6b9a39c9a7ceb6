"""The botocore seam: handlers on this service's events, installed once at import.

While no activation is on, each handler returns at once and botocore goes its own way.
While one is on: the request is not signed (so clients without credentials work) and the
client's region and account are noted instead (by the wrapper of ``RequestSigner.sign``, or
for aiobotocore's signer at ``before-sign``), and ``before-send`` answers in-process with
them, so nothing is sent anywhere.

The note travels in a context variable, not in headers: botocore signs and then sends each
attempt of a request in the same thread (or asyncio task), and headers would cost a copy
and a case-insensitive lookup each. ``before-send`` takes the note, so it is never reused.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import _aiobotocore, _botocore, environment

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Service

_active: Service | None = None
# (region, account or None, whether the client is aiobotocore's) from the client that signs
# the request about to be sent
_signed: ContextVar[tuple[str | None, str | None, bool] | None] = ContextVar(
    "pinpoint_mock_signed", default=None
)


def activate(service: Service | None) -> None:
    global _active
    _active = service


def active() -> Service | None:
    return _active


def _is_on() -> bool:
    return _active is not None


def _default_region() -> str | None:
    """The Region of a client made while the mock is on with none configured: the
    ``AWS_REGION`` that the other AWS SDKs (and AWS Lambda) set and botocore does not read,
    else ``us-east-1``."""
    if _active is None:
        return None
    return os.environ.get("AWS_REGION") or environment.DEFAULT_REGION


def _choose_signer(signature_version: Any = None, **_: Any) -> Any:
    """Sign nothing that the mock answers; a presigned URL (``-query``/``-presign-post``
    signing) is never sent through the client, so botocore signs it as it always does."""
    if _active is None or str(signature_version).endswith(_PRESIGNING):
        return None
    return _botocore.UNSIGNED


_PRESIGNING = ("-query", "-presign-post")


def _note(signer: Any) -> None:
    """Note the region and account of the client ``signer`` signs for."""
    key = _botocore.access_key_of(signer)
    account = key if key is not None and len(key) == 12 and key.isdigit() else None
    asynchronous = type(signer) is not _SIGNER and _aiobotocore.is_async(signer)
    _signed.set((signer._region_name or None, account, asynchronous))


def _before_sign(request_signer: Any = None, **_: Any) -> None:
    if _active is not None:
        _note(request_signer)


def _before_send(request: _botocore.AWSPreparedRequest, **_: Any) -> Any:
    service = _active
    if service is None:
        return None
    region, account, asynchronous = _signed.get() or (None, None, False)
    _signed.set(None)
    raw: Any = request.body
    body: bytes
    if type(raw) is bytes:
        body = raw
    elif raw is None:
        body = b""
    elif isinstance(raw, str):
        body = raw.encode()
    elif isinstance(raw, (bytes, bytearray)):
        body = bytes(raw)
    else:
        body = raw.read()
    response = service.answer(
        request.headers,  # type: ignore[arg-type]
        body,
        request.url,
        region=region,
        account=account,
    )
    build = _aiobotocore.response if asynchronous else _botocore.response
    return build(request.url, response.status, response.headers, response.body)


HANDLERS: dict[str, _botocore.Handler] = {
    "choose-signer": _choose_signer,
    "before-sign": _before_sign,
    "before-send": _before_send,
}

_SIGNER = _botocore.RequestSigner
_botocore.install(HANDLERS)
_botocore.cover_early_clients(HANDLERS, _is_on, _note)
_botocore.default_region(_default_region)
_aiobotocore.cover_early_clients(HANDLERS, _is_on)
