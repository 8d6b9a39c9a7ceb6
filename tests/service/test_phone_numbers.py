"""RequestPhoneNumber, DescribePhoneNumbers, ReleasePhoneNumber: just enough to associate
numbers with registrations."""

from __future__ import annotations

import re
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2

ID = re.compile(r"phone-[0-9a-f]{32}")
NANP_FICTION = re.compile(r"\+1\d{3}55501\d{2}")


def request(client: Any, number_type: str = "TOLL_FREE", country: str = "US", **kw: Any) -> Any:
    return client.request_phone_number(
        IsoCountryCode=country,
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS", "VOICE"],
        NumberType=number_type,
        **kw,
    )


def failure(call: Any, **params: Any) -> dict[str, Any]:
    with pytest.raises(ClientError) as raised:
        call(**params)
    response: dict[str, Any] = raised.value.response
    return response


def numbers(client: Any, **kwargs: Any) -> list[str]:
    return [p["PhoneNumber"] for p in client.describe_phone_numbers(**kwargs)["PhoneNumbers"]]


class TestRequest:
    def test_a_toll_free_number(self, sms_voice_v2_client: Any) -> None:
        got = request(sms_voice_v2_client)
        assert ID.fullmatch(got["PhoneNumberId"])
        assert got["PhoneNumberArn"] == (
            f"arn:aws:sms-voice:us-east-1:123456789012:phone-number/{got['PhoneNumberId']}"
        )
        assert NANP_FICTION.fullmatch(got["PhoneNumber"])
        assert got["PhoneNumber"][2:5] in {"833", "844", "855", "866", "877", "888"}
        assert (got["Status"], got["NumberType"], got["IsoCountryCode"]) == (
            "PENDING",  # until a registration of it is approved
            "TOLL_FREE",
            "US",
        )
        assert got["NumberCapabilities"] == ["SMS", "VOICE"]
        assert got["OptOutListName"] == "Default"

    @pytest.mark.parametrize(
        ("country", "number_type", "pattern"),
        [
            ("US", "TEN_DLC", NANP_FICTION),
            ("US", "LONG_CODE", NANP_FICTION),
            ("US", "SIMULATOR", NANP_FICTION),
            ("CA", "LONG_CODE", NANP_FICTION),
            ("CA", "TOLL_FREE", NANP_FICTION),
            ("GB", "LONG_CODE", re.compile(r"\+447700900\d{3}")),
        ],
    )
    def test_fictional_ranges(
        self, sms_voice_v2_client: Any, country: str, number_type: str, pattern: re.Pattern[str]
    ) -> None:
        got = request(sms_voice_v2_client, number_type, country)
        assert pattern.fullmatch(got["PhoneNumber"])

    def test_numbers_are_unique_and_a_released_one_comes_back(
        self, sms_voice_v2_client: Any
    ) -> None:
        client = sms_voice_v2_client
        got = [request(client, "TEN_DLC") for _ in range(105)]
        assert len({g["PhoneNumber"] for g in got}) == 105
        client.release_phone_number(PhoneNumberId=got[7]["PhoneNumberId"])
        assert request(client, "TEN_DLC")["PhoneNumber"] == got[7]["PhoneNumber"]

    def test_a_country_without_a_fictional_range_is_refused(self, sms_voice_v2_client: Any) -> None:
        response = failure(
            sms_voice_v2_client.request_phone_number,
            IsoCountryCode="FR",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )
        assert response["Error"]["Code"] == "ValidationException"
        assert response["Reason"] == "INVALID_PARAMETER"
        assert "fictional ranges only" in response["Error"]["Message"]
        assert "TOLL_FREE in GB" not in response["Error"]["Message"]

    def test_pool_and_opt_out_list_must_exist(self, sms_voice_v2_client: Any) -> None:
        client = sms_voice_v2_client
        pool = failure(request, client=client, PoolId="pool-123")
        assert (pool["Error"]["Code"], pool["ResourceType"]) == (
            "ResourceNotFoundException",
            "pool",
        )
        lst = failure(request, client=client, OptOutListName="Marketing")
        assert lst["ResourceType"] == "opt-out-list"
        assert request(client, OptOutListName="Default")["OptOutListName"] == "Default"

    def test_client_token(self, sms_voice_v2_client: Any) -> None:
        client = sms_voice_v2_client
        first = request(client, ClientToken="n-1")
        assert request(client, ClientToken="n-1")["PhoneNumberId"] == first["PhoneNumberId"]
        response = failure(request, client=client, number_type="TEN_DLC", ClientToken="n-1")
        assert response["Reason"] == "RESOURCE_ALREADY_EXISTS"
        assert response["ResourceType"] == "phone-number"

    def test_quota(self) -> None:
        with mock_sms_voice_v2(quotas={"PHONE_NUMBERS_PER_ACCOUNT": 1}):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            request(client)
            response = failure(request, client=client)
            assert response["Reason"] == "PHONE_NUMBERS_PER_ACCOUNT"

    def test_tags(self, sms_voice_v2_client: Any) -> None:
        tags = [{"Key": "team", "Value": "growth"}]
        got = request(sms_voice_v2_client, Tags=tags)
        assert got["Tags"] == tags
        listed = sms_voice_v2_client.list_tags_for_resource(ResourceArn=got["PhoneNumberArn"])
        assert listed["Tags"] == tags


