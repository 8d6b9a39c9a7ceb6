"""Threads (four every day, eight in the CI profile) on a few shared registrations (issue 6): the seven operations and the review
steps, mixed, in-process and against the server.

Each thread has its own boto3 session and client and a seeded random walk over the actions;
all of them pick from one small pool of registration IDs (and ARNs), so they collide on the
same registrations all the time. Only modelled outcomes may occur: ConflictException and
ResourceNotFoundException from the API, InvalidTransition and LookupError from review steps.
Every DescribeRegistrationVersions answer seen on the way, and every registration at the
end, must satisfy the lifecycle's invariants; the call log must hold every call answered.

``PINPOINT_MOCK_CONCURRENCY_CALLS=N`` makes each thread take N actions (default 10 in the
everyday profile, 150 in the CI one).
"""

from __future__ import annotations

import os
import random
import sys
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

import pinpoint_mock
from pinpoint_mock import InvalidTransition, SmsVoiceV2Mock, mock_sms_voice_v2
from tests.profiles import scaled

SERVICE = "pinpoint-sms-voice-v2"
REGION = "us-east-1"
TYPE = "US_TOLL_FREE_REGISTRATION"
THREADS = scaled(4, 8)  # everyday: four threads; the CI profile: eight
# The everyday profile's run is short (every action still succeeds in each thread's opening);
# the CI profile's is the long one (tests/profiles.py).
CALLS = int(os.environ.get("PINPOINT_MOCK_CONCURRENCY_CALLS") or scaled(10, 150))
POOL_SIZE = 4  # registrations every thread aims at; new ones push the oldest out
TOKENS = 3  # ClientTokens shared by the threads' CreateRegistration calls

# action -> weight: submissions and reviews often enough that registrations go round the
# lifecycle, deletions rarely enough that registrations live long enough to.
ACTIONS: dict[str, int] = {
    "CreateRegistration": 1,
    "CreateRegistrationVersion": 3,
    "DeleteRegistration": 1,
    "DescribeRegistrations": 2,
    "DescribeRegistrationVersions": 3,
    "DiscardRegistrationVersion": 1,
    "SubmitRegistrationVersion": 4,
    "review": 12,
}
STEPS = ("begin", "approve", "deny", "require_authentication", "authenticate", "revoke")
# A reviewer mostly takes a step that the status it just read allows (another thread may
# have moved the registration since), and sometimes any step at all.
FITTING: dict[str, tuple[str, ...]] = {
    "SUBMITTED": ("begin", "begin", "approve", "deny"),
    "REVIEWING": ("require_authentication", "require_authentication", "approve", "deny"),
    "REQUIRES_AUTHENTICATION": ("authenticate", "authenticate", "approve", "deny"),
    "COMPLETE": ("revoke",),
}
NAMES = (*[a for a in ACTIONS if a != "review"], *STEPS)
# Each thread first takes one registration of its own through every action and step, all
# eight at once, so that every action is seen to succeed under contention whatever the random
# walk after it happens to reach (a walk alone reached "authenticate" 3 to 10 times a run, and
# once in CI not at all).
OPENING = (
    "CreateRegistration",
    "SubmitRegistrationVersion",
    "begin",
    "require_authentication",
    "authenticate",
    "approve",
    "revoke",
    "CreateRegistrationVersion",
    "DiscardRegistrationVersion",
    "CreateRegistrationVersion",
    "SubmitRegistrationVersion",
    "deny",
    "DescribeRegistrations",
    "DescribeRegistrationVersions",
    "DeleteRegistration",
)
API_ERRORS = frozenset({"ConflictException", "ResourceNotFoundException"})
UNDER_REVIEW = ("SUBMITTED", "AWS_REVIEWING", "REVIEWING", "REQUIRES_AUTHENTICATION")
DECIDED = frozenset({"APPROVED", "DENIED", "DISCARDED", "REVOKED", "ARCHIVED"})

ClientFactory = Callable[[], Any]


# --------------------------------------------------------------------------- invariants


def version_problems(versions: list[dict[str, Any]]) -> list[str]:
    """What is wrong with one registration's versions (DescribeRegistrationVersions items)."""
    numbers = [v["VersionNumber"] for v in versions]
    statuses = [v["RegistrationVersionStatus"] for v in versions]
    problems = []
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"version numbers {numbers} are not 1..{len(numbers)}")
    if statuses.count("DRAFT") > 1 or "DRAFT" in statuses[:-1]:
        problems.append(f"a DRAFT that is not the one latest version: {statuses}")
    if statuses.count("APPROVED") > 1:
        problems.append(f"more than one APPROVED version: {statuses}")
    if any(s not in DECIDED for s in statuses[:-1]):
        problems.append(f"an earlier version still open: {statuses}")
    return problems


