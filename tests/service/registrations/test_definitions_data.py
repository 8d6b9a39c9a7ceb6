"""Checks the registration definitions catalogue (data/definitions.json) against botocore's model.

The catalogue is returned as-is by DescribeRegistrationTypeDefinitions,
DescribeRegistrationSectionDefinitions and DescribeRegistrationFieldDefinitions, so every key must
be a member of the model's output shapes and every value must satisfy the shapes' constraints.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore.model import ListShape, OperationModel, ServiceModel, Shape, StructureShape
from botocore.parsers import create_parser
from botocore.validate import ParamValidator

PACKAGE_DIR = Path(__file__).resolve().parents[3] / "pinpoint_mock"
DATA_FILE = PACKAGE_DIR / "service" / "registrations" / "data" / "definitions.json"
TYPES_FILE = PACKAGE_DIR / "service" / "registrations" / "data" / "types.json"

# Keys that are ours, not the model's. Everything else must be a model member name.
TYPE_EXTRA_KEYS = frozenset({"Sections", "Fields"})
# ConditionalBehavior is a model member on newer botocore only; on older ones the mock keeps
# it for its own checks and leaves it out of what it returns.
_FIELD_SHAPE = (
    botocore.session.get_session()
    .get_service_model("pinpoint-sms-voice-v2")
    .shape_for("RegistrationFieldDefinition")
)
FIELD_EXTRA_KEYS = frozenset({"_condition"}) | (
    frozenset()
    if "ConditionalBehavior" in getattr(_FIELD_SHAPE, "members", {})
    else frozenset({"ConditionalBehavior"})
)

EXPECTED_TYPES = (
    "US_TOLL_FREE_REGISTRATION",
    "US_TEN_DLC_BRAND_REGISTRATION",
    "US_TEN_DLC_BRAND_VETTING",
    "US_TEN_DLC_CAMPAIGN_REGISTRATION",
    "JO_SENDER_ID_REGISTRATION",
    "GB_LONG_CODE_REGISTRATION",
)

# Origination identity types that are not registrations (plus the model's NumberType enum).
IDENTITY_RESOURCE_TYPES = frozenset({"SENDER_ID"})

JsonObj = dict[str, Any]


# --------------------------------------------------------------------------- loading


@cache
def service_model() -> ServiceModel:
    return botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")


def operation(name: str) -> OperationModel:
    return service_model().operation_model(name)


def shape(name: str) -> Shape:
    return service_model().shape_for(name)


def structure(name: str) -> StructureShape:
    found = shape(name)
    assert isinstance(found, StructureShape), name
    return found


def list_member(list_shape: Shape) -> Shape:
    assert isinstance(list_shape, ListShape), list_shape.name
    return list_shape.member


def output_list_item(operation_name: str, member: str) -> StructureShape:
    output = operation(operation_name).output_shape
    assert isinstance(output, StructureShape)
    item = list_member(output.members[member])
    assert isinstance(item, StructureShape)
    return item


@cache
def catalogue() -> JsonObj:
    loaded: JsonObj = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return loaded


def types() -> list[JsonObj]:
    found: list[JsonObj] = catalogue()["types"]
    return found


def type_ids() -> list[str]:
    return [str(t["RegistrationType"]) for t in types()]


def strip_keys(obj: JsonObj, extra: frozenset[str]) -> JsonObj:
    return {k: v for k, v in obj.items() if k not in extra}


def type_definition(reg_type: JsonObj) -> JsonObj:
    """What DescribeRegistrationTypeDefinitions returns for one type."""
    return strip_keys(reg_type, TYPE_EXTRA_KEYS)


def field_definition(field: JsonObj) -> JsonObj:
    """What DescribeRegistrationFieldDefinitions returns for one field."""
    return strip_keys(field, FIELD_EXTRA_KEYS)


def all_fields() -> Iterator[tuple[str, JsonObj]]:
    for reg_type in types():
        for field in reg_type["Fields"]:
            yield reg_type["RegistrationType"], field


def field_ids() -> list[str]:
    return [f"{t}:{f['FieldPath']}" for t, f in all_fields()]


def text_fields() -> list[tuple[str, JsonObj]]:
    return [(t, f) for t, f in all_fields() if f["FieldType"] == "TEXT"]


def select_fields() -> list[tuple[str, JsonObj]]:
    return [(t, f) for t, f in all_fields() if f["FieldType"] == "SELECT"]


def conditional_fields() -> list[tuple[str, JsonObj]]:
    return [(t, f) for t, f in all_fields() if f["FieldRequirement"] == "CONDITIONAL"]


def ids_of(pairs: list[tuple[str, JsonObj]]) -> list[str]:
    return [f"{t}:{f['FieldPath']}" for t, f in pairs]


def type_by_name(name: str) -> JsonObj:
    for reg_type in types():
        if reg_type["RegistrationType"] == name:
            return reg_type
    raise LookupError(name)


# --------------------------------------------------------------------------- shape checker


def check_value(value: Any, model_shape: Shape, where: str) -> list[str]:
    """Every problem with `value` as an instance of `model_shape` (stricter than botocore).

    Member names, required members, enums, string min/max/pattern (pattern must match the whole
    string), list min/max and integer min/max are all checked, recursively.
    """
    problems: list[str] = []
    meta = model_shape.metadata
    kind = model_shape.type_name
    if kind == "structure":
        assert isinstance(model_shape, StructureShape)
        if not isinstance(value, dict):
            return [f"{where}: expected an object for {model_shape.name}"]
        members = model_shape.members
        for key in value:
            if key not in members:
                problems.append(f"{where}: {key!r} is not a member of {model_shape.name}")
        for required in model_shape.required_members:
            if required not in value:
                problems.append(f"{where}: required member {required!r} missing")
        for key, member_value in value.items():
            if key in members:
                problems += check_value(member_value, members[key], f"{where}.{key}")
    elif kind == "list":
        if not isinstance(value, list):
            return [f"{where}: expected a list for {model_shape.name}"]
        if "min" in meta and len(value) < meta["min"]:
            problems.append(f"{where}: fewer than {meta['min']} items")
        if "max" in meta and len(value) > meta["max"]:
            problems.append(f"{where}: more than {meta['max']} items")
        for index, item in enumerate(value):
            problems += check_value(item, list_member(model_shape), f"{where}[{index}]")
    elif kind == "string":
        if not isinstance(value, str):
            return [f"{where}: expected a string for {model_shape.name}"]
        enum = model_shape.metadata.get("enum")
        if enum and value not in enum:
            problems.append(f"{where}: {value!r} not in {model_shape.name} {enum}")
        if "min" in meta and len(value) < meta["min"]:
            problems.append(f"{where}: {value!r} shorter than {meta['min']}")
        if "max" in meta and len(value) > meta["max"]:
            problems.append(f"{where}: {value!r} longer than {meta['max']}")
        if "pattern" in meta and re.fullmatch(meta["pattern"], value) is None:
            problems.append(f"{where}: {value!r} does not match {meta['pattern']!r}")
        if not value:
            problems.append(f"{where}: empty string")
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            return [f"{where}: expected an integer for {model_shape.name}"]
        if "min" in meta and value < meta["min"]:
            problems.append(f"{where}: {value} below {meta['min']}")
        if "max" in meta and value > meta["max"]:
            problems.append(f"{where}: {value} above {meta['max']}")
    else:  # pragma: no cover - the definition shapes use nothing else
        problems.append(f"{where}: unexpected shape type {kind}")
    return problems


def botocore_report(value: JsonObj, model_shape: Shape) -> str:
    """botocore's own validator, as a second opinion on types and required members."""
    report = ParamValidator().validate(value, model_shape)
    return str(report.generate_report()) if report.has_errors() else ""


