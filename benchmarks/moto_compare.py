"""moto, measured with the same harness and floor, for comparison, the two ways its users run it.

Services: CloudWatch Logs (``awsJson1_1``; a create, and a page of 20 records with a
``nextToken``, like DescribeRegistrations) and DynamoDB (``awsJson1_0``, pinpoint-sms-voice-v2's
own protocol, and moto's most used service; a create and a describe of one record). Both are
JSON over POST with ``X-Amz-Target``, so botocore's work per call is of the same kind as ours.

* **One long activation**: one ``mock_aws`` on for the whole measurement, the client made once
  inside it (a session-wide fixture). Per call, against the floor. The floor client carries no
  moto stubber (see ``floor.py``): botocore runs every ``before-send`` handler, so a floor
  client that kept it would be answered *and* carried out by moto too while ``mock_aws`` is on.
* **One activation per test**: start ``mock_aws``, make a client, a handful of calls, stop;
  against the same test with a floor client and no activation. pinpoint-mock is measured in
  the same shape under ``mock_sms_voice_v2``, with its own floor. This includes what moto does
  per test: its start and stop, its reset of boto3's default session (so each test's
  ``boto3.client`` builds a new session), and its services' first use in the activation.

moto is optional: without it, this group reports one skipped line.
"""

from __future__ import annotations

import gc
import itertools
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import boto3
from botocore import xform_name
from floor import REGION, SERVICE, Answer, Client, also_answer, capture, floor_client, new_client
from import_cost import extra_ms
from timing import Comparison, Figure, alternate, repeat, timed

PAGE = 20
FLOOR_TEXT = "the same call, unsigned, answered by a bare before-send handler with moto's body"
PER_TEST_CREATES = 3  # a simulated test: a client, 3 creates and one describe


@dataclass(frozen=True)
class Operation:
    """One call of a service: its name and, for each call, its parameters."""

    name: str
    params: Callable[[], dict[str, Any]]

    def call(self, client: Client) -> Any:
        return getattr(client, xform_name(self.name))(**self.params())


@dataclass(frozen=True)
class Service:
    """A service as the benchmark drives it: a create, a describe, and the world the
    describe needs (made by ``setup`` with the create)."""

    name: str
    create: Operation
    describe: Operation
    setup_count: int  # creates before the describe, in both ways of measuring

    def setup(self, client: Client) -> None:
        for _ in range(self.setup_count):
            self.create.call(client)


def _names(prefix: str) -> Iterator[str]:
    return (f"{prefix}-{i}" for i in itertools.count())


def _table(names: Iterator[str], made: list[str]) -> Callable[[], dict[str, Any]]:
    def params() -> dict[str, Any]:
        made.append(next(names))
        return {
            "TableName": made[-1],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "BillingMode": "PAY_PER_REQUEST",
        }

    return params


def _services() -> tuple[Service, Service]:
    groups, tables = _names("group"), _names("table")
    made: list[str] = []  # the tables created, the last one described
    logs = Service(
        "logs",
        Operation("CreateLogGroup", lambda: {"logGroupName": next(groups)}),
        Operation("DescribeLogGroups", lambda: {"limit": PAGE}),
        2 * PAGE,
    )
    dynamodb = Service(
        "dynamodb",
        Operation("CreateTable", _table(tables, made)),
        Operation("DescribeTable", lambda: {"TableName": made[-1]}),
        1,
    )
    return logs, dynamodb


def _settle() -> None:
    """Move every object alive now out of the collector's sight (``gc.freeze``). moto's
    import leaves ~140,000 objects, and the harness collects garbage before each block, which
    then takes ~0.2 s a time: most of this group's run time, and none of it measured. The
    objects made by the calls measured stay collectable, on both sides alike."""
    gc.collect()
    gc.freeze()


# -- one long activation ---------------------------------------------------------------------


def _long(
    service: Service, operation: Operation, rounds: int, n: int, stubbed: bool = False
) -> tuple[Comparison, Comparison, Comparison | None]:
    """moto per call in one activation on throughout, and the signed floor, each against
    the unsigned floor; with ``stubbed``, moto against a floor client that kept moto's
    stubber too (the mistake this group once made: that floor costs as much as moto)."""
    from moto import mock_aws

    with mock_aws():
        client = new_client(service.name, region_name=REGION)
        service.setup(client)
        answer = capture(client, operation.name, **operation.params())
        floor = floor_client(service.name, operation.name, answer)
        signed = floor_client(service.name, operation.name, answer, signed=True)
        _settle()

        def moto(k: int) -> float:
            return timed(lambda: operation.call(client), k)

        def bare(k: int) -> float:
            return timed(lambda: operation.call(floor), k)

        def signed_floor(k: int) -> float:
            return timed(lambda: operation.call(signed), k)

        mistaken = None
        if stubbed:
            kept = floor_client(service.name, operation.name, answer, others=True)
            mistaken = alternate(lambda k: timed(lambda: operation.call(kept), k), moto, rounds, n)
        return alternate(bare, moto, rounds, n), alternate(bare, signed_floor, rounds, n), mistaken


def _long_figure(
    key: str, title: str, comparisons: tuple[Comparison, Comparison, Comparison | None]
) -> Figure:
    moto, signed, mistaken = comparisons
    info = moto.info()
    info["signed_floor_ratio"] = round(signed.ratio, 3)
    info["moto_vs_signed_floor"] = round(moto.ratio / signed.ratio, 3)
    if mistaken is not None:
        info["vs_floor_keeping_moto_stubber"] = round(mistaken.ratio, 3)
    return Figure(
        key=key,
        title=f"{title} per call, one long mock_aws",
        baseline=FLOOR_TEXT,
        target="(moto; our target is <= 1.10)",
        value=round(moto.ratio, 3),
        unit="x",
        comparison=True,
        info=info,
        note="moto signs its requests (SigV4); signed_floor_ratio is that signing alone",
    )


