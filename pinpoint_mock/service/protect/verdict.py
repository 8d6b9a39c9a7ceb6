"""What protect says of a send: which configuration applies, and whether the message goes.

The configuration a send meets is, as AWS documents: the ``ProtectConfigurationId`` of the
request; else the one associated with the request's configuration set; else the account
default; else none. Its decision for a destination, after the opt-out list has had its say
(an opted-out number is refused even with an ALLOW override, as AWS documents):

1. an override of the destination number that has not expired: BLOCK refuses the send with
   ConflictException ``DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE``, ALLOW
   lets it go whatever the country's rule;
2. else the country's rule for the channel's capability (text SMS, voice VOICE, media MMS):
   BLOCK refuses with ConflictException ``DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION``;
   ALLOW, MONITOR and FILTER let it go. The mock has no AIT risk model, so FILTER flags no
   message by itself: ``sms.set_delivery(number, "TEXT_PROTECT_BLOCKED")`` plays a flagged
   destination, whose messages end ``TEXT_PROTECT_BLOCKED`` at no charge.

A message that goes carries the decision in its event records, ``protectConfiguration:
{protectConfigurationId, protectStatus}`` (the override's action when one applied).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import conflict
from pinpoint_mock.engine.resources import PROTECT_CONFIGURATION, lookup
from pinpoint_mock.engine.store import now
from pinpoint_mock.service.protect.records import (
    KIND,
    ProtectConfiguration,
    default_id,
    find_configuration,
)

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context
    from pinpoint_mock.service.configuration_sets import ConfigurationSet


@dataclass(frozen=True, slots=True)
class Verdict:
    """A send protect lets go: the configuration that decided, and its status."""

    configuration_id: str
    status: str  # ALLOW, MONITOR or FILTER (an ALLOW override: ALLOW)

    def record(self) -> dict[str, str]:
        """The ``protectConfiguration`` member of the message's event records."""
        return {"protectConfigurationId": self.configuration_id, "protectStatus": self.status}


def applying(
    ctx: Context, params: dict[str, Any], configuration_set: ConfigurationSet | None
) -> ProtectConfiguration | None:
    """The configuration that applies to a send (ResourceNotFoundException when the request
    names one that does not exist)."""
    named = params.get("ProtectConfigurationId")
    if named:
        return find_configuration(ctx.state, named)
    for candidate in (
        configuration_set.protect_configuration_id if configuration_set else None,
        default_id(ctx),
    ):
        if candidate is not None:
            found: ProtectConfiguration | None = lookup(ctx.state, PROTECT_CONFIGURATION, candidate)
            if found is not None:
                return found
    return None


def judge(
    entry: ProtectConfiguration | None, capability: str, destination: str, country: str
) -> Verdict | None:
    """What ``entry`` says of a message of ``capability`` to ``destination`` (of ``country``):
    a ConflictException when it blocks it, else its verdict (None without a configuration)."""
    if entry is None:
        return None
    override = entry.overrides.get(destination)
    if override is not None and override.applies(now()):
        if override.action == "BLOCK":
            raise conflict(
                "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE",
                f"Protect configuration {entry.id} has a BLOCK override for {destination}.",
                KIND,
                entry.id,
            )
        return Verdict(entry.id, override.action)
    status = entry.status(capability, country)
    if status == "BLOCK":
        raise conflict(
            "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION",
            f"Protect configuration {entry.id} blocks {capability} messages to {country}.",
            KIND,
            entry.id,
        )
    return Verdict(entry.id, status)
