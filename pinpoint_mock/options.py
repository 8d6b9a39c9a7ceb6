"""The options every way of turning the mock on accepts, checked once at construction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Union

from pinpoint_mock import model
from pinpoint_mock.errors import MockError

if TYPE_CHECKING:
    from pinpoint_mock.registrations.snapshots import RegistrationSnapshot, VersionSnapshot

OUTCOMES = ("manual", "approve", "deny", "authenticate")
ReviewPolicy = Union[str, "Callable[[RegistrationSnapshot, VersionSnapshot], str]"]
DEFAULT_ACCOUNT = "123456789012"
# The quotas this mock enforces; each is a ServiceQuotaExceededException Reason of the model.
ENFORCED_QUOTAS = ("REGISTRATIONS_PER_ACCOUNT", "REGISTRATION_VERSIONS_CREATED_PER_DAY")


@dataclass(frozen=True)
class Options:
    review: ReviewPolicy = "manual"
    account_id: str = DEFAULT_ACCOUNT
    registration_types: frozenset[str] = frozenset()
    quotas: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        *,
        review: ReviewPolicy = "manual",
        account_id: str = DEFAULT_ACCOUNT,
        registration_types: Iterable[str] | None = None,
        quotas: Mapping[str, int] | None = None,
    ) -> Options:
        if not callable(review) and review not in OUTCOMES:
            raise MockError(
                f"review={review!r} is not a review policy; use one of {', '.join(OUTCOMES)} "
                "or a callable (registration, version) -> one of those names"
            )
        if not (isinstance(account_id, str) and len(account_id) == 12 and account_id.isdigit()):
            raise MockError(f"account_id={account_id!r} must be a 12-digit string")
        if isinstance(registration_types, str):
            raise MockError("registration_types takes a collection of type names, not one string")
        types = frozenset(registration_types or ())
        for name in types:
            if not isinstance(name, str) or not name.replace("_", "").isalnum():
                raise MockError(f"registration type {name!r} must match [A-Za-z0-9_]+")
        limits = dict(quotas or {})
        for name, limit in limits.items():
            if name not in ENFORCED_QUOTAS:
                known = model.enum("ServiceQuotaExceededExceptionReason")
                why = "is not a quota of this service" if name not in known else "is not modelled"
                raise MockError(
                    f"quota {name!r} {why}; pinpoint-mock enforces {', '.join(ENFORCED_QUOTAS)}"
                )
            if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
                raise MockError(f"quota {name} must be a non-negative int, not {limit!r}")
        return cls(review, account_id, types, limits)

    @classmethod
    def from_kwargs(cls, options: Mapping[str, Any]) -> Options:
        known = {"review", "account_id", "registration_types", "quotas"}
        unknown = sorted(set(options) - known)
        if unknown:
            raise MockError(
                f"unknown option(s) {', '.join(unknown)}; the options are {', '.join(sorted(known))}"
            )
        return cls.build(**options)