def expected_status(registration: dict[str, Any], versions: list[dict[str, Any]]) -> str:
    """The registration status API.md section 3 gives for these versions (no provisioning,
    no closing in this workload)."""
    statuses = [v["RegistrationVersionStatus"] for v in versions]
    if statuses[-1] in UNDER_REVIEW:
        return statuses[-1]
    if registration.get("ApprovedVersionNumber") is not None:
        return "COMPLETE"
    if "DENIED" in statuses or "REVOKED" in statuses:
        return "REQUIRES_UPDATES"
    return "CREATED"


def registration_problems(
    registration: dict[str, Any], versions: list[dict[str, Any]]
) -> list[str]:
    """One registration (DescribeRegistrations item) against its versions."""
    rid = registration["RegistrationId"]
    problems = version_problems(versions)
    by_status: dict[str, list[int]] = {}
    for v in versions:
        by_status.setdefault(v["RegistrationVersionStatus"], []).append(v["VersionNumber"])
    approved = registration.get("ApprovedVersionNumber")
    if by_status.get("APPROVED", []) != ([] if approved is None else [approved]):
        problems.append(
            f"ApprovedVersionNumber {approved}, APPROVED versions {by_status.get('APPROVED')}"
        )
    denied = registration.get("LatestDeniedVersionNumber")
    if denied != max(by_status.get("DENIED", []), default=None):
        problems.append(
            f"LatestDeniedVersionNumber {denied}, DENIED versions {by_status.get('DENIED')}"
        )
    if registration["CurrentVersionNumber"] != len(versions):
        problems.append(
            f"CurrentVersionNumber {registration['CurrentVersionNumber']}, {len(versions)} versions"
        )
    wanted = expected_status(registration, versions)
    if registration["RegistrationStatus"] != wanted:
        problems.append(f"status {registration['RegistrationStatus']}, the versions give {wanted}")
    return [f"{rid}: {p}" for p in problems]


# --------------------------------------------------------------------------- the workload


class Pool:
    """The registrations every thread aims at: a few, by ID or ARN. A deleted one leaves the
    pool and a new one takes its place."""

    def __init__(self, created: list[dict[str, Any]]) -> None:
        self._lock = threading.Lock()
        self._items = [(r["RegistrationId"], r["RegistrationArn"]) for r in created]

    def pick(self, rng: random.Random) -> str:
        with self._lock:
            rid, arn = rng.choice(self._items)
        return arn if rng.random() < 0.25 else rid

    def add(self, rid: str, arn: str) -> None:
        with self._lock:
            if len(self._items) < POOL_SIZE and (rid, arn) not in self._items:
                self._items.append((rid, arn))

    def remove(self, id_or_arn: str) -> None:
        with self._lock:
            kept = [item for item in self._items if id_or_arn not in item]
            if kept:  # never empty: a thread may still pick the deleted one and be refused
                self._items = kept


