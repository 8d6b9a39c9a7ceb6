"""The five changing operations: effects, results, every precondition and Reason."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import time_machine
from freezegun import freeze_time

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from pinpoint_mock.engine.model import knows_status, members

from .helpers import TOLL_FREE, conflict, fails, new, registration, status, versions


class TestCreateRegistration:
    def test_creates_a_draft_registration(self, client: Any) -> None:
        result = client.create_registration(
            RegistrationType=TOLL_FREE, Tags=[{"Key": "Name", "Value": "main line"}]
        )
        rid = result["RegistrationId"]
        assert re.fullmatch(r"registration-[0-9a-f]{32}", rid)
        assert result["RegistrationArn"] == (
            f"arn:aws:sms-voice:us-east-1:123456789012:registration/{rid}"
        )
        assert result["RegistrationStatus"] == "CREATED"
        assert result["CurrentVersionNumber"] == 1
        assert result["Tags"] == [{"Key": "Name", "Value": "main line"}]
        assert "AdditionalAttributes" not in result
        reg = registration(client, rid)
        assert reg["CreatedTimestamp"] == result["CreatedTimestamp"]
        assert "ApprovedVersionNumber" not in reg
        assert "LatestDeniedVersionNumber" not in reg
        [v1] = versions(client, rid)
        assert v1["VersionNumber"] == 1
        assert v1["RegistrationVersionStatus"] == "DRAFT"
        assert list(v1["RegistrationVersionStatusHistory"]) == ["DraftTimestamp"]

    def test_unknown_type(self, client: Any) -> None:
        response = fails(client.create_registration, RegistrationType="US_MOON_REGISTRATION")
        assert response["Error"]["Code"] == "ValidationException"
        assert response["Reason"] == "UNKNOWN_REGISTRATION_TYPE"
        assert "US_MOON_REGISTRATION" in response["Error"]["Message"]

    def test_extra_types_through_the_option(self) -> None:
        with mock_sms_voice_v2(registration_types=["US_MOON_REGISTRATION"]):
            import boto3

            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            assert new(client, "US_MOON_REGISTRATION")
            assert new(client, TOLL_FREE)  # the catalogue still applies

    def test_duplicate_tag_keys_are_rejected(self, client: Any) -> None:
        response = fails(
            client.create_registration,
            RegistrationType=TOLL_FREE,
            Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}],
        )
        assert response["Error"]["Code"] == "ValidationException"
        assert response["Fields"][0]["Name"] == "tags.2.member.key"

    def test_two_hundred_tags_are_fine(self, client: Any) -> None:
        tags = [{"Key": f"k{i}", "Value": "v" * 256} for i in range(200)]
        assert client.create_registration(RegistrationType=TOLL_FREE, Tags=tags)["Tags"] == tags

    def test_same_client_token_same_request_returns_the_first_result(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        first = client.create_registration(RegistrationType=TOLL_FREE, ClientToken="tok-1")
        again = client.create_registration(RegistrationType=TOLL_FREE, ClientToken="tok-1")
        assert again["RegistrationId"] == first["RegistrationId"]
        assert len(sms.registrations()) == 1

    def test_same_client_token_different_request_conflicts(self, client: Any) -> None:
        first = client.create_registration(RegistrationType=TOLL_FREE, ClientToken="tok-1")
        response = fails(
            client.create_registration,
            RegistrationType="US_TEN_DLC_BRAND_REGISTRATION",
            ClientToken="tok-1",
        )
        assert response["Error"]["Code"] == "ConflictException"
        assert response["Reason"] == "RESOURCE_ALREADY_EXISTS"
        assert response["ResourceId"] == first["RegistrationId"]

    def test_client_tokens_are_scoped_per_account_and_region(self, sms: SmsVoiceV2Mock) -> None:
        import boto3

        def client(region: str, account: str | None = None) -> Any:
            keys = {"aws_access_key_id": account, "aws_secret_access_key": "testing"}
            return boto3.client(
                "pinpoint-sms-voice-v2", region_name=region, **(keys if account else {})
            )

        places = [
            (client("us-east-1"), "123456789012", "us-east-1"),
            (client("us-west-2"), "123456789012", "us-west-2"),
            (client("us-east-1", "111122223333"), "111122223333", "us-east-1"),
        ]
        # The same token and the same request: a new registration in each place.
        made = [
            c.create_registration(RegistrationType=TOLL_FREE, ClientToken="t") for c, *_ in places
        ]
        assert len({m["RegistrationId"] for m in made}) == 3
        for (c, account, region), first in zip(places, made, strict=True):
            assert [r.id for r in sms.registrations(account, region)] == [first["RegistrationId"]]
            again = c.create_registration(RegistrationType=TOLL_FREE, ClientToken="t")
            assert again["RegistrationId"] == first["RegistrationId"]
        # Another request with the token conflicts only where the token was used.
        fresh = client("us-east-1", "444455556666")
        fresh.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION", ClientToken="t")
        conflict(
            places[2][0].create_registration,
            "RESOURCE_ALREADY_EXISTS",
            RegistrationType="US_TEN_DLC_BRAND_REGISTRATION",
            ClientToken="t",
        )

    def test_quota(self) -> None:
        import boto3

        with mock_sms_voice_v2(quotas={"REGISTRATIONS_PER_ACCOUNT": 2}):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            rid = new(client)
            new(client)
            response = fails(client.create_registration, RegistrationType=TOLL_FREE)
            assert response["Error"]["Code"] == "ServiceQuotaExceededException"
            assert response["Reason"] == "REGISTRATIONS_PER_ACCOUNT"
            client.delete_registration(RegistrationId=rid)
            assert new(client)  # room again after a delete

    def test_quota_names_are_checked(self) -> None:
        from pinpoint_mock import MockError

        with pytest.raises(MockError, match="enforces"):
            mock_sms_voice_v2(quotas={_unenforced_quota(): 1})
        with pytest.raises(MockError, match="not a quota"):
            mock_sms_voice_v2(quotas={"BANANAS": 1})


def _unenforced_quota() -> str:
    """A quota Reason the model has and the mock does not enforce (yet)."""
    from pinpoint_mock.engine import model
    from pinpoint_mock.service.options import ENFORCED_QUOTAS

    reasons = set(model.enum("ServiceQuotaExceededExceptionReason")) - set(ENFORCED_QUOTAS)
    return sorted(reasons)[0]


class TestCreateRegistrationVersion:
    def test_after_denial_a_new_empty_draft(self, client: Any, sms: SmsVoiceV2Mock) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).deny()
        result = client.create_registration_version(RegistrationId=rid)
        assert result["VersionNumber"] == 2
        assert result["RegistrationVersionStatus"] == "DRAFT"
        assert list(result["RegistrationVersionStatusHistory"]) == ["DraftTimestamp"]
        reg = registration(client, rid)
        assert reg["CurrentVersionNumber"] == 2
        assert reg["RegistrationStatus"] == "REQUIRES_UPDATES"  # unchanged until submitted
        assert reg["LatestDeniedVersionNumber"] == 1

    def test_after_approval_registration_stays_complete(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).approve()
        client.create_registration_version(RegistrationId=rid)
        assert status(client, rid) == ("COMPLETE", ["APPROVED", "DRAFT"])

    @pytest.mark.parametrize(
        "steps",
        [[], ["submit"], ["submit", "begin"], ["submit", "begin", "require_authentication"]],
    )
    def test_not_allowed_while_a_version_is_open(
        self, client: Any, sms: SmsVoiceV2Mock, steps: list[str]
    ) -> None:
        rid = new(client)
        for step in steps:
            if step == "submit":
                client.submit_registration_version(RegistrationId=rid)
            else:
                getattr(sms.review(rid), step)()
        conflict(
            client.create_registration_version,
            "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
            RegistrationId=rid,
        )

    def test_not_allowed_when_closed(self, client: Any, sms: SmsVoiceV2Mock) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).approve().close()
        conflict(
            client.create_registration_version,
            "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
            RegistrationId=rid,
        )

    def test_unknown_registration(self, client: Any) -> None:
        response = fails(
            client.create_registration_version, RegistrationId="registration-" + "0" * 32
        )
        assert response["Error"]["Code"] == "ResourceNotFoundException"
        assert response["ResourceType"] == "registration"

    def test_daily_quota(self) -> None:
        import boto3

        with mock_sms_voice_v2(quotas={"REGISTRATION_VERSIONS_CREATED_PER_DAY": 1}) as sms:
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            with time_machine.travel(0, tick=False) as traveller:
                rid = new(client)
                client.submit_registration_version(RegistrationId=rid)
                sms.review(rid).deny()
                client.create_registration_version(RegistrationId=rid)
                client.submit_registration_version(RegistrationId=rid)
                sms.review(rid).deny()
                response = fails(client.create_registration_version, RegistrationId=rid)
                assert response["Reason"] == "REGISTRATION_VERSIONS_CREATED_PER_DAY"
                traveller.shift(86_401)
                assert client.create_registration_version(RegistrationId=rid)["VersionNumber"] == 3


class TestSubmitRegistrationVersion:
    def test_draft_becomes_submitted(self, client: Any) -> None:
        rid = new(client)
        result = client.submit_registration_version(RegistrationId=rid)
        assert result["VersionNumber"] == 1
        assert result["RegistrationVersionStatus"] == "SUBMITTED"
        assert set(result["RegistrationVersionStatusHistory"]) == {
            "DraftTimestamp",
            "SubmittedTimestamp",
        }
        if (
            "AwsReview"
            in client.meta.service_model.operation_model(
                "SubmitRegistrationVersion"
            ).output_shape.members
        ):
            assert result["AwsReview"] is False
        assert status(client, rid) == ("SUBMITTED", ["SUBMITTED"])

    def test_aws_review_flag_is_echoed(self, client: Any) -> None:
        if (
            "AwsReview"
            not in client.meta.service_model.operation_model(
                "SubmitRegistrationVersion"
            ).input_shape.members
        ):
            pytest.skip("the installed botocore has no AwsReview")
        rid = new(client)
        assert (
            client.submit_registration_version(RegistrationId=rid, AwsReview=True)["AwsReview"]
            is True
        )

    @pytest.mark.parametrize("steps", [[], ["begin"], ["begin", "require_authentication"]])
    def test_already_submitted(self, client: Any, sms: SmsVoiceV2Mock, steps: list[str]) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        for step in steps:
            getattr(sms.review(rid), step)()
        conflict(
            client.submit_registration_version, "REGISTRATION_ALREADY_SUBMITTED", RegistrationId=rid
        )

    @pytest.mark.parametrize("outcome", ["approve", "deny", "revoke"])
    def test_nothing_to_submit_once_decided(
        self, client: Any, sms: SmsVoiceV2Mock, outcome: str
    ) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        if outcome == "revoke":
            sms.review(rid).approve().revoke()
        else:
            getattr(sms.review(rid), outcome)()
        conflict(
            client.submit_registration_version,
            "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
            RegistrationId=rid,
        )

    def test_discarded_version_cannot_be_submitted(self, client: Any) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        client.discard_registration_version(RegistrationId=rid)
        conflict(
            client.submit_registration_version,
            "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
            RegistrationId=rid,
        )

    def test_closed_registration_cannot_be_submitted(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid = new(client)
        sms.review(rid).close()
        conflict(
            client.submit_registration_version,
            "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
            RegistrationId=rid,
        )


class TestDiscardRegistrationVersion:
    @pytest.mark.parametrize("steps", [[], ["begin"], ["begin", "require_authentication"]])
    def test_a_version_under_review_can_be_discarded(
        self, client: Any, sms: SmsVoiceV2Mock, steps: list[str]
    ) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        for step in steps:
            getattr(sms.review(rid), step)()
        result = client.discard_registration_version(RegistrationId=rid)
        assert result["RegistrationVersionStatus"] == "DISCARDED"
        assert "DiscardedTimestamp" in result["RegistrationVersionStatusHistory"]
        assert status(client, rid) == ("CREATED", ["DISCARDED"])
        assert registration(client, rid)["CurrentVersionNumber"] == 1

    def test_a_newer_draft_can_be_discarded_and_status_falls_back(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).approve()
        client.create_registration_version(RegistrationId=rid)
        client.submit_registration_version(RegistrationId=rid)
        assert status(client, rid) == ("SUBMITTED", ["APPROVED", "SUBMITTED"])
        client.discard_registration_version(RegistrationId=rid)
        assert status(client, rid) == ("COMPLETE", ["APPROVED", "DISCARDED"])
        assert registration(client, rid)["CurrentVersionNumber"] == 2  # kept until a new one
        assert client.create_registration_version(RegistrationId=rid)["VersionNumber"] == 3

    def test_after_a_denial_discard_falls_back_to_requires_updates(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).deny()
        client.create_registration_version(RegistrationId=rid)
        client.discard_registration_version(RegistrationId=rid)
        assert status(client, rid) == ("REQUIRES_UPDATES", ["DENIED", "DISCARDED"])

    def test_the_first_draft_cannot_be_discarded(self, client: Any) -> None:
        rid = new(client)
        conflict(
            client.discard_registration_version,
            "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
            RegistrationId=rid,
        )

    @pytest.mark.parametrize("outcome", ["approve", "deny"])
    def test_decided_versions_cannot_be_discarded(
        self, client: Any, sms: SmsVoiceV2Mock, outcome: str
    ) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        getattr(sms.review(rid), outcome)()
        conflict(
            client.discard_registration_version,
            "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
            RegistrationId=rid,
        )

    def test_discarded_twice(self, client: Any) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        client.discard_registration_version(RegistrationId=rid)
        conflict(
            client.discard_registration_version,
            "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
            RegistrationId=rid,
        )


class TestDeleteRegistration:
    def test_delete_returns_deleted_and_the_row_vanishes(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid = new(client)
        result = client.delete_registration(RegistrationId=rid)
        assert result["RegistrationStatus"] == "DELETED"
        assert result["RegistrationId"] == rid
        assert result["CurrentVersionNumber"] == 1
        assert client.describe_registrations()["Registrations"] == []
        assert fails(client.describe_registrations, RegistrationIds=[rid])["Error"]["Code"] == (
            "ResourceNotFoundException"
        )
        assert fails(client.delete_registration, RegistrationId=rid)["Error"]["Code"] == (
            "ResourceNotFoundException"
        )
        assert sms.registrations() == []
        with pytest.raises(LookupError):
            sms.review(rid)

    @pytest.mark.parametrize(
        "steps",
        [
            ["submit"],
            ["submit", "begin"],
            ["submit", "begin", "require_authentication"],
            ["submit", "approve_provisioning"],
        ],
    )
    def test_not_while_under_review_or_provisioning(
        self, client: Any, sms: SmsVoiceV2Mock, steps: list[str]
    ) -> None:
        rid = new(client)
        for step in steps:
            if step == "submit":
                client.submit_registration_version(RegistrationId=rid)
            elif step == "approve_provisioning":
                sms.review(rid).approve(provisioning=True)
            else:
                getattr(sms.review(rid), step)()
        conflict(client.delete_registration, "RESOURCE_DELETION_NOT_ALLOWED", RegistrationId=rid)

    @pytest.mark.parametrize("end", ["approve", "deny", "close"])
    def test_decided_or_closed_registrations_can_be_deleted(
        self, client: Any, sms: SmsVoiceV2Mock, end: str
    ) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        review = sms.review(rid)
        if end == "close":
            review.approve().close()
        else:
            getattr(review, end)()
        result = client.delete_registration(RegistrationId=rid)
        assert result["RegistrationStatus"] == "DELETED"
        if end == "approve":
            assert result["ApprovedVersionNumber"] == 1

    def test_delete_by_arn(self, client: Any) -> None:
        arn = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationArn"]
        assert client.delete_registration(RegistrationId=arn)["RegistrationArn"] == arn


@contextmanager
def controlled_clock(kind: str, start: datetime) -> Iterator[Callable[[datetime], None]]:
    """The wall clock held by freezegun or time-machine; yields a function that moves it."""
    if kind == "freezegun":
        with freeze_time(start) as frozen:
            yield frozen.move_to
    else:
        with time_machine.travel(start, tick=False) as traveller:
            yield traveller.move_to


@pytest.mark.parametrize("kind", ["freezegun", "time-machine"])
def test_every_history_timestamp_follows_the_controlled_clock(kind: str) -> None:
    """Each transition stamps the clock's time at that moment; lookups stamp nothing."""
    import boto3

    start = datetime(2026, 1, 2, 3, 0, 0, tzinfo=timezone.utc)
    expected: dict[int, dict[str, datetime]] = {}  # version -> history member -> when
    tick = 0

    with controlled_clock(kind, start) as move_to, mock_sms_voice_v2() as sms:

        def step(*stamps: tuple[int, str]) -> datetime:
            """Move the clock an hour on and return the new time, which ``stamps`` expect."""
            nonlocal tick
            tick += 1
            when = start + timedelta(hours=tick)
            move_to(when)
            for number, member in stamps:
                expected.setdefault(number, {})[member] = when
            return when

        def look() -> None:
            """Lookups of every kind, an hour later: none of them may stamp anything."""
            step()
            sms.registrations()
            sms.review(rid)
            client.describe_registrations(RegistrationIds=[rid])
            client.describe_registration_versions(RegistrationId=rid)

        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        created = step((1, "DraftTimestamp"))
        rid = new(client)
        look()
        step((1, "SubmittedTimestamp"))
        client.submit_registration_version(RegistrationId=rid)
        look()
        step((1, "ReviewingTimestamp"))
        sms.review(rid).begin()
        look()
        step((1, "RequiresAuthenticationTimestamp"))
        sms.review(rid).require_authentication()
        step()  # back to REVIEWING: ReviewingTimestamp is kept from the first time
        sms.review(rid).authenticate()
        step((1, "ApprovedTimestamp"))
        sms.review(rid).approve()
        look()
        step((2, "DraftTimestamp"))
        client.create_registration_version(RegistrationId=rid)
        step((2, "SubmittedTimestamp"))
        client.submit_registration_version(RegistrationId=rid)
        # From SUBMITTED, approve() passes through REVIEWING: both stamped now; v1 archived.
        step((2, "ReviewingTimestamp"), (2, "ApprovedTimestamp"), (1, "ArchivedTimestamp"))
        sms.review(rid).approve()
        look()
        step((3, "DraftTimestamp"))
        client.create_registration_version(RegistrationId=rid)
        step((3, "DiscardedTimestamp"))
        client.discard_registration_version(RegistrationId=rid)
        step((4, "DraftTimestamp"))
        client.create_registration_version(RegistrationId=rid)
        step((4, "SubmittedTimestamp"))
        client.submit_registration_version(RegistrationId=rid)
        step((4, "ReviewingTimestamp"), (4, "DeniedTimestamp"))
        sms.review(rid).deny(reasons=[{"Reason": "X", "ShortDescription": "y"}])
        step((2, "RevokedTimestamp"))  # revoke() acts on the version in force
        sms.review(rid).revoke()
        look()

        assert registration(client, rid)["CreatedTimestamp"] == created
        known = members("RegistrationVersionStatusHistory")
        seen = {
            v["VersionNumber"]: v["RegistrationVersionStatusHistory"] for v in versions(client, rid)
        }
        assert set(seen) == {1, 2, 3, 4}
        for number, history in seen.items():
            wanted = {k: v for k, v in expected[number].items() if k in known}
            assert history == wanted, f"version {number}"
        statuses = [v["RegistrationVersionStatus"] for v in versions(client, rid)]
        assert statuses == ["ARCHIVED", "REVOKED", "DISCARDED", "DENIED"]


