"""DescribeNotifyTemplates and ListNotifyCountries through boto3, and the catalogue itself."""

from __future__ import annotations

import re
from typing import Any

import pytest
from botocore.exceptions import ClientError

from pinpoint_mock.engine import model
from pinpoint_mock.service.notify.catalogue import catalogue, country_of
from tests.profiles import newer_model

from .conftest import ENGLISH, error

pytestmark = newer_model("DescribeNotifyTemplates")

# AWS's published Basic-tier list (Notify supported countries).
BASIC = set(
    [
        "AS",
        "AU",
        "BE",
        "BR",
        "CA",
        "CO",
        "DK",
        "FI",
        "FR",
        "DE",
        "GU",
        "HK",
        "IN",
        "IE",
        "IT",
        "JP",
        "MX",
        "NL",
        "NZ",
        "MP",
        "PT",
        "PR",
        "SG",
        "KR",
        "ES",
        "SE",
        "CH",
        "GB",
        "US",
        "VI",
    ]
)


def _templates(client: Any, *filters: tuple[str, list[str]]) -> list[str]:
    pages = client.get_paginator("describe_notify_templates").paginate(
        Filters=[{"Name": n, "Values": v} for n, v in filters], PaginationConfig={"PageSize": 2}
    )
    return [t["TemplateId"] for p in pages for t in p["NotifyTemplates"]]


def test_the_catalogue_fits_the_model() -> None:
    """Every enum value and pattern of the shipped data is the model's."""
    data = catalogue()
    voices, channels = set(model.enum("VoiceId")), set(model.enum("NumberCapability"))
    for template in data.templates.values():
        assert template.shown["TemplateType"] in model.enum("NotifyTemplateType")
        assert set(template.channels) <= channels
        assert set(template.voices) <= voices
        assert re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?", template.language)
        assert set(template.countries) <= set(data.countries)
        placeholders = set(re.findall(r"\{\{(\w+)\}\}", template.content))
        assert placeholders == set(template.variables), template.id
        for meta in template.variables.values():
            assert meta["Type"] in model.enum("TemplateVariableType")
            assert meta["Source"] in model.enum("TemplateVariableSource")
    for country in data.countries.values():
        assert set(country.channels) <= channels
        assert set(country.tiers) <= set(model.enum("NotifyConfigurationTier"))
    assert {c.iso for c in data.countries.values() if "BASIC" in c.tiers} == BASIC


def test_templates_and_their_filters(client: Any) -> None:
    every = _templates(client)
    assert every[0] == ENGLISH
    assert len(every) == len(catalogue().templates)
    assert _templates(client, ("channels", ["VOICE"])) == [
        "notify-code-verification-english-voice-001",
        "notify-code-verification-spanish-001",
    ]
    assert _templates(client, ("language-code", ["fr-CA"])) == [
        "notify-code-verification-french-canadian-001"
    ]
    assert _templates(client, ("tier-access", ["BASIC"]), ("supported-countries", ["DE"])) == [
        ENGLISH,
        "notify-code-verification-english-002",
    ]
    assert _templates(client, ("supported-voice-ids", ["LUPE"])) == [
        "notify-code-verification-spanish-001"
    ]
    assert _templates(client, ("template-type", ["OTP_VERIFICATION"])) == every
    (english,) = client.describe_notify_templates(TemplateIds=[ENGLISH])["NotifyTemplates"]
    assert english["Variables"]["code"]["Pattern"] == "^\\d{4,8}$"
    assert english["Variables"]["brandName"]["Source"] == "SYSTEM"
    assert english["Status"] == "ACTIVE"
    assert english["Version"] == 1


@pytest.mark.parametrize(
    ("filters", "reason"),
    [
        ([{"Name": "language-code", "Values": ["EN"]}], "INVALID_FILTER_VALUES"),
        ([{"Name": "channels", "Values": ["FAX"]}], "INVALID_FILTER_VALUES"),
    ],
)
def test_bad_template_filters(client: Any, filters: list[Any], reason: str) -> None:
    with pytest.raises(ClientError) as raised:
        client.describe_notify_templates(Filters=filters)
    assert error(raised) == ("ValidationException", reason)


def test_an_unknown_template_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as raised:
        client.describe_notify_templates(TemplateIds=[ENGLISH, "notify-nothing-001"])
    assert raised.value.response["ResourceType"] == "notify-template"
    assert raised.value.response["ResourceId"] == "notify-nothing-001"


def test_countries_by_tier_channel_and_use_case(client: Any) -> None:
    def isos(**params: Any) -> list[str]:
        pages = client.get_paginator("list_notify_countries").paginate(
            **params, PaginationConfig={"PageSize": 7}
        )
        return [c["IsoCountryCode"] for p in pages for c in p["NotifyCountries"]]

    assert set(isos(Tier="BASIC")) == BASIC
    assert len(isos()) == len(catalogue().countries) > len(BASIC)
    assert "IN" not in isos(Channels=["VOICE"])
    assert "IN" in isos(Channels=["SMS", "VOICE"])
    assert isos(Channels=["MMS"]) == []
    assert isos(UseCases=["CODE_VERIFICATION"]) == isos()
    (us,) = [
        c for c in client.list_notify_countries()["NotifyCountries"] if c["IsoCountryCode"] == "US"
    ]
    assert us == {
        "IsoCountryCode": "US",
        "CountryName": "United States",
        "SupportedChannels": ["SMS", "VOICE"],
        "SupportedUseCases": ["CODE_VERIFICATION"],
        "SupportedTiers": ["BASIC", "ADVANCED"],
        "CustomerOwnedIdentityRequired": False,
    }


@pytest.mark.parametrize(
    ("number", "iso"),
    [
        ("+17875550100", "PR"),
        ("+16715550100", "GU"),
        ("+12065550100", "US"),
        ("+3225550100", "BE"),
        ("+85221234567", "HK"),
        ("+815012345678", "JP"),
        ("+9995550100", "ZZ"),
    ],
)
def test_destination_countries(number: str, iso: str) -> None:
    assert country_of(number) == iso