# --------------------------------------------------------------------------- file layout


def test_top_level_layout() -> None:
    assert set(catalogue()) == {"_source", "types"}
    assert isinstance(catalogue()["_source"], str)
    assert len(catalogue()["_source"]) > 100
    assert isinstance(catalogue()["types"], list)


def test_expected_types_present_once() -> None:
    assert sorted(type_ids()) == sorted(EXPECTED_TYPES)


def test_every_type_has_sections_and_fields_lists() -> None:
    for reg_type in types():
        assert isinstance(reg_type.get("Sections"), list), reg_type["RegistrationType"]
        assert isinstance(reg_type.get("Fields"), list), reg_type["RegistrationType"]


def test_defined_types_are_accepted_by_create_registration() -> None:
    assert TYPES_FILE.is_file(), f"{TYPES_FILE} is not shipped (package data)"
    accepted = set(json.loads(TYPES_FILE.read_text(encoding="utf-8"))["types"])
    assert set(type_ids()) <= accepted


# --------------------------------------------------------------------------- model shapes


@pytest.mark.parametrize("reg_type", types(), ids=type_ids())
def test_type_definition_matches_model(reg_type: JsonObj) -> None:
    item = output_list_item("DescribeRegistrationTypeDefinitions", "RegistrationTypeDefinitions")
    assert item.name == "RegistrationTypeDefinition"
    definition = type_definition(reg_type)
    assert check_value(definition, item, reg_type["RegistrationType"]) == []
    assert botocore_report(definition, item) == ""


