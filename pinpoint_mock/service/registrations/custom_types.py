"""Registration types a test adds or replaces through the ``registration_types`` option.

The option takes type names (accepted by CreateRegistration, with no definitions, so their
field paths are not checked), or a mapping of name -> definition (or None for a bare name).
A definition has the shape of ``data/definitions.json``'s entries: the members of the
model's RegistrationTypeDefinition plus ``Sections`` and ``Fields``, each checked against
the installed model's RegistrationSectionDefinition / RegistrationFieldDefinition, plus an
optional ``_condition`` on CONDITIONAL fields. To keep definitions short, these may be left
out: ``DisplayHints`` (the name or path serves as title), a field's ``SectionPath`` (the part
of its FieldPath before the first dot) and ``Sections`` (one per SectionPath used).
Everything is checked once, when the mock is built; a problem raises MockError.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from botocore.model import ListShape, Shape, StructureShape

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import MockError
from pinpoint_mock.service.registrations.catalogue import (
    CONDITION_KEY,
    CONDITIONAL,
    SELECT,
    TEXT,
    TYPE_EXTRA_KEYS,
    TypeDefinition,
    parse_type,
)

_NAME = re.compile(r"[A-Za-z0-9_]{1,64}")


def parse_option(
    registration_types: Iterable[str] | Mapping[str, Mapping[str, Any] | None] | None,
) -> tuple[frozenset[str], dict[str, TypeDefinition]]:
    """The names the option adds, and the definitions it adds or replaces."""
    if registration_types is None:
        return frozenset(), {}
    if isinstance(registration_types, str):
        raise MockError(
            "registration_types takes a collection of type names or a mapping of name -> "
            "definition, not one string"
        )
    entries: Iterable[tuple[Any, Any]]
    if isinstance(registration_types, Mapping):
        entries = registration_types.items()
    else:
        entries = ((name, None) for name in registration_types)
    names: set[str] = set()
    definitions: dict[str, TypeDefinition] = {}
    for name, raw in entries:
        if not isinstance(name, str) or _NAME.fullmatch(name) is None:
            raise MockError(f"registration type {name!r} must match [A-Za-z0-9_]{{1,64}}")
        names.add(name)
        if raw is not None:
            definitions[name] = _definition(name, raw)
    return frozenset(names), definitions


def _definition(name: str, raw: Any) -> TypeDefinition:
    where = f"registration_types[{name!r}]"
    if not isinstance(raw, Mapping):
        raise MockError(f"{where} must be a mapping (a type definition) or None, not {raw!r}")
    problems: list[str] = []
    given = dict(raw)
    if given.get("RegistrationType", name) != name:
        problems.append(f"{where}: RegistrationType {given['RegistrationType']!r} is not {name!r}")
    given.setdefault("RegistrationType", name)
    given.setdefault("DisplayHints", {"Title": name})
    fields = [_field_defaults(f) for f in _items(given.get("Fields", []), f"{where}.Fields")]
    given["Fields"] = fields
    if "Sections" not in given:
        used = dict.fromkeys(str(f.get("SectionPath")) for f in fields)
        given["Sections"] = [{"SectionPath": s, "DisplayHints": _hints(s)} for s in used]
    sections = _items(given["Sections"], f"{where}.Sections")

    type_shape = model.service_model().shape_for("RegistrationTypeDefinition")
    _conform(
        {k: v for k, v in given.items() if k not in TYPE_EXTRA_KEYS}, type_shape, where, problems
    )
    section_shape = model.service_model().shape_for("RegistrationSectionDefinition")
    for i, section in enumerate(sections):
        _conform(section, section_shape, f"{where}.Sections[{i}]", problems)
    field_shape = model.service_model().shape_for("RegistrationFieldDefinition")
    for i, field in enumerate(fields):
        at = f"{where}.Fields[{i}]"
        _conform({k: v for k, v in field.items() if k != CONDITION_KEY}, field_shape, at, problems)
    if not problems:
        _consistent(where, sections, fields, problems)
    if problems:
        raise MockError(
            f"the definition of registration type {name} is not valid:\n  " + "\n  ".join(problems)
        )
    return parse_type(name, given)


def _items(value: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, Mapping) for v in value):
        raise MockError(f"{where} must be a list of mappings, not {value!r}")
    return [dict(v) for v in value]


def _hints(path: str) -> dict[str, str]:
    return {"Title": path, "ShortDescription": path}


def _field_defaults(field: dict[str, Any]) -> dict[str, Any]:
    path = field.get("FieldPath")
    if isinstance(path, str):
        field.setdefault("DisplayHints", _hints(path))
        if "." in path:
            field.setdefault("SectionPath", path.split(".", 1)[0])
    return field


def _consistent(
    where: str, sections: list[dict[str, Any]], fields: list[dict[str, Any]], problems: list[str]
) -> None:
    section_paths = [s["SectionPath"] for s in sections]
    if len(set(section_paths)) != len(section_paths):
        problems.append(f"{where}.Sections: a SectionPath appears twice")
    by_path: dict[str, dict[str, Any]] = {}
    for i, field in enumerate(fields):
        at, path, kind = f"{where}.Fields[{i}]", field["FieldPath"], field["FieldType"]
        if path in by_path:
            problems.append(f"{at}: FieldPath {path} appears twice")
        by_path[path] = field
        section = field["SectionPath"]
        if section not in section_paths:
            problems.append(f"{at}: SectionPath {section} is not one of the Sections")
        if not path.startswith(section + ".") or len(path) == len(section) + 1:
            problems.append(f"{at}: FieldPath {path} must be <SectionPath>.<name>")
        if "TextValidation" in field and kind != TEXT:
            problems.append(f"{at}: TextValidation belongs to TEXT fields, this one is {kind}")
        if "SelectValidation" in field and kind != SELECT:
            problems.append(f"{at}: SelectValidation belongs to SELECT fields, this one is {kind}")
        pattern = field.get("TextValidation", {}).get("Pattern")
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as error:
                problems.append(f"{at}: TextValidation.Pattern is not a Python regex ({error})")
    for i, field in enumerate(fields):
        condition = field.get(CONDITION_KEY)
        if condition is None:
            continue
        at = f"{where}.Fields[{i}].{CONDITION_KEY}"
        if field["FieldRequirement"] != CONDITIONAL:
            problems.append(f"{at}: only CONDITIONAL fields carry a condition")
        if (
            not isinstance(condition, Mapping)
            or set(condition) != {"FieldPath", "Values"}
            or not isinstance(condition["Values"], (list, tuple))
            or not condition["Values"]
            or not all(isinstance(v, str) for v in condition["Values"])
        ):
            problems.append(f"{at}: must be {{'FieldPath': str, 'Values': [str, ...]}}")
        elif condition["FieldPath"] not in by_path or condition["FieldPath"] == field["FieldPath"]:
            problems.append(f"{at}: FieldPath {condition['FieldPath']} is not another field")


def _conform(value: Any, shape: Shape, where: str, problems: list[str]) -> None:
    """Append what keeps ``value`` from being an instance of the model's ``shape``."""
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        assert isinstance(shape, StructureShape)
        if not isinstance(value, Mapping):
            problems.append(f"{where}: must be a mapping ({shape.name})")
            return
        members = shape.members
        for key in value:
            if key not in members:
                problems.append(
                    f"{where}: {key!r} is not a member of {shape.name} in the installed "
                    f"botocore (members: {', '.join(members)})"
                )
        for key in shape.required_members:
            if key not in value:
                problems.append(f"{where}: required member {key!r} is missing")
        for key, member_value in value.items():
            if key in members:
                _conform(member_value, members[key], f"{where}.{key}", problems)
    elif kind == "list":
        assert isinstance(shape, ListShape)
        if not isinstance(value, (list, tuple)):
            problems.append(f"{where}: must be a list ({shape.name})")
            return
        _bounds(len(value), meta, where, "items", problems)
        for i, item in enumerate(value):
            _conform(item, shape.member, f"{where}[{i}]", problems)
    elif kind == "string":
        if not isinstance(value, str):
            problems.append(f"{where}: must be a string, not {value!r}")
            return
        choices = getattr(shape, "enum", None)
        if choices and value not in choices:
            problems.append(f"{where}: {value!r} is not one of {', '.join(choices)}")
        _bounds(len(value), meta, where, "characters", problems)
        pattern = meta.get("pattern")
        if pattern and re.fullmatch(pattern, value) is None:
            problems.append(f"{where}: {value!r} does not match {pattern}")
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{where}: must be an integer, not {value!r}")
            return
        _bounds(value, meta, where, "", problems)
    elif kind == "boolean" and not isinstance(value, bool):
        problems.append(f"{where}: must be a boolean, not {value!r}")


def _bounds(n: int, meta: Mapping[str, Any], where: str, unit: str, problems: list[str]) -> None:
    what = f"{n} {unit}".strip()
    if "min" in meta and n < meta["min"]:
        problems.append(f"{where}: {what} is below the minimum {meta['min']}")
    if "max" in meta and n > meta["max"]:
        problems.append(f"{where}: {what} is above the maximum {meta['max']}")
