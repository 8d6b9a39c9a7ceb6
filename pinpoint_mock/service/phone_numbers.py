"""RequestPhoneNumber, DescribePhoneNumbers and ReleasePhoneNumber, modelled just enough to
associate numbers with registrations. ``NumberPreference`` (US 10DLC) picks among the numbers
on offer as ListAvailablePhoneNumbers matches them (:mod:`.number_preference`).

Numbers come from ranges reserved for fiction, never a subscriber's: in the US and Canada the
NANP lines 555-0100..0199 (toll-free numbers use the same lines under toll-free area codes,
by analogy), in the UK Ofcom's drama range +44 7700 900000..900999. Other countries are not
offered. A US toll-free or 10DLC number is PENDING until a registration it is associated with
has a version in force (approved, not still PROVISIONING, not CLOSED), as carriers will not
carry its traffic before; then it is ACTIVE. Other numbers are ACTIVE at once. A number has the
opt-out list it was requested with (``Default`` unless named; see :mod:`opt_out_lists`), no
two-way channel and no pool. Leasing prices are made-up constants.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model, resources
from pinpoint_mock.engine.errors import conflict, quota_exceeded, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.ids import new_id
from pinpoint_mock.engine.listing import boolean, listing, with_token
from pinpoint_mock.engine.resources import PHONE_NUMBER, POOL, candidates, check_deletable
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import RegionState, now
from pinpoint_mock.service import opt_out_lists
from pinpoint_mock.service.keywords import Keyword
from pinpoint_mock.service.keywords import defaults as keyword_defaults
from pinpoint_mock.service.number_preference import OFFERED, kept
from pinpoint_mock.service.registrations.associations import associate, on_release
from pinpoint_mock.service.registrations.lookup import find
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable

KIND = PHONE_NUMBER.arn_type
_OPERATION = "RequestPhoneNumber"

_NANP_LOCAL = {
    "US": ("201", "202", "206", "212", "305", "312", "415", "503", "617", "702"),
    "CA": ("204", "416", "514", "604", "613"),
}
_NANP_TOLL_FREE = ("833", "844", "855", "866", "877", "888")
# (country, number type) -> the numbers it can hand out, in order
_RANGES: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", "TOLL_FREE"): _NANP_TOLL_FREE,
    ("US", "TEN_DLC"): _NANP_LOCAL["US"],
    ("US", "LONG_CODE"): _NANP_LOCAL["US"],
    ("US", "SIMULATOR"): _NANP_LOCAL["US"],
    ("CA", "TOLL_FREE"): _NANP_TOLL_FREE,
    ("CA", "LONG_CODE"): _NANP_LOCAL["CA"],
    ("GB", "LONG_CODE"): (),
}
_PRICES = {"TOLL_FREE": "2.00", "TEN_DLC": "2.00", "LONG_CODE": "1.00", "SIMULATOR": "0.00"}


def _numbers(country: str, number_type: str) -> Iterator[str]:
    if country == "GB":
        for line in range(1000):
            yield f"+447700900{line:03d}"
        return
    for area in _RANGES[(country, number_type)]:
        for line in range(100, 200):
            yield f"+1{area}5550{line}"


def offered(country: str, number_type: str) -> list[str]:
    """Every number this mock hands out for (country, number type), in order (none if it
    offers none there)."""
    return list(_numbers(country, number_type)) if (country, number_type) in _RANGES else []


@dataclass(slots=True, eq=False)
class PhoneNumber:
    id: str
    arn: str
    number: str
    seq: int
    created: float
    iso_country_code: str
    message_type: str
    capabilities: list[str]
    number_type: str
    opt_out_list_name: str = opt_out_lists.DEFAULT
    international_sending: bool = False
    deletion_protection: bool = False
    registration_id: str | None = None
    tags: list[dict[str, str]] | None = None
    pool_id: str | None = None
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    self_managed_opt_outs: bool = False
    keywords: dict[str, Keyword] = field(default_factory=keyword_defaults)


register_kind(PHONE_NUMBER.arn_type, PhoneNumber)  # kept by sms.export_state()


# Numbers carriers only carry once a registration of theirs is approved.
_NEED_REGISTRATION = frozenset({("US", "TOLL_FREE"), ("US", "TEN_DLC")})


def number_status(state: RegionState, phone: PhoneNumber) -> str:
    """PENDING or ACTIVE: see the module's docstring."""
    if (phone.iso_country_code, phone.number_type) not in _NEED_REGISTRATION:
        return "ACTIVE"
    reg = state.registrations.get(phone.registration_id or "")
    if reg is None or reg.approved is None or reg.provisioning or reg.closed:
        return "PENDING"
    return "ACTIVE"


