"""CreateRegistrationAssociation, ListRegistrationAssociations, and what associations do to
submit, delete and ReleasePhoneNumber."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2

from .family_data import (
    BRAND,
    CAMPAIGN,
    TOLL_FREE,
    TOLL_FREE_VALUES,
    VETTING,
    conflict,
    error,
    not_found,
    put_all,
    request_number,
    validation,
)


def new(client: Any, kind: str = TOLL_FREE) -> str:
    return str(client.create_registration(RegistrationType=kind)["RegistrationId"])


def associations(client: Any, rid: str, **kwargs: Any) -> list[str]:
    found = client.list_registration_associations(RegistrationId=rid, **kwargs)
    return [a["ResourceId"] for a in found["RegistrationAssociations"]]


def approved_brand(client: Any, sms: SmsVoiceV2Mock) -> str:
    brand = new(client, BRAND)
    client.submit_registration_version(RegistrationId=brand)
    sms.review(brand).approve()
    return brand


def status(client: Any, rid: str) -> str:
    found = client.describe_registrations(RegistrationIds=[rid])["Registrations"]
    return str(found[0]["RegistrationStatus"])


class TestCreate:
    def test_a_toll_free_number(self, client: Any) -> None:
        rid = new(client)
        pid = request_number(client)
        result = client.create_registration_association(RegistrationId=rid, ResourceId=pid)
        number = client.describe_phone_numbers(PhoneNumberIds=[pid])["PhoneNumbers"][0]
        assert result["RegistrationId"] == rid
        assert result["RegistrationType"] == TOLL_FREE
        assert (result["ResourceId"], result["ResourceArn"]) == (pid, number["PhoneNumberArn"])
        assert (result["ResourceType"], result["IsoCountryCode"]) == ("TOLL_FREE", "US")
        assert result["PhoneNumber"] == number["PhoneNumber"]
        assert number["RegistrationId"] == rid
        listed = client.list_registration_associations(RegistrationId=rid)
        assert listed["RegistrationType"] == TOLL_FREE
        assert listed["RegistrationAssociations"] == [
            {
                k: result[k]
                for k in (
                    "ResourceArn",
                    "ResourceId",
                    "ResourceType",
                    "IsoCountryCode",
                    "PhoneNumber",
                )
            }
        ]

    def test_a_brand_for_a_campaign_by_arn(self, client: Any, sms: SmsVoiceV2Mock) -> None:
        brand = approved_brand(client, sms)
        brand_arn = client.describe_registrations(RegistrationIds=[brand])["Registrations"][0][
            "RegistrationArn"
        ]
        campaign = new(client, CAMPAIGN)
        result = client.create_registration_association(
            RegistrationId=campaign, ResourceId=brand_arn
        )
        assert (result["ResourceId"], result["ResourceArn"]) == (brand, brand_arn)
        assert (result["ResourceType"], result["IsoCountryCode"]) == (BRAND, "US")
        assert "PhoneNumber" not in result

    def test_the_wrong_kind_of_resource(self, client: Any, sms: SmsVoiceV2Mock) -> None:
        rid = new(client)
        response = validation(
            client.create_registration_association,
            "INVALID_REGISTRATION_ASSOCIATION",
            RegistrationId=rid,
            ResourceId=request_number(client, "TEN_DLC"),
        )
        assert "it takes TOLL_FREE" in response["Error"]["Message"]
        validation(
            client.create_registration_association,
            "INVALID_REGISTRATION_ASSOCIATION",
            RegistrationId=new(client, BRAND),
            ResourceId=approved_brand(client, sms),
        )
        validation(
            client.create_registration_association,
            "INVALID_REGISTRATION_ASSOCIATION",
            RegistrationId=rid,
            ResourceId=rid,
        )

    def test_a_number_of_another_country(self, client: Any) -> None:
        validation(
            client.create_registration_association,
            "COUNTRY_CODE_MISMATCH",
            RegistrationId=new(client),
            ResourceId=request_number(client, "TOLL_FREE", "CA"),
        )

    def test_a_sender_id_type_gets_its_identity_on_approval(self, client: Any) -> None:
        rid = new(client, "JO_SENDER_ID_REGISTRATION")
        # no sender IDs exist in the mock: naming one is not found
        not_found(
            client.create_registration_association,
            "sender-id",
            RegistrationId=rid,
            ResourceId="EXAMPLECO",
        )

    def test_the_same_resource_twice(self, client: Any, sms: SmsVoiceV2Mock) -> None:
        rid = new(client)
        pid = request_number(client)
        client.create_registration_association(RegistrationId=rid, ResourceId=pid)
        again = error(client.create_registration_association, RegistrationId=rid, ResourceId=pid)
        assert again["Error"]["Code"] == "ConflictException"
        assert again["Reason"] in ("RESOURCE_ALREADY_ASSOCIATED", "RESOURCE_ALREADY_EXISTS")
        other = conflict(
            client.create_registration_association,
            "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION",
            RegistrationId=new(client),
            ResourceId=pid,
        )
        assert (other["ResourceType"], other["ResourceId"]) == ("phone-number", pid)
        campaign = new(client, CAMPAIGN)
        client.create_registration_association(
            RegistrationId=campaign, ResourceId=approved_brand(client, sms)
        )
        second = error(
            client.create_registration_association,
            RegistrationId=campaign,
            ResourceId=approved_brand(client, sms),
        )
        assert second["Reason"] == again["Reason"]

    def test_a_brand_must_be_complete(self, client: Any) -> None:
        brand = new(client, BRAND)
        response = conflict(
            client.create_registration_association,
            "REGISTRATION_NOT_COMPLETE",
            RegistrationId=new(client, VETTING),
            ResourceId=brand,
        )
        assert response["ResourceId"] == brand

    def test_ten_dlc_numbers_only_once_the_campaign_is_complete(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        campaign = new(client, CAMPAIGN)
        pid = request_number(client, "TEN_DLC")
        response = conflict(
            client.create_registration_association,
            "REGISTRATION_NOT_COMPLETE",
            RegistrationId=campaign,
            ResourceId=pid,
        )
        assert response["ResourceId"] == campaign
        client.submit_registration_version(RegistrationId=campaign)
        sms.review(campaign).approve()
        client.create_registration_association(RegistrationId=campaign, ResourceId=pid)
        assert associations(client, campaign) == [pid]

    def test_not_while_under_review(self, client: Any) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        conflict(
            client.create_registration_association,
            "REGISTRATION_ALREADY_SUBMITTED",
            RegistrationId=rid,
            ResourceId=request_number(client),
        )

    def test_not_when_closed(self, client: Any, sms: SmsVoiceV2Mock) -> None:
        rid = new(client)
        sms.review(rid).close()
        conflict(
            client.create_registration_association,
            "RESOURCE_MODIFICATION_NOT_ALLOWED",
            RegistrationId=rid,
            ResourceId=request_number(client),
        )

    def test_unknown_registration_and_resource(self, client: Any) -> None:
        not_found(
            client.create_registration_association,
            "registration",
            RegistrationId="registration-" + "0" * 32,
            ResourceId=request_number(client),
        )
        rid = new(client)
        not_found(
            client.create_registration_association,
            "phone-number",
            RegistrationId=rid,
            ResourceId="phone-" + "0" * 32,
        )
        not_found(
            client.create_registration_association,
            "registration",
            RegistrationId=rid,
            ResourceId="registration-" + "0" * 32,
        )
        other_account = (
            f"arn:aws:sms-voice:us-east-1:111122223333:phone-number/{request_number(client)}"
        )
        not_found(
            client.create_registration_association,
            "phone-number",
            RegistrationId=rid,
            ResourceId=other_account,
        )

    @pytest.mark.parametrize(
        "quota", ["ASSOCIATIONS_PER_REGISTRATION", "PHONE_NUMBERS_PER_REGISTRATION"]
    )
    def test_quotas(self, quota: str) -> None:
        with mock_sms_voice_v2(quotas={quota: 1}):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            rid = new(client)
            client.create_registration_association(
                RegistrationId=rid, ResourceId=request_number(client)
            )
            response = error(
                client.create_registration_association,
                RegistrationId=rid,
                ResourceId=request_number(client),
            )
            assert response["Error"]["Code"] == "ServiceQuotaExceededException"
            assert response["Reason"] == quota

    def test_a_type_without_definitions_takes_anything(self, client: Any) -> None:
        rid = new(client, "AU_SENDER_ID_REGISTRATION")
        pid = request_number(client, "LONG_CODE", "GB")
        client.create_registration_association(RegistrationId=rid, ResourceId=pid)
        assert associations(client, rid) == [pid]
        client.delete_registration(RegistrationId=rid)  # and its delete drops the number
        number = client.describe_phone_numbers(PhoneNumberIds=[pid])["PhoneNumbers"][0]
        assert "RegistrationId" not in number

    def test_request_phone_number_can_associate_at_once(self, client: Any) -> None:
        rid = new(client)
        got = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="TOLL_FREE",
            RegistrationId=rid,
        )
        assert got["RegistrationId"] == rid
        assert associations(client, rid) == [got["PhoneNumberId"]]
        refused = error(
            client.request_phone_number,
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="TEN_DLC",
            RegistrationId=rid,
        )
        assert refused["Reason"] == "INVALID_REGISTRATION_ASSOCIATION"
        assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 1  # none was made


class TestList:
    def test_filters_and_pages(self, client: Any) -> None:
        rid = new(client, "AU_SENDER_ID_REGISTRATION")
        us = [request_number(client, "LONG_CODE") for _ in range(3)]
        gb = request_number(client, "LONG_CODE", "GB")
        for pid in [*us, gb]:
            client.create_registration_association(RegistrationId=rid, ResourceId=pid)
        paginator = client.get_paginator("list_registration_associations")
        pages = list(paginator.paginate(RegistrationId=rid, PaginationConfig={"PageSize": 3}))
        assert [a["ResourceId"] for p in pages for a in p["RegistrationAssociations"]] == [*us, gb]
        assert len(pages) == 2
        gb_only = [{"Name": "iso-country-code", "Values": ["GB"]}]
        assert associations(client, rid, Filters=gb_only) == [gb]
        kind = [{"Name": "resource-type", "Values": ["TOLL_FREE"]}]
        assert associations(client, rid, Filters=kind) == []

    def test_unknown_registration(self, client: Any) -> None:
        not_found(
            client.list_registration_associations,
            "registration",
            RegistrationId="registration-" + "0" * 32,
        )


class TestSubmit:
    def test_without_check_fields_submit_needs_no_association(self, client: Any) -> None:
        rid = new(client)
        client.submit_registration_version(RegistrationId=rid)
        assert status(client, rid) == "SUBMITTED"

    def test_with_check_fields_associate_before_submit_is_enforced(self) -> None:
        with mock_sms_voice_v2(check_fields=True):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            rid = new(client)
            response = conflict(
                client.submit_registration_version,
                "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
                RegistrationId=rid,
            )
            assert "needs a TOLL_FREE associated" in response["Error"]["Message"]
            assert status(client, rid) == "CREATED"
            campaign = new(client, CAMPAIGN)
            conflict(
                client.submit_registration_version,
                "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
                RegistrationId=campaign,
            )  # the TEN_DLC numbers come after completion; the brand is what is missing
            client.create_registration_association(
                RegistrationId=rid, ResourceId=request_number(client)
            )
            put_all(client, rid, TOLL_FREE_VALUES)
            client.submit_registration_version(RegistrationId=rid)
            assert status(client, rid) == "SUBMITTED"


class TestReleaseAndDelete:
    def complete(self, client: Any, sms: SmsVoiceV2Mock) -> tuple[str, str]:
        rid = new(client)
        pid = request_number(client)
        client.create_registration_association(RegistrationId=rid, ResourceId=pid)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).approve()
        return rid, pid

    def test_releasing_the_last_toll_free_number_closes_the_registration(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid, pid = self.complete(client, sms)
        released = client.release_phone_number(PhoneNumberId=pid)
        assert released["RegistrationId"] == rid
        assert status(client, rid) == "CLOSED"
        assert associations(client, rid) == []
        conflict(
            client.create_registration_version,
            "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
            RegistrationId=rid,
        )
        assert client.delete_registration(RegistrationId=rid)["RegistrationStatus"] == "DELETED"

    def test_close_releases_the_numbers_so_the_registration_can_be_deleted(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid, _ = self.complete(client, sms)
        kept = request_number(client)  # not associated: close() leaves it alone
        sms.review(rid).close()
        assert status(client, rid) == "CLOSED"
        assert associations(client, rid) == []
        numbers = client.describe_phone_numbers()["PhoneNumbers"]
        assert [n["PhoneNumberId"] for n in numbers] == [kept]
        assert client.delete_registration(RegistrationId=rid)["RegistrationStatus"] == "DELETED"

    def test_a_draft_that_loses_its_number_stays_open(self, client: Any) -> None:
        rid = new(client)
        pid = request_number(client)
        client.create_registration_association(RegistrationId=rid, ResourceId=pid)
        client.release_phone_number(PhoneNumberId=pid)
        assert status(client, rid) == "CREATED"

    def test_a_number_cannot_be_released_while_its_registration_is_reviewed(
        self, client: Any
    ) -> None:
        rid = new(client)
        pid = request_number(client)
        client.create_registration_association(RegistrationId=rid, ResourceId=pid)
        client.submit_registration_version(RegistrationId=rid)
        response = conflict(
            client.release_phone_number, "RESOURCE_MODIFICATION_NOT_ALLOWED", PhoneNumberId=pid
        )
        assert (response["ResourceType"], response["ResourceId"]) == ("phone-number", pid)

    def test_a_type_whose_deletion_disassociates_lets_go_of_its_numbers(self) -> None:
        no_built_in_type_behaves_so = {
            "XX_HOUSE_REGISTRATION": {
                "SupportedAssociations": [
                    {
                        "ResourceType": "TOLL_FREE",
                        "IsoCountryCode": "US",
                        "AssociationBehavior": "ASSOCIATE_BEFORE_SUBMIT",
                        "DisassociationBehavior": "DELETE_REGISTRATION_DISASSOCIATES",
                    }
                ]
            }
        }
        with mock_sms_voice_v2(registration_types=no_built_in_type_behaves_so):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            rid = new(client, "XX_HOUSE_REGISTRATION")
            pid = request_number(client)
            client.create_registration_association(RegistrationId=rid, ResourceId=pid)
            assert client.delete_registration(RegistrationId=rid)["RegistrationStatus"] == "DELETED"
            (phone,) = client.describe_phone_numbers(PhoneNumberIds=[pid])["PhoneNumbers"]
            assert "RegistrationId" not in phone
            client.release_phone_number(PhoneNumberId=pid)  # free again: nothing blocks it

    def test_delete_waits_until_the_numbers_are_released(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid, pid = self.complete(client, sms)
        response = conflict(
            client.delete_registration, "RESOURCE_DELETION_NOT_ALLOWED", RegistrationId=rid
        )
        assert pid in response["Error"]["Message"]
        campaign = new(client, CAMPAIGN)
        client.submit_registration_version(RegistrationId=campaign)
        sms.review(campaign).approve()
        number = request_number(client, "TEN_DLC")
        client.create_registration_association(RegistrationId=campaign, ResourceId=number)
        conflict(
            client.delete_registration, "RESOURCE_DELETION_NOT_ALLOWED", RegistrationId=campaign
        )
        client.release_phone_number(PhoneNumberId=number)
        assert status(client, campaign) == "COMPLETE"  # only toll-free closes
        client.delete_registration(RegistrationId=campaign)

    def test_a_brand_under_a_campaign_in_review_stays_until_the_review_ends(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        brand = approved_brand(client, sms)
        campaign = new(client, CAMPAIGN)
        client.create_registration_association(RegistrationId=campaign, ResourceId=brand)
        client.submit_registration_version(RegistrationId=campaign)
        response = conflict(
            client.delete_registration, "RESOURCE_DELETION_NOT_ALLOWED", RegistrationId=brand
        )
        assert campaign in response["Error"]["Message"]
        assert associations(client, campaign) == [brand]
        sms.review(campaign).deny()
        assert client.delete_registration(RegistrationId=brand)["RegistrationStatus"] == "DELETED"
        assert associations(client, campaign) == []  # no association with a deleted brand
