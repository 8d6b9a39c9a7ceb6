"""Opted-out numbers on opt-out lists, through boto3."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine

from tests.service.registrations.helpers import fails as error

START = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone.utc)


def test_put_describe_and_delete(client: Any) -> None:
    with time_machine.travel(START, tick=False):
        put = client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065550100")
    assert put["OptedOutTimestamp"] == START
    assert put["EndUserOptedOut"] is False
    assert put["OptOutListArn"].endswith(":opt-out-list/Default")
    with time_machine.travel(START + dt.timedelta(hours=1), tick=False):
        again = client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065550100")
    assert again["OptedOutTimestamp"] == START  # kept as first put
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065550101")
    listed = client.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
    assert [n["OptedOutNumber"] for n in listed] == ["+12065550100", "+12065550101"]
    chosen = client.describe_opted_out_numbers(
        OptOutListName="Default", OptedOutNumbers=["+12065550101"]
    )
    assert len(chosen["OptedOutNumbers"]) == 1
    by_user = client.describe_opted_out_numbers(
        OptOutListName="Default", Filters=[{"Name": "end-user-opted-out", "Values": ["true"]}]
    )
    assert by_user["OptedOutNumbers"] == []
    missing = error(
        client.describe_opted_out_numbers,
        OptOutListName="Default",
        OptedOutNumbers=["+12065550199"],
    )
    assert missing["ResourceType"] == "opted-out-number"
    deleted = client.delete_opted_out_number(
        OptOutListName="Default", OptedOutNumber="+12065550101"
    )
    assert deleted["OptedOutNumber"] == "+12065550101"
    gone = error(
        client.delete_opted_out_number, OptOutListName="Default", OptedOutNumber="+12065550101"
    )
    assert gone["Error"]["Code"] == "ResourceNotFoundException"


def test_a_number_comes_off_a_list_once_every_thirty_days(client: Any) -> None:
    number = {"OptOutListName": "Default", "OptedOutNumber": "+12065550100"}
    with time_machine.travel(START, tick=False) as traveller:
        client.put_opted_out_number(**number)
        client.delete_opted_out_number(**number)
        client.put_opted_out_number(**number)
        traveller.shift(dt.timedelta(days=29))
        refused = error(client.delete_opted_out_number, **number)
        assert refused["Reason"] == "RESOURCE_MODIFICATION_NOT_ALLOWED"
        traveller.shift(dt.timedelta(days=1))
        assert client.delete_opted_out_number(**number)["OptedOutNumber"] == "+12065550100"


def test_an_unknown_list_is_not_found(client: Any) -> None:
    answer = error(client.put_opted_out_number, OptOutListName="nope", OptedOutNumber="+1206555")
    assert (answer["ResourceType"], answer["ResourceId"]) == ("opt-out-list", "nope")


def test_a_list_used_by_a_pool_cannot_be_deleted(client: Any) -> None:
    client.create_opt_out_list(OptOutListName="mine")
    phone = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
        OptOutListName="mine",
    )["PhoneNumberId"]
    pool = client.create_pool(
        OriginationIdentity=phone, IsoCountryCode="US", MessageType="TRANSACTIONAL"
    )["PoolId"]
    client.create_opt_out_list(OptOutListName="other")
    client.update_pool(PoolId=pool, OptOutListName="other")
    refused = error(client.delete_opt_out_list, OptOutListName="other")
    assert refused["Reason"] == "RESOURCE_DELETION_NOT_ALLOWED"


def test_a_number_without_its_plus_is_the_e164_number(client: Any) -> None:
    put = client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="12065550100")
    assert put["OptedOutNumber"] == "+12065550100"
    listed = client.describe_opted_out_numbers(
        OptOutListName="Default", OptedOutNumbers=["+12065550100"]
    )["OptedOutNumbers"]
    assert [n["OptedOutNumber"] for n in listed] == ["+12065550100"]
    deleted = client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber="12065550100")
    assert deleted["OptedOutNumber"] == "+12065550100"
