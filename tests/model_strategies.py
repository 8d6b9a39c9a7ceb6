"""Hypothesis strategies derived from botocore's ``pinpoint-sms-voice-v2`` service model.

Public API:

* :func:`valid_input` -- request parameters satisfying every modelled constraint
  (required members, type, length, ``pattern`` via ``re.fullmatch``, enum, range, item counts).
* :func:`invalid_input` -- a valid input carrying exactly one deliberate violation, paired with
  one of the labels in :data:`VIOLATION_KINDS`.
* :func:`raw_bodies` -- request bodies that are not well-formed JSON objects (plus some
  pathologically nested but well-formed ones).

Strategies are built lazily, once per operation, and shared between operations per shape.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import string
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeAlias, TypeVar

import botocore.session
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StringShape, StructureShape
from hypothesis import strategies as st

__all__ = [
    "BAD_PATTERN",
    "MISSING_REQUIRED",
    "NULL",
    "NULL_OPTIONAL",
    "OUT_OF_RANGE",
    "SERVICE_NAME",
    "TOO_FEW_ITEMS",
    "TOO_LONG",
    "TOO_MANY_ITEMS",
    "TOO_SHORT",
    "UNKNOWN_ENUM",
    "UNKNOWN_MEMBER",
    "VIOLATION_KINDS",
    "WRONG_TYPE",
    "invalid_input",
    "operation_names",
    "raw_bodies",
    "service_model",
    "valid_input",
]

SERVICE_NAME: Final = "pinpoint-sms-voice-v2"

# Violation labels returned by invalid_input().
WRONG_TYPE: Final = "wrong type"
TOO_LONG: Final = "too long"  # strings and blobs
TOO_SHORT: Final = "too short"  # strings and blobs, only where min > 0
BAD_PATTERN: Final = "bad pattern"
UNKNOWN_ENUM: Final = "unknown enum value"
OUT_OF_RANGE: Final = "out of range"
TOO_MANY_ITEMS: Final = "too many items"  # lists and maps
TOO_FEW_ITEMS: Final = "too few items"  # lists and maps, only where min > 0
MISSING_REQUIRED: Final = "missing required member"
UNKNOWN_MEMBER: Final = "unknown member"
# A JSON null at any depth: where a value must be (a required member, a list item, a map value)
# it is a violation; for an optional member of a structure the JSON protocol reads it as the
# member left out, so NULL_OPTIONAL inputs are answered like valid ones.
NULL: Final = "null"
NULL_OPTIONAL: Final = "null optional member"
VIOLATION_KINDS: Final = frozenset(
    {
        WRONG_TYPE,
        TOO_LONG,
        TOO_SHORT,
        BAD_PATTERN,
        UNKNOWN_ENUM,
        OUT_OF_RANGE,
        TOO_MANY_ITEMS,
        TOO_FEW_ITEMS,
        MISSING_REQUIRED,
        UNKNOWN_MEMBER,
        NULL,
        NULL_OPTIONAL,
    }
)

# Generation knobs: keep examples small and fast, with occasional exact-maximum values.
MAX_DEPTH: Final = 6  # optional members below this structure depth are never generated
STRING_EXTRA: Final = 24  # typical strings are at most min + STRING_EXTRA characters
LIST_EXTRA: Final = 4  # typical lists/maps hold at most min + LIST_EXTRA items
BLOB_EXTRA: Final = 64
UNKNOWN_MEMBER_NAME: Final = "NotAModelledMember"

_INT_BOUNDS: Final = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}
_EPOCH_MIN: Final = dt.datetime(2000, 1, 1)
_EPOCH_MAX: Final = dt.datetime(2099, 12, 31)
# Any encodable code point (no lone surrogates, which JSON/UTF-8 cannot carry).
_ALPHABET: Final = st.characters(codec="utf-8")
# Code points on which regex engines disagree: Python's \s also matches \x1c-\x1f and \x85 but
# not \ufeff (ECMAScript's, which AWS patterns follow, is the reverse), and Python's "." also
# matches \r, \u2028 and \u2029. Valid strings avoid them unless anything goes anyway.
_ENGINE_DEPENDENT: Final = "\r\x1c\x1d\x1e\x1f\x85\u2028\u2029\ufeff"
_VALID_ALPHABET: Final = st.characters(codec="utf-8", exclude_characters=_ENGINE_DEPENDENT)
# Above every ASCII and whitespace code point (U+3000 is the highest whitespace).
_PROBE_LIMIT: Final = 0x3001
_HIGH_PROBES: Final = ("\u4e2d", "\ue000", "\uff21", "\U0001f600", "\U0010fffd")
# Characters tried when constructing pattern violations.
_BAD_CHARS: Final = (" ", "\n", "!", "#", "\x00", "\t", "é", "\u2028", "\U0001f600", "a", "0")
# Characters tried (in order) for padding a string past its maximum while keeping its pattern.
_PAD_CHARS: Final = "aA0x_-:."

# A "simple" pattern: optional literal prefix followed by one repeated single-character atom.
_SIMPLE_PATTERN: Final = re.compile(
    r"(?P<prefix>[A-Za-z0-9:/_-]*)(?P<atom>\.|\\S|\\s|\\w|\\d|\[(?:\\.|[^\]\\])+\])(?P<rep>[+*])"
)
# Zero-width assertions we strip before recognising a simple pattern (result is then filtered).
_LOOKAROUND: Final = re.compile(r"\(\?<?[!=][^()]*\)")

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S", bound=Shape)
Params: TypeAlias = dict[str, Any]
Labelled: TypeAlias = tuple[Any, str]
_Case: TypeAlias = st.SearchStrategy[Labelled]


# --------------------------------------------------------------------------- model access


@functools.cache
def service_model() -> ServiceModel:
    """The botocore service model (loaded once)."""
    return botocore.session.get_session().get_service_model(SERVICE_NAME)


def operation_names() -> list[str]:
    return list(service_model().operation_names)


def _input_shape(operation_name: str) -> StructureShape | None:
    return service_model().operation_model(operation_name).input_shape


# --------------------------------------------------------------------------- public API


@functools.cache
def valid_input(operation_name: str) -> st.SearchStrategy[Params]:
    """Params for ``operation_name`` satisfying every constraint in the model."""
    shape = _input_shape(operation_name)
    if shape is None:
        return st.just({})
    return _valid_structure(shape, 0)


@functools.cache
def invalid_input(operation_name: str) -> st.SearchStrategy[tuple[Params, str]]:
    """A valid input with exactly one violation, plus the violation's label."""
    shape = _input_shape(operation_name)
    if shape is None:
        return st.builds(lambda v: ({UNKNOWN_MEMBER_NAME: v}, UNKNOWN_MEMBER), _any_scalar())
    return st.one_of(_structure_cases(shape, 0))


