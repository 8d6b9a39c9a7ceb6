"""What a protect configuration holds: its country rules per capability and its phone number
overrides, and how an ID or ARN finds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.resources import PROTECT_CONFIGURATION, Resource, find
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.service import account

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context
    from pinpoint_mock.engine.store import RegionState

KIND = PROTECT_CONFIGURATION.arn_type
ALLOW = "ALLOW"  # every country of every capability until a rule says otherwise


@dataclass(slots=True, eq=False)
class NumberOverride:
    """A phone number rule override: ``action`` for ``number``, until ``expires`` (if set)."""

    number: str  # E.164, with its +
    action: str  # ALLOW or BLOCK
    iso_country_code: str  # ZZ for a number of no country the mock knows
    created: float
    seq: int  # creation order, for listing
    expires: float | None = None

    def applies(self, at: float) -> bool:
        return self.expires is None or at < self.expires


@dataclass(slots=True, eq=False)
class ProtectConfiguration(Resource):
    deletion_protection: bool = False
    # capability (SMS, VOICE, MMS) -> ISO country code -> status other than ALLOW
    rules: dict[str, dict[str, str]] = field(default_factory=dict)
    overrides: dict[str, NumberOverride] = field(default_factory=dict)  # by number

    def status(self, capability: str, country: str) -> str:
        return self.rules.get(capability, {}).get(country, ALLOW)


# kept by sms.export_state(), overrides and rules with their configuration
register_kind(KIND, ProtectConfiguration)


def find_configuration(state: RegionState, id_or_arn: str) -> ProtectConfiguration:
    entry: ProtectConfiguration = find(state, PROTECT_CONFIGURATION, id_or_arn)
    return entry


def default_id(ctx: Context) -> str | None:
    """The ID of the account default protect configuration, if one is set."""
    return account.looked_at(ctx).protect_configuration


def head(entry: ProtectConfiguration) -> dict[str, Any]:
    return {"ProtectConfigurationArn": entry.arn, "ProtectConfigurationId": entry.id}


def view(ctx: Context, entry: ProtectConfiguration) -> dict[str, Any]:
    """The members every protect configuration answer has (ProtectConfigurationInformation)."""
    return {
        **head(entry),
        "CreatedTimestamp": entry.created,
        "AccountDefault": default_id(ctx) == entry.id,
        "DeletionProtectionEnabled": entry.deletion_protection,
    }
