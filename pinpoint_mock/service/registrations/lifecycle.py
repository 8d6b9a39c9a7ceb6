"""The lifecycle as data: one table of version transitions, and the rule that derives a
registration's status from its versions.

The operations, the review API and the generated docs (``docs/lifecycle.md``) all read
these; nothing else decides what may follow what.

A registration's status changes in one place, :func:`settle`, which announces each change to
EventBridge (``Registration Status Change``), whatever caused it: an operation, the review
API, a review policy or the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.service.registrations.records import Registration, Version

if TYPE_CHECKING:
    from pinpoint_mock.engine.store import RegionState

# Version statuses
DRAFT = "DRAFT"
SUBMITTED = "SUBMITTED"
AWS_REVIEWING = "AWS_REVIEWING"
REVIEWING = "REVIEWING"
REQUIRES_AUTHENTICATION = "REQUIRES_AUTHENTICATION"
REQUIRES_OFFLINE_REVIEW = "REQUIRES_OFFLINE_REVIEW"
APPROVED = "APPROVED"
DENIED = "DENIED"
DISCARDED = "DISCARDED"
REVOKED = "REVOKED"
ARCHIVED = "ARCHIVED"

# Registration statuses (besides the shared SUBMITTED, AWS_REVIEWING, REVIEWING,
# REQUIRES_AUTHENTICATION)
CREATED = "CREATED"
PROVISIONING = "PROVISIONING"
COMPLETE = "COMPLETE"
REQUIRES_UPDATES = "REQUIRES_UPDATES"
CLOSED = "CLOSED"
DELETED = "DELETED"

# A version in one of these is under review; the registration shows the status on the right.
UNDER_REVIEW: dict[str, str] = {
    SUBMITTED: SUBMITTED,
    AWS_REVIEWING: AWS_REVIEWING,
    REVIEWING: REVIEWING,
    REQUIRES_AUTHENTICATION: REQUIRES_AUTHENTICATION,
    REQUIRES_OFFLINE_REVIEW: REVIEWING,
}


@dataclass(frozen=True)
class Transition:
    event: str
    sources: frozenset[str]
    target: str
    by: str  # the operation that causes it, or "review" for AWS and the carriers


def _t(event: str, sources: set[str], target: str, by: str) -> Transition:
    return Transition(event, frozenset(sources), target, by)


_REVIEW_STATES = {REVIEWING, REQUIRES_AUTHENTICATION, REQUIRES_OFFLINE_REVIEW}

TRANSITIONS: tuple[Transition, ...] = (
    _t("submit", {DRAFT}, SUBMITTED, "SubmitRegistrationVersion"),
    _t("discard", {DRAFT, *UNDER_REVIEW}, DISCARDED, "DiscardRegistrationVersion"),
    _t("aws_review", {SUBMITTED}, AWS_REVIEWING, "review"),
    _t("begin", {SUBMITTED, AWS_REVIEWING, REQUIRES_OFFLINE_REVIEW}, REVIEWING, "review"),
    _t("require_authentication", {REVIEWING}, REQUIRES_AUTHENTICATION, "review"),
    _t("authenticate", {REQUIRES_AUTHENTICATION}, REVIEWING, "review"),
    _t("require_offline_review", {REVIEWING}, REQUIRES_OFFLINE_REVIEW, "review"),
    _t("approve", _REVIEW_STATES, APPROVED, "review"),
    _t("deny", _REVIEW_STATES, DENIED, "review"),
    _t("revoke", {APPROVED}, REVOKED, "review"),
    _t("archive", {APPROVED}, ARCHIVED, "review: a newer version is approved"),
)

# approve and deny from these statuses pass through REVIEWING first (stamping it).
PASS_THROUGH_REVIEWING = frozenset({SUBMITTED, AWS_REVIEWING})


def _available(transition: Transition) -> Transition | None:
    """The transition restricted to the statuses the installed botocore model knows."""
    known = set(model.enum("RegistrationVersionStatus"))
    if transition.target not in known:
        return None
    return Transition(
        transition.event, transition.sources & known, transition.target, transition.by
    )


def transitions() -> dict[str, Transition]:
    """The table as the installed model allows it, by event name."""
    table = {}
    for transition in TRANSITIONS:
        available = _available(transition)
        if available is not None:
            table[available.event] = available
    return table


_TABLE: dict[str, Transition] | None = None


def transition(event: str) -> Transition | None:
    global _TABLE
    if _TABLE is None:
        _TABLE = transitions()
    return _TABLE.get(event)


def allows(event: str, status: str) -> bool:
    """Whether the table has ``event`` leave ``status`` (as the installed model allows)."""
    found = transition(event)
    return found is not None and status in found.sources


def history_key(status: str) -> str:
    """``REQUIRES_AUTHENTICATION`` -> ``RequiresAuthenticationTimestamp``."""
    return "".join(word.capitalize() for word in status.split("_")) + "Timestamp"


def enter(version: Version, status: str, at: float) -> None:
    """Move a version to ``status``, stamping its history the first time it gets there
    (when the installed model has a timestamp for that status)."""
    version.status = status
    key = history_key(status)
    if key not in version.history and key in model.members("RegistrationVersionStatusHistory"):
        version.history[key] = at


def registration_status(reg: Registration) -> str:
    """The registration's status, derived from its versions and counters.

    While the current version is under review the registration follows it. Otherwise:
    PROVISIONING after an approval that provisions, COMPLETE while a version is in force,
    REQUIRES_UPDATES once any version was denied or revoked, else CREATED.
    """
    if reg.closed:
        return CLOSED
    following = UNDER_REVIEW.get(reg.current.status)
    if following is not None:
        return following
    if reg.provisioning:
        return PROVISIONING
    if reg.approved is not None:
        return COMPLETE
    if any(v.status in (DENIED, REVOKED) for v in reg.versions):
        return REQUIRES_UPDATES
    return CREATED


STATUS_CHANGE = "Registration Status Change"


def settle(
    state: RegionState,
    reg: Registration,
    at: float,
    status: str | None = None,
    version: Version | None = None,
) -> None:
    """Bring the registration's status to what its versions say (or to ``status``: DELETED),
    at ``at``; a change is announced to EventBridge, naming ``version`` (default: the
    current one) as the version that moved. The only place ``reg.status`` is set after
    creation, so no change goes unannounced."""
    current = status if status is not None else registration_status(reg)
    previous = reg.status
    if current == previous:
        return
    reg.status = current
    announce(state, reg, current, previous, at, version)


def announce(
    state: RegionState,
    reg: Registration,
    current: str,
    previous: str | None,
    at: float,
    version: Version | None = None,
) -> None:
    """A ``Registration Status Change`` event, kept compact until it is read."""
    state.eventbridge.record(
        status_change,
        reg.account_id,
        reg.region,
        at,
        reg.id,
        (version or reg.current).number,
        reg.type,
        current,
        previous,
    )


def status_change(
    account: str,
    region: str,
    at: float,
    registration_id: str,
    version_number: int,
    registration_type: str,
    current: str,
    previous: str | None,
) -> tuple[str, list[str], dict[str, Any]]:
    """The event as AWS documents it (the change timestamp in epoch milliseconds), with
    ``previousStatus`` as AWS's sample fixtures have it, absent at creation."""
    details: dict[str, Any] = {
        "registrationId": registration_id,
        "registrationVersionNumber": version_number,
        "registrationType": registration_type,
        "registrationStatusChangeTimestamp": round(at * 1000),
        "currentStatus": current,
    }
    if previous is not None:
        details["previousStatus"] = previous
    arn = arns.make(region, account, "registration", registration_id)
    return STATUS_CHANGE, [arn], {"registrationArn": arn, "registrationDetails": details}
