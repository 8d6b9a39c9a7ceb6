"""The calling-code table: every row an ISO 3166-1 country, every code once."""

from __future__ import annotations

from pinpoint_mock.service.protect.rules import COUNTRIES as ISO_3166
from pinpoint_mock.service.sending import countries


def test_every_country_of_the_table_is_an_iso_3166_country_with_one_code() -> None:
    table = countries.BY_ISO.values()
    assert len(table) > 200
    assert {c.iso for c in table} <= set(ISO_3166)
    codes = [c.dialing_code for c in table if c.dialing_code != "1"]
    assert len(codes) == len(set(codes))
    assert all(c.dialing_code.isdigit() and 1 <= len(c.dialing_code) <= 3 for c in table)


def test_a_number_dials_the_country_of_its_longest_code() -> None:
    assert countries.iso_of("+2065550100") == "EG"  # +20, not +2
    assert countries.iso_of("+2348031234567") == "NG"  # +234, not +23
    assert countries.iso_of("+16135550123") == "CA"  # +1 by area code
    assert countries.iso_of("+12065550100") == "US"
    assert countries.iso_of("+99912345678") == countries.UNKNOWN
