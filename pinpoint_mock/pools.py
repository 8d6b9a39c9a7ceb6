"""Pools: CreatePool, DescribePools, UpdatePool, DeletePool, AssociateOriginationIdentity,
DisassociateOriginationIdentity, ListPoolOriginationIdentities.

A pool starts with one origination identity and takes its configuration (message type,
opt-out list, two-way and self-managed opt-out settings; deletion protection is not
inherited) and is ACTIVE at once. Every number added later must match that configuration
(ConflictException ``OPT_OUT_LIST_MISMATCH``, ``SELF_MANAGED_OPT_OUTS_MISMATCH``,
``TWO_WAY_CONFIG_MISMATCH``, ``MESSAGE_TYPE_MISMATCH``); a number belongs to one pool at most
(``PHONE_NUMBER_ASSOCIATED_TO_POOL``). UpdatePool applies its settings to every member. The
last member cannot leave (``LAST_PHONE_NUMBER``). Deleting a pool frees its members. Sender IDs
join pools once sender IDs are modelled; today an identity that is not a phone number of the
account is not found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock import keywords, model, opt_out_lists
from pinpoint_mock.errors import conflict, quota_exceeded, validation_error
from pinpoint_mock.idempotency import idempotent
from pinpoint_mock.keywords import Keyword
from pinpoint_mock.listing import listing, with_token
from pinpoint_mock.phone_numbers import GOVERNED, PhoneNumber, check_two_way, find_phone_number
from pinpoint_mock.registrations.tags import new_tags
from pinpoint_mock.resources import (
    PHONE_NUMBER,
    POOL,
    Resource,
    add,
    check_deletable,
    check_quota,
    find,
    remove,
    stamp,
)
from pinpoint_mock.store import RegionState

if TYPE_CHECKING:
    from pinpoint_mock.dispatch import Context, Handler
    from pinpoint_mock.listing import FilterTable


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
    members: list[str] = field(default_factory=list)  # phone number IDs, in joining order
    keywords: dict[str, Keyword] = field(default_factory=dict)


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


def _identity(state: RegionState, id_or_arn: str) -> PhoneNumber:
    """The phone number an ``OriginationIdentity`` names (ID or ARN)."""
    return find_phone_number(state, id_or_arn)


def _check_free(phone: PhoneNumber, pool: Pool | None = None) -> None:
    if phone.pool_id is None:
        return
    if pool is not None and phone.pool_id == pool.id:
        raise conflict(
            "RESOURCE_ALREADY_ASSOCIATED",
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


def _check_matches(pool: Pool, phone: PhoneNumber) -> None:
    if phone.message_type != pool.message_type:
        raise conflict(
            "MESSAGE_TYPE_MISMATCH",
            f"Phone number {phone.id} has message type {phone.message_type}; pool {pool.id} "
            f"is {pool.message_type}.",
            PHONE_NUMBER.arn_type,
            phone.id,
        )
    for attribute, reason in _MISMATCH.items():
        mine, theirs = getattr(phone, attribute), getattr(pool, attribute)
        if mine != theirs:
            raise conflict(
                reason,
                f"Phone number {phone.id} has {attribute} {mine!r}; pool {pool.id} has "
                f"{theirs!r}. Every number in a pool shares the pool's configuration.",
                PHONE_NUMBER.arn_type,
                phone.id,
            )


def join(ctx: Context, pool: Pool, phone: PhoneNumber) -> None:
    """Put ``phone`` in ``pool`` (checked: free, matching, within the per-pool quota)."""
    _check_free(phone, pool)
    _check_matches(pool, phone)
    limit = ctx.service.options.quotas.get("ORIGINATION_IDENTITIES_PER_POOL")
    if limit is not None and len(pool.members) >= limit:
        raise quota_exceeded("ORIGINATION_IDENTITIES_PER_POOL", limit)
    pool.members.append(phone.id)
    phone.pool_id = pool.id


@idempotent("CreatePool", POOL.arn_type, "PoolId")
def create_pool(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    phone = _identity(state, params["OriginationIdentity"])
    message_type = params["MessageType"]
    tags = new_tags(ctx, params.get("Tags"))
    check_quota(ctx, POOL)
    _check_free(phone)
    if phone.message_type != message_type:
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
    add(state, POOL, pool)
    result = _view(pool, "CreatePoolResult")
    if tags:
        result["Tags"] = [dict(t) for t in tags]
    return result


_BOOLEAN: tuple[str, ...] = ("true", "false")


def _flag(value: bool) -> str:
    return "true" if value else "false"


_FILTERS: FilterTable[Pool] = {
    "status": ("PoolStatus", lambda p: "ACTIVE"),
    "message-type": ("MessageType", lambda p: p.message_type),
    "two-way-enabled": (_BOOLEAN, lambda p: _flag(p.two_way_enabled)),
    "self-managed-opt-outs-enabled": (_BOOLEAN, lambda p: _flag(p.self_managed_opt_outs)),
    "opt-out-list-name": (None, lambda p: p.opt_out_list_name),
    "shared-routes-enabled": (_BOOLEAN, lambda p: _flag(p.shared_routes)),
    "deletion-protection-enabled": (_BOOLEAN, lambda p: _flag(p.deletion_protection)),
    "two-way-channel-arn": (
        None,
        lambda p: (p.two_way_channel_arn,) if p.two_way_channel_arn else (),
    ),
}


def _check_owner_and_ids(params: dict[str, Any], ids_member: str) -> None:
    if params.get("Owner") and params.get(ids_member):
        message = f"Owner and {ids_member} can't be used at the same time."
        raise validation_error(
            message,
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            [{"Name": "owner", "Message": message}],
        )


def describe_pools(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    _check_owner_and_ids(params, "PoolIds")
    ids = params.get("PoolIds")
    candidates: list[Pool]
    if ids:
        chosen = {p.id: p for p in (find_pool(state, i) for i in ids)}
        candidates = sorted(chosen.values(), key=lambda p: p.seq)
    elif params.get("Owner") == "SHARED":
        candidates = []  # nothing is shared with this account here
    else:
        candidates = list(state.of(POOL).values())
    found, token = listing(ctx, params, candidates, lambda p: p.seq, _FILTERS)
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
    for phone_id in pool.members:  # the pool governs its members' settings
        phone = state.phone_numbers[phone_id]
        for attribute, _ in GOVERNED:
            setattr(phone, attribute, getattr(pool, attribute))
    return _view(pool, "UpdatePoolResult")


def delete_pool(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = find_pool(state, params["PoolId"])
    check_deletable(POOL, pool)
    for phone_id in pool.members:
        state.phone_numbers[phone_id].pool_id = None
    remove(state, POOL, pool)
    return _view(pool, "DeletePoolResult", "DELETING")


def _association(pool: Pool, phone: PhoneNumber) -> dict[str, Any]:
    return {
        "PoolArn": pool.arn,
        "PoolId": pool.id,
        "OriginationIdentityArn": phone.arn,
        "OriginationIdentity": phone.id,
        "IsoCountryCode": phone.iso_country_code,
    }


@idempotent("AssociateOriginationIdentity", POOL.arn_type, "PoolId")
def associate_origination_identity(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = find_pool(state, params["PoolId"])
    phone = _identity(state, params["OriginationIdentity"])
    join(ctx, pool, phone)
    return _association(pool, phone)


@idempotent("DisassociateOriginationIdentity", POOL.arn_type, "PoolId")
def disassociate_origination_identity(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = find_pool(state, params["PoolId"])
    phone = _identity(state, params["OriginationIdentity"])
    if phone.pool_id != pool.id:
        raise conflict(
            "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL",
            f"Phone number {phone.id} is not in pool {pool.id}.",
            PHONE_NUMBER.arn_type,
            phone.id,
        )
    if pool.members == [phone.id]:
        raise conflict(
            "LAST_PHONE_NUMBER",
            f"Phone number {phone.id} is the last origination identity of pool {pool.id}; "
            "a pool is never empty. Delete the pool instead.",
            POOL.arn_type,
            pool.id,
        )
    pool.members.remove(phone.id)
    phone.pool_id = None
    return _association(pool, phone)


_IDENTITY_FILTERS: FilterTable[PhoneNumber] = {
    "iso-country-code": (None, lambda p: p.iso_country_code),
    "number-capability": ("NumberCapability", lambda p: p.capabilities),
}


def list_pool_origination_identities(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = find_pool(state, params["PoolId"])
    members = [state.phone_numbers[i] for i in pool.members]
    found, token = listing(ctx, params, members, lambda p: p.seq, _IDENTITY_FILTERS)
    identities = [
        {
            "OriginationIdentityArn": p.arn,
            "OriginationIdentity": p.id,
            "IsoCountryCode": p.iso_country_code,
            "NumberCapabilities": list(p.capabilities),
            "PhoneNumber": p.number,
        }
        for p in found
    ]
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
