"""Suite-wide guards: nothing reaches the network, and every activation leaves the process
exactly as it found it (botocore's handlers, the environment, pinpoint-mock's own state)."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
from collections.abc import Iterator
from typing import Any

import botocore.handlers
import pytest
import requests

import pinpoint_mock.engine.hook
import pinpoint_mock.mock
import pinpoint_mock.service.table  # fills the operation table tests read at collection
from tests import profiles

with contextlib.suppress(ImportError):  # moto adds a botocore handler on import: import it first
    import moto  # noqa: F401

pytest_plugins = ["pytester"]


def pytest_configure(config: pytest.Config) -> None:
    profiles.choose(config.getoption("hypothesis_profile", None))


def pytest_report_header(config: pytest.Config) -> str:
    if profiles.deep():
        return f"pinpoint-mock test profile: {profiles.active()} (the deep run)"
    return (
        f"pinpoint-mock test profile: {profiles.active()} (small and derandomized; "
        f"{profiles.ENV}=ci runs the deep one, as .ci/run does)"
    )


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _allowed(address: Any) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX
        return True
    host = address[0]
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NetworkBlocked(AssertionError):
    pass


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if not _allowed(address):
        self.close()
        raise NetworkBlocked(f"the test suite tried to connect to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    if not _allowed(address):
        self.close()
        raise NetworkBlocked(f"the test suite tried to connect to {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def _no_network_and_no_leaks() -> Iterator[None]:
    # No monkeypatch here: this fixture must be set up before a test's own monkeypatch and
    # torn down after it, so that what it compares is what the test leaves behind.
    handlers = list(botocore.handlers.BUILTIN_HANDLERS)
    environment = dict(os.environ)
    get_adapter = requests.Session.get_adapter
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    try:
        yield
    finally:
        socket.socket.connect = _real_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]
    assert pinpoint_mock.mock.current() is None, "an activation was left on"
    assert pinpoint_mock.engine.hook.active() is None, "the botocore seam was left active"
    assert handlers == botocore.handlers.BUILTIN_HANDLERS, "botocore's handlers changed"
    assert requests.Session.get_adapter is get_adapter, "requests' adapters were left patched"
    changed = {
        k
        for k in set(environment) | set(os.environ)
        if environment.get(k) != os.environ.get(k) and k != "PYTEST_CURRENT_TEST"
    }
    assert not changed, f"the environment changed: {sorted(changed)}"
