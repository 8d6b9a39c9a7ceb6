"""State you can keep: a world imported per test versus rebuilt per test, and server mode
with ``--state`` (every change fsync'd to a journal) versus without, at 10,000 registrations.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from floor import REGION, SERVICE, new_client
from timing import Figure

import pinpoint_mock
from pinpoint_mock import mock_sms_voice_v2

TYPE = "US_TOLL_FREE_REGISTRATION"


def _world(client: Any, sms: Any, registrations: int) -> None:
    """A fixture's world: registrations through a denial, a new version and an approval,
    numbers, a pool, configuration sets."""
    for i in range(registrations):
        rid = client.create_registration(RegistrationType=TYPE)["RegistrationId"]
        client.put_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue=f"Corp {i}"
        )
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).deny(reasons=[{"Reason": "r", "ShortDescription": "s"}])
        client.create_registration_version(RegistrationId=rid)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).approve()
    numbers = [
        client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )["PhoneNumberArn"]
        for _ in range(5)
    ]
    pool = client.create_pool(
        OriginationIdentity=numbers[0], IsoCountryCode="US", MessageType="TRANSACTIONAL"
    )["PoolId"]
    for arn in numbers[1:]:
        client.associate_origination_identity(
            PoolId=pool, OriginationIdentity=arn, IsoCountryCode="US"
        )
    for i in range(5):
        client.create_configuration_set(ConfigurationSetName=f"set-{i}")


def _import_versus_rebuild(quick: bool) -> Figure:
    size, rounds = (5, 3) if quick else (20, 7)
    with mock_sms_voice_v2() as sms:
        client = new_client(SERVICE, region_name=REGION)
        _world(client, sms, size)
        data = sms.export_state()
    rebuilds, imports = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        with mock_sms_voice_v2() as sms:
            _world(new_client(SERVICE, region_name=REGION), sms, size)
        rebuilds.append(time.perf_counter() - start)
        start = time.perf_counter()
        with mock_sms_voice_v2() as sms:
            sms.import_state(data)
        imports.append(time.perf_counter() - start)
    ratios = [r / i for r, i in zip(rebuilds, imports, strict=True)]
    return Figure(
        key="state.import_versus_rebuild",
        title=f"a world of {size} reviewed registrations, numbers, a pool, sets: rebuilt / imported",
        baseline="import_state of the exported world, per test",
        target=">= 10x (import is the cheap way to a big world)",
        value=round(statistics.median(ratios), 1),
        unit="x",
        limit=10.0,
        at_least=True,
        info={
            "rebuild_ms": round(statistics.median(rebuilds) * 1e3, 2),
            "import_ms": round(statistics.median(imports) * 1e3, 3),
            "round_ratios": [round(r, 1) for r in ratios],
        },
    )


def _client(url: str) -> Any:
    return new_client(
        SERVICE,
        region_name=REGION,
        endpoint_url=url,
        aws_access_key_id="AKIDBENCHMARK",
        aws_secret_access_key="benchmark",
    )


def _per_call(client: Any, n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        client.create_registration(RegistrationType=TYPE)
    return (time.perf_counter() - start) / n


def _fsync_floor(folder: Path, n: int) -> float:
    """Seconds to append one line and fsync it on this disk: no journal can go below it."""
    fd = os.open(folder / "floor", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        start = time.perf_counter()
        for _ in range(n):
            os.write(fd, b"x" * 400 + b"\n")
            os.fsync(fd)
        return (time.perf_counter() - start) / n
    finally:
        os.close(fd)


class _Stopwatch:
    """Time spent in the state file's observer, and in its write + fsync, per call."""

    def __init__(self, url: Any) -> None:
        service = url.mock._service
        self.state_file = service.observer
        self.observer = self.write = 0.0
        self.calls = 0
        write = self.state_file._write

        def timed_write(lines: list[bytes]) -> None:
            start = time.perf_counter()
            write(lines)
            self.write += time.perf_counter() - start

        def changed(*args: Any, **kwargs: Any) -> None:
            start = time.perf_counter()
            self.state_file.changed(*args, **kwargs)
            self.observer += time.perf_counter() - start
            self.calls += 1

        self.state_file._write = timed_write
        service.observer = type("Timed", (), {"changed": staticmethod(changed)})()


def _state_file(folder: Path, name: str, registrations: int) -> Path:
    with mock_sms_voice_v2() as sms:
        client = new_client(SERVICE, region_name=REGION)
        for _ in range(registrations):
            client.create_registration(RegistrationType=TYPE)
        data = sms.export_state()
    path = folder / name
    path.write_text(json.dumps(data))
    return path


def _server_with_state(quick: bool) -> list[Figure]:
    registrations, rounds, n = (1_000, 3, 20) if quick else (10_000, 7, 100)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = _state_file(folder, "big.json", registrations)
        small = _state_file(folder, "small.json", 100)
        start = time.perf_counter()
        with pinpoint_mock.server(state=big) as kept:
            started = time.perf_counter() - start
            with pinpoint_mock.server(state=small) as little, pinpoint_mock.server() as plain:
                with_state, at_100, without = _client(kept), _client(little), _client(plain)
                for client in (with_state, at_100, without):
                    _per_call(client, 10)
                watch = _Stopwatch(kept)
                a, b, c, floor = [], [], [], []
                for _ in range(rounds):  # alternated, so drift hits every side
                    b.append(_per_call(without, n))
                    a.append(_per_call(with_state, n))
                    c.append(_per_call(at_100, n))
                    floor.append(_fsync_floor(folder, n))
    median, plain_ms, small_ms = (statistics.median(x) for x in (a, b, c))
    fsync = statistics.median(floor)
    own = (watch.observer - watch.write) / watch.calls
    return [
        Figure(
            key="state.server_per_call",
            title=f"server --state: create_registration at {registrations:,} registrations",
            baseline="none (absolute, wall clock; includes the fsync of each journal line)",
            target="<= 2.5 ms per call",
            value=round(median * 1e3, 3),
            unit=" ms",
            limit=2.5,
            info={
                "without_state_ms": round(plain_ms * 1e3, 3),
                "fsync_of_one_line_on_this_disk_ms": round(fsync * 1e3, 3),
                "journal_write_and_fsync_ms": round(watch.write / watch.calls * 1e3, 3),
                "ratio_with_over_without": round(median / plain_ms, 2),
                "rounds": rounds,
            },
        ),
        Figure(
            key="state.journal_own_cost",
            title="server --state: the journal's own cost per create (finding, encoding and "
            "comparing the touched records; the write and fsync excluded)",
            baseline="none (absolute, wall clock, measured inside the server)",
            target="<= 0.5 ms",
            value=round(own * 1e3, 3),
            unit=" ms",
            limit=0.5,
        ),
        Figure(
            key="state.server_per_call_growth",
            title=f"server --state: per-call cost at {registrations:,} / at 100 registrations",
            baseline="the same server at 100 registrations",
            target="<= 1.2x (a write's cost does not grow with the state)",
            value=round(median / small_ms, 2),
            unit="x",
            limit=1.2,
        ),
        Figure(
            key="state.server_start",
            title=f"server --state: start-up loading {registrations:,} registrations",
            baseline="none (absolute, wall clock; load, replay, compaction)",
            target="information",
            value=round(started, 3),
            unit=" s",
        ),
    ]


def run(quick: bool) -> list[Figure]:
    return [_import_versus_rebuild(quick), *_server_with_state(quick)]
