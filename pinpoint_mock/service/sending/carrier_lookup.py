"""CarrierLookup: what a phone number is, from a deterministic table.

The input loses its formatting (spaces, brackets, dots, dashes) and becomes E.164. A number
of a country the table knows (:mod:`.countries`) with a plausible length is ``MOBILE``, except
North American toll-free numbers (``OTHER``) and UK numbers outside 07 (``LANDLINE``); it
gets the country's real MCC and a made-up carrier where the table has carrier data for the
country (:mod:`.countries`), its calling code and name everywhere. Anything else is ``INVALID`` with no
carrier data, answered with 200 as AWS documents no error for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import model
from pinpoint_mock.service.sending import countries

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler

_OUTPUT = model.members("CarrierLookupResult")
# MOBILE, LANDLINE, OTHER, INVALID, by their lower-case names
_TYPE = {name.lower(): name for name in model.enum("PhoneNumberType")}


def kind_of(number: str, country: countries.Country) -> str:
    national = number[1 + len(country.dialing_code) :]
    if not national.isdigit() or not 6 <= len(national) <= 12:
        return "INVALID"
    if country.dialing_code == "1":
        if len(national) != 10:
            return "INVALID"
        return _TYPE["other"] if national[:3] in countries.TOLL_FREE_AREAS else "MOBILE"
    if country.iso == "GB":
        return "MOBILE" if national.startswith("7") else "LANDLINE"
    return "MOBILE"


def carrier_lookup(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    original = params["PhoneNumber"]
    number = countries.e164(original)
    country = countries.country_of(number) if number[1:].isdigit() else None
    result: dict[str, Any] = {"E164PhoneNumber": number, "PhoneNumberType": "INVALID"}
    if country is not None:
        kind = kind_of(number, country)
        result["PhoneNumberType"] = kind
        if kind != "INVALID":
            result.update(
                {
                    "DialingCountryCode": country.dialing_code,
                    "IsoCountryCode": country.iso,
                    "Country": country.name,
                }
            )
            if country.mcc is not None:
                result.update({"MCC": country.mcc, "MNC": "01", "Carrier": "Example Mobile"})
    result["OriginalPhoneNumber"] = original
    return {k: v for k, v in result.items() if k in _OUTPUT}


HANDLERS: dict[str, Handler] = {"CarrierLookup": carrier_lookup}
