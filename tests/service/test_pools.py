"""Pools and their origination identities, and UpdatePhoneNumber beside them, through boto3."""

from __future__ import annotations

import re
from typing import Any

import boto3

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import model
from pinpoint_mock.engine.resources import already_associated
from tests.service.registrations.helpers import fails as error

POOL_ID = re.compile(r"pool-[0-9a-f]{32}")
TOPIC = "arn:aws:sns:us-east-1:123456789012:inbound"


def number(client: Any, message_type: str = "TRANSACTIONAL", **kw: Any) -> dict[str, Any]:
    answer: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType=message_type,
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
        **kw,
    )
    return answer


def pool(client: Any, phone: dict[str, Any], **kw: Any) -> dict[str, Any]:
    answer: dict[str, Any] = client.create_pool(
        OriginationIdentity=phone["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType=phone["MessageType"],
        **kw,
    )
    return answer


def test_a_pool_takes_its_first_numbers_configuration_and_the_number_shows_it(
    client: Any,
) -> None:
    client.create_opt_out_list(OptOutListName="marketing")
    phone = number(client, OptOutListName="marketing", DeletionProtectionEnabled=True)
    created = pool(client, phone, Tags=[{"Key": "team", "Value": "a"}])
    assert POOL_ID.fullmatch(created["PoolId"])
    assert (
        created["PoolArn"] == f"arn:aws:sms-voice:us-east-1:123456789012:pool/{created['PoolId']}"
    )
    assert created["Status"] == "ACTIVE"
    assert created["OptOutListName"] == "marketing"
    assert created["DeletionProtectionEnabled"] is False  # not inherited
    assert created["Tags"] == [{"Key": "team", "Value": "a"}]
    shown = client.describe_phone_numbers(PhoneNumberIds=[phone["PhoneNumberId"]])
    assert shown["PhoneNumbers"][0]["PoolId"] == created["PoolId"]
    tags = client.list_tags_for_resource(ResourceArn=created["PoolArn"])["Tags"]
    assert tags == [{"Key": "team", "Value": "a"}]


def test_create_pool_refuses_a_message_type_other_than_the_numbers(client: Any) -> None:
    phone = number(client, "PROMOTIONAL")
    answer = error(
        client.create_pool,
        OriginationIdentity=phone["PhoneNumberId"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    assert answer["Reason"] == "MESSAGE_TYPE_MISMATCH"


def test_an_unknown_identity_or_pool_is_not_found(client: Any) -> None:
    missing = "phone-" + "0" * 32
    answer = error(
        client.create_pool,
        OriginationIdentity=missing,
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
    )
    assert (answer["Error"]["Code"], answer["ResourceType"]) == (
        "ResourceNotFoundException",
        "phone-number",
    )
    answer = error(client.describe_pools, PoolIds=["pool-" + "0" * 32])
    assert answer["ResourceType"] == "pool"


def test_describe_pools_by_id_arn_filter_and_owner(client: Any) -> None:
    first = pool(client, number(client))
    second = pool(client, number(client, "PROMOTIONAL"), DeletionProtectionEnabled=True)
    every = client.describe_pools()["Pools"]
    assert [p["PoolId"] for p in every] == [first["PoolId"], second["PoolId"]]
    by_arn = client.describe_pools(PoolIds=[second["PoolArn"]])["Pools"]
    assert [p["PoolId"] for p in by_arn] == [second["PoolId"]]
    promotional = client.describe_pools(
        Filters=[{"Name": "message-type", "Values": ["PROMOTIONAL"]}]
    )
    assert [p["PoolId"] for p in promotional["Pools"]] == [second["PoolId"]]
    protected = client.describe_pools(
        Filters=[{"Name": "deletion-protection-enabled", "Values": ["true"]}]
    )
    assert [p["PoolId"] for p in protected["Pools"]] == [second["PoolId"]]
    assert client.describe_pools(Owner="SHARED")["Pools"] == []
    together = error(client.describe_pools, Owner="SELF", PoolIds=[first["PoolId"]])
    assert together["Reason"] == "PARAMETERS_CANNOT_BE_USED_TOGETHER"
    pages = client.get_paginator("describe_pools").paginate(PaginationConfig={"PageSize": 1})
    assert [len(page["Pools"]) for page in pages] == [1, 1]


def test_numbers_that_differ_from_the_pool_are_refused_with_the_reason(client: Any) -> None:
    created = pool(client, number(client))
    client.create_opt_out_list(OptOutListName="other")
    cases = [
        (number(client, OptOutListName="other"), "OPT_OUT_LIST_MISMATCH"),
        (number(client, "PROMOTIONAL"), "MESSAGE_TYPE_MISMATCH"),
    ]
    managed = number(client)
    client.update_phone_number(
        PhoneNumberId=managed["PhoneNumberId"], SelfManagedOptOutsEnabled=True
    )
    cases.append((managed, "SELF_MANAGED_OPT_OUTS_MISMATCH"))
    two_way = number(client)
    client.update_phone_number(
        PhoneNumberId=two_way["PhoneNumberId"], TwoWayEnabled=True, TwoWayChannelArn=TOPIC
    )
    cases.append((two_way, "TWO_WAY_CONFIG_MISMATCH"))
    for phone, reason in cases:
        answer = error(
            client.associate_origination_identity,
            PoolId=created["PoolId"],
            OriginationIdentity=phone["PhoneNumberId"],
            IsoCountryCode="US",
        )
        assert (answer["Error"]["Code"], answer["Reason"]) == ("ConflictException", reason)
    listed = client.list_pool_origination_identities(PoolId=created["PoolId"])
    assert len(listed["OriginationIdentities"]) == 1


def test_where_two_way_would_go_matters_only_while_it_is_on(client: Any) -> None:
    was_two_way = number(client)
    for enabled in (True, False):  # two-way on, then off: its channel stays on the number
        client.update_phone_number(
            PhoneNumberId=was_two_way["PhoneNumberId"],
            TwoWayEnabled=enabled,
            TwoWayChannelArn=TOPIC,
        )
    created = pool(client, was_two_way)
    fresh = number(client)
    client.associate_origination_identity(
        PoolId=created["PoolId"], OriginationIdentity=fresh["PhoneNumberId"], IsoCountryCode="US"
    )
    listed = client.list_pool_origination_identities(PoolId=created["PoolId"])
    assert len(listed["OriginationIdentities"]) == 2


def test_associate_list_and_disassociate(client: Any) -> None:
    first = number(client)
    created = pool(client, first)
    second = number(client)
    joined = client.associate_origination_identity(
        PoolId=created["PoolArn"], OriginationIdentity=second["PhoneNumberArn"], IsoCountryCode="US"
    )
    assert joined["OriginationIdentityArn"] == second["PhoneNumberArn"]
    assert joined["PoolId"] == created["PoolId"]
    again = error(
        client.associate_origination_identity,
        PoolId=created["PoolId"],
        OriginationIdentity=second["PhoneNumberId"],
        IsoCountryCode="US",
    )
    assert again["Reason"] == already_associated()
    other = pool(client, number(client))
    taken = error(
        client.associate_origination_identity,
        PoolId=other["PoolId"],
        OriginationIdentity=second["PhoneNumberId"],
        IsoCountryCode="US",
    )
    assert taken["Reason"] == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    listed = client.list_pool_origination_identities(PoolId=created["PoolId"])
    assert [i["PhoneNumber"] for i in listed["OriginationIdentities"]] == [
        first["PhoneNumber"],
        second["PhoneNumber"],
    ]
    assert listed["OriginationIdentities"][0]["NumberCapabilities"] == ["SMS"]
    filtered = client.list_pool_origination_identities(
        PoolId=created["PoolId"], Filters=[{"Name": "number-capability", "Values": ["VOICE"]}]
    )
    assert filtered["OriginationIdentities"] == []
    client.disassociate_origination_identity(
        PoolId=created["PoolId"], OriginationIdentity=second["PhoneNumberId"], IsoCountryCode="US"
    )
    shown = client.describe_phone_numbers(PhoneNumberIds=[second["PhoneNumberId"]])
    assert "PoolId" not in shown["PhoneNumbers"][0]
    not_in = error(
        client.disassociate_origination_identity,
        PoolId=created["PoolId"],
        OriginationIdentity=second["PhoneNumberId"],
        IsoCountryCode="US",
    )
    assert not_in["Reason"] == "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL"
    last = error(
        client.disassociate_origination_identity,
        PoolId=created["PoolId"],
        OriginationIdentity=first["PhoneNumberId"],
        IsoCountryCode="US",
    )
    assert last["Reason"] == "LAST_PHONE_NUMBER"


def test_request_phone_number_into_a_pool(client: Any) -> None:
    created = pool(client, number(client))
    joined = number(client, PoolId=created["PoolId"])
    assert joined["PoolId"] == created["PoolId"]
    listed = client.list_pool_origination_identities(PoolId=created["PoolId"])
    assert len(listed["OriginationIdentities"]) == 2
    mismatch = error(
        client.request_phone_number,
        IsoCountryCode="US",
        MessageType="PROMOTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
        PoolId=created["PoolId"],
    )
    assert mismatch["Reason"] == "MESSAGE_TYPE_MISMATCH"
    assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 2  # nothing half-made


def test_update_pool_governs_its_members_and_pooled_numbers_refuse_those_settings(
    client: Any,
) -> None:
    phone = number(client)
    created = pool(client, phone)
    no_channel = error(client.update_pool, PoolId=created["PoolId"], TwoWayEnabled=True)
    assert no_channel["Reason"] == "TWO_WAY_CHANNEL_NOT_PRESENT"
    updated = client.update_pool(
        PoolId=created["PoolId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=TOPIC,
        SharedRoutesEnabled=True,
        DeletionProtectionEnabled=True,
    )
    assert (updated["TwoWayEnabled"], updated["TwoWayChannelArn"]) == (True, TOPIC)
    assert updated["SharedRoutesEnabled"] is True
    member = client.describe_phone_numbers(PhoneNumberIds=[phone["PhoneNumberId"]])
    assert member["PhoneNumbers"][0]["TwoWayChannelArn"] == TOPIC
    refused = error(
        client.update_phone_number, PhoneNumberId=phone["PhoneNumberId"], TwoWayEnabled=False
    )
    assert refused["Reason"] == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    own = client.update_phone_number(
        PhoneNumberId=phone["PhoneNumberId"], DeletionProtectionEnabled=True
    )
    assert own["DeletionProtectionEnabled"] is True
    released = error(client.release_phone_number, PhoneNumberId=phone["PhoneNumberId"])
    assert released["Reason"] == "DELETION_PROTECTION_ENABLED"
    client.update_phone_number(
        PhoneNumberId=phone["PhoneNumberId"], DeletionProtectionEnabled=False
    )
    released = error(client.release_phone_number, PhoneNumberId=phone["PhoneNumberId"])
    assert released["Reason"] == "PHONE_NUMBER_ASSOCIATED_TO_POOL"


def test_delete_pool_honours_deletion_protection_and_frees_its_numbers(client: Any) -> None:
    phone = number(client)
    created = pool(client, phone, DeletionProtectionEnabled=True)
    protected = error(client.delete_pool, PoolId=created["PoolId"])
    assert (protected["Reason"], protected["ResourceId"]) == (
        "DELETION_PROTECTION_ENABLED",
        created["PoolId"],
    )
    client.update_pool(PoolId=created["PoolId"], DeletionProtectionEnabled=False)
    deleted = client.delete_pool(PoolId=created["PoolId"])
    assert deleted["Status"] == "DELETING"
    assert client.describe_pools()["Pools"] == []
    shown = client.describe_phone_numbers(PhoneNumberIds=[phone["PhoneNumberId"]])
    assert "PoolId" not in shown["PhoneNumbers"][0]
    client.release_phone_number(PhoneNumberId=phone["PhoneNumberId"])


def test_update_phone_number_settings_and_opt_out_list(client: Any) -> None:
    phone = number(client)
    missing = error(
        client.update_phone_number, PhoneNumberId=phone["PhoneNumberId"], OptOutListName="nope"
    )
    assert missing["ResourceType"] == "opt-out-list"
    client.create_opt_out_list(OptOutListName="mine")
    international = "InternationalSendingEnabled" in model.members("UpdatePhoneNumberRequest")
    updated = client.update_phone_number(
        PhoneNumberId=phone["PhoneNumberId"],
        OptOutListName="mine",
        SelfManagedOptOutsEnabled=True,
        **({"InternationalSendingEnabled": True} if international else {}),
    )
    assert updated["OptOutListName"] == "mine"
    assert updated["SelfManagedOptOutsEnabled"] is True
    assert updated.get("InternationalSendingEnabled") is (True if international else None)
    in_use = error(client.delete_opt_out_list, OptOutListName="mine")
    assert in_use["Reason"] == "RESOURCE_DELETION_NOT_ALLOWED"


def test_quotas_on_pools_and_their_members() -> None:
    quotas = {"POOLS_PER_ACCOUNT": 1, "ORIGINATION_IDENTITIES_PER_POOL": 1}
    with mock_sms_voice_v2(quotas=quotas):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        created = pool(client, number(client))
        over = error(
            client.create_pool,
            OriginationIdentity=number(client)["PhoneNumberId"],
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
        )
        assert (over["Error"]["Code"], over["Reason"]) == (
            "ServiceQuotaExceededException",
            "POOLS_PER_ACCOUNT",
        )
        full = error(
            client.associate_origination_identity,
            PoolId=created["PoolId"],
            OriginationIdentity=number(client)["PhoneNumberId"],
            IsoCountryCode="US",
        )
        assert full["Reason"] == "ORIGINATION_IDENTITIES_PER_POOL"


def test_client_token_replays_create_pool(client: Any) -> None:
    phone = number(client)
    first = pool(client, phone, ClientToken="t-1")
    again = pool(client, phone, ClientToken="t-1")
    assert again["PoolId"] == first["PoolId"]
    assert len(client.describe_pools()["Pools"]) == 1


def test_pools_are_kept_per_account_and_region(client: Any) -> None:
    created = pool(client, number(client))
    elsewhere = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="111122223333",
        aws_secret_access_key="x",
    )
    assert elsewhere.describe_pools()["Pools"] == []
    answer = error(elsewhere.describe_pools, PoolIds=[created["PoolArn"]])
    assert answer["Error"]["Code"] == "ResourceNotFoundException"
