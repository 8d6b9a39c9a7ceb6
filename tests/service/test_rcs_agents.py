"""RCS agents through boto3: create, describe, update, delete, their country launches, and
how registrations (driven by the review API) move their status."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from tests.profiles import newer_model

pytestmark = newer_model("CreateRcsAgent")

TEST_TYPE = "TEST_RCS_LAUNCH_REGISTRATION"
US_LAUNCH = "US_RCS_LAUNCH_REGISTRATION"
TESTER = "+12065550142"


def _reason(raised: pytest.ExceptionInfo[ClientError]) -> Any:
    return raised.value.response.get("Reason")


def _associated(client: Any, agent: str, kind: str = TEST_TYPE) -> str:
    reg = client.create_registration(RegistrationType=kind)["RegistrationId"]
    client.create_registration_association(RegistrationId=reg, ResourceId=agent)
    return str(reg)


def _submitted(client: Any, agent: str, kind: str = TEST_TYPE) -> str:
    reg = _associated(client, agent, kind)
    client.submit_registration_version(RegistrationId=reg)
    return reg


def _agent(client: Any, agent: str) -> dict[str, Any]:
    found: dict[str, Any] = client.describe_rcs_agents(RcsAgentIds=[agent])["RcsAgents"][0]
    return found


def test_a_new_agent_is_created_with_its_settings(client: Any) -> None:
    made = client.create_rcs_agent(
        DeletionProtectionEnabled=True, Tags=[{"Key": "team", "Value": "rcs"}]
    )
    assert made["RcsAgentId"].startswith("rcs-")
    assert len(made["RcsAgentId"]) == 36
    assert made["RcsAgentArn"].endswith(f":rcs-agent/{made['RcsAgentId']}")
    assert made["Status"] == "CREATED"
    assert made["OptOutListName"] == "Default"
    assert made["DeletionProtectionEnabled"] is True
    assert made["TwoWayEnabled"] is False
    assert made["SelfManagedOptOutsEnabled"] is False
    assert made["Tags"] == [{"Key": "team", "Value": "rcs"}]
    shown = _agent(client, made["RcsAgentArn"])
    assert shown["RcsAgentId"] == made["RcsAgentId"]
    assert "TestingAgent" not in shown
    tags = client.list_tags_for_resource(ResourceArn=made["RcsAgentArn"])["Tags"]
    assert tags == [{"Key": "team", "Value": "rcs"}]


def test_create_names_an_opt_out_list_that_exists(client: Any) -> None:
    listed = client.create_opt_out_list(OptOutListName="rcs-list")
    made = client.create_rcs_agent(OptOutListName=listed["OptOutListArn"])
    assert made["OptOutListName"] == "rcs-list"
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_rcs_agent(OptOutListName="nope")
    with pytest.raises(client.exceptions.ConflictException) as raised:
        client.delete_opt_out_list(OptOutListName="rcs-list")
    assert _reason(raised) == "RESOURCE_DELETION_NOT_ALLOWED"


def test_client_token_returns_the_first_agent(client: Any) -> None:
    first = client.create_rcs_agent(ClientToken="once")
    again = client.create_rcs_agent(ClientToken="once")
    assert again["RcsAgentId"] == first["RcsAgentId"]
    assert len(client.describe_rcs_agents()["RcsAgents"]) == 1


def test_the_quota_counts_agents() -> None:
    with mock_sms_voice_v2(quotas={"RCS_AGENTS_PER_ACCOUNT": 1}):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        client.create_rcs_agent()
        with pytest.raises(client.exceptions.ServiceQuotaExceededException) as raised:
            client.create_rcs_agent()
        assert _reason(raised) == "RCS_AGENTS_PER_ACCOUNT"


def test_describe_filters_and_pages(client: Any) -> None:
    ids = [client.create_rcs_agent()["RcsAgentId"] for _ in range(3)]
    client.update_rcs_agent(RcsAgentId=ids[1], DeletionProtectionEnabled=True)
    protected = client.describe_rcs_agents(
        Filters=[{"Name": "deletion-protection-enabled", "Values": ["true"]}]
    )["RcsAgents"]
    assert [a["RcsAgentId"] for a in protected] == [ids[1]]
    created = client.describe_rcs_agents(Filters=[{"Name": "status", "Values": ["CREATED"]}])
    assert len(created["RcsAgents"]) == 3
    pages = client.get_paginator("describe_rcs_agents").paginate(PaginationConfig={"PageSize": 2})
    assert [a["RcsAgentId"] for p in pages for a in p["RcsAgents"]] == ids
    with pytest.raises(client.exceptions.ValidationException) as raised:
        client.describe_rcs_agents(Filters=[{"Name": "status", "Values": ["SLEEPING"]}])
    assert _reason(raised) == "INVALID_FILTER_VALUES"
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_rcs_agents(RcsAgentIds=["rcs-" + "0" * 32])
    assert client.describe_rcs_agents(Owner="SHARED")["RcsAgents"] == []


def test_update_changes_settings(client: Any) -> None:
    agent = client.create_rcs_agent()["RcsAgentId"]
    client.create_opt_out_list(OptOutListName="other")
    channel = "arn:aws:sns:us-east-1:123456789012:inbound"
    updated = client.update_rcs_agent(
        RcsAgentId=agent,
        OptOutListName="other",
        SelfManagedOptOutsEnabled=True,
        TwoWayEnabled=True,
        TwoWayChannelArn=channel,
        TwoWayRcsEventsEnabled=["ALL"],
        TwoWayMediaS3BucketName="inbound-media",
        TwoWayMediaS3Role="arn:aws:iam::123456789012:role/media",
    )
    assert updated["OptOutListName"] == "other"
    assert updated["SelfManagedOptOutsEnabled"]
    assert updated["TwoWayEnabled"]
    assert updated["TwoWayChannelArn"] == channel
    assert updated["TwoWayRcsEventsEnabled"] == ["ALL"]
    assert updated["TwoWayMediaS3BucketName"] == "inbound-media"
    two_way = client.describe_rcs_agents(
        Filters=[{"Name": "two-way-channel-arn", "Values": [channel]}]
    )
    assert [a["RcsAgentId"] for a in two_way["RcsAgents"]] == [agent]
    unset = "UNSET_RCS_MEDIA_CONFIGURATION"
    cleared = client.update_rcs_agent(
        RcsAgentId=agent, TwoWayMediaS3BucketName=unset, TwoWayMediaS3Role=unset
    )
    assert "TwoWayMediaS3BucketName" not in cleared


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"TwoWayEnabled": True}, "TWO_WAY_CHANNEL_NOT_PRESENT"),
        ({"TwoWayMediaS3BucketName": "inbound-media"}, "TWO_WAY_NOT_ENABLED"),
        ({"TwoWayRcsEventsEnabled": ["ALL", "READ"]}, "INVALID_PARAMETER"),
    ],
)
def test_update_refuses_what_does_not_fit(client: Any, params: dict[str, Any], reason: str) -> None:
    agent = client.create_rcs_agent()["RcsAgentId"]
    with pytest.raises(client.exceptions.ValidationException) as raised:
        client.update_rcs_agent(RcsAgentId=agent, **params)
    assert _reason(raised) == reason


def test_delete_honours_protection_and_answers_deleted(client: Any) -> None:
    agent = client.create_rcs_agent(DeletionProtectionEnabled=True)["RcsAgentId"]
    with pytest.raises(client.exceptions.ConflictException) as raised:
        client.delete_rcs_agent(RcsAgentId=agent)
    assert _reason(raised) == "DELETION_PROTECTION_ENABLED"
    client.update_rcs_agent(RcsAgentId=agent, DeletionProtectionEnabled=False)
    deleted = client.delete_rcs_agent(RcsAgentId=agent)
    assert deleted["Status"] == "DELETED"
    assert deleted["RcsAgentId"] == agent
    with pytest.raises(client.exceptions.ResourceNotFoundException) as missing:
        client.delete_rcs_agent(RcsAgentId=agent)
    assert missing.value.response["ResourceType"] == "rcs-agent"


def test_an_agent_held_by_a_registration_cannot_be_deleted(client: Any) -> None:
    agent = client.create_rcs_agent()["RcsAgentId"]
    reg = _associated(client, agent)
    with pytest.raises(client.exceptions.ConflictException) as raised:
        client.delete_rcs_agent(RcsAgentId=agent)
    assert _reason(raised) == "RESOURCE_NOT_EMPTY"
    client.delete_registration(RegistrationId=reg)
    assert client.delete_rcs_agent(RcsAgentId=agent)["Status"] == "DELETED"


def test_the_test_registration_makes_a_testing_agent(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = client.create_rcs_agent()["RcsAgentId"]
    reg = _associated(client, agent)
    listed = client.list_registration_associations(RegistrationId=reg)
    assert listed["RegistrationAssociations"][0]["ResourceId"] == agent
    assert _agent(client, agent)["TestingAgent"] == {"Status": "CREATED", "RegistrationId": reg}
    client.submit_registration_version(RegistrationId=reg)
    shown = _agent(client, agent)
    assert (shown["Status"], shown["TestingAgent"]["Status"]) == ("PENDING", "PENDING")
    sms.review(reg).approve()
    shown = _agent(client, agent)
    assert (shown["Status"], shown["TestingAgent"]["Status"]) == ("TESTING", "ACTIVE")
    assert shown["TestingAgent"]["TestingAgentId"]
    testing = client.describe_rcs_agents(Filters=[{"Name": "status", "Values": ["TESTING"]}])
    assert [a["RcsAgentId"] for a in testing["RcsAgents"]] == [agent]


def test_an_agent_holds_one_registration_of_a_type(client: Any) -> None:
    agent = client.create_rcs_agent()["RcsAgentId"]
    _associated(client, agent)
    second = client.create_registration(RegistrationType=TEST_TYPE)["RegistrationId"]
    with pytest.raises(client.exceptions.ConflictException) as raised:
        client.create_registration_association(RegistrationId=second, ResourceId=agent)
    assert _reason(raised) == "RCS_AGENT_ALREADY_ASSOCIATED_TO_REGISTRATION_TYPE"
    with pytest.raises(client.exceptions.ResourceNotFoundException) as missing:
        client.create_registration_association(RegistrationId=second, ResourceId="rcs-" + "0" * 32)
    assert missing.value.response["ResourceType"] == "rcs-agent"


def test_country_launches_move_the_agent_to_partial_and_active() -> None:
    types = [US_LAUNCH, "CA_RCS_LAUNCH_REGISTRATION"]
    with mock_sms_voice_v2(registration_types=types) as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        agent = client.create_rcs_agent()["RcsAgentId"]
        us = _submitted(client, agent, US_LAUNCH)
        ca = _associated(client, agent, "CA_RCS_LAUNCH_REGISTRATION")
        launches = client.describe_rcs_agent_country_launch_status(RcsAgentId=agent)
        assert [(c["IsoCountryCode"], c["Status"]) for c in launches["CountryLaunchStatus"]] == [
            ("US", "PENDING"),
            ("CA", "CREATED"),
        ]
        assert launches["CountryLaunchStatus"][0]["RegistrationId"] == us
        sms.review(us).approve()
        assert _agent(client, agent)["Status"] == "PARTIAL"
        active = client.describe_rcs_agent_country_launch_status(
            RcsAgentId=agent, Filters=[{"Name": "country-launch-status", "Values": ["ACTIVE"]}]
        )["CountryLaunchStatus"]
        assert [c["IsoCountryCode"] for c in active] == ["US"]
        assert active[0]["CarrierStatus"][0]["Status"] == "ACTIVE"
        assert active[0]["RcsPlatformId"]
        client.submit_registration_version(RegistrationId=ca)
        sms.review(ca).deny()
        canada = client.describe_rcs_agent_country_launch_status(
            RcsAgentId=agent, IsoCountryCodes=["CA"]
        )["CountryLaunchStatus"]
        assert [(c["Status"], c["CarrierStatus"][0]["Status"]) for c in canada] == [
            ("REJECTED", "REJECTED")
        ]
        client.create_registration_version(RegistrationId=ca)
        client.submit_registration_version(RegistrationId=ca)
        sms.review(ca).approve()
        assert _agent(client, agent)["Status"] == "ACTIVE"


def test_an_agent_joins_one_pool_which_governs_its_settings(client: Any) -> None:
    agent = client.create_rcs_agent()["RcsAgentId"]
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )["PhoneNumberId"]
    pool = client.create_pool(
        OriginationIdentity=number, IsoCountryCode="US", MessageType="TRANSACTIONAL"
    )["PoolId"]
    joined = client.associate_origination_identity(PoolId=pool, OriginationIdentity=agent)
    assert joined["OriginationIdentity"] == agent
    assert "IsoCountryCode" not in joined
    assert _agent(client, agent)["PoolId"] == pool
    members = client.list_pool_origination_identities(PoolId=pool)["OriginationIdentities"]
    assert members[1]["OriginationIdentity"] == agent
    assert members[1]["NumberCapabilities"] == ["RCS"]
    for call in (
        lambda: client.create_pool(OriginationIdentity=agent, MessageType="TRANSACTIONAL"),
        lambda: client.delete_rcs_agent(RcsAgentId=agent),
        lambda: client.update_rcs_agent(RcsAgentId=agent, SelfManagedOptOutsEnabled=True),
    ):
        with pytest.raises(client.exceptions.ConflictException) as raised:
            call()
        assert _reason(raised) == "RCS_AGENT_ASSOCIATED_TO_POOL"
    client.update_pool(PoolId=pool, SelfManagedOptOutsEnabled=True)
    assert _agent(client, agent)["SelfManagedOptOutsEnabled"] is True
    client.disassociate_origination_identity(PoolId=pool, OriginationIdentity=agent)
    assert "PoolId" not in _agent(client, agent)


def test_keywords_on_an_agent(client: Any) -> None:
    agent = client.create_rcs_agent()
    put = client.put_keyword(
        OriginationIdentity=agent["RcsAgentArn"], Keyword="HELLOEUM", KeywordMessage="Hi!"
    )
    assert put["OriginationIdentity"] == agent["RcsAgentId"]
    words = client.describe_keywords(OriginationIdentity=agent["RcsAgentId"])["Keywords"]
    assert [w["Keyword"] for w in words] == ["HELP", "STOP", "HELLOEUM"]
    client.delete_keyword(OriginationIdentity=agent["RcsAgentId"], Keyword="HELLOEUM")


def test_state_export_keeps_agents(client: Any, sms: SmsVoiceV2Mock) -> None:
    agent = client.create_rcs_agent(DeletionProtectionEnabled=True)["RcsAgentId"]
    saved = sms.export_state()
    sms.reset()
    assert client.describe_rcs_agents()["RcsAgents"] == []
    sms.import_state(saved)
    assert _agent(client, agent)["DeletionProtectionEnabled"] is True