# -- reference section 6, status by status ---------------------------------------------------

# How to bring a registration's only (or latest) version to each status, from SUBMITTED.
_TO: dict[str, Any] = {
    "SUBMITTED": lambda r: r,
    "AWS_REVIEWING": lambda r: r.aws_review(),
    "REVIEWING": lambda r: r.begin(),
    "REQUIRES_AUTHENTICATION": lambda r: r.begin().require_authentication(),
    "REQUIRES_OFFLINE_REVIEW": lambda r: r.begin().require_offline_review(),
    "APPROVED": lambda r: r.approve(),
    "DENIED": lambda r: r.deny(reasons=[{"Reason": "X", "ShortDescription": "y"}]),
    "REVOKED": lambda r: r.approve().revoke(),
}
_UNDER_REVIEW = (
    "SUBMITTED",
    "AWS_REVIEWING",
    "REVIEWING",
    "REQUIRES_AUTHENTICATION",
    "REQUIRES_OFFLINE_REVIEW",
)
_DECIDED = ("APPROVED", "DENIED", "REVOKED")


def _at(client: Any, sms: SmsVoiceV2Mock, version_status: str) -> str:
    if not knows_status(version_status):
        pytest.skip(f"the installed botocore has no {version_status}")
    rid = new(client)
    client.submit_registration_version(RegistrationId=rid)
    _TO[version_status](sms.review(rid))
    assert versions(client, rid)[-1]["RegistrationVersionStatus"] == version_status
    return rid


