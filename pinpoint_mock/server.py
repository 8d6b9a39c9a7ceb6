"""Placeholder: the HTTP server lands with the server-mode issue."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def server(**options: Any) -> Iterator[str]:
    raise NotImplementedError("server mode is not built yet")
    yield ""
