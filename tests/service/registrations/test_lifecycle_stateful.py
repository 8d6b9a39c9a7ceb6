"""Random sequences of the seven registration operations and the review steps, checked
after every step against a small model of the rules.

The model below is written from the rules text (shared/API.md section 3, the reference's
sections 5, 6 and 15), not from ``pinpoint_mock.service.registrations``: it keeps, per
registration, the version statuses (and every status each version has entered), the
approved and latest-denied numbers, the closed flag and the *settled* status that the
last decision left (CREATED, COMPLETE, PROVISIONING or REQUIRES_UPDATES). What the
registration shows is CLOSED, else the status of a current version under review, else
the settled status. The only things read from the package are the installed botocore
model (which statuses and history timestamps exist) and the public API.

Where the rules text is silent or terse the model takes these readings (the mock agrees):
CLOSED is checked before anything else (every operation but DeleteRegistration and every
review step is refused; DeleteRegistration succeeds); a version in REQUIRES_OFFLINE_REVIEW
can be begun again, approved or denied, and discarded; a denial while an approved version
is in force leaves the settled status as it was (PROVISIONING stays PROVISIONING); a
revoked version counts like a denied one when a later version is discarded (the
registration stays REQUIRES_UPDATES); complete() ends provisioning even while a newer
version is under review.

Besides random rules over a Bundle of registration IDs (deleted ones stay in it), two
guided rules ask the model which moves succeed or are refused, so that random sequences
reach the deep statuses (ARCHIVED, REQUIRES_AUTHENTICATION, ...) and try refusals there.
Run with ``--hypothesis-show-statistics`` to see which outcomes and statuses a run reached.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from pinpoint_mock import InvalidTransition, Review, mock_sms_voice_v2
from pinpoint_mock.engine import model
from tests.profiles import scaled

REGION = "us-east-1"
# A type without associations, so that submitting never needs anything else.
REGISTRATION_TYPE = "US_TEN_DLC_BRAND_REGISTRATION"
CONFLICT = "ConflictException"
NOT_FOUND = "ResourceNotFoundException"

# Version statuses under review -> the status the registration shows meanwhile
# (API.md 3: it follows the version; reference 15.5: REQUIRES_OFFLINE_REVIEW shows REVIEWING).
UNDER_REVIEW = {
    "SUBMITTED": "SUBMITTED",
    "AWS_REVIEWING": "AWS_REVIEWING",
    "REVIEWING": "REVIEWING",
    "REQUIRES_AUTHENTICATION": "REQUIRES_AUTHENTICATION",
    "REQUIRES_OFFLINE_REVIEW": "REVIEWING",
}
# approve() and deny() are allowed from these; the first two pass through REVIEWING.
DECIDABLE = frozenset(UNDER_REVIEW)
PASS_THROUGH = frozenset({"SUBMITTED", "AWS_REVIEWING"})
# Simple one-version steps: step -> (statuses it starts from, status it goes to).
MOVES: dict[str, tuple[frozenset[str], str]] = {
    "begin": (frozenset({"SUBMITTED", "AWS_REVIEWING", "REQUIRES_OFFLINE_REVIEW"}), "REVIEWING"),
    "aws_review": (frozenset({"SUBMITTED"}), "AWS_REVIEWING"),
    "require_authentication": (frozenset({"REVIEWING"}), "REQUIRES_AUTHENTICATION"),
    "authenticate": (frozenset({"REQUIRES_AUTHENTICATION"}), "REVIEWING"),
    "require_offline_review": (frozenset({"REVIEWING"}), "REQUIRES_OFFLINE_REVIEW"),
}
DENIAL = [{"Reason": "Missing required field", "ShortDescription": "Fill in every field."}]

# Outcome of an operation: None for success, else (error code, ConflictException Reason).
Outcome = tuple[str, str | None] | None


def history_member(status: str) -> str:
    """The RegistrationVersionStatusHistory member for a status, by the model's naming."""
    return "".join(word.capitalize() for word in status.split("_")) + "Timestamp"


