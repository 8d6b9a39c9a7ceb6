"""Protect configurations through boto3: created, described, updated, deleted; where they apply
(configuration sets, the account default); kept by export_state."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from tests.service.registrations.helpers import fails

ARN = "arn:aws:sms-voice:us-east-1:123456789012:protect-configuration/"


def _new(client: Any, **params: Any) -> str:
    return str(client.create_protect_configuration(**params)["ProtectConfigurationId"])


def test_create_describe_update_delete(client: Any) -> None:
    made = client.create_protect_configuration(Tags=[{"Key": "Name", "Value": "otp"}])
    pid = made["ProtectConfigurationId"]
    assert pid.startswith("protect-")
    assert len(pid) == len("protect-") + 32
    assert made["ProtectConfigurationArn"] == ARN + pid
    assert (made["AccountDefault"], made["DeletionProtectionEnabled"]) == (False, False)
    assert made["Tags"] == [{"Key": "Name", "Value": "otp"}]
    listed = client.list_tags_for_resource(ResourceArn=made["ProtectConfigurationArn"])
    assert listed["Tags"] == [{"Key": "Name", "Value": "otp"}]
    other = _new(client, DeletionProtectionEnabled=True)
    every = client.describe_protect_configurations()["ProtectConfigurations"]
    assert [p["ProtectConfigurationId"] for p in every] == [pid, other]
    assert "Tags" not in every[0]
    protected = client.describe_protect_configurations(
        Filters=[{"Name": "deletion-protection-enabled", "Values": ["true"]}]
    )["ProtectConfigurations"]
    assert [p["ProtectConfigurationId"] for p in protected] == [other]
    by_arn = client.describe_protect_configurations(
        ProtectConfigurationIds=[made["ProtectConfigurationArn"]]
    )["ProtectConfigurations"]
    assert [p["ProtectConfigurationId"] for p in by_arn] == [pid]
    refused = fails(client.delete_protect_configuration, ProtectConfigurationId=other)
    assert (refused["Reason"], refused["ResourceId"]) == ("DELETION_PROTECTION_ENABLED", other)
    updated = client.update_protect_configuration(
        ProtectConfigurationId=other, DeletionProtectionEnabled=False
    )
    assert updated["DeletionProtectionEnabled"] is False
    deleted = client.delete_protect_configuration(ProtectConfigurationId=other)
    assert deleted["ProtectConfigurationId"] == other
    gone = fails(client.describe_protect_configurations, ProtectConfigurationIds=[other])
    assert (gone["Error"]["Code"], gone["ResourceType"]) == (
        "ResourceNotFoundException",
        "protect-configuration",
    )


def test_pages(client: Any) -> None:
    made = [_new(client) for _ in range(3)]
    pages = client.get_paginator("describe_protect_configurations").paginate(
        PaginationConfig={"PageSize": 2}
    )
    seen = [p["ProtectConfigurationId"] for page in pages for p in page["ProtectConfigurations"]]
    assert seen == made


def test_the_account_default(client: Any) -> None:
    first, second = _new(client), _new(client)
    assert client.describe_account_attributes()["AccountAttributes"] == [
        {"Name": "ACCOUNT_TIER", "Value": "PRODUCTION"}
    ]
    set_first = client.set_account_default_protect_configuration(ProtectConfigurationId=first)
    assert set_first == {
        "DefaultProtectConfigurationArn": ARN + first,
        "DefaultProtectConfigurationId": first,
        "ResponseMetadata": set_first["ResponseMetadata"],
    }
    client.set_account_default_protect_configuration(ProtectConfigurationId=ARN + second)
    attributes = client.describe_account_attributes()["AccountAttributes"]
    assert {"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": second} in attributes
    defaults = client.describe_protect_configurations(
        Filters=[{"Name": "account-default", "Values": ["true"]}]
    )["ProtectConfigurations"]
    assert [(p["ProtectConfigurationId"], p["AccountDefault"]) for p in defaults] == [
        (second, True)
    ]
    refused = fails(client.delete_protect_configuration, ProtectConfigurationId=second)
    assert refused["Reason"] == "PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT"
    removed = client.delete_account_default_protect_configuration()
    assert removed["DefaultProtectConfigurationId"] == second
    assert len(client.describe_account_attributes()["AccountAttributes"]) == 1
    none = fails(client.delete_account_default_protect_configuration)
    assert (none["Error"]["Code"], none["ResourceType"]) == (
        "ResourceNotFoundException",
        "protect-configuration",
    )
    client.delete_protect_configuration(ProtectConfigurationId=second)


def test_associations_with_configuration_sets(client: Any) -> None:
    first, second = _new(client), _new(client)
    for name in ("a", "b"):
        client.create_configuration_set(ConfigurationSetName=name)
    made = client.associate_protect_configuration(
        ProtectConfigurationId=first, ConfigurationSetName="a"
    )
    assert (made["ConfigurationSetName"], made["ProtectConfigurationId"]) == ("a", first)
    client.associate_protect_configuration(ProtectConfigurationId=first, ConfigurationSetName="a")
    client.associate_protect_configuration(ProtectConfigurationId=first, ConfigurationSetName="b")
    client.associate_protect_configuration(ProtectConfigurationId=second, ConfigurationSetName="b")
    sets = client.describe_configuration_sets()["ConfigurationSets"]
    assert [(s["ConfigurationSetName"], s["ProtectConfigurationId"]) for s in sets] == [
        ("a", first),
        ("b", second),  # replaced
    ]
    filtered = client.describe_configuration_sets(
        Filters=[{"Name": "protect-configuration-id", "Values": [first]}]
    )["ConfigurationSets"]
    assert [s["ConfigurationSetName"] for s in filtered] == ["a"]
    refused = fails(client.delete_protect_configuration, ProtectConfigurationId=first)
    assert refused["Reason"] == "PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET"
    not_there = fails(
        client.disassociate_protect_configuration,
        ProtectConfigurationId=first,
        ConfigurationSetName="b",
    )
    assert not_there["Reason"] == "PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET"
    client.disassociate_protect_configuration(
        ProtectConfigurationId=first, ConfigurationSetName="a"
    )
    (a,) = client.describe_configuration_sets(ConfigurationSetNames=["a"])["ConfigurationSets"]
    assert "ProtectConfigurationId" not in a
    client.delete_protect_configuration(ProtectConfigurationId=first)
    missing = fails(
        client.associate_protect_configuration,
        ProtectConfigurationId=second,
        ConfigurationSetName="nowhere",
    )
    assert missing["ResourceType"] == "configuration-set"


def test_client_token_and_quota() -> None:
    with mock_sms_voice_v2(quotas={"PROTECT_CONFIGURATIONS_PER_ACCOUNT": 1}):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        first = client.create_protect_configuration(ClientToken="t")
        again = client.create_protect_configuration(ClientToken="t")
        assert again["ProtectConfigurationId"] == first["ProtectConfigurationId"]
        other = fails(client.create_protect_configuration, ClientToken="t", Tags=[])
        assert other["Reason"] == "RESOURCE_ALREADY_EXISTS"
        full = fails(client.create_protect_configuration)
        assert full["Reason"] == "PROTECT_CONFIGURATIONS_PER_ACCOUNT"


@pytest.mark.parametrize("capability", ["SMS", "VOICE", "MMS"])
def test_export_keeps_rules_associations_and_the_default(
    client: Any, sms: SmsVoiceV2Mock, capability: str
) -> None:
    pid = _new(client)
    client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid,
        NumberCapability=capability,
        CountryRuleSetUpdates={"FR": {"ProtectStatus": "BLOCK"}},
    )
    client.create_configuration_set(ConfigurationSetName="cs")
    client.associate_protect_configuration(ProtectConfigurationId=pid, ConfigurationSetName="cs")
    client.set_account_default_protect_configuration(ProtectConfigurationId=pid)
    state = sms.export_state()
    sms.reset()
    assert client.describe_protect_configurations()["ProtectConfigurations"] == []
    sms.import_state(state)
    (kept,) = client.describe_protect_configurations()["ProtectConfigurations"]
    assert (kept["ProtectConfigurationId"], kept["AccountDefault"]) == (pid, True)
    rules = client.get_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid, NumberCapability=capability
    )["CountryRuleSet"]
    assert rules["FR"] == {"ProtectStatus": "BLOCK"}
    (cs,) = client.describe_configuration_sets()["ConfigurationSets"]
    assert cs["ProtectConfigurationId"] == pid
