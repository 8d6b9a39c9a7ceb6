"""Timers: actions due at moments, run lazily in the order of their moments."""

from __future__ import annotations

import threading
import time
from collections import deque

import time_machine

from pinpoint_mock.engine.clock import Move, Timers


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


def _move(due: float, step: str = "approve") -> Move:
    return Move("123456789012", "us-east-1", "registration-1", 1, due, step)


def test_moves_are_the_described_actions_in_the_order_they_will_run() -> None:
    timers = Timers()
    timers.journal = deque()
    timers.at(30.0, lambda at: None, _move(30.0))
    timers.at(20.0, lambda at: None)  # not described: not a move
    timers.at(10.0, lambda at: None, _move(10.0, "begin"))
    assert timers.moves() == [_move(10.0, "begin"), _move(30.0)]
    timers.catch_up()  # both are long due
    assert timers.moves() == []
    assert list(timers.journal) == [
        ("at", _move(30.0)),
        ("at", _move(10.0, "begin")),
        ("ran", _move(10.0, "begin")),
        ("ran", _move(30.0)),
    ]


def test_take_and_drop() -> None:
    mine, theirs = Timers(), Timers()
    mine.at(1.0, lambda at: None, _move(1.0))
    theirs.at(2.0, lambda at: None, _move(2.0))
    theirs.at(3.0, lambda at: None, _move(3.0))
    mine.take(theirs)
    assert mine.moves() == [_move(2.0), _move(3.0)]
    assert theirs.moves() == []
    assert not theirs.pending
    mine.drop({_move(2.0)})
    assert mine.moves() == [_move(3.0)]
    assert mine.pending


def test_scheduling_does_not_wait_for_a_catch_up_that_is_running() -> None:
    """A call holding its region's lock schedules while another thread's catch-up runs an
    action waiting for that lock: the schedule must not wait for the catch-up."""
    timers = Timers()
    scheduled = threading.Event()

    def action(at: float) -> None:
        other = threading.Thread(
            target=lambda: (timers.at(at + 1, lambda _: None), scheduled.set())
        )
        other.start()
        other.join(5)

    timers.at(time.time() - 10, action)
    timers.catch_up()
    assert scheduled.is_set()