@dataclass
class ModelVersion:
    status: str = "DRAFT"
    entered: set[str] = field(default_factory=lambda: {"DRAFT"})
    denied_reasons: list[dict[str, str]] | None = None

    def enter(self, status: str) -> None:
        self.status = status
        self.entered.add(status)

    def history_members(self) -> set[str]:
        known = model.members("RegistrationVersionStatusHistory")
        return {history_member(s) for s in self.entered} & known


@dataclass
class ModelRegistration:
    id: str
    arn: str
    versions: list[ModelVersion] = field(default_factory=lambda: [ModelVersion()])
    settled: str = "CREATED"
    approved: int | None = None
    latest_denied: int | None = None
    closed: bool = False
    deleted: bool = False

    @property
    def current(self) -> ModelVersion:
        return self.versions[-1]

    def clone(self) -> ModelRegistration:
        """A copy to try a move on."""
        versions = [ModelVersion(v.status, set(v.entered), v.denied_reasons) for v in self.versions]
        return replace(self, versions=versions)

    @property
    def provisioning(self) -> bool:
        return self.settled == "PROVISIONING"

    @property
    def status(self) -> str:
        if self.closed:
            return "CLOSED"
        return UNDER_REVIEW.get(self.current.status, self.settled)

    # -- the operations: each returns the expected outcome and, on success, applies it ----

    def create_version(self) -> Outcome:
        if self.deleted:
            return (NOT_FOUND, None)
        if self.closed or self.current.status == "DRAFT" or self.current.status in UNDER_REVIEW:
            return (CONFLICT, "CREATE_REGISTRATION_VERSION_NOT_ALLOWED")
        self.versions.append(ModelVersion())
        return None

    def submit(self) -> Outcome:
        if self.deleted:
            return (NOT_FOUND, None)
        if self.closed:
            return (CONFLICT, "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED")
        if self.current.status in UNDER_REVIEW:
            return (CONFLICT, "REGISTRATION_ALREADY_SUBMITTED")
        if self.current.status != "DRAFT":
            return (CONFLICT, "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED")
        self.current.enter("SUBMITTED")
        return None

    def discard(self) -> Outcome:
        if self.deleted:
            return (NOT_FOUND, None)
        undecided = self.current.status in UNDER_REVIEW
        later_draft = self.current.status == "DRAFT" and len(self.versions) > 1
        if self.closed or not (undecided or later_draft):
            return (CONFLICT, "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED")
        # The registration goes back to what the older versions left: the settled status.
        self.current.enter("DISCARDED")
        return None

    def delete(self) -> Outcome:
        if self.deleted:
            return (NOT_FOUND, None)
        if not self.closed and (self.current.status in UNDER_REVIEW or self.provisioning):
            return (CONFLICT, "RESOURCE_DELETION_NOT_ALLOWED")
        self.deleted = True
        return None

    # -- the review steps: each returns whether the step is allowed and, if so, applies it --

    def review(self, step: str) -> bool:
        if self.closed:
            return False  # a CLOSED registration can only be deleted
        version = self.current
        if step in MOVES:
            sources, target = MOVES[step]
            if version.status not in sources:
                return False
            version.enter(target)
            return True
        if step in ("approve", "approve_provisioning", "deny"):
            if version.status not in DECIDABLE:
                return False
            if version.status in PASS_THROUGH:
                version.enter("REVIEWING")
            if step == "deny":
                version.enter("DENIED")
                version.denied_reasons = DENIAL
                self.latest_denied = len(self.versions)
                if self.approved is None:  # else the version in force keeps its status
                    self.settled = "REQUIRES_UPDATES"
                return True
            if self.approved is not None:
                self.versions[self.approved - 1].enter("ARCHIVED")
            version.enter("APPROVED")
            self.approved = len(self.versions)
            self.settled = "PROVISIONING" if step == "approve_provisioning" else "COMPLETE"
            return True
        if step == "complete":
            if not self.provisioning:
                return False
            self.settled = "COMPLETE"
            return True
        if step == "revoke":
            if self.approved is None:
                return False
            self.versions[self.approved - 1].enter("REVOKED")
            self.approved = None
            self.settled = "REQUIRES_UPDATES"
            return True
        assert step == "close", step
        self.closed = True
        return True


