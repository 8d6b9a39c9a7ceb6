"""Handing things to moto: is moto's ``mock_aws`` on in this process, and if so, make one call
of another AWS service so that moto answers it (EventBridge ``PutEvents``, SNS ``Publish``,
Firehose ``PutRecord``, CloudWatch Logs ``PutLogEvents`` ...).

Nothing here can reach real AWS. A call is made through a botocore client of our own, built
once per (service, Region), that has no network: moto's ``before-send`` handler (which every
botocore session gets from moto at import, or through ``moto.core.patch_client``) answers it
while ``mock_aws`` is on; when moto did not answer (it is off, or passes the request
through), the client's HTTP sender raises :class:`NotAnswered` instead of sending, and
botocore does not retry it.
That is moto's public promise (while ``mock_aws`` is on, boto3 calls of its services are
answered by moto), and the account is chosen with moto's documented ``x-moto-account-id``
request header.

Before building a request, :func:`active` looks at moto cheaply: moto not imported means
off; moto's botocore handler disabled means off. Those two names are the only moto internals
read, and ``tests/engine/test_moto_bridge.py`` checks them against the installed moto; when
moto moves them, :func:`active` says "maybe" and the guard decides.
"""

from __future__ import annotations

import sys
import threading
from contextvars import ContextVar
from typing import Any

from pinpoint_mock.engine import _botocore

_clients: dict[tuple[str, str], Any] = {}
_lock = threading.Lock()


class NotAnswered(Exception):
    """moto did not answer the call (it is off, or passes the request through)."""


def active() -> bool:
    """Whether moto's ``mock_aws`` may be on: False for certain when moto is not imported or
    its botocore handler is off (a dictionary look-up and an attribute read)."""
    models = sys.modules.get("moto.core.models")
    if models is None:
        return False
    stubber = getattr(models, "botocore_stubber", None)
    enabled = getattr(stubber, "enabled", None)
    return enabled is not False


def call(service: str, region: str, account: str, operation: str, **params: Any) -> Any:
    """Make one call of ``service`` (a botocore service name, e.g. ``"events"``) in ``region``
    as ``account``, answered by moto; returns the parsed response. Raises
    :class:`NotAnswered` when moto did not answer, and botocore's ``ClientError`` when moto
    answered with an error. Call only when :func:`active` is true."""
    client = _client(service, region)
    method = getattr(client, operation)
    token = _account.set(account)
    try:
        return method(**params)
    finally:
        _account.reset(token)


def _client(service: str, region: str) -> Any:
    key = (service, region)
    client = _clients.get(key)
    if client is not None:
        return client
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = _build(service, region)
            _clients[key] = client
    return client


def _build(service: str, region: str) -> Any:
    import botocore.config
    import botocore.session

    session = botocore.session.get_session()
    client = session.create_client(
        service,
        region_name=region,
        aws_access_key_id="pinpointmockbridge",
        aws_secret_access_key="pinpoint-mock",
        config=botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}),
    )
    core = sys.modules.get("moto.core")
    patch_client = getattr(core, "patch_client", None)
    if patch_client is not None:  # moto's public way to cover a client it has not seen
        patch_client(client)
    client.meta.events.register_first(f"before-sign.{service}", _name_account)
    _botocore.never_send(client, _refuse)
    return client


# The account of the call in progress (a context variable, so threads do not mix accounts).
_account: ContextVar[str | None] = ContextVar("pinpoint_mock_moto_account", default=None)


def _name_account(request: Any, **_: Any) -> None:
    account = _account.get()
    if account is not None:
        request.headers["x-moto-account-id"] = account


def _refuse(request: Any) -> None:
    """Reached only when moto did not answer: stop here, so nothing is ever sent."""
    raise NotAnswered(f"moto did not answer {request.method} {request.url}")


__all__ = ["NotAnswered", "active", "call"]
