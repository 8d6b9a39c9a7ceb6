"""Field values and small steps that the registration-family tests share, written the way a
real registration script writes them."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

TOLL_FREE = "US_TOLL_FREE_REGISTRATION"
BRAND = "US_TEN_DLC_BRAND_REGISTRATION"
VETTING = "US_TEN_DLC_BRAND_VETTING"
CAMPAIGN = "US_TEN_DLC_CAMPAIGN_REGISTRATION"

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"\x00" * 64

OPT_IN = (
    "Customers tick an unchecked box on the sign-up form at https://www.example.com/signup "
    "to receive passcodes by text message."
)

# A private company: the company ID fields are required, as they are for every business type
# but sole proprietors.
TOLL_FREE_VALUES: dict[str, Any] = {
    "companyInfo.companyName": "Example Corp",
    "companyInfo.website": "https://www.example.com",
    "companyInfo.address1": "123 Main Street",
    "companyInfo.city": "Seattle",
    "companyInfo.state": "WA",
    "companyInfo.zipCode": "98101",
    "companyInfo.country": "US",
    "companyInfo.businessType": ["PRIVATE_PROFIT"],
    "companyInfo.companyIdNumber": "12-3456789",
    "companyInfo.companyIdType": ["EIN"],
    "companyInfo.companyIdCountry": "US",
    "contactInfo.firstName": "Jane",
    "contactInfo.lastName": "Doe",
    "contactInfo.supportEmail": "support@example.com",
    "contactInfo.supportPhoneNumber": "+12065550142",
    "messagingUseCase.monthlyMessageVolume": ["10,000"],
    "messagingUseCase.useCaseCategory": ["ONE_TIME_PASSCODES"],
    "messagingUseCase.useCaseDetails": (
        "Example Corp sends one-time passcodes to customers who sign in on example.com."
    ),
    "messagingUseCase.optInType": ["DIGITAL_FORM"],
    "messagingUseCase.optInWorkflow": OPT_IN,
    "messageSamples.messageSample1": "Example Corp: your passcode is 123456. Reply STOP to opt out.",
}

BRAND_VALUES: dict[str, Any] = {
    "companyInfo.companyName": "Example Corp",
    "companyInfo.taxIdIssuingCountry": "US",
    "companyInfo.taxId": "123456789",
    "companyInfo.legalType": ["PRIVATE_PROFIT"],
    "companyInfo.address": "123 Main Street",
    "companyInfo.city": "Seattle",
    "companyInfo.state": "WA",
    "companyInfo.zipCode": "98101",
    "companyInfo.isoCountryCode": "US",
    "contactInfo.dbaName": "Example Corp",
    "contactInfo.vertical": ["TECHNOLOGY"],
    "contactInfo.website": "https://www.example.com",
    "contactInfo.supportEmail": "support@example.com",
    "contactInfo.supportPhoneNumber": "+12065550142",
}

CAMPAIGN_VALUES: dict[str, Any] = {
    "campaignInfo.campaignName": "Example Corp account notifications and sign-in passcodes",
    "campaignInfo.vertical": ["TECHNOLOGY"],
    "campaignInfo.optInWorkflow": OPT_IN,
    "campaignInfo.optInMessage": "Example Corp: you will get account alerts. Reply STOP to end.",
    "campaignInfo.helpMessage": "Example Corp: for help write to support@example.com.",
    "campaignInfo.stopMessage": "Example Corp: you will get no more messages.",
    "campaignCapabilities.numberCapabilities": ["SMS"],
    "campaignUseCase.useCase": ["ACCOUNT_NOTIFICATION"],
    "campaignUseCase.subscriberOptIn": ["Yes"],
    "campaignUseCase.subscriberOptOut": ["Yes"],
    "campaignUseCase.subscriberHelp": ["Yes"],
    "campaignUseCase.directLending": ["No"],
    "campaignUseCase.embeddedLink": ["No"],
    "campaignUseCase.embeddedPhone": ["No"],
    "campaignUseCase.ageGated": ["No"],
    "messageSamples.messageSample1": "Example Corp: your password was changed. Reply STOP to end.",
}


def value_kwargs(value: Any) -> dict[str, Any]:
    """PutRegistrationFieldValue's value member for a value as written above."""
    if isinstance(value, list):
        return {"SelectChoices": value}
    if isinstance(value, str) and value.startswith("attachment-"):
        return {"RegistrationAttachmentId": value}
    return {"TextValue": value}


def put_all(client: Any, rid: str, values: dict[str, Any]) -> None:
    for path, value in values.items():
        client.put_registration_field_value(
            RegistrationId=rid, FieldPath=path, **value_kwargs(value)
        )


def field_values(client: Any, rid: str, **kwargs: Any) -> dict[str, dict[str, Any]]:
    """Every value of a version (all pages), by FieldPath."""
    paginator = client.get_paginator("describe_registration_field_values")
    return {
        v["FieldPath"]: v
        for page in paginator.paginate(RegistrationId=rid, **kwargs)
        for v in page["RegistrationFieldValues"]
    }


def request_number(client: Any, number_type: str = "TOLL_FREE", country: str = "US") -> str:
    return str(
        client.request_phone_number(
            IsoCountryCode=country,
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType=number_type,
        )["PhoneNumberId"]
    )


def error(call: Any, **params: Any) -> dict[str, Any]:
    with pytest.raises(ClientError) as raised:
        call(**params)
    response: dict[str, Any] = raised.value.response
    return response


def validation(call: Any, reason: str, **params: Any) -> dict[str, Any]:
    response = error(call, **params)
    assert response["Error"]["Code"] == "ValidationException", response
    assert response["Reason"] == reason, response
    return response


def conflict(call: Any, reason: str, **params: Any) -> dict[str, Any]:
    response = error(call, **params)
    assert response["Error"]["Code"] == "ConflictException", response
    assert response["Reason"] == reason, response
    return response


def not_found(call: Any, resource_type: str, **params: Any) -> dict[str, Any]:
    response = error(call, **params)
    assert response["Error"]["Code"] == "ResourceNotFoundException", response
    assert response["ResourceType"] == resource_type, response
    return response