class TestDescribe:
    def test_ids_filters_and_pages(self, sms_voice_v2_client: Any) -> None:
        client = sms_voice_v2_client
        toll_free = request(client)
        ten_dlc = request(client, "TEN_DLC", DeletionProtectionEnabled=True)
        gb = client.request_phone_number(
            IsoCountryCode="GB",
            MessageType="PROMOTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )
        assert numbers(client) == [
            toll_free["PhoneNumber"],
            ten_dlc["PhoneNumber"],
            gb["PhoneNumber"],
        ]
        assert numbers(
            client, PhoneNumberIds=[gb["PhoneNumberArn"], toll_free["PhoneNumberId"]]
        ) == [
            toll_free["PhoneNumber"],
            gb["PhoneNumber"],
        ]

        def where(name: str, *values: str) -> list[str]:
            return numbers(client, Filters=[{"Name": name, "Values": list(values)}])

        assert where("number-type", "TEN_DLC", "LONG_CODE") == [
            ten_dlc["PhoneNumber"],
            gb["PhoneNumber"],
        ]
        assert where("iso-country-code", "GB") == [gb["PhoneNumber"]]
        assert where("message-type", "PROMOTIONAL") == [gb["PhoneNumber"]]
        assert where("number-capability", "VOICE") == [
            toll_free["PhoneNumber"],
            ten_dlc["PhoneNumber"],
        ]
        assert where("deletion-protection-enabled", "true") == [ten_dlc["PhoneNumber"]]
        assert where("two-way-enabled", "true") == []
        assert where("status", "ACTIVE") == [gb["PhoneNumber"]]
        assert where("status", "PENDING") == [toll_free["PhoneNumber"], ten_dlc["PhoneNumber"]]
        assert numbers(client, Owner="SHARED") == []
        paginator = client.get_paginator("describe_phone_numbers")
        pages = list(paginator.paginate(PaginationConfig={"PageSize": 2}))
        assert [len(p["PhoneNumbers"]) for p in pages] == [2, 1]

    def test_describe_shows_the_model_members(self, sms_voice_v2_client: Any) -> None:
        request(sms_voice_v2_client)
        (shown,) = sms_voice_v2_client.describe_phone_numbers()["PhoneNumbers"]
        assert shown["MonthlyLeasingPrice"] == "2.00"
        assert shown["TwoWayEnabled"] is False
        assert shown["SelfManagedOptOutsEnabled"] is False
        assert shown["DeletionProtectionEnabled"] is False
        assert "RegistrationId" not in shown

    def test_unknown_id_and_bad_filter_values(self, sms_voice_v2_client: Any) -> None:
        client = sms_voice_v2_client
        response = failure(client.describe_phone_numbers, PhoneNumberIds=["phone-" + "0" * 32])
        assert (response["Error"]["Code"], response["ResourceType"]) == (
            "ResourceNotFoundException",
            "phone-number",
        )
        bad = failure(
            client.describe_phone_numbers,
            Filters=[{"Name": "deletion-protection-enabled", "Values": ["maybe"]}],
        )
        assert bad["Reason"] == "INVALID_FILTER_VALUES"


class TestStatus:
    """US toll-free and 10DLC numbers wait (PENDING) for an approved registration."""

    @staticmethod
    def status(client: Any, phone_id: str) -> str:
        (phone,) = client.describe_phone_numbers(PhoneNumberIds=[phone_id])["PhoneNumbers"]
        return str(phone["Status"])

    @staticmethod
    def submitted_with_a_number(client: Any) -> tuple[str, str]:
        """(number ID, registration ID): a toll-free registration submitted with its number."""
        phone = str(request(client)["PhoneNumberId"])
        created = client.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")
        rid = str(created["RegistrationId"])
        client.create_registration_association(RegistrationId=rid, ResourceId=phone)
        client.submit_registration_version(RegistrationId=rid)
        return phone, rid

    def test_a_toll_free_number_goes_active_with_its_registration(
        self, sms_voice_v2: SmsVoiceV2Mock, sms_voice_v2_client: Any
    ) -> None:
        client = sms_voice_v2_client
        phone, rid = self.submitted_with_a_number(client)
        assert self.status(client, phone) == "PENDING"
        sms_voice_v2.review(rid).approve(provisioning=True)
        assert self.status(client, phone) == "PENDING"  # still being provisioned
        sms_voice_v2.review(rid).complete()
        assert self.status(client, phone) == "ACTIVE"
        client.create_registration_version(RegistrationId=rid)
        client.submit_registration_version(RegistrationId=rid)
        assert self.status(client, phone) == "ACTIVE"  # the approved version stays in force
        sms_voice_v2.review(rid).revoke()
        assert self.status(client, phone) == "PENDING"

    def test_a_denied_registration_leaves_the_number_pending(
        self, sms_voice_v2: SmsVoiceV2Mock, sms_voice_v2_client: Any
    ) -> None:
        client = sms_voice_v2_client
        phone, rid = self.submitted_with_a_number(client)
        sms_voice_v2.review(rid).deny(reasons=[{"Reason": "OPT_IN", "ShortDescription": "x"}])
        assert self.status(client, phone) == "PENDING"

    def test_numbers_that_need_no_registration_are_active_at_once(
        self, sms_voice_v2_client: Any
    ) -> None:
        client = sms_voice_v2_client
        for number_type, country in (("SIMULATOR", "US"), ("TOLL_FREE", "CA"), ("LONG_CODE", "GB")):
            got = request(client, number_type, country)
            assert got["Status"] == "ACTIVE", (number_type, country)


class TestRelease:
    def test_release_shows_deleted_and_forgets(self, sms_voice_v2_client: Any) -> None:
        client = sms_voice_v2_client
        got = request(client)
        released = client.release_phone_number(PhoneNumberId=got["PhoneNumberArn"])
        assert released["Status"] == "DELETED"
        assert released["PhoneNumber"] == got["PhoneNumber"]
        assert numbers(client) == []
        response = failure(client.release_phone_number, PhoneNumberId=got["PhoneNumberId"])
        assert response["Error"]["Code"] == "ResourceNotFoundException"

    def test_deletion_protection(self, sms_voice_v2_client: Any) -> None:
        client = sms_voice_v2_client
        got = request(client, DeletionProtectionEnabled=True)
        response = failure(client.release_phone_number, PhoneNumberId=got["PhoneNumberId"])
        assert response["Error"]["Code"] == "ConflictException"
        assert response["Reason"] == "DELETION_PROTECTION_ENABLED"
        assert (response["ResourceType"], response["ResourceId"]) == (
            "phone-number",
            got["PhoneNumberId"],
        )
