"""Review on the clock (API.md 7.5): with ``review_after``, a submitted version shows
SUBMITTED, REVIEWING from one second after the submit, and the policy's outcome once the delay
has passed on ``time.time()``, applied whenever the state is next looked at, stamped and
announced with the moments they happened."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import boto3
import freezegun
import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock import MockError, SmsVoiceV2Mock, mock_sms_voice_v2
from pinpoint_mock.engine import model
from tests.profiles import scaled

BRAND = "US_TEN_DLC_BRAND_REGISTRATION"
START = datetime(2025, 3, 1, 9, 0, 0, tzinfo=timezone.utc)
T0 = START.timestamp()
DONE = ("COMPLETE", "REQUIRES_UPDATES", "REQUIRES_AUTHENTICATION")


def client() -> Any:
    return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")


def status(pinpoint: Any, rid: str) -> str:
    found = pinpoint.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
    return str(found["RegistrationStatus"])


def history(pinpoint: Any, rid: str, number: int = 1) -> dict[str, float]:
    versions = pinpoint.describe_registration_versions(RegistrationId=rid, VersionNumbers=[number])[
        "RegistrationVersions"
    ]
    return {k: v.timestamp() for k, v in versions[0]["RegistrationVersionStatusHistory"].items()}


def wait_for_review(pinpoint: Any, rid: str, poll: float = 3600) -> list[str]:
    """Production code as CLI tools and Lambdas write it: poll with time.sleep until the
    review is over; returns the statuses seen, in order, without repeats."""
    seen: list[str] = []
    while True:
        current = status(pinpoint, rid)
        if not seen or seen[-1] != current:
            seen.append(current)
        if current in DONE:
            return seen
        time.sleep(poll)


def moves(sms: SmsVoiceV2Mock, rid: str) -> list[tuple[str, int]]:
    """(currentStatus, seconds after START) of each event of ``rid``."""
    found = []
    for event in sms.eventbridge_events:
        details = event["detail"]["registrationDetails"]
        if details["registrationId"] == rid:
            at = details["registrationStatusChangeTimestamp"] / 1000 - T0
            assert event["time"] == datetime.fromtimestamp(int(T0 + at), tz=timezone.utc).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            )
            found.append((details["currentStatus"], round(at)))
    return found


@pytest.fixture
def shifting_sleep(monkeypatch: pytest.MonkeyPatch) -> Any:
    """time-machine at START, not ticking; time.sleep moves its clock instead of waiting."""
    with time_machine.travel(START, tick=False) as traveller:
        monkeypatch.setattr(time, "sleep", traveller.shift)
        yield traveller


def test_a_poll_loop_under_time_machine_ends_when_complete(shifting_sleep: Any) -> None:
    with mock_sms_voice_v2(review="approve", review_after=timedelta(days=3)) as sms:
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        submitted = pinpoint.submit_registration_version(RegistrationId=rid)
        assert submitted["RegistrationVersionStatus"] == "SUBMITTED"
        assert status(pinpoint, rid) == "SUBMITTED"  # no time has passed
        assert wait_for_review(pinpoint, rid) == ["SUBMITTED", "REVIEWING", "COMPLETE"]
        assert time.time() - T0 == 3 * 86400  # 72 polls of an hour
        # stamped when each move happened, not when the loop saw it
        assert history(pinpoint, rid) == {
            "DraftTimestamp": T0,
            "SubmittedTimestamp": T0,
            "ReviewingTimestamp": T0 + 1,
            "ApprovedTimestamp": T0 + 3 * 86400,
        }
        assert moves(sms, rid) == [
            ("CREATED", 0),
            ("SUBMITTED", 0),
            ("REVIEWING", 1),
            ("COMPLETE", 3 * 86400),
        ]


def test_freezegun_drives_it_too() -> None:
    with (
        freezegun.freeze_time(START) as frozen,
        mock_sms_voice_v2(review="deny", review_after=timedelta(hours=6)) as sms,
    ):
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid)
        frozen.tick(timedelta(seconds=1))
        assert status(pinpoint, rid) == "REVIEWING"
        frozen.tick(timedelta(hours=6))
        assert status(pinpoint, rid) == "REQUIRES_UPDATES"
        assert history(pinpoint, rid)["DeniedTimestamp"] == T0 + 6 * 3600
        assert moves(sms, rid)[-1] == ("REQUIRES_UPDATES", 6 * 3600)


def test_a_denial_after_two_days_then_a_resubmission(shifting_sleep: Any) -> None:
    answers = iter([("deny", timedelta(days=2)), ("approve", timedelta(days=1))])
    with mock_sms_voice_v2(review=lambda registration, version: next(answers)) as sms:
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid)
        assert wait_for_review(pinpoint, rid) == ["SUBMITTED", "REVIEWING", "REQUIRES_UPDATES"]
        assert history(pinpoint, rid)["DeniedTimestamp"] == T0 + 2 * 86400
        pinpoint.create_registration_version(RegistrationId=rid)
        pinpoint.submit_registration_version(RegistrationId=rid)
        resubmitted = time.time() - T0
        assert wait_for_review(pinpoint, rid) == ["SUBMITTED", "REVIEWING", "COMPLETE"]
        assert history(pinpoint, rid, 2)["ApprovedTimestamp"] == T0 + resubmitted + 86400
        assert [status for status, _ in moves(sms, rid)] == [
            "CREATED",
            "SUBMITTED",
            "REVIEWING",
            "REQUIRES_UPDATES",
            "SUBMITTED",
            "REVIEWING",
            "COMPLETE",
        ]


def test_authenticate_stops_and_waits_for_the_test(shifting_sleep: Any) -> None:
    if not model.knows_status("REQUIRES_AUTHENTICATION"):  # pragma: no cover - old botocore
        pytest.skip("botocore without REQUIRES_AUTHENTICATION")
    with mock_sms_voice_v2(review="authenticate", review_after=timedelta(hours=2)) as sms:
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid)
        assert wait_for_review(pinpoint, rid) == [
            "SUBMITTED",
            "REVIEWING",
            "REQUIRES_AUTHENTICATION",
        ]
        shifting_sleep.shift(timedelta(days=30))
        assert status(pinpoint, rid) == "REQUIRES_AUTHENTICATION"
        sms.review(rid).authenticate().approve()
        assert status(pinpoint, rid) == "COMPLETE"


def test_every_way_of_looking_applies_the_moves(shifting_sleep: Any) -> None:
    with mock_sms_voice_v2(review="approve", review_after=timedelta(minutes=5)) as sms:
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid)
        shifting_sleep.shift(2)
        (snapshot,) = sms.registrations()  # a snapshot, no call
        assert snapshot.status == "REVIEWING"
        assert snapshot.current_version.history["ReviewingTimestamp"].timestamp() == T0 + 1
        shifting_sleep.shift(300)
        assert [
            e["detail"]["registrationDetails"]["currentStatus"] for e in sms.eventbridge_events
        ][-1] == "COMPLETE"  # the event log
        assert status(pinpoint, rid) == "COMPLETE"

        rid2 = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid2)
        shifting_sleep.shift(400)
        assert sms.review(rid2).status == "COMPLETE"  # the review API


def test_the_test_may_decide_first_and_the_clock_leaves_it(shifting_sleep: Any) -> None:
    with mock_sms_voice_v2(review="approve", review_after=timedelta(days=1)) as sms:
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid)
        sms.review(rid).deny()
        shifting_sleep.shift(timedelta(days=2))
        assert status(pinpoint, rid) == "REQUIRES_UPDATES"
        assert [s for s, _ in moves(sms, rid)] == [
            "CREATED",
            "SUBMITTED",
            "REVIEWING",
            "REQUIRES_UPDATES",
        ]

        rid2 = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid2)
        pinpoint.discard_registration_version(RegistrationId=rid2)
        pinpoint.delete_registration(RegistrationId=rid2)
        shifting_sleep.shift(timedelta(days=2))
        assert pinpoint.describe_registrations()["Registrations"][0]["RegistrationId"] == rid

        rid3 = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid3)
        sms.review(rid3).close()
        shifting_sleep.shift(timedelta(days=2))
        assert status(pinpoint, rid3) == "CLOSED"


def test_a_delay_shorter_than_a_second_still_passes_through_reviewing(
    shifting_sleep: Any,
) -> None:
    with mock_sms_voice_v2(review="approve", review_after=timedelta(0)) as sms:
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        submitted = pinpoint.submit_registration_version(RegistrationId=rid)
        assert submitted["RegistrationVersionStatus"] == "SUBMITTED"
        assert status(pinpoint, rid) == "COMPLETE"  # due at once: the next look applies it
        assert moves(sms, rid) == [
            ("CREATED", 0),
            ("SUBMITTED", 0),
            ("REVIEWING", 0),
            ("COMPLETE", 0),
        ]


@pytest.mark.skipif(not model.knows_status("AWS_REVIEWING"), reason="botocore without it")
def test_aws_review_comes_first(shifting_sleep: Any) -> None:
    with mock_sms_voice_v2(review="approve", review_after=timedelta(hours=1)) as sms:
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid, AwsReview=True)
        seen = []
        for shift in (0, 1, 1, 3600):
            shifting_sleep.shift(shift)
            seen.append(status(pinpoint, rid))
        assert seen == ["SUBMITTED", "AWS_REVIEWING", "REVIEWING", "COMPLETE"]
        assert [s for s, _ in moves(sms, rid)][-3:] == ["AWS_REVIEWING", "REVIEWING", "COMPLETE"]


def test_a_callable_may_answer_a_plain_outcome_on_the_option_delay(shifting_sleep: Any) -> None:
    with mock_sms_voice_v2(
        review=lambda registration, version: "approve", review_after=timedelta(hours=1)
    ):
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid)
        assert wait_for_review(pinpoint, rid, poll=600) == ["SUBMITTED", "REVIEWING", "COMPLETE"]
        assert history(pinpoint, rid)["ApprovedTimestamp"] == T0 + 3600


def test_reset_drops_what_was_due(shifting_sleep: Any) -> None:
    with mock_sms_voice_v2(review="approve", review_after=timedelta(hours=1)) as sms:
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid)
        sms.reset()
        shifting_sleep.shift(timedelta(hours=2))
        assert len(sms.eventbridge_events) == 2  # CREATED, SUBMITTED


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"review_after": timedelta(days=1)}, "needs an automatic review policy"),
        ({"review": "approve", "review_after": 3600}, "must be a datetime.timedelta"),
        ({"review": "approve", "review_after": timedelta(seconds=-1)}, "must not be negative"),
    ],
)
def test_bad_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(MockError, match=message):
        mock_sms_voice_v2(**options)


@pytest.mark.parametrize(
    "answer",
    [("approve", 3600), ("approve", timedelta(days=-1)), ("later", timedelta(1)), ("approve",)],
)
def test_a_wrong_answer_of_the_policy_is_the_tests_error(answer: Any) -> None:
    policy: Callable[[Any, Any], Any] = lambda registration, version: answer  # noqa: E731
    with mock_sms_voice_v2(review=policy) as sms:
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        with pytest.raises(MockError, match=r"undone|must return"):
            pinpoint.submit_registration_version(RegistrationId=rid)
        assert status(pinpoint, rid) == "CREATED"
        assert len(sms.eventbridge_events) == 1


@pytest.mark.sms_voice_v2(review="approve", review_after=timedelta(days=3))
def test_the_marker_takes_it(sms_voice_v2_client: Any, shifting_sleep: Any) -> None:
    rid = sms_voice_v2_client.create_registration(RegistrationType=BRAND)["RegistrationId"]
    sms_voice_v2_client.submit_registration_version(RegistrationId=rid)
    assert wait_for_review(sms_voice_v2_client, rid, poll=86400) == [
        "SUBMITTED",
        "REVIEWING",
        "COMPLETE",
    ]


OUTCOME_STATUS = {
    "approve": "COMPLETE",
    "deny": "REQUIRES_UPDATES",
    "authenticate": "REQUIRES_AUTHENTICATION",
}


@settings(max_examples=scaled(25, 200), deadline=None)
@given(
    outcome=st.sampled_from(sorted(OUTCOME_STATUS)),
    delay=st.integers(0, 5 * 86400),
    shifts=st.lists(st.integers(0, 2 * 86400), min_size=1, max_size=8),
)
def test_whatever_the_clock_does_every_change_has_its_event_at_its_moment(
    outcome: str, delay: int, shifts: list[int]
) -> None:
    if outcome == "authenticate" and not model.knows_status("REQUIRES_AUTHENTICATION"):
        return  # pragma: no cover - old botocore
    with (
        time_machine.travel(START, tick=False) as traveller,
        mock_sms_voice_v2(
            review=lambda registration, version: (outcome, timedelta(seconds=delay))
        ) as sms,
    ):
        pinpoint = client()
        rid = pinpoint.create_registration(RegistrationType=BRAND)["RegistrationId"]
        pinpoint.submit_registration_version(RegistrationId=rid)
        seen = [status(pinpoint, rid)]
        for shift in shifts:
            traveller.shift(shift)
            elapsed = time.time() - T0
            current = status(pinpoint, rid)
            expected = (
                OUTCOME_STATUS[outcome]
                if elapsed >= delay
                else "REVIEWING"
                if elapsed >= 1
                else "SUBMITTED"
            )
            assert current == expected, (elapsed, delay)
            seen.append(current)
        told = moves(sms, rid)
        statuses = [s for s, _ in told]
        # every status seen (without repeats) is in the chain of events, in order
        distinct = [s for i, s in enumerate(seen) if i == 0 or seen[i - 1] != s]
        chain = iter(statuses)
        assert all(any(s == t for t in chain) for s in distinct), (seen, statuses)
        assert [at for _, at in told] == sorted(at for _, at in told)
        if OUTCOME_STATUS[outcome] in statuses:
            assert told[-1] == (OUTCOME_STATUS[outcome], delay)
            assert ("REVIEWING", min(1, delay)) in told