@pytest.mark.parametrize("reg_type", types(), ids=type_ids())
def test_section_definitions_match_model(reg_type: JsonObj) -> None:
    item = output_list_item(
        "DescribeRegistrationSectionDefinitions", "RegistrationSectionDefinitions"
    )
    assert item.name == "RegistrationSectionDefinition"
    for section in reg_type["Sections"]:
        where = f"{reg_type['RegistrationType']}:{section.get('SectionPath')}"
        assert check_value(section, item, where) == []
        assert botocore_report(section, item) == ""


@pytest.mark.parametrize(("reg_type", "field"), list(all_fields()), ids=field_ids())
def test_field_definition_matches_model(reg_type: str, field: JsonObj) -> None:
    item = output_list_item("DescribeRegistrationFieldDefinitions", "RegistrationFieldDefinitions")
    assert item.name == "RegistrationFieldDefinition"
    extra = {k for k in field if k not in item.members}
    assert extra <= FIELD_EXTRA_KEYS, extra
    definition = field_definition(field)
    assert check_value(definition, item, f"{reg_type}:{field['FieldPath']}") == []
    assert botocore_report(definition, item) == ""


def test_whole_outputs_match_model_and_survive_botocore_parsing() -> None:
    """Serialise each operation's output the way the mock will and parse it back with botocore."""
    outputs: list[tuple[str, JsonObj]] = [
        (
            "DescribeRegistrationTypeDefinitions",
            {"RegistrationTypeDefinitions": [type_definition(t) for t in types()]},
        )
    ]
    for reg_type in types():
        name = reg_type["RegistrationType"]
        outputs.append(
            (
                "DescribeRegistrationSectionDefinitions",
                {"RegistrationType": name, "RegistrationSectionDefinitions": reg_type["Sections"]},
            )
        )
        outputs.append(
            (
                "DescribeRegistrationFieldDefinitions",
                {
                    "RegistrationType": name,
                    "RegistrationFieldDefinitions": [
                        field_definition(f) for f in reg_type["Fields"]
                    ],
                },
            )
        )
    parser = create_parser(service_model().metadata["protocol"])
    for operation_name, body in outputs:
        output_shape = operation(operation_name).output_shape
        assert output_shape is not None
        assert check_value(body, output_shape, operation_name) == []
        raw = {"status_code": 200, "headers": {}, "body": json.dumps(body).encode("utf-8")}
        parsed = dict(parser.parse(raw, output_shape))
        parsed.pop("ResponseMetadata", None)
        assert parsed == body, operation_name


def test_supported_associations_are_filterable() -> None:
    """ResourceType/IsoCountryCode must be usable as DescribeRegistrationTypeDefinitions filters."""
    request = operation("DescribeRegistrationTypeDefinitions").input_shape
    assert isinstance(request, StructureShape)
    filter_shape = list_member(request.members["Filters"])
    assert isinstance(filter_shape, StructureShape)
    name_enum = filter_shape.members["Name"].metadata["enum"]
    assert "supported-association-resource-type" in name_enum
    assert "supported-association-iso-country-code" in name_enum
    value_shape = list_member(filter_shape.members["Values"])
    for reg_type in types():
        for association in reg_type["SupportedAssociations"]:
            for key in ("ResourceType", "IsoCountryCode"):
                if key in association:
                    where = f"{reg_type['RegistrationType']}.{key}"
                    assert check_value(association[key], value_shape, where) == []


