"""ListAvailablePhoneNumbers (newer models only): the numbers RequestPhoneNumber could hand out.

As AWS documents, only ``TEN_DLC`` numbers in the ``US`` are offered, and a search that
matches nothing (another country included) answers an empty list, not an error. The numbers
are the mock's fictional US range (:mod:`.phone_numbers`), in a fixed order, without those the
account already holds; every one of them can carry any capability, so ``NumberCapabilities``
narrows nothing. ``NumberPreference`` keeps the numbers whose digits start with, end with,
contain or equal one of its filter values: a value with ``+`` is matched against the whole
E.164 number, one without against the E.164 digits or the national number (``2065550100``).
A ``RegistrationId`` must name a registration of the account. Pages hold ``MaxResults`` numbers
(at most 10, the default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.service.phone_numbers import offered
from pinpoint_mock.service.registrations.lookup import find

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler

_PAGE = 10
_OFFERED = (("US", "TEN_DLC"),)
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


def list_available_phone_numbers(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    if params.get("RegistrationId"):
        find(state, params["RegistrationId"])
    country, number_type = params["IsoCountryCode"], params["NumberType"]
    held = {phone.number for phone in state.phone_numbers.values()}
    numbers = offered(country, number_type) if (country, number_type) in _OFFERED else []
    preferences = params.get("NumberPreference") or []
    free = [
        (i, number)
        for i, number in enumerate(numbers, 1)
        if number not in held and all(_matches(number, p) for p in preferences)
    ]
    paged = {**params, "MaxResults": params.get("MaxResults") or _PAGE}
    found, token = listing(ctx, paged, free, lambda entry: entry[0])
    return with_token({"AvailablePhoneNumbers": [number for _, number in found]}, token)


HANDLERS: dict[str, Handler] = {"ListAvailablePhoneNumbers": list_available_phone_numbers}
