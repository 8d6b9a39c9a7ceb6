"""Pools: CreatePool, DescribePools, UpdatePool, DeletePool, AssociateOriginationIdentity,
DisassociateOriginationIdentity, ListPoolOriginationIdentities.

A pool starts with one origination identity and takes its configuration (message type,
opt-out list, two-way and self-managed opt-out settings; deletion protection is not
inherited) and is ACTIVE at once. Every number added later must match that configuration
(ConflictException ``OPT_OUT_LIST_MISMATCH``, ``SELF_MANAGED_OPT_OUTS_MISMATCH``,
``TWO_WAY_CONFIG_MISMATCH``, ``MESSAGE_TYPE_MISMATCH``); a number belongs to one pool at most
(``PHONE_NUMBER_ASSOCIATED_TO_POOL``). UpdatePool applies its settings to every member. The
last member cannot leave (``LAST_PHONE_NUMBER``). Deleting a pool frees its members; a pool a
Notify configuration names cannot be deleted (``POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION``). A
sender ID (named with its ``IsoCountryCode``, or by ARN) may be in several pools; it must carry
the pool's message type, and a pool it starts has the ``Default`` opt-out list and no two-way
setting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.errors import conflict, quota_exceeded, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.listing import boolean, listing, with_token
from pinpoint_mock.engine.resources import (
    NOTIFY_CONFIGURATION,
    PHONE_NUMBER,
    POOL,
    RCS_AGENT,
    SENDER_ID,
    Resource,
    add,
    already_associated,
    candidates,
    check_deletable,
    check_quota,
    find,
    remove,
    stamp,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import RegionState
from pinpoint_mock.service import keywords, opt_out_lists
from pinpoint_mock.service.keywords import Keyword
from pinpoint_mock.service.phone_numbers import (
    GOVERNED,
    SETTING_FILTERS,
    PhoneNumber,
    check_two_way,
    find_phone_number,
)
from pinpoint_mock.service.rcs_agents import RcsAgent, check_joinable, find_agent
from pinpoint_mock.service.sender_ids import SenderId, find_sender_id
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable


@dataclass(slots=True, eq=False)
class Pool(Resource):
    message_type: str = "TRANSACTIONAL"
    opt_out_list_name: str = opt_out_lists.DEFAULT
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    self_managed_opt_outs: bool = False
    shared_routes: bool = False
    deletion_protection: bool = False
    # phone number IDs and sender-ID keys (``SENDER/CC``), in joining order
    members: list[str] = field(default_factory=list)
    keywords: dict[str, Keyword] = field(default_factory=dict)


register_kind(POOL.arn_type, Pool)  # kept by sms.export_state()


_MISMATCH = {
    "opt_out_list_name": "OPT_OUT_LIST_MISMATCH",
    "self_managed_opt_outs": "SELF_MANAGED_OPT_OUTS_MISMATCH",
    "two_way_enabled": "TWO_WAY_CONFIG_MISMATCH",
    "two_way_channel_arn": "TWO_WAY_CONFIG_MISMATCH",
}


def _full_view(pool: Pool, status: str = "ACTIVE") -> dict[str, Any]:
    view: dict[str, Any] = {
        "PoolArn": pool.arn,
        "PoolId": pool.id,
        "Status": status,
        "MessageType": pool.message_type,
        "TwoWayEnabled": pool.two_way_enabled,
        "SelfManagedOptOutsEnabled": pool.self_managed_opt_outs,
        "OptOutListName": pool.opt_out_list_name,
        "SharedRoutesEnabled": pool.shared_routes,
        "DeletionProtectionEnabled": pool.deletion_protection,
        "CreatedTimestamp": pool.created,
    }
    if pool.two_way_channel_arn is not None:
        view["TwoWayChannelArn"] = pool.two_way_channel_arn
    if pool.two_way_channel_role is not None:
        view["TwoWayChannelRole"] = pool.two_way_channel_role
    return view


def _view(pool: Pool, shape_name: str, status: str = "ACTIVE") -> dict[str, Any]:
    members = model.members(shape_name)
    return {k: v for k, v in _full_view(pool, status).items() if k in members}


def find_pool(state: RegionState, id_or_arn: str) -> Pool:
    pool: Pool = find(state, POOL, id_or_arn)
    return pool


Identity = PhoneNumber | SenderId | RcsAgent


def _identity(state: RegionState, value: str, country: str | None) -> Identity:
    """The phone number (ID or ARN), sender ID (with ``IsoCountryCode``, or its ARN) or RCS
    agent (ID or ARN) an ``OriginationIdentity`` names."""
    if RCS_AGENT.names(value):
        return find_agent(state, value)
    parsed = arns.parse(value) if value.startswith("arn:") else None
    if parsed is not None and parsed.kind == SENDER_ID.arn_type:
        arn_country = parsed.resource_id.partition("/")[2]
        return find_sender_id(state, value, arn_country or country or "")
    if parsed is not None or value.startswith("phone-"):
        return find_phone_number(state, value)
    if country is None:
        message = "A sender ID names its country: give IsoCountryCode with it."
        raise validation_error(
            message, "MISSING_PARAMETER", [{"Name": "isoCountryCode", "Message": message}]
        )
    return find_sender_id(state, value, country)


def _members(state: RegionState, pool: Pool) -> list[Identity]:
    found: list[Identity] = []
    for key in pool.members:
        found.append(_governed(state, key) or state.of(SENDER_ID)[key])
    return found


def _governed(state: RegionState, key: str) -> PhoneNumber | RcsAgent | None:
    """The member ``key`` names if the pool governs its settings (a number or an agent)."""
    phone = state.phone_numbers.get(key)
    return phone if phone is not None else state.of(RCS_AGENT).get(key)


def _check_sender(pool: Pool | None, sender: SenderId, message_type: str) -> None:
    if pool is not None and sender.id in pool.members:
        raise conflict(
            already_associated(),
            f"Sender ID {sender.sender_id} in {sender.iso_country_code} is already in pool "
            f"{pool.id}.",
            SENDER_ID.arn_type,
            sender.sender_id,
        )
    if sender.message_types and message_type not in sender.message_types:
        raise conflict(
            "MESSAGE_TYPE_MISMATCH",
            f"Sender ID {sender.sender_id} carries {', '.join(sender.message_types)}, not "
            f"{message_type}.",
            SENDER_ID.arn_type,
            sender.sender_id,
        )


def _check_free(phone: PhoneNumber, pool: Pool | None = None) -> None:
    if phone.pool_id is None:
        return
    if pool is not None and phone.pool_id == pool.id:
        raise conflict(
            already_associated(),
            f"Phone number {phone.id} is already in pool {pool.id}.",
            PHONE_NUMBER.arn_type,
            phone.id,
        )
    raise conflict(
        "PHONE_NUMBER_ASSOCIATED_TO_POOL",
        f"Phone number {phone.id} is already in pool {phone.pool_id}; a number is in one pool "
        "at most. Disassociate it first.",
        PHONE_NUMBER.arn_type,
        phone.id,
    )


def _check_matches(pool: Pool, phone: PhoneNumber | RcsAgent) -> None:
    if isinstance(phone, PhoneNumber) and phone.message_type != pool.message_type:
        raise conflict(
            "MESSAGE_TYPE_MISMATCH",
            f"Phone number {phone.id} has message type {phone.message_type}; pool {pool.id} "
            f"is {pool.message_type}.",
            PHONE_NUMBER.arn_type,
            phone.id,
        )
    for attribute, reason in _MISMATCH.items():
        if attribute == "two_way_channel_arn" and not pool.two_way_enabled:
            continue  # two-way is off on both: where it would go does not matter
        mine, theirs = getattr(phone, attribute), getattr(pool, attribute)
        if mine != theirs:
            raise conflict(
                reason,
                f"{_kind_of(phone)} {phone.id} has {attribute} {mine!r}; pool {pool.id} has "
                f"{theirs!r}. Every number in a pool shares the pool's configuration.",
                _kind_of(phone),
                phone.id,
            )


def join(ctx: Context, pool: Pool, member: Identity) -> None:
    """Put a number (free, matching the pool) or a sender ID (of the pool's message type; it
    may be in other pools too) in ``pool``, within the per-pool quota."""
    if isinstance(member, SenderId):
        _check_sender(pool, member, pool.message_type)
    elif isinstance(member, RcsAgent):
        check_joinable(pool, member)
        _check_matches(pool, member)
    else:
        _check_free(member, pool)
        _check_matches(pool, member)
    limit = ctx.service.options.quotas.get("ORIGINATION_IDENTITIES_PER_POOL")
    if limit is not None and len(pool.members) >= limit:
        raise quota_exceeded("ORIGINATION_IDENTITIES_PER_POOL", limit)
    pool.members.append(member.id)
    if not isinstance(member, SenderId):
        member.pool_id = pool.id


@idempotent("CreatePool", POOL.arn_type, "PoolId")
def create_pool(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    first = _identity(state, params["OriginationIdentity"], params.get("IsoCountryCode"))
    message_type = params["MessageType"]
    tags = new_tags(ctx, params.get("Tags"))
    check_quota(ctx, POOL)
    if isinstance(first, SenderId):
        _check_sender(None, first, message_type)
        pool = Pool(
            **stamp(state, POOL),
            tags=tags,
            message_type=message_type,
            deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
            keywords=keywords.defaults(),
        )
        pool.members.append(first.id)
        return _created(state, pool, tags)
    if isinstance(first, RcsAgent):
        check_joinable(None, first)
    phone = first
    if isinstance(phone, PhoneNumber):
        _check_free(phone)
    if isinstance(phone, PhoneNumber) and phone.message_type != message_type:
        raise conflict(
            "MESSAGE_TYPE_MISMATCH",
            f"Phone number {phone.id} has message type {phone.message_type}, not {message_type}; "
            "a pool takes the message type of its first number.",
            PHONE_NUMBER.arn_type,
            phone.id,
        )
    pool = Pool(
        **stamp(state, POOL),
        tags=tags,
        message_type=message_type,
        opt_out_list_name=phone.opt_out_list_name,
        two_way_enabled=phone.two_way_enabled,
        two_way_channel_arn=phone.two_way_channel_arn,
        two_way_channel_role=phone.two_way_channel_role,
        self_managed_opt_outs=phone.self_managed_opt_outs,
        deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
        keywords=keywords.copy(phone.keywords),  # the pool inherits its first number's
    )
    pool.members.append(phone.id)
    phone.pool_id = pool.id
    return _created(state, pool, tags)


def _created(state: RegionState, pool: Pool, tags: list[dict[str, str]] | None) -> dict[str, Any]:
    add(state, POOL, pool)
    result = _view(pool, "CreatePoolResult")
    return with_tags(result, tags)


_FILTERS: FilterTable[Pool] = {
    "status": ("PoolStatus", lambda p: "ACTIVE"),
    "message-type": ("MessageType", lambda p: p.message_type),
    "shared-routes-enabled": boolean(lambda p: p.shared_routes),
    **SETTING_FILTERS,
}


def describe_pools(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    chosen = candidates(state, POOL, params, "PoolIds", lambda i: find_pool(state, i))
    found, token = listing(ctx, params, chosen, lambda p: p.seq, _FILTERS)
    return with_token({"Pools": [_view(p, "PoolInformation") for p in found]}, token)


def update_pool(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = find_pool(state, params["PoolId"])
    if "OptOutListName" in params:
        params = {
            **params,
            "OptOutListName": opt_out_lists.find(state, params["OptOutListName"]).name,
        }
    check_two_way(pool, params)
    for attribute, member in GOVERNED:
        if member in params:
            setattr(pool, attribute, params[member])
    if "SharedRoutesEnabled" in params:
        pool.shared_routes = params["SharedRoutesEnabled"]
    if "DeletionProtectionEnabled" in params:
        pool.deletion_protection = params["DeletionProtectionEnabled"]
    for key in pool.members:  # the pool governs its numbers' and agents' settings
        governed = _governed(state, key)
        for attribute, _ in GOVERNED if governed is not None else ():
            setattr(governed, attribute, getattr(pool, attribute))
    return _view(pool, "UpdatePoolResult")


def delete_pool(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = find_pool(state, params["PoolId"])
    check_deletable(POOL, pool)
    for notify in state.of(NOTIFY_CONFIGURATION).values():
        if notify.pool_id == pool.id:
            raise conflict(
                "POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION",
                f"Pool {pool.id} is the pool of Notify configuration {notify.id}; unset it "
                "there first (UpdateNotifyConfiguration PoolId UNSET_DEFAULT_POOL_FOR_NOTIFY).",
                POOL.arn_type,
                pool.id,
            )
    for key in pool.members:
        governed = _governed(state, key)
        if governed is not None:
            governed.pool_id = None
    remove(state, POOL, pool)
    return _view(pool, "DeletePoolResult", "DELETING")


def _shown_id(member: Identity) -> str:
    return member.sender_id if isinstance(member, SenderId) else member.id


def _association(pool: Pool, member: Identity) -> dict[str, Any]:
    shown = {
        "PoolArn": pool.arn,
        "PoolId": pool.id,
        "OriginationIdentityArn": member.arn,
        "OriginationIdentity": _shown_id(member),
        "IsoCountryCode": member.iso_country_code,
    }
    return {k: v for k, v in shown.items() if v is not None}  # an agent has no country


@idempotent("AssociateOriginationIdentity", POOL.arn_type, "PoolId")
def associate_origination_identity(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = find_pool(state, params["PoolId"])
    member = _identity(state, params["OriginationIdentity"], params.get("IsoCountryCode"))
    join(ctx, pool, member)
    return _association(pool, member)


@idempotent("DisassociateOriginationIdentity", POOL.arn_type, "PoolId")
def disassociate_origination_identity(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = find_pool(state, params["PoolId"])
    member = _identity(state, params["OriginationIdentity"], params.get("IsoCountryCode"))
    if member.id not in pool.members:
        raise conflict(
            "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL",
            f"{_shown_id(member)} is not in pool {pool.id}.",
            _kind_of(member),
            _shown_id(member),
        )
    if pool.members == [member.id]:
        raise conflict(
            "LAST_PHONE_NUMBER",
            f"{_shown_id(member)} is the last origination identity of pool {pool.id}; "
            "a pool is never empty. Delete the pool instead.",
            POOL.arn_type,
            pool.id,
        )
    pool.members.remove(member.id)
    if not isinstance(member, SenderId):
        member.pool_id = None
    return _association(pool, member)


def _kind_of(member: Identity) -> str:
    if isinstance(member, PhoneNumber):
        return PHONE_NUMBER.arn_type
    return SENDER_ID.arn_type if isinstance(member, SenderId) else RCS_AGENT.arn_type


_SENDER_CAPABILITIES = ("SMS",)
_IDENTITY_FILTERS: FilterTable[tuple[int, Identity]] = {
    "iso-country-code": (None, lambda m: m[1].iso_country_code or ()),
    "number-capability": ("NumberCapability", lambda m: _capabilities(m[1])),
}


def _capabilities(member: Identity) -> list[str]:
    return list(_SENDER_CAPABILITIES if isinstance(member, SenderId) else member.capabilities)


def _metadata(member: Identity) -> dict[str, Any]:
    shown = {
        "OriginationIdentityArn": member.arn,
        "OriginationIdentity": _shown_id(member),
        "IsoCountryCode": member.iso_country_code,
        "NumberCapabilities": _capabilities(member),
    }
    if shown["IsoCountryCode"] is None:  # an RCS agent is not country-specific
        del shown["IsoCountryCode"]
    if isinstance(member, PhoneNumber):
        shown["PhoneNumber"] = member.number
    return shown


def list_pool_origination_identities(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = find_pool(state, params["PoolId"])
    members = list(enumerate(_members(state, pool), 1))
    found, token = listing(ctx, params, members, lambda m: m[0], _IDENTITY_FILTERS)
    identities = [_metadata(member) for _, member in found]
    result = {"PoolArn": pool.arn, "PoolId": pool.id, "OriginationIdentities": identities}
    return with_token(result, token)


HANDLERS: dict[str, Handler] = {
    "CreatePool": create_pool,
    "DescribePools": describe_pools,
    "UpdatePool": update_pool,
    "DeletePool": delete_pool,
    "AssociateOriginationIdentity": associate_origination_identity,
    "DisassociateOriginationIdentity": disassociate_origination_identity,
    "ListPoolOriginationIdentities": list_pool_origination_identities,
}
