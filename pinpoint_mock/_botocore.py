"""Every use of botocore's internals, in one place.

``tests/test__botocore.py`` checks each of these names against the installed botocore and
fails loudly when botocore moves one. Nothing else in pinpoint-mock reaches past botocore's
public surface.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import botocore
import botocore.handlers
from botocore.awsrequest import AWSPreparedRequest, AWSRequest, AWSResponse
from botocore.credentials import Credentials, RefreshableCredentials
from botocore.session import Session

# Events are named after the service id, hyphenized: one registration for the whole service,
# and more specific than moto's catch-all ``before-send``, so botocore asks us first.
SERVICE_EVENT = "pinpoint-sms-voice-v2"
UNSIGNED = botocore.UNSIGNED

Handler = Callable[..., Any]


def install(handlers: dict[str, Handler]) -> None:
    """Make every botocore session created from now on carry ``handlers``.

    botocore copies ``BUILTIN_HANDLERS`` into each new session, and each client copies its
    session's emitter, so appending here covers every session and client made afterwards.
    A boto3 default session that already exists gets them directly.
    """
    for event, handler in handlers.items():
        spec = (f"{event}.{SERVICE_EVENT}", handler)
        if spec not in botocore.handlers.BUILTIN_HANDLERS:
            botocore.handlers.BUILTIN_HANDLERS.append(spec)
    try:
        import boto3
    except ImportError:  # pragma: no cover - boto3 is a dependency
        return
    default = boto3.DEFAULT_SESSION
    if default is not None:
        register(default._session, handlers)


def register(session: Session, handlers: dict[str, Handler]) -> None:
    """Add ``handlers`` to one existing botocore session (idempotent)."""
    for event, handler in handlers.items():
        session.register(f"{event}.{SERVICE_EVENT}", handler, unique_id=f"pinpoint-mock-{event}")


def access_key_of(request_signer: Any) -> str | None:
    """The access key id of a client's credentials, without refreshing or resolving them.

    Refreshable credentials are read as they stand (no refresh, so no network); nothing but
    the key id is read.
    """
    credentials = getattr(request_signer, "_credentials", None)
    if isinstance(credentials, RefreshableCredentials):
        key = getattr(credentials, "_access_key", None)
        return key if isinstance(key, str) else None
    if isinstance(credentials, Credentials):
        return credentials.access_key
    return None


class _Raw:
    """The minimum of urllib3's response that botocore reads: ``stream()``."""

    __slots__ = ("_body",)

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


def response(url: str, status: int, headers: dict[str, str], body: bytes) -> AWSResponse:
    return AWSResponse(url, status, headers, _Raw(body))  # type: ignore[arg-type]


__all__ = [
    "UNSIGNED",
    "AWSPreparedRequest",
    "AWSRequest",
    "access_key_of",
    "install",
    "register",
    "response",
]