STEPS: dict[str, Callable[[Review], Review]] = {
    "begin": lambda r: r.begin(),
    "require_authentication": lambda r: r.require_authentication(),
    "authenticate": lambda r: r.authenticate(),
    "approve": lambda r: r.approve(),
    "approve_provisioning": lambda r: r.approve(provisioning=True),
    "complete": lambda r: r.complete(),
    "deny": lambda r: r.deny(reasons=DENIAL),
    "revoke": lambda r: r.revoke(),
    "close": lambda r: r.close(),
}
HAS_AWS_REVIEW = "AwsReview" in model.members("SubmitRegistrationVersionRequest")

if model.knows_status("AWS_REVIEWING"):
    STEPS["aws_review"] = lambda r: r.aws_review()
if model.knows_status("REQUIRES_OFFLINE_REVIEW"):
    STEPS["require_offline_review"] = lambda r: r.require_offline_review()


# The operations the progress and refusal rules try, by the model's name for them.
OPERATION_MOVES: dict[str, Callable[[ModelRegistration], Outcome]] = {
    "create_version": ModelRegistration.create_version,
    "submit": ModelRegistration.submit,
    "discard": ModelRegistration.discard,
    "delete": ModelRegistration.delete,
}
# The rule methods those moves call.
OPERATION_RULES = {
    "create_version": "create_registration_version",
    "submit": "submit_registration_version",
    "discard": "discard_registration_version",
    "delete": "delete_registration",
}
MAX_LIVE = 4
# What the progress rule tries, the moves into the review statuses first (Hypothesis
# favours early entries of a sampled_from).
PROGRESS = [
    move
    for move in (
        "begin",
        "require_authentication",
        "require_offline_review",
        "authenticate",
        "aws_review",
        "approve",
        "deny",
        "approve_provisioning",
        "submit",
        "create_version",
        "complete",
        "revoke",
        "discard",
    )
    if move in STEPS or move in OPERATION_MOVES
]
ACTIONS = [*PROGRESS, "close", "delete"]


def describe(outcome: Outcome) -> str:
    """A label for the statistics (``--hypothesis-show-statistics``)."""
    return "ok" if outcome is None else outcome[1] or outcome[0]


