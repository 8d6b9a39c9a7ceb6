"""Where a protect configuration applies: AssociateProtectConfiguration and
DisassociateProtectConfiguration (a configuration set), SetAccountDefaultProtectConfiguration and
DeleteAccountDefaultProtectConfiguration (the account).

A configuration set has at most one protect configuration; associating another replaces it,
associating the same one again changes nothing. Disassociating one the set does not have is
``PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET``. The account has at most one
default; setting another replaces it. Removing the default when there is none is a
ResourceNotFoundException (``protect-configuration``), our choice: AWS does not document it.
The default is an account attribute: DescribeAccountAttributes shows it as
``DEFAULT_PROTECT_CONFIGURATION_ID``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import conflict, not_found
from pinpoint_mock.service import account
from pinpoint_mock.service.configuration_sets import ConfigurationSet, find_set
from pinpoint_mock.service.protect.records import (
    KIND,
    ProtectConfiguration,
    find_configuration,
    head,
)

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler

# The ResourceId of the not-found answer when no account default is set.
NO_DEFAULT = "DEFAULT_PROTECT_CONFIGURATION_ID"


def _pair(entry: ProtectConfiguration, configuration_set: ConfigurationSet) -> dict[str, Any]:
    return {
        "ConfigurationSetArn": configuration_set.arn,
        "ConfigurationSetName": configuration_set.id,
        **head(entry),
    }


def associate_protect_configuration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find_configuration(ctx.state, params["ProtectConfigurationId"])
    configuration_set = find_set(ctx.state, params["ConfigurationSetName"])
    configuration_set.protect_configuration_id = entry.id
    return _pair(entry, configuration_set)


def disassociate_protect_configuration(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find_configuration(ctx.state, params["ProtectConfigurationId"])
    configuration_set = find_set(ctx.state, params["ConfigurationSetName"])
    if configuration_set.protect_configuration_id != entry.id:
        raise conflict(
            "PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET",
            f"Protect configuration {entry.id} is not associated with configuration set "
            f"{configuration_set.id}.",
            KIND,
            entry.id,
        )
    configuration_set.protect_configuration_id = None
    return _pair(entry, configuration_set)


def _default(entry: ProtectConfiguration) -> dict[str, Any]:
    return {
        "DefaultProtectConfigurationArn": entry.arn,
        "DefaultProtectConfigurationId": entry.id,
    }


def set_account_default_protect_configuration(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    entry = find_configuration(ctx.state, params["ProtectConfigurationId"])
    account.account(ctx).protect_configuration = entry.id
    return _default(entry)


def delete_account_default_protect_configuration(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    current = account.looked_at(ctx).protect_configuration
    if current is None:
        raise not_found(KIND, NO_DEFAULT)
    entry = find_configuration(ctx.state, current)
    account.account(ctx).protect_configuration = None
    return _default(entry)


HANDLERS: dict[str, Handler] = {
    "AssociateProtectConfiguration": associate_protect_configuration,
    "DisassociateProtectConfiguration": disassociate_protect_configuration,
    "SetAccountDefaultProtectConfiguration": set_account_default_protect_configuration,
    "DeleteAccountDefaultProtectConfiguration": delete_account_default_protect_configuration,
}
