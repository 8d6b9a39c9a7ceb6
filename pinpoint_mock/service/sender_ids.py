"""Sender IDs: RequestSenderId, DescribeSenderIds, UpdateSenderId, ReleaseSenderId, and the
sender ID a registration provisions when it is approved.

A sender ID is a string per country (ARN ``sender-id/<SenderId>/<IsoCountryCode>``). Where AWS
documents that a country carries no sender IDs (US, CA, CN here) RequestSenderId answers
``SENDER_ID_NOT_SUPPORTED``; where it takes them only through a registration (every country of
a ``<ISO2>_SENDER_ID_REGISTRATION`` type, and IN and SG) ``SENDER_ID_REQUIRES_REGISTRATION``.
A requested sender ID is not registered and costs nothing (``MonthlyLeasingPrice`` ``0.00``).

Approving a ``<ISO2>_SENDER_ID_REGISTRATION`` provisions its sender ID: once the approved
version is in force and provisioned (``approve()``, or ``complete()`` after
``approve(provisioning=True)``), the sender ID named by the version's ``...senderId`` field
appears in DescribeSenderIds, ``Registered`` and with the registration's ID. Releasing it
closes that registration. A version with no sender ID field value provisions nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.errors import conflict, not_found, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.listing import boolean, listing, with_token
from pinpoint_mock.engine.resources import (
    POOL,
    SENDER_ID,
    Resource,
    add,
    candidates,
    check_deletable,
    check_quota,
    remove,
    stamp,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import RegionState
from pinpoint_mock.service.registrations import catalogue, review
from pinpoint_mock.service.registrations.records import Registration
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable

KIND = SENDER_ID.arn_type
NOT_SUPPORTED = frozenset({"US", "CA", "CN"})
_REGISTRATION_SUFFIX = "_SENDER_ID_REGISTRATION"
BOTH_TYPES = ["TRANSACTIONAL", "PROMOTIONAL"]


@dataclass(slots=True, eq=False)
class SenderId(Resource):
    sender_id: str = ""
    iso_country_code: str = ""
    message_types: list[str] = field(default_factory=list)
    deletion_protection: bool = False
    registration_id: str | None = None


register_kind(SENDER_ID.arn_type, SenderId)  # kept by sms.export_state()


def key(sender_id: str, country: str) -> str:
    return f"{sender_id}/{country}"


def _requires_registration() -> frozenset[str]:
    types = catalogue.builtin_types()
    return frozenset(
        t.removesuffix(_REGISTRATION_SUFFIX) for t in types if t.endswith(_REGISTRATION_SUFFIX)
    ) | {"IN", "SG"}


def _full_view(entry: SenderId) -> dict[str, Any]:
    view: dict[str, Any] = {
        "SenderIdArn": entry.arn,
        "SenderId": entry.sender_id,
        "IsoCountryCode": entry.iso_country_code,
        "MessageTypes": list(entry.message_types),
        "MonthlyLeasingPrice": "0.00",
        "DeletionProtectionEnabled": entry.deletion_protection,
        "Registered": entry.registration_id is not None,
    }
    if entry.registration_id is not None:
        view["RegistrationId"] = entry.registration_id
    return view


def _view(entry: SenderId, shape_name: str) -> dict[str, Any]:
    members = model.members(shape_name)
    return {k: v for k, v in _full_view(entry).items() if k in members}


def find_sender_id(state: RegionState, sender_or_arn: str, country: str) -> SenderId:
    """The sender ID a (SenderId or its ARN, IsoCountryCode) pair names."""
    if sender_or_arn.startswith("arn:"):
        rid = arns.resource_id(sender_or_arn, state, KIND)
        found = state.of(SENDER_ID).get(rid) if rid is not None else None
    else:
        found = state.of(SENDER_ID).get(key(sender_or_arn, country))
    if found is None or found.iso_country_code != country:
        raise not_found(KIND, sender_or_arn)
    entry: SenderId = found
    return entry


def _invalid(reason: str, member: str, message: str) -> Exception:
    return validation_error(message, reason, [{"Name": member, "Message": message}])


def _new(state: RegionState, sender_id: str, country: str, **fields: Any) -> SenderId:
    entry = SenderId(
        **stamp(state, SENDER_ID, key(sender_id, country)),
        sender_id=sender_id,
        iso_country_code=country,
        **fields,
    )
    added: SenderId = add(state, SENDER_ID, entry)
    return added


@idempotent("RequestSenderId", KIND, "SenderId")
def request_sender_id(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    sender_id, country = params["SenderId"], params["IsoCountryCode"]
    if country in NOT_SUPPORTED:
        raise _invalid(
            "SENDER_ID_NOT_SUPPORTED",
            "isoCountryCode",
            f"Sender IDs are not supported in {country}.",
        )
    if country in _requires_registration():
        raise _invalid(
            "SENDER_ID_REQUIRES_REGISTRATION",
            "isoCountryCode",
            f"Sender IDs in {country} need a registration ({country}{_REGISTRATION_SUFFIX}); "
            "they are provisioned when it is approved.",
        )
    if key(sender_id, country) in state.of(SENDER_ID):
        raise conflict(
            "RESOURCE_ALREADY_EXISTS",
            f"Sender ID {sender_id} in {country} already exists in this account.",
            KIND,
            sender_id,
        )
    tags = new_tags(ctx, params.get("Tags"))
    check_quota(ctx, SENDER_ID)
    entry = _new(
        state,
        sender_id,
        country,
        message_types=list(dict.fromkeys(params.get("MessageTypes") or BOTH_TYPES)),
        deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
    )
    entry.tags = tags
    result = _view(entry, "RequestSenderIdResult")
    return with_tags(result, tags)


_FILTERS: FilterTable[SenderId] = {
    "sender-id": (None, lambda s: s.sender_id),
    "iso-country-code": (None, lambda s: s.iso_country_code),
    "message-type": ("MessageType", lambda s: s.message_types),
    "deletion-protection-enabled": boolean(lambda s: s.deletion_protection),
    "registered": boolean(lambda s: s.registration_id is not None),
}


def describe_sender_ids(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state

    def named(item: dict[str, str]) -> SenderId:
        return find_sender_id(state, item["SenderId"], item["IsoCountryCode"])

    chosen = candidates(state, SENDER_ID, params, "SenderIds", named)
    found, token = listing(ctx, params, chosen, lambda e: e.seq, _FILTERS)
    return with_token({"SenderIds": [_view(e, "SenderIdInformation") for e in found]}, token)


def update_sender_id(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find_sender_id(ctx.state, params["SenderId"], params["IsoCountryCode"])
    if "DeletionProtectionEnabled" in params:
        entry.deletion_protection = params["DeletionProtectionEnabled"]
    return _view(entry, "UpdateSenderIdResult")


def release_sender_id(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    entry = find_sender_id(state, params["SenderId"], params["IsoCountryCode"])
    check_deletable(SENDER_ID, entry)
    pools = [p.id for p in state.of(POOL).values() if entry.id in p.members]
    if pools:
        raise conflict(
            "SENDER_ID_ASSOCIATED_TO_POOL",
            f"Sender ID {entry.sender_id} is in pool(s) {', '.join(pools)}.",
            KIND,
            entry.sender_id,
        )
    result = _view(entry, "ReleaseSenderIdResult")
    remove(state, SENDER_ID, entry)
    reg = state.registrations.get(entry.registration_id or "")
    if reg is not None and not reg.closed:
        review.Review(state, reg).close()  # its origination identity is gone
    return result


def _named_sender(reg: Registration) -> str | None:
    version = reg.version(reg.approved) if reg.approved is not None else None
    for path, value in (version.values or {}).items() if version is not None else ():
        if path.lower().endswith("senderid") and value.text:
            text: str = value.text
            return text
    return None


def provision(state: RegionState, reg: Registration) -> None:
    """The sender ID an approved, provisioned sender-ID registration brings (once)."""
    if not reg.type.endswith(_REGISTRATION_SUFFIX) or reg.approved is None or reg.provisioning:
        return
    sender_id = _named_sender(reg)
    if sender_id is None:
        return
    country = reg.type.removesuffix(_REGISTRATION_SUFFIX)
    existing: SenderId | None = state.of(SENDER_ID).get(key(sender_id, country))
    if existing is None:
        existing = _new(state, sender_id, country, message_types=list(BOTH_TYPES))
    existing.registration_id = reg.id


review.ON_IN_FORCE.append(provision)

HANDLERS: dict[str, Handler] = {
    "RequestSenderId": request_sender_id,
    "DescribeSenderIds": describe_sender_ids,
    "UpdateSenderId": update_sender_id,
    "ReleaseSenderId": release_sender_id,
}