def test_association_resource_types_are_known() -> None:
    """The model leaves ResourceType a bare String: an identity type or a registration type."""
    number_types = set(shape("NumberType").metadata["enum"])
    known = number_types | IDENTITY_RESOURCE_TYPES | set(type_ids())
    for reg_type in types():
        for association in reg_type["SupportedAssociations"]:
            assert association["ResourceType"] in known, (reg_type["RegistrationType"], association)
            assert association["ResourceType"] != reg_type["RegistrationType"]


def test_association_behaviours_match_the_reference() -> None:
    def behaviour(name: str) -> set[tuple[str, str, str]]:
        return {
            (a["ResourceType"], a["AssociationBehavior"], a["DisassociationBehavior"])
            for a in type_by_name(name)["SupportedAssociations"]
        }

    assert behaviour("US_TOLL_FREE_REGISTRATION") == {
        ("TOLL_FREE", "ASSOCIATE_BEFORE_SUBMIT", "DISASSOCIATE_ALL_CLOSES_REGISTRATION")
    }
    assert {(r, a) for r, a, _ in behaviour("US_TEN_DLC_BRAND_VETTING")} == {
        ("US_TEN_DLC_BRAND_REGISTRATION", "ASSOCIATE_BEFORE_SUBMIT")
    }
    assert {(r, a) for r, a, _ in behaviour("US_TEN_DLC_CAMPAIGN_REGISTRATION")} == {
        ("US_TEN_DLC_BRAND_REGISTRATION", "ASSOCIATE_BEFORE_SUBMIT"),
        ("TEN_DLC", "ASSOCIATE_AFTER_COMPLETE"),
    }
    assert {(r, a) for r, a, _ in behaviour("JO_SENDER_ID_REGISTRATION")} == {
        ("SENDER_ID", "ASSOCIATE_ON_APPROVAL")
    }
    assert {(r, a) for r, a, _ in behaviour("GB_LONG_CODE_REGISTRATION")} == {
        ("LONG_CODE", "ASSOCIATE_AFTER_COMPLETE")
    }


def test_vetting_has_no_fields() -> None:
    vetting = type_by_name("US_TEN_DLC_BRAND_VETTING")
    assert vetting["Sections"] == []
    assert vetting["Fields"] == []


# --------------------------------------------------------------------------- structure


@pytest.mark.parametrize("reg_type", types(), ids=type_ids())
def test_section_and_field_paths_are_consistent(reg_type: JsonObj) -> None:
    section_paths = [s["SectionPath"] for s in reg_type["Sections"]]
    field_paths = [f["FieldPath"] for f in reg_type["Fields"]]
    assert len(section_paths) == len(set(section_paths)), "duplicate SectionPath"
    assert len(field_paths) == len(set(field_paths)), "duplicate FieldPath"
    for field in reg_type["Fields"]:
        assert field["SectionPath"] in section_paths, field["FieldPath"]
        prefix = field["SectionPath"] + "."
        assert field["FieldPath"].startswith(prefix), field["FieldPath"]
        assert len(field["FieldPath"]) > len(prefix), field["FieldPath"]
    used = {f["SectionPath"] for f in reg_type["Fields"]}
    assert used == set(section_paths), "every section must hold at least one field"


@pytest.mark.parametrize("reg_type", types(), ids=type_ids())
def test_fields_are_grouped_in_section_order(reg_type: JsonObj) -> None:
    order = {s["SectionPath"]: i for i, s in enumerate(reg_type["Sections"])}
    positions = [order[f["SectionPath"]] for f in reg_type["Fields"]]
    assert positions == sorted(positions)


