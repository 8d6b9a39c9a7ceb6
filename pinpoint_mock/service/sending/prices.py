"""What a message costs, and how a text splits into parts.

The US figures are AWS's own example (a toll-free send: $0.00581 a part plus a $0.00302
carrier fee). Every other figure is made up: AWS publishes its prices per country on a pricing
page this mock does not copy, so the mock charges $0.05 a text part elsewhere, $0.02 (US) or
$0.05 an MMS, and $0.013 a voice minute everywhere. They exist so that spend limits and
``MaxPrice`` have something to count.
"""

from __future__ import annotations

import math

_TEXT_PART = {"US": 0.00581}
_TEXT_PART_ELSEWHERE = 0.05
_MEDIA = {"US": 0.02}
_MEDIA_ELSEWHERE = 0.05
VOICE_MINUTE = 0.013
_US_CARRIER_FEE = 0.00302  # toll-free and 10DLC traffic to US handsets
_FEE_TYPES = frozenset({"TOLL_FREE", "TEN_DLC"})
# GSM 03.38: the basic set (one septet each) and the extension (two septets each).
_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = frozenset("^{}\\[~]|€\f")
_CHARS_PER_MINUTE = 900  # a voice message is read at about 150 words a minute


_GSM = _GSM_BASIC | _GSM_EXTENSION


def encoding(body: str) -> str:
    """``GSM`` when every character is in GSM 03.38, else ``UNICODE``."""
    return "GSM" if _GSM.issuperset(body) else "UNICODE"


def parts(body: str, coding: str) -> int:
    if len(body) <= 70:  # one part whatever the characters
        return 1
    if coding == "GSM":
        length = len(body) + sum(1 for c in body if c in _GSM_EXTENSION)
        return 1 if length <= 160 else math.ceil(length / 153)
    return 1 if len(body) <= 70 else math.ceil(len(body) / 67)


def text(country: str, count: int) -> float:
    return round(_TEXT_PART.get(country, _TEXT_PART_ELSEWHERE) * count, 5)


def carrier_fee(country: str, number_type: str | None, count: int) -> float:
    if country == "US" and number_type in _FEE_TYPES:
        return round(_US_CARRIER_FEE * count, 5)
    return 0.0


def media(country: str) -> float:
    return _MEDIA.get(country, _MEDIA_ELSEWHERE)


def voice_minutes(body: str) -> int:
    return max(1, math.ceil(len(body) / _CHARS_PER_MINUTE))