@pytest.mark.parametrize("version_status", _UNDER_REVIEW)
def test_under_review_a_version_can_be_discarded_but_nothing_else(
    client: Any, sms: SmsVoiceV2Mock, version_status: str
) -> None:
    rid = _at(client, sms, version_status)
    conflict(
        client.create_registration_version,
        "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
        RegistrationId=rid,
    )
    conflict(
        client.submit_registration_version, "REGISTRATION_ALREADY_SUBMITTED", RegistrationId=rid
    )
    conflict(client.delete_registration, "RESOURCE_DELETION_NOT_ALLOWED", RegistrationId=rid)
    discarded = client.discard_registration_version(RegistrationId=rid)
    assert discarded["RegistrationVersionStatus"] == "DISCARDED"


@pytest.mark.parametrize("version_status", _DECIDED)
def test_after_a_decision_only_a_new_version_moves_on(
    client: Any, sms: SmsVoiceV2Mock, version_status: str
) -> None:
    rid = _at(client, sms, version_status)
    conflict(
        client.submit_registration_version,
        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
        RegistrationId=rid,
    )
    conflict(
        client.discard_registration_version,
        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
        RegistrationId=rid,
    )
    created = client.create_registration_version(RegistrationId=rid)
    assert (created["VersionNumber"], created["RegistrationVersionStatus"]) == (2, "DRAFT")
    assert client.delete_registration(RegistrationId=rid)["RegistrationStatus"] == "DELETED"
