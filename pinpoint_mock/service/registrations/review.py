"""The review API: what AWS and the carriers do to a submitted version, one step a call.

``sms.review(registration_id).begin().require_authentication().authenticate().approve()``
Each step applies one transition of :mod:`lifecycle`'s table, stamps its timestamp and
returns the Review; a move the real service could not make raises InvalidTransition.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta

import botocore

from pinpoint_mock.engine import model
from pinpoint_mock.engine.clock import Move
from pinpoint_mock.engine.errors import InvalidTransition, MockError
from pinpoint_mock.engine.snapshot import register_moves
from pinpoint_mock.engine.store import RegionState, now
from pinpoint_mock.service.options import OUTCOMES, ReviewPolicy, seconds
from pinpoint_mock.service.registrations import lifecycle as lc
from pinpoint_mock.service.registrations.field_values import denied_fields, record_denials
from pinpoint_mock.service.registrations.records import Registration, Version
from pinpoint_mock.service.registrations.snapshots import RegistrationSnapshot, VersionSnapshot

_REASON_KEYS = (
    "Reason",
    "ShortDescription",
    "LongDescription",
    "DocumentationTitle",
    "DocumentationLink",
)
DEFAULT_DENIAL = {
    "Reason": "Denied by pinpoint-mock",
    "ShortDescription": "The review policy of the test denied this version.",
}


# Called with (state, registration) when an approved version comes into force, provisioned:
# families append what such a registration brings (sender_ids.py: its sender ID).
ON_IN_FORCE: list[Callable[[RegionState, Registration], None]] = []


def _in_force(state: RegionState, reg: Registration) -> None:
    for hook in ON_IN_FORCE:
        hook(state, reg)


class Review:
    """Review steps for one registration. Get one with ``sms.review(id_or_arn)``."""

    def __init__(
        self,
        state: RegionState,
        registration: Registration,
        *,
        at: float | None = None,
        catch_up: bool = False,
    ) -> None:
        self._state = state
        self._reg = registration
        # ``at``: the moment the steps happen (the clock's moves); else each step's own now().
        self._at = at
        # Whether each step first applies what the clock made happen (the review API's
        # Reviews do; those made inside a call or a clock move must not: they hold a lock).
        self._catch_up = catch_up

    def __repr__(self) -> str:
        return f"<Review {self._reg.id} {self._reg.status}>"

    @property
    def registration_id(self) -> str:
        return self._reg.id

    @property
    def status(self) -> str:
        """The registration's status now."""
        self._caught_up()
        return self._reg.status

    def _caught_up(self) -> None:
        if self._catch_up:
            self._state.timers.catch_up()

    def _now(self) -> float:
        return self._at if self._at is not None else now()

    # -- the steps -------------------------------------------------------------------------

    def begin(self) -> Review:
        """SUBMITTED (or AWS_REVIEWING) -> REVIEWING."""
        return self._step("begin")

    def aws_review(self) -> Review:
        """SUBMITTED -> AWS_REVIEWING (only where the installed botocore knows the status)."""
        return self._step("aws_review")

    def require_authentication(self) -> Review:
        """REVIEWING -> REQUIRES_AUTHENTICATION."""
        return self._step("require_authentication")

    def authenticate(self) -> Review:
        """REQUIRES_AUTHENTICATION -> REVIEWING."""
        return self._step("authenticate")

    def require_offline_review(self) -> Review:
        """REVIEWING -> REQUIRES_OFFLINE_REVIEW (registration stays REVIEWING); newer models."""
        return self._step("require_offline_review")

    def approve(
        self,
        *,
        provisioning: bool = False,
        additional_attributes: Mapping[str, str] | None = None,
    ) -> Review:
        """The current version -> APPROVED; the version in force before it -> ARCHIVED;
        the registration -> COMPLETE, or PROVISIONING until :meth:`complete`.

        ``additional_attributes`` (strings to strings) is merged into the registration's
        ``AdditionalAttributes``, as AWS adds e.g. ``VETTING_SCORE`` to an approved
        ``US_TEN_DLC_BRAND_VETTING`` registration; any registration type takes them."""
        attributes = _attributes(additional_attributes)
        self._caught_up()
        with self._state.lock:
            reg = self._live()
            version = self._ready("approve", reg)
            if attributes:
                reg.additional_attributes = {**(reg.additional_attributes or {}), **attributes}
            at = self._now()
            if version.status in lc.PASS_THROUGH_REVIEWING:
                lc.enter(version, lc.REVIEWING, at)
                lc.settle(self._state, reg, at)  # a change of its own
            previous = reg.version(reg.approved) if reg.approved is not None else None
            if previous is not None:
                lc.enter(previous, lc.ARCHIVED, at)
            lc.enter(version, lc.APPROVED, at)
            reg.approved = version.number
            reg.provisioning = provisioning
            lc.settle(self._state, reg, at)
            if not provisioning:
                _in_force(self._state, reg)
        return self

    def complete(self) -> Review:
        """PROVISIONING -> COMPLETE. While a newer version is under review the registration
        keeps following it; the provisioning of the version in force still ends, so it settles
        to COMPLETE, not PROVISIONING, when that review ends."""
        self._caught_up()
        with self._state.lock:
            reg = self._live()
            if not reg.provisioning:
                raise InvalidTransition(
                    reg.id,
                    reg.status,
                    lc.COMPLETE,
                    "complete() ends PROVISIONING, which only approve(provisioning=True) starts.",
                )
            reg.provisioning = False
            in_force = reg.version(reg.approved) if reg.approved is not None else None
            lc.settle(self._state, reg, self._now(), version=in_force)
            _in_force(self._state, reg)
        return self

    def deny(
        self,
        reasons: Iterable[Mapping[str, str]] | None = None,
        feedback: str | None = None,
        *,
        fields: Mapping[str, str | Mapping[str, str]] | None = None,
    ) -> Review:
        """The current version -> DENIED with ``reasons`` (RegistrationDeniedReasonInformation
        dicts); the registration -> REQUIRES_UPDATES, or stays COMPLETE while an earlier
        approved version is in force. ``fields`` maps FieldPath -> the field's DeniedReason,
        or a dict with DeniedReason and Feedback, shown by DescribeRegistrationFieldValues."""
        denied = _denied_reasons(reasons)
        per_field = denied_fields(fields)
        if feedback is not None and not isinstance(feedback, str):
            raise MockError(f"feedback must be a string, not {feedback!r}")
        return self._deny(denied, per_field, feedback, through_reviewing=True)

    def _deny(
        self,
        denied: list[dict[str, str]],
        per_field: dict[str, tuple[str | None, str | None]],
        feedback: str | None,
        *,
        through_reviewing: bool,
    ) -> Review:
        self._caught_up()
        with self._state.lock:
            reg = self._live()
            version = self._ready("deny", reg)
            at = self._now()
            if through_reviewing and version.status in lc.PASS_THROUGH_REVIEWING:
                lc.enter(version, lc.REVIEWING, at)
                lc.settle(self._state, reg, at)  # a change of its own
            lc.enter(version, lc.DENIED, at)
            version.denied_reasons = denied
            version.feedback = feedback
            record_denials(version, per_field)
            reg.latest_denied = version.number
            lc.settle(self._state, reg, at)
        return self

    def revoke(self) -> Review:
        """The version in force (ApprovedVersionNumber) -> REVOKED; the registration ->
        REQUIRES_UPDATES."""
        self._caught_up()
        with self._state.lock:
            reg = self._live()
            version = reg.version(reg.approved) if reg.approved is not None else None
            if version is None:
                raise InvalidTransition(
                    reg.id,
                    reg.status,
                    lc.REVOKED,
                    "revoke() acts on the approved version in force, and there is none.",
                )
            at = self._now()
            lc.enter(version, lc.REVOKED, at)
            reg.approved = None
            reg.provisioning = False
            lc.settle(self._state, reg, at, version=version)
        return self

    def close(self) -> Review:
        """The registration -> CLOSED: its origination identity is gone, so the phone numbers
        still associated with it are released (they leave DescribePhoneNumbers and its
        associations) and the registration can then only be deleted."""
        self._caught_up()
        with self._state.lock:
            reg = self._live()
            kept = []
            for association in reg.associations or ():
                if association.phone_number is None:
                    kept.append(association)
                    continue
                phone = self._state.phone_numbers.get(association.resource_id)
                if phone is not None and phone.registration_id == reg.id:
                    del self._state.phone_numbers[phone.id]
            reg.associations = kept or None
            reg.closed = True
            reg.provisioning = False
            lc.settle(self._state, reg, self._now())
        return self

    # -- machinery -------------------------------------------------------------------------

    def _live(self) -> Registration:
        reg = self._reg
        if self._state.registrations.get(reg.id) is not reg:
            raise LookupError(f"registration {reg.id} was deleted")
        if reg.closed:
            raise InvalidTransition(
                reg.id, lc.CLOSED, "another status", "A CLOSED registration can only be deleted."
            )
        return reg

    def _ready(self, event: str, reg: Registration) -> Version:
        """The current version, checked to be one that ``event`` may move."""
        transition = lc.transition(event)
        assert transition is not None  # approve and deny exist in every model
        version = reg.current
        if version.status in transition.sources or version.status in lc.PASS_THROUGH_REVIEWING:
            return version
        raise _refused(
            reg, version, event, transition.target, transition.sources | lc.PASS_THROUGH_REVIEWING
        )

    def _step(self, event: str) -> Review:
        self._caught_up()
        with self._state.lock:
            reg = self._live()
            transition = lc.transition(event)
            if transition is None:
                wanted = next(t.target for t in lc.TRANSITIONS if t.event == event)
                raise InvalidTransition(
                    reg.id,
                    reg.status,
                    wanted,
                    f"The installed botocore {botocore.__version__} does not know the status "
                    f"{wanted}; {event}() needs a newer botocore.",
                )
            version = reg.current
            if version.status not in transition.sources:
                raise _refused(reg, version, event, transition.target, transition.sources)
            at = self._now()
            lc.enter(version, transition.target, at)
            lc.settle(self._state, reg, at)
        return self


