"""TagResource, UntagResource and ListTagsForResource on the ARNs of registrations,
registration attachments and phone numbers.

Tagging overwrites the value of a key already there. An ARN that is not an sms-voice ARN is
a ValidationException ``INVALID_ARN``; one of another account or region, of a kind this mock
does not hold, or of nothing is a ResourceNotFoundException.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.errors import not_found, quota_exceeded, validation_error
from pinpoint_mock.engine.resources import Resource, at_arn
from pinpoint_mock.engine.store import RegionState

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler


def check_unique_keys(tags: list[dict[str, str]]) -> None:
    """A tag key given twice in one request is a FIELD_VALIDATION_FAILED."""
    seen: set[str] = set()
    for i, tag in enumerate(tags, 1):
        if tag["Key"] in seen:
            message = f"Tag key '{tag['Key']}' appears more than once."
            raise validation_error(
                message,
                "FIELD_VALIDATION_FAILED",
                [{"Name": f"tags.{i}.member.key", "Message": message}],
            )
        seen.add(tag["Key"])


def _check_tag_quota(ctx: Context, count: int) -> None:
    limit = ctx.service.options.quotas.get("TAGS_PER_RESOURCE")
    if limit is not None and count > limit:
        raise quota_exceeded("TAGS_PER_RESOURCE", limit)


def new_tags(ctx: Context, tags: list[dict[str, str]] | None) -> list[dict[str, str]] | None:
    """The ``Tags`` of a create request, checked (unique keys, the TAGS_PER_RESOURCE quota)
    and copied for the new resource (None when there are none)."""
    if not tags:
        return None
    check_unique_keys(tags)
    _check_tag_quota(ctx, len(tags))
    return [{"Key": t["Key"], "Value": t["Value"]} for t in tags]


def with_tags(result: dict[str, Any], tags: list[dict[str, str]] | None) -> dict[str, Any]:
    """A create operation's result with the new resource's ``Tags`` (none: left out)."""
    if tags:
        result["Tags"] = [dict(t) for t in tags]
    return result


def _resource(state: RegionState, arn: str) -> Resource:
    parsed = arns.parse(arn)
    if parsed is None:
        message = f"{arn} is not an ARN of AWS End User Messaging SMS (arn:aws:sms-voice:...)."
        raise validation_error(
            message, "INVALID_ARN", [{"Name": "resourceArn", "Message": message}]
        )
    held = at_arn(state, arn)
    found = held[1] if held is not None and held[0].taggable else None
    if found is None:
        known = model.enum("ResourceType")
        raise not_found(parsed.kind if parsed.kind in known else "account", arn)
    resource: Resource = found
    return resource


def tag_resource(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    resource = _resource(ctx.state, params["ResourceArn"])
    tags = params["Tags"]
    check_unique_keys(tags)
    merged = {t["Key"]: t["Value"] for t in resource.tags or ()}
    merged.update((t["Key"], t["Value"]) for t in tags)
    _check_tag_quota(ctx, len(merged))
    resource.tags = [{"Key": k, "Value": v} for k, v in merged.items()]
    return {}


def untag_resource(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    resource = _resource(ctx.state, params["ResourceArn"])
    dropped = set(params["TagKeys"])
    kept = [t for t in resource.tags or () if t["Key"] not in dropped]
    resource.tags = kept or None
    return {}


def list_tags_for_resource(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    resource = _resource(ctx.state, params["ResourceArn"])
    return {
        "ResourceArn": params["ResourceArn"],
        "Tags": [dict(t) for t in resource.tags or ()],
    }


HANDLERS: dict[str, Handler] = {
    "TagResource": tag_resource,
    "UntagResource": untag_resource,
    "ListTagsForResource": list_tags_for_resource,
}