# -- one activation per test -----------------------------------------------------------------


def _per_test(
    service_name: str,
    create: Operation,
    describe: Operation,
    activation: Callable[[], Any],
    session: Any,
) -> Callable[[], None]:
    def test() -> None:
        with activation():
            client = session.client(service_name, region_name=REGION)
            for _ in range(PER_TEST_CREATES):
                create.call(client)
            describe.call(client)

    return test


def _per_test_floor(
    service_name: str, create: Operation, describe: Operation, answers: tuple[Answer, Answer]
) -> Callable[[], None]:
    def test() -> None:
        client = floor_client(service_name, create.name, answers[0])
        also_answer(client, describe.name, answers[1])
        for _ in range(PER_TEST_CREATES):
            create.call(client)
        describe.call(client)

    return test


def _compare_tests(
    service_name: str,
    create: Operation,
    describe: Operation,
    activation: Callable[[], Any],
    rounds: int,
    n: int,
    session: Any = boto3,
) -> Comparison:
    """Per-test seconds of ``n`` tests a round, the subject under ``activation`` against the
    floor, alternating one test at a time. Each test makes its client with
    ``session.client(...)``: boto3's default session (``boto3.client``), or one kept."""
    with activation():  # the answers the floor gives: the subject's own, for the same test
        client = new_client(service_name, region_name=REGION)
        for _ in range(PER_TEST_CREATES - 1):
            create.call(client)
        answers = (
            capture(client, create.name, **create.params()),
            capture(client, describe.name, **describe.params()),
        )
    _settle()
    subject = _per_test(service_name, create, describe, activation, session)
    bare = _per_test_floor(service_name, create, describe, answers)
    return alternate(lambda k: timed(bare, k), lambda k: timed(subject, k), rounds, n, blocks=n)


def _test_figure(key: str, title: str, comparison: Comparison, moto: bool) -> Figure:
    info = comparison.info()
    info["overhead_ms"] = round(info["subject_ms"] - info["baseline_ms"], 3)
    return Figure(
        key=key,
        title=f"a test (activate, a client, {PER_TEST_CREATES} creates, a describe, stop): {title}",
        baseline="the same test without activation: an unsigned client answered by a bare "
        "before-send handler",
        target="(moto, for comparison)" if moto else "(for comparison with moto)",
        value=round(comparison.ratio, 3),
        unit="x",
        comparison=moto,
        info=info,
    )


def _pinpoint_per_test(rounds: int, n: int) -> Figure:
    from pinpoint_mock import mock_sms_voice_v2

    create = Operation(
        "CreateRegistration", lambda: {"RegistrationType": "US_TOLL_FREE_REGISTRATION"}
    )
    describe = Operation("DescribeRegistrations", lambda: {"MaxResults": PAGE})
    comparison = _compare_tests(SERVICE, create, describe, mock_sms_voice_v2, rounds, n)
    return _test_figure(
        "moto.per_test.pinpoint_mock", "pinpoint-mock (registrations)", comparison, moto=False
    )


# -- moto's fixed costs ----------------------------------------------------------------------


def _start_stop(n: int) -> float:
    from moto import mock_aws

    activation = mock_aws()
    start = time.thread_time()
    for _ in range(n):
        activation.start()
        activation.stop()
    return time.thread_time() - start


def _skipped() -> list[Figure]:
    return [
        Figure(
            key="moto",
            title="moto, for comparison",
            baseline="",
            target="",
            skipped=True,
            note="moto is not installed (pip install moto); the comparison is skipped",
        )
    ]


def run(quick: bool) -> list[Figure]:
    try:
        from moto import mock_aws
    except ImportError:
        return _skipped()

    rounds, n, tests = (3, 40, 2) if quick else (9, 200, 4)
    logs, dynamodb = _services()
    figures = [_pinpoint_per_test(rounds, tests)]  # first: before moto has loaded anything
    for service in (logs, dynamodb):
        comparison = _compare_tests(
            service.name, service.create, service.describe, mock_aws, rounds, tests
        )
        title = f"moto {service.name}"
        figures.append(_test_figure(f"moto.per_test.{service.name}", title, comparison, True))
    # moto resets boto3's default session at each start (its ``reset_boto3_session``, on by
    # default), so each test's boto3.client(...) loads the service model again; a session
    # kept across tests avoids that, and this figure says how much of the above it is.
    kept = _compare_tests(
        logs.name, logs.create, logs.describe, mock_aws, rounds, tests, boto3.Session()
    )
    figures.append(
        _test_figure(
            "moto.per_test.logs_kept_session",
            "moto logs, the client from a boto3.Session kept across tests",
            kept,
            True,
        )
    )
    for service in (logs, dynamodb):
        for operation, count in ((service.create, n), (service.describe, n // 2)):
            key = f"moto.long.{service.name}_{xform_name(operation.name)}"
            title = f"{service.name}.{xform_name(operation.name)}"
            if operation is logs.describe:
                title += f" (page of {PAGE}, with nextToken)"
            stubbed = operation is logs.create
            comparisons = _long(service, operation, rounds, count, stubbed)
            figures.append(_long_figure(key, title, comparisons))
    cycle = statistics.median(repeat(_start_stop, rounds, 40 if quick else 200))
    moto_import, _, _ = extra_ms("from moto import mock_aws", 3 if quick else 9)
    figures += [
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
    return figures
