"""Memory a read call leaves behind in an active mock: what ``sms.calls`` keeps for it.

A read changes no state, so whatever the process holds more after ``N`` DescribeRegistrations
or DescribePhoneNumbers calls than before them (tracemalloc, after gc) is what the mock keeps
per call: its call log. Measured through the public API only (``mock_sms_voice_v2()``,
``sms.calls``), so it measures whatever form the log takes. The same calls through a floor
client (botocore answered by a canned body, the mock off) are measured too, and taken off:
botocore's own first few hundred calls leave a little behind (averaged, ~250 bytes a call
over the first 100 and ~50 over the first 1,000, then nothing more), which is not the mock's.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable
from typing import Any

from floor import REGION, SERVICE, capture, floor_client, new_client
from timing import Figure

from pinpoint_mock import mock_sms_voice_v2

TYPE = "US_TOLL_FREE_REGISTRATION"
READS = ("DescribeRegistrations", "DescribePhoneNumbers")
WARM_UP = 20  # botocore's and the mock's own first-call caches, not the log


def _traced() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def _world(client: Any, size: int) -> None:
    for _ in range(size):
        client.create_registration(RegistrationType=TYPE)
        client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )


def _kept(call: Callable[[], Any], count: int) -> int:
    """Bytes the process holds more after ``count`` calls than before them (only what is
    allocated while tracing counts, and the calls are all that runs)."""
    tracemalloc.start()
    try:
        for _ in range(WARM_UP):
            call()
        before = _traced()
        for _ in range(count):
            call()
        return _traced() - before
    finally:
        tracemalloc.stop()


def _measure(size: int, count: int) -> dict[str, Any]:
    """Bytes kept per read call at a world of ``size`` registrations and numbers (so each
    answer lists ``size`` records), for the mock and for the floor, per operation."""
    result: dict[str, Any] = {}
    answers = {}
    with mock_sms_voice_v2() as sms:
        client = new_client(SERVICE, region_name=REGION)
        _world(client, size)
        for operation in READS:
            method = getattr(client, _snake(operation))
            logged = len(sms.calls)
            kept = _kept(method, count)
            result[operation] = {
                "mock_bytes": kept / count,
                "entries_added": len(sms.calls) - logged,
            }
            answers[operation] = capture(client, operation)
    # the floor with the mock off: while it is on, it answers every client of its service
    for operation, answer in answers.items():
        result[operation]["floor_bytes"] = _floor_kept(operation, answer, count)
    return result


def _floor_kept(operation: str, answer: Any, count: int) -> float:
    floor = floor_client(SERVICE, operation, answer)
    return _kept(getattr(floor, _snake(operation)), count) / count


def _snake(operation: str) -> str:
    from botocore import xform_name

    return xform_name(operation)


def _figure(
    key: str, title: str, measured: dict[str, Any], count: int, limit: float | None
) -> Figure:
    worst = max(m["mock_bytes"] - m["floor_bytes"] for m in measured.values())
    info: dict[str, Any] = {}
    for field, unit in (("mock_bytes", "bytes"), ("floor_bytes", "floor_bytes")):
        for operation, m in measured.items():
            info[f"{operation}_{unit}"] = round(m[field])
    for operation, m in measured.items():
        info[f"{operation}_log_entries_added"] = m["entries_added"]
    info["calls_each"] = count
    return Figure(
        key=key,
        title=title,
        baseline="tracemalloc, after gc, before and after the calls; less botocore's own",
        target="information: the log keeps each answer's bytes"
        if limit is None
        else f"<= {limit} KiB (was ~1.3 KiB: the decoded request and answer)",
        value=round(worst / 1024, 3),
        unit=" KiB",
        limit=limit,
        info=info,
        note="the larger of DescribeRegistrations and DescribePhoneNumbers, less floor_bytes: "
        "what the same calls through botocore alone keep",
    )


def run(quick: bool) -> list[Figure]:
    count, page_count = (100, 30) if quick else (500, 200)
    return [
        _figure(
            "call_log.per_read_call",
            "KiB kept per read call (sms.calls; answers of one record)",
            _measure(1, count),
            count,
            1.0,
        ),
        _figure(
            "call_log.per_read_call_page",
            "KiB kept per read call (sms.calls; answers of 20 records)",
            _measure(20, page_count),
            page_count,
            None,
        ),
    ]
