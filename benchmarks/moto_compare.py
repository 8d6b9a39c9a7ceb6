"""moto, measured the same way, for comparison: a moto service of the same protocol family
(CloudWatch Logs, JSON over POST with ``X-Amz-Target``) against the same kind of floor."""

from __future__ import annotations

import itertools
import statistics
import time
from typing import Any

import boto3
from floor import REGION, capture, floor_client
from import_cost import extra_ms
from timing import Figure, alternate, repeat, timed

PAGE = 20
FLOOR_TEXT = "the same call, unsigned, answered by a bare before-send handler with moto's body"


def _per_call(operation: str, make_params: Any, setup: Any, rounds: int, n: int) -> Any:
    from moto import mock_aws

    with mock_aws():
        client = boto3.client("logs", region_name=REGION)
        setup(client)
        answer = capture(client, operation, **make_params())
    floor = floor_client("logs", operation, answer)
    signed = floor_client("logs", operation, answer, signed=True)
    method = getattr(client, _snake(operation))

    def moto(n: int) -> float:
        with mock_aws():
            setup(client)
            return timed(lambda: method(**make_params()), n)

    def bare(n: int) -> float:
        return timed(lambda: getattr(floor, _snake(operation))(**make_params()), n)

    def signed_floor(n: int) -> float:
        return timed(lambda: getattr(signed, _snake(operation))(**make_params()), n)

    return alternate(bare, moto, rounds, n), alternate(bare, signed_floor, rounds, n)


def _snake(operation: str) -> str:
    from botocore import xform_name

    return xform_name(operation)


def _groups(client: Any) -> None:
    for i in range(2 * PAGE):
        client.create_log_group(logGroupName=f"group-{i}")


def _nothing(client: Any) -> None:
    pass


def _figure(key: str, title: str, comparisons: Any) -> Figure:
    moto, signed = comparisons
    info = moto.info()
    info["signed_floor_ratio"] = round(signed.ratio, 3)
    info["moto_vs_signed_floor"] = round(moto.ratio / signed.ratio, 3)
    return Figure(
        key=key,
        title=title,
        baseline=FLOOR_TEXT,
        target="(moto; our target is <= 1.10)",
        value=round(moto.ratio, 3),
        unit="x",
        comparison=True,
        info=info,
        note="moto signs its requests (SigV4); signed_floor_ratio is that signing alone",
    )


def _start_stop(n: int) -> float:
    from moto import mock_aws

    activation = mock_aws()
    start = time.thread_time()
    for _ in range(n):
        activation.start()
        activation.stop()
    return time.thread_time() - start


def run(quick: bool) -> list[Figure]:
    rounds, n = (3, 40) if quick else (9, 300)
    names = (f"g{i}" for i in itertools.count())
    create = _per_call("CreateLogGroup", lambda: {"logGroupName": next(names)}, _nothing, rounds, n)
    describe = _per_call("DescribeLogGroups", lambda: {"limit": PAGE}, _groups, rounds, n // 2)
    cycle = statistics.median(repeat(_start_stop, rounds, 40 if quick else 200))
    moto_import, _, _ = extra_ms("from moto import mock_aws", 3 if quick else 9)
    return [
        _figure("moto.logs_create_log_group", "logs.create_log_group per call", create),
        _figure(
            "moto.logs_describe_log_groups",
            f"logs.describe_log_groups per call (page of {PAGE}, with nextToken)",
            describe,
        ),
        Figure(
            key="moto.start_stop",
            title="mock_aws() start() + stop()",
            baseline="none (absolute)",
            target="(moto; our target is <= 0.1 ms)",
            value=round(cycle * 1e3, 3),
            unit=" ms",
            comparison=True,
        ),
        Figure(
            key="moto.import",
            title="from moto import mock_aws on top of import boto3",
            baseline="import boto3 alone (fresh processes, alternated)",
            target="(moto; our target is <= 30 ms)",
            value=round(moto_import, 1),
            unit=" ms",
            comparison=True,
        ),
    ]
