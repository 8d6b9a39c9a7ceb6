"""Throughput from 8 threads against one mock, as a share of one thread's."""

from __future__ import annotations

import threading
import time

import boto3
from botocore.client import BaseClient
from floor import REGION, SERVICE
from timing import Comparison, Figure

from pinpoint_mock import mock_sms_voice_v2

TYPE = "US_TOLL_FREE_REGISTRATION"
THREADS = 8


def _run(clients: list[BaseClient], calls_each: int) -> float:
    """Wall seconds for every client to make ``calls_each`` calls, each in its own thread,
    all released at once (one client: the calling thread alone)."""
    with mock_sms_voice_v2():
        if len(clients) == 1:
            start = time.perf_counter()
            for _ in range(calls_each):
                clients[0].create_registration(RegistrationType=TYPE)
            return time.perf_counter() - start
        gate = threading.Barrier(len(clients) + 1)
        failures: list[BaseException] = []

        def work(client: BaseClient) -> None:
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


def run(quick: bool) -> list[Figure]:
    rounds, total = (1, 400) if quick else (7, 4_000)
    with mock_sms_voice_v2():
        clients = [boto3.client(SERVICE, region_name=REGION) for _ in range(THREADS)]
    _run(clients[:1], total // 10)
    _run(clients, total // THREADS // 10)
    result = Comparison()
    for i in range(rounds):
        order = [(clients[:1], total), (clients, total // THREADS)]
        if i % 2:
            order.reverse()
        times = {len(c): _run(c, n) for c, n in order}
        result.baseline.append(times[1] / total)
        result.subject.append(times[THREADS] / total)
    # throughput ratio = (calls / t_threads) / (calls / t_one) = t_one / t_threads
    throughput = 1 / result.ratio
    return [
        Figure(
            key="threads.8x500",
            title=f"{THREADS} threads x {total // THREADS} create_registration calls, aggregate",
            baseline=f"1 thread x {total} calls (wall clock, alternated)",
            target=">= 0.8x the single-thread throughput",
            value=round(throughput, 3),
            unit="x",
            limit=0.8,
            at_least=True,
            info=result.info(name="ms_per_call"),
        )
    ]
