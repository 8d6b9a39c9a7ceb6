"""Notify configurations through boto3: create, the review, describe and its filters, update,
delete, deletion protection, the quota, and the pool a configuration holds."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from tests.profiles import newer_model

from .conftest import ENGLISH, configuration, described, error

pytestmark = newer_model("CreateNotifyConfiguration")


def _pool(client: Any) -> str:
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )["PhoneNumberId"]
    return str(
        client.create_pool(
            OriginationIdentity=number, IsoCountryCode="US", MessageType="TRANSACTIONAL"
        )["PoolId"]
    )


def test_a_new_configuration_is_pending_then_active_on_the_basic_tier(client: Any) -> None:
    created = configuration(client, Tags=[{"Key": "team", "Value": "otp"}])
    nid = created["NotifyConfigurationId"]
    assert nid.startswith("notify-")
    assert len(nid) == len("notify-") + 32
    assert created["NotifyConfigurationArn"].endswith(f":notify-configuration/{nid}")
    assert (created["Status"], created["Tier"], created["TierUpgradeStatus"]) == (
        "PENDING",
        "BASIC",
        "BASIC",
    )
    assert created["Tags"] == [{"Key": "team", "Value": "otp"}]
    assert created["DeletionProtectionEnabled"] is False
    found = described(client, nid)
    assert found["Status"] == "ACTIVE"
    assert "EnabledCountries" not in found
    assert "DefaultTemplateId" not in found
    tags = client.list_tags_for_resource(ResourceArn=created["NotifyConfigurationArn"])["Tags"]
    assert tags == [{"Key": "team", "Value": "otp"}]


@pytest.mark.parametrize(
    ("name", "status", "reason"),
    [
        ("AWS Login", "REQUIRES_VERIFICATION", None),
        ("www-acme", "REJECTED", "The display name contains a URL."),
    ],
)
def test_the_display_name_review(client: Any, name: str, status: str, reason: str | None) -> None:
    nid = configuration(client, DisplayName=name)["NotifyConfigurationId"]
    found = described(client, nid)
    assert found["Status"] == status
    assert found.get("RejectionReason") == reason


def test_settings_are_kept_and_checked(client: Any) -> None:
    pool = _pool(client)
    created = configuration(
        client,
        EnabledChannels=["SMS", "VOICE", "SMS"],
        EnabledCountries=["US", "CA"],
        DefaultTemplateId=ENGLISH,
        PoolId=pool,
        DeletionProtectionEnabled=True,
    )
    assert created["EnabledChannels"] == ["SMS", "VOICE"]
    assert created["EnabledCountries"] == ["US", "CA"]
    assert (created["DefaultTemplateId"], created["PoolId"]) == (ENGLISH, pool)
    for bad, reason in [
        ({"EnabledChannels": ["MMS"]}, "INVALID_PARAMETER"),
        ({"EnabledCountries": ["TR"]}, "INVALID_PARAMETER"),  # Advanced tier only
        ({"DefaultTemplateId": "notify-code-verification-german-001"}, "INVALID_PARAMETER"),
        ({"DefaultTemplateId": "notify-code-verification-english-voice-001"}, "INVALID_PARAMETER"),
    ]:
        with pytest.raises(ClientError) as raised:
            configuration(client, **bad)
        assert error(raised) == ("ValidationException", reason), bad
    with pytest.raises(ClientError) as raised:
        configuration(client, DefaultTemplateId="notify-nothing-001")
    assert raised.value.response["ResourceType"] == "notify-template"
    with pytest.raises(ClientError) as raised:
        configuration(client, PoolId="pool-" + "0" * 32)
    assert raised.value.response["ResourceType"] == "pool"


def test_update_sets_and_unsets(client: Any) -> None:
    pool = _pool(client)
    nid = configuration(client)["NotifyConfigurationId"]
    updated = client.update_notify_configuration(
        NotifyConfigurationId=nid,
        DefaultTemplateId=ENGLISH,
        PoolId=pool,
        EnabledCountries=["GB"],
        EnabledChannels=["SMS", "VOICE"],
    )
    assert (updated["DefaultTemplateId"], updated["PoolId"]) == (ENGLISH, pool)
    assert updated["EnabledCountries"] == ["GB"]
    assert updated["Status"] == "ACTIVE"
    cleared = client.update_notify_configuration(
        NotifyConfigurationId=nid,
        DefaultTemplateId="UNSET_DEFAULT_TEMPLATE",
        PoolId="UNSET_DEFAULT_POOL_FOR_NOTIFY",
    )
    assert "DefaultTemplateId" not in cleared
    assert "PoolId" not in cleared
    assert cleared["EnabledCountries"] == ["GB"]
    with pytest.raises(ClientError) as raised:  # nothing changes when one setting is refused
        client.update_notify_configuration(
            NotifyConfigurationId=nid, EnabledChannels=["VOICE"], DefaultTemplateId=ENGLISH
        )
    assert error(raised) == ("ValidationException", "INVALID_PARAMETER")
    assert described(client, nid)["EnabledChannels"] == ["SMS", "VOICE"]


def test_filters_and_pages(client: Any) -> None:
    first = configuration(client, EnabledCountries=["US"])["NotifyConfigurationId"]
    second = configuration(
        client, DisplayName="Other", EnabledChannels=["VOICE"], DeletionProtectionEnabled=True
    )["NotifyConfigurationId"]
    rejected = configuration(client, DisplayName="http shop")["NotifyConfigurationId"]

    def ids(*filters: tuple[str, list[str]]) -> list[str]:
        pages = client.get_paginator("describe_notify_configurations").paginate(
            Filters=[{"Name": n, "Values": v} for n, v in filters], PaginationConfig={"PageSize": 1}
        )
        return [c["NotifyConfigurationId"] for p in pages for c in p["NotifyConfigurations"]]

    assert ids() == [first, second, rejected]
    assert ids(("display-name", ["Other"])) == [second]
    assert ids(("enabled-channels", ["VOICE"])) == [second]
    assert ids(("enabled-countries", ["GB"])) == [second, rejected]  # every Basic country
    assert ids(("status", ["REJECTED"])) == [rejected]
    assert ids(("deletion-protection-enabled", ["true"])) == [second]
    assert ids(("use-case", ["CODE_VERIFICATION"]), ("tier-upgrade-status", ["BASIC"])) == [
        first,
        second,
        rejected,
    ]
    assert ids(("default-template", [ENGLISH])) == []
    with pytest.raises(ClientError) as raised:
        ids(("status", ["SLEEPING"]))
    assert error(raised) == ("ValidationException", "INVALID_FILTER_VALUES")
    with pytest.raises(ClientError) as raised:
        client.describe_notify_configurations(NotifyConfigurationIds=["notify-" + "0" * 32])
    assert raised.value.response["ResourceType"] == "notify-configuration"


def test_delete_with_and_without_protection(client: Any) -> None:
    created = configuration(client, DeletionProtectionEnabled=True)
    nid = created["NotifyConfigurationId"]
    with pytest.raises(ClientError) as raised:
        client.delete_notify_configuration(NotifyConfigurationId=nid)
    assert error(raised) == ("ConflictException", "DELETION_PROTECTION_ENABLED")
    client.update_notify_configuration(NotifyConfigurationId=nid, DeletionProtectionEnabled=False)
    deleted = client.delete_notify_configuration(
        NotifyConfigurationId=created["NotifyConfigurationArn"]
    )
    assert deleted["NotifyConfigurationId"] == nid
    assert deleted["Status"] == "ACTIVE"
    assert client.describe_notify_configurations()["NotifyConfigurations"] == []


def test_a_pool_a_configuration_names_cannot_be_deleted(client: Any) -> None:
    pool = _pool(client)
    nid = configuration(client, PoolId=pool)["NotifyConfigurationId"]
    with pytest.raises(ClientError) as raised:
        client.delete_pool(PoolId=pool)
    assert error(raised) == ("ConflictException", "POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION")
    assert raised.value.response["ResourceId"] == pool
    client.update_notify_configuration(
        NotifyConfigurationId=nid, PoolId="UNSET_DEFAULT_POOL_FOR_NOTIFY"
    )
    assert client.delete_pool(PoolId=pool)["PoolId"] == pool


def test_ten_configurations_an_account_unless_the_quota_says_otherwise(client: Any) -> None:
    for _ in range(10):
        configuration(client)
    with pytest.raises(ClientError) as raised:
        configuration(client)
    assert error(raised) == ("ServiceQuotaExceededException", "NOTIFY_CONFIGURATIONS_PER_ACCOUNT")


def test_the_quotas_option_sets_the_configuration_quota() -> None:
    with mock_sms_voice_v2(quotas={"NOTIFY_CONFIGURATIONS_PER_ACCOUNT": 1}):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        configuration(client)
        with pytest.raises(ClientError) as raised:
            configuration(client)
    assert error(raised) == ("ServiceQuotaExceededException", "NOTIFY_CONFIGURATIONS_PER_ACCOUNT")


def test_client_token_replays_the_first_answer(client: Any) -> None:
    first = configuration(client, ClientToken="t-1")
    again = configuration(client, ClientToken="t-1")
    del first["ResponseMetadata"], again["ResponseMetadata"]
    assert again == first
    assert len(client.describe_notify_configurations()["NotifyConfigurations"]) == 1
    with pytest.raises(ClientError) as raised:
        configuration(client, ClientToken="t-1", DisplayName="Else")
    assert error(raised) == ("ConflictException", "RESOURCE_ALREADY_EXISTS")


def test_configurations_survive_export_and_import(sms: SmsVoiceV2Mock, client: Any) -> None:
    nid = configuration(client, EnabledCountries=["JP"])["NotifyConfigurationId"]
    data = sms.export_state()
    sms.reset()
    sms.import_state(data)
    assert described(client, nid)["EnabledCountries"] == ["JP"]
