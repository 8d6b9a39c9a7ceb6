"""Server-side input validation, compiled once per operation from botocore's model.

botocore checks only required members, types and minimums on the client, and not at all
with ``parameter_validation=False`` or in other SDKs, so every constraint of the input shape
is checked here: required, type, string length and pattern, enum, list and map size,
numeric range. Failures read as the real service's do::

    Value 'x!' at 'registrationType' failed to satisfy constraint: Member must satisfy
    regular expression pattern: [A-Za-z0-9_]+

A member of the wrong JSON type is a ``SerializationException``, as AWS answers it. A ``null``
inside a list or as a map's value, at any depth, fails like a missing required member::

    Value null at 'registrationIds.1.member' failed to satisfy constraint: Member must not be
    null

and a ``null`` structure member that is not required means the member is absent: it is taken
out of the parameters, so the operations never see ``None``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from botocore.model import ListShape, MapShape, Shape, StructureShape

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import ServiceError, validation_error

# check(value, path, problems) appends "Value ... failed to satisfy constraint: ..." texts.
Problems = list[tuple[str, str]]
Check = Callable[[Any, str, Problems], None]

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "boolean": (bool,),
    "float": (int, float),
    "double": (int, float),
    "timestamp": (int, float, str),
    "blob": (str,),
    "list": (list,),
    "map": (dict,),
    "structure": (dict,),
}


class _WrongType(Exception):
    def __init__(self, path: str, expected: str) -> None:
        super().__init__(path)
        self.path = path
        self.expected = expected


def _show(value: Any) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    if len(text) > 120:
        text = text[:117] + "..."
    return f"'{text}'"


def _fail(problems: Problems, path: str, value: Any, constraint: str) -> None:
    if problems and problems[-1][0] == path:
        return  # one entry per offending member: its first broken constraint
    problems.append(
        (path, f"Value {_show(value)} at '{path}' failed to satisfy constraint: {constraint}")
    )


def _wire_name(member: str) -> str:
    return member[:1].lower() + member[1:]


def _compile(shape: Shape, depth: int = 0) -> Check:
    type_name = shape.type_name
    json_types = _JSON_TYPES.get(type_name, (object,))
    meta = shape.metadata
    bounded: list[Check] = []

    if type_name == "string":
        low, high = meta.get("min"), meta.get("max")
        pattern = _regex(meta.get("pattern"))
        choices = tuple(getattr(shape, "enum", ()) or ())

        def check_string(value: Any, path: str, problems: Problems) -> None:
            n = len(value)
            if low is not None and n < low:
                _fail(
                    problems, path, value, f"Member must have length greater than or equal to {low}"
                )
            if high is not None and n > high:
                _fail(
                    problems, path, value, f"Member must have length less than or equal to {high}"
                )
            if choices and value not in choices:
                listed = ", ".join(choices)
                _fail(problems, path, value, f"Member must satisfy enum value set: [{listed}]")
            elif pattern is not None and pattern.fullmatch(value) is None:
                _fail(
                    problems,
                    path,
                    value,
                    f"Member must satisfy regular expression pattern: {pattern.pattern}",
                )

        bounded.append(check_string)
    elif type_name in ("integer", "long", "float", "double"):
        low, high = meta.get("min"), meta.get("max")

        def check_number(value: Any, path: str, problems: Problems) -> None:
            if low is not None and value < low:
                _fail(
                    problems, path, value, f"Member must have value greater than or equal to {low}"
                )
            if high is not None and value > high:
                _fail(problems, path, value, f"Member must have value less than or equal to {high}")

        bounded.append(check_number)
    elif type_name == "blob":
        bounded.append(_blob_check(meta.get("min"), meta.get("max")))
    elif type_name == "timestamp":
        bounded.append(_timestamp_check)
    elif type_name == "list":
        assert isinstance(shape, ListShape)
        bounded.append(_size_check(meta.get("min"), meta.get("max")))
        item = _compile(shape.member, depth + 1)

        def check_items(value: Any, path: str, problems: Problems) -> None:
            for i, element in enumerate(value, 1):
                if element is None:
                    _null(problems, f"{path}.{i}.member")
                else:
                    item(element, f"{path}.{i}.member", problems)

        bounded.append(check_items)
    elif type_name == "map":
        assert isinstance(shape, MapShape)
        bounded.append(_size_check(meta.get("min"), meta.get("max")))
        key_check, value_check = _compile(shape.key, depth + 1), _compile(shape.value, depth + 1)

        def check_entries(value: Any, path: str, problems: Problems) -> None:
            for k, v in value.items():
                key_check(k, f"{path}.key", problems)
                if v is None:
                    _null(problems, f"{path}.value")
                else:
                    value_check(v, f"{path}.value", problems)

        bounded.append(check_entries)
    elif type_name == "structure":
        assert isinstance(shape, StructureShape)
        bounded.append(_structure_check(shape, depth))

    checks = tuple(bounded)
    is_integral = type_name in ("integer", "long")

    def check(value: Any, path: str, problems: Problems) -> None:
        if (
            not isinstance(value, json_types)
            or (isinstance(value, bool) and type_name != "boolean")
            or (is_integral and isinstance(value, float) and not value.is_integer())
        ):
            raise _WrongType(path, type_name)
        for c in checks:
            c(value, path, problems)

    return check


def _structure_check(shape: StructureShape, depth: int) -> Check:
    required = tuple(shape.required_members)
    union = bool(getattr(shape, "is_tagged_union", False))
    # Nested shapes in this model are not recursive, but guard anyway.
    fields = (
        {}
        if depth > 20
        else {name: (_wire_name(name), _compile(s, depth + 1)) for name, s in shape.members.items()}
    )

    def check_structure(value: Any, path: str, problems: Problems) -> None:
        prefix = f"{path}." if path else ""
        for name in required:
            if value.get(name) is None:
                _null(problems, prefix + _wire_name(name))
        absent: list[str] = []
        for name, member_value in value.items():
            if member_value is None:
                absent.append(name)
                continue
            entry = fields.get(name)
            if entry is not None:
                entry[1](member_value, prefix + entry[0], problems)
        if union:  # exactly one member set, and a null is not a member left out
            for name in absent:
                _null(problems, prefix + _wire_name(name))
            if not absent and len(value) != 1:
                problems.append(
                    (
                        path,
                        f"Value at '{path}' failed to satisfy constraint: Member must have "
                        f"exactly one of {', '.join(_wire_name(n) for n in fields)} set",
                    )
                )
            return
        for name in absent:  # null is how a JSON caller leaves a member out
            del value[name]

    return check_structure


def _null(problems: Problems, path: str) -> None:
    problems.append(
        (path, f"Value null at '{path}' failed to satisfy constraint: Member must not be null")
    )


def _size_check(low: int | None, high: int | None) -> Check:
    def check_size(value: Any, path: str, problems: Problems) -> None:
        n = len(value)
        if low is not None and n < low:
            _fail(problems, path, value, f"Member must have length greater than or equal to {low}")
        if high is not None and n > high:
            _fail(problems, path, value, f"Member must have length less than or equal to {high}")

    return check_size


def _blob_check(low: int | None, high: int | None) -> Check:
    import base64
    import binascii

    def check_blob(value: Any, path: str, problems: Problems) -> None:
        try:
            n = len(base64.b64decode(value, validate=True))
        except (binascii.Error, ValueError):
            raise _WrongType(path, "blob") from None
        if low is not None and n < low:
            _fail(
                problems, path, "<blob>", f"Member must have length greater than or equal to {low}"
            )
        if high is not None and n > high:
            _fail(problems, path, "<blob>", f"Member must have length less than or equal to {high}")

    return check_blob


def _timestamp_check(value: Any, path: str, problems: Problems) -> None:
    """A timestamp given as text must read as one: epoch seconds or ISO 8601."""
    if not isinstance(value, str):
        return
    try:
        float(value)
        return
    except ValueError:
        pass
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _WrongType(path, "timestamp") from None


def _regex(pattern: str | None) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        return re.compile(pattern)
    except re.error:  # a Java-only construct; the model's other constraints still apply
        return None


@functools.cache
def validator(operation_name: str) -> Callable[[dict[str, Any]], None]:
    """The compiled validator of one operation; raises the service's error on bad input."""
    input_shape = model.operation(operation_name).input_shape
    check = _compile(input_shape) if input_shape is not None else None

    def validate(params: dict[str, Any]) -> None:
        if check is None:
            return
        problems: Problems = []
        try:
            check(params, "", problems)
        except _WrongType as wrong:
            raise ServiceError(
                "SerializationException",
                f"Value at '{wrong.path}' is not of the expected type {wrong.expected}.",
            ) from None
        if problems:
            count = len(problems)
            noun = "error" if count == 1 else "errors"
            raise validation_error(
                f"{count} validation {noun} detected: " + "; ".join(m for _, m in problems),
                "FIELD_VALIDATION_FAILED",
                [{"Name": name, "Message": message} for name, message in problems],
            )

    return validate
