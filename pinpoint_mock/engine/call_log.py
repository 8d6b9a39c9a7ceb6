"""The call log behind ``sms.calls``: what each answered call asked and got, kept cheaply.

Each call is kept as one tuple of references to what the answer had made anyway: on the wire,
the request body and the encoded response (bytes, a fraction of the size of the decoded
trees); above the wire, the request's and result's dicts, which the fast path made for the
call alone. :class:`Call` records are built only when the log is read. The log keeps the
latest ``keep`` calls (``None``: every call; ``0``: none), so a long activation does not grow
without bound.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# (operation, params or request body, result or response body or None, error code or None,
#  account, region, request id)
_Entry = tuple[str, Any, Any, "str | None", str, str, str]


@dataclass(frozen=True, slots=True)
class Call:
    """One answered call: what was asked, and the result or the error code."""

    operation: str
    params: dict[str, Any]
    response: dict[str, Any] | None
    error: str | None
    account_id: str
    region: str
    request_id: str


def _tree(value: Any) -> Any:
    if isinstance(value, bytes):
        return json.loads(value) if value.strip() else {}
    return value


class CallLog:
    """The latest ``keep`` calls, in order."""

    def __init__(self, keep: int | None) -> None:
        self._entries: deque[_Entry] = deque(maxlen=keep)
        self._lock = threading.Lock()

    def add(self, entry: _Entry) -> None:
        self._entries.append(entry)  # deque.append is atomic

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Call]:
        with self._lock:
            entries = list(self._entries)
        for operation, params, response, error, account, region, request_id in entries:
            yield Call(
                operation,
                _tree(params),
                None if error is not None else _tree(response),
                error,
                account,
                region,
                request_id,
            )

    def clear(self) -> None:
        self._entries.clear()
