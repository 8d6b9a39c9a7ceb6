"""Scenes for the sending tests: numbers that send."""

from __future__ import annotations

from typing import Any

SUBSCRIBER = "+12065550142"


def long_code(client: Any, *capabilities: str, **extra: Any) -> dict[str, Any]:
    """An active US long code with these capabilities (SMS by default)."""
    found: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=list(capabilities or ("SMS",)),
        NumberType="LONG_CODE",
        **extra,
    )
    return found
