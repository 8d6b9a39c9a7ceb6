"""Phone number rule overrides: PutProtectConfigurationRuleSetNumberOverride,
DeleteProtectConfigurationRuleSetNumberOverride and
ListProtectConfigurationRuleSetNumberOverrides.

An override ALLOWs or BLOCKs one destination number whatever its country's rule says ("The
phone number override always takes precedent over the country rule mode"), until its
``ExpirationTimestamp`` (none: for ever). Putting an override for a number that has one
replaces its action and expiry and keeps its ``CreatedTimestamp``. An expired override no
longer applies to sends but stays listed until deleted (AWS does not say it removes them); the
``expires-before`` filter finds them. Timestamps in filters are epoch seconds or ISO 8601.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import not_found, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.store import now
from pinpoint_mock.service.protect.records import (
    KIND,
    NumberOverride,
    ProtectConfiguration,
    find_configuration,
    head,
)
from pinpoint_mock.service.sending import countries

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler

UNKNOWN_COUNTRY = countries.UNKNOWN
ACTIONS = ("ALLOW", "BLOCK")


def seconds(value: Any) -> float | None:
    """Epoch seconds from a JSON timestamp (a number, or a string of one or of ISO 8601)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str):
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.timestamp()


def _view(item: NumberOverride) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "DestinationPhoneNumber": item.number,
        "CreatedTimestamp": item.created,
        "Action": item.action,
    }
    if item.iso_country_code != UNKNOWN_COUNTRY:
        shown["IsoCountryCode"] = item.iso_country_code
    if item.expires is not None:
        shown["ExpirationTimestamp"] = item.expires
    return shown


@idempotent("PutProtectConfigurationRuleSetNumberOverride", KIND, "ProtectConfigurationId")
def put_protect_configuration_rule_set_number_override(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    state = ctx.state
    entry = find_configuration(state, params["ProtectConfigurationId"])
    number = countries.with_plus(params["DestinationPhoneNumber"])
    expires = None
    if params.get("ExpirationTimestamp") is not None:
        expires = seconds(params["ExpirationTimestamp"])  # validated: it reads as one
    item = entry.overrides.get(number)
    if item is None:
        item = NumberOverride(
            number=number,
            action=params["Action"],
            iso_country_code=countries.iso_of(number),
            created=now(),
            seq=state.next_seq(),
            expires=expires,
        )
        entry.overrides[number] = item
    else:
        item.action, item.expires = params["Action"], expires
    return {**head(entry), **_view(item)}


def delete_protect_configuration_rule_set_number_override(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    entry = find_configuration(ctx.state, params["ProtectConfigurationId"])
    number = countries.with_plus(params["DestinationPhoneNumber"])
    item = entry.overrides.pop(number, None)
    if item is None:
        raise not_found(KIND, number)
    return {**head(entry), **_view(item)}


Test = Callable[[NumberOverride], bool]


def _bad_values(index: int, name: str, bad: list[str], wanted: str) -> Exception:
    message = f"Invalid values {', '.join(bad)} for filter {name}; values are {wanted}."
    return validation_error(
        message,
        "INVALID_FILTER_VALUES",
        [{"Name": f"filters.{index}.member.values", "Message": message}],
    )


def _moments(index: int, name: str, values: list[str]) -> list[float]:
    read = [(v, seconds(v)) for v in values]
    bad = [v for v, moment in read if moment is None]
    if bad:
        raise _bad_values(index, name, bad, "epoch seconds or ISO 8601 timestamps")
    return [moment for _, moment in read if moment is not None]


def _test(index: int, name: str, values: list[str]) -> Test:
    """One filter: OR within its values."""
    if name == "iso-country-code":
        return lambda o: o.iso_country_code in values
    if name == "destination-phone-number-begins-with":
        prefixes = tuple(countries.with_plus(v) for v in values)
        return lambda o: o.number.startswith(prefixes)
    if name == "action":
        bad = [v for v in values if v not in ACTIONS]
        if bad:
            raise _bad_values(index, name, bad, " or ".join(ACTIONS))
        return lambda o: o.action in values
    moments = _moments(index, name, values)
    if name == "created-before":
        return lambda o: any(o.created < m for m in moments)
    if name == "created-after":
        return lambda o: any(o.created > m for m in moments)
    if name == "expires-before":
        return lambda o: o.expires is not None and any(o.expires < m for m in moments)
    return lambda o: o.expires is None or any(o.expires > m for m in moments)  # expires-after


def _matching(entry: ProtectConfiguration, filters: list[dict[str, Any]]) -> list[NumberOverride]:
    tests = [_test(i, f["Name"], list(f["Values"])) for i, f in enumerate(filters, 1)]
    ordered = sorted(entry.overrides.values(), key=lambda o: o.seq)
    return [o for o in ordered if all(test(o) for test in tests)]


def list_protect_configuration_rule_set_number_overrides(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    entry = find_configuration(ctx.state, params["ProtectConfigurationId"])
    chosen = _matching(entry, params.get("Filters") or [])
    found, token = listing(ctx, params, chosen, lambda o: o.seq)
    return with_token({**head(entry), "RuleSetNumberOverrides": [_view(o) for o in found]}, token)


HANDLERS: dict[str, Handler] = {
    "PutProtectConfigurationRuleSetNumberOverride": (
        put_protect_configuration_rule_set_number_override
    ),
    "DeleteProtectConfigurationRuleSetNumberOverride": (
        delete_protect_configuration_rule_set_number_override
    ),
    "ListProtectConfigurationRuleSetNumberOverrides": (
        list_protect_configuration_rule_set_number_overrides
    ),
}
