"""Timers: actions due at moments, run lazily in the order of their moments."""

from __future__ import annotations

import time

import time_machine

from pinpoint_mock.engine.clock import Timers


def test_nothing_pending_is_a_no_op() -> None:
    timers = Timers()
    assert timers.pending is False
    timers.catch_up()
    assert timers.next_due() is None


def test_due_actions_run_in_order_of_their_moments_with_their_moments() -> None:
    ran: list[tuple[str, float]] = []
    with time_machine.travel(1_000_000.0, tick=False) as traveller:
        timers = Timers()
        timers.at(1_000_010.0, lambda at: ran.append(("b", at)))
        timers.at(1_000_005.0, lambda at: ran.append(("a", at)))
        timers.at(1_000_010.0, lambda at: ran.append(("c", at)))
        timers.catch_up()
        assert ran == []
        traveller.shift(7)
        timers.catch_up()
        assert ran == [("a", 1_000_005.0)]
        assert timers.pending
        traveller.shift(100)
        timers.catch_up()
        assert ran == [("a", 1_000_005.0), ("b", 1_000_010.0), ("c", 1_000_010.0)]
        assert not timers.pending


def test_an_action_may_schedule_one_already_due() -> None:
    ran: list[float] = []
    timers = Timers()
    past = time.time() - 10
    timers.at(past, lambda at: timers.at(at + 1, ran.append))
    timers.catch_up()
    assert ran == [past + 1]


def test_clear_drops_everything() -> None:
    timers = Timers()
    timers.at(0.0, lambda at: (_ for _ in ()).throw(AssertionError("ran")))
    timers.clear()
    timers.catch_up()
    assert not timers.pending
