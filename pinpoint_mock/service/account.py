"""The account in one Region: DescribeAccountAttributes, DescribeAccountLimits,
DescribeSpendLimits and Set/Delete{Text,Voice,Media,Notify,Rcs}MessageSpendLimitOverride
(those the installed botocore knows), and the month's spend that sends count against them.

``ACCOUNT_TIER`` is ``SANDBOX`` with the ``sandbox`` option, ``PRODUCTION`` otherwise (AWS
does not publish the values; these are its documentation's words). ``DEFAULT_PROTECT_CONFIGURATION_ID``
is listed while an account default protect configuration is set (:mod:`.protect`). Every spend limit's
``MaxLimit`` is $1 in the sandbox (AWS's documented figure for new accounts) and $10,000 out of
it (our figure: AWS raises it on request). An override is at most ``MaxLimit``
(``REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT``); deleting it enforces ``MaxLimit``.
Spend is kept per channel for the current UTC calendar month; a send whose price would take
it past the enforced limit is refused with ``MONTHLY_SPEND_LIMIT_REACHED_FOR_<CHANNEL>``.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import ServiceError, validation_error
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.resources import (
    CONFIGURATION_SET,
    OPT_OUT_LIST,
    PHONE_NUMBER,
    POOL,
    REGISTRATION,
    REGISTRATION_ATTACHMENT,
    SENDER_ID,
    VERIFIED_DESTINATION_NUMBER,
    Kind,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import now

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.store import RegionState

# The account's own record, one per Region, under the ResourceType ``account``.
ACCOUNT = Kind("account", "AccountId", taggable=False)
_KEY = "account"
SANDBOX_LIMIT = 1
PRODUCTION_LIMIT = 10_000
_SUFFIX = "_MESSAGE_MONTHLY_SPEND_LIMIT"
# TEXT, VOICE, MEDIA, NOTIFY (and RCS on newer models), from the model's SpendLimitName
CHANNELS = tuple(name.removesuffix(_SUFFIX) for name in model.enum("SpendLimitName"))

# DescribeAccountLimits: each limit's kind, the quota reason the ``quotas`` option sets it
# with (None: not enforced), and its default Max (AWS documents 10 verified destination
# numbers; the rest are ours).
LIMITS: dict[str, tuple[Kind, str | None, int]] = {
    "PHONE_NUMBERS": (PHONE_NUMBER, "PHONE_NUMBERS_PER_ACCOUNT", 20),
    "POOLS": (POOL, "POOLS_PER_ACCOUNT", 20),
    "CONFIGURATION_SETS": (CONFIGURATION_SET, None, 25),
    "OPT_OUT_LISTS": (OPT_OUT_LIST, None, 25),
    "SENDER_IDS": (SENDER_ID, "SENDER_IDS_PER_ACCOUNT", 50),
    "REGISTRATIONS": (REGISTRATION, "REGISTRATIONS_PER_ACCOUNT", 100),
    "REGISTRATION_ATTACHMENTS": (
        REGISTRATION_ATTACHMENT,
        "REGISTRATION_ATTACHMENTS_PER_ACCOUNT",
        100,
    ),
    "VERIFIED_DESTINATION_NUMBERS": (
        VERIFIED_DESTINATION_NUMBER,
        "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT",
        10,
    ),
}


# The current UTC month and the epoch seconds it spans, worked out again when the clock
# leaves it (either way: time-machine moves it back too).
_month_span: tuple[float, float, str] = (0.0, 0.0, "")


def _month() -> str:
    global _month_span
    moment = now()
    start, end, key = _month_span
    if start <= moment < end:
        return key
    t = time.gmtime(moment)
    first = calendar.timegm((t.tm_year, t.tm_mon, 1, 0, 0, 0))
    year, month = (t.tm_year + 1, 1) if t.tm_mon == 12 else (t.tm_year, t.tm_mon + 1)
    key = f"{t.tm_year:04d}-{t.tm_mon:02d}"
    _month_span = (float(first), float(calendar.timegm((year, month, 1, 0, 0, 0))), key)
    return key


@dataclass(slots=True, eq=False)
class Account:
    id: str
    sandbox: bool
    overrides: dict[str, int] = field(default_factory=dict)  # channel -> enforced limit
    spent: dict[str, float] = field(default_factory=dict)  # channel -> USD this month
    month: str = ""
    # the ID of the account default protect configuration (SetAccountDefaultProtectConfiguration)
    protect_configuration: str | None = None

    @property
    def max_limit(self) -> int:
        return SANDBOX_LIMIT if self.sandbox else PRODUCTION_LIMIT

    def enforced(self, channel: str) -> int:
        return self.overrides.get(channel, self.max_limit)

    def spent_this_month(self, channel: str) -> float:
        month = _month()
        if month != self.month:
            self.month, self.spent = month, {}
        return self.spent.get(channel, 0.0)


def account(ctx: Context) -> Account:
    """The caller's account in the request's Region, kept from its first change on."""
    return of(ctx.state, ctx.service.options.sandbox)


def looked_at(ctx: Context) -> Account:
    """The caller's account as it stands, for reading: a lookup keeps nothing, so an export
    after a Describe equals the one before it."""
    found: Account | None = ctx.state.of(ACCOUNT).get(_KEY)
    return found if found is not None else Account(_KEY, ctx.service.options.sandbox)


def of(state: RegionState, sandbox: bool) -> Account:
    records = state.of(ACCOUNT)
    found: Account | None = records.get(_KEY)
    if found is None:
        found = records[_KEY] = Account(_KEY, sandbox)
    return found


def check_spend(ctx: Context, channel: str, price: float) -> None:
    """Refuse a send of ``price`` USD that would take the month past the enforced limit."""
    entry = looked_at(ctx)
    if entry.spent_this_month(channel) + price > entry.enforced(channel) + 1e-9:
        raise ServiceError(
            "ServiceQuotaExceededException",
            f"The monthly {channel} spend limit of ${entry.enforced(channel)} is reached: "
            f"${entry.spent_this_month(channel):.5f} spent this month, and this message costs "
            f"${price:.5f}. Raise it with Set{channel.title()}MessageSpendLimitOverride.",
            Reason=f"MONTHLY_SPEND_LIMIT_REACHED_FOR_{channel}",
        )


def charge(ctx: Context, channel: str, price: float) -> None:
    entry = account(ctx)
    entry.spent[channel] = entry.spent_this_month(channel) + price


def describe_account_attributes(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    tier = "SANDBOX" if looked_at(ctx).sandbox else "PRODUCTION"
    rows = [(1, {"Name": "ACCOUNT_TIER", "Value": tier})]
    default = looked_at(ctx).protect_configuration
    if default is not None:
        rows.append((2, {"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": default}))
    found, token = listing(ctx, params, rows, lambda r: r[0])
    return with_token({"AccountAttributes": [r for _, r in found]}, token)


def describe_account_limits(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    quotas = ctx.service.options.quotas
    rows = []
    for i, name in enumerate(model.enum("AccountLimitName"), 1):
        if name not in LIMITS:  # a limit of a newer model
            continue
        kind, quota, default = LIMITS[name]
        limit = quotas.get(quota, default) if quota is not None else default
        used = len(ctx.state.of(kind))
        rows.append((i, {"Name": name, "Used": used, "Max": limit}))
    found, token = listing(ctx, params, rows, lambda r: r[0])
    return with_token({"AccountLimits": [r for _, r in found]}, token)


def describe_spend_limits(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = looked_at(ctx)
    rows = [
        (
            i,
            {
                "Name": channel + _SUFFIX,
                "EnforcedLimit": entry.enforced(channel),
                "MaxLimit": entry.max_limit,
                "Overridden": channel in entry.overrides,
            },
        )
        for i, channel in enumerate(CHANNELS, 1)
    ]
    found, token = listing(ctx, params, rows, lambda r: r[0])
    return with_token({"SpendLimits": [r for _, r in found]}, token)


def _setter(channel: str) -> Handler:
    def set_override(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
        entry = account(ctx)
        limit = params["MonthlyLimit"]
        if limit > entry.max_limit:
            message = (
                f"MonthlyLimit {limit} is more than this account's {channel} MaxLimit of "
                f"{entry.max_limit}."
            )
            raise validation_error(
                message,
                "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT",
                [{"Name": "monthlyLimit", "Message": message}],
            )
        entry.overrides[channel] = limit
        return {"MonthlyLimit": limit}

    return set_override


def _deleter(channel: str) -> Handler:
    def delete_override(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
        entry = account(ctx)
        entry.overrides.pop(channel, None)
        return {"MonthlyLimit": entry.max_limit}

    return delete_override


HANDLERS: dict[str, Handler] = {
    "DescribeAccountAttributes": describe_account_attributes,
    "DescribeAccountLimits": describe_account_limits,
    "DescribeSpendLimits": describe_spend_limits,
}
for _channel in CHANNELS:
    _title = _channel.title()
    HANDLERS[f"Set{_title}MessageSpendLimitOverride"] = _setter(_channel)
    HANDLERS[f"Delete{_title}MessageSpendLimitOverride"] = _deleter(_channel)
HANDLERS = {name: h for name, h in HANDLERS.items() if name in model.operation_names()}

register_kind(ACCOUNT.arn_type, Account, few=True)  # kept by sms.export_state()
