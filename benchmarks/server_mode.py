"""Server mode: CreateRegistration over HTTP on loopback from a keep-alive boto3 client."""

from __future__ import annotations

import statistics
import time

from floor import REGION, SERVICE, new_client
from timing import Figure

import pinpoint_mock

TYPE = "US_TOLL_FREE_REGISTRATION"
TITLE = "server mode: create_registration over HTTP (keep-alive boto3 client)"
TARGET = "<= 2.5 ms per call"


def _skip(why: str) -> list[Figure]:
    return [
        Figure(
            key="server.create_registration",
            title=TITLE,
            baseline="none (absolute, wall clock)",
            target=TARGET,
            skipped=True,
            note=why,
        )
    ]


def run(quick: bool) -> list[Figure]:
    rounds, n = (3, 30) if quick else (9, 300)
    try:
        serving = pinpoint_mock.server(port=0)
        url = serving.__enter__()
    except NotImplementedError as missing:
        return _skip(f"pinpoint_mock.server is not built yet ({missing})")
    try:
        client = new_client(
            SERVICE,
            region_name=REGION,
            endpoint_url=url,
            aws_access_key_id="AKIDBENCHMARK",
            aws_secret_access_key="benchmark",
        )
        for _ in range(max(1, n // 10)):
            client.create_registration(RegistrationType=TYPE)
        per_call = []
        for _ in range(rounds):
            start = time.perf_counter()
            for _ in range(n):
                client.create_registration(RegistrationType=TYPE)
            per_call.append((time.perf_counter() - start) / n)
    finally:
        serving.__exit__(None, None, None)
    median = statistics.median(per_call)
    return [
        Figure(
            key="server.create_registration",
            title=TITLE,
            baseline="none (absolute, wall clock, signed SigV4 request)",
            target=TARGET,
            value=round(median * 1e3, 3),
            unit=" ms",
            limit=2.5,
            info={"fastest_round_ms": round(min(per_call) * 1e3, 3), "rounds": rounds},
        )
    ]