def _full_view(phone: PhoneNumber, status: str) -> dict[str, Any]:
    view: dict[str, Any] = {
        "PhoneNumberArn": phone.arn,
        "PhoneNumberId": phone.id,
        "PhoneNumber": phone.number,
        "Status": status,
        "IsoCountryCode": phone.iso_country_code,
        "MessageType": phone.message_type,
        "NumberCapabilities": list(phone.capabilities),
        "NumberType": phone.number_type,
        "MonthlyLeasingPrice": _PRICES.get(phone.number_type, "1.00"),
        "TwoWayEnabled": phone.two_way_enabled,
        "SelfManagedOptOutsEnabled": phone.self_managed_opt_outs,
        "OptOutListName": phone.opt_out_list_name,
        "InternationalSendingEnabled": phone.international_sending,
        "DeletionProtectionEnabled": phone.deletion_protection,
        "CreatedTimestamp": phone.created,
    }
    if phone.registration_id is not None:
        view["RegistrationId"] = phone.registration_id
    if phone.pool_id is not None:
        view["PoolId"] = phone.pool_id
    if phone.two_way_channel_arn is not None:
        view["TwoWayChannelArn"] = phone.two_way_channel_arn
    if phone.two_way_channel_role is not None:
        view["TwoWayChannelRole"] = phone.two_way_channel_role
    return view


def phone_view(phone: PhoneNumber, shape_name: str, status: str) -> dict[str, Any]:
    """The number as ``shape_name`` (an output shape) can carry it."""
    members = model.members(shape_name)
    return {k: v for k, v in _full_view(phone, status).items() if k in members}


def _invalid(member: str, message: str) -> Exception:
    return validation_error(message, "INVALID_PARAMETER", [{"Name": member, "Message": message}])


def _allocate(
    state: RegionState, country: str, number_type: str, preferences: list[dict[str, Any]]
) -> str:
    if (country, number_type) not in _RANGES:
        offered = ", ".join(f"{t} in {c}" for c, t in _RANGES)
        raise _invalid(
            "numberType",
            f"No {number_type} numbers are available in {country}. pinpoint-mock hands out "
            f"numbers from fictional ranges only: {offered}.",
        )
    if preferences and (country, number_type) not in OFFERED:
        raise _invalid(
            "numberPreference",
            f"NumberPreference applies only to TEN_DLC numbers in the US, not to {number_type} "
            f"numbers in {country}.",
        )
    used = {p.number for p in state.phone_numbers.values()}
    for number in _numbers(country, number_type):
        if number not in used and kept(number, preferences):
            return number
    if preferences:
        raise _invalid(
            "numberPreference",
            f"No available {number_type} number in {country} matches NumberPreference; "
            "ListAvailablePhoneNumbers lists the numbers on offer.",
        )
    raise quota_exceeded("PHONE_NUMBERS_PER_ACCOUNT", len(used))


