"""Errors: service outcomes the client sees, and misuse of the mock by a test.

A :class:`ServiceError` is what the service answers; the wire layer turns it into the
awsJson1_0 error body, so botocore raises its own modelled ``ClientError``. Everything
else in this module is raised at the test author, in Python, when the mock is misused.
"""

from __future__ import annotations

from typing import Any

# HTTP statuses that are not 400. Every modelled error of this service is a client
# error (400) except InternalServerException.
_STATUS: dict[str, int] = {
    "InternalServerException": 500,
    "NotImplemented": 501,
}


class ServiceError(Exception):
    """An error answer of the service: ``code`` is the ``__type``, ``fields`` its members."""

    def __init__(self, code: str, message: str, **fields: Any) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.fields = fields

    @property
    def status(self) -> int:
        return _STATUS.get(self.code, 400)

    def body(self) -> dict[str, Any]:
        """The JSON error body, modelled members at the top level as AWS sends them."""
        body: dict[str, Any] = {"__type": self.code, "Message": self.message}
        body.update(self.fields)
        return body


def validation_error(
    message: str, reason: str, fields: list[dict[str, str]] | None = None
) -> ServiceError:
    extra: dict[str, Any] = {"Reason": reason}
    if fields:
        extra["Fields"] = fields
    return ServiceError("ValidationException", message, **extra)


def not_found(resource_type: str, resource_id: str) -> ServiceError:
    return ServiceError(
        "ResourceNotFoundException",
        f"No {resource_type} with id {resource_id} was found.",
        ResourceType=resource_type,
        ResourceId=resource_id,
    )


def conflict(reason: str, message: str, resource_type: str, resource_id: str) -> ServiceError:
    return ServiceError(
        "ConflictException",
        message,
        Reason=reason,
        ResourceType=resource_type,
        ResourceId=resource_id,
    )


def quota_exceeded(reason: str, limit: int) -> ServiceError:
    return ServiceError(
        "ServiceQuotaExceededException",
        f"The quota {reason} of {limit} has been reached.",
        Reason=reason,
    )


class MockError(Exception):
    """Misuse of pinpoint-mock itself (bad option, stop without start, ...)."""


class InvalidTransition(MockError):
    """A review step that the real service could not take from the current status."""

    def __init__(self, registration_id: str, current: str, wanted: str, detail: str) -> None:
        super().__init__(
            f"registration {registration_id} cannot go to {wanted}: it is {current}. {detail}"
        )
        self.registration_id = registration_id
        self.current = current
        self.wanted = wanted
