"""Small helpers shared by the registration tests."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from pinpoint_mock.engine.model import members

TOLL_FREE = "US_TOLL_FREE_REGISTRATION"


def stamped(*keys: str) -> list[str]:
    """The history timestamps among ``keys`` that the installed botocore model has
    (1.35.43 has no RequiresAuthenticationTimestamp)."""
    known = members("RegistrationVersionStatusHistory")
    return [k for k in keys if k in known]


def new(client: Any, kind: str = TOLL_FREE) -> str:
    return str(client.create_registration(RegistrationType=kind)["RegistrationId"])


def registration(client: Any, rid: str) -> dict[str, Any]:
    result: dict[str, Any] = client.describe_registrations(RegistrationIds=[rid])["Registrations"][
        0
    ]
    return result


def versions(client: Any, rid: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = client.describe_registration_versions(RegistrationId=rid)[
        "RegistrationVersions"
    ]
    return result


def status(client: Any, rid: str) -> tuple[str, list[str]]:
    return registration(client, rid)["RegistrationStatus"], [
        v["RegistrationVersionStatus"] for v in versions(client, rid)
    ]


def fails(call: Any, **params: Any) -> dict[str, Any]:
    with pytest.raises(ClientError) as err:
        call(**params)
    response: dict[str, Any] = err.value.response
    return response


def conflict(call: Any, reason: str, **params: Any) -> dict[str, Any]:
    response = fails(call, **params)
    assert response["Error"]["Code"] == "ConflictException", response
    assert response["Reason"] == reason, response
    assert response["ResourceType"] == "registration"
    return response
