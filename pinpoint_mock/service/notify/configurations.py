"""Notify configurations: CreateNotifyConfiguration, DescribeNotifyConfigurations,
UpdateNotifyConfiguration, DeleteNotifyConfiguration.

A configuration starts on the Basic tier (``Tier`` and ``TierUpgradeStatus`` ``BASIC``: the
upgrade goes through a registration AWS does not model here) and is ``PENDING`` in the
CreateNotifyConfiguration answer while its display name is reviewed. AWS says most
configurations turn ``ACTIVE`` within seconds; here the review is over before the next call,
which sees its outcome: ``ACTIVE``, or ``REQUIRES_VERIFICATION`` for a display name with a
brand word of the catalogue (``AMAZON``, ``AWS``), or ``REJECTED`` (with ``RejectionReason``)
for one with a URL word (``HTTP``, ``HTTPS``, ``WWW``). Only an ACTIVE configuration sends.

Channels are ``SMS`` and ``VOICE``; countries are those of the catalogue its tier reaches
(none given, or an empty list: all of them); either otherwise is ``INVALID_PARAMETER``. A default
template must be in the catalogue (ResourceNotFoundException ``notify-template``), open to the
tier and share a channel with the configuration. ``PoolId`` names a pool of the account; that
pool cannot be deleted while a configuration names it (``POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION``).
``UNSET_DEFAULT_TEMPLATE`` and ``UNSET_DEFAULT_POOL_FOR_NOTIFY`` clear them; an empty string
is the same as leaving the member out. At most 10 configurations an account and Region (ours;
the ``quotas`` option changes it): ``NOTIFY_CONFIGURATIONS_PER_ACCOUNT``.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import quota_exceeded, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.listing import boolean, listing, with_token
from pinpoint_mock.engine.resources import (
    NOTIFY_CONFIGURATION,
    Resource,
    add,
    candidates,
    check_deletable,
    find,
    remove,
    stamp,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.service.notify.catalogue import catalogue, find_template
from pinpoint_mock.service.pools import find_pool
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable
    from pinpoint_mock.engine.store import RegionState

KIND = NOTIFY_CONFIGURATION
CHANNELS = ("SMS", "VOICE")
DEFAULT_CONFIGURATIONS = 10
UNSET_TEMPLATE = "UNSET_DEFAULT_TEMPLATE"
UNSET_POOL = "UNSET_DEFAULT_POOL_FOR_NOTIFY"
_WORDS = re.compile(r"[ _-]+")


@dataclass(slots=True, eq=False)
class NotifyConfiguration(Resource):
    display_name: str = ""
    use_case: str = "CODE_VERIFICATION"
    default_template_id: str | None = None
    pool_id: str | None = None
    enabled_countries: list[str] | None = None  # None: every country of the tier
    enabled_channels: list[str] = field(default_factory=list)
    tier: str = "BASIC"
    tier_upgrade_status: str = "BASIC"
    status: str = "ACTIVE"  # the review's outcome, seen from the call after the create on
    rejection_reason: str | None = None
    deletion_protection: bool = False
    sent: deque[float] = field(default_factory=deque)  # its messages of the last 24 hours

    def countries(self) -> list[str]:
        """The countries it may send to."""
        if self.enabled_countries:
            return list(self.enabled_countries)
        return [c.iso for c in catalogue().countries.values() if self.tier in c.tiers]


register_kind(KIND.arn_type, NotifyConfiguration)  # kept by sms.export_state()


def _full_view(config: NotifyConfiguration, status: str | None) -> dict[str, Any]:
    view: dict[str, Any] = {
        "NotifyConfigurationArn": config.arn,
        "NotifyConfigurationId": config.id,
        "DisplayName": config.display_name,
        "UseCase": config.use_case,
        "EnabledChannels": list(config.enabled_channels),
        "Tier": config.tier,
        "TierUpgradeStatus": config.tier_upgrade_status,
        "Status": status or config.status,
        "DeletionProtectionEnabled": config.deletion_protection,
        "CreatedTimestamp": config.created,
    }
    if config.default_template_id is not None:
        view["DefaultTemplateId"] = config.default_template_id
    if config.pool_id is not None:
        view["PoolId"] = config.pool_id
    if config.enabled_countries:
        view["EnabledCountries"] = list(config.enabled_countries)
    if config.rejection_reason is not None and status is None:
        view["RejectionReason"] = config.rejection_reason
    return view


def _view(
    config: NotifyConfiguration, shape_name: str, status: str | None = None
) -> dict[str, Any]:
    members = model.members(shape_name)
    return {k: v for k, v in _full_view(config, status).items() if k in members}


def find_configuration(state: RegionState, id_or_arn: str) -> NotifyConfiguration:
    config: NotifyConfiguration = find(state, KIND, id_or_arn)
    return config


def _invalid(member: str, message: str) -> Exception:
    field_name = member[0].lower() + member[1:]
    return validation_error(
        message, "INVALID_PARAMETER", [{"Name": field_name, "Message": message}]
    )


def _channels(values: list[str]) -> list[str]:
    other = [v for v in values if v not in CHANNELS]
    if other:
        raise _invalid(
            "EnabledChannels", f"Notify sends over SMS and VOICE only, not {', '.join(other)}."
        )
    return list(dict.fromkeys(values))


def _countries(values: list[str], tier: str) -> list[str] | None:
    known = catalogue().countries
    other = [v for v in values if v not in known or tier not in known[v].tiers]
    if other:
        raise _invalid(
            "EnabledCountries",
            f"Notify's {tier} tier does not reach {', '.join(other)}; ListNotifyCountries "
            "lists the countries of each tier.",
        )
    return list(dict.fromkeys(values)) or None


def _template(template_id: str, tier: str, channels: list[str]) -> str:
    template = find_template(template_id)
    if tier not in template.tiers:
        raise _invalid(
            "DefaultTemplateId",
            f"Template {template_id} is for the {' and '.join(template.tiers)} tier, not {tier}.",
        )
    if not set(template.channels) & set(channels):
        raise _invalid(
            "DefaultTemplateId",
            f"Template {template_id} sends over {', '.join(template.channels)}; the "
            f"configuration has {', '.join(channels)}.",
        )
    return template_id


def _review(config: NotifyConfiguration) -> None:
    """The automated review of the display name (ours: a word list, case-insensitive)."""
    words = set(_WORDS.split(config.display_name.upper()))
    known = catalogue()
    if words & known.url_words:
        config.status = "REJECTED"
        config.rejection_reason = "The display name contains a URL."
    elif words & known.brand_names:
        config.status = "REQUIRES_VERIFICATION"


@idempotent("CreateNotifyConfiguration", KIND.arn_type, KIND.id_member)
def create_notify_configuration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    config = NotifyConfiguration(
        **stamp(state, KIND),
        display_name=params["DisplayName"],
        use_case=params["UseCase"],
        enabled_channels=_channels(params["EnabledChannels"]),
        deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
    )
    config.enabled_countries = _countries(params.get("EnabledCountries") or [], config.tier)
    template_id = params.get("DefaultTemplateId")
    if template_id and template_id != UNSET_TEMPLATE:
        config.default_template_id = _template(template_id, config.tier, config.enabled_channels)
    if params.get("PoolId"):
        config.pool_id = find_pool(state, params["PoolId"]).id
    tags = new_tags(ctx, params.get("Tags"))
    assert KIND.quota is not None
    limit = ctx.service.options.quotas.get(KIND.quota, DEFAULT_CONFIGURATIONS)
    if len(state.of(KIND)) >= limit:
        raise quota_exceeded(KIND.quota, limit)
    config.tags = tags
    _review(config)
    add(state, KIND, config)
    return with_tags(_view(config, "CreateNotifyConfigurationResult", "PENDING"), tags)


_FILTERS: FilterTable[NotifyConfiguration] = {
    "display-name": (None, lambda c: c.display_name),
    "enabled-countries": (None, lambda c: c.countries()),
    "enabled-channels": ("NumberCapability", lambda c: c.enabled_channels),
    "default-template": (None, lambda c: (c.default_template_id,) if c.default_template_id else ()),
    "default-pool": (None, lambda c: (c.pool_id,) if c.pool_id else ()),
    "use-case": ("NotifyConfigurationUseCase", lambda c: c.use_case),
    "status": ("NotifyConfigurationStatus", lambda c: c.status),
    "deletion-protection-enabled": boolean(lambda c: c.deletion_protection),
    "tier-upgrade-status": ("TierUpgradeStatus", lambda c: c.tier_upgrade_status),
}


def describe_notify_configurations(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    chosen = candidates(
        state, KIND, params, "NotifyConfigurationIds", lambda i: find_configuration(state, i)
    )
    found, token = listing(ctx, params, chosen, lambda c: c.seq, _FILTERS)
    shown = [_view(c, "NotifyConfigurationInformation") for c in found]
    return with_token({"NotifyConfigurations": shown}, token)


def update_notify_configuration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    config = find_configuration(state, params["NotifyConfigurationId"])
    channels = config.enabled_channels
    if "EnabledChannels" in params:
        channels = _channels(params["EnabledChannels"])
    countries = config.enabled_countries
    if "EnabledCountries" in params:
        countries = _countries(params["EnabledCountries"], config.tier)
    template_id = params.get("DefaultTemplateId") or None
    pool = params.get("PoolId")
    pool_id = config.pool_id
    if pool == UNSET_POOL:
        pool_id = None
    elif pool:
        pool_id = find_pool(state, pool).id
    default = config.default_template_id
    if template_id == UNSET_TEMPLATE:
        default = None
    elif template_id is not None:
        default = _template(template_id, config.tier, channels)
    config.enabled_channels, config.enabled_countries = channels, countries
    config.default_template_id, config.pool_id = default, pool_id
    if "DeletionProtectionEnabled" in params:
        config.deletion_protection = params["DeletionProtectionEnabled"]
    return _view(config, "UpdateNotifyConfigurationResult")


def delete_notify_configuration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    config = find_configuration(state, params["NotifyConfigurationId"])
    check_deletable(KIND, config)
    remove(state, KIND, config)
    return _view(config, "DeleteNotifyConfigurationResult")


HANDLERS: dict[str, Handler] = {
    "CreateNotifyConfiguration": create_notify_configuration,
    "DescribeNotifyConfigurations": describe_notify_configurations,
    "UpdateNotifyConfiguration": update_notify_configuration,
    "DeleteNotifyConfiguration": delete_notify_configuration,
}
