"""CreateProtectConfiguration, DescribeProtectConfigurations, UpdateProtectConfiguration and
DeleteProtectConfiguration.

A new configuration allows every country of every capability. Only deletion protection can
change. Deleting needs deletion protection off (``DELETION_PROTECTION_ENABLED``), the
configuration not the account default (``PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT``) and in
no configuration set (``PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET``), as the
model documents. The ``quotas`` option's ``PROTECT_CONFIGURATIONS_PER_ACCOUNT`` caps them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import conflict
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.listing import boolean, listing, with_token
from pinpoint_mock.engine.resources import (
    CONFIGURATION_SET,
    PROTECT_CONFIGURATION,
    add,
    candidates,
    check_deletable,
    check_quota,
    remove,
    stamp,
)
from pinpoint_mock.service.protect.records import (
    KIND,
    ProtectConfiguration,
    default_id,
    find_configuration,
    view,
)
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable


@idempotent("CreateProtectConfiguration", KIND, "ProtectConfigurationId")
def create_protect_configuration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    tags = new_tags(ctx, params.get("Tags"))
    check_quota(ctx, PROTECT_CONFIGURATION)
    entry = ProtectConfiguration(
        **stamp(state, PROTECT_CONFIGURATION),
        deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
    )
    entry.tags = tags
    add(state, PROTECT_CONFIGURATION, entry)
    return with_tags(view(ctx, entry), tags)


def describe_protect_configurations(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    default = default_id(ctx)
    filters: FilterTable[ProtectConfiguration] = {
        "account-default": boolean(lambda p: p.id == default),
        "deletion-protection-enabled": boolean(lambda p: p.deletion_protection),
    }
    chosen = candidates(
        state,
        PROTECT_CONFIGURATION,
        params,
        "ProtectConfigurationIds",
        lambda named: find_configuration(state, named),
    )
    found, token = listing(ctx, params, chosen, lambda e: e.seq, filters)
    return with_token({"ProtectConfigurations": [view(ctx, e) for e in found]}, token)


def update_protect_configuration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find_configuration(ctx.state, params["ProtectConfigurationId"])
    if "DeletionProtectionEnabled" in params:
        entry.deletion_protection = params["DeletionProtectionEnabled"]
    return view(ctx, entry)


def delete_protect_configuration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    entry = find_configuration(state, params["ProtectConfigurationId"])
    check_deletable(PROTECT_CONFIGURATION, entry)
    if default_id(ctx) == entry.id:
        raise conflict(
            "PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT",
            f"Protect configuration {entry.id} is the account default; remove it with "
            "DeleteAccountDefaultProtectConfiguration before deleting it.",
            KIND,
            entry.id,
        )
    sets = [
        s.id for s in state.of(CONFIGURATION_SET).values() if s.protect_configuration_id == entry.id
    ]
    if sets:
        raise conflict(
            "PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET",
            f"Protect configuration {entry.id} is associated with configuration set(s) "
            f"{', '.join(sets)}; disassociate it first.",
            KIND,
            entry.id,
        )
    result = view(ctx, entry)
    remove(state, PROTECT_CONFIGURATION, entry)
    return result


HANDLERS: dict[str, Handler] = {
    "CreateProtectConfiguration": create_protect_configuration,
    "DescribeProtectConfigurations": describe_protect_configurations,
    "UpdateProtectConfiguration": update_protect_configuration,
    "DeleteProtectConfiguration": delete_protect_configuration,
}
