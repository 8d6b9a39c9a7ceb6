"""CarrierLookup: E.164 from formatted input, a deterministic answer, INVALID for the rest."""

from __future__ import annotations

from typing import Any

from tests.profiles import newer_model

pytestmark = newer_model("CarrierLookup")


def test_a_formatted_us_number(client: Any) -> None:
    found = client.carrier_lookup(PhoneNumber="+1 (206) 555-0142")
    assert found["E164PhoneNumber"] == "+12065550142"
    assert found["PhoneNumberType"] == "MOBILE"
    assert (found["IsoCountryCode"], found["DialingCountryCode"], found["MCC"]) == (
        "US",
        "1",
        "310",
    )
    assert found["Country"] == "United States"
    assert found["Carrier"]


def test_kinds_of_number(client: Any) -> None:
    def kind(number: str) -> str:
        return str(client.carrier_lookup(PhoneNumber=number)["PhoneNumberType"])

    assert kind("+18335550100") == "OTHER"
    assert kind("+447700900123") == "MOBILE"
    assert kind("+442079460000") == "LANDLINE"
    assert kind("+4161234") == "INVALID"  # too short
    assert kind("+99912345678") == "INVALID"  # no such country code here
    invalid = client.carrier_lookup(PhoneNumber="+99912345678")
    assert "Carrier" not in invalid
    assert "IsoCountryCode" not in invalid


def test_every_calling_code_names_its_country(client: Any) -> None:
    """Outside the countries with carrier data, the answer has the country, no carrier."""
    found = {
        number: client.carrier_lookup(PhoneNumber=number)
        for number in ["+201012345678", "+639171234567", "+2348031234567", "+79161234567"]
    }
    assert [(f["IsoCountryCode"], f["DialingCountryCode"]) for f in found.values()] == [
        ("EG", "20"),
        ("PH", "63"),
        ("NG", "234"),
        ("RU", "7"),  # +7 is shared with Kazakhstan: under the country it mainly serves
    ]
    assert found["+201012345678"]["Country"] == "Egypt"
    assert all(f["PhoneNumberType"] == "MOBILE" for f in found.values())
    assert not any({"MCC", "MNC", "Carrier"} & f.keys() for f in found.values())
