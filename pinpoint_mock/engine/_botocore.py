"""Every use of botocore's internals, in one place.

``tests/engine/test__botocore.py`` checks each of these names against the installed botocore and
fails loudly when botocore moves one. Nothing else in pinpoint-mock reaches past botocore's
public surface.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import botocore
import botocore.handlers
from botocore.awsrequest import AWSPreparedRequest, AWSRequest, AWSResponse
from botocore.client import BaseClient
from botocore.credentials import Credentials, RefreshableCredentials
from botocore.session import Session
from botocore.signers import RequestSigner
from botocore.validate import ParamValidationDecorator

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


def cover_early_clients(
    handlers: dict[str, Handler], is_on: Callable[[], bool], note: Callable[[Any], None]
) -> None:
    """Answer clients made before :func:`install` too, and sign nothing while the mock is on.

    Every client signs each request through ``RequestSigner.sign``, a class attribute, so the
    clients that exist already pick up this wrapper. While the mock is on, a signer of this
    service gets ``handlers`` on its client's emitter at its first request (so ``before-send``
    reaches the seam for that request and every later one), and a standard signing (the one
    botocore asks for at ``request-created``) is replaced by ``note(signer)``: the mock reads
    no signature, so botocore neither chooses a signer nor emits ``choose-signer`` and
    ``before-sign`` for a request that would go out unsigned anyway. While the mock is off
    the wrapper costs one call. (aiobotocore's signer has its own ``sign``: it is signed
    unsigned through the ``choose-signer`` and ``before-sign`` handlers.)
    """
    original = RequestSigner.sign
    if getattr(original, "__pinpoint_mock__", False):
        return

    def sign(self: RequestSigner, operation_name: str, request: Any, *args: Any, **kw: Any) -> Any:
        if is_on() and ours(self, handlers) and not args and not kw:
            note(self)
            return None
        return original(self, operation_name, request, *args, **kw)

    sign.__pinpoint_mock__ = True  # type: ignore[attr-defined]
    sign.__wrapped__ = original  # type: ignore[attr-defined]
    RequestSigner.sign = sign  # type: ignore[method-assign]


def default_region(region: Callable[[], str | None]) -> None:
    """A botocore session that finds no Region in its configuration (arguments, environment,
    config file) takes ``region()`` instead, while that names one.

    ``Session.get_config_variable`` is where every session (boto3's, aiobotocore's, made
    before or after) reads its Region; wrapping it fills the gap only, so a Region that is
    configured, e.g. a profile's, still wins (an ``AWS_DEFAULT_REGION`` set by the mock would
    win over a profile's). While ``region()`` is None the wrapper costs one call.
    """
    original = Session.get_config_variable
    if getattr(original, "__pinpoint_mock__", False):
        return

    def get_config_variable(self: Session, logical_name: str, methods: Any = None) -> Any:
        value = original(self, logical_name, methods)
        if value is None and logical_name == "region":
            return region()
        return value

    get_config_variable.__pinpoint_mock__ = True  # type: ignore[attr-defined]
    get_config_variable.__wrapped__ = original  # type: ignore[attr-defined]
    Session.get_config_variable = get_config_variable  # type: ignore[method-assign]


# Set on a signer once it was looked at: whether it signs for this service (and so has the
# handlers on its client's emitter).
_OURS = "_pinpoint_mock_ours"


def ours(signer: Any, handlers: dict[str, Handler]) -> bool:
    """Whether ``signer`` signs for this service; the first time, register ``handlers`` on
    its client's emitter (a client has one signer; its ``_event_emitter`` is a weak proxy)."""
    known: bool | None = signer.__dict__.get(_OURS)
    if known is not None:
        return known
    mine: bool = signer._service_id.hyphenize() == SERVICE_EVENT
    if mine:
        emitter = signer._event_emitter
        for event, handler in handlers.items():
            # a client made after install() has each handler already, from BUILTIN_HANDLERS
            # (no unique_id) or from register() (with one): take those copies off, so each is
            # on once
            name, unique_id = f"{event}.{SERVICE_EVENT}", f"pinpoint-mock-{event}"
            emitter.unregister(name, unique_id=unique_id)
            emitter.unregister(name, handler)
            emitter.register(name, handler, unique_id=unique_id)
    signer.__dict__[_OURS] = mine
    return mine


