"""What happens right after SubmitRegistrationVersion: the automated pre-check, then review.

With ``check_fields=True`` the version is checked as the real service does within seconds of
a submit: a required field without a value (REQUIRED, or CONDITIONAL while its rule requires
it), a CONDITIONAL field with a value where its rule disallows it, or an attachment that was
deleted. Any of these denies the version at once, through ``review(...).deny(...)``, with one
reason per field, and the review policy does not run. The call itself succeeds and shows the
version SUBMITTED, as the real one does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pinpoint_mock.service.registrations.catalogue import ATTACHMENT, DISALLOWED, REQUIRED
from pinpoint_mock.service.registrations.records import Registration, Version
from pinpoint_mock.service.registrations.review import (
    Decision,
    decide_review,
    deny_at_pre_check,
    run_policy,
)

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context

MISSING = "Missing required field"
NOT_ALLOWED = "Conditional field not allowed"
ATTACHMENT_GONE = "Attachment not found"


def problems(
    ctx: Context, reg: Registration, version: Version
) -> tuple[list[dict[str, str]], dict[str, str]]:
    """(version-level denial reasons, per-field DeniedReason) for what the pre-check finds."""
    definition = ctx.service.options.catalogue.definition(reg.type)
    if definition is None:
        return [], {}
    values = {p: v.shown for p, v in (version.values or {}).items() if v.is_set}
    reasons: list[dict[str, str]] = []
    per_field: dict[str, str] = {}
    for field in definition.fields:
        behaviour = field.behaviour(values)
        held = field.path in values
        if behaviour == REQUIRED and not held:
            reasons.append(
                {
                    "Reason": MISSING,
                    "ShortDescription": f"{field.path} is required but has no value.",
                }
            )
        elif behaviour == DISALLOWED and held:
            reasons.append(
                {
                    "Reason": NOT_ALLOWED,
                    "ShortDescription": f"{field.path} must not be given with the values "
                    "chosen elsewhere in this registration.",
                }
            )
            per_field[field.path] = NOT_ALLOWED
        elif (
            field.type == ATTACHMENT and held and values[field.path][0] not in ctx.state.attachments
        ):
            reasons.append(
                {
                    "Reason": ATTACHMENT_GONE,
                    "ShortDescription": f"{field.path} refers to an attachment that was deleted.",
                }
            )
            per_field[field.path] = ATTACHMENT_GONE
    return reasons, per_field


@dataclass(frozen=True)
class Plan:
    """What follows a submit: the pre-check's denial, or the review policy's decision."""

    denial: tuple[list[dict[str, str]], dict[str, str]] | None
    decision: Decision | None


def decide(ctx: Context, reg: Registration, version: Version) -> Plan:
    """Right after a submit, before anything is announced: the pre-check (``check_fields``),
    else the review policy's decision. A MockError here (the test's policy failed) undoes the
    submit."""
    if ctx.service.options.check_fields:
        reasons, per_field = problems(ctx, reg, version)
        if reasons:
            return Plan((reasons, per_field), None)
    options = ctx.service.options
    return Plan(None, decide_review(options.review, options.review_after, reg, version))


def follow(ctx: Context, reg: Registration, plan: Plan, at: float) -> None:
    """Carry out the plan of a submit made at ``at``: deny at once, or run the policy (at
    once, or on the clock)."""
    if plan.denial is not None:
        reasons, per_field = plan.denial
        deny_at_pre_check(ctx.state, reg, reasons, per_field)
    elif plan.decision is not None:
        run_policy(plan.decision, ctx.state, reg, at)
