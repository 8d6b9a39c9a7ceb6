"""The service's resource kinds, declared once as data, and what every kind shares.

A :class:`Kind` says how a resource is named (an ID with a prefix, or a name the caller
chooses), its ARN resource type (also the ``ResourceType`` of its errors), whether it takes
tags and deletion protection, and which quota counts it. Every kind lives in its region's
store in creation order (:meth:`pinpoint_mock.engine.store.RegionState.of`); :func:`find` turns an
ID, name or ARN into its record, :func:`add` files a new one (quota first), and
:func:`check_deletable` refuses what deletion protection guards. Families hold only what is
particular to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.errors import conflict, not_found, quota_exceeded, validation_error
from pinpoint_mock.engine.ids import new_id
from pinpoint_mock.engine.store import RegionState, now

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of resource of the service."""

    arn_type: str  # ARN resource type and error ResourceType, e.g. "pool"
    id_member: str  # the member naming it in inputs and outputs, e.g. "PoolId"
    id_prefix: str | None = None  # IDs are ``<prefix>-<32 hex>``; None: a caller-chosen name
    taggable: bool = True
    deletion_protection: bool = False
    shareable: bool = False  # can carry a resource policy (Put/Get/DeleteResourcePolicy)
    # the ServiceQuotaExceededException Reason counting it, once the mock enforces it (every
    # quota named here has a row in the errors table)
    quota: str | None = None

    def new_id(self) -> str:
        assert self.id_prefix is not None, f"{self.arn_type} IDs are chosen by the caller"
        return new_id(self.id_prefix)

    def names(self, value: str) -> bool:
        """Whether an ID or ARN names a record of this kind (by its form, found or not): an
        ARN of its type, or an ID with its prefix."""
        if value.startswith("arn:"):
            parsed = arns.parse(value)
            return parsed is not None and parsed.kind == self.arn_type
        return self.id_prefix is not None and value.startswith(self.id_prefix + "-")


# Every kind with an ARN (shared/reference sms-voice-service.md 1.1-1.3).
REGISTRATION = Kind(
    "registration", "RegistrationId", "registration", quota="REGISTRATIONS_PER_ACCOUNT"
)
REGISTRATION_ATTACHMENT = Kind(
    "registration-attachment",
    "RegistrationAttachmentId",
    "attachment",
    quota="REGISTRATION_ATTACHMENTS_PER_ACCOUNT",
)
PHONE_NUMBER = Kind(
    "phone-number",
    "PhoneNumberId",
    "phone",
    deletion_protection=True,
    shareable=True,
    quota="PHONE_NUMBERS_PER_ACCOUNT",
)
OPT_OUT_LIST = Kind(
    "opt-out-list", "OptOutListName", shareable=True, quota="OPT_OUT_LISTS_PER_ACCOUNT"
)
POOL = Kind(
    "pool",
    "PoolId",
    "pool",
    deletion_protection=True,
    shareable=True,
    quota="POOLS_PER_ACCOUNT",
)
SENDER_ID = Kind(
    "sender-id",
    "SenderId",
    deletion_protection=True,
    shareable=True,
    quota="SENDER_IDS_PER_ACCOUNT",
)
CONFIGURATION_SET = Kind(
    "configuration-set", "ConfigurationSetName", quota="CONFIGURATION_SETS_PER_ACCOUNT"
)
VERIFIED_DESTINATION_NUMBER = Kind(
    "verified-destination-number",
    "VerifiedDestinationNumberId",
    "vdn",
    quota="VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT",
)
PROTECT_CONFIGURATION = Kind(
    "protect-configuration",
    "ProtectConfigurationId",
    "protect",
    deletion_protection=True,
    quota="PROTECT_CONFIGURATIONS_PER_ACCOUNT",
)
RCS_AGENT = Kind(
    "rcs-agent",
    "RcsAgentId",
    "rcs",
    deletion_protection=True,
    quota="RCS_AGENTS_PER_ACCOUNT",
)
NOTIFY_CONFIGURATION = Kind(
    "notify-configuration",
    "NotifyConfigurationId",
    "notify",
    deletion_protection=True,
    quota="NOTIFY_CONFIGURATIONS_PER_ACCOUNT",
)

# Resource policies, one per shareable resource, keyed by that resource's ARN.
POLICY = Kind("policy", "ResourceArn", taggable=False)

KINDS: dict[str, Kind] = {
    kind.arn_type: kind
    for kind in (
        REGISTRATION,
        REGISTRATION_ATTACHMENT,
        PHONE_NUMBER,
        OPT_OUT_LIST,
        POOL,
        SENDER_ID,
        CONFIGURATION_SET,
        VERIFIED_DESTINATION_NUMBER,
        PROTECT_CONFIGURATION,
        RCS_AGENT,
        NOTIFY_CONFIGURATION,
    )
}


