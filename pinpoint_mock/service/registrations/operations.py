"""CreateRegistration, CreateRegistrationVersion, SubmitRegistrationVersion,
DiscardRegistrationVersion and DeleteRegistration: preconditions, effects, results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import (
    MockError,
    ServiceError,
    conflict,
    quota_exceeded,
    validation_error,
)
from pinpoint_mock.engine.idempotency import fingerprint
from pinpoint_mock.engine.ids import new_id
from pinpoint_mock.engine.store import now
from pinpoint_mock.service.daily_quota import count_today
from pinpoint_mock.service.registrations import lifecycle as lc
from pinpoint_mock.service.registrations.associations import before_delete, before_submit
from pinpoint_mock.service.registrations.catalogue import builtin_types
from pinpoint_mock.service.registrations.lookup import find
from pinpoint_mock.service.registrations.records import (
    Registration,
    Version,
    registration_view,
    version_result,
)
from pinpoint_mock.service.registrations.submission import decide, follow
from pinpoint_mock.service.tags import new_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler

_DRAFT_STAMP = lc.history_key(lc.DRAFT)


def _refuse(reg: Registration, reason: str, why: str) -> ServiceError:
    return conflict(reason, f"Registration {reg.id} {why}.", "registration", reg.id)


def create_registration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state, options = ctx.state, ctx.service.options
    token = params.get("ClientToken")
    if token is not None and token in state.client_tokens:
        first_params, first_result = state.client_tokens[token]
        if fingerprint(first_params) != fingerprint(params):
            raise conflict(
                "RESOURCE_ALREADY_EXISTS",
                f"ClientToken {token} was already used with different parameters.",
                "registration",
                first_result["RegistrationId"],
            )
        return first_result
    kind = params["RegistrationType"]
    if kind not in builtin_types() and kind not in options.registration_types:
        raise validation_error(
            f"Registration type {kind} is not supported in {state.region}.",
            "UNKNOWN_REGISTRATION_TYPE",
            [{"Name": "registrationType", "Message": f"Unknown registration type {kind}."}],
        )
    tags = new_tags(ctx, params.get("Tags"))
    limit = options.quotas.get("REGISTRATIONS_PER_ACCOUNT")
    if limit is not None and len(state.registrations) >= limit:
        raise quota_exceeded("REGISTRATIONS_PER_ACCOUNT", limit)
    at = now()
    reg = Registration(
        id=new_id("registration"),
        type=kind,
        account_id=state.account_id,
        region=state.region,
        seq=state.next_seq(),
        created=at,
        versions=[Version(1, lc.DRAFT, {_DRAFT_STAMP: at})],
        tags=tags,
    )
    state.add(reg)
    ctx.service.store.index(reg.id, state)
    lc.announce(state, reg, reg.status, None, at)
    result = {
        "RegistrationArn": reg.arn,
        "RegistrationId": reg.id,
        "RegistrationType": reg.type,
        "RegistrationStatus": reg.status,
        "CurrentVersionNumber": 1,
        "CreatedTimestamp": reg.created,
    }
    if reg.tags:
        result["Tags"] = reg.tags
    if token is not None:
        # The params themselves (the call log holds them too): compared only when the token
        # comes again, so the first call pays nothing for idempotency.
        state.client_tokens[token] = (params, result)
    return result


_OPEN = frozenset({lc.DRAFT, *lc.UNDER_REVIEW})


def create_registration_version(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    reg = find(state, params["RegistrationId"])
    if reg.closed:
        raise _refuse(reg, "CREATE_REGISTRATION_VERSION_NOT_ALLOWED", "is CLOSED")
    current = reg.current
    if current.status in _OPEN:
        raise _refuse(
            reg,
            "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
            f"already has version {current.number} in status {current.status}",
        )
    at = now()
    reason = "REGISTRATION_VERSIONS_CREATED_PER_DAY"
    count_today(state.versions_created, at, ctx.service.options.quotas.get(reason), reason)
    version = Version(current.number + 1, lc.DRAFT, {lc.history_key(lc.DRAFT): at})
    reg.versions.append(version)
    lc.settle(state, reg, at)
    return version_result(reg, version)


def submit_registration_version(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    reg = find(ctx.state, params["RegistrationId"])
    current = reg.current
    if reg.closed:
        raise _refuse(reg, "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED", "is CLOSED")
    if current.status in lc.UNDER_REVIEW:
        raise _refuse(
            reg,
            "REGISTRATION_ALREADY_SUBMITTED",
            f"version {current.number} is already {current.status}",
        )
    if not lc.allows("submit", current.status):
        raise _refuse(
            reg,
            "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
            f"has no draft to submit: version {current.number} is {current.status}; "
            "create a new version first",
        )
    before_submit(ctx, reg)
    undo = (current.status, dict(current.history), current.aws_review)
    current.aws_review = bool(params.get("AwsReview", False))
    at = now()
    lc.enter(current, lc.SUBMITTED, at)
    try:
        plan = decide(ctx, reg, current)  # the pre-check, or the review policy asked
    except MockError:  # the test's review policy failed: no submit, nothing announced
        current.status, current.history, current.aws_review = undo
        raise
    lc.settle(ctx.state, reg, at)
    result = version_result(reg, current)
    if "AwsReview" in model.members("SubmitRegistrationVersionResult"):
        result["AwsReview"] = current.aws_review
    follow(ctx, reg, plan, at)  # after the result, which shows SUBMITTED
    return result


def discard_registration_version(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    reg = find(ctx.state, params["RegistrationId"])
    current = reg.current
    # The table's sources, except a lone first draft (delete the registration instead).
    discardable = lc.allows("discard", current.status) and not (
        current.status == lc.DRAFT and len(reg.versions) == 1
    )
    if reg.closed or not discardable:
        why = (
            "is CLOSED"
            if reg.closed
            else "has only its first draft; delete the registration instead"
            if current.status == lc.DRAFT
            else f"has no version to discard: version {current.number} is {current.status}"
        )
        raise _refuse(reg, "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED", why)
    at = now()
    lc.enter(current, lc.DISCARDED, at)
    lc.settle(ctx.state, reg, at)
    return version_result(reg, current)


_UNDELETABLE = frozenset({*lc.UNDER_REVIEW.values(), lc.PROVISIONING})


def delete_registration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    reg = find(state, params["RegistrationId"])
    if reg.status in _UNDELETABLE:
        raise _refuse(
            reg,
            "RESOURCE_DELETION_NOT_ALLOWED",
            f"cannot be deleted while {reg.status}",
        )
    before_delete(ctx, reg)
    state.remove(reg)
    ctx.service.store.unindex(reg.id)
    view = registration_view(reg, lc.DELETED)
    lc.settle(state, reg, now(), lc.DELETED)
    return view


HANDLERS: dict[str, Handler] = {
    "CreateRegistration": create_registration,
    "CreateRegistrationVersion": create_registration_version,
    "DeleteRegistration": delete_registration,
    "DiscardRegistrationVersion": discard_registration_version,
    "SubmitRegistrationVersion": submit_registration_version,
}
