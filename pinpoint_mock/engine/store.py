"""State: one :class:`RegionState` per (account, region), each with its own lock.

Registration IDs are unique across the whole store, so an index finds any registration
from its ID alone (the review API needs that).
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_right
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.clock import Timers
from pinpoint_mock.engine.eventbridge import EventBridgeLog

if TYPE_CHECKING:
    from pinpoint_mock.engine.resources import Kind
    from pinpoint_mock.service.opt_out_lists import OptOutList
    from pinpoint_mock.service.phone_numbers import PhoneNumber
    from pinpoint_mock.service.registrations.records import Attachment, Registration


# What every new region holds from the start (a family appends its seed, e.g. the opt-out
# list ``Default``); run once per (account, region).
SEEDS: list[Callable[[RegionState], None]] = []


def now() -> float:
    """The wall clock, in epoch seconds with millisecond precision (freezegun and
    time-machine both move it)."""
    return round(time.time(), 3)


class Ordinal:
    """The order of records listed across every account and Region (``sms.messages``): one
    per store, and never below a record's own ``order`` filed from exported state, so what
    comes after an import sorts after what was imported."""

    def __init__(self) -> None:
        self._last = 0
        self._lock = threading.Lock()

    def next(self) -> int:
        with self._lock:
            self._last += 1
            return self._last

    @property
    def last(self) -> int:
        return self._last

    def past(self, order: int) -> None:
        """Hand out only numbers above ``order`` from now on."""
        with self._lock:
            self._last = max(self._last, order)


class RegionState:
    """Everything one account holds in one region. Hold ``lock`` to read or change it."""

    def __init__(
        self,
        account_id: str,
        region: str,
        eventbridge: EventBridgeLog | None = None,
        timers: Timers | None = None,
        ordinal: Ordinal | None = None,
    ) -> None:
        self.account_id = account_id
        self.region = region
        self.lock = threading.RLock()
        # Shared by every region of one store: the events sent to EventBridge, and what is
        # due on the clock (a family schedules there; whoever reads the state catches up).
        self.eventbridge = eventbridge if eventbridge is not None else EventBridgeLog()
        self.timers = timers if timers is not None else Timers()
        self.ordinal = ordinal if ordinal is not None else Ordinal()
        # Every kind's records by ID (or name) in creation order (resources.py); the
        # families' own attributes below are the same dicts, under their names.
        self._kinds: dict[str, dict[str, Any]] = {}
        self.registrations: dict[str, Registration] = self._kind("registration")
        # Creation order; sequence numbers only grow, so bisect finds a page's start.
        self.order: list[Registration] = []
        # ClientToken -> (the first call's params, or a digest of them; its result)
        self.client_tokens: dict[str, tuple[Any, dict[str, Any]]] = {}
        self.versions_created: deque[float] = deque()
        # The family's other resources by ID, in creation order (registrations/attachments.py,
        # phone_numbers.py).
        self.attachments: dict[str, Attachment] = self._kind("registration-attachment")
        self.attachments_created: deque[float] = deque()
        self.phone_numbers: dict[str, PhoneNumber] = self._kind("phone-number")
        self.opt_out_lists: dict[str, OptOutList] = self._kind("opt-out-list")  # by name
        self._next_seq = 0
        for seed in SEEDS:
            seed(self)

    def _kind(self, arn_type: str) -> dict[str, Any]:
        return self._kinds.setdefault(arn_type, {})

    def of(self, kind: Kind) -> dict[str, Any]:
        """Every record of ``kind`` here, by ID (or name), in creation order."""
        records = self._kinds.get(kind.arn_type)
        return records if records is not None else self._kind(kind.arn_type)

    def next_seq(self) -> int:
        self._next_seq += 1
        return self._next_seq

    def add(self, registration: Registration) -> None:
        self.registrations[registration.id] = registration
        self.order.append(registration)

    def remove(self, registration: Registration) -> None:
        del self.registrations[registration.id]
        index = bisect_right(self.order, registration.seq, key=lambda r: r.seq) - 1
        del self.order[index]

    def after(self, seq: int) -> int:
        """Index in ``order`` of the first registration created after ``seq``."""
        return bisect_right(self.order, seq, key=lambda r: r.seq)


class Store:
    def __init__(self) -> None:
        self.eventbridge = EventBridgeLog()
        self.timers = Timers()
        self.ordinal = Ordinal()
        self._lock = threading.Lock()
        self._regions: dict[tuple[str, str], RegionState] = {}
        self._where: dict[str, RegionState] = {}

    def region(self, account_id: str, region: str) -> RegionState:
        key = (account_id, region)
        state = self._regions.get(key)
        if state is None:
            with self._lock:
                state = self._regions.get(key)
                if state is None:
                    state = RegionState(
                        account_id, region, self.eventbridge, self.timers, self.ordinal
                    )
                    self._regions[key] = state
        return state

    def existing(self, account_id: str, region: str) -> RegionState | None:
        return self._regions.get((account_id, region))

    def regions(self) -> list[RegionState]:
        with self._lock:
            return list(self._regions.values())

    def index(self, registration_id: str, state: RegionState) -> None:
        self._where[registration_id] = state

    def unindex(self, registration_id: str) -> None:
        self._where.pop(registration_id, None)

    def locate(self, registration_id: str) -> RegionState | None:
        return self._where.get(registration_id)

    def replace(self, other: Store) -> None:
        """Hold ``other``'s regions from now on, and what its clock owes (``other`` is built
        aside and then dropped). The regions use this store's event log, clock and ordinal."""
        with self._lock:
            self._regions, self._where = other._regions, other._where
            for state in self._regions.values():
                state.eventbridge, state.timers = self.eventbridge, self.timers
                state.ordinal = self.ordinal
            self.timers.take(other.timers)
            self.ordinal.past(other.ordinal.last)

    def clear(self) -> None:
        """Empty every account and region; what was due on the clock goes with them (the
        events already sent stay, as the call log does)."""
        self.timers.clear()
        with self._lock:
            self._regions.clear()
            self._where.clear()
