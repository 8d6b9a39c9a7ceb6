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


REQUEST = {**SEARCH, "MessageType": "TRANSACTIONAL"}


def test_request_phone_number_hands_out_the_number_the_preference_keeps(client: Any) -> None:
    offered = client.list_available_phone_numbers(**SEARCH)["AvailablePhoneNumbers"]
    wanted = offered[3]
    exact = [{"PreferenceType": ["ExactMatch"], "Filter": [wanted]}]
    assert client.request_phone_number(**REQUEST, NumberPreference=exact)["PhoneNumber"] == wanted
    ends = [{"PreferenceType": ["EndsWith"], "Filter": [offered[5][-4:]]}]
    got = client.request_phone_number(**REQUEST, NumberPreference=ends)["PhoneNumber"]
    assert got == offered[5]
    # without a preference, the first number still free
    assert client.request_phone_number(**REQUEST)["PhoneNumber"] == offered[0]
    left = client.list_available_phone_numbers(**SEARCH)["AvailablePhoneNumbers"]
    assert not {wanted, offered[5], offered[0]} & set(left)


def test_a_preference_nothing_free_matches_is_refused(client: Any) -> None:
    wanted = client.list_available_phone_numbers(**SEARCH)["AvailablePhoneNumbers"][0]
    exact = [{"PreferenceType": ["ExactMatch"], "Filter": [wanted]}]
    client.request_phone_number(**REQUEST, NumberPreference=exact)
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.request_phone_number(**REQUEST, NumberPreference=exact)
    error = caught.value.response
    assert error["Reason"] == "INVALID_PARAMETER"
    assert error["Fields"][0]["Name"] == "numberPreference"
    assert "ListAvailablePhoneNumbers" in error["Error"]["Message"]
    assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 1


def test_a_preference_outside_us_ten_dlc_is_refused(client: Any) -> None:
    area = [{"PreferenceType": ["StartsWith"], "Filter": ["206"]}]
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.request_phone_number(**REQUEST | {"NumberType": "LONG_CODE"}, NumberPreference=area)
    assert "only to TEN_DLC numbers in the US" in caught.value.response["Error"]["Message"]
    assert client.describe_phone_numbers()["PhoneNumbers"] == []
