"""CreateOptOutList, DescribeOptOutLists, DeleteOptOutList: enough for RequestPhoneNumber's
``OptOutListName``."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import mock_sms_voice_v2

ARN = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/"
NUMBER = {
    "IsoCountryCode": "US",
    "MessageType": "TRANSACTIONAL",
    "NumberCapabilities": ["SMS"],
    "NumberType": "TOLL_FREE",
}


def names(client: Any, **kwargs: Any) -> list[str]:
    lists = client.describe_opt_out_lists(**kwargs)["OptOutLists"]
    return [entry["OptOutListName"] for entry in lists]


def refusal(call: Any, **params: Any) -> dict[str, Any]:
    with pytest.raises(ClientError) as raised:
        call(**params)
    response: dict[str, Any] = raised.value.response
    return response


def test_default_exists_and_new_lists_follow_it(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    assert names(client) == ["Default"]
    created = client.create_opt_out_list(
        OptOutListName="Customers", Tags=[{"Key": "team", "Value": "sms"}]
    )
    assert created["OptOutListArn"] == ARN + "Customers"
    assert created["Tags"] == [{"Key": "team", "Value": "sms"}]
    client.create_opt_out_list(OptOutListName="Staff")
    assert names(client) == ["Default", "Customers", "Staff"]
    assert names(client, OptOutListNames=[ARN + "Staff", "Customers"]) == ["Customers", "Staff"]
    assert names(client, Owner="SHARED") == []
    paginator = client.get_paginator("describe_opt_out_lists")
    pages = list(paginator.paginate(PaginationConfig={"PageSize": 1}))
    assert [p["OptOutLists"][0]["OptOutListName"] for p in pages] == [
        "Default",
        "Customers",
        "Staff",
    ]
    tags = client.list_tags_for_resource(ResourceArn=ARN + "Customers")["Tags"]
    assert tags == [{"Key": "team", "Value": "sms"}]


def test_a_name_is_taken_once_and_a_client_token_repeats(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    first = client.create_opt_out_list(OptOutListName="Customers", ClientToken="t-1")
    again = client.create_opt_out_list(OptOutListName="Customers", ClientToken="t-1")
    first.pop("ResponseMetadata"), again.pop("ResponseMetadata")
    assert again == first
    answer = refusal(client.create_opt_out_list, OptOutListName="Customers")
    assert (answer["Error"]["Code"], answer["Reason"], answer["ResourceId"]) == (
        "ConflictException",
        "RESOURCE_ALREADY_EXISTS",
        "Customers",
    )
    assert names(client) == ["Default", "Customers"]


def test_a_number_takes_its_list_which_then_cannot_be_deleted(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    client.create_opt_out_list(OptOutListName="Customers")
    phone = client.request_phone_number(**NUMBER, OptOutListName="Customers")
    assert phone["OptOutListName"] == "Customers"
    for name in ("Customers", "Default"):
        answer = refusal(client.delete_opt_out_list, OptOutListName=name)
        assert (answer["Error"]["Code"], answer["Reason"]) == (
            "ConflictException",
            "RESOURCE_DELETION_NOT_ALLOWED",
        )
    client.release_phone_number(PhoneNumberId=phone["PhoneNumberId"])
    deleted = client.delete_opt_out_list(OptOutListName=ARN + "Customers")
    assert deleted["OptOutListName"] == "Customers"
    assert names(client) == ["Default"]
    answer = refusal(client.request_phone_number, **NUMBER, OptOutListName="Customers")
    assert (answer["Error"]["Code"], answer["ResourceType"]) == (
        "ResourceNotFoundException",
        "opt-out-list",
    )


def test_lists_belong_to_one_account_and_region() -> None:
    with mock_sms_voice_v2():
        east = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        west = boto3.client("pinpoint-sms-voice-v2", region_name="us-west-2")
        other_account = boto3.client(
            "pinpoint-sms-voice-v2",
            region_name="us-east-1",
            aws_access_key_id="111122223333",
            aws_secret_access_key="testing",
        )
        east.create_opt_out_list(OptOutListName="Customers")
        assert names(west) == ["Default"]
        assert names(other_account) == ["Default"]
        for elsewhere in (west, other_account):
            answer = refusal(elsewhere.describe_opt_out_lists, OptOutListNames=[ARN + "Customers"])
            assert answer["Error"]["Code"] == "ResourceNotFoundException"
        other_account.create_opt_out_list(OptOutListName="Customers")  # its own, no conflict
