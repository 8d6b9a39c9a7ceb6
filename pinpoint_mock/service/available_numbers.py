"""ListAvailablePhoneNumbers (newer models only): the numbers RequestPhoneNumber could hand out.

As AWS documents, only ``TEN_DLC`` numbers in the ``US`` are offered, and a search that
matches nothing (another country included) answers an empty list, not an error. The numbers
are the mock's fictional US range (:mod:`.phone_numbers`), in a fixed order, without those the
account already holds; every one of them can carry any capability, so ``NumberCapabilities``
narrows nothing. ``NumberPreference`` keeps the numbers it matches
(:mod:`.number_preference`). A ``RegistrationId`` must name a registration of the account. Pages hold ``MaxResults`` numbers
(at most 10, the default).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.service.number_preference import OFFERED, kept
from pinpoint_mock.service.phone_numbers import offered
from pinpoint_mock.service.registrations.lookup import find

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler

_PAGE = 10


def list_available_phone_numbers(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    if params.get("RegistrationId"):
        find(state, params["RegistrationId"])
    country, number_type = params["IsoCountryCode"], params["NumberType"]
    held = {phone.number for phone in state.phone_numbers.values()}
    numbers = offered(country, number_type) if (country, number_type) in OFFERED else []
    preferences = params.get("NumberPreference") or []
    free = [
        (i, number)
        for i, number in enumerate(numbers, 1)
        if number not in held and kept(number, preferences)
    ]
    paged = {**params, "MaxResults": params.get("MaxResults") or _PAGE}
    found, token = listing(ctx, paged, free, lambda entry: entry[0])
    return with_token({"AvailablePhoneNumbers": [number for _, number in found]}, token)


HANDLERS: dict[str, Handler] = {"ListAvailablePhoneNumbers": list_available_phone_numbers}
