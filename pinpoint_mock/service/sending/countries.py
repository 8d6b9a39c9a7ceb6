"""Which country a phone number dials, and what the mock says about its carrier.

Dialing codes and mobile country codes (MCC) are the ITU's public ones: every calling code is
known (``data/dialing_codes.json``), the MCC of the countries below only. The network codes
(MNC) and carrier names are made up: AWS answers CarrierLookup from carrier data it does not
publish, and a mock must never name a real subscriber's carrier. A country without an MCC here
has no carrier data (events leave out ``mcc``, ``mnc`` and ``carrierName``, which AWS marks
optional).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    name: str
    dialing_code: str
    mcc: str | None = None


# The countries whose carrier data the mock makes up (their MCC is the ITU's).
_WITH_CARRIERS = (
    Country("US", "United States", "1", "310"),
    Country("CA", "Canada", "1", "302"),
    Country("GB", "United Kingdom", "44", "234"),
    Country("DE", "Germany", "49", "262"),
    Country("FR", "France", "33", "208"),
    Country("ES", "Spain", "34", "214"),
    Country("IT", "Italy", "39", "222"),
    Country("NL", "Netherlands", "31", "204"),
    Country("IE", "Ireland", "353", "272"),
    Country("AT", "Austria", "43", "232"),
    Country("CH", "Switzerland", "41", "228"),
    Country("SE", "Sweden", "46", "240"),
    Country("AU", "Australia", "61", "505"),
    Country("NZ", "New Zealand", "64", "530"),
    Country("JP", "Japan", "81", "440"),
    Country("KR", "South Korea", "82", "450"),
    Country("IN", "India", "91", "404"),
    Country("SG", "Singapore", "65", "525"),
    Country("BR", "Brazil", "55", "724"),
    Country("MX", "Mexico", "52", "334"),
    Country("ZA", "South Africa", "27", "655"),
    Country("CN", "China", "86", "460"),
)


def _every_country() -> tuple[Country, ...]:
    data = resources.files(__package__).joinpath("data/dialing_codes.json").read_text("utf-8")
    mine = {c.iso: c for c in _WITH_CARRIERS}
    rest = [Country(*row) for row in json.loads(data)["countries"] if row[0] not in mine]
    return (*_WITH_CARRIERS, *rest)


_COUNTRIES = _every_country()
BY_ISO = {c.iso: c for c in _COUNTRIES}
_BY_CODE = {c.dialing_code: c for c in _COUNTRIES if c.iso != "CA"}
# Canadian area codes of the North American Numbering Plan; other +1 numbers are the US's.
_CANADA = frozenset(
    [
        "204",
        "226",
        "236",
        "249",
        "250",
        "263",
        "289",
        "306",
        "343",
        "354",
        "365",
        "367",
        "368",
        "382",
        "387",
        "403",
        "416",
        "418",
        "428",
        "431",
        "437",
        "438",
        "450",
        "468",
        "474",
        "506",
        "514",
        "519",
        "548",
        "579",
        "581",
        "584",
        "587",
        "604",
        "613",
        "639",
        "647",
        "672",
        "683",
        "705",
        "709",
        "742",
        "753",
        "778",
        "780",
        "782",
        "807",
        "819",
        "825",
        "867",
        "873",
        "879",
        "902",
        "905",
    ]
)
TOLL_FREE_AREAS = frozenset({"800", "833", "844", "855", "866", "877", "888"})
_FORMATTING = re.compile(r"[\s()\[\]{},.\-]")


def e164(text: str) -> str:
    """``text`` with the formatting CarrierLookup accepts removed (spaces, brackets, dots)."""
    return _FORMATTING.sub("", text)


def with_plus(number: str) -> str:
    """A destination as E.164 writes it: the leading ``+`` a caller may leave out, added."""
    return number if number.startswith("+") else "+" + number


def country_of(number: str) -> Country | None:
    """The country an E.164 number dials, or None for a code this table does not hold."""
    digits = number.removeprefix("+")
    if digits.startswith("1"):
        return BY_ISO["CA"] if digits[1:4] in _CANADA else BY_ISO["US"]
    for length in (3, 2, 1):
        found = _BY_CODE.get(digits[:length])
        if found is not None:
            return found
    return None


UNKNOWN = "ZZ"  # the unknown region of ISO 3166's user-assigned codes


def iso_of(number: str) -> str:
    """The ISO country code of ``number``; ``ZZ`` (unknown region) when not in the table."""
    found = country_of(number)
    return found.iso if found is not None else UNKNOWN
