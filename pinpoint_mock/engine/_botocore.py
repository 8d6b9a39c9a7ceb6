"""Every use of botocore's internals, in one place.

``tests/engine/test__botocore.py`` checks each of these names against the installed botocore and
fails loudly when botocore moves one. Nothing else in pinpoint-mock reaches past botocore's
public surface.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from typing import Any

import botocore
import botocore.handlers
from botocore.awsrequest import AWSPreparedRequest, AWSRequest, AWSResponse
from botocore.credentials import Credentials, RefreshableCredentials
from botocore.session import Session
from botocore.signers import RequestSigner

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


def cover_early_clients(handlers: dict[str, Handler], is_on: Callable[[], bool]) -> None:
    """Answer clients made before :func:`install` too (their emitters were copied earlier).

    Every client signs each request through ``RequestSigner.sign``, a class attribute, so the
    clients that exist already pick up this wrapper: while the mock is on, a client of this
    service gets ``handlers`` on its own emitter before its first request is signed, and so
    ``choose-signer``, ``before-sign`` and ``before-send`` reach the seam for that request and
    every later one. While the mock is off the wrapper costs one call.
    """
    original = RequestSigner.sign
    if getattr(original, "__pinpoint_mock__", False):
        return
    covered: weakref.WeakSet[Any] = weakref.WeakSet()

    def sign(self: RequestSigner, operation_name: str, request: Any, *args: Any, **kw: Any) -> Any:
        if is_on():
            cover(self, handlers, covered)
        return original(self, operation_name, request, *args, **kw)

    sign.__pinpoint_mock__ = True  # type: ignore[attr-defined]
    sign.__wrapped__ = original  # type: ignore[attr-defined]
    RequestSigner.sign = sign  # type: ignore[method-assign]


def cover(signer: Any, handlers: dict[str, Handler], covered: weakref.WeakSet[Any]) -> None:
    """Register ``handlers`` on the emitter of ``signer``'s client, once per client (a client
    has one signer; its ``_event_emitter`` is a weak proxy, which cannot be a set member)."""
    if signer in covered or signer._service_id.hyphenize() != SERVICE_EVENT:
        return
    emitter = signer._event_emitter
    for event, handler in handlers.items():
        # a client made after install() has each handler already, from BUILTIN_HANDLERS (no
        # unique_id) or from register() (with one): take those copies off, so each is on once
        name, unique_id = f"{event}.{SERVICE_EVENT}", f"pinpoint-mock-{event}"
        emitter.unregister(name, unique_id=unique_id)
        emitter.unregister(name, handler)
        emitter.register(name, handler, unique_id=unique_id)
    covered.add(signer)


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


class _NoNetwork:
    """An HTTP sender for a botocore client that must never send: it calls ``refuse``."""

    def __init__(self, refuse: Callable[[AWSPreparedRequest], Any]) -> None:
        self._refuse = refuse

    def send(self, request: AWSPreparedRequest) -> Any:
        return self._refuse(request)

    def close(self) -> None:
        pass


def never_send(client: Any, refuse: Callable[[AWSPreparedRequest], Any]) -> None:
    """Give ``client`` an HTTP sender that calls ``refuse`` (which raises) instead of sending:
    the request reaches no network, whatever the client's handlers did not answer."""
    client._endpoint.http_session = _NoNetwork(refuse)


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
    "RequestSigner",
    "access_key_of",
    "cover",
    "cover_early_clients",
    "install",
    "never_send",
    "register",
    "response",
]
