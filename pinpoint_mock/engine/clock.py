"""Things that happen on the clock: actions due at a moment, applied lazily.

Nothing runs in the background. Whoever looks at the state (a call of the service, the review
API, a snapshot, the event log) first calls :meth:`Timers.catch_up`, which runs every action
whose moment has come, oldest first, each told the moment it was due, so what it stamps and
announces carries that moment, not the moment it was observed. The clock is ``time.time()``,
so time-machine and freezegun move it.

While nothing is scheduled, ``catch_up`` is one attribute test.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable

Action = Callable[[float], None]


class Timers:
    """Actions due at moments (epoch seconds). Call :meth:`catch_up` before reading the
    state, never while holding a region's lock (each action takes the one it needs)."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Action]] = []
        self._order = itertools.count()
        self._lock = threading.RLock()
        self.pending = False  # read without the lock: the fast path

    def at(self, due: float, action: Action) -> None:
        """Run ``action(due)`` once the clock has reached ``due``."""
        with self._lock:
            heapq.heappush(self._heap, (due, next(self._order), action))
            self.pending = True

    def catch_up(self) -> None:
        """Run every action due by now, in the order of their moments (then of scheduling)."""
        if not self.pending:
            return
        with self._lock:  # one catch-up at a time, so actions run in order
            clock = time.time()
            heap = self._heap
            while heap and heap[0][0] <= clock:
                due, _, action = heapq.heappop(heap)
                action(due)
            self.pending = bool(heap)

    def next_due(self) -> float | None:
        with self._lock:
            return self._heap[0][0] if self._heap else None

    def clear(self) -> None:
        with self._lock:
            self._heap.clear()
            self.pending = False
