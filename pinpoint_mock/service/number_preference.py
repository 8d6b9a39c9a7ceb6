"""``NumberPreference``: which offered numbers a preference keeps (ListAvailablePhoneNumbers
lists them, RequestPhoneNumber hands out the first).

A preference keeps the numbers whose digits start with, end with, contain or equal one of its
filter values: a value with ``+`` is matched against the whole E.164 number, one without
against the E.164 digits or the national number (``2065550100``). Several preferences must all
hold. AWS offers them for ``TEN_DLC`` numbers in the ``US`` only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

OFFERED = (("US", "TEN_DLC"),)

_TESTS: dict[str, Callable[[str, str], bool]] = {
    "StartsWith": str.startswith,
    "EndsWith": str.endswith,
    "Contains": lambda digits, value: value in digits,
    "ExactMatch": str.__eq__,
}


def _matches(number: str, preference: dict[str, Any]) -> bool:
    digits = number.removeprefix("+")
    national = digits.removeprefix("1")  # NANP: the country code is 1
    for kind in preference["PreferenceType"]:
        test = _TESTS[kind]
        for value in preference["Filter"]:
            plain = value.removeprefix("+")
            shapes = (digits,) if value.startswith("+") else (digits, national)
            if any(test(shape, plain) for shape in shapes):
                return True
    return False


def kept(number: str, preferences: list[dict[str, Any]]) -> bool:
    """Whether ``number`` satisfies every one of ``preferences`` (none: every number does)."""
    return all(_matches(number, p) for p in preferences)
