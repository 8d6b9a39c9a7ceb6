"""PutRegistrationFieldValue, DeleteRegistrationFieldValue, DescribeRegistrationFieldValues,
and the per-field denial of ``review(...).deny(fields=...)``."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock import MockError, SmsVoiceV2Mock
from pinpoint_mock.engine import model

from .family_data import (
    BRAND,
    PNG,
    TOLL_FREE,
    TOLL_FREE_VALUES,
    conflict,
    field_values,
    not_found,
    put_all,
    validation,
)

HAS_FIELD_FEEDBACK = "Feedback" in model.members("RegistrationFieldValueInformation")


def new(client: Any, kind: str = TOLL_FREE) -> str:
    return str(client.create_registration(RegistrationType=kind)["RegistrationId"])


class TestPut:
    def test_each_kind_is_stored_and_echoed(self, client: Any) -> None:
        rid = new(client)
        text = client.put_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue="Example Corp"
        )
        assert text["VersionNumber"] == 1
        assert text["FieldPath"] == "companyInfo.companyName"
        assert text["TextValue"] == "Example Corp"
        select = client.put_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.businessType", SelectChoices=["NON_PROFIT"]
        )
        assert select["SelectChoices"] == ["NON_PROFIT"]
        attachment = client.create_registration_attachment(AttachmentBody=PNG)
        stored = client.put_registration_field_value(
            RegistrationId=rid,
            FieldPath="messagingUseCase.optInImage",
            RegistrationAttachmentId=attachment["RegistrationAttachmentArn"],
        )
        assert stored["RegistrationAttachmentId"] == attachment["RegistrationAttachmentId"]
        assert field_values(client, rid) == {
            "companyInfo.companyName": {
                "FieldPath": "companyInfo.companyName",
                "TextValue": "Example Corp",
            },
            "companyInfo.businessType": {
                "FieldPath": "companyInfo.businessType",
                "SelectChoices": ["NON_PROFIT"],
            },
            "messagingUseCase.optInImage": {
                "FieldPath": "messagingUseCase.optInImage",
                "RegistrationAttachmentId": attachment["RegistrationAttachmentId"],
            },
        }

    def test_a_second_put_replaces_the_value(self, client: Any) -> None:
        rid = new(client)
        for name in ("First Corp", "Second Corp"):
            client.put_registration_field_value(
                RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue=name
            )
        assert field_values(client, rid)["companyInfo.companyName"]["TextValue"] == "Second Corp"

    def test_by_arn(self, client: Any) -> None:
        arn = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationArn"]
        result = client.put_registration_field_value(
            RegistrationId=arn, FieldPath="companyInfo.city", TextValue="Seattle"
        )
        assert result["RegistrationArn"] == arn

    def test_no_value_is_missing_parameter(self, client: Any) -> None:
        rid = new(client)
        validation(
            client.put_registration_field_value,
            "MISSING_PARAMETER",
            RegistrationId=rid,
            FieldPath="companyInfo.city",
        )

    def test_two_values_cannot_be_used_together(self, client: Any) -> None:
        rid = new(client)
        response = validation(
            client.put_registration_field_value,
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            RegistrationId=rid,
            FieldPath="companyInfo.city",
            TextValue="Seattle",
            SelectChoices=["Seattle"],
        )
        assert {f["Name"] for f in response["Fields"]} == {"textValue", "selectChoices"}

    @pytest.mark.parametrize(
        ("path", "value", "says"),
        [
            ("companyInfo.city", {"SelectChoices": ["Seattle"]}, "is a TEXT field: give TextValue"),
            ("companyInfo.businessType", {"TextValue": "NON_PROFIT"}, "give SelectChoices"),
            ("messagingUseCase.optInImage", {"TextValue": "x"}, "give RegistrationAttachmentId"),
            ("companyInfo.country", {"TextValue": "USA"}, "at most 2 characters"),
            ("messagingUseCase.useCaseDetails", {"TextValue": "short"}, "at least 40"),
            ("contactInfo.supportPhoneNumber", {"TextValue": "206 555 0100"}, "must match"),
            ("companyInfo.businessType", {"SelectChoices": ["PIRATE"]}, "has no option(s) PIRATE"),
            ("companyInfo.businessType", {"SelectChoices": []}, "needs at least 1 choice"),
            (
                "companyInfo.businessType",
                {"SelectChoices": ["NON_PROFIT", "GOVERNMENT"]},
                "allows at most 1 choice",
            ),
        ],
    )
    def test_a_value_the_definition_refuses_is_invalid_parameter(
        self, client: Any, path: str, value: dict[str, Any], says: str
    ) -> None:
        rid = new(client)
        response = validation(
            client.put_registration_field_value,
            "INVALID_PARAMETER",
            RegistrationId=rid,
            FieldPath=path,
            **value,
        )
        assert says in response["Error"]["Message"]

    def test_an_ein_with_a_dash_is_refused_for_a_brand(self, client: Any) -> None:
        rid = new(client, BRAND)
        validation(
            client.put_registration_field_value,
            "INVALID_PARAMETER",
            RegistrationId=rid,
            FieldPath="companyInfo.taxId",
            TextValue="12-3456789",
        )

    def test_unknown_field(self, client: Any) -> None:
        rid = new(client)
        response = validation(
            client.put_registration_field_value,
            "UNKNOWN_REGISTRATION_FIELD",
            RegistrationId=rid,
            FieldPath="companyInfo.catName",
            TextValue="Tom",
        )
        assert response["Fields"][0]["Name"] == "fieldPath"

    def test_unknown_attachment(self, client: Any) -> None:
        rid = new(client)
        not_found(
            client.put_registration_field_value,
            "registration-attachment",
            RegistrationId=rid,
            FieldPath="messagingUseCase.optInImage",
            RegistrationAttachmentId="attachment-" + "0" * 32,
        )

    def test_unknown_registration(self, client: Any) -> None:
        not_found(
            client.put_registration_field_value,
            "registration",
            RegistrationId="registration-" + "0" * 32,
            FieldPath="companyInfo.city",
            TextValue="Seattle",
        )

    def test_a_type_without_definitions_takes_any_path_and_value(self, client: Any) -> None:
        rid = new(client, "AU_SENDER_ID_REGISTRATION")
        client.put_registration_field_value(
            RegistrationId=rid, FieldPath="anything.goes", SelectChoices=["a", "b", "a"]
        )
        client.put_registration_field_value(RegistrationId=rid, FieldPath="whatever", TextValue="x")
        assert set(field_values(client, rid)) == {"anything.goes", "whatever"}


class TestOnlyTheDraft:
    @pytest.mark.parametrize("step", ["submitted", "denied", "approved"])
    def test_editing_a_version_that_is_not_a_draft_is_refused(
        self, client: Any, sms: SmsVoiceV2Mock, step: str
    ) -> None:
        rid = new(client)
        client.put_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.city", TextValue="Seattle"
        )
        client.submit_registration_version(RegistrationId=rid)
        if step == "denied":
            sms.review(rid).deny()
        elif step == "approved":
            sms.review(rid).approve()
        response = conflict(
            client.put_registration_field_value,
            "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
            RegistrationId=rid,
            FieldPath="companyInfo.city",
            TextValue="Portland",
        )
        assert (response["ResourceType"], response["ResourceId"]) == ("registration", rid)
        conflict(
            client.delete_registration_field_value,
            "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
            RegistrationId=rid,
            FieldPath="companyInfo.address2",
        )

    def test_a_closed_registration_is_not_editable(self, client: Any, sms: SmsVoiceV2Mock) -> None:
        rid = new(client)
        sms.review(rid).close()
        conflict(
            client.put_registration_field_value,
            "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
            RegistrationId=rid,
            FieldPath="companyInfo.city",
            TextValue="Seattle",
        )

    def test_a_new_version_starts_empty_and_the_old_one_stays_readable(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid = new(client)
        put_all(client, rid, TOLL_FREE_VALUES)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).deny()
        client.create_registration_version(RegistrationId=rid)
        current = client.describe_registration_field_values(RegistrationId=rid)
        assert current["VersionNumber"] == 2
        assert current["RegistrationFieldValues"] == []
        client.put_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.city", TextValue="Portland"
        )
        old = field_values(client, rid, VersionNumber=1)
        assert set(old) == set(TOLL_FREE_VALUES)
        assert old["companyInfo.city"]["TextValue"] == "Seattle"
        assert field_values(client, rid, VersionNumber=2) == {
            "companyInfo.city": {"FieldPath": "companyInfo.city", "TextValue": "Portland"}
        }


class TestDelete:
    def test_an_optional_value_is_deleted_and_echoed(self, client: Any) -> None:
        rid = new(client)
        client.put_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.address2", TextValue="Suite 400"
        )
        deleted = client.delete_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.address2"
        )
        assert deleted["TextValue"] == "Suite 400"
        assert deleted["VersionNumber"] == 1
        assert field_values(client, rid) == {}

    def test_deleting_a_field_without_a_value_succeeds(self, client: Any) -> None:
        rid = new(client)
        deleted = client.delete_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.address2"
        )
        assert deleted["FieldPath"] == "companyInfo.address2"
        assert "TextValue" not in deleted

    def test_a_conditional_value_can_be_deleted(self, client: Any) -> None:
        rid = new(client)
        client.put_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.companyIdType", SelectChoices=["EIN"]
        )
        deleted = client.delete_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.companyIdType"
        )
        assert deleted["SelectChoices"] == ["EIN"]

    def test_a_required_field_cannot_be_deleted(self, client: Any) -> None:
        rid = new(client)
        client.put_registration_field_value(
            RegistrationId=rid, FieldPath="companyInfo.city", TextValue="Seattle"
        )
        validation(
            client.delete_registration_field_value,
            "REGISTRATION_FIELD_CANNOT_BE_DELETED",
            RegistrationId=rid,
            FieldPath="companyInfo.city",
        )
        assert "companyInfo.city" in field_values(client, rid)

    def test_unknown_field(self, client: Any) -> None:
        rid = new(client)
        validation(
            client.delete_registration_field_value,
            "UNKNOWN_REGISTRATION_FIELD",
            RegistrationId=rid,
            FieldPath="companyInfo.catName",
        )


class TestDescribe:
    def test_values_come_in_definition_order_and_narrow(self, client: Any) -> None:
        rid = new(client)
        put_all(client, rid, dict(reversed(TOLL_FREE_VALUES.items())))
        assert list(field_values(client, rid)) == list(TOLL_FREE_VALUES)
        contact = field_values(client, rid, SectionPath="contactInfo")
        assert list(contact) == [p for p in TOLL_FREE_VALUES if p.startswith("contactInfo.")]
        chosen = field_values(
            client,
            rid,
            SectionPath="companyInfo",
            FieldPaths=["companyInfo.city", "contactInfo.lastName"],
        )
        assert list(chosen) == ["companyInfo.city"]

    def test_pages(self, client: Any) -> None:
        rid = new(client)
        put_all(client, rid, TOLL_FREE_VALUES)
        first = client.describe_registration_field_values(RegistrationId=rid, MaxResults=15)
        assert len(first["RegistrationFieldValues"]) == 15
        rest = client.describe_registration_field_values(
            RegistrationId=rid, MaxResults=15, NextToken=first["NextToken"]
        )
        assert "NextToken" not in rest
        paths = [
            v["FieldPath"]
            for v in first["RegistrationFieldValues"] + rest["RegistrationFieldValues"]
        ]
        assert paths == list(TOLL_FREE_VALUES)
        validation(
            client.describe_registration_field_values,
            "INVALID_NEXT_TOKEN",
            RegistrationId=rid,
            VersionNumber=1,
            NextToken=first["NextToken"],
        )

    def test_unknown_version(self, client: Any) -> None:
        rid = new(client)
        response = validation(
            client.describe_registration_field_values,
            "UNKNOWN_REGISTRATION_VERSION",
            RegistrationId=rid,
            VersionNumber=2,
        )
        assert response["Fields"][0]["Name"] == "versionNumber"

    def test_unknown_section_and_field(self, client: Any) -> None:
        rid = new(client)
        validation(
            client.describe_registration_field_values,
            "UNKNOWN_REGISTRATION_SECTION",
            RegistrationId=rid,
            SectionPath="pets",
        )
        validation(
            client.describe_registration_field_values,
            "UNKNOWN_REGISTRATION_FIELD",
            RegistrationId=rid,
            FieldPaths=["companyInfo.catName"],
        )

    def test_unknown_registration(self, client: Any) -> None:
        not_found(
            client.describe_registration_field_values,
            "registration",
            RegistrationId="registration-" + "0" * 32,
        )


class TestDeniedFields:
    def submitted(self, client: Any) -> str:
        rid = new(client)
        put_all(client, rid, TOLL_FREE_VALUES)
        client.submit_registration_version(RegistrationId=rid)
        return rid

    def test_a_reason_string_per_field(self, client: Any, sms: SmsVoiceV2Mock) -> None:
        rid = self.submitted(client)
        sms.review(rid).deny(fields={"messagingUseCase.optInWorkflow": "Opt-in is not clear"})
        shown = field_values(client, rid)
        assert shown["messagingUseCase.optInWorkflow"]["DeniedReason"] == "Opt-in is not clear"
        assert (
            shown["messagingUseCase.optInWorkflow"]["TextValue"]
            == TOLL_FREE_VALUES["messagingUseCase.optInWorkflow"]
        )
        assert "DeniedReason" not in shown["companyInfo.city"]

    @pytest.mark.skipif(not HAS_FIELD_FEEDBACK, reason="botocore without per-field Feedback")
    def test_a_mapping_with_feedback(self, client: Any, sms: SmsVoiceV2Mock) -> None:
        rid = self.submitted(client)
        sms.review(rid).deny(
            fields={
                "companyInfo.website": {
                    "DeniedReason": "Website unreachable",
                    "Feedback": "The site did not load.",
                }
            }
        )
        website = field_values(client, rid)["companyInfo.website"]
        assert website["DeniedReason"] == "Website unreachable"
        assert website["Feedback"] == "The site did not load."

    def test_a_field_without_a_value_shows_its_reason_alone(
        self, client: Any, sms: SmsVoiceV2Mock
    ) -> None:
        rid = self.submitted(client)
        sms.review(rid).deny(fields={"companyInfo.address2": "Give the suite number"})
        assert field_values(client, rid)["companyInfo.address2"] == {
            "FieldPath": "companyInfo.address2",
            "DeniedReason": "Give the suite number",
        }

    @pytest.mark.parametrize(
        ("fields", "says"),
        [
            (["companyInfo.city"], "must map FieldPath -> reason"),
            ({"not a path!": "x"}, "is not a FieldPath"),
            ({"companyInfo.city": ""}, "must be a reason string or a mapping"),
            ({"companyInfo.city": {"Reason": "x"}}, "unknown key(s) Reason"),
            ({"companyInfo.city": {"DeniedReason": 3}}, "must be a string"),
        ],
    )
    def test_bad_fields_are_misuse(
        self, client: Any, sms: SmsVoiceV2Mock, fields: Any, says: str
    ) -> None:
        rid = self.submitted(client)
        with pytest.raises(MockError) as raised:
            sms.review(rid).deny(fields=fields)
        assert says in str(raised.value)
        versions = client.describe_registration_versions(RegistrationId=rid)
        assert versions["RegistrationVersions"][0]["RegistrationVersionStatus"] == "SUBMITTED"