@functools.cache
def raw_bodies() -> st.SearchStrategy[bytes]:
    """Request bodies that are not well-formed JSON objects, or are absurdly nested ones."""
    json_scalar = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(_ALPHABET, max_size=20),
    )
    json_value = st.recursive(
        json_scalar,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.text(_ALPHABET, max_size=8), inner, max_size=4),
        ),
        max_leaves=12,
    )
    non_object = st.one_of(json_scalar, st.lists(json_value, max_size=4)).map(
        lambda v: json.dumps(v).encode()
    )
    some_params = st.sampled_from(operation_names()).flatmap(valid_input)
    object_text = st.one_of(
        some_params.map(_to_json_text),
        st.dictionaries(st.text(max_size=8), json_value).map(json.dumps),
    )
    truncated = st.tuples(object_text.map(str.encode), st.integers(min_value=0)).map(
        lambda t: t[0][: t[1] % len(t[0])]
    )
    invalid_utf8 = st.tuples(
        st.sampled_from([b'{"Key": "@@"}', b'{"@@": 1}', b"@@", b"{}@@", b'["@@"]']),
        st.sampled_from(
            [b"\xff", b"\xfe\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe2\x82", b"\x80", b"\xf8\x88"]
        ),
    ).map(lambda t: t[0].replace(b"@@", t[1]))
    nested = st.tuples(
        st.integers(min_value=64, max_value=20_000),
        st.sampled_from([('{"a":', "{}", "}"), ("[", "[]", "]"), ('{"a":[', "1", "]}")]),
    ).map(lambda t: (t[1][0] * t[0] + t[1][1] + t[1][2] * t[0]).encode())
    oddities = st.sampled_from(
        [
            b"",
            b" ",
            b"null",
            b"{",
            b"}",
            b'{"a":NaN}',
            b'{"a":Infinity}',
            b"{'a': 1}",
            b'{"a":1,}',
            b'{"a" 1}',
            b"{}{}",
            b'{"a":1} trailing',
            b"\xef\xbb\xbf{}",
            '{"Tags": []}'.encode("utf-16"),
            b"\x00" * 16,
        ]
    )
    return st.one_of(
        st.binary(max_size=64).filter(lambda b: not _is_plain_json_object(b)),
        truncated,
        non_object,
        invalid_utf8,
        nested,
        oddities,
    )


