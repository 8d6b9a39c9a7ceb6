"""The ``registration_types`` option: names, or name -> definition, checked at construction."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock import MockError, mock_sms_voice_v2
from pinpoint_mock.engine import model

TEXT_FIELD = {"FieldPath": "shop.name", "FieldType": "TEXT", "FieldRequirement": "REQUIRED"}


def refused(registration_types: Any) -> str:
    with pytest.raises(MockError) as raised:
        mock_sms_voice_v2(registration_types=registration_types)
    return str(raised.value)


def test_one_string_is_refused() -> None:
    assert "not one string" in refused("US_TOLL_FREE_REGISTRATION")


@pytest.mark.parametrize("name", ["has space", "", "x" * 65, 7])
def test_bad_names_are_refused(name: Any) -> None:
    assert "must match [A-Za-z0-9_]{1,64}" in refused([name])
    assert "must match" in refused({name: None})


def test_a_definition_must_be_a_mapping() -> None:
    assert "must be a mapping" in refused({"XX": ["shop.name"]})


def test_every_problem_is_listed_with_where_it_is() -> None:
    message = refused(
        {
            "XX": {
                "Fields": [
                    {
                        "FieldPath": "shop.name",
                        "FieldType": "TEXTY",
                        "FieldRequirement": "REQUIRED",
                    },
                    {**TEXT_FIELD, "Colour": "red"},
                ],
                "Flavour": 1,
            }
        }
    )
    assert message.startswith("the definition of registration type XX is not valid:")
    assert "registration_types['XX']: 'Flavour' is not a member of RegistrationTypeDefinition" in (
        message
    )
    assert "registration_types['XX'].Fields[0].FieldType: 'TEXTY' is not one of" in message
    assert "registration_types['XX'].Fields[1]: 'Colour' is not a member" in message


@pytest.mark.parametrize(
    ("definition", "says"),
    [
        ({"RegistrationType": "YY"}, "RegistrationType 'YY' is not 'XX'"),
        ({"Fields": [TEXT_FIELD, TEXT_FIELD]}, "FieldPath shop.name appears twice"),
        (
            {
                "Sections": [
                    {
                        "SectionPath": "shop",
                        "DisplayHints": {"Title": "Shop", "ShortDescription": "Shop"},
                    }
                ],
                "Fields": [{**TEXT_FIELD, "FieldPath": "other.name"}],
            },
            "SectionPath other is not one of the Sections",
        ),
        (
            {"Fields": [{**TEXT_FIELD, "FieldPath": "name", "SectionPath": "shop"}]},
            "FieldPath name must be <SectionPath>.<name>",
        ),
        (
            {
                "Fields": [
                    {
                        **TEXT_FIELD,
                        "SelectValidation": {"MinChoices": 1, "MaxChoices": 1, "Options": ["A"]},
                    }
                ]
            },
            "SelectValidation belongs to SELECT fields",
        ),
        (
            {
                "Fields": [
                    {
                        **TEXT_FIELD,
                        "TextValidation": {"MinLength": 1, "MaxLength": 2, "Pattern": "("},
                    }
                ]
            },
            "TextValidation.Pattern is not a Python regex",
        ),
        (
            {"Fields": [{**TEXT_FIELD, "_condition": {"FieldPath": "shop.name", "Values": ["A"]}}]},
            "only CONDITIONAL fields carry a condition",
        ),
        (
            {
                "Fields": [
                    {
                        **TEXT_FIELD,
                        "FieldRequirement": "CONDITIONAL",
                        "_condition": {"FieldPath": "shop.kind", "Values": ["A"]},
                    }
                ]
            },
            "FieldPath shop.kind is not another field",
        ),
        (
            {
                "Fields": [
                    {
                        **TEXT_FIELD,
                        "FieldRequirement": "CONDITIONAL",
                        "_condition": {"FieldPath": "shop.name"},
                    }
                ]
            },
            "must be {'FieldPath': str, 'Values': [str, ...]}",
        ),
        ({"Fields": "shop.name"}, "Fields must be a list of mappings"),
        (
            {"SupportedAssociations": [{"ResourceType": "TOLL_FREE"}]},
            "required member 'AssociationBehavior' is missing",
        ),
    ],
)
def test_inconsistent_definitions_are_refused(definition: dict[str, Any], says: str) -> None:
    assert says in refused({"XX": definition})


@pytest.mark.skipif(
    "ConditionalBehavior" not in model.members("RegistrationFieldDefinition"),
    reason="botocore without ConditionalBehavior",
)
def test_conditional_behavior_is_accepted_where_the_model_has_it() -> None:
    rule = {
        "Rules": [
            {
                "Conditions": [{"DependsOnFieldPath": "shop.name", "Operator": "HAS_VALUE"}],
                "RuleBehavior": "REQUIRED",
            }
        ],
        "DefaultBehavior": "OPTIONAL",
    }
    field = {**TEXT_FIELD, "FieldPath": "shop.owner", "FieldRequirement": "CONDITIONAL"}
    with mock_sms_voice_v2(
        registration_types={"XX": {"Fields": [TEXT_FIELD, {**field, "ConditionalBehavior": rule}]}}
    ) as sms:
        definition = sms.options.catalogue.definition("XX")
        assert definition is not None
        owner = definition.by_path["shop.owner"]
        assert owner.behaviour({"shop.name": ["Bob's"]}) == "REQUIRED"
        assert owner.behaviour({}) == "OPTIONAL"


def test_equal_options_nest() -> None:
    types = {"XX": {"Fields": [TEXT_FIELD]}}
    with mock_sms_voice_v2(registration_types=types), mock_sms_voice_v2(registration_types=types):
        pass