@pytest.mark.parametrize(("reg_type", "field"), list(all_fields()), ids=field_ids())
def test_validation_block_matches_field_type(reg_type: str, field: JsonObj) -> None:
    kind = field["FieldType"]
    assert ("TextValidation" in field) == (kind == "TEXT")
    assert ("SelectValidation" in field) == (kind == "SELECT")
    hints = field["DisplayHints"]
    if "SelectOptionDescriptions" in hints:
        assert kind == "SELECT"
    if "TextValidationDescription" in hints or "ExampleTextValue" in hints:
        assert kind == "TEXT"


# --------------------------------------------------------------------------- TEXT fields


@pytest.mark.parametrize(("reg_type", "field"), text_fields(), ids=ids_of(text_fields()))
def test_text_validation_is_usable(reg_type: str, field: JsonObj) -> None:
    rules = field["TextValidation"]
    value_shape = structure("PutRegistrationFieldValueRequest").members["TextValue"]
    assert 1 <= rules["MinLength"] <= rules["MaxLength"]
    # PutRegistrationFieldValue must be able to store at least the shortest valid value.
    assert rules["MinLength"] <= value_shape.metadata["max"]
    pattern = rules["Pattern"]
    compiled = re.compile(pattern)
    assert pattern.startswith("^")
    assert pattern.endswith("$")
    assert compiled.search("") is None, "a pattern must not accept the empty string"


@pytest.mark.parametrize(("reg_type", "field"), text_fields(), ids=ids_of(text_fields()))
def test_example_text_value_is_valid(reg_type: str, field: JsonObj) -> None:
    example = field["DisplayHints"].get("ExampleTextValue")
    if example is None:
        return
    rules = field["TextValidation"]
    assert rules["MinLength"] <= len(example) <= rules["MaxLength"]
    assert re.search(rules["Pattern"], example) is not None


# --------------------------------------------------------------------------- SELECT fields


@pytest.mark.parametrize(("reg_type", "field"), select_fields(), ids=ids_of(select_fields()))
def test_select_validation_is_consistent(reg_type: str, field: JsonObj) -> None:
    rules = field["SelectValidation"]
    options: list[str] = rules["Options"]
    choices_shape = structure("PutRegistrationFieldValueRequest").members["SelectChoices"]
    choice_shape = list_member(choices_shape)
    assert options, "a SELECT needs options"
    assert len(options) == len(set(options)), "duplicate options"
    assert 0 <= rules["MinChoices"] <= rules["MaxChoices"] <= len(options)
    assert rules["MaxChoices"] <= choices_shape.metadata["max"]
    if field["FieldRequirement"] == "REQUIRED":
        assert rules["MinChoices"] >= 1
    for option in options:
        # Each option must be sendable back as a SelectChoices item.
        assert check_value(option, choice_shape, field["FieldPath"]) == []
    described = [d["Option"] for d in field["DisplayHints"].get("SelectOptionDescriptions", [])]
    assert set(described) <= set(options)
    assert len(described) == len(set(described))


# --------------------------------------------------------------------------- CONDITIONAL fields


def test_conditional_fields_exist() -> None:
    assert {t for t, _ in conditional_fields()} >= {
        "US_TOLL_FREE_REGISTRATION",
        "US_TEN_DLC_BRAND_REGISTRATION",
    }


@pytest.mark.parametrize(("reg_type", "field"), list(all_fields()), ids=field_ids())
def test_condition_only_on_conditional_fields(reg_type: str, field: JsonObj) -> None:
    ruled = ("_condition" in field) + ("ConditionalBehavior" in field)
    assert ruled == (field["FieldRequirement"] == "CONDITIONAL")


def select_conditions() -> list[tuple[str, JsonObj]]:
    return [(t, f) for t, f in conditional_fields() if "_condition" in f]


def renamed_fields() -> list[tuple[str, JsonObj]]:
    return [(t, f) for t, f in conditional_fields() if "ConditionalBehavior" in f]


