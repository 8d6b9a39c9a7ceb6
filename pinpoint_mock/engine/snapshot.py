"""The state as plain JSON-able data, and back: ``sms.export_state()`` / ``import_state()``.

The codec is generic: it is driven by the record types, registered once per kind
(:func:`register_kind`) and once per region-wide field (:func:`register_field`). A record
type is a dataclass whose fields are typed with ``str``, ``int``, ``float``, ``bool``,
``None``, unions of them, ``list``, ``set``, ``tuple``, ``deque``, ``dict[str, ...]``,
other such dataclasses, or ``Any`` (any JSON value). Converters are built once per type.

The document (format ``pinpoint-mock-state``, :data:`VERSION`)::

    {"format": "pinpoint-mock-state", "version": 1,
     "regions": [{"account_id": "123456789012", "region": "us-east-1", "next_seq": 7,
                  "client_tokens": {...}, ...region-wide fields...,
                  "resources": {"registration": [{...record...}, ...], "pool": [...]}}],
     "clock": [{"account_id": ..., "region": ..., "registration": ..., "version": 2,
                "due": 1767225600.0, "step": "approve"}, ...]}

``clock`` (left out when empty) lists the moves the clock still owes (:class:`Move`), in the
order they will run; an import schedules each again on the importing mock's clock, through
the function its family registered for the step (:func:`register_moves`). A document without
it reads as before, so the version stays 1.

Records of a kind are a list in creation order (the order every Describe shows); a record's
fields equal to their defaults are left out. Decoding is strict: an unknown format or
version, an unknown kind or field, or a value of the wrong type is a :class:`MockError`
naming where it is, and a new :class:`Store` is built aside, so a malformed document never
touches the state it was meant to replace.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections import deque
from collections.abc import Callable
from typing import Any, Union

from pinpoint_mock.engine.clock import Move
from pinpoint_mock.engine.errors import MockError
from pinpoint_mock.engine.store import RegionState, Store

FORMAT = "pinpoint-mock-state"
VERSION = 1

Encode = Callable[[Any], Any]
Decode = Callable[[Any, str], Any]


class _Codec:
    __slots__ = ("decode", "encode")

    def __init__(self, encode: Encode, decode: Decode) -> None:
        self.encode = encode
        self.decode = decode


class Malformed(MockError):
    """A state document that cannot be read; the message says where and why."""


def _fail(path: str, wanted: str, value: Any) -> Malformed:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return Malformed(
        f"pinpoint-mock state: {path or 'the document'} should be {wanted}, "
        f"not {type(value).__name__} {shown}"
    )


# -- converters, built once per type ------------------------------------------------------

_CODECS: dict[Any, _Codec] = {}


def codec(hint: Any) -> _Codec:
    """The converter for a type hint (cached)."""
    found = _CODECS.get(hint)
    if found is None:
        found = _build(hint)
        _CODECS[hint] = found
    return found


def _same(value: Any) -> Any:
    return value


def _scalar(kind: type, wanted: str) -> _Codec:
    def decode(value: Any, path: str) -> Any:
        if type(value) is kind:
            return value
        if kind is float and type(value) is int:
            return float(value)
        raise _fail(path, wanted, value)

    return _Codec(_same, decode)


def _none_decode(value: Any, path: str) -> None:
    if value is not None:
        raise _fail(path, "null", value)


def _json_value(value: Any, path: str) -> Any:
    """Any JSON value, checked deeply (tuples become lists)."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, (list, tuple)):
        return [_json_value(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise _fail(f"{path} key", "a string", k)
            out[k] = _json_value(v, f"{path}.{k}")
        return out
    raise _fail(path, "a JSON value", value)


def _build(hint: Any) -> _Codec:
    if hint is Any:
        return _Codec(lambda v: _json_value(v, "(encoding)"), _json_value)
    if hint is str:
        return _scalar(str, "a string")
    if hint is bool:
        return _scalar(bool, "true or false")
    if hint is int:
        return _scalar(int, "an integer")
    if hint is float:
        return _scalar(float, "a number")
    if hint is type(None):
        return _Codec(_same, _none_decode)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return _union(args)
    if origin is list:
        return _sequence(codec(args[0]), list, "a list")
    if origin is deque:
        return _sequence(codec(args[0]), deque, "a list")
    if origin is set:
        inner = codec(args[0])
        return _Codec(
            lambda v: sorted(inner.encode(x) for x in v),
            _sequence(inner, set, "a list").decode,
        )
    if origin is tuple and args and args[-1] is not Ellipsis:
        return _tuple([codec(a) for a in args])
    if origin is dict:
        if args[0] is not str:
            raise TypeError(f"state codec: dict keys must be str, not {args[0]!r}")
        return _mapping(codec(args[1]))
    raise TypeError(f"state codec: no converter for {hint!r}")


def _union(args: tuple[Any, ...]) -> _Codec:
    optional = type(None) in args
    rest = [a for a in args if a is not type(None)]
    if len(rest) != 1:
        raise TypeError(f"state codec: only X | None unions are supported, not {args!r}")
    inner = codec(rest[0])
    if not optional:
        return inner
    encode_inner, decode_inner = inner.encode, inner.decode

    def encode(value: Any) -> Any:
        return None if value is None else encode_inner(value)

    def decode(value: Any, path: str) -> Any:
        return None if value is None else decode_inner(value, path)

    return _Codec(encode, decode)


def _sequence(inner: _Codec, make: Callable[[Any], Any], wanted: str) -> _Codec:
    encode_inner, decode_inner = inner.encode, inner.decode

    def encode(value: Any) -> Any:
        return [encode_inner(v) for v in value]

    def decode(value: Any, path: str) -> Any:
        if type(value) is not list:
            raise _fail(path, wanted, value)
        return make(decode_inner(v, f"{path}[{i}]") for i, v in enumerate(value))

    return _Codec(encode, decode)


def _tuple(inners: list[_Codec]) -> _Codec:
    def encode(value: Any) -> Any:
        return [c.encode(v) for c, v in zip(inners, value, strict=True)]

    def decode(value: Any, path: str) -> Any:
        if type(value) is not list or len(value) != len(inners):
            raise _fail(path, f"a list of {len(inners)} items", value)
        return tuple(
            c.decode(v, f"{path}[{i}]") for i, (c, v) in enumerate(zip(inners, value, strict=True))
        )

    return _Codec(encode, decode)


def _mapping(inner: _Codec) -> _Codec:
    encode_inner, decode_inner = inner.encode, inner.decode

    def encode(value: Any) -> Any:
        return {k: encode_inner(v) for k, v in value.items()}

    def decode(value: Any, path: str) -> Any:
        if type(value) is not dict:
            raise _fail(path, "an object", value)
        return {k: decode_inner(v, f"{path}.{k}") for k, v in value.items()}

    return _Codec(encode, decode)


_MISSING = object()


def _dataclass(cls: type) -> _Codec:
    hints = typing.get_type_hints(cls)
    fields = []  # (name, codec, default or _MISSING, default_factory or None)
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        factory = None if f.default_factory is dataclasses.MISSING else f.default_factory
        default = _MISSING if f.default is dataclasses.MISSING else f.default
        fields.append((f.name, codec(hints[f.name]), default, factory))
    names = {name for name, *_ in fields}
    wanted = f"an object ({cls.__name__})"

    def encode(record: Any) -> Any:
        out = {}
        for name, field_codec, default, factory in fields:
            value = getattr(record, name)
            if default is not _MISSING and value == default and type(value) is type(default):
                continue
            if factory is not None and not value and value == factory():
                continue
            out[name] = field_codec.encode(value)
        return out

    def decode(value: Any, path: str) -> Any:
        if type(value) is not dict:
            raise _fail(path, wanted, value)
        unknown = set(value) - names
        if unknown:
            raise Malformed(
                f"pinpoint-mock state: {path} has no field(s) {', '.join(sorted(unknown))}; "
                f"a {cls.__name__} has {', '.join(sorted(names))}"
            )
        given = {}
        for name, field_codec, default, factory in fields:
            if name in value:
                given[name] = field_codec.decode(value[name], f"{path}.{name}")
            elif default is _MISSING and factory is None:
                raise Malformed(f"pinpoint-mock state: {path} lacks its field {name!r}")
        return cls(**given)

    return _Codec(encode, decode)


# -- what the state holds: kinds and region-wide fields ------------------------------------

# arn_type -> the codec of its records; every kind kept in RegionState._kinds is here.
_KINDS: dict[str, _Codec] = {}
# RegionState attribute -> its codec (region-wide state that is not a kind's records)
_FIELDS: dict[str, _Codec] = {}


# kinds of a record or two per region (the account): a journal looks at them on every change
_FEW: set[str] = set()


def register_kind(arn_type: str, record_type: type, *, few: bool = False) -> None:
    """Keep the records of ``arn_type`` (``state.of(kind)``) in exported state: one line per
    kind, next to the record type, e.g. ``register_kind(POOL.arn_type, Pool)``. ``few`` marks
    a kind of a record or two per region that calls change without naming it (the account's
    spend): the server's journal then checks it after every call."""
    _KINDS[arn_type] = codec(record_type)
    if few:
        _FEW.add(arn_type)


def few_kinds() -> frozenset[str]:
    return frozenset(_FEW)


def register_field(name: str, hint: Any) -> None:
    """Keep the region-wide attribute ``name`` of :class:`RegionState` (typed ``hint``) in
    exported state, e.g. ``register_field("client_tokens", dict[str, ...])``. A dict field is
    journaled as an append-only log of entries (server ``--state``); any other is rewritten
    whole when it changes, so keep such fields small."""
    _FIELDS[name] = codec(hint)


# Move.step -> how a move of that step is put on the clock again (one function per family)
_SCHEDULE: dict[str, Callable[[RegionState, Move], None]] = {}
_MOVES = codec(list[Move])


def register_moves(steps: frozenset[str], schedule: Callable[[RegionState, Move], None]) -> None:
    """Keep the clock's moves of ``steps`` in exported state: ``schedule(state, move)`` is
    the family's one way to put such a move on the clock, used again at import."""
    for step in steps:
        _SCHEDULE[step] = schedule


def schedule_move(store: Store, move: Move, path: str) -> None:
    """Put an exported ``move`` on ``store``'s clock, in its region (which must be there)."""
    state = store.existing(move.account_id, move.region)
    if state is None:
        raise Malformed(
            f"pinpoint-mock state: {path}: account {move.account_id} {move.region} is not "
            "in the document"
        )
    schedule = _SCHEDULE.get(move.step)
    if schedule is None:
        raise Malformed(
            f"pinpoint-mock state: {path}.step: {move.step!r} is not a step the clock takes "
            f"(it takes {', '.join(sorted(_SCHEDULE))})"
        )
    schedule(state, move)


def encode_moves(moves: list[Move]) -> Any:
    return _MOVES.encode(moves)


def decode_move(value: Any, path: str) -> Move:
    return typing.cast(Move, codec(Move).decode(value, path))


def kinds() -> dict[str, _Codec]:
    return _KINDS


def fields() -> dict[str, _Codec]:
    return _FIELDS


register_field("client_tokens", dict[str, tuple[Any, dict[str, Any]]])
register_field("versions_created", deque[float])
register_field("attachments_created", deque[float])


# -- whole documents ---------------------------------------------------------------------


def encode_record(arn_type: str, record: Any) -> Any:
    return _KINDS[arn_type].encode(record)


def encode_region(state: RegionState) -> dict[str, Any]:
    """One region's state as a document entry (hold ``state.lock``)."""
    entry: dict[str, Any] = {
        "account_id": state.account_id,
        "region": state.region,
        "next_seq": state._next_seq,
    }
    for name, field_codec in _FIELDS.items():
        entry[name] = field_codec.encode(getattr(state, name))
    resources: dict[str, Any] = {}
    for arn_type, records in state._kinds.items():
        if not records:
            continue
        kind_codec = _KINDS.get(arn_type)
        if kind_codec is None:
            raise MockError(
                f"pinpoint-mock cannot export {arn_type} records: the kind has no "
                "register_kind(...) line (pinpoint_mock/engine/snapshot.py)"
            )
        resources[arn_type] = [kind_codec.encode(r) for r in records.values()]
    entry["resources"] = resources
    return entry


def export_store(store: Store) -> dict[str, Any]:
    regions = []
    for state in sorted(store.regions(), key=lambda s: (s.account_id, s.region)):
        with state.lock:
            regions.append(encode_region(state))
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION, "regions": regions}
    moves = store.timers.moves()
    if moves:
        document["clock"] = encode_moves(moves)
    return document


def check_header(data: Any, what: str = "state") -> None:
    """Refuse a document of another format or an unknown version."""
    if not isinstance(data, dict):
        raise Malformed(
            f"pinpoint-mock {what}: expected an object with "
            f'"format": "{FORMAT}", not {type(data).__name__}'
        )
    if data.get("format") != FORMAT:
        raise Malformed(
            f"pinpoint-mock {what}: this is not pinpoint-mock state (its format is "
            f'{data.get("format")!r}; expected "{FORMAT}", as sms.export_state() writes)'
        )
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        raise Malformed(
            f"pinpoint-mock {what}: format version {version!r} is not one this pinpoint-mock "
            f"reads (it reads version {VERSION}); export it again with this version"
        )


def decode_record(arn_type: str, value: Any, path: str) -> Any:
    kind_codec = _KINDS.get(arn_type)
    if kind_codec is None:
        raise Malformed(
            f"pinpoint-mock state: {path}: no kind {arn_type!r} in this pinpoint-mock (it "
            f"keeps {', '.join(sorted(_KINDS))})"
        )
    return kind_codec.decode(value, path)


def decode_field(name: str, value: Any, path: str) -> Any:
    field_codec = _FIELDS.get(name)
    if field_codec is None:
        raise Malformed(f"pinpoint-mock state: {path}: no region-wide field {name!r}")
    return field_codec.decode(value, path)


def place(state: RegionState, arn_type: str, record: Any, path: str) -> None:
    """File a decoded record in ``state`` (replacing one of the same ID in place)."""
    rid = getattr(record, "id", None)
    if not isinstance(rid, str):
        raise Malformed(f"pinpoint-mock state: {path} has no id")
    state._kind(arn_type)[rid] = record
    order = getattr(record, "order", None)
    if type(order) is int:
        state.ordinal.past(order)  # what comes next sorts after it


def reindex(store: Store, state: RegionState) -> None:
    """Rebuild what is derived from the records: registration order and the ID index."""
    state.order = sorted(state.registrations.values(), key=lambda r: r.seq)
    for rid in state.registrations:
        store.index(rid, state)


def decode_region(store: Store, entry: Any, path: str) -> RegionState:
    if type(entry) is not dict:
        raise _fail(path, "an object", entry)
    account = entry.get("account_id")
    region = entry.get("region")
    if not isinstance(account, str) or not isinstance(region, str):
        raise Malformed(f"pinpoint-mock state: {path} needs account_id and region strings")
    if store.existing(account, region) is not None:
        raise Malformed(f"pinpoint-mock state: {path}: account {account} {region} twice")
    state = store.region(account, region)
    for records in state._kinds.values():
        records.clear()  # the seeds come from the document
    known = {"account_id", "region", "next_seq", "resources", *_FIELDS}
    unknown = set(entry) - known
    if unknown:
        raise Malformed(f"pinpoint-mock state: {path} has no field(s) {', '.join(sorted(unknown))}")
    next_seq = entry.get("next_seq", 0)
    if type(next_seq) is not int or next_seq < 0:
        raise _fail(f"{path}.next_seq", "a non-negative integer", next_seq)
    for name in _FIELDS:
        if name in entry:
            setattr(state, name, decode_field(name, entry[name], f"{path}.{name}"))
    resources = entry.get("resources", {})
    if type(resources) is not dict:
        raise _fail(f"{path}.resources", "an object", resources)
    top = next_seq
    for arn_type, records in resources.items():
        where = f"{path}.resources.{arn_type}"
        if type(records) is not list:
            raise _fail(where, "a list", records)
        for i, value in enumerate(records):
            record = decode_record(arn_type, value, f"{where}[{i}]")
            if getattr(record, "id", None) in state._kind(arn_type):
                raise Malformed(f"pinpoint-mock state: {where}[{i}]: {record.id} twice")
            place(state, arn_type, record, f"{where}[{i}]")
            top = max(top, getattr(record, "seq", 0))
    state._next_seq = top  # never below a record's: new records sort after every imported one
    reindex(store, state)
    return state


def import_store(data: Any) -> Store:
    """A new :class:`Store` holding the document's state (nothing shared with any other)."""
    check_header(data)
    unknown = set(data) - {"format", "version", "regions", "clock"}
    if unknown:
        raise Malformed(f"pinpoint-mock state: no top-level field(s) {', '.join(sorted(unknown))}")
    regions = data.get("regions", [])
    if type(regions) is not list:
        raise _fail("regions", "a list", regions)
    store = Store()
    for i, entry in enumerate(regions):
        decode_region(store, entry, f"regions[{i}]")
    moves = data.get("clock", [])
    if type(moves) is not list:
        raise _fail("clock", "a list", moves)
    for i, value in enumerate(moves):
        schedule_move(store, decode_move(value, f"clock[{i}]"), f"clock[{i}]")
    return store
