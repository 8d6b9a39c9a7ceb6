"""Scenes for the Notify tests."""

from __future__ import annotations

from typing import Any

ENGLISH = "notify-code-verification-english-001"
SUBSCRIBER = "+12065550142"


def configuration(client: Any, **extra: Any) -> dict[str, Any]:
    """A new configuration (SMS unless ``EnabledChannels`` says otherwise)."""
    params: dict[str, Any] = {
        "DisplayName": "AnyCompany",
        "UseCase": "CODE_VERIFICATION",
        "EnabledChannels": ["SMS"],
        **extra,
    }
    created: dict[str, Any] = client.create_notify_configuration(**params)
    return created


def described(client: Any, nid: str) -> dict[str, Any]:
    (found,) = client.describe_notify_configurations(NotifyConfigurationIds=[nid])[
        "NotifyConfigurations"
    ]
    return dict(found)


def error(raised: Any) -> tuple[str, str | None]:
    response = raised.value.response
    return response["Error"]["Code"], response.get("Reason")