def _refused(
    reg: Registration, version: Version, event: str, wanted: str, sources: Iterable[str]
) -> InvalidTransition:
    order = model.enum("RegistrationVersionStatus")
    needed = ", ".join(s for s in order if s in set(sources))
    return InvalidTransition(
        reg.id,
        version.status,
        wanted,
        f"{event}() needs its current version ({version.number}) to be one of: {needed}; "
        f"the registration is {reg.status}.",
    )


def _attributes(attributes: object) -> dict[str, str]:
    """``approve(additional_attributes=...)`` checked: a mapping of strings to strings."""
    if attributes is None:
        return {}
    if not isinstance(attributes, Mapping):
        raise MockError(
            "approve(additional_attributes=...) takes a mapping of strings to strings, e.g. "
            f"{{'VETTING_SCORE': '75'}}, not {type(attributes).__name__} {attributes!r}"
        )
    wrong = [
        f"{key!r}: {value!r}"
        for key, value in attributes.items()
        if not isinstance(key, str) or not isinstance(value, str)
    ]
    if wrong:
        raise MockError(
            "approve(additional_attributes=...) takes strings to strings (AWS sends every "
            "attribute as a string, e.g. {'VETTING_SCORE': '75'}); not: " + ", ".join(wrong)
        )
    return dict(attributes)


