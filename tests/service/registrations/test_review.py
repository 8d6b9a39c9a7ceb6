"""The review API and auto review: every step, its timestamps, and InvalidTransition."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import boto3
import pytest
import time_machine
from botocore.exceptions import ClientError

from pinpoint_mock import (
    InvalidTransition,
    MockError,
    RegistrationSnapshot,
    SmsVoiceV2Mock,
    VersionSnapshot,
    mock_sms_voice_v2,
)
from pinpoint_mock.engine.model import knows_status

from .helpers import TOLL_FREE, new, registration, stamped, status, versions

needs_aws_reviewing = pytest.mark.skipif(
    not knows_status("AWS_REVIEWING"), reason="the installed botocore has no AWS_REVIEWING"
)


def submitted(client: Any) -> str:
    rid = new(client)
    client.submit_registration_version(RegistrationId=rid)
    return rid


def history(client: Any, rid: str, number: int = -1) -> list[str]:
    return list(versions(client, rid)[number]["RegistrationVersionStatusHistory"])


def test_the_whole_happy_path_with_authentication(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    review = sms.review(rid)
    assert review.begin() is review  # steps chain
    assert status(client, rid) == ("REVIEWING", ["REVIEWING"])
    review.require_authentication()
    assert status(client, rid) == ("REQUIRES_AUTHENTICATION", ["REQUIRES_AUTHENTICATION"])
    review.authenticate()
    assert status(client, rid) == ("REVIEWING", ["REVIEWING"])
    review.approve()
    assert status(client, rid) == ("COMPLETE", ["APPROVED"])
    assert registration(client, rid)["ApprovedVersionNumber"] == 1
    assert history(client, rid) == stamped(
        "DraftTimestamp",
        "SubmittedTimestamp",
        "ReviewingTimestamp",
        "RequiresAuthenticationTimestamp",
        "ApprovedTimestamp",
    )


def test_timestamps_are_stamped_once_and_kept(sms: SmsVoiceV2Mock) -> None:
    """ReviewingTimestamp is the first time the version entered REVIEWING, not the last."""
    start = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
    with time_machine.travel(start, tick=False) as clock:
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = submitted(client)
        clock.move_to(start + timedelta(minutes=5))
        review = sms.review(rid).begin()
        clock.move_to(start + timedelta(minutes=10))
        review.require_authentication()
        clock.move_to(start + timedelta(minutes=15))
        review.authenticate()  # REVIEWING again
        clock.move_to(start + timedelta(minutes=20))
        history = versions(client, rid)[0]["RegistrationVersionStatusHistory"]
    assert history["SubmittedTimestamp"] == start
    assert history["ReviewingTimestamp"] == start + timedelta(minutes=5)


def test_approve_from_submitted_passes_through_reviewing(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).approve()
    assert "ReviewingTimestamp" in history(client, rid)


def test_approve_with_provisioning_then_complete(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    review = sms.review(rid).approve(provisioning=True)
    assert status(client, rid) == ("PROVISIONING", ["APPROVED"])
    review.complete()
    assert status(client, rid) == ("COMPLETE", ["APPROVED"])
    with pytest.raises(InvalidTransition, match="complete"):
        review.complete()


def test_complete_during_a_newer_review_ends_the_provisioning_behind_it(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    rid = submitted(client)
    sms.review(rid).approve(provisioning=True)
    client.create_registration_version(RegistrationId=rid)
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).complete()
    assert status(client, rid) == ("SUBMITTED", ["APPROVED", "SUBMITTED"])  # follows v2
    with pytest.raises(InvalidTransition, match="complete"):
        sms.review(rid).complete()  # nothing left to provision
    sms.review(rid).deny()
    assert status(client, rid) == ("COMPLETE", ["APPROVED", "DENIED"])  # not PROVISIONING


def test_a_newer_approval_archives_the_version_in_force(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).approve()
    client.create_registration_version(RegistrationId=rid)
    client.submit_registration_version(RegistrationId=rid)
    assert status(client, rid) == ("SUBMITTED", ["APPROVED", "SUBMITTED"])
    sms.review(rid).approve()
    assert status(client, rid) == ("COMPLETE", ["ARCHIVED", "APPROVED"])
    assert registration(client, rid)["ApprovedVersionNumber"] == 2
    assert "ArchivedTimestamp" in history(client, rid, 0)


def test_denial_keeps_a_complete_registration_complete(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).approve()
    client.create_registration_version(RegistrationId=rid)
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).begin().deny(
        reasons=[{"Reason": "X", "ShortDescription": "bad", "DocumentationLink": "https://x"}]
    )
    reg = registration(client, rid)
    assert reg["RegistrationStatus"] == "COMPLETE"
    assert (reg["ApprovedVersionNumber"], reg["LatestDeniedVersionNumber"]) == (1, 2)
    denied = versions(client, rid)[1]
    assert denied["DeniedReasons"] == [
        {"Reason": "X", "ShortDescription": "bad", "DocumentationLink": "https://x"}
    ]


def test_denial_without_approval_requires_updates(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).begin().require_authentication().deny(feedback="Use a real opt-in page")
    reg = registration(client, rid)
    assert reg["RegistrationStatus"] == "REQUIRES_UPDATES"
    assert reg["LatestDeniedVersionNumber"] == 1
    version = versions(client, rid)[0]
    if "Feedback" in client.meta.service_model.shape_for("RegistrationVersionInformation").members:
        assert version["Feedback"] == "Use a real opt-in page"
    assert "DeniedTimestamp" in version["RegistrationVersionStatusHistory"]


def test_revoke_acts_on_the_version_in_force(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).approve()
    client.create_registration_version(RegistrationId=rid)  # a newer draft exists
    sms.review(rid).revoke()
    reg = registration(client, rid)
    assert reg["RegistrationStatus"] == "REQUIRES_UPDATES"
    assert "ApprovedVersionNumber" not in reg
    assert [v["RegistrationVersionStatus"] for v in versions(client, rid)] == ["REVOKED", "DRAFT"]
    assert "RevokedTimestamp" in history(client, rid, 0)
    with pytest.raises(InvalidTransition, match="no"):
        sms.review(rid).revoke()


def test_close_then_only_delete(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    review = sms.review(rid).approve().close()
    assert registration(client, rid)["RegistrationStatus"] == "CLOSED"
    with pytest.raises(InvalidTransition, match="CLOSED"):
        review.approve()
    client.delete_registration(RegistrationId=rid)


def test_invalid_transition_names_registration_current_and_wanted(
    client: Any, sms: SmsVoiceV2Mock
) -> None:
    rid = new(client)
    with pytest.raises(InvalidTransition) as err:
        sms.review(rid).approve()
    assert err.value.registration_id == rid
    assert err.value.current == "DRAFT"
    assert err.value.wanted == "APPROVED"
    assert str(err.value).startswith(f"registration {rid} cannot go to APPROVED: it is DRAFT.")
    with pytest.raises(InvalidTransition, match="it is DRAFT"):
        sms.review(rid).begin()
    with pytest.raises(InvalidTransition, match="REQUIRES_AUTHENTICATION: it is DRAFT"):
        sms.review(rid).require_authentication()
    assert status(client, rid) == ("CREATED", ["DRAFT"])  # nothing moved


@pytest.mark.parametrize(
    ("steps", "bad"),
    [
        (["begin"], "begin"),
        ([], "authenticate"),
        (["begin"], "authenticate"),
        (["approve"], "deny"),
        (["deny"], "approve"),
        ([], "revoke"),
    ],
)
def test_moves_the_service_could_not_make(
    client: Any, sms: SmsVoiceV2Mock, steps: list[str], bad: str
) -> None:
    rid = submitted(client)
    review = sms.review(rid)
    for step in steps:
        getattr(review, step)()
    before = status(client, rid)
    with pytest.raises(InvalidTransition):
        getattr(review, bad)()
    assert status(client, rid) == before


@needs_aws_reviewing
def test_aws_review_step(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).aws_review()
    assert status(client, rid) == ("AWS_REVIEWING", ["AWS_REVIEWING"])
    sms.review(rid).approve()
    assert history(client, rid)[:4] == [
        "DraftTimestamp",
        "SubmittedTimestamp",
        "AwsReviewingTimestamp",
        "ReviewingTimestamp",
    ]


@pytest.mark.skipif(not knows_status("REQUIRES_OFFLINE_REVIEW"), reason="older botocore")
def test_offline_review_keeps_the_registration_reviewing(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).begin().require_offline_review()
    assert status(client, rid) == ("REVIEWING", ["REQUIRES_OFFLINE_REVIEW"])
    sms.review(rid).approve()
    assert status(client, rid) == ("COMPLETE", ["APPROVED"])


@pytest.mark.parametrize(
    ("step", "status_name"),
    [("aws_review", "AWS_REVIEWING"), ("require_offline_review", "REQUIRES_OFFLINE_REVIEW")],
)
def test_newer_statuses_are_not_offered_by_an_older_botocore(
    client: Any, sms: SmsVoiceV2Mock, step: str, status_name: str
) -> None:
    """On botocore 1.35.x (run by CI's second venv) these steps and filter values are refused."""
    if knows_status(status_name):
        pytest.skip(f"the installed botocore knows {status_name}")
    rid = submitted(client)
    review = sms.review(rid).begin() if step == "require_offline_review" else sms.review(rid)
    with pytest.raises(InvalidTransition, match=rf"{step}\(\) needs a newer botocore"):
        getattr(review, step)()
    with pytest.raises(ClientError) as refused:
        client.describe_registration_versions(
            RegistrationId=rid,
            Filters=[{"Name": "registration-version-status", "Values": [status_name]}],
        )
    assert refused.value.response["Reason"] == "INVALID_FILTER_VALUES"


def test_review_lookup(client: Any, sms: SmsVoiceV2Mock) -> None:
    west = boto3.client("pinpoint-sms-voice-v2", region_name="us-west-2")
    created = west.create_registration(RegistrationType=TOLL_FREE)
    rid, arn = created["RegistrationId"], created["RegistrationArn"]
    assert sms.review(rid).registration_id == rid  # found wherever it lives
    assert sms.review(arn).registration_id == rid
    assert sms.review(rid, region="us-west-2").registration_id == rid
    with pytest.raises(LookupError):
        sms.review(rid, region="us-east-1")
    with pytest.raises(LookupError):
        sms.review(arn.replace("us-west-2", "us-east-1"))
    with pytest.raises(LookupError):
        sms.review("registration-" + "f" * 32)


def test_review_lookup_narrowed_by_account(sms: SmsVoiceV2Mock) -> None:
    other = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="111122223333",
        aws_secret_access_key="testing",
    )
    rid = submitted(other)
    assert sms.review(rid).registration_id == rid  # found in whichever account holds it
    sms.review(rid, account_id="111122223333").approve()
    assert sms.registrations("111122223333")[0].status == "COMPLETE"
    narrowed = sms.review(rid, account_id="111122223333", region="us-east-1")
    assert narrowed.registration_id == rid
    with pytest.raises(LookupError):
        sms.review(rid, account_id="123456789012")
    with pytest.raises(LookupError):
        sms.review(rid, account_id="444455556666", region="us-east-1")


