"""Country rule sets: GetProtectConfigurationCountryRuleSet and
UpdateProtectConfigurationCountryRuleSet.

A configuration has one rule set per capability, SMS, VOICE and MMS ("Valid values are SMS,
VOICE, or MMS", the model says; a newer model's RCS is refused with ``INVALID_PARAMETER``, RCS
messages following the SMS rules). A rule set holds every country of ISO 3166-1, each
``ALLOW`` until updated. MONITOR and FILTER use AWS's SMS traffic model, so they are SMS rules
only (``INVALID_PARAMETER`` on VOICE and MMS, our reading of AWS's guide); a country code
that is no ISO 3166-1 country is ``INVALID_PARAMETER`` too. An update applies all of its
entries or, on any refusal, none, and answers the whole rule set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import validation_error
from pinpoint_mock.service.protect.records import (
    ALLOW,
    ProtectConfiguration,
    find_configuration,
    head,
)

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler

CAPABILITIES = ("SMS", "VOICE", "MMS")
SMS_ONLY = frozenset({"MONITOR", "FILTER"})
# ISO 3166-1 alpha-2, every country and territory (249).
_ISO_3166 = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
    DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
    GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
    KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
    MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
    SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
    US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""
COUNTRIES = tuple(_ISO_3166.split())
_KNOWN = frozenset(COUNTRIES)


def _invalid(member: str, message: str) -> Exception:
    return validation_error(message, "INVALID_PARAMETER", [{"Name": member, "Message": message}])


def _capability(value: str) -> str:
    if value not in CAPABILITIES:
        raise _invalid(
            "numberCapability",
            f"Country rule sets are kept for {', '.join(CAPABILITIES)}, not {value}.",
        )
    return value


def _answer(entry: ProtectConfiguration, capability: str) -> dict[str, Any]:
    return {
        **head(entry),
        "NumberCapability": capability,
        "CountryRuleSet": {c: {"ProtectStatus": entry.status(capability, c)} for c in COUNTRIES},
    }


def get_protect_configuration_country_rule_set(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    entry = find_configuration(ctx.state, params["ProtectConfigurationId"])
    return _answer(entry, _capability(params["NumberCapability"]))


def update_protect_configuration_country_rule_set(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    entry = find_configuration(ctx.state, params["ProtectConfigurationId"])
    capability = _capability(params["NumberCapability"])
    updates: dict[str, str] = {}
    for country, rule in params["CountryRuleSetUpdates"].items():
        status = rule["ProtectStatus"]
        if country not in _KNOWN:
            raise _invalid(
                "countryRuleSetUpdates", f"{country} is not an ISO 3166-1 alpha-2 country code."
            )
        if status in SMS_ONLY and capability != "SMS":
            raise _invalid(
                "countryRuleSetUpdates",
                f"{status} is a rule for SMS only (AWS's AIT model reads SMS traffic); "
                f"{capability} rules are ALLOW or BLOCK.",
            )
        updates[country] = status
    rules = entry.rules.setdefault(capability, {})
    for country, status in updates.items():
        if status == ALLOW:
            rules.pop(country, None)
        else:
            rules[country] = status
    if not rules:
        del entry.rules[capability]
    return _answer(entry, capability)


HANDLERS: dict[str, Handler] = {
    "GetProtectConfigurationCountryRuleSet": get_protect_configuration_country_rule_set,
    "UpdateProtectConfigurationCountryRuleSet": update_protect_configuration_country_rule_set,
}
