"""The model-derived strategies generate what they claim to generate."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

import botocore.session
import pytest
from botocore.model import ListShape, MapShape, Shape, StringShape, StructureShape
from botocore.serialize import create_serializer
from botocore.validate import ParamValidator
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from pinpoint_mock.engine.dispatch import HANDLERS
from tests import model_strategies as ms
from tests.profiles import deep, deep_only, scaled

OPERATIONS = sorted(ms.operation_names())
# The strategies feed the fuzzers; every day they are checked on the operations the mock
# answers (where a wrong input would go unnoticed), in the CI profile on every operation.
CHECKED = OPERATIONS if deep() else sorted(HANDLERS)
FAST = settings(max_examples=scaled(3, 30))
# Violation kinds botocore's own validator is guaranteed to notice.
BOTOCORE_CHECKED = {ms.WRONG_TYPE, ms.MISSING_REQUIRED, ms.UNKNOWN_MEMBER}
_INT_LIMITS = {"integer": 2**31, "long": 2**63}

Error = tuple[str, str]  # (path, violation kind)


def strict_errors(value: Any, shape: Shape, path: str = "$") -> list[Error]:
    """Every constraint in the model, checked strictly (pattern via ``re.fullmatch``)."""
    kind = shape.type_name
    meta = shape.metadata
    if value is None:
        return [(path, ms.NULL)]
    if isinstance(shape, StructureShape):
        return _structure_errors(value, shape, path)
    if isinstance(shape, ListShape):
        if not isinstance(value, (list, tuple)):
            return [(path, ms.WRONG_TYPE)]
        errors = _count_errors(len(value), shape, path)
        for index, item in enumerate(value):
            errors += strict_errors(item, shape.member, f"{path}[{index}]")
        return errors
    if isinstance(shape, MapShape):
        if not isinstance(value, dict):
            return [(path, ms.WRONG_TYPE)]
        errors = _count_errors(len(value), shape, path)
        for key, item in value.items():
            errors += strict_errors(key, shape.key, f"{path}{{{key!r}}}")
            errors += strict_errors(item, shape.value, f"{path}[{key!r}]")
        return errors
    if kind == "string":
        return _string_errors(value, shape, path)
    if kind in _INT_LIMITS:
        if not isinstance(value, int) or isinstance(value, bool):
            return [(path, ms.WRONG_TYPE)]
        limit = _INT_LIMITS[kind]
        low, high = meta.get("min", -limit), meta.get("max", limit - 1)
        return [] if low <= value <= high else [(path, ms.OUT_OF_RANGE)]
    if kind in ("float", "double"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return [(path, ms.WRONG_TYPE)]
        low, high = meta.get("min", -math.inf), meta.get("max", math.inf)
        return [] if math.isfinite(value) and low <= value <= high else [(path, ms.OUT_OF_RANGE)]
    if kind == "boolean":
        return [] if isinstance(value, bool) else [(path, ms.WRONG_TYPE)]
    if kind == "blob":
        if not isinstance(value, (bytes, bytearray)):
            return [(path, ms.WRONG_TYPE)]
        return _length_errors(len(value), shape, path)
    if kind == "timestamp":
        aware = isinstance(value, dt.datetime) and value.tzinfo is not None
        return [] if aware else [(path, ms.WRONG_TYPE)]
    raise AssertionError(f"unhandled shape type {kind}")


def _structure_errors(value: Any, shape: StructureShape, path: str) -> list[Error]:
    if not isinstance(value, dict):
        return [(path, ms.WRONG_TYPE)]
    errors = [(path, ms.MISSING_REQUIRED) for name in shape.required_members if name not in value]
    known = [name for name in value if name in shape.members]  # unknown ones count apart
    if shape.is_tagged_union and len(known) != 1:
        errors.append((path, ms.TOO_MANY_ITEMS if known else ms.MISSING_REQUIRED))
    for name, item in value.items():
        if name not in shape.members:
            errors.append((path, ms.UNKNOWN_MEMBER))
        elif item is None and name not in shape.required_members and not shape.is_tagged_union:
            errors.append((f"{path}.{name}", ms.NULL_OPTIONAL))
        else:
            errors += strict_errors(item, shape.members[name], f"{path}.{name}")
    return errors


def _count_errors(count: int, shape: Shape, path: str) -> list[Error]:
    if count < shape.metadata.get("min", 0):
        return [(path, ms.TOO_FEW_ITEMS)]
    if count > shape.metadata.get("max", math.inf):
        return [(path, ms.TOO_MANY_ITEMS)]
    return []


def _length_errors(length: int, shape: Shape, path: str) -> list[Error]:
    if length < shape.metadata.get("min", 0):
        return [(path, ms.TOO_SHORT)]
    if length > shape.metadata.get("max", math.inf):
        return [(path, ms.TOO_LONG)]
    return []


def _string_errors(value: Any, shape: Shape, path: str) -> list[Error]:
    if not isinstance(value, str):
        return [(path, ms.WRONG_TYPE)]
    if isinstance(shape, StringShape) and shape.enum:
        return [] if value in shape.enum else [(path, ms.UNKNOWN_ENUM)]
    errors = _length_errors(len(value), shape, path)
    pattern = shape.metadata.get("pattern")
    if pattern and re.fullmatch(pattern, value) is None:
        errors.append((path, ms.BAD_PATTERN))
    return errors


def _input_shape(operation: str) -> StructureShape:
    shape = ms.service_model().operation_model(operation).input_shape
    assert shape is not None
    return shape


def _json_depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack += [(child, depth + 1) for child in item.values()]
        elif isinstance(item, list):
            stack += [(child, depth + 1) for child in item]
    return deepest


def _reject_constant(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


def test_model_is_loaded_once_and_covers_all_operations() -> None:
    assert ms.service_model() is ms.service_model()
    independent = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")
    assert sorted(independent.operation_names) == OPERATIONS
    assert {"CreateRegistration", "SubmitRegistrationVersion", "DescribeRegistrations"} <= set(
        OPERATIONS
    )
    assert ms.valid_input(OPERATIONS[0]) is ms.valid_input(OPERATIONS[0])
    assert ms.invalid_input(OPERATIONS[0]) is ms.invalid_input(OPERATIONS[0])


@pytest.mark.parametrize("operation", CHECKED)
@FAST
@given(data=st.data())
def test_valid_input_satisfies_every_constraint(operation: str, data: st.DataObject) -> None:
    shape = _input_shape(operation)
    params = data.draw(ms.valid_input(operation))
    report = ParamValidator().validate(params, shape)
    assert not report.has_errors(), report.generate_report()
    assert strict_errors(params, shape) == []
    operation_model = ms.service_model().operation_model(operation)
    request = create_serializer("json").serialize_to_request(params, operation_model)
    assert isinstance(json.loads(request["body"]), dict)


@pytest.mark.parametrize("operation", CHECKED)
@FAST
@given(data=st.data())
def test_invalid_input_has_exactly_one_labelled_violation(
    operation: str, data: st.DataObject
) -> None:
    shape = _input_shape(operation)
    params, label = data.draw(ms.invalid_input(operation))
    assert label in ms.VIOLATION_KINDS
    assert isinstance(params, dict)
    errors = strict_errors(params, shape)
    kinds = {kind for _, kind in errors}
    assert label in kinds, errors
    # One violation: a single location, and only the labelled kind (a string pushed past its
    # maximum or cut below its minimum may also stop matching its pattern).
    assert len({where for where, _ in errors}) == 1, errors
    assert kinds <= {label, ms.BAD_PATTERN}, errors
    if label in BOTOCORE_CHECKED:
        assert ParamValidator().validate(params, shape).has_errors()


@deep_only("a search through every operation's invalid inputs, guarding the fuzzers' reach")
def test_invalid_labels_cover_every_kind() -> None:
    # Hypothesis reprs what find() returns, and a too-long value can run to many kB: the search
    # keeps only whether the parameters are an object, and the label.
    every = (
        st.sampled_from(OPERATIONS)
        .flatmap(ms.invalid_input)
        .map(lambda case: (isinstance(case[0], dict), case[1]))
    )
    search = settings(
        max_examples=50_000,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),  # a loaded xdist worker must not trip too_slow
    )
    for kind in sorted(ms.VIOLATION_KINDS):

        def labelled_kind(case: tuple[bool, str], kind: str = kind) -> bool:
            return case[1] == kind

        is_object, label = find(every, labelled_kind, settings=search)
        assert label == kind
        assert is_object


@settings(FAST, max_examples=150)
@given(body=ms.raw_bodies())
def test_raw_bodies_are_not_plain_json_objects(body: bytes) -> None:
    assert isinstance(body, bytes)
    try:
        decoded = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return  # not UTF-8, not JSON, or NaN/Infinity (accepted by Python, not by JSON)
    assert not isinstance(decoded, dict) or _json_depth(decoded) > 32, body[:200]
