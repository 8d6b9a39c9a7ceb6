"""The cost of turning the mock on and off."""

from __future__ import annotations

import statistics
import time

from timing import Figure, repeat

from pinpoint_mock import mock_sms_voice_v2


def _cycles(n: int) -> float:
    activation = mock_sms_voice_v2()
    start = time.thread_time()
    for _ in range(n):
        activation.start()
        activation.stop()
    return time.thread_time() - start


def _with_blocks(n: int) -> float:
    start = time.thread_time()
    for _ in range(n):
        with mock_sms_voice_v2():
            pass
    return time.thread_time() - start


def run(quick: bool) -> list[Figure]:
    rounds, n = (3, 400) if quick else (9, 4000)
    cycle = statistics.median(repeat(_cycles, rounds, n))
    block = statistics.median(repeat(_with_blocks, rounds, n))
    return [
        Figure(
            key="activation.start_stop",
            title="start() + stop() of an activation",
            baseline="none (absolute)",
            target="<= 0.1 ms per cycle",
            value=round(cycle * 1e3, 4),
            unit=" ms",
            limit=0.1,
            info={"cycle_us": round(cycle * 1e6, 1), "with_block_us": round(block * 1e6, 1)},
            note="with_block: `with mock_sms_voice_v2(): pass`, construction included",
        )
    ]
