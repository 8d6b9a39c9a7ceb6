"""The options every way of turning the mock on accepts, checked once at construction."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Union

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import MockError
from pinpoint_mock.service.registrations.catalogue import (
    Catalogue,
    TypeDefinition,
    builtin_catalogue,
)
from pinpoint_mock.service.registrations.custom_types import parse_option

if TYPE_CHECKING:
    from pinpoint_mock.service.registrations.snapshots import RegistrationSnapshot, VersionSnapshot

OUTCOMES = ("manual", "approve", "deny", "authenticate")
# A callable policy answers an outcome, or (outcome, delay) to take that long on the clock.
ReviewPolicy = Union[
    str,
    "Callable[[RegistrationSnapshot, VersionSnapshot], str | tuple[str, timedelta]]",
]
DEFAULT_ACCOUNT = "123456789012"
# The quotas this mock enforces; each is a ServiceQuotaExceededException Reason of the model.
ENFORCED_QUOTAS = (
    "REGISTRATIONS_PER_ACCOUNT",
    "REGISTRATION_VERSIONS_CREATED_PER_DAY",
    "REGISTRATION_ATTACHMENTS_PER_ACCOUNT",
    "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY",
    "ASSOCIATIONS_PER_REGISTRATION",
    "PHONE_NUMBERS_PER_REGISTRATION",
    "PHONE_NUMBERS_PER_ACCOUNT",
    "TAGS_PER_RESOURCE",
    "POOLS_PER_ACCOUNT",
    "CONFIGURATION_SETS_PER_ACCOUNT",
    "OPT_OUT_LISTS_PER_ACCOUNT",
    "ORIGINATION_IDENTITIES_PER_POOL",
    "EVENT_DESTINATIONS_PER_CONFIGURATION_SET",
    "KEYWORDS_PER_PHONE_NUMBER",
    "KEYWORDS_PER_POOL",
    "SENDER_IDS_PER_ACCOUNT",
    "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT",
    "VERIFICATION_ATTEMPTS_PER_DAY",
    "PROTECT_CONFIGURATIONS_PER_ACCOUNT",
    "NOTIFY_CONFIGURATIONS_PER_ACCOUNT",
    "DAILY_NOTIFY_TIER_MESSAGE_LIMIT",
    "RCS_AGENTS_PER_ACCOUNT",
)
RegistrationTypes = Iterable[str] | Mapping[str, Mapping[str, Any] | None]


@dataclass(frozen=True)
class Options:
    review: ReviewPolicy = "manual"
    account_id: str = DEFAULT_ACCOUNT
    registration_types: frozenset[str] = frozenset()
    quotas: Mapping[str, int] = field(default_factory=dict)
    check_fields: bool = False
    # every account starts in the SMS sandbox, as new AWS accounts do
    sandbox: bool = False
    # with an automatic policy: how long a submitted version waits on the clock for its outcome
    review_after: timedelta | None = None
    # answer botocore's clients above the wire (in-process activations only)
    fast: bool = False
    # how many of the latest calls ``sms.calls`` keeps (None: every call, 0: none)
    call_log: int | None = 10_000
    # definitions added or replaced through registration_types (name -> definition)
    type_definitions: Mapping[str, TypeDefinition] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def catalogue(self) -> Catalogue:
        """Every registration type this mock accepts, with the definitions known."""
        return builtin_catalogue().extended(self.registration_types, self.type_definitions)

    @classmethod
    def build(
        cls,
        *,
        review: ReviewPolicy = "manual",
        account_id: str = DEFAULT_ACCOUNT,
        registration_types: RegistrationTypes | None = None,
        quotas: Mapping[str, int] | None = None,
        check_fields: bool = False,
        sandbox: bool = False,
        review_after: timedelta | None = None,
        fast: bool = False,
        call_log: int | None = 10_000,
    ) -> Options:
        if not callable(review) and review not in OUTCOMES:
            raise MockError(
                f"review={review!r} is not a review policy; use one of {', '.join(OUTCOMES)} "
                "or a callable (registration, version) -> one of those names"
            )
        if not (isinstance(account_id, str) and len(account_id) == 12 and account_id.isdigit()):
            raise MockError(f"account_id={account_id!r} must be a 12-digit string")
        types, definitions = parse_option(registration_types)
        if not isinstance(check_fields, bool):
            raise MockError(f"check_fields must be True or False, not {check_fields!r}")
        if not isinstance(sandbox, bool):
            raise MockError(f"sandbox must be True or False, not {sandbox!r}")
        if not isinstance(fast, bool):
            raise MockError(f"fast must be True or False, not {fast!r}")
        if call_log is not None and (
            not isinstance(call_log, int) or isinstance(call_log, bool) or call_log < 0
        ):
            raise MockError(
                f"call_log must be how many calls sms.calls keeps (an int >= 0) or None for "
                f"every call, not {call_log!r}"
            )
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
        if review_after is not None:
            seconds(review_after, "review_after")
            if review == "manual":
                raise MockError(
                    f"review_after={review_after!r} needs an automatic review policy: "
                    "review='approve', 'deny', 'authenticate' or a callable; with 'manual' "
                    "the version waits for the test, not for the clock"
                )
        return cls(
            review,
            account_id,
            types,
            limits,
            check_fields,
            sandbox,
            review_after,
            fast,
            call_log,
            type_definitions=definitions,
        )

    @classmethod
    def from_kwargs(cls, options: Mapping[str, Any]) -> Options:
        known = {
            "review",
            "account_id",
            "registration_types",
            "quotas",
            "check_fields",
            "sandbox",
            "review_after",
            "fast",
            "call_log",
        }
        unknown = sorted(set(options) - known)
        if unknown:
            raise MockError(
                f"unknown option(s) {', '.join(unknown)}; the options are {', '.join(sorted(known))}"
            )
        return cls.build(**options)


def seconds(delay: object, what: str) -> float:
    """A delay on the clock, checked: a non-negative ``datetime.timedelta``."""
    if not isinstance(delay, timedelta):
        raise MockError(
            f"{what} must be a datetime.timedelta, e.g. timedelta(days=3), not {delay!r}"
        )
    if delay < timedelta(0):
        raise MockError(f"{what} must not be negative, not {delay!r}")
    return delay.total_seconds()
