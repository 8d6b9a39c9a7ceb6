"""Whole registrations, scripted the way real registration scripts drive the service: a US
toll-free number, and a 10DLC brand with its vetting and campaign."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock import SmsVoiceV2Mock

from .family_data import (
    BRAND,
    BRAND_VALUES,
    CAMPAIGN,
    CAMPAIGN_VALUES,
    PNG,
    TOLL_FREE,
    TOLL_FREE_VALUES,
    VETTING,
    conflict,
    field_values,
    put_all,
    request_number,
)

pytestmark = pytest.mark.sms_voice_v2(check_fields=True)


def registration(client: Any, rid: str) -> dict[str, Any]:
    found: dict[str, Any] = client.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
    return found


def version(client: Any, rid: str, number: int) -> dict[str, Any]:
    found: dict[str, Any] = client.describe_registration_versions(
        RegistrationId=rid, VersionNumbers=[number]
    )["RegistrationVersions"][0]
    return found


def required_paths(client: Any, kind: str) -> set[str]:
    paginator = client.get_paginator("describe_registration_field_definitions")
    return {
        f["FieldPath"]
        for page in paginator.paginate(RegistrationType=kind, PaginationConfig={"PageSize": 10})
        for f in page["RegistrationFieldDefinitions"]
        if f["FieldRequirement"] == "REQUIRED"
    }


def submit_and_approve(client: Any, sms: SmsVoiceV2Mock, rid: str) -> None:
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).begin().approve()
    assert registration(client, rid)["RegistrationStatus"] == "COMPLETE"


def test_toll_free_registration(sms_voice_v2_client: Any, sms_voice_v2: SmsVoiceV2Mock) -> None:
    client, sms = sms_voice_v2_client, sms_voice_v2

    # 1. what the form needs
    required = required_paths(client, TOLL_FREE)
    assert required <= set(TOLL_FREE_VALUES)

    # 2. the opt-in screenshot, polled until the upload completes
    attachment = client.create_registration_attachment(AttachmentBody=PNG, ClientToken="optin-1")
    attachment_id = attachment["RegistrationAttachmentId"]
    status = attachment["AttachmentStatus"]
    for _ in range(3):
        if status == "UPLOAD_COMPLETE":
            break
        status = client.describe_registration_attachments(
            RegistrationAttachmentIds=[attachment_id]
        )["RegistrationAttachments"][0]["AttachmentStatus"]
    assert status == "UPLOAD_COMPLETE"

    # 3. the registration and its fields
    created = client.create_registration(
        RegistrationType=TOLL_FREE,
        Tags=[{"Key": "Name", "Value": "support line"}],
        ClientToken="tfn-registration-1",
    )
    rid = created["RegistrationId"]
    values = {**TOLL_FREE_VALUES, "messagingUseCase.optInImage": attachment_id}
    put_all(client, rid, values)
    assert set(field_values(client, rid)) == set(values)

    # 4. the toll-free number, associated before submitting
    number_id = request_number(client, "TOLL_FREE")
    client.create_registration_association(RegistrationId=rid, ResourceId=number_id)

    # 5. submit; the carrier denies the opt-in description
    assert (
        client.submit_registration_version(RegistrationId=rid)["RegistrationVersionStatus"]
        == "SUBMITTED"
    )
    sms.review(rid).begin().deny(
        reasons=[{"Reason": "OPT_IN", "ShortDescription": "The opt-in workflow is unclear"}],
        fields={"messagingUseCase.optInWorkflow": "Describe where the checkbox is shown"},
    )

    # 6. the script finds the denial and the field it names
    denied = registration(client, rid)
    assert denied["RegistrationStatus"] == "REQUIRES_UPDATES"
    assert denied["LatestDeniedVersionNumber"] == 1
    assert version(client, rid, 1)["DeniedReasons"][0]["Reason"] == "OPT_IN"
    flagged = {
        path: v["DeniedReason"]
        for path, v in field_values(client, rid, VersionNumber=1).items()
        if "DeniedReason" in v
    }
    assert flagged == {"messagingUseCase.optInWorkflow": "Describe where the checkbox is shown"}

    # 7. a new version starts empty: every field is written again, the attachment by its ID
    assert client.create_registration_version(RegistrationId=rid)["VersionNumber"] == 2
    assert field_values(client, rid) == {}
    fixed = {
        **values,
        "messagingUseCase.optInWorkflow": (
            "The checkbox 'Text me sign-in codes' is shown, unchecked, under the phone field "
            "of https://www.example.com/signup; the screenshot shows it."
        ),
    }
    put_all(client, rid, fixed)
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).begin().approve()

    # 8. approved; the denied version keeps its values and reasons
    complete = registration(client, rid)
    assert (complete["RegistrationStatus"], complete["ApprovedVersionNumber"]) == ("COMPLETE", 2)
    assert version(client, rid, 1)["RegistrationVersionStatus"] == "DENIED"
    assert (
        "DeniedReason"
        in field_values(client, rid, VersionNumber=1)["messagingUseCase.optInWorkflow"]
    )
    assert all("DeniedReason" not in v for v in field_values(client, rid).values())
    number = client.describe_phone_numbers(PhoneNumberIds=[number_id])["PhoneNumbers"][0]
    assert number["RegistrationId"] == rid

    # 9. releasing the number closes the registration, which can then be deleted
    conflict(client.delete_registration, "RESOURCE_DELETION_NOT_ALLOWED", RegistrationId=rid)
    client.release_phone_number(PhoneNumberId=number_id)
    assert registration(client, rid)["RegistrationStatus"] == "CLOSED"
    assert client.delete_registration(RegistrationId=rid)["RegistrationStatus"] == "DELETED"


def test_ten_dlc_brand_vetting_and_campaign(
    sms_voice_v2_client: Any, sms_voice_v2: SmsVoiceV2Mock
) -> None:
    client, sms = sms_voice_v2_client, sms_voice_v2

    # 1. the brand
    brand = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
    assert required_paths(client, BRAND) <= set(BRAND_VALUES)
    put_all(client, brand, BRAND_VALUES)
    submit_and_approve(client, sms, brand)

    # 2. optional vetting: it has no fields, only the brand
    vetting = client.create_registration(RegistrationType=VETTING)["RegistrationId"]
    assert required_paths(client, VETTING) == set()
    conflict(
        client.submit_registration_version,
        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
        RegistrationId=vetting,
    )
    client.create_registration_association(RegistrationId=vetting, ResourceId=brand)
    submit_and_approve(client, sms, vetting)

    # 3. the campaign: fields, then the brand before submitting
    campaign = client.create_registration(RegistrationType=CAMPAIGN)["RegistrationId"]
    assert required_paths(client, CAMPAIGN) <= set(CAMPAIGN_VALUES)
    put_all(client, campaign, CAMPAIGN_VALUES)
    number = request_number(client, "TEN_DLC")
    conflict(
        client.create_registration_association,
        "REGISTRATION_NOT_COMPLETE",
        RegistrationId=campaign,
        ResourceId=number,
    )
    conflict(
        client.submit_registration_version,
        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
        RegistrationId=campaign,
    )
    client.create_registration_association(RegistrationId=campaign, ResourceId=brand)
    client.submit_registration_version(RegistrationId=campaign)

    # 4. the carriers deny one message sample; the script rewrites it in a new version
    sms.review(campaign).begin().deny(
        reasons=[{"Reason": "SAMPLE_MESSAGES", "ShortDescription": "Samples lack the brand"}],
        fields={"messageSamples.messageSample1": "Name the brand in every sample"},
    )
    assert registration(client, campaign)["RegistrationStatus"] == "REQUIRES_UPDATES"
    flagged = {
        path
        for path, v in field_values(client, campaign, VersionNumber=1).items()
        if "DeniedReason" in v
    }
    assert flagged == {"messageSamples.messageSample1"}
    client.create_registration_version(RegistrationId=campaign)
    assert field_values(client, campaign) == {}  # the brand association stays with the campaign
    fixed = {
        **CAMPAIGN_VALUES,
        "messageSamples.messageSample1": "Example Corp: your code is 123456. Reply STOP to end.",
    }
    put_all(client, campaign, fixed)
    client.submit_registration_version(RegistrationId=campaign)
    sms.review(campaign).begin().approve()
    done = registration(client, campaign)
    assert (done["RegistrationStatus"], done["ApprovedVersionNumber"]) == ("COMPLETE", 2)
    assert version(client, campaign, 1)["RegistrationVersionStatus"] == "DENIED"

    # 5. numbers once the campaign is complete: associated, or requested for it
    client.create_registration_association(RegistrationId=campaign, ResourceId=number)
    second = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TEN_DLC",
        RegistrationId=campaign,
    )
    listed = client.list_registration_associations(RegistrationId=campaign)
    assert listed["RegistrationType"] == CAMPAIGN
    assert [(a["ResourceType"], a["ResourceId"]) for a in listed["RegistrationAssociations"]] == [
        (BRAND, brand),
        ("TEN_DLC", number),
        ("TEN_DLC", second["PhoneNumberId"]),
    ]
    ten_dlc = [{"Name": "resource-type", "Values": ["TEN_DLC"]}]
    only_numbers = client.list_registration_associations(RegistrationId=campaign, Filters=ten_dlc)
    assert {a["PhoneNumber"] for a in only_numbers["RegistrationAssociations"]} == {
        p["PhoneNumber"]
        for p in client.describe_phone_numbers(
            Filters=[{"Name": "number-type", "Values": ["TEN_DLC"]}]
        )["PhoneNumbers"]
    }
