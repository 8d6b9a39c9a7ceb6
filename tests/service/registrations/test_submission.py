"""``check_fields=True``: the automated pre-check that denies a submitted version at once."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock import SmsVoiceV2Mock

from .family_data import (
    BRAND,
    BRAND_VALUES,
    PNG,
    TOLL_FREE,
    TOLL_FREE_VALUES,
    field_values,
    put_all,
    request_number,
)

pytestmark = pytest.mark.sms_voice_v2(check_fields=True)


def versions(client: Any, rid: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.describe_registration_versions(RegistrationId=rid)[
        "RegistrationVersions"
    ]
    return found


def ready(client: Any, kind: str, values: dict[str, Any]) -> str:
    rid = str(client.create_registration(RegistrationType=kind)["RegistrationId"])
    put_all(client, rid, values)
    if kind == TOLL_FREE:
        client.create_registration_association(
            RegistrationId=rid, ResourceId=request_number(client)
        )
    return rid


def test_a_complete_version_stays_submitted(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    rid = ready(client, TOLL_FREE, TOLL_FREE_VALUES)
    client.submit_registration_version(RegistrationId=rid)
    assert versions(client, rid)[0]["RegistrationVersionStatus"] == "SUBMITTED"


def test_missing_required_fields_are_denied_at_once(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    values = dict(TOLL_FREE_VALUES)
    del values["companyInfo.website"], values["contactInfo.lastName"]
    rid = ready(client, TOLL_FREE, values)
    submitted = client.submit_registration_version(RegistrationId=rid)
    assert submitted["RegistrationVersionStatus"] == "SUBMITTED"  # accepted, as AWS does
    (version,) = versions(client, rid)
    assert version["RegistrationVersionStatus"] == "DENIED"
    assert version["DeniedReasons"] == [
        {
            "Reason": "Missing required field",
            "ShortDescription": "companyInfo.website is required but has no value.",
        },
        {
            "Reason": "Missing required field",
            "ShortDescription": "contactInfo.lastName is required but has no value.",
        },
    ]
    reg = client.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
    assert (reg["RegistrationStatus"], reg["LatestDeniedVersionNumber"]) == ("REQUIRES_UPDATES", 1)
    # No one reviewed it: SUBMITTED straight to DENIED (reference section 5, the pre-check row).
    assert set(version["RegistrationVersionStatusHistory"]) == {
        "DraftTimestamp",
        "SubmittedTimestamp",
        "DeniedTimestamp",
    }


def test_the_newer_names_of_renamed_fields_satisfy_the_check(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    values = dict(TOLL_FREE_VALUES)
    values["companyInfo.isoCountryCode"] = values.pop("companyInfo.country")
    values["messagingUseCase.optInDescription"] = values.pop("messagingUseCase.optInWorkflow")
    rid = ready(client, TOLL_FREE, values)
    client.submit_registration_version(RegistrationId=rid)
    assert versions(client, rid)[0]["RegistrationVersionStatus"] == "SUBMITTED"


COMPANY_ID_NAMES = {
    "companyInfo.companyIdNumber": "companyInfo.taxId",
    "companyInfo.companyIdType": "companyInfo.taxIdAuthority",
    "companyInfo.companyIdCountry": "companyInfo.taxIdCountry",
}


def test_the_tax_id_names_of_the_company_id_satisfy_the_check(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    values = dict(TOLL_FREE_VALUES)
    for old, new in COMPANY_ID_NAMES.items():
        values[new] = values.pop(old)
    values["companyInfo.taxId"] = "123456789"  # an EIN as a live script sends it
    rid = ready(client, TOLL_FREE, values)
    client.submit_registration_version(RegistrationId=rid)
    assert versions(client, rid)[0]["RegistrationVersionStatus"] == "SUBMITTED"


def test_a_sole_proprietor_may_not_give_a_tax_id(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    values = {k: v for k, v in TOLL_FREE_VALUES.items() if k not in COMPANY_ID_NAMES}
    values["companyInfo.businessType"] = ["SOLE_PROPRIETOR"]
    values["companyInfo.taxId"] = "123456789"
    rid = ready(client, TOLL_FREE, values)
    client.submit_registration_version(RegistrationId=rid)
    (version,) = versions(client, rid)
    assert [r["Reason"] for r in version["DeniedReasons"]] == ["Conditional field not allowed"]
    assert field_values(client, rid)["companyInfo.taxId"]["DeniedReason"] == (
        "Conditional field not allowed"
    )


def test_a_renamed_field_under_neither_name_is_missing(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    values = dict(TOLL_FREE_VALUES)
    del values["companyInfo.country"]
    rid = ready(client, TOLL_FREE, values)
    client.submit_registration_version(RegistrationId=rid)
    (version,) = versions(client, rid)
    assert version["RegistrationVersionStatus"] == "DENIED"
    assert [r["ShortDescription"] for r in version["DeniedReasons"]] == [
        "companyInfo.country is required but has no value.",
        "companyInfo.isoCountryCode is required but has no value.",
    ]


def test_a_condition_that_holds_makes_its_fields_required(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    values = {**BRAND_VALUES, "companyInfo.legalType": ["PUBLIC_PROFIT"]}
    rid = ready(client, BRAND, values)
    client.submit_registration_version(RegistrationId=rid)
    missing = [r["ShortDescription"].split()[0] for r in versions(client, rid)[0]["DeniedReasons"]]
    assert missing == [
        "companyInfo.stockSymbol",
        "companyInfo.stockExchange",
        "companyInfo.businessContactEmail",
    ]


def test_a_conditional_field_given_where_it_is_not_allowed(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    values = {**BRAND_VALUES, "companyInfo.businessContactEmail": "ceo@example.com"}
    rid = ready(client, BRAND, values)
    client.submit_registration_version(RegistrationId=rid)
    (version,) = versions(client, rid)
    assert version["RegistrationVersionStatus"] == "DENIED"
    assert [r["Reason"] for r in version["DeniedReasons"]] == ["Conditional field not allowed"]
    shown = field_values(client, rid)
    assert shown["companyInfo.businessContactEmail"]["DeniedReason"] == (
        "Conditional field not allowed"
    )
    assert "DeniedReason" not in shown["companyInfo.taxId"]


def test_a_sole_proprietor_needs_no_company_id(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    values = {
        k: v
        for k, v in TOLL_FREE_VALUES.items()
        if k
        not in (
            "companyInfo.companyIdNumber",
            "companyInfo.companyIdType",
            "companyInfo.companyIdCountry",
        )
    }
    values["companyInfo.businessType"] = ["SOLE_PROPRIETOR"]
    rid = ready(client, TOLL_FREE, values)
    client.submit_registration_version(RegistrationId=rid)
    assert versions(client, rid)[0]["RegistrationVersionStatus"] == "SUBMITTED"


def test_a_deleted_attachment_is_denied(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    attachment = client.create_registration_attachment(AttachmentBody=PNG)[
        "RegistrationAttachmentId"
    ]
    rid = ready(client, TOLL_FREE, {**TOLL_FREE_VALUES, "messagingUseCase.optInImage": attachment})
    client.delete_registration_attachment(RegistrationAttachmentId=attachment)
    client.submit_registration_version(RegistrationId=rid)
    (version,) = versions(client, rid)
    assert [r["Reason"] for r in version["DeniedReasons"]] == ["Attachment not found"]
    assert field_values(client, rid)["messagingUseCase.optInImage"]["DeniedReason"] == (
        "Attachment not found"
    )


@pytest.mark.sms_voice_v2(check_fields=True, review="approve")
def test_the_review_policy_runs_after_a_clean_pre_check(
    sms_voice_v2_client: Any, sms_voice_v2: SmsVoiceV2Mock
) -> None:
    client = sms_voice_v2_client
    clean = ready(client, TOLL_FREE, TOLL_FREE_VALUES)
    client.submit_registration_version(RegistrationId=clean)
    assert versions(client, clean)[0]["RegistrationVersionStatus"] == "APPROVED"
    empty = ready(client, BRAND, {})
    client.submit_registration_version(RegistrationId=empty)
    assert versions(client, empty)[0]["RegistrationVersionStatus"] == "DENIED"


@pytest.mark.sms_voice_v2(check_fields=False)
def test_without_check_fields_nothing_is_checked(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    rid = str(client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"])
    client.submit_registration_version(RegistrationId=rid)
    assert versions(client, rid)[0]["RegistrationVersionStatus"] == "SUBMITTED"


def test_a_type_without_definitions_passes(sms_voice_v2_client: Any) -> None:
    client = sms_voice_v2_client
    rid = str(
        client.create_registration(RegistrationType="AU_SENDER_ID_REGISTRATION")["RegistrationId"]
    )
    client.submit_registration_version(RegistrationId=rid)
    assert versions(client, rid)[0]["RegistrationVersionStatus"] == "SUBMITTED"
