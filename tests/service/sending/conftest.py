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


def event_set(client: Any, name: str, *matching: str) -> str:
    """A configuration set ``name`` whose one destination (an SNS topic) takes these event
    types; returns the set's name."""
    client.create_configuration_set(ConfigurationSetName=name)
    client.create_event_destination(
        ConfigurationSetName=name,
        EventDestinationName=name,
        MatchingEventTypes=list(matching),
        SnsDestination={"TopicArn": f"arn:aws:sns:us-east-1:123456789012:{name}"},
    )
    return name
