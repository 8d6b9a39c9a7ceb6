"""The registration types the mock offers and what is known of each, shipped as data.

``data/types.json`` names every type CreateRegistration accepts; ``data/definitions.json``
holds the type, section and field definitions known for some of them (the other names are
accepted with no definitions: their field paths are not checked). The ``registration_types``
option adds names and adds or replaces definitions (:mod:`custom_types` checks those).

A field definition in the data may carry ``_condition`` (``{"FieldPath", "Values"}``): the
field is required while that SELECT holds one of the values, and not allowed otherwise. It is
kept as a model ``ConditionalBehavior``, which newer service models also return.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from pinpoint_mock.engine import model

REQUIRED, CONDITIONAL, OPTIONAL, DISALLOWED = "REQUIRED", "CONDITIONAL", "OPTIONAL", "DISALLOWED"
TEXT, SELECT, ATTACHMENT = "TEXT", "SELECT", "ATTACHMENT"
# Keys of ours in the data, next to the model's member names.
TYPE_EXTRA_KEYS = frozenset({"Sections", "Fields"})
CONDITION_KEY = "_condition"


def _data(name: str) -> Any:
    return json.loads(resources.files(__package__).joinpath(f"data/{name}").read_text("utf-8"))


@functools.cache
def builtin_types() -> frozenset[str]:
    return frozenset(_data("types.json")["types"])


def condition_behaviour(condition: Mapping[str, Any]) -> dict[str, Any]:
    """``_condition`` as a model ConditionalBehavior: required while the SELECT holds one of
    the values, not allowed otherwise."""
    return {
        "Rules": [
            {
                "Conditions": [
                    {
                        "DependsOnFieldPath": condition["FieldPath"],
                        "Operator": "IN",
                        "Values": list(condition["Values"]),
                    }
                ],
                "RuleBehavior": REQUIRED,
            }
        ],
        "DefaultBehavior": DISALLOWED,
    }


def _holds(condition: Mapping[str, Any], values: Mapping[str, Sequence[str]]) -> bool:
    shown = values.get(condition.get("DependsOnFieldPath", ""), ())
    wanted = condition.get("Values") or []
    operator = condition.get("Operator")
    if operator == "EQUALS":
        return sorted(shown) == sorted(wanted)
    if operator == "NOT_EQUALS":
        return sorted(shown) != sorted(wanted)
    if operator == "IN":
        return any(v in wanted for v in shown)
    if operator == "NOT_IN":
        return not any(v in wanted for v in shown)
    if operator == "HAS_VALUE":
        return bool(shown)
    if operator == "NO_VALUE":
        return not shown
    return False  # unknown operators evaluate to false (the model's documentation)


@dataclass(frozen=True, eq=False)
class FieldDefinition:
    path: str
    section: str
    type: str
    requirement: str
    view: Mapping[str, Any]  # the RegistrationFieldDefinition the installed model can carry
    text: Mapping[str, Any] | None = None
    pattern: re.Pattern[str] | None = None
    select: Mapping[str, Any] | None = None
    conditional: Mapping[str, Any] | None = None

    def behaviour(self, values: Mapping[str, Sequence[str]]) -> str:
        """REQUIRED, OPTIONAL or DISALLOWED given the values set in a version (path ->
        the values it shows). CONDITIONAL without a known rule counts as OPTIONAL."""
        if self.requirement != CONDITIONAL:
            return self.requirement
        if self.conditional is None:
            return OPTIONAL
        for rule in self.conditional.get("Rules", ()):
            if all(_holds(c, values) for c in rule.get("Conditions", ())):
                return str(rule.get("RuleBehavior", OPTIONAL))
        return str(self.conditional.get("DefaultBehavior", OPTIONAL))

    def text_problem(self, value: str) -> str | None:
        """Why ``value`` breaks this field's TextValidation, or None."""
        rules = self.text or {}
        low, high = rules.get("MinLength"), rules.get("MaxLength")
        if low is not None and len(value) < low:
            return f"must be at least {low} characters long"
        if high is not None and len(value) > high:
            return f"must be at most {high} characters long"
        if self.pattern is not None and self.pattern.fullmatch(value) is None:
            return f"must match the pattern {self.pattern.pattern}"
        return None

    def select_problem(self, choices: Sequence[str]) -> str | None:
        """Why ``choices`` break this field's SelectValidation, or None."""
        rules = self.select or {}
        low, high = rules.get("MinChoices"), rules.get("MaxChoices")
        options = rules.get("Options")
        if len(set(choices)) != len(choices):
            return "must not repeat a choice"
        if low is not None and len(choices) < low:
            return f"needs at least {low} choice(s)"
        if high is not None and len(choices) > high:
            return f"allows at most {high} choice(s)"
        if options is not None:
            unknown = [c for c in choices if c not in options]
            if unknown:
                return f"has no option(s) {', '.join(unknown)}; the options are " + ", ".join(
                    options
                )
        return None


