"""The Notify catalogue: AWS-managed templates and the countries Notify reaches, shipped as
data (``data/catalogue.json``), and the two read-only operations over it:
DescribeNotifyTemplates and ListNotifyCountries.

The Basic-tier countries are AWS's published list; the templates, each country's channels and
the Advanced-only countries are ours (AWS publishes none), except the template ID
``notify-code-verification-english-001`` and its ``code``/``brandName`` variables, observed on
the real service. Templates are the same in every account and Region and cannot change.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import not_found, validation_error
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.service.sending import countries as dialing

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable

TEMPLATE_TYPE = "notify-template"  # the ResourceType of an unknown template
# Where the output shape has its own name for a member the data carries.
_COUNTRY_MEMBERS = (
    "IsoCountryCode",
    "CountryName",
    "SupportedChannels",
    "SupportedUseCases",
    "SupportedTiers",
    "CustomerOwnedIdentityRequired",
)
_LANGUAGE = re.compile(r"[a-z]{2}(-[A-Z]{2})?")


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    dialing_code: str
    area_codes: tuple[str, ...]  # a NANP territory's own area codes (+1 and one of them)
    channels: tuple[str, ...]
    tiers: tuple[str, ...]
    shown: Mapping[str, Any]  # NotifyCountryInformation


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    channels: tuple[str, ...]
    tiers: tuple[str, ...]
    countries: tuple[str, ...]
    language: str
    content: str
    variables: Mapping[str, Mapping[str, Any]]  # name -> TemplateVariableMetadata
    voices: tuple[str, ...]
    shown: Mapping[str, Any]  # NotifyTemplateInformation


@dataclass(frozen=True, slots=True)
class Catalogue:
    countries: Mapping[str, Country]  # by ISO code, alphabetical
    templates: Mapping[str, Template]  # by ID, in the data's order
    brand_names: frozenset[str]
    url_words: frozenset[str]


@functools.cache
def catalogue() -> Catalogue:
    text = resources.files(__package__).joinpath("data/catalogue.json").read_text("utf-8")
    data = json.loads(text)
    countries = {c["IsoCountryCode"]: _country(c) for c in data["countries"]}
    templates = {t["TemplateId"]: _template(t, tuple(countries)) for t in data["templates"]}
    review = data["review"]
    return Catalogue(
        countries, templates, frozenset(review["brand_names"]), frozenset(review["url_words"])
    )


def _country(entry: dict[str, Any]) -> Country:
    return Country(
        iso=entry["IsoCountryCode"],
        dialing_code=entry["DialingCode"],
        area_codes=tuple(entry.get("AreaCodes", ())),
        channels=tuple(entry["SupportedChannels"]),
        tiers=tuple(entry["SupportedTiers"]),
        shown={k: entry[k] for k in _COUNTRY_MEMBERS},
    )


def _template(entry: dict[str, Any], every_country: tuple[str, ...]) -> Template:
    shown = dict(entry)
    if shown["SupportedCountries"] == "ALL":
        shown["SupportedCountries"] = list(every_country)
    return Template(
        id=entry["TemplateId"],
        channels=tuple(entry["Channels"]),
        tiers=tuple(entry["TierAccess"]),
        countries=tuple(shown["SupportedCountries"]),
        language=entry["LanguageCode"],
        content=entry["Content"],
        variables=entry["Variables"],
        voices=tuple(entry.get("SupportedVoiceIds", ())),
        shown=shown,
    )


def find_template(template_id: str) -> Template:
    found = catalogue().templates.get(template_id)
    if found is None:
        raise not_found(TEMPLATE_TYPE, template_id)
    return found


def country_of(number: str) -> str:
    """The ISO code of the country an E.164 number dials (``ZZ``: none known): a NANP
    territory by its area code, else the sending family's table, else the catalogue's codes."""
    digits = number.removeprefix("+")
    known = catalogue().countries.values()
    if digits.startswith("1"):
        for country in known:
            if digits[1:4] in country.area_codes:
                return country.iso
    iso = dialing.iso_of(number)
    if iso != "ZZ":
        return iso
    for length in (3, 2):
        for country in known:
            if country.dialing_code == digits[:length]:
                return country.iso
    return "ZZ"


# -- DescribeNotifyTemplates ------------------------------------------------------------------

_TEMPLATE_FILTERS: FilterTable[Template] = {
    "template-type": ("NotifyTemplateType", lambda t: str(t.shown["TemplateType"])),
    "channels": ("NumberCapability", lambda t: t.channels),
    "tier-access": ("NotifyConfigurationTier", lambda t: t.tiers),
    "supported-countries": (None, lambda t: t.countries),
    "language-code": (None, lambda t: t.language),
    "supported-voice-ids": ("VoiceId", lambda t: t.voices),
}


def _check_languages(filters: list[dict[str, Any]]) -> None:
    """Language codes are lowercase ISO codes, with an uppercase region (``en``, ``fr-CA``);
    another value is ``INVALID_FILTER_VALUES``, as observed for ``EN``."""
    for i, item in enumerate(filters, 1):
        bad = [v for v in item["Values"] if not _LANGUAGE.fullmatch(v)]
        if item["Name"] == "language-code" and bad:
            message = (
                f"Invalid values {', '.join(bad)} for filter language-code; a language code is "
                "lowercase ISO 639-1, with an optional uppercase region (en, fr-CA)."
            )
            raise validation_error(
                message,
                "INVALID_FILTER_VALUES",
                [{"Name": f"filters.{i}.member.values", "Message": message}],
            )


def _copy(shown: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of catalogue data, for an answer to keep."""
    copied: dict[str, Any] = copy.deepcopy(dict(shown))
    return copied


def describe_notify_templates(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    _check_languages(params.get("Filters") or [])
    every = catalogue().templates
    wanted = params.get("TemplateIds")
    if wanted:
        chosen = {t.id: t for t in (find_template(i) for i in wanted)}
        candidates = [t for t in every.values() if t.id in chosen]
    else:
        candidates = list(every.values())
    positions = {t.id: i for i, t in enumerate(every.values(), 1)}
    found, token = listing(ctx, params, candidates, lambda t: positions[t.id], _TEMPLATE_FILTERS)
    return with_token({"NotifyTemplates": [_copy(t.shown) for t in found]}, token)


# -- ListNotifyCountries ----------------------------------------------------------------------


def _lists(country: Country, params: dict[str, Any]) -> bool:
    channels = params.get("Channels")
    if channels and not set(channels) & set(country.channels):
        return False
    use_cases = params.get("UseCases")
    if use_cases and not set(use_cases) & set(country.shown["SupportedUseCases"]):
        return False
    tier = params.get("Tier")
    return not tier or tier in country.tiers


def list_notify_countries(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    rows = [
        (i, country)
        for i, country in enumerate(catalogue().countries.values(), 1)
        if _lists(country, params)
    ]
    found, token = listing(ctx, params, rows, lambda r: r[0])
    return with_token({"NotifyCountries": [_copy(c.shown) for _, c in found]}, token)


HANDLERS: dict[str, Handler] = {
    "DescribeNotifyTemplates": describe_notify_templates,
    "ListNotifyCountries": list_notify_countries,
}
