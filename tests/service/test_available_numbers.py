"""ListAvailablePhoneNumbers through boto3: US 10DLC numbers the account could request."""

from __future__ import annotations

from typing import Any

import pytest

from tests.profiles import newer_model

pytestmark = newer_model("ListAvailablePhoneNumbers")

SEARCH = {"IsoCountryCode": "US", "NumberCapabilities": ["SMS"], "NumberType": "TEN_DLC"}


def test_lists_plausible_us_numbers_not_held(client: Any) -> None:
    first = client.list_available_phone_numbers(**SEARCH)["AvailablePhoneNumbers"]
    assert len(first) == 10
    assert len(set(first)) == 10
    assert all(n.startswith("+1") and len(n) == 12 and n[5:8] == "555" for n in first)
    held = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TEN_DLC",
    )["PhoneNumber"]
    assert held == first[0]
    again = client.list_available_phone_numbers(**SEARCH)["AvailablePhoneNumbers"]
    assert held not in again
    assert again[:9] == first[1:]


def test_pages_follow_the_token(client: Any) -> None:
    page = client.list_available_phone_numbers(**SEARCH, MaxResults=3)
    after = client.list_available_phone_numbers(**SEARCH, MaxResults=3, NextToken=page["NextToken"])
    whole = client.list_available_phone_numbers(**SEARCH, MaxResults=6)["AvailablePhoneNumbers"]
    assert page["AvailablePhoneNumbers"] + after["AvailablePhoneNumbers"] == whole
    seattle = [{"PreferenceType": ["StartsWith"], "Filter": ["206"]}]
    pages = client.get_paginator("list_available_phone_numbers").paginate(
        **SEARCH, NumberPreference=seattle
    )
    numbers = [n for p in pages for n in p["AvailablePhoneNumbers"]]
    assert len(numbers) == len(set(numbers)) == 100  # the mock's 206 range


@pytest.mark.parametrize(
    ("kind", "value", "check"),
    [
        ("StartsWith", "206", lambda n: n.startswith("+1206")),
        ("StartsWith", "+1415", lambda n: n.startswith("+1415")),
        ("EndsWith", "0142", lambda n: n.endswith("0142")),
        ("Contains", "5550199", lambda n: "5550199" in n),
        ("ExactMatch", "+12125550150", lambda n: n == "+12125550150"),
    ],
)
def test_number_preference_filters_digits(client: Any, kind: str, value: str, check: Any) -> None:
    preference = [{"PreferenceType": [kind], "Filter": [value]}]
    found = client.list_available_phone_numbers(**SEARCH, NumberPreference=preference)
    numbers = found["AvailablePhoneNumbers"]
    assert numbers
    assert all(check(n) for n in numbers)


def test_no_match_is_an_empty_list(client: Any) -> None:
    preference = [{"PreferenceType": ["StartsWith"], "Filter": ["999"]}]
    none = client.list_available_phone_numbers(**SEARCH, NumberPreference=preference)
    assert none["AvailablePhoneNumbers"] == []
    assert "NextToken" not in none
    canada = client.list_available_phone_numbers(**{**SEARCH, "IsoCountryCode": "CA"})
    assert canada["AvailablePhoneNumbers"] == []


def test_a_registration_must_exist(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_available_phone_numbers(**SEARCH, RegistrationId="registration-" + "0" * 32)