@dataclass(slots=True, eq=False)
class Resource:
    """What every record of a kind carries; a family's record adds its own fields."""

    id: str  # the ID, or the name for kinds named by the caller
    arn: str
    seq: int
    created: float
    tags: list[dict[str, str]] | None = None


def already_associated() -> str:
    """The ConflictException Reason for an association that exists already: newer models have
    ``RESOURCE_ALREADY_ASSOCIATED``; older ones only ``RESOURCE_ALREADY_EXISTS``."""
    reasons = model.enum("ConflictExceptionReason")
    return (
        "RESOURCE_ALREADY_ASSOCIATED"
        if "RESOURCE_ALREADY_ASSOCIATED" in reasons
        else ("RESOURCE_ALREADY_EXISTS")
    )


def stamp(state: RegionState, kind: Kind, resource_id: str | None = None) -> dict[str, Any]:
    """The common fields of a new record: ``Record(**stamp(state, KIND), ...)``."""
    rid = resource_id if resource_id is not None else kind.new_id()
    return {
        "id": rid,
        "arn": arns.build(state, kind.arn_type, rid),
        "seq": state.next_seq(),
        "created": now(),
    }


def check_quota(ctx: Context, kind: Kind, used: int | None = None) -> None:
    """Refuse one more ``kind`` past the quota the test set for it."""
    if kind.quota is None:
        return
    limit = ctx.service.options.quotas.get(kind.quota)
    if limit is None:
        return
    count = len(ctx.state.of(kind)) if used is None else used
    if count >= limit:
        raise quota_exceeded(kind.quota, limit)


def add(state: RegionState, kind: Kind, record: Any) -> Any:
    """File a new record of ``kind`` (its quota already checked) in creation order."""
    state.of(kind)[record.id] = record
    return record


def lookup(state: RegionState, kind: Kind, id_or_arn: str) -> Any | None:
    """The record ``id_or_arn`` names in ``state``, or None."""
    rid = arns.resource_id(id_or_arn, state, kind.arn_type)
    return state.of(kind).get(rid) if rid is not None else None


def find(state: RegionState, kind: Kind, id_or_arn: str) -> Any:
    """The record ``id_or_arn`` names in ``state``; ResourceNotFoundException otherwise."""
    found = lookup(state, kind, id_or_arn)
    if found is None:
        raise not_found(kind.arn_type, id_or_arn)
    return found


def at_arn(state: RegionState, arn: str) -> tuple[Kind, Any] | None:
    """The kind and record an sms-voice ARN names in ``state``, or None."""
    parsed = arns.parse(arn)
    if parsed is None or not arns.names_here(parsed, state):
        return None
    kind = KINDS.get(parsed.kind)
    if kind is None:
        return None
    record = state.of(kind).get(parsed.resource_id)
    return None if record is None else (kind, record)


def candidates(
    state: RegionState,
    kind: Kind,
    params: dict[str, Any],
    ids_member: str,
    named: Callable[[Any], Any],
) -> list[Any]:
    """What a Describe of ``kind`` lists before its filters and page: the records its
    ``ids_member`` names (each found with ``named``, so an unknown one is not found; once
    each, in creation order), or every record of the kind; none for ``Owner`` SHARED (nothing
    is shared with this account here). ``Owner`` beside IDs is refused, as AWS documents."""
    wanted = params.get(ids_member)
    owner = params.get("Owner")
    if owner and wanted:
        message = f"Owner and {ids_member} can't be used at the same time."
        field = ids_member[0].lower() + ids_member[1:]
        raise validation_error(
            message, "PARAMETERS_CANNOT_BE_USED_TOGETHER", [{"Name": field, "Message": message}]
        )
    if wanted:
        found = {record.id: record for record in (named(item) for item in wanted)}
        return sorted(found.values(), key=lambda record: record.seq)
    if owner == "SHARED":
        return []
    return list(state.of(kind).values())


def check_deletable(kind: Kind, record: Any) -> None:
    """ConflictException ``DELETION_PROTECTION_ENABLED`` while the record is protected."""
    if kind.deletion_protection and getattr(record, "deletion_protection", False):
        raise conflict(
            "DELETION_PROTECTION_ENABLED",
            f"The {kind.arn_type} {record.id} has deletion protection enabled; turn it off "
            "before deleting or releasing it.",
            kind.arn_type,
            record.id,
        )


def remove(state: RegionState, kind: Kind, record: Any) -> None:
    del state.of(kind)[record.id]