def test_deny_reasons_are_checked(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    with pytest.raises(MockError, match="needs Reason and ShortDescription"):
        sms.review(rid).deny(reasons=[{"Reason": "x"}])
    with pytest.raises(MockError, match="unknown keys Colour"):
        sms.review(rid).deny(reasons=[{"Reason": "x", "ShortDescription": "y", "Colour": "z"}])
    assert status(client, rid) == ("SUBMITTED", ["SUBMITTED"])


@pytest.mark.parametrize(
    ("policy", "expected", "entered"),
    [
        ("manual", ("SUBMITTED", ["SUBMITTED"]), ["DraftTimestamp", "SubmittedTimestamp"]),
        (
            "approve",
            ("COMPLETE", ["APPROVED"]),
            ["DraftTimestamp", "SubmittedTimestamp", "ReviewingTimestamp", "ApprovedTimestamp"],
        ),
        (
            "deny",
            ("REQUIRES_UPDATES", ["DENIED"]),
            ["DraftTimestamp", "SubmittedTimestamp", "ReviewingTimestamp", "DeniedTimestamp"],
        ),
        (
            "authenticate",
            ("REQUIRES_AUTHENTICATION", ["REQUIRES_AUTHENTICATION"]),
            [
                "DraftTimestamp",
                "SubmittedTimestamp",
                "ReviewingTimestamp",
                "RequiresAuthenticationTimestamp",
            ],
        ),
    ],
)
def test_auto_review_policies(
    policy: str, expected: tuple[str, list[str]], entered: list[str]
) -> None:
    with mock_sms_voice_v2(review=policy):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = new(client)
        response = client.submit_registration_version(RegistrationId=rid)
        assert response["RegistrationVersionStatus"] == "SUBMITTED"  # the response shows SUBMITTED
        assert status(client, rid) == expected  # the next Describe shows the outcome
        assert history(client, rid) == stamped(*entered)


def test_auto_review_callable_sees_snapshots() -> None:
    seen: list[tuple[RegistrationSnapshot, VersionSnapshot]] = []

    def policy(reg: RegistrationSnapshot, version: VersionSnapshot) -> str:
        seen.append((reg, version))
        return "approve" if reg.tags.get("ok") == "yes" else "deny"

    with mock_sms_voice_v2(review=policy):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        good = client.create_registration(
            RegistrationType=TOLL_FREE, Tags=[{"Key": "ok", "Value": "yes"}]
        )["RegistrationId"]
        bad = new(client)
        client.submit_registration_version(RegistrationId=good)
        client.submit_registration_version(RegistrationId=bad)
        assert status(client, good)[0] == "COMPLETE"
        assert status(client, bad)[0] == "REQUIRES_UPDATES"
    reg, version = seen[0]
    assert reg.id == good
    assert reg.status == "SUBMITTED"
    assert version.number == 1
    assert version.status == "SUBMITTED"
    with pytest.raises(AttributeError):
        reg.status = "COMPLETE"  # type: ignore[misc]


def test_auto_review_callable_returning_nonsense_is_a_mock_error() -> None:
    with mock_sms_voice_v2(review=lambda reg, version: "perhaps"):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = new(client)
        with pytest.raises(MockError, match="perhaps"):
            client.submit_registration_version(RegistrationId=rid)


def test_a_review_policy_that_raises_undoes_the_submission() -> None:
    broken = [True]

    def policy(reg: Any, version: Any) -> str:
        if broken:
            broken.clear()
            return str(1 / 0)
        return "approve"

    with mock_sms_voice_v2(review=policy) as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = new(client)
        with pytest.raises(MockError, match="review policy raised ZeroDivisionError") as raised:
            client.submit_registration_version(RegistrationId=rid)
        assert isinstance(raised.value.__cause__, ZeroDivisionError)
        assert [c.operation for c in sms.calls] == ["CreateRegistration"]  # no retried 500
        assert status(client, rid)[0] == "CREATED"
        (version,) = client.describe_registration_versions(RegistrationId=rid)[
            "RegistrationVersions"
        ]
        assert version["RegistrationVersionStatus"] == "DRAFT"
        assert list(version["RegistrationVersionStatusHistory"]) == ["DraftTimestamp"]
        client.submit_registration_version(RegistrationId=rid)  # the same draft, once fixed
        assert status(client, rid)[0] == "COMPLETE"


@needs_aws_reviewing
def test_auto_review_with_aws_review_passes_through_aws_reviewing() -> None:
    with mock_sms_voice_v2(review="approve"):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid, AwsReview=True)
        assert "AwsReviewingTimestamp" in history(client, rid)


def test_snapshots(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).approve()
    [snap] = sms.registrations()
    assert (snap.id, snap.status, snap.type) == (rid, "COMPLETE", TOLL_FREE)
    assert snap.approved_version_number == 1
    assert snap.latest_denied_version_number is None
    assert snap.current_version.status == "APPROVED"
    assert "ApprovedTimestamp" in snap.current_version.history
    assert snap.created.tzinfo is not None
