"""Resource IDs: the service's shape, unique, and drawn without a system call."""

from __future__ import annotations

import os
import re

import pytest

from pinpoint_mock.engine.ids import new_id


def test_ids_have_the_services_shape_and_do_not_repeat() -> None:
    ids = [new_id("registration") for _ in range(20_000)]
    assert all(re.fullmatch(r"registration-[0-9a-f]{32}", i) for i in ids)
    assert len(set(ids)) == len(ids)


def test_an_id_needs_no_system_call(monkeypatch: pytest.MonkeyPatch) -> None:
    # Handlers draw IDs holding their region's lock; os.urandom would release the GIL there.
    def forbidden(n: int) -> bytes:
        raise AssertionError("os.urandom called while drawing an ID")

    monkeypatch.setattr(os, "urandom", forbidden)
    assert new_id("phone").startswith("phone-")
