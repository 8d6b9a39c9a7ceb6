"""The floor: botocore's own cost of a call, answered by a bare before-send handler.

A floor client is the same boto3 client, unsigned (``Config(signature_version=UNSIGNED)``),
whose ``before-send`` returns a canned answer: the exact status, headers and body that the
subject (the mock, or moto) returned for the same call. So the floor pays botocore's
serializer, event system and parser, and nothing else. pinpoint-mock's own handlers, which
every client of the service carries once the package is imported, are taken off it, and so is
every ``before-send`` handler another library put among botocore's built-in handlers: moto's
stubber is one (added when moto is imported, on every client). botocore runs *every*
``before-send`` handler, not only until one answers, so while a ``mock_aws`` is on, a floor
client that kept moto's stubber would have moto decode and carry out each of its calls too,
and the floor would cost as much as moto.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import boto3
from botocore import UNSIGNED
from botocore.awsrequest import AWSResponse
from botocore.client import BaseClient
from botocore.config import Config
from botocore.handlers import BUILTIN_HANDLERS

REGION = "us-east-1"
SERVICE = "pinpoint-sms-voice-v2"

# boto3's typed overloads of ``client`` want a literal service name, and botocore makes a
# client's operation methods at run time: a benchmark's client is ``Any`` to the type checker.
Client = Any
_client: Callable[..., Any] = boto3.client


def new_client(service: str, **kwargs: Any) -> Client:
    """``boto3.client(service, **kwargs)``, on boto3's default session."""
    return _client(service, **kwargs)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class _Raw:
    """The part of urllib3's response botocore reads."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


def capture(client: BaseClient, operation: str, **params: Any) -> Answer:
    """Make one call and keep the raw answer botocore received for it."""
    seen: list[Answer] = []
    event = f"before-parse.{client.meta.service_model.service_id.hyphenize()}.{operation}"

    def keep(response_dict: dict[str, Any], **_: Any) -> None:
        seen.append(
            Answer(
                response_dict["status_code"],
                dict(response_dict["headers"]),
                bytes(response_dict["body"]),
            )
        )

    client.meta.events.register(event, keep, unique_id="benchmark-capture")
    try:
        getattr(client, _method(client, operation))(**params)
    finally:
        client.meta.events.unregister(event, unique_id="benchmark-capture")
    return seen[-1]


def floor_client(
    service: str,
    operation: str,
    answer: Answer,
    *,
    signed: bool = False,
    seam: bool = False,
    others: bool = False,
    **kwargs: Any,
) -> Client:
    """A client of ``service`` whose ``operation`` is answered with ``answer``: unsigned, or
    with ``signed`` SigV4-signed with fake credentials (moto's clients sign). With ``seam``
    pinpoint-mock's handlers stay on it (what an inactive mock leaves on every client); with
    ``others`` other libraries' ``before-send`` handlers do (not a floor: for showing why)."""
    if signed:
        kwargs.update(aws_access_key_id="AKIDFLOOR", aws_secret_access_key="floor")
    else:
        kwargs["config"] = Config(signature_version=UNSIGNED)
    client = new_client(service, region_name=REGION, **kwargs)
    if not seam:
        _strip_pinpoint_mock(client)
    if not others:
        _strip_other_senders(client)
    also_answer(client, operation, answer)
    return client


def also_answer(client: BaseClient, operation: str, answer: Answer) -> None:
    """Have a floor client answer ``operation`` too, with ``answer``."""
    hyphenized = client.meta.service_model.service_id.hyphenize()

    def canned(request: Any, **_: Any) -> Any:
        return AWSResponse(request.url, answer.status, answer.headers, _Raw(answer.body))  # type: ignore[arg-type]

    client.meta.events.register(f"before-send.{hyphenized}.{operation}", canned)


def _strip_other_senders(client: BaseClient) -> None:
    """Take off the ``before-send`` handlers other libraries added to botocore's built-ins
    (pinpoint-mock's own are there too: they stay or go with ``seam``)."""
    ours = set(_pinpoint_mock_handlers().values())
    for event, handler, *_ in BUILTIN_HANDLERS:
        if event.startswith("before-send") and handler not in ours:
            client.meta.events.unregister(event, handler)


def _strip_pinpoint_mock(client: BaseClient) -> None:
    for event, handler in _pinpoint_mock_handlers().items():
        client.meta.events.unregister(f"{event}.{SERVICE}", handler)


def _pinpoint_mock_handlers() -> dict[str, Any]:
    try:
        from pinpoint_mock.engine import hook
    except ImportError:
        return {}
    return dict(hook.HANDLERS)


def _method(client: BaseClient, operation: str) -> str:
    from botocore import xform_name

    name = xform_name(operation)
    assert hasattr(client, name), operation
    return name