@dataclass
class Tally:
    """What the threads saw, merged under a lock."""

    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    unexpected: list[str] = field(default_factory=list)
    answered: int = 0  # API calls that got an answer (pages counted one by one)
    by_token: dict[str, set[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def choose_step(sms: SmsVoiceV2Mock, target: str, rng: random.Random) -> str:
    try:
        status = sms.review(target).status
    except LookupError:
        status = "gone"
    if status in FITTING and rng.random() < 0.8:
        return rng.choice(FITTING[status])
    return rng.choice(STEPS)


def act(
    action: str,
    target: str,
    client: Any,
    sms: SmsVoiceV2Mock,
    pool: Pool,
    rng: random.Random,
    tally: Tally,
) -> str:
    """Take one action on ``target``; return ``ok`` (a failure raises)."""
    if action in STEPS:
        getattr(sms.review(target), action)()
        return "ok"
    if action == "CreateRegistration":
        params: dict[str, Any] = {"RegistrationType": TYPE}
        if rng.random() < 0.5:
            params["ClientToken"] = f"shared-token-{rng.randrange(TOKENS)}"
        made = client.create_registration(**params)
        if "ClientToken" not in params:  # a token may answer with one deleted since
            pool.add(made["RegistrationId"], made["RegistrationArn"])
        else:
            with tally.lock:
                tally.by_token.setdefault(params["ClientToken"], set()).add(made["RegistrationId"])
    elif action == "DescribeRegistrations":
        if rng.random() < 0.5:
            client.describe_registrations(RegistrationIds=[target, pool.pick(rng)])
        else:  # the whole listing, two at a time, while others create and delete
            pages = client.get_paginator("describe_registrations").paginate(
                PaginationConfig={"PageSize": 2}
            )
            seen = [r["RegistrationId"] for page in pages for r in page["Registrations"]]
            if len(seen) != len(set(seen)):
                raise AssertionError(f"a registration listed twice in one listing: {seen}")
    elif action == "DescribeRegistrationVersions":
        answer = client.describe_registration_versions(RegistrationId=target)
        problems = version_problems(answer["RegistrationVersions"])
        if problems:
            raise AssertionError(f"{target}: {problems}")
    else:
        getattr(client, _snake(action))(RegistrationId=target)
        if action == "DeleteRegistration":  # a fresh one takes its place in the pool
            pool.remove(target)
            made = client.create_registration(RegistrationType=TYPE)
            pool.add(made["RegistrationId"], made["RegistrationArn"])
    return "ok"


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def worker(
    seed: int,
    make_client: ClientFactory,
    sms: SmsVoiceV2Mock,
    pool: Pool,
    tally: Tally,
    gate: threading.Barrier,
) -> None:
    rng = random.Random(seed)
    client = make_client()
    answered = 0

    def count(**_: Any) -> None:
        nonlocal answered
        answered += 1

    client.meta.events.register(f"after-call.{SERVICE}", count)
    names, weights = list(ACTIONS), list(ACTIONS.values())
    outcomes: Counter[tuple[str, str]] = Counter()
    unexpected: list[str] = []
    gate.wait()
    try:
        opening(client, sms, outcomes)
    except Exception:
        unexpected.append(f"opening: {traceback.format_exc()}")
    for _ in range(CALLS):
        action = rng.choices(names, weights)[0]
        target = pool.pick(rng)
        if action == "review":
            action = choose_step(sms, target, rng)
        try:
            outcome = act(action, target, client, sms, pool, rng, tally)
        except ClientError as error:
            outcome = error.response["Error"]["Code"]
            if outcome not in API_ERRORS:
                unexpected.append(f"{action}: {error}")
        except InvalidTransition:
            outcome = "InvalidTransition"
        except LookupError as error:
            outcome = "LookupError"
            if type(error) is not LookupError:  # a KeyError or IndexError is a mock bug
                unexpected.append(f"{action}: {traceback.format_exc()}")
        except Exception:
            outcome = "unexpected"
            unexpected.append(f"{action}: {traceback.format_exc()}")
        outcomes[(action, outcome)] += 1
    with tally.lock:
        tally.outcomes.update(outcomes)
        tally.unexpected.extend(unexpected)
        tally.answered += answered


def opening(client: Any, sms: SmsVoiceV2Mock, outcomes: Counter[tuple[str, str]]) -> None:
    """OPENING on a registration only this thread uses: every step must succeed."""
    own = ""
    for action in OPENING:
        if action == "CreateRegistration":
            own = client.create_registration(RegistrationType=TYPE)["RegistrationId"]
        elif action in STEPS:
            getattr(sms.review(own), action)()
        elif action == "DescribeRegistrations":
            client.describe_registrations(RegistrationIds=[own])
        else:
            getattr(client, _snake(action))(RegistrationId=own)
        outcomes[(action, "ok")] += 1


def run_threads(make_client: ClientFactory, sms: SmsVoiceV2Mock) -> Tally:
    """Four registrations, then THREADS threads of CALLS actions each on them."""
    setup = make_client()
    pool = Pool([setup.create_registration(RegistrationType=TYPE) for _ in range(POOL_SIZE)])
    tally = Tally(answered=POOL_SIZE)
    gate = threading.Barrier(THREADS)
    threads = [
        threading.Thread(target=worker, args=(seed, make_client, sms, pool, tally, gate))
        for seed in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a thread is still running after 300 s"
    return tally


def check_afterwards(mode: str, client: Any, sms: SmsVoiceV2Mock, tally: Tally) -> None:
    assert tally.unexpected == [], "\n".join(tally.unexpected[:5])
    assert len(sms.calls) == tally.answered, "the call log lost or invented calls"
    # Every action had its turn, and the ones that change state also succeeded sometimes.
    assert set(OPENING) == set(NAMES)
    done = Counter(action for action, _ in tally.outcomes.elements())
    assert set(done) == set(NAMES), done
    assert sum(done.values()) == THREADS * (len(OPENING) + CALLS)
    succeeded = {action for (action, outcome) in tally.outcomes if outcome == "ok"}
    assert succeeded == set(NAMES), f"never succeeded: {set(NAMES) - succeeded}"
    for token, ids in tally.by_token.items():
        assert len(ids) == 1, f"ClientToken {token} created {sorted(ids)}"
    # The invariants, for every registration that is left, through the API.
    pages = client.get_paginator("describe_registrations").paginate()
    registrations = [r for page in pages for r in page["Registrations"]]
    assert sorted(r["RegistrationId"] for r in registrations) == sorted(
        s.id for s in sms.registrations()
    )
    problems = []
    for registration in registrations:
        pages = client.get_paginator("describe_registration_versions").paginate(
            RegistrationId=registration["RegistrationId"]
        )
        versions = [v for page in pages for v in page["RegistrationVersions"]]
        problems += registration_problems(registration, versions)
    assert problems == [], "\n".join(problems[:10])
    summary(mode, tally, len(registrations))


def summary(mode: str, tally: Tally, left: int) -> None:
    ok = sum(n for (_, outcome), n in tally.outcomes.items() if outcome == "ok")
    refused = Counter(outcome for (_, outcome) in tally.outcomes.elements() if outcome != "ok")
    print(
        f"\nconcurrency ({mode}): {THREADS} threads x {CALLS} actions = {THREADS * CALLS} "
        f"({tally.answered} API calls answered); {ok} succeeded, refused {dict(refused)}; "
        f"{left} registrations checked afterwards"
    )


# --------------------------------------------------------------------------- the tests


@pytest.fixture(autouse=True)
def _frequent_thread_switches() -> Iterator[None]:
    """Switch threads every 10 µs, not every 5 ms: far more interleavings per call."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _config() -> Config:
    return Config(retries={"total_max_attempts": 1}, max_pool_connections=2)


def test_threads_in_process(record_property: Callable[[str, object], None]) -> None:
    def make_client() -> Any:
        session = boto3.session.Session(region_name=REGION)
        return session.client(SERVICE, config=_config())

    with mock_sms_voice_v2() as sms:
        tally = run_threads(make_client, sms)
        check_afterwards("in-process", make_client(), sms, tally)
    record_property("threads_x_actions", f"{THREADS}x{CALLS}")
    record_property("api_calls", tally.answered)


@pytest.fixture
def server_url() -> Iterator[Any]:
    with pinpoint_mock.server(port=0) as url:
        yield url


def test_threaded_clients_against_the_server(
    server_url: Any, record_property: Callable[[str, object], None]
) -> None:
    def make_client() -> Any:
        session = boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION
        )
        return session.client(SERVICE, endpoint_url=server_url, config=_config())

    sms = server_url.mock
    tally = run_threads(make_client, sms)
    check_afterwards("server", make_client(), sms, tally)
    record_property("threads_x_actions", f"{THREADS}x{CALLS}")
    record_property("api_calls", tally.answered)


def test_review_of_a_registration_deleted_meanwhile_raises_lookup_error() -> None:
    """``sms.review(id)`` racing DeleteRegistration: the registration is there or it is not,
    never a KeyError from half-way between."""
    churns, lookers = scaled(100, 400), 3
    with mock_sms_voice_v2() as sms:
        client = boto3.session.Session(region_name=REGION).client(SERVICE, config=_config())
        latest = [client.create_registration(RegistrationType=TYPE)["RegistrationId"]]
        done = threading.Event()
        wrong: list[str] = []

        def churn() -> None:
            try:
                for _ in range(churns):
                    old = latest[0]
                    latest[0] = client.create_registration(RegistrationType=TYPE)["RegistrationId"]
                    client.delete_registration(RegistrationId=old)
            finally:
                done.set()

        def look() -> None:
            while not done.is_set():
                try:
                    sms.review(latest[0])
                except LookupError as error:
                    if type(error) is not LookupError:
                        wrong.append(traceback.format_exc())

        threads = [threading.Thread(target=churn)]
        threads += [threading.Thread(target=look) for _ in range(lookers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not any(t.is_alive() for t in threads)
    assert wrong == [], wrong[0]
