"""Things that happen on the clock: actions due at moments, applied lazily.

Nothing runs in the background. Whoever looks at the state (a call of the service, the review
API, a snapshot, the event log) first calls :meth:`Timers.catch_up`, which runs every action
whose moment has come, oldest first, each told the moment it was due, so what it stamps and
announces carries that moment, not the moment it was observed. The clock is ``time.time()``,
so time-machine and freezegun move it.

An action may be scheduled with its :class:`Move`, the same step as data: exported state and
the server's ``--state`` journal keep those moves, and an import schedules them again
(``engine/snapshot.py``), so what was still owed happens after the import as it would have
without it.

While nothing is scheduled, ``catch_up`` is one attribute test.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

Action = Callable[[float], None]


@dataclass(frozen=True)
class Move:
    """A step owed by the clock, as data: ``step`` (a review step, e.g. ``approve``) of
    version ``version`` of ``registration`` in (``account_id``, ``region``), due at ``due``
    (epoch seconds). Skipped when it comes, as the action is, if the version has moved on."""

    account_id: str
    region: str
    registration: str
    version: int
    due: float
    step: str


class Timers:
    """Actions due at moments (epoch seconds). Call :meth:`catch_up` before reading the
    state, never while holding a region's lock (each action takes the one it needs)."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Action, Move | None]] = []
        self._order = itertools.count()
        self._heap_lock = threading.Lock()  # the heap only, never held while an action runs
        self._run_lock = threading.RLock()  # one catch-up at a time, so actions run in order
        self.pending = False  # read without the lock: the fast path
        # When set (server --state), ("at" | "ran", move) for every described move scheduled
        # or run, in that order, for the journal to take.
        self.journal: deque[tuple[str, Move]] | None = None

    def at(self, due: float, action: Action, move: Move | None = None) -> None:
        """Run ``action(due)`` once the clock has reached ``due``; ``move`` describes it."""
        with self._heap_lock:
            heapq.heappush(self._heap, (due, next(self._order), action, move))
            self.pending = True
            if move is not None and self.journal is not None:
                self.journal.append(("at", move))

    def catch_up(self) -> None:
        """Run every action due by now, in the order of their moments (then of scheduling)."""
        if not self.pending:
            return
        with self._run_lock:
            clock = time.time()
            while True:
                with self._heap_lock:
                    heap = self._heap
                    if not heap or heap[0][0] > clock:
                        self.pending = bool(heap)
                        return
                    due, _, action, move = heapq.heappop(heap)
                action(due)
                if move is not None and self.journal is not None:
                    self.journal.append(("ran", move))

    def next_due(self) -> float | None:
        with self._heap_lock:
            return self._heap[0][0] if self._heap else None

    def moves(self) -> list[Move]:
        """The described moves still to run, in the order they will run."""
        with self._heap_lock:
            entries = sorted(self._heap, key=lambda e: (e[0], e[1]))
        return [move for *_, move in entries if move is not None]

    def drop(self, moves: set[Move]) -> None:
        """Forget the pending ``moves`` (a journal says they ran)."""
        with self._heap_lock:
            self._heap = [e for e in self._heap if e[3] is None or e[3] not in moves]
            heapq.heapify(self._heap)
            self.pending = bool(self._heap)

    def take(self, other: Timers) -> None:
        """Hold ``other``'s pending actions instead of this one's (an import replaces the
        state, and what the clock owed with it)."""
        with self._heap_lock, other._heap_lock:
            self._heap, other._heap = other._heap, []
            self._order, other._order = other._order, itertools.count()
            self.pending, other.pending = bool(self._heap), False

    def clear(self) -> None:
        with self._heap_lock:
            self._heap.clear()
            self.pending = False