@idempotent(_OPERATION, KIND, "PhoneNumberId")
def request_phone_number(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    pool = resources.find(state, POOL, params["PoolId"]) if params.get("PoolId") else None
    opt_out = opt_out_lists.find(state, params.get("OptOutListName", opt_out_lists.DEFAULT))
    reg = find(state, params["RegistrationId"]) if params.get("RegistrationId") else None
    tags = new_tags(ctx, params.get("Tags"))
    limit = ctx.service.options.quotas.get("PHONE_NUMBERS_PER_ACCOUNT")
    if limit is not None and len(state.phone_numbers) >= limit:
        raise quota_exceeded("PHONE_NUMBERS_PER_ACCOUNT", limit)
    country, number_type = params["IsoCountryCode"], params["NumberType"]
    phone_id = new_id("phone")
    phone = PhoneNumber(
        id=phone_id,
        arn=arns.build(state, KIND, phone_id),
        number=_allocate(state, country, number_type, params.get("NumberPreference") or []),
        seq=state.next_seq(),
        created=now(),
        iso_country_code=country,
        message_type=params["MessageType"],
        capabilities=list(dict.fromkeys(params["NumberCapabilities"])),
        number_type=number_type,
        opt_out_list_name=opt_out.name,
        international_sending=bool(params.get("InternationalSendingEnabled", False)),
        deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
        tags=tags,
    )
    if pool is not None:
        from pinpoint_mock.service.pools import join  # pools builds on this module

        join(ctx, pool, phone)  # checks before anything changes; the pool changes last
    if reg is not None:
        associate(ctx, reg, phone)  # checks everything before the number exists
    state.phone_numbers[phone_id] = phone
    result = phone_view(phone, "RequestPhoneNumberResult", number_status(state, phone))
    return with_tags(result, phone.tags)


def find_phone_number(state: RegionState, id_or_arn: str) -> PhoneNumber:
    found: PhoneNumber = resources.find(state, PHONE_NUMBER, id_or_arn)
    return found


# Filters on the settings numbers and pools share (DescribePhoneNumbers, DescribePools).
SETTING_FILTERS: FilterTable[Any] = {
    "two-way-enabled": boolean(lambda p: p.two_way_enabled),
    "self-managed-opt-outs-enabled": boolean(lambda p: p.self_managed_opt_outs),
    "opt-out-list-name": (None, lambda p: p.opt_out_list_name),
    "deletion-protection-enabled": boolean(lambda p: p.deletion_protection),
    "two-way-channel-arn": (
        None,
        lambda p: (p.two_way_channel_arn,) if p.two_way_channel_arn else (),
    ),
}
_FILTERS: FilterTable[PhoneNumber] = {
    "iso-country-code": (None, lambda p: p.iso_country_code),
    "message-type": ("MessageType", lambda p: p.message_type),
    "number-capability": ("NumberCapability", lambda p: p.capabilities),
    "number-type": ("NumberType", lambda p: p.number_type),
    **SETTING_FILTERS,
}


def describe_phone_numbers(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    chosen = candidates(
        state, PHONE_NUMBER, params, "PhoneNumberIds", lambda i: find_phone_number(state, i)
    )
    filters = {"status": ("NumberStatus", lambda p: number_status(state, p)), **_FILTERS}
    found, token = listing(ctx, params, chosen, lambda p: p.seq, filters)
    shown = [phone_view(p, "PhoneNumberInformation", number_status(state, p)) for p in found]
    return with_token({"PhoneNumbers": shown}, token)


def release_phone_number(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    phone = find_phone_number(state, params["PhoneNumberId"])
    check_deletable(PHONE_NUMBER, phone)
    if phone.pool_id is not None:
        raise conflict(
            "PHONE_NUMBER_ASSOCIATED_TO_POOL",
            f"Phone number {phone.id} is in pool {phone.pool_id}; disassociate it first.",
            KIND,
            phone.id,
        )
    result = phone_view(phone, "ReleasePhoneNumberResult", "DELETED")
    on_release(ctx, phone)
    del state.phone_numbers[phone.id]
    return result


# The settings a pool governs for its members, as (record attribute, request member).
GOVERNED = (
    ("opt_out_list_name", "OptOutListName"),
    ("two_way_enabled", "TwoWayEnabled"),
    ("two_way_channel_arn", "TwoWayChannelArn"),
    ("two_way_channel_role", "TwoWayChannelRole"),
    ("self_managed_opt_outs", "SelfManagedOptOutsEnabled"),
)


def check_two_way(record: Any, params: dict[str, Any]) -> None:
    """TwoWayEnabled true needs a channel, given now or stored before."""
    if params.get("TwoWayEnabled") and not (
        params.get("TwoWayChannelArn") or record.two_way_channel_arn
    ):
        message = "TwoWayEnabled is true but no TwoWayChannelArn is set or given."
        raise validation_error(
            message,
            "TWO_WAY_CHANNEL_NOT_PRESENT",
            [{"Name": "twoWayChannelArn", "Message": message}],
        )


def update_phone_number(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    """A pooled number's pool-governed settings change through its pool (UpdatePool) only;
    deletion protection and international sending stay its own."""
    state = ctx.state
    phone = find_phone_number(state, params["PhoneNumberId"])
    governed = [member for _, member in GOVERNED if member in params]
    if phone.pool_id is not None and governed:
        raise conflict(
            "PHONE_NUMBER_ASSOCIATED_TO_POOL",
            f"Phone number {phone.id} is in pool {phone.pool_id}, which governs "
            f"{', '.join(governed)}; update the pool instead.",
            KIND,
            phone.id,
        )
    if "OptOutListName" in params:
        name = opt_out_lists.find(state, params["OptOutListName"]).name
        params = {**params, "OptOutListName": name}
    check_two_way(phone, params)
    for attribute, member in GOVERNED:
        if member in params:
            setattr(phone, attribute, params[member])
    if "InternationalSendingEnabled" in params:
        phone.international_sending = params["InternationalSendingEnabled"]
    if "DeletionProtectionEnabled" in params:
        phone.deletion_protection = params["DeletionProtectionEnabled"]
    return phone_view(phone, "UpdatePhoneNumberResult", number_status(state, phone))


HANDLERS: dict[str, Handler] = {
    "UpdatePhoneNumber": update_phone_number,
    "RequestPhoneNumber": request_phone_number,
    "DescribePhoneNumbers": describe_phone_numbers,
    "ReleasePhoneNumber": release_phone_number,
}
