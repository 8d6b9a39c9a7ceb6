"""DescribeRegistrationTypeDefinitions, ...SectionDefinitions, ...FieldDefinitions."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import boto3
import pytest

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import model

from .family_data import BRAND, CAMPAIGN, TOLL_FREE, VETTING, validation

DATA = json.loads(
    resources.files("pinpoint_mock.service.registrations")
    .joinpath("data/definitions.json")
    .read_text()
)
DATA_TYPES = {t["RegistrationType"]: t for t in DATA["types"]}
HAS_CONDITIONAL_BEHAVIOR = "ConditionalBehavior" in model.members("RegistrationFieldDefinition")


def all_fields(client: Any, kind: str, **kwargs: Any) -> list[dict[str, Any]]:
    paginator = client.get_paginator("describe_registration_field_definitions")
    return [
        f
        for page in paginator.paginate(RegistrationType=kind, **kwargs)
        for f in page["RegistrationFieldDefinitions"]
    ]


class TestTypeDefinitions:
    def test_every_accepted_type_is_listed_once_across_pages(self, client: Any) -> None:
        paginator = client.get_paginator("describe_registration_type_definitions")
        pages = list(paginator.paginate(PaginationConfig={"PageSize": 4}))
        names = [t["RegistrationType"] for p in pages for t in p["RegistrationTypeDefinitions"]]
        assert len(pages) > 2
        assert len(names) == len(set(names))
        assert set(DATA_TYPES) <= set(names)
        assert "AU_SENDER_ID_REGISTRATION" in names  # accepted, no definitions in the data

    def test_a_defined_type_is_the_data_without_its_sections_and_fields(self, client: Any) -> None:
        found = client.describe_registration_type_definitions(RegistrationTypes=[TOLL_FREE])
        (definition,) = found["RegistrationTypeDefinitions"]
        expected = {
            k: v for k, v in DATA_TYPES[TOLL_FREE].items() if k not in ("Sections", "Fields")
        }
        assert definition == expected

    def test_a_type_without_definitions_shows_its_name(self, client: Any) -> None:
        found = client.describe_registration_type_definitions(
            RegistrationTypes=["AU_SENDER_ID_REGISTRATION"]
        )
        assert found["RegistrationTypeDefinitions"] == [
            {
                "RegistrationType": "AU_SENDER_ID_REGISTRATION",
                "DisplayHints": {"Title": "AU_SENDER_ID_REGISTRATION"},
            }
        ]

    def test_filter_by_supported_association(self, client: Any) -> None:
        def names(filters: list[dict[str, Any]]) -> set[str]:
            found = client.describe_registration_type_definitions(Filters=filters)
            return {t["RegistrationType"] for t in found["RegistrationTypeDefinitions"]}

        resource = "supported-association-resource-type"
        assert names([{"Name": resource, "Values": ["TOLL_FREE"]}]) == {TOLL_FREE}
        assert names([{"Name": resource, "Values": ["TEN_DLC", BRAND]}]) == {VETTING, CAMPAIGN}
        country = "supported-association-iso-country-code"
        assert names([{"Name": country, "Values": ["GB"]}]) == {"GB_LONG_CODE_REGISTRATION"}
        both = [
            {"Name": resource, "Values": ["TEN_DLC"]},
            {"Name": country, "Values": ["US"]},
        ]
        assert names(both) == {CAMPAIGN}

    def test_unknown_type_is_refused(self, client: Any) -> None:
        response = validation(
            client.describe_registration_type_definitions,
            "UNKNOWN_REGISTRATION_TYPE",
            RegistrationTypes=[TOLL_FREE, "US_MOON_REGISTRATION"],
        )
        assert response["Fields"][0]["Name"] == "registrationTypes.2.member"

    def test_a_token_from_another_listing_is_refused(self, client: Any) -> None:
        token = client.describe_registration_type_definitions(MaxResults=1)["NextToken"]
        validation(
            client.describe_registration_field_definitions,
            "INVALID_NEXT_TOKEN",
            RegistrationType=TOLL_FREE,
            NextToken=token,
        )


class TestSectionDefinitions:
    def test_sections_in_data_order(self, client: Any) -> None:
        found = client.describe_registration_section_definitions(RegistrationType=TOLL_FREE)
        assert found["RegistrationType"] == TOLL_FREE
        assert found["RegistrationSectionDefinitions"] == DATA_TYPES[TOLL_FREE]["Sections"]
        assert "NextToken" not in found

    def test_section_paths_narrow_and_pages_split(self, client: Any) -> None:
        found = client.describe_registration_section_definitions(
            RegistrationType=TOLL_FREE, SectionPaths=["messageSamples", "companyInfo"]
        )
        paths = [s["SectionPath"] for s in found["RegistrationSectionDefinitions"]]
        assert paths == ["companyInfo", "messageSamples"]
        first = client.describe_registration_section_definitions(
            RegistrationType=TOLL_FREE, MaxResults=3
        )
        rest = client.describe_registration_section_definitions(
            RegistrationType=TOLL_FREE, NextToken=first["NextToken"]
        )
        assert [s["SectionPath"] for s in rest["RegistrationSectionDefinitions"]] == [
            "messageSamples"
        ]

    def test_vetting_has_no_sections(self, client: Any) -> None:
        found = client.describe_registration_section_definitions(RegistrationType=VETTING)
        assert found["RegistrationSectionDefinitions"] == []

    def test_unknown_section_is_refused(self, client: Any) -> None:
        response = validation(
            client.describe_registration_section_definitions,
            "UNKNOWN_REGISTRATION_SECTION",
            RegistrationType=TOLL_FREE,
            SectionPaths=["companyInfo", "pets"],
        )
        assert response["Fields"][0]["Name"] == "sectionPaths.2.member"

    def test_unknown_type_is_refused(self, client: Any) -> None:
        validation(
            client.describe_registration_section_definitions,
            "UNKNOWN_REGISTRATION_TYPE",
            RegistrationType="US_MOON_REGISTRATION",
        )


class TestFieldDefinitions:
    def test_walking_every_page_gives_the_catalogue(self, client: Any) -> None:
        fields = all_fields(client, TOLL_FREE, PaginationConfig={"PageSize": 4})
        data = DATA_TYPES[TOLL_FREE]["Fields"]
        assert [f["FieldPath"] for f in fields] == [f["FieldPath"] for f in data]
        for shown, raw in zip(fields, data, strict=True):
            assert "_condition" not in shown
            stripped = {k: v for k, v in shown.items() if k != "ConditionalBehavior"}
            assert stripped == {
                k: v for k, v in raw.items() if k not in ("_condition", "ConditionalBehavior")
            }
            if HAS_CONDITIONAL_BEHAVIOR and "ConditionalBehavior" in raw:
                assert shown["ConditionalBehavior"] == raw["ConditionalBehavior"]

    @pytest.mark.skipif(not HAS_CONDITIONAL_BEHAVIOR, reason="botocore without ConditionalBehavior")
    def test_a_condition_is_shown_as_conditional_behavior(self, client: Any) -> None:
        (field,) = all_fields(client, BRAND, FieldPaths=["companyInfo.stockSymbol"])
        assert field["ConditionalBehavior"] == {
            "Rules": [
                {
                    "Conditions": [
                        {
                            "DependsOnFieldPath": "companyInfo.legalType",
                            "Operator": "IN",
                            "Values": ["PUBLIC_PROFIT"],
                        }
                    ],
                    "RuleBehavior": "REQUIRED",
                }
            ],
            "DefaultBehavior": "DISALLOWED",
        }
        (plain,) = all_fields(client, BRAND, FieldPaths=["companyInfo.taxId"])
        assert "ConditionalBehavior" not in plain

    def test_section_path_and_field_paths_narrow_together(self, client: Any) -> None:
        contact = all_fields(client, TOLL_FREE, SectionPath="contactInfo")
        assert {f["SectionPath"] for f in contact} == {"contactInfo"}
        assert len(contact) == 4
        both = all_fields(
            client,
            TOLL_FREE,
            SectionPath="contactInfo",
            FieldPaths=["contactInfo.firstName", "companyInfo.city"],
        )
        assert [f["FieldPath"] for f in both] == ["contactInfo.firstName"]

    def test_unknown_section_and_field_are_refused(self, client: Any) -> None:
        validation(
            client.describe_registration_field_definitions,
            "UNKNOWN_REGISTRATION_SECTION",
            RegistrationType=TOLL_FREE,
            SectionPath="pets",
        )
        response = validation(
            client.describe_registration_field_definitions,
            "UNKNOWN_REGISTRATION_FIELD",
            RegistrationType=TOLL_FREE,
            FieldPaths=["companyInfo.city", "companyInfo.catName"],
        )
        assert response["Fields"][0]["Name"] == "fieldPaths.2.member"

    def test_unknown_type_is_refused(self, client: Any) -> None:
        validation(
            client.describe_registration_field_definitions,
            "UNKNOWN_REGISTRATION_TYPE",
            RegistrationType="US_MOON_REGISTRATION",
        )

    def test_a_type_without_definitions_has_no_fields_and_checks_no_paths(
        self, client: Any
    ) -> None:
        found = client.describe_registration_field_definitions(
            RegistrationType="AU_SENDER_ID_REGISTRATION",
            SectionPath="anything",
            FieldPaths=["anything.at_all"],
        )
        assert found["RegistrationFieldDefinitions"] == []


CUSTOM = {
    "Fields": [
        {"FieldPath": "shop.name", "FieldType": "TEXT", "FieldRequirement": "REQUIRED"},
        {
            "FieldPath": "shop.kind",
            "FieldType": "SELECT",
            "FieldRequirement": "OPTIONAL",
            "SelectValidation": {"MinChoices": 1, "MaxChoices": 1, "Options": ["A", "B"]},
        },
    ]
}


class TestUserDefinitions:
    def test_a_user_type_is_described_with_its_defaults(self) -> None:
        with mock_sms_voice_v2(registration_types={"XX_SHOP_REGISTRATION": CUSTOM}):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            kind = "XX_SHOP_REGISTRATION"
            (definition,) = client.describe_registration_type_definitions(RegistrationTypes=[kind])[
                "RegistrationTypeDefinitions"
            ]
            assert definition == {"RegistrationType": kind, "DisplayHints": {"Title": kind}}
            sections = client.describe_registration_section_definitions(RegistrationType=kind)
            assert sections["RegistrationSectionDefinitions"] == [
                {
                    "SectionPath": "shop",
                    "DisplayHints": {"Title": "shop", "ShortDescription": "shop"},
                }
            ]
            fields = all_fields(client, kind)
            assert [f["FieldPath"] for f in fields] == ["shop.name", "shop.kind"]
            assert fields[0]["SectionPath"] == "shop"
            assert fields[0]["DisplayHints"] == {
                "Title": "shop.name",
                "ShortDescription": "shop.name",
            }
            client.create_registration(RegistrationType=kind)

    def test_a_user_definition_replaces_a_built_in_one(self) -> None:
        with mock_sms_voice_v2(registration_types={TOLL_FREE: CUSTOM}):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            assert [f["FieldPath"] for f in all_fields(client, TOLL_FREE)] == [
                "shop.name",
                "shop.kind",
            ]

    def test_names_and_definitions_mix_and_names_still_work_alone(self) -> None:
        with mock_sms_voice_v2(registration_types={"XX_A": CUSTOM, "XX_B": None}):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            assert all_fields(client, "XX_B") == []
            assert len(all_fields(client, "XX_A")) == 2
        with mock_sms_voice_v2(registration_types=["XX_C"]):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            assert client.create_registration(RegistrationType="XX_C")["RegistrationType"] == "XX_C"