# The answer above the wire (``fast=True``) while one is on, else None.
# botocore's clients, typed loosely: what is read of them here is past their typed surface
Client = Any
Above = Callable[[Client, str, dict[str, Any]], Any]
_BASE_CLIENT: Any = BaseClient
_above: Above | None = None


def answer_above_the_wire(above: Above | None) -> None:
    """While ``above`` is set, every call of a botocore client of this service goes to
    ``above(client, operation_name, params)`` instead of ``BaseClient._make_api_call``.

    The wrapper goes on ``BaseClient`` the first time, so it covers every client, made before
    or after; aiobotocore's clients have their own ``_make_api_call`` and keep the wire. With
    ``above`` None the wrapper costs one call.
    """
    global _above
    _above = above
    original = _BASE_CLIENT._make_api_call
    if above is None or getattr(original, "__pinpoint_mock__", False):
        return

    def _make_api_call(self: Client, operation_name: str, api_params: dict[str, Any]) -> Any:
        answer = _above
        if answer is not None and self._service_model.service_name == SERVICE_EVENT:
            return answer(self, operation_name, api_params)
        return original(self, operation_name, api_params)

    _make_api_call.__pinpoint_mock__ = True  # type: ignore[attr-defined]
    _make_api_call.__wrapped__ = original  # type: ignore[attr-defined]
    _BASE_CLIENT._make_api_call = _make_api_call


def emit_api_params(
    client: Client, params: dict[str, Any], operation: Any, context: dict[str, Any]
) -> dict[str, Any]:
    """botocore's ``provide-client-params`` and ``before-parameter-build`` for one call (its
    own handlers, such as the one that fills an idempotency token, run there)."""
    result: dict[str, Any] = client._emit_api_params(
        api_params=params, operation_model=operation, context=context
    )
    return result


def call_on_the_wire(client: Client, operation_name: str, params: dict[str, Any]) -> Any:
    """botocore's own ``_make_api_call``, past the wrapper."""
    return _BASE_CLIENT._make_api_call.__wrapped__(client, operation_name, params)


def service_model_of(client: Client) -> Any:
    return client._service_model


def access_key_of_client(client: Client) -> str | None:
    return access_key_of(client._request_signer)


def validates(client: Client) -> bool:
    """Whether ``client`` checks its parameters (``Config(parameter_validation=...)``)."""
    return isinstance(client._serializer, ParamValidationDecorator)


def serialize(client: Client, params: dict[str, Any], operation: Any) -> bytes:
    """The body ``client`` would send for ``params`` (validated first when it validates)."""
    body: bytes = client._serializer.serialize_to_request(params, operation)["body"]
    return body


def parser_of(client: Client) -> Any:
    """A response parser as ``client``'s endpoint makes them (same timestamp parser)."""
    service_model = client._service_model
    protocol = getattr(service_model, "resolved_protocol", None) or service_model.protocol
    return client._endpoint._response_parser_factory.create_parser(protocol)


def parse_shape(parser: Any, shape: Any, tree: Any) -> Any:
    """What ``parser`` makes of ``tree`` (a decoded JSON body) for ``shape``."""
    return parser._parse_shape(shape, tree)


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
    "access_key_of_client",
    "answer_above_the_wire",
    "call_on_the_wire",
    "cover_early_clients",
    "default_region",
    "emit_api_params",
    "install",
    "never_send",
    "ours",
    "parse_shape",
    "parser_of",
    "register",
    "response",
    "serialize",
    "service_model_of",
    "validates",
]