# --------------------------------------------------------------------------- helpers


def _to_json_text(params: Params) -> str:
    def default(obj: object) -> object:
        if isinstance(obj, dt.datetime):
            return obj.timestamp()
        if isinstance(obj, (bytes, bytearray)):
            return bytes(obj).hex()
        raise TypeError(type(obj).__name__)

    return json.dumps(params, default=default)


def _is_plain_json_object(body: bytes) -> bool:
    try:
        return isinstance(json.loads(body.decode("utf-8")), dict)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False


def _any_scalar() -> st.SearchStrategy[Any]:
    return st.one_of(st.integers(), st.booleans(), st.text(_ALPHABET, max_size=10))


def _rarely(common: st.SearchStrategy[T], rare: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """Draw from ``rare`` about one time in ten, else from ``common``."""
    return st.integers(0, 9).flatmap(lambda i: rare if i == 0 else common)


def _cycle_to(items: Sequence[Any], size: int) -> list[Any]:
    return [items[i % len(items)] for i in range(size)]


def _labelled(label: str, values: st.SearchStrategy[Any]) -> _Case:
    return values.map(lambda v: (v, label))


def _meta_int(shape: Shape, key: str) -> int | None:
    value = shape.metadata.get(key)
    return int(value) if value is not None else None


def _enum(shape: Shape) -> list[str]:
    return list(shape.enum) if isinstance(shape, StringShape) and shape.enum else []


_STRUCT_CACHE: dict[tuple[str, int, str | None], st.SearchStrategy[Params]] = {}


def _memo(func: Callable[[S, int], R]) -> Callable[[S, int], R]:
    """Cache per (shape name, depth); constraints live on the named shape, not the member."""
    cache: dict[tuple[str, str, int], R] = {}

    @functools.wraps(func)
    def wrapper(shape: S, depth: int) -> R:
        key = (shape.type_name, shape.name, depth)
        if key not in cache:
            cache[key] = func(shape, depth)
        return cache[key]

    return wrapper


# --------------------------------------------------------------------------- valid values


@_memo
def _valid(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    kind = shape.type_name
    if isinstance(shape, StructureShape):
        return _valid_structure(shape, depth)
    if isinstance(shape, ListShape):
        return _valid_list(shape, depth)
    if isinstance(shape, MapShape):
        return _valid_map(shape, depth)
    if kind == "string":
        return _valid_string(shape)
    if kind in _INT_BOUNDS:
        low, high = _int_range(shape)
        return st.integers(low, high)
    if kind in ("float", "double"):
        return st.floats(
            min_value=shape.metadata.get("min"),
            max_value=shape.metadata.get("max"),
            allow_nan=False,
            allow_infinity=False,
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "blob":
        shortest, longest = _list_bounds(shape)
        typical = shortest + BLOB_EXTRA
        if longest is not None:
            typical = min(longest, typical)
        normal = st.binary(min_size=shortest, max_size=typical)
        if longest is None or longest <= typical:
            return normal
        return _rarely(normal, st.just(b"\x00" * longest))
    if kind == "timestamp":
        return st.datetimes(_EPOCH_MIN, _EPOCH_MAX, timezones=st.just(dt.timezone.utc))
    raise NotImplementedError(f"shape type {kind!r} ({shape.name})")


def _int_range(shape: Shape) -> tuple[int, int]:
    low, high = _INT_BOUNDS[shape.type_name]
    meta_low, meta_high = _meta_int(shape, "min"), _meta_int(shape, "max")
    return (low if meta_low is None else meta_low), (high if meta_high is None else meta_high)


def _valid_structure(
    shape: StructureShape, depth: int, exclude: str | None = None
) -> st.SearchStrategy[Params]:
    """Valid structure values; ``exclude`` names a member that is never generated."""
    key = (shape.name, depth, exclude)
    if key in _STRUCT_CACHE:
        return _STRUCT_CACHE[key]
    required = set(shape.required_members)
    if depth > 4 * MAX_DEPTH:
        raise RecursionError(f"{shape.name}: required members nest too deeply")
    if shape.is_tagged_union:
        options = [
            _valid(member, depth + 1).map(_single_member(name))
            for name, member in shape.members.items()
            if name != exclude
        ]
        strategy: st.SearchStrategy[Params] = st.one_of(options) if options else st.just({})
    else:
        must: dict[str, st.SearchStrategy[Any]] = {}
        may: dict[str, st.SearchStrategy[Any]] = {}
        for name, member in shape.members.items():
            if name == exclude:
                continue
            if name in required:
                must[name] = _valid(member, depth + 1)
            elif depth < MAX_DEPTH:
                may[name] = _valid(member, depth + 1)
        strategy = st.fixed_dictionaries(must, optional=may)
    _STRUCT_CACHE[key] = strategy
    return strategy


def _single_member(name: str) -> Callable[[Any], Params]:
    return lambda value: {name: value}


def _put_member(name: str) -> Callable[[tuple[Params, Labelled]], tuple[Params, str]]:
    def put(args: tuple[Params, Labelled]) -> tuple[Params, str]:
        params, (value, label) = args
        return {**params, name: value}, label

    return put


def _list_bounds(shape: Shape) -> tuple[int, int | None]:
    return _meta_int(shape, "min") or 0, _meta_int(shape, "max")


def _valid_list(shape: ListShape, depth: int) -> st.SearchStrategy[list[Any]]:
    low, high = _list_bounds(shape)
    element = _valid(shape.member, depth + 1)
    typical = low + LIST_EXTRA if high is None else min(high, low + LIST_EXTRA)
    normal = st.lists(element, min_size=low, max_size=typical)
    if high is None or high <= typical or high == 0:
        return normal
    full = st.lists(element, min_size=1, max_size=3).map(lambda xs: _cycle_to(xs, high))
    return _rarely(normal, full)


def _valid_map(shape: MapShape, depth: int) -> st.SearchStrategy[dict[Any, Any]]:
    low, high = _list_bounds(shape)
    typical = low + LIST_EXTRA if high is None else min(high, low + LIST_EXTRA)
    return st.dictionaries(
        _valid(shape.key, depth + 1),
        _valid(shape.value, depth + 1),
        min_size=low,
        max_size=typical,
    )


# --------------------------------------------------------------------------- strings


class _StringSpec:
    """Everything needed to generate and perturb strings of one string shape."""

    def __init__(self, shape: Shape) -> None:
        self.name = shape.name
        self.enum = _enum(shape)
        self.min_len = _meta_int(shape, "min") or 0
        self.max_len = _meta_int(shape, "max")
        raw_pattern: str | None = shape.metadata.get("pattern")
        self.pattern = re.compile(raw_pattern) if raw_pattern else None
        simple = _simple_form(raw_pattern) if raw_pattern else None
        atom = simple[1] if simple else None
        self.pad_chars = [c for c in _PAD_CHARS if atom is None or re.fullmatch(atom, c)] or ["a"]

    def valid(self, text: str) -> bool:
        """In bounds and matching the pattern with and without ``re.ASCII``."""
        if not self.in_bounds(text) or not self.matches(text):
            return False
        return (
            self.pattern is None or re.fullmatch(self.pattern.pattern, text, re.ASCII) is not None
        )

    def matches(self, text: str) -> bool:
        return self.pattern is None or self.pattern.fullmatch(text) is not None

    def in_bounds(self, text: str) -> bool:
        return self.min_len <= len(text) and (self.max_len is None or len(text) <= self.max_len)

    def pad_to(self, text: str, size: int) -> str:
        """Lengthen ``text`` to ``size`` chars, keeping the pattern if a pad char allows it."""
        for char in self.pad_chars:
            candidate = text + char * (size - len(text))
            if self.matches(candidate):
                return candidate
        return text + self.pad_chars[0] * (size - len(text))


def _simple_form(pattern: str) -> tuple[str, str, int] | None:
    """``(prefix, atom, min_repeats)`` if the pattern, minus lookarounds, is ``PREFIX ATOM[+*]``."""
    stripped = _LOOKAROUND.sub("", pattern)
    stripped = stripped.removeprefix("^").removesuffix("$")
    match = _SIMPLE_PATTERN.fullmatch(stripped)
    if match is None:
        return None
    return match["prefix"], match["atom"], 1 if match["rep"] == "+" else 0


def _valid_string(shape: Shape) -> st.SearchStrategy[str]:
    spec = _StringSpec(shape)
    if spec.enum:
        return st.sampled_from(spec.enum)
    if spec.pattern is None:
        simple: tuple[str, str, int] | None = ("", r"[\s\S]", 0)
    else:
        simple = _simple_form(spec.pattern.pattern)

    if simple is None:
        # General pattern: let Hypothesis build it and drop the (rare) out-of-bounds ones.
        assert spec.pattern is not None
        return st.from_regex(spec.pattern, fullmatch=True, alphabet=_VALID_ALPHABET).filter(
            spec.valid
        )

    prefix, atom, reps = simple
    body_min = max(spec.min_len - len(prefix), reps)
    body_max = None if spec.max_len is None else spec.max_len - len(prefix)
    if body_max is not None and body_max < body_min:
        raise ValueError(f"{spec.name}: pattern cannot satisfy length bounds")
    typical = (
        body_min + STRING_EXTRA if body_max is None else min(body_max, body_min + STRING_EXTRA)
    )
    char = _atom_chars(
        atom,
        cautious=_LOOKAROUND.search(spec.pattern.pattern) is not None if spec.pattern else False,
    )
    normal = st.text(char, min_size=body_min, max_size=typical).map(lambda body: prefix + body)
    strategy: st.SearchStrategy[str] = normal
    if spec.max_len is not None and body_max is not None and body_max > typical:
        longest = spec.max_len
        full = st.tuples(normal, char).map(lambda t: t[0] + t[1] * (longest - len(t[0])))
        strategy = _rarely(normal, full)
    # Cheap safety net: only lookaround patterns should actually reject anything here.
    return strategy.filter(spec.valid)


@functools.cache
def _atom_chars(atom: str, cautious: bool) -> st.SearchStrategy[str]:
    """Single characters fully matching ``atom``, drawn as cheaply as Hypothesis allows.

    Characters must match with and without ``re.ASCII``, and ``_ENGINE_DEPENDENT`` ones are
    avoided unless ``atom`` accepts everything and ``cautious`` is false. Every whitespace and
    ASCII character is below ``_PROBE_LIMIT``: an atom that accepts the sample characters above
    it is treated as "everything but the rejected low ones", one that accepts none of them as
    "exactly the accepted low ones".
    """
    unicode_atom, ascii_atom = re.compile(atom), re.compile(atom, re.ASCII)

    def ok(char: str) -> bool:
        return bool(unicode_atom.fullmatch(char)) and bool(ascii_atom.fullmatch(char))

    low = [chr(i) for i in range(_PROBE_LIMIT)]
    rejected = {c for c in low if not ok(c)}
    high_hits = [ok(c) for c in _HIGH_PROBES]
    if cautious or rejected:
        rejected.update(_ENGINE_DEPENDENT)
    if all(high_hits):
        return st.characters(codec="utf-8", exclude_characters="".join(sorted(rejected)))
    accepted = "".join(c for c in low if c not in rejected)
    if not any(high_hits) and accepted:
        return st.characters(codec="utf-8", categories=(), include_characters=accepted)
    return st.from_regex(unicode_atom, fullmatch=True, alphabet=_VALID_ALPHABET).filter(ok)


def _invalid_string_cases(shape: Shape, *, as_key: bool = False) -> list[_Case]:
    spec = _StringSpec(shape)
    valid = _valid(shape, 0)
    cases: list[_Case] = []
    if not as_key:
        cases.append(_labelled(WRONG_TYPE, _wrong_type_values("string")))
        cases.append(_labelled(NULL, st.none()))
    if spec.enum:
        cases.append(
            _labelled(
                UNKNOWN_ENUM,
                st.one_of(
                    st.sampled_from(spec.enum).map(str.swapcase),
                    st.sampled_from(spec.enum).map(lambda v: v + "_X"),
                    st.text(string.ascii_letters + "_", min_size=1, max_size=20),
                ).map(lambda v: v if v not in spec.enum else v + "_X"),
            )
        )
        return cases  # enum values carry no separate length/pattern constraints
    if spec.max_len is not None:
        longest = spec.max_len
        cases.append(
            _labelled(
                TOO_LONG,
                st.tuples(valid, st.sampled_from([1, 1, 2, 100])).map(
                    lambda t: spec.pad_to(t[0], longest + t[1])
                ),
            )
        )
    if spec.min_len > 0:
        shortest = spec.min_len
        cases.append(_labelled(TOO_SHORT, valid.map(lambda s: s[: shortest - 1])))
    bad = _bad_pattern_values(spec, valid)
    if bad is not None:
        cases.append(_labelled(BAD_PATTERN, bad))
    return cases


def _bad_pattern_values(
    spec: _StringSpec, valid: st.SearchStrategy[str]
) -> st.SearchStrategy[str] | None:
    """In-bounds strings that fail the pattern, or None if no such string is easy to find."""
    if spec.pattern is None:
        return None
    base = max(spec.min_len, 1)
    top = base + 5 if spec.max_len is None else min(spec.max_len, base + 5)
    if top < base:
        return None
    fixed = [
        char * size
        for char in _BAD_CHARS
        for size in sorted({base, min(base + 1, top), top})
        if not spec.matches(char * size)
    ]
    if not fixed:
        return None
    fallback = fixed[0]

    def replace(args: tuple[str, int, str]) -> str:
        text, index, char = args
        if not text:
            return fallback
        index %= len(text)
        candidate = text[:index] + char + text[index + 1 :]
        return fallback if spec.matches(candidate) else candidate

    replaced = st.tuples(valid, st.integers(min_value=0), st.sampled_from(_BAD_CHARS)).map(replace)
    return st.one_of(st.sampled_from(fixed), replaced)


# --------------------------------------------------------------------------- invalid values


def _wrong_type_values(type_name: str) -> st.SearchStrategy[Any]:
    """Values of a JSON type the shape does not accept (and botocore rejects)."""
    small_text = st.text(string.ascii_letters, max_size=8)
    options: dict[str, st.SearchStrategy[Any]] = {
        "string": st.one_of(
            st.integers(), st.booleans(), st.lists(small_text, max_size=2), st.just({"a": "b"})
        ),
        "integer": st.one_of(
            st.integers(0, 100).map(str), st.just(1.5), st.just([1]), st.just({"a": 1})
        ),
        "boolean": st.sampled_from(["true", "false", 0, 1, [True], {"a": True}]),
        "structure": st.one_of(st.just([]), small_text, st.integers()),
        "list": st.one_of(st.just({}), st.just({"a": 1}), small_text, st.integers()),
        "map": st.one_of(st.just([]), st.just([["a", "b"]]), small_text, st.integers()),
        "blob": st.one_of(st.integers(), st.just([1, 2]), st.just({"a": 1}), st.booleans()),
        "timestamp": st.one_of(st.just([]), st.just({"a": 1}), st.just("not a timestamp")),
        "float": st.one_of(small_text, st.just([1.0]), st.just({"a": 1.0})),
    }
    options["long"] = options["integer"]
    options["double"] = options["float"]
    return options[type_name]


@_memo
def _invalid_value_cases(shape: Shape, depth: int) -> list[_Case]:
    """Labelled invalid values usable wherever a value of ``shape`` is expected."""
    kind = shape.type_name
    if kind == "string":
        return _invalid_string_cases(shape)
    cases: list[_Case] = [
        _labelled(WRONG_TYPE, _wrong_type_values(kind)),
        _labelled(NULL, st.none()),
    ]
    if isinstance(shape, StructureShape):
        cases.extend(_structure_cases(shape, depth))
    elif isinstance(shape, ListShape):
        cases.extend(_list_cases(shape, depth))
    elif isinstance(shape, MapShape):
        cases.extend(_map_cases(shape, depth))
    elif kind in _INT_BOUNDS or kind in ("float", "double"):
        cases.extend(_range_cases(shape))
    elif kind == "blob":
        low, high = _list_bounds(shape)
        if high is not None:
            cases.append(
                _labelled(TOO_LONG, st.sampled_from([1, 2]).map(lambda n: b"\x01" * (high + n)))
            )
        if low > 0:
            cases.append(_labelled(TOO_SHORT, st.just(b"\x01" * (low - 1))))
    return cases


def _range_cases(shape: Shape) -> list[_Case]:
    cases: list[_Case] = []
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    integral = shape.type_name in _INT_BOUNDS
    step = 1 if integral else 0.5
    if low is not None:
        below = st.one_of(st.just(low - step), st.integers(1, 10**6).map(lambda d: low - d))
        cases.append(_labelled(OUT_OF_RANGE, below))
    if high is not None:
        above = st.one_of(st.just(high + step), st.integers(1, 10**6).map(lambda d: high + d))
        cases.append(_labelled(OUT_OF_RANGE, above))
    return cases


def _structure_cases(shape: StructureShape, depth: int) -> list[_Case]:
    """Violations inside a structure value (not the structure's own type)."""
    cases: list[_Case] = [
        st.tuples(_valid_structure(shape, depth), _any_scalar()).map(
            lambda t: ({**t[0], UNKNOWN_MEMBER_NAME: t[1]}, UNKNOWN_MEMBER)
        )
    ]
    required = set(shape.required_members)
    for name, member in shape.members.items():
        # In a tagged union the violating member must be the only one present.
        rest = st.just({}) if shape.is_tagged_union else _valid_structure(shape, depth, name)
        if name in required:
            cases.append(rest.map(lambda d: (d, MISSING_REQUIRED)))
        if depth + 1 > MAX_DEPTH and name not in required:
            continue
        optional = name not in required and not shape.is_tagged_union
        for case in _invalid_value_cases(member, depth + 1):
            if optional:
                case = case.map(_null_is_absent)
            cases.append(st.tuples(rest, case).map(_put_member(name)))
    return cases


def _null_is_absent(case: Labelled) -> Labelled:
    """A null optional member is no violation: the member is left out."""
    return (None, NULL_OPTIONAL) if case[0] is None else case


def _list_cases(shape: ListShape, depth: int) -> list[_Case]:
    low, high = _list_bounds(shape)
    element = _valid(shape.member, depth + 1)
    cases: list[_Case] = []
    if high is not None:
        size = high + 1
        cases.append(
            _labelled(
                TOO_MANY_ITEMS,
                st.lists(element, min_size=1, max_size=3).map(lambda xs: _cycle_to(xs, size)),
            )
        )
    if low > 0:
        cases.append(
            _labelled(TOO_FEW_ITEMS, st.lists(element, min_size=low - 1, max_size=low - 1))
        )
    if high == 0:
        return cases
    others_max = max(low - 1, 0) + LIST_EXTRA
    if high is not None:
        others_max = min(others_max, high - 1)
    others = st.lists(element, min_size=max(low - 1, 0), max_size=max(others_max, max(low - 1, 0)))
    for case in _invalid_value_cases(shape.member, depth + 1):
        cases.append(
            st.tuples(others, st.integers(min_value=0), case).map(
                lambda t: (_insert(t[0], t[1], t[2][0]), t[2][1])
            )
        )
    return cases


def _insert(items: list[Any], index: int, value: Any) -> list[Any]:
    position = index % (len(items) + 1)
    return [*items[:position], value, *items[position:]]


def _map_cases(shape: MapShape, depth: int) -> list[_Case]:
    low, high = _list_bounds(shape)
    key = _valid(shape.key, depth + 1)
    value = _valid(shape.value, depth + 1)
    enum_keys = _enum(shape.key)
    cases: list[_Case] = []
    if high is not None and high <= 20 and (not enum_keys or len(enum_keys) > high):
        size = high + 1
        cases.append(
            _labelled(
                TOO_MANY_ITEMS,
                st.dictionaries(key, value, min_size=size, max_size=size),
            )
        )
    if low > 0:
        cases.append(
            _labelled(
                TOO_FEW_ITEMS, st.dictionaries(key, value, min_size=low - 1, max_size=low - 1)
            )
        )
    if high == 0:
        return cases
    others_max = max(low - 1, 0) + LIST_EXTRA
    if high is not None:
        others_max = min(others_max, high - 1)
    others = st.dictionaries(
        key, value, min_size=max(low - 1, 0), max_size=max(others_max, max(low - 1, 0))
    )
    for case in _invalid_string_cases(shape.key, as_key=True):
        cases.append(
            st.tuples(others, case, value).map(lambda t: ({**t[0], t[1][0]: t[2]}, t[1][1]))
        )
    for case in _invalid_value_cases(shape.value, depth + 1):
        cases.append(st.tuples(others, key, case).map(lambda t: ({**t[0], t[1]: t[2][0]}, t[2][1])))
    return cases
