"""Throughput from 8 threads against one mock, as a share of one thread's."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from floor import REGION, SERVICE, Client, capture, floor_client, new_client
from timing import Comparison, Figure, alternate

from pinpoint_mock import mock_sms_voice_v2

TYPE = "US_TOLL_FREE_REGISTRATION"
THREADS = 8
BLOCKS = 4  # alternated blocks a round, each a whole workload


def _run(clients: list[Client], calls_each: int) -> float:
    """:func:`_calls` with the mock on (a fresh activation)."""
    with mock_sms_voice_v2():
        return _calls(clients, calls_each)


def _calls(clients: list[Client], calls_each: int) -> float:
    """Wall seconds for every client to make ``calls_each`` calls, each in its own thread,
    all released at once (one client: the calling thread alone)."""
    if len(clients) == 1:
        start = time.perf_counter()
        for _ in range(calls_each):
            clients[0].create_registration(RegistrationType=TYPE)
        return time.perf_counter() - start
    gate = threading.Barrier(len(clients) + 1)
    failures: list[BaseException] = []

    def work(client: Client) -> None:
        gate.wait()
        try:
            for _ in range(calls_each):
                client.create_registration(RegistrationType=TYPE)
        except BaseException as error:  # reported after the join
            failures.append(error)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    gate.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    if failures:
        raise failures[0]
    return elapsed


def _scaling(
    run: Callable[[list[Client], int], float],
    clients: list[Client],
    rounds: int,
    total: int,
) -> Comparison:
    """Wall seconds per call: one thread making ``total`` calls (baseline) and all the
    clients' threads making ``total`` between them (subject), in alternated blocks of that
    size, of which each side keeps its fastest (neighbours only slow us)."""
    return alternate(
        lambda n: run(clients[:1], n),
        lambda n: run(clients, max(1, n // len(clients))),
        rounds,
        total * BLOCKS,
        blocks=BLOCKS,
    )


def run(quick: bool) -> list[Figure]:
    rounds, total = (1, 400) if quick else (7, 4_000)
    with mock_sms_voice_v2():
        mocked = [new_client(SERVICE, region_name=REGION) for _ in range(THREADS)]
        answer = capture(mocked[0], "CreateRegistration", RegistrationType=TYPE)
    result = _scaling(_run, mocked, rounds, total)
    # The same through bare floor clients: how botocore itself scales over threads here.
    floors = [floor_client(SERVICE, "CreateRegistration", answer) for _ in range(THREADS)]
    botocore_alone = _scaling(_calls, floors, max(1, rounds // 2), total)
    # throughput ratio = (calls / t_threads) / (calls / t_one) = t_one / t_threads
    throughput = 1 / result.ratio
    info = result.info(name="ms_per_call")
    info["botocore_alone_throughput_ratio"] = round(1 / botocore_alone.ratio, 3)
    return [
        Figure(
            key="threads.8x500",
            title=f"{THREADS} threads x {total // THREADS} create_registration calls, aggregate",
            baseline=f"1 thread x {total} calls (wall clock; per round {BLOCKS} alternated "
            "blocks, the fastest of each side)",
            target=">= 0.8x the single-thread throughput",
            value=round(throughput, 3),
            unit="x",
            limit=0.8,
            at_least=True,
            info=info,
        )
    ]