def _denied_reasons(reasons: Iterable[Mapping[str, str]] | None) -> list[dict[str, str]]:
    if reasons is None:
        return [dict(DEFAULT_DENIAL)]
    example = '[{"Reason": "OPT_IN", "ShortDescription": "Opt-in is unclear"}]'
    if isinstance(reasons, (str, bytes)):
        raise MockError(
            f"deny(reasons={reasons!r}): reasons is a list of mappings with at least Reason "
            f"and ShortDescription, e.g. reasons={example}, not the string {reasons!r}"
        )
    if isinstance(reasons, Mapping):
        raise MockError(
            f"deny(reasons={dict(reasons)!r}): reasons is a list of mappings; put the one "
            f"reason in a list: reasons=[{dict(reasons)!r}]"
        )
    result = []
    for reason in reasons:
        if not isinstance(reason, Mapping):
            raise MockError(f"each denial reason must be a mapping, not {reason!r}")
        unknown = sorted(set(reason) - set(_REASON_KEYS))
        missing = [k for k in ("Reason", "ShortDescription") if not reason.get(k)]
        if unknown or missing:
            raise MockError(
                f"denial reason {dict(reason)!r}: needs Reason and ShortDescription"
                f"{'; unknown keys ' + ', '.join(unknown) if unknown else ''}; "
                f"allowed keys are {', '.join(_REASON_KEYS)}"
            )
        result.append({k: str(v) for k, v in reason.items()})
    if not result:
        raise MockError("deny(reasons=[]) needs at least one reason, or reasons=None")
    return result


def deny_at_pre_check(
    state: RegionState,
    reg: Registration,
    reasons: list[dict[str, str]],
    fields: Mapping[str, str],
) -> None:
    """The automated check right after submit: SUBMITTED -> DENIED at once, with no
    REVIEWING in between (no one reviewed it)."""
    Review(state, reg)._deny(
        _denied_reasons(reasons), denied_fields(fields), None, through_reviewing=False
    )