class RegistrationLifecycle(RuleBasedStateMachine):
    registrations = Bundle("registrations")

    def __init__(self) -> None:
        super().__init__()
        self.activation = mock_sms_voice_v2()
        self.sms = self.activation.start()
        self.client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
        self.model: dict[str, ModelRegistration] = {}  # creation order
        # (registration, version, member) -> the timestamp first seen; it must never change
        self.stamps: dict[tuple[str, int, str], datetime] = {}
        self.reached: set[str] = set()  # statuses seen, for the statistics
        # registration -> the chain of statuses its EventBridge events tell, and how many
        # events were read (API.md 7.5: one event per status change, whatever caused it)
        self.told: dict[str, list[str]] = {}
        self.events_read = 0
        self.last_event_ms = 0

    def teardown(self) -> None:
        self.activation.stop()
        for status in sorted(self.reached):
            event(f"reached {status}")

    # -- helpers --------------------------------------------------------------------------

    def live(self) -> list[ModelRegistration]:
        return [m for m in self.model.values() if not m.deleted]

    def call(
        self, outcome: Outcome, reg: ModelRegistration, ref: str, method: str, **params: Any
    ) -> Any:
        """Call the client: the call must succeed (outcome None; its result is returned) or
        fail with that error and its fields (None is returned)."""
        operation = getattr(self.client, method)
        if outcome is None:
            return operation(**params)
        code, reason = outcome
        with pytest.raises(ClientError) as caught:
            operation(**params)
        error: dict[str, Any] = dict(caught.value.response)
        assert error["Error"]["Code"] == code, (method, reg.status, reg.current.status, error)
        if code == "ValidationException":
            assert error["Reason"] == reason
            return None
        assert error["ResourceType"] == "registration"
        if code == CONFLICT:
            assert error["Reason"] == reason, (method, reg.status, reg.current.status, error)
            assert error["ResourceId"] == reg.id
        else:
            assert error["ResourceId"] == ref
        return None

    def pick(self, registration_id: str, use_arn: bool) -> tuple[ModelRegistration, str]:
        reg = self.model[registration_id]
        return reg, reg.arn if use_arn else reg.id

    def check_gone(self, reg: ModelRegistration) -> None:
        """A deleted registration is not found, by ID or ARN (the listing check after every
        step shows it is not listed)."""
        gone: Outcome = (NOT_FOUND, None)
        self.call(gone, reg, reg.id, "describe_registrations", RegistrationIds=[reg.id])
        self.call(gone, reg, reg.arn, "describe_registration_versions", RegistrationId=reg.arn)

    def check_registration(self, reg: ModelRegistration, got: dict[str, Any]) -> None:
        assert got["RegistrationId"] == reg.id
        assert got["RegistrationArn"] == reg.arn
        assert got["RegistrationStatus"] == reg.status, [v.status for v in reg.versions]
        self.reached.add(f"registration {reg.status}")
        assert got["CurrentVersionNumber"] == len(reg.versions)
        assert got.get("ApprovedVersionNumber") == reg.approved, reg.status
        assert got.get("LatestDeniedVersionNumber") == reg.latest_denied, reg.status

    def check_version(self, reg: ModelRegistration, number: int, got: dict[str, Any]) -> None:
        version = reg.versions[number - 1]
        assert got["VersionNumber"] == number
        assert got["RegistrationVersionStatus"] == version.status, (reg.status, number)
        self.reached.add(f"version {version.status}")
        history = got["RegistrationVersionStatusHistory"]
        assert set(history) == version.history_members(), (number, version.entered)
        for member, stamp in history.items():
            first = self.stamps.setdefault((reg.id, number, member), stamp)
            assert stamp == first, f"version {number} {member} changed from {first} to {stamp}"
        assert got.get("DeniedReasons") == version.denied_reasons

    # -- the seven operations -------------------------------------------------------------

    @initialize(target=registrations)
    def first_registration(self) -> str:
        return self.create()

    @precondition(lambda self: len(self.live()) < MAX_LIVE)
    @rule(target=registrations)
    def create_registration(self) -> str:
        return self.create()

    def create(self) -> str:
        got = self.client.create_registration(RegistrationType=REGISTRATION_TYPE)
        rid = str(got["RegistrationId"])
        arn = f"arn:aws:sms-voice:{REGION}:{self.sms.options.account_id}:registration/{rid}"
        assert rid not in self.model
        reg = self.model[rid] = ModelRegistration(rid, arn)
        self.check_registration(reg, got)
        return rid

    @rule(registration=registrations, use_arn=st.booleans())
    def create_registration_version(self, registration: str, use_arn: bool) -> None:
        reg, ref = self.pick(registration, use_arn)
        outcome = reg.create_version()
        event(f"CreateRegistrationVersion: {describe(outcome)}")
        got = self.call(outcome, reg, ref, "create_registration_version", RegistrationId=ref)
        if outcome is None:
            self.check_version(reg, len(reg.versions), got)

    @rule(registration=registrations, use_arn=st.booleans(), aws_review=st.booleans())
    def submit_registration_version(
        self, registration: str, use_arn: bool, aws_review: bool = False
    ) -> None:
        reg, ref = self.pick(registration, use_arn)
        outcome = reg.submit()
        event(f"SubmitRegistrationVersion: {describe(outcome)}")
        got = self.call(
            outcome,
            reg,
            ref,
            "submit_registration_version",
            RegistrationId=ref,
            **({"AwsReview": aws_review} if HAS_AWS_REVIEW else {}),
        )
        if outcome is None:
            self.check_version(reg, len(reg.versions), got)
            if HAS_AWS_REVIEW:
                assert got["AwsReview"] is aws_review
            else:  # botocore 1.35.x: neither the input nor the output member exists
                assert "AwsReview" not in got

    @rule(registration=registrations, use_arn=st.booleans())
    def discard_registration_version(self, registration: str, use_arn: bool) -> None:
        reg, ref = self.pick(registration, use_arn)
        outcome = reg.discard()
        event(f"DiscardRegistrationVersion: {describe(outcome)}")
        got = self.call(outcome, reg, ref, "discard_registration_version", RegistrationId=ref)
        if outcome is None:
            self.check_version(reg, len(reg.versions), got)

    @rule(registration=registrations, use_arn=st.booleans())
    def delete_registration(self, registration: str, use_arn: bool) -> None:
        reg, ref = self.pick(registration, use_arn)
        outcome = reg.delete()
        event(f"DeleteRegistration: {describe(outcome)}")
        got = self.call(outcome, reg, ref, "delete_registration", RegistrationId=ref)
        if outcome is None:
            assert got["RegistrationId"] == reg.id
            assert got["RegistrationStatus"] == "DELETED"
            assert got["CurrentVersionNumber"] == len(reg.versions)
            assert got.get("ApprovedVersionNumber") == reg.approved
            assert got.get("LatestDeniedVersionNumber") == reg.latest_denied
            self.check_gone(reg)

    @rule(registration=registrations, use_arn=st.booleans())
    def describe_registration(self, registration: str, use_arn: bool) -> None:
        reg, ref = self.pick(registration, use_arn)
        outcome: Outcome = (NOT_FOUND, None) if reg.deleted else None
        event(f"DescribeRegistrations: {describe(outcome)}")
        got = self.call(outcome, reg, ref, "describe_registrations", RegistrationIds=[ref])
        if outcome is None:
            assert "NextToken" not in got
            assert len(got["Registrations"]) == 1
            self.check_registration(reg, got["Registrations"][0])

    @rule(
        registration=registrations,
        use_arn=st.booleans(),
        numbers=st.lists(st.integers(1, 6), min_size=1, max_size=5),
    )
    def describe_registration_versions(
        self, registration: str, use_arn: bool, numbers: list[int]
    ) -> None:
        reg, ref = self.pick(registration, use_arn)
        outcome: Outcome = None
        if reg.deleted:
            outcome = (NOT_FOUND, None)
        elif max(numbers) > len(reg.versions):
            outcome = ("ValidationException", "UNKNOWN_REGISTRATION_VERSION")
        event(f"DescribeRegistrationVersions: {describe(outcome)}")
        got = self.call(
            outcome,
            reg,
            ref,
            "describe_registration_versions",
            RegistrationId=ref,
            VersionNumbers=numbers,
        )
        if outcome is None:
            assert got["RegistrationId"] == reg.id
            assert got["RegistrationArn"] == reg.arn
            versions = got["RegistrationVersions"]
            assert [v["VersionNumber"] for v in versions] == sorted(set(numbers))
            for version in versions:
                self.check_version(reg, version["VersionNumber"], version)

    # -- review steps ---------------------------------------------------------------------

    @rule(registration=registrations, use_arn=st.booleans(), step=st.sampled_from(sorted(STEPS)))
    def review(self, registration: str, use_arn: bool, step: str) -> None:
        reg, ref = self.pick(registration, use_arn)
        if reg.deleted:
            with pytest.raises(LookupError):
                self.sms.review(ref)
            return
        review = self.sms.review(ref)
        before = (reg.status, reg.current.status)
        allowed = reg.review(step)
        event(f"review.{step}: {'ok' if allowed else 'InvalidTransition'}")
        if allowed:
            assert STEPS[step](review) is review
        else:
            with pytest.raises(InvalidTransition) as caught:
                STEPS[step](review)
            assert caught.value.registration_id == reg.id, (step, before)

    # -- guided moves ----------------------------------------------------------------------
    # Random steps mostly hit refusals of shallow states. progress makes a few moves in a
    # row that the model says succeed (checking after each one), so that sequences reach
    # the deeper statuses; close() and DeleteRegistration, which end a registration's story,
    # are left to the other rules. refusal tries, in whatever state a live registration is
    # in, something the model says must be refused.

    def outcomes(self, reg: ModelRegistration) -> dict[str, bool]:
        """Every operation and review step on ``reg``: whether the model lets it succeed."""
        found = {}
        for move in ACTIONS:
            trial = reg.clone()
            if move in STEPS:
                found[move] = trial.review(move)
            else:
                found[move] = OPERATION_MOVES[move](trial) is None
        return found

    def act(self, registration: str, move: str, use_arn: bool) -> None:
        if move in STEPS:
            self.review(registration, use_arn, move)
        else:
            getattr(self, OPERATION_RULES[move])(registration, use_arn)

    @precondition(lambda self: any(not reg.closed for reg in self.live()))
    @rule(data=st.data(), count=st.integers(1, 8))
    def progress(self, data: st.DataObject, count: int) -> None:
        open_ = [reg.id for reg in self.live() if not reg.closed]
        reg = self.model[data.draw(st.sampled_from(open_), label="registration")]
        for _ in range(count):
            outcome = self.outcomes(reg)
            moves = [move for move in PROGRESS if outcome[move]]
            if not moves:  # every open registration has one; kept as a guard
                break
            move = data.draw(st.sampled_from(moves), label="move")
            self.act(reg.id, move, data.draw(st.booleans(), label="use_arn"))
            self.describe_matches_model()

    @precondition(lambda self: bool(self.live()))
    @rule(data=st.data(), use_arn=st.booleans())
    def refusal(self, data: st.DataObject, use_arn: bool) -> None:
        """Something the model refuses, on a live registration in whatever state it is in."""
        live = [reg.id for reg in self.live()]
        reg = self.model[data.draw(st.sampled_from(live), label="registration")]
        refused = [move for move, allowed in self.outcomes(reg).items() if not allowed]
        if not refused:
            return
        self.act(reg.id, data.draw(st.sampled_from(refused), label="move"), use_arn)

    # -- after every step -----------------------------------------------------------------

    @invariant()
    def events_tell_every_change(self) -> None:
        """The Registration Status Change events, read in order, chain (each one's
        previousStatus is the last one's currentStatus, the first is CREATED with none) and
        end at the status the registration shows now (DELETED once deleted), so every change
        that DescribeRegistrations can show has its event, and no event is without a change."""
        events = self.sms.eventbridge_events
        for got in events[self.events_read :]:
            assert got["source"] == "aws.sms-voice"
            assert got["detail-type"] == "Registration Status Change"
            details = got["detail"]["registrationDetails"]
            rid = details["registrationId"]
            assert got["resources"] == [self.model[rid].arn]
            chain = self.told.setdefault(rid, [])
            if chain:
                assert details["previousStatus"] == chain[-1], (chain, details)
            else:
                assert details["currentStatus"] == "CREATED"
                assert "previousStatus" not in details
            assert details["currentStatus"] != details.get("previousStatus")
            assert 1 <= details["registrationVersionNumber"] <= len(self.model[rid].versions)
            stamp = details["registrationStatusChangeTimestamp"]
            assert stamp >= self.last_event_ms
            self.last_event_ms = stamp
            chain.append(details["currentStatus"])
        self.events_read = len(events)
        for reg in self.model.values():
            assert self.told[reg.id][-1] == ("DELETED" if reg.deleted else reg.status)

    @invariant()
    def describe_matches_model(self) -> None:
        live = self.live()
        got = self.client.describe_registrations()
        assert "NextToken" not in got
        listed = got["Registrations"]
        assert [r["RegistrationId"] for r in listed] == [m.id for m in live]
        for reg, view in zip(live, listed, strict=True):
            self.check_registration(reg, view)
            versions = self.client.describe_registration_versions(RegistrationId=reg.id)
            numbers = [v["VersionNumber"] for v in versions["RegistrationVersions"]]
            assert numbers == list(range(1, len(reg.versions) + 1))
            for version in versions["RegistrationVersions"]:
                self.check_version(reg, version["VersionNumber"], version)


# Everyday: a short derandomized run; the CI profile's run is the long one (tests/profiles.py).
RegistrationLifecycle.TestCase.settings = settings(
    max_examples=scaled(15, 100), stateful_step_count=scaled(20, 50), deadline=None
)
TestRegistrationLifecycle = RegistrationLifecycle.TestCase