@dataclass(frozen=True, eq=False)
class TypeDefinition:
    name: str
    view: Mapping[str, Any]  # the RegistrationTypeDefinition
    sections: tuple[Mapping[str, Any], ...]
    fields: tuple[FieldDefinition, ...]
    source: Mapping[str, Any] = field(repr=False)  # as given, for equality of options
    by_path: Mapping[str, FieldDefinition] = field(init=False, repr=False)
    section_paths: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_path", {f.path: f for f in self.fields})
        object.__setattr__(
            self, "section_paths", frozenset(s["SectionPath"] for s in self.sections)
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TypeDefinition):
            return NotImplemented
        return self.name == other.name and self.source == other.source

    __hash__ = None  # type: ignore[assignment]

    @property
    def associations(self) -> Sequence[Mapping[str, Any]]:
        found: Sequence[Mapping[str, Any]] = self.view.get("SupportedAssociations", ())
        return found

    def order(self, path: str) -> int:
        """Where a field sits in the definitions (unknown paths after every known one)."""
        definition = self.by_path.get(path)
        return self.fields.index(definition) if definition is not None else len(self.fields)


def parse_field(raw: Mapping[str, Any]) -> FieldDefinition:
    """A field definition from checked data (model members plus ``_condition``)."""
    members = model.members("RegistrationFieldDefinition")
    conditional: Mapping[str, Any] | None = raw.get("ConditionalBehavior")
    if CONDITION_KEY in raw:
        conditional = condition_behaviour(raw[CONDITION_KEY])
    view = {k: v for k, v in raw.items() if k in members and k != "ConditionalBehavior"}
    if conditional is not None and "ConditionalBehavior" in members:
        view["ConditionalBehavior"] = conditional
    text = raw.get("TextValidation")
    return FieldDefinition(
        path=raw["FieldPath"],
        section=raw["SectionPath"],
        type=raw["FieldType"],
        requirement=raw["FieldRequirement"],
        view=view,
        text=text,
        pattern=re.compile(text["Pattern"]) if text and text.get("Pattern") else None,
        select=raw.get("SelectValidation"),
        conditional=conditional,
    )


def parse_type(name: str, raw: Mapping[str, Any]) -> TypeDefinition:
    """A type definition from checked data."""
    view = {k: v for k, v in raw.items() if k not in TYPE_EXTRA_KEYS}
    view["RegistrationType"] = name
    return TypeDefinition(
        name=name,
        view=view,
        sections=tuple(raw.get("Sections", ())),
        fields=tuple(parse_field(f) for f in raw.get("Fields", ())),
        source=raw,
    )


class Catalogue:
    """Every type name accepted in a mock, with the definitions known for some of them."""

    def __init__(self, names: Iterable[str], definitions: Mapping[str, TypeDefinition]) -> None:
        self._definitions = dict(definitions)
        self.names: tuple[str, ...] = tuple(sorted(set(names) | set(definitions)))
        self._accepted = frozenset(self.names)

    def accepts(self, name: str) -> bool:
        return name in self._accepted

    def definition(self, name: str) -> TypeDefinition | None:
        return self._definitions.get(name)

    def type_view(self, name: str) -> Mapping[str, Any]:
        """The RegistrationTypeDefinition of an accepted name; a name without definitions
        shows its name as title and no supported associations."""
        definition = self._definitions.get(name)
        if definition is not None:
            return definition.view
        return {"RegistrationType": name, "DisplayHints": {"Title": name}}

    def extended(
        self, names: Iterable[str], definitions: Mapping[str, TypeDefinition]
    ) -> Catalogue:
        return Catalogue((*self.names, *names), {**self._definitions, **definitions})


@functools.cache
def builtin_definitions() -> dict[str, TypeDefinition]:
    return {
        t["RegistrationType"]: parse_type(t["RegistrationType"], t)
        for t in _data("definitions.json")["types"]
    }


@functools.cache
def builtin_catalogue() -> Catalogue:
    return Catalogue(builtin_types(), builtin_definitions())
