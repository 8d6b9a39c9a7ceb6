"""Country rule sets and phone number overrides through boto3."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pinpoint_mock.engine import model
from tests.profiles import newer_model
from tests.service.registrations.helpers import fails

NEWER_STATUSES = pytest.mark.skipif(
    "FILTER" not in model.enum("ProtectStatus"),
    reason="this botocore's ProtectStatus has only ALLOW and BLOCK",
)
OVERRIDES = newer_model("PutProtectConfigurationRuleSetNumberOverride")


@pytest.fixture
def pid(client: Any) -> str:
    return str(client.create_protect_configuration()["ProtectConfigurationId"])


def test_every_country_is_allowed_at_first(client: Any, pid: str) -> None:
    got = client.get_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid, NumberCapability="VOICE"
    )
    assert (got["ProtectConfigurationId"], got["NumberCapability"]) == (pid, "VOICE")
    rules = got["CountryRuleSet"]
    assert len(rules) == 249
    assert {"US", "FR", "ZW", "AQ"} <= set(rules)
    assert {r["ProtectStatus"] for r in rules.values()} == {"ALLOW"}


def test_an_update_changes_one_capability(client: Any, pid: str) -> None:
    updated = client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid,
        NumberCapability="SMS",
        CountryRuleSetUpdates={"CA": {"ProtectStatus": "BLOCK"}, "US": {"ProtectStatus": "ALLOW"}},
    )
    assert updated["CountryRuleSet"]["CA"] == {"ProtectStatus": "BLOCK"}
    assert updated["CountryRuleSet"]["US"] == {"ProtectStatus": "ALLOW"}
    voice = client.get_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid, NumberCapability="VOICE"
    )["CountryRuleSet"]
    assert voice["CA"] == {"ProtectStatus": "ALLOW"}
    client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid,
        NumberCapability="SMS",
        CountryRuleSetUpdates={"CA": {"ProtectStatus": "ALLOW"}},
    )
    sms = client.get_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid, NumberCapability="SMS"
    )["CountryRuleSet"]
    assert sms["CA"] == {"ProtectStatus": "ALLOW"}


def test_a_country_that_is_none_is_refused_and_nothing_changes(client: Any, pid: str) -> None:
    refused = fails(
        client.update_protect_configuration_country_rule_set,
        ProtectConfigurationId=pid,
        NumberCapability="SMS",
        CountryRuleSetUpdates={"FR": {"ProtectStatus": "BLOCK"}, "ZZ": {"ProtectStatus": "BLOCK"}},
    )
    assert (refused["Error"]["Code"], refused["Reason"]) == (
        "ValidationException",
        "INVALID_PARAMETER",
    )
    rules = client.get_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid, NumberCapability="SMS"
    )["CountryRuleSet"]
    assert rules["FR"] == {"ProtectStatus": "ALLOW"}


@NEWER_STATUSES
def test_monitor_and_filter_are_sms_rules(client: Any, pid: str) -> None:
    updated = client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid,
        NumberCapability="SMS",
        CountryRuleSetUpdates={
            "GB": {"ProtectStatus": "MONITOR"},
            "DE": {"ProtectStatus": "FILTER"},
        },
    )["CountryRuleSet"]
    assert (updated["GB"]["ProtectStatus"], updated["DE"]["ProtectStatus"]) == ("MONITOR", "FILTER")
    for capability in ("VOICE", "MMS"):
        refused = fails(
            client.update_protect_configuration_country_rule_set,
            ProtectConfigurationId=pid,
            NumberCapability=capability,
            CountryRuleSetUpdates={"DE": {"ProtectStatus": "FILTER"}},
        )
        assert refused["Reason"] == "INVALID_PARAMETER"


@pytest.mark.skipif("RCS" not in model.enum("NumberCapability"), reason="no RCS capability here")
def test_rcs_has_no_rule_set(client: Any, pid: str) -> None:
    refused = fails(
        client.get_protect_configuration_country_rule_set,
        ProtectConfigurationId=pid,
        NumberCapability="RCS",
    )
    assert refused["Reason"] == "INVALID_PARAMETER"


def test_an_unknown_configuration_is_not_found(client: Any) -> None:
    missing = fails(
        client.get_protect_configuration_country_rule_set,
        ProtectConfigurationId="protect-" + "0" * 32,
        NumberCapability="SMS",
    )
    assert missing["ResourceType"] == "protect-configuration"


@OVERRIDES
def test_overrides_put_list_delete(client: Any, pid: str) -> None:
    later = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
    put = client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=pid,
        DestinationPhoneNumber="+33612345678",
        Action="ALLOW",
        ExpirationTimestamp=later,
    )
    assert (put["IsoCountryCode"], put["Action"], put["ExpirationTimestamp"]) == (
        "FR",
        "ALLOW",
        later,
    )
    client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=pid, DestinationPhoneNumber="12065550142", Action="BLOCK"
    )
    again = client.put_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=pid, DestinationPhoneNumber="+33612345678", Action="BLOCK"
    )
    assert again["CreatedTimestamp"] == put["CreatedTimestamp"]
    assert "ExpirationTimestamp" not in again
    listed = client.list_protect_configuration_rule_set_number_overrides(
        ProtectConfigurationId=pid
    )["RuleSetNumberOverrides"]
    assert [(o["DestinationPhoneNumber"], o["Action"]) for o in listed] == [
        ("+33612345678", "BLOCK"),
        ("+12065550142", "BLOCK"),
    ]

    def numbers(*filters: dict[str, Any]) -> list[str]:
        found = client.list_protect_configuration_rule_set_number_overrides(
            ProtectConfigurationId=pid, Filters=list(filters)
        )["RuleSetNumberOverrides"]
        return [o["DestinationPhoneNumber"] for o in found]

    assert numbers({"Name": "iso-country-code", "Values": ["US"]}) == ["+12065550142"]
    assert numbers({"Name": "destination-phone-number-begins-with", "Values": ["+336"]}) == [
        "+33612345678"
    ]
    assert numbers({"Name": "created-after", "Values": ["2000-01-01T00:00:00Z"]}) == [
        "+33612345678",
        "+12065550142",
    ]
    assert numbers({"Name": "expires-before", "Values": [str(later.timestamp())]}) == []
    bad = fails(
        client.list_protect_configuration_rule_set_number_overrides,
        ProtectConfigurationId=pid,
        Filters=[{"Name": "action", "Values": ["MAYBE"]}],
    )
    assert bad["Reason"] == "INVALID_FILTER_VALUES"
    deleted = client.delete_protect_configuration_rule_set_number_override(
        ProtectConfigurationId=pid, DestinationPhoneNumber="+12065550142"
    )
    assert deleted["Action"] == "BLOCK"
    missing = fails(
        client.delete_protect_configuration_rule_set_number_override,
        ProtectConfigurationId=pid,
        DestinationPhoneNumber="+12065550142",
    )
    assert missing["Error"]["Code"] == "ResourceNotFoundException"