@pytest.mark.parametrize(("reg_type", "field"), renamed_fields(), ids=ids_of(renamed_fields()))
def test_a_renamed_field_is_required_unless_its_other_name_has_a_value(
    reg_type: str, field: JsonObj
) -> None:
    behaviour = field["ConditionalBehavior"]
    first, *others = behaviour["Rules"]
    assert first["RuleBehavior"] == "REQUIRED"
    (condition,) = [c for c in first["Conditions"] if c["Operator"] == "NO_VALUE"]
    by_path = {f["FieldPath"]: f for f in type_by_name(reg_type)["Fields"]}
    other = by_path[condition["DependsOnFieldPath"]]
    assert other["FieldType"] == field["FieldType"]
    (back,) = [
        c
        for c in other["ConditionalBehavior"]["Rules"][0]["Conditions"]
        if c["Operator"] == "NO_VALUE"
    ]
    assert back["DependsOnFieldPath"] == field["FieldPath"], "the pair must name each other"
    gates = [c for c in first["Conditions"] if c is not condition]
    if not gates:  # a plain renamed field: optional once the other name has a value
        assert (others, behaviour["DefaultBehavior"]) == ([], "OPTIONAL")
        return
    # A renamed field that a SELECT also allows: optional where allowed, else not allowed.
    assert others == [{"Conditions": gates, "RuleBehavior": "OPTIONAL"}]
    assert behaviour["DefaultBehavior"] == "DISALLOWED"
    for gate in gates:
        assert gate["Operator"] == "IN"
        target = by_path[gate["DependsOnFieldPath"]]
        assert target["FieldType"] == "SELECT"
        assert set(gate["Values"]) <= set(target["SelectValidation"]["Options"])


def test_toll_free_accepts_both_names_of_renamed_fields() -> None:
    pairs = set()
    for t, f in renamed_fields():
        if t == "US_TOLL_FREE_REGISTRATION":
            conditions = f["ConditionalBehavior"]["Rules"][0]["Conditions"]
            (other,) = [c["DependsOnFieldPath"] for c in conditions if c["Operator"] == "NO_VALUE"]
            pairs.add((f["FieldPath"], other))
    assert pairs >= {
        ("companyInfo.country", "companyInfo.isoCountryCode"),
        ("companyInfo.isoCountryCode", "companyInfo.country"),
        ("messagingUseCase.optInWorkflow", "messagingUseCase.optInDescription"),
        ("messagingUseCase.optInDescription", "messagingUseCase.optInWorkflow"),
        ("companyInfo.companyIdNumber", "companyInfo.taxId"),
        ("companyInfo.taxId", "companyInfo.companyIdNumber"),
        ("companyInfo.companyIdType", "companyInfo.taxIdAuthority"),
        ("companyInfo.taxIdAuthority", "companyInfo.companyIdType"),
        ("companyInfo.companyIdCountry", "companyInfo.taxIdCountry"),
        ("companyInfo.taxIdCountry", "companyInfo.companyIdCountry"),
    }


@pytest.mark.parametrize(
    ("reg_type", "field"), select_conditions(), ids=ids_of(select_conditions())
)
def test_condition_refers_to_a_select_and_its_options(reg_type: str, field: JsonObj) -> None:
    condition = field["_condition"]
    assert set(condition) == {"FieldPath", "Values"}
    by_path = {f["FieldPath"]: f for f in type_by_name(reg_type)["Fields"]}
    target = by_path.get(condition["FieldPath"])
    assert target is not None, f"{condition['FieldPath']} is not a field of {reg_type}"
    assert target is not field
    assert target["FieldType"] == "SELECT"
    assert target["FieldRequirement"] != "CONDITIONAL", "conditions must not chain"
    values = condition["Values"]
    assert isinstance(values, list)
    assert values
    assert len(values) == len(set(values))
    assert set(values) <= set(target["SelectValidation"]["Options"])


def test_brand_public_company_fields_depend_on_legal_type() -> None:
    brand = {f["FieldPath"]: f for f in type_by_name("US_TEN_DLC_BRAND_REGISTRATION")["Fields"]}
    for path in (
        "companyInfo.stockSymbol",
        "companyInfo.stockExchange",
        "companyInfo.businessContactEmail",
    ):
        assert brand[path]["_condition"] == {
            "FieldPath": "companyInfo.legalType",
            "Values": ["PUBLIC_PROFIT"],
        }
