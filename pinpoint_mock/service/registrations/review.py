"""The review API: what AWS and the carriers do to a submitted version, one step a call.

``sms.review(registration_id).begin().require_authentication().authenticate().approve()``
Each step applies one transition of :mod:`lifecycle`'s table, stamps its timestamp and
returns the Review; a move the real service could not make raises InvalidTransition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import botocore

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import InvalidTransition, MockError
from pinpoint_mock.engine.store import RegionState, now
from pinpoint_mock.service.options import OUTCOMES, ReviewPolicy
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

    def __init__(self, state: RegionState, registration: Registration) -> None:
        self._state = state
        self._reg = registration

    def __repr__(self) -> str:
        return f"<Review {self._reg.id} {self._reg.status}>"

    @property
    def registration_id(self) -> str:
        return self._reg.id

    @property
    def status(self) -> str:
        """The registration's status now."""
        return self._reg.status

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
        with self._state.lock:
            reg = self._live()
            version = self._ready("approve", reg)
            if attributes:
                reg.additional_attributes = {**(reg.additional_attributes or {}), **attributes}
            at = now()
            if version.status in lc.PASS_THROUGH_REVIEWING:
                lc.enter(version, lc.REVIEWING, at)
            previous = reg.version(reg.approved) if reg.approved is not None else None
            if previous is not None:
                lc.enter(previous, lc.ARCHIVED, at)
            lc.enter(version, lc.APPROVED, at)
            reg.approved = version.number
            reg.provisioning = provisioning
            reg.status = lc.registration_status(reg)
            if not provisioning:
                _in_force(self._state, reg)
        return self

    def complete(self) -> Review:
        """PROVISIONING -> COMPLETE. While a newer version is under review the registration
        keeps following it; the provisioning of the version in force still ends, so it settles
        to COMPLETE, not PROVISIONING, when that review ends."""
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
            reg.status = lc.registration_status(reg)
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
        with self._state.lock:
            reg = self._live()
            version = self._ready("deny", reg)
            at = now()
            if through_reviewing and version.status in lc.PASS_THROUGH_REVIEWING:
                lc.enter(version, lc.REVIEWING, at)
            lc.enter(version, lc.DENIED, at)
            version.denied_reasons = denied
            version.feedback = feedback
            record_denials(version, per_field)
            reg.latest_denied = version.number
            reg.status = lc.registration_status(reg)
        return self

    def revoke(self) -> Review:
        """The version in force (ApprovedVersionNumber) -> REVOKED; the registration ->
        REQUIRES_UPDATES."""
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
            lc.enter(version, lc.REVOKED, now())
            reg.approved = None
            reg.provisioning = False
            reg.status = lc.registration_status(reg)
        return self

    def close(self) -> Review:
        """The registration -> CLOSED: its origination identity is gone, so the phone numbers
        still associated with it are released (they leave DescribePhoneNumbers and its
        associations) and the registration can then only be deleted."""
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
            reg.status = lc.registration_status(reg)
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
            lc.enter(version, transition.target, now())
            reg.status = lc.registration_status(reg)
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


def run_policy(policy: ReviewPolicy, state: RegionState, reg: Registration) -> None:
    """Auto review right after a successful SubmitRegistrationVersion."""
    version = reg.current
    if callable(policy):
        try:
            outcome = policy(RegistrationSnapshot.of(reg), VersionSnapshot.of(version))
        except Exception as error:  # the test's own code: its error, not a 500 from the mock
            raise MockError(
                f"the review policy raised {type(error).__name__}: {error} "
                f"(the submission of {reg.id} version {version.number} was undone)"
            ) from error
        if outcome not in OUTCOMES:
            raise MockError(
                f"the review policy returned {outcome!r}; it must return one of "
                f"{', '.join(OUTCOMES)}"
            )
    else:
        outcome = policy
    if outcome == "manual":
        return
    review = Review(state, reg)
    if version.aws_review and model.knows_status(lc.AWS_REVIEWING):
        review.aws_review()
    if outcome == "approve":
        review.approve()
    elif outcome == "deny":
        review.deny()
    else:
        review.begin().require_authentication()