@dataclass(frozen=True)
class Decision:
    """A review policy's answer for one submitted version: the outcome, and the seconds it
    takes on the clock (``None``: decided within the SubmitRegistrationVersion call)."""

    outcome: str
    delay: float | None = None


def decide_review(
    policy: ReviewPolicy, review_after: timedelta | None, reg: Registration, version: Version
) -> Decision:
    """Ask the policy (a callable is asked now, at submission, and may answer
    ``(outcome, delay)``); ``review_after`` is the delay of every other answer."""
    delay = None if review_after is None else review_after.total_seconds()
    if not callable(policy):
        return Decision(policy, delay if policy != "manual" else None)
    registration = dataclasses.replace(
        RegistrationSnapshot.of(reg), status=lc.registration_status(reg)
    )
    try:
        answer = policy(registration, VersionSnapshot.of(version))
    except Exception as error:  # the test's own code: its error, not a 500 from the mock
        raise MockError(
            f"the review policy raised {type(error).__name__}: {error} "
            f"(the submission of {reg.id} version {version.number} was undone)"
        ) from error
    outcome = answer
    if isinstance(answer, tuple) and len(answer) == 2:
        outcome, own_delay = answer
        try:
            delay = seconds(own_delay, "the delay a review policy returns")
        except MockError as error:
            raise MockError(
                f"{error} (the policy returned {answer!r}; the submission of {reg.id} "
                f"version {version.number} was undone)"
            ) from None
    if not isinstance(outcome, str) or outcome not in OUTCOMES:
        raise MockError(
            f"the review policy returned {answer!r}; it must return one of "
            f"{', '.join(OUTCOMES)}, or (one of those, a datetime.timedelta delay)"
        )
    return Decision(outcome, delay if outcome != "manual" else None)


# The moves of an outcome on the clock: (step, seconds after submission); each step at
# min(its own moment, the outcome's moment), so a short delay still passes through REVIEWING.
BEGIN_AFTER = 1.0
_FINAL_STEP = {"approve": "approve", "deny": "deny", "authenticate": "require_authentication"}


def run_policy(decision: Decision, state: RegionState, reg: Registration, at: float) -> None:
    """Auto review after a successful SubmitRegistrationVersion made at ``at``: at once (no
    delay), or scheduled on the clock: SUBMITTED, REVIEWING from one second after the
    submission, the outcome once the delay has passed."""
    outcome = decision.outcome
    if outcome == "manual":
        return
    version = reg.current
    aws_review = version.aws_review and model.knows_status(lc.AWS_REVIEWING)
    if decision.delay is None:
        review = Review(state, reg)
        if aws_review:
            review.aws_review()
        if outcome == "approve":
            review.approve()
        elif outcome == "deny":
            review.deny()
        else:
            review.begin().require_authentication()
        return
    final = at + decision.delay
    steps = [("aws_review", BEGIN_AFTER)] if aws_review else []
    steps.append(("begin", BEGIN_AFTER * (2 if aws_review else 1)))
    moves = [
        (min(at + after, final), name)
        for name, after in steps
        if at + after < final or outcome == "authenticate"
    ]
    moves.append((final, _FINAL_STEP[outcome]))
    for due, name in moves:
        schedule(state, Move(state.account_id, state.region, reg.id, version.number, due, name))


# The steps the clock takes (Move.step): those an outcome on the clock is made of.
CLOCK_STEPS = frozenset({"aws_review", "begin", *_FINAL_STEP.values()})


def schedule(state: RegionState, move: Move) -> None:
    """Put ``move`` on the clock: its step of the review at its moment, unless the version
    has moved on by then (the test drove it, discarded it, or deleted the registration).
    The one way a review step is scheduled: at submission, and again from exported state."""
    step = move.step
    if step not in CLOCK_STEPS:
        raise MockError(
            f"{step!r} is not a step the clock takes; it takes {', '.join(sorted(CLOCK_STEPS))}"
        )

    def run(moment: float) -> None:
        with state.lock:
            reg = state.registrations.get(move.registration)
            if reg is None or reg.closed or reg.current.number != move.version:
                return
            try:
                getattr(Review(state, reg, at=round(moment, 3)), step)()
            except InvalidTransition:  # the test moved it meanwhile: the clock leaves it
                return

    state.timers.at(move.due, run, move)


register_moves(CLOCK_STEPS, schedule)
