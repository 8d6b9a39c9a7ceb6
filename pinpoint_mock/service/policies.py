"""Resource policies: PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy.

A policy shares a phone number, pool, opt-out list or sender ID with other accounts; AWS
allows no other kind (an ARN of another kind is a ValidationException ``INVALID_ARN``, our
decision where AWS is silent). The text must be JSON (``INVALID_PARAMETER`` otherwise); a
single-account mock checks nothing else in it. Getting or deleting a policy that is not there
is a ResourceNotFoundException of ``ResourceType`` ``policy``. Putting one again replaces it
and keeps its first ``CreatedTimestamp``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.errors import not_found, validation_error
from pinpoint_mock.engine.resources import KINDS, POLICY, at_arn
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import RegionState, now

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler


@dataclass(slots=True, eq=False)
class Policy:
    id: str  # the ARN of the resource it belongs to
    text: str
    created: float

    def view(self) -> dict[str, Any]:
        return {"ResourceArn": self.id, "Policy": self.text, "CreatedTimestamp": self.created}


register_kind(POLICY.arn_type, Policy)  # kept by sms.export_state()


def _invalid(reason: str, member: str, message: str) -> Exception:
    return validation_error(message, reason, [{"Name": member, "Message": message}])


def _shared(state: RegionState, arn: str) -> str:
    """The ARN of the shareable resource ``arn`` names, checked."""
    parsed = arns.parse(arn)
    shareable = [k.arn_type for k in KINDS.values() if k.shareable]
    if parsed is None or parsed.kind not in shareable:
        raise _invalid(
            "INVALID_ARN",
            "resourceArn",
            f"{arn} is not the ARN of a resource that can carry a policy ("
            + ", ".join(shareable)
            + ").",
        )
    if at_arn(state, arn) is None:
        known = model.enum("ResourceType")
        raise not_found(parsed.kind if parsed.kind in known else "account", arn)
    return arn


def put_resource_policy(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    arn = _shared(ctx.state, params["ResourceArn"])
    text = params["Policy"]
    try:
        json.loads(text)
    except ValueError:
        raise _invalid("INVALID_PARAMETER", "policy", "Policy is not a JSON document.") from None
    policies = ctx.state.of(POLICY)
    existing: Policy | None = policies.get(arn)
    if existing is None:
        existing = policies[arn] = Policy(arn, text, now())
    existing.text = text
    return existing.view()


def _existing(ctx: Context, params: dict[str, Any]) -> Policy:
    arn = _shared(ctx.state, params["ResourceArn"])
    found: Policy | None = ctx.state.of(POLICY).get(arn)
    if found is None:
        raise not_found("policy", arn)
    return found


def get_resource_policy(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    return _existing(ctx, params).view()


def delete_resource_policy(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    found = _existing(ctx, params)
    del ctx.state.of(POLICY)[found.id]
    return found.view()


HANDLERS: dict[str, Handler] = {
    "PutResourcePolicy": put_resource_policy,
    "GetResourcePolicy": get_resource_policy,
    "DeleteResourcePolicy": delete_resource_policy,
}
