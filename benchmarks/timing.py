"""Alternated timing rounds and the figure record every benchmark returns.

Machines are noisy, so a figure is a ratio between a subject and a baseline measured in
turns within the same run; the median of the per-round ratios is the figure. Within a round
the two alternate in several short blocks (ABBA order, so drift cancels) and each side keeps
its fastest block, which filters out the moments another process had the core. Single-thread
work is timed in CPU time of the thread (``time.thread_time``): being descheduled by a
neighbour is not a cost of the code. Absolute times are kept for information only.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# A workload: run the thing ``n`` times, return the seconds it took (setup excluded).
Workload = Callable[[int], float]


def timed(body: Callable[[], object], n: int) -> float:
    """CPU seconds of this thread for ``n`` runs of ``body``."""
    gc.collect()
    start = time.thread_time()
    for _ in range(n):
        body()
    return time.thread_time() - start


@dataclass
class Comparison:
    baseline: list[float] = field(default_factory=list)  # seconds per run, one per round
    subject: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [s / b for s, b in zip(self.subject, self.baseline, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    def info(self, unit: float = 1e3, name: str = "ms") -> dict[str, Any]:
        return {
            f"baseline_{name}": round(statistics.median(self.baseline) * unit, 4),
            f"subject_{name}": round(statistics.median(self.subject) * unit, 4),
            "rounds": len(self.ratios),
            "round_ratios": [round(r, 3) for r in self.ratios],
        }


def alternate(
    baseline: Workload, subject: Workload, rounds: int, n: int, blocks: int = 4
) -> Comparison:
    """Per-run seconds of each workload over ``rounds`` rounds of ``n`` runs a side, each
    round made of ``blocks`` alternated blocks of which each side keeps its fastest."""
    baseline(max(1, n // 10))  # warm both up: caches, lazy imports, first-call costs
    subject(max(1, n // 10))
    size = max(1, n // blocks)
    result = Comparison()
    for _ in range(rounds):
        best_b = best_s = float("inf")
        for j in range(blocks):
            if j % 2 == 0:
                b, s = baseline(size), subject(size)
            else:
                s, b = subject(size), baseline(size)
            best_b, best_s = min(best_b, b), min(best_s, s)
        result.baseline.append(best_b / size)
        result.subject.append(best_s / size)
    return result


def repeat(workload: Workload, rounds: int, n: int, blocks: int = 4) -> list[float]:
    """Per-run seconds of one workload, one figure per round (its fastest block)."""
    workload(max(1, n // 10))
    size = max(1, n // blocks)
    return [min(workload(size) for _ in range(blocks)) / size for _ in range(rounds)]


@dataclass
class Figure:
    """One line of the table and one object of the JSON."""

    key: str
    title: str
    baseline: str
    target: str
    value: float | None = None
    unit: str = ""
    limit: float | None = None
    at_least: bool = False  # the target is value >= limit (else value <= limit)
    info: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    skipped: bool = False
    comparison: bool = False  # a reference figure (moto), not a target of ours

    def verdict(self, quick: bool) -> str:
        if self.skipped:
            return "SKIP"
        if self.comparison or self.limit is None or self.value is None:
            return "info"
        if quick:
            return "-"
        ok = self.value >= self.limit if self.at_least else self.value <= self.limit
        return "PASS" if ok else "FAIL"
