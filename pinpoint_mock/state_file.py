"""Server ``--state FILE``: the state kept on disk, every change durable before its answer.

Two files: ``FILE`` holds a snapshot in the export format (``sms.export_state()``, readable
JSON), and ``FILE.journal`` the changes since that snapshot, one JSON line each, written and
``fsync``'d before the HTTP answer is sent. A change is written as the records it left (the
whole record, never the request: IDs and timestamps are drawn at random and from the clock,
so replaying requests would not reproduce them), so a write costs what the touched records
cost, not what the whole state costs. At start and at a clean stop the journal is folded into
a new snapshot (compaction).

Journal lines (after a header line ``{"format": "pinpoint-mock-journal", "version": 1,
"snapshot": "<sha256 of FILE>"}``)::

    ["region", account, region]                 the region exists (with its seeds)
    ["put", account, region, kind, record]      a record as it is now (new ones go last)
    ["del", account, region, kind, id]          a record is gone
    ["add", account, region, field, {k: v}]     entries added to a region-wide dict field
    ["set", account, region, field, value]      a region-wide field's new value
    ["seq", account, region, n]                 the region's sequence counter
    ["at", account, region, move]               the clock owes a move (a review step)
    ["ran", account, region, move]              the clock made that move

The clock's moves (``engine/clock.py``) are kept as the export keeps them: the timers tell the
journal each described move they schedule or run; a ``ran`` line goes in the same write as
the records the move changed, never before (a move that ran unwritten runs again after a
restart, at its own moment, to the same effect). A replay keeps the moves as a set: an
``at`` of a move already owed and a ``ran`` of one not owed change nothing.

Which records a change touched is found from the call itself: every string of its request
and answer that is an ID, name or ARN of a record, and any record filed since the last write
that nothing named (the newest of a kind that grew), then every record those reference
(before and after), as long as records keep changing. Each candidate is encoded and compared
with the encoding last written, so only records that really changed are written.

A compaction writes ``FILE.pinpoint-mock-tmp`` and ``FILE.journal.pinpoint-mock-tmp`` in full
and ``fsync``'d before renaming either, so a crash at any point leaves either the old pair or
the new pair; the start finishes a compaction that got that far. A file that is not JSON, not
pinpoint-mock state, of an unknown version, or a journal that does not belong to its snapshot
is refused at start and left as it is.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pinpoint_mock.engine import arns, snapshot
from pinpoint_mock.engine.clock import Move
from pinpoint_mock.engine.dispatch import Service
from pinpoint_mock.engine.errors import MockError
from pinpoint_mock.engine.store import RegionState, Store

JOURNAL_FORMAT = "pinpoint-mock-journal"
JOURNAL_VERSION = 1
_TMP = ".pinpoint-mock-tmp"


class StateFileError(MockError):
    """A state file that cannot be used; the server does not start, and the file is kept."""


def _strings(value: Any, out: set[str]) -> None:
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            out.add(k)
            _strings(v, out)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _strings(v, out)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _sync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # a platform without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _RegionCache:
    """What the files say about one region: each record's JSON as last written."""

    __slots__ = ("fields", "records", "seq")

    def __init__(self) -> None:
        self.records: dict[str, dict[str, str]] = {}
        self.fields: dict[str, Any] = {}  # dict field -> its length; other -> its JSON
        self.seq = 0


class StateFile:
    """The on-disk state of one server: ``open()`` loads it into ``service`` and starts the
    journal; ``close()`` folds the journal into a new snapshot."""

    def __init__(self, path: str | os.PathLike[str], service: Service) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self._service = service
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._cache: dict[tuple[str, str], _RegionCache] = {}
        self._pending: list[bytes] | None = None
        # The clock's moves told by the timers, by region, until that region's next write.
        self._moves: dict[tuple[str, str], list[tuple[str, Move]]] = {}

    # -- start and stop --------------------------------------------------------------------

    def open(self) -> None:
        """Load the files (refusing corrupt or foreign ones), then compact them."""
        try:
            self._finish_compaction()
            store = self._load()
            self._service.store.replace(store)
            self._compact(rebuild=True)
        except StateFileError:
            raise
        except OSError as error:  # no such folder, no permission, a read-only disk...
            raise StateFileError(
                f"pinpoint-mock: cannot keep the state in {self.path}: "
                f"{error.strerror or error} ({error.filename or self.path}). Name a file in a "
                "folder this process can write with --state."
            ) from None
        self._service.store.timers.journal = deque()
        self._service.observer = self

    def close(self) -> None:
        """Fold the journal into a new snapshot and stop writing."""
        if self._fd is None:
            return
        self._service.observer = None
        self._service.store.timers.journal = None
        self._compact(rebuild=False)
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    def _refuse(self, path: Path, why: str) -> StateFileError:
        return StateFileError(
            f"pinpoint-mock: cannot use the state file {path}: {why}. It was left as it is; "
            "move it away or name another file with --state."
        )

    def _finish_compaction(self) -> None:
        """Complete (or drop) a compaction a crash interrupted."""
        snap_tmp = self.path.with_name(self.path.name + _TMP)
        journal_tmp = self.journal_path.with_name(self.journal_path.name + _TMP)
        if snap_tmp.exists():
            if journal_tmp.exists() and self._header_hash(journal_tmp) == _digest(
                snap_tmp.read_bytes()
            ):
                os.replace(snap_tmp, self.path)
            else:
                snap_tmp.unlink()
        if journal_tmp.exists():
            if self.path.exists() and self._header_hash(journal_tmp) == _digest(
                self.path.read_bytes()
            ):
                os.replace(journal_tmp, self.journal_path)
            else:
                journal_tmp.unlink()
        _sync_dir(self.path.parent)

    @staticmethod
    def _header_hash(path: Path) -> str | None:
        try:
            with open(path, "rb") as f:
                header = json.loads(f.readline())
        except (OSError, ValueError):
            return None
        if isinstance(header, dict) and header.get("format") == JOURNAL_FORMAT:
            found = header.get("snapshot")
            return found if isinstance(found, str) else None
        return None

    def _load(self) -> Store:
        if not self.path.exists():
            if self.journal_path.exists():
                raise self._refuse(
                    self.journal_path, f"it is a journal without its snapshot {self.path}"
                )
            return Store()
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            raise self._refuse(self.path, f"it cannot be read ({error})") from None
        if not raw.strip():
            store = Store()  # an empty file: an empty state
        else:
            try:
                data = json.loads(raw)
            except ValueError as error:
                raise self._refuse(self.path, f"it is not JSON ({error})") from None
            try:
                store = snapshot.import_store(data)
            except MockError as error:
                raise self._refuse(self.path, str(error)) from None
        if self.journal_path.exists():
            self._replay(store, _digest(raw))
        return store

    def _replay(self, store: Store, snapshot_digest: str) -> None:
        path = self.journal_path
        with open(path, "rb") as f:
            lines = f.read().split(b"\n")
        # The last piece has no newline: a write cut short, never answered; it is dropped.
        lines.pop()
        if not lines:
            raise self._refuse(path, "it has no header line")
        try:
            header = json.loads(lines[0])
        except ValueError:
            header = None
        if not isinstance(header, dict) or header.get("format") != JOURNAL_FORMAT:
            raise self._refuse(path, "it is not a pinpoint-mock journal")
        if header.get("version") != JOURNAL_VERSION:
            raise self._refuse(
                path,
                f"journal version {header.get('version')!r} is not one this pinpoint-mock "
                f"reads ({JOURNAL_VERSION})",
            )
        if header.get("snapshot") != snapshot_digest:
            raise self._refuse(
                path,
                f"it continues another snapshot than {self.path} (remove the journal to start "
                f"from {self.path} alone)",
            )
        owed: dict[Move, str] = {}  # moves the journal adds to the snapshot's: where told
        ran: set[Move] = set()
        for number, line in enumerate(lines[1:], 2):
            try:
                _apply(store, json.loads(line), f"line {number}", owed, ran)
            except (ValueError, MockError, TypeError, IndexError) as error:
                raise self._refuse(path, f"line {number}: {error}") from None
        # What the clock owes: the snapshot's moves and those told since, but those that ran.
        if ran:
            store.timers.drop(ran)
        known = set(store.timers.moves())
        for move, where in owed.items():
            if move not in ran and move not in known:
                try:
                    snapshot.schedule_move(store, move, where)
                except MockError as error:
                    raise self._refuse(path, f"{where}: {error}") from None
        store._where.clear()
        for state in store.regions():
            snapshot.reindex(store, state)

    # -- compaction --------------------------------------------------------------------------

    def _compact(self, rebuild: bool) -> None:
        """Write a new snapshot and an empty journal; with ``rebuild`` (start, reset, import)
        the cache is rebuilt from the state, else it is kept (and changes made meanwhile go
        to both journals)."""
        with self._lock:
            self._pending = [] if not rebuild else None
            if rebuild:  # the new snapshot holds every move owed by now
                self._moves = {}
                told = self._service.store.timers.journal
                if told is not None:
                    told.clear()
        data = snapshot.export_store(self._service.store)
        text = json.dumps(data, indent=1, ensure_ascii=False).encode() + b"\n"
        header = _dumps(
            {"format": JOURNAL_FORMAT, "version": JOURNAL_VERSION, "snapshot": _digest(text)}
        )
        with self._lock:
            pending, self._pending = self._pending or [], None
            snap_tmp = self.path.with_name(self.path.name + _TMP)
            journal_tmp = self.journal_path.with_name(self.journal_path.name + _TMP)
            _write_durably(snap_tmp, text)
            _write_durably(journal_tmp, header.encode() + b"\n" + b"".join(pending))
            os.replace(snap_tmp, self.path)
            os.replace(journal_tmp, self.journal_path)
            _sync_dir(self.path.parent)
            if self._fd is not None:
                os.close(self._fd)
            self._fd = os.open(self.journal_path, os.O_WRONLY | os.O_APPEND)
            if rebuild:
                self._cache = {}
                for entry in data["regions"]:
                    self._cache[(entry["account_id"], entry["region"])] = _cache_of(entry)

    # -- the observer: every change, before its answer ----------------------------------------

    def changed(self, state: RegionState | None, hints: Any, everything: bool = False) -> None:
        if everything:
            self._compact(rebuild=True)
            return
        strings: set[str] = set()
        _strings(hints, strings)
        told = self._service.store.timers.journal
        if told:
            self._take_moves(told)
        if state is not None:
            with self._lock:
                self._write(self._diff(state, strings))
            return
        for each in self._service.store.regions():
            with each.lock, self._lock:
                self._write(self._diff(each, strings))

    def _take_moves(self, told: deque[tuple[str, Move]]) -> None:
        """File the moves the timers told of under their regions, in order."""
        with self._lock:
            while told:
                try:
                    event = told.popleft()
                except IndexError:  # another thread took the last one
                    break
                move = event[1]
                self._moves.setdefault((move.account_id, move.region), []).append(event)

    def _write(self, lines: list[bytes]) -> None:
        if not lines or self._fd is None:
            return
        data = b"".join(lines)
        os.write(self._fd, data)
        os.fsync(self._fd)
        if self._pending is not None:
            self._pending.append(data)

    def _diff(self, state: RegionState, strings: set[str]) -> list[bytes]:
        where = [state.account_id, state.region]
        key = (state.account_id, state.region)
        cache = self._cache.get(key)
        lines: list[bytes] = []
        moves = self._moves.pop(key, None) if self._moves else None
        if moves:  # a move that ran changed its registration: written in the same write
            strings = strings | {move.registration for op, move in moves if op == "ran"}
        if cache is None:
            cache = self._cache[key] = _RegionCache()
            lines.append(_line(["region", *where]))
            todo = {(t, rid) for t, records in state._kinds.items() for rid in records}
        else:
            todo = _candidates(state, cache, strings)
            todo |= {(t, rid) for t in snapshot.few_kinds() for rid in state._kinds.get(t, ())}
            todo |= _unnamed_new(state, cache)
        seen: set[tuple[str, str]] = set()
        new: dict[str, set[str]] = {}
        puts: dict[tuple[str, str], Any] = {}
        while todo:
            item = todo.pop()
            if item in seen:
                continue
            seen.add(item)
            arn_type, rid = item
            live = state._kinds.get(arn_type, {}).get(rid)
            cached = cache.records.get(arn_type, {})
            old = cached.get(rid)
            refs: set[str] = set()
            if live is None:
                if old is None:
                    continue
                del cached[rid]
                lines.append(_line(["del", *where, arn_type, rid]))
            else:
                encoded = snapshot.encode_record(arn_type, live)
                text = _dumps(encoded)
                if text == old:
                    continue
                cache.records.setdefault(arn_type, {})[rid] = text
                if old is None:
                    new.setdefault(arn_type, set()).add(rid)
                puts[item] = encoded
                _strings(encoded, refs)
            if old is not None:
                _strings(json.loads(old), refs)
            todo |= _candidates(state, cache, refs) - seen
        # new records in the order they were filed (they are the last of their kind)
        for arn_type, rids in new.items():
            ordered = list(_last(state._kinds[arn_type], rids))
            for rid in reversed(ordered):
                lines.append(_line(["put", *where, arn_type, puts.pop((arn_type, rid))]))
        for (arn_type, _), encoded in puts.items():
            lines.append(_line(["put", *where, arn_type, encoded]))
        self._diff_fields(state, cache, where, lines)
        if state._next_seq != cache.seq:
            cache.seq = state._next_seq
            lines.append(_line(["seq", *where, state._next_seq]))
        for op, move in moves or ():
            lines.append(_line([op, *where, *snapshot.encode_moves([move])]))
        return lines

    @staticmethod
    def _diff_fields(
        state: RegionState, cache: _RegionCache, where: list[str], lines: list[bytes]
    ) -> None:
        for name, field_codec in snapshot.fields().items():
            value = getattr(state, name)
            if isinstance(value, dict):
                known = cache.fields.get(name, 0)
                if len(value) == known:
                    continue
                if len(value) > known:  # an append-only log: the entries added since
                    added = []
                    for i, k in enumerate(reversed(value)):
                        if i >= len(value) - known:
                            break
                        added.append(k)
                    entries = {k: value[k] for k in reversed(added)}
                    lines.append(_line(["add", *where, name, field_codec.encode(entries)]))
                else:
                    lines.append(_line(["set", *where, name, field_codec.encode(value)]))
                cache.fields[name] = len(value)
            else:
                encoded = field_codec.encode(value)
                text = _dumps(encoded)
                if cache.fields.get(name) != text:
                    cache.fields[name] = text
                    lines.append(_line(["set", *where, name, encoded]))


def _line(entry: list[Any]) -> bytes:
    return _dumps(entry).encode() + b"\n"


def _last(records: dict[str, Any], rids: set[str]) -> Iterator[str]:
    """``rids`` in reverse filing order (they are at the end of ``records``)."""
    left = set(rids)
    for rid in reversed(records):
        if not left:
            return
        if rid in left:
            left.discard(rid)
            yield rid
    yield from left  # not at the end (cannot happen): any order


def _candidates(state: RegionState, cache: _RegionCache, strings: set[str]) -> set[tuple[str, str]]:
    """The (kind, ID) pairs that ``strings`` name in ``state``, live or last written."""
    found: set[tuple[str, str]] = set()
    kinds = state._kinds
    for s in strings:
        if s.startswith("arn:"):
            parsed = arns.parse(s)
            if parsed is not None and arns.names_here(parsed, state):
                found.add((parsed.kind, parsed.resource_id))
            if s in kinds.get("policy", ()) or s in cache.records.get("policy", ()):
                found.add(("policy", s))
            continue
        for arn_type, records in kinds.items():
            if s in records:
                found.add((arn_type, s))
        for arn_type, written in cache.records.items():
            if s in written:
                found.add((arn_type, s))
    return found


def _unnamed_new(state: RegionState, cache: _RegionCache) -> set[tuple[str, str]]:
    """Records filed since the last write that nothing the call said names (the sender ID a
    review's approval brings): the newest of a kind that holds more records than were
    written. A length per kind while nothing is new."""
    found: set[tuple[str, str]] = set()
    for arn_type, records in state._kinds.items():
        written = cache.records.get(arn_type)
        if len(records) <= (len(written) if written is not None else 0):
            continue
        for rid in reversed(records):
            if written is not None and rid in written:
                break
            found.add((arn_type, rid))
    return found


def _cache_of(entry: dict[str, Any]) -> _RegionCache:
    cache = _RegionCache()
    for arn_type, records in entry["resources"].items():
        cache.records[arn_type] = {r["id"]: _dumps(r) for r in records}
    for name in snapshot.fields():
        value = entry[name]
        cache.fields[name] = len(value) if isinstance(value, dict) else _dumps(value)
    cache.seq = entry["next_seq"]
    return cache


def _apply(store: Store, entry: Any, where: str, owed: dict[Move, str], ran: set[Move]) -> None:
    """Apply one journal line to ``store``; the clock's moves are collected in ``owed`` and
    ``ran`` (applied once the whole journal is read)."""
    if (
        not isinstance(entry, list)
        or len(entry) < 3
        or not all(isinstance(x, str) for x in entry[:3])
    ):
        raise MockError(f"{entry!r:.80} is not a journal entry")
    op, account, region = entry[0], entry[1], entry[2]
    if op == "region":
        if store.existing(account, region) is None:
            fresh = store.region(account, region)
            for records in fresh._kinds.values():
                records.clear()  # the seeds come as put lines
        return
    state = store.existing(account, region)
    if state is None:
        raise MockError(f"account {account} {region} has no region line before it")
    if op == "put" and len(entry) == 5 and isinstance(entry[3], str):
        record = snapshot.decode_record(entry[3], entry[4], where)
        snapshot.place(state, entry[3], record, where)
    elif op == "del" and len(entry) == 5 and isinstance(entry[3], str):
        state._kinds.get(entry[3], {}).pop(entry[4], None)
    elif op == "add" and len(entry) == 5 and isinstance(entry[3], str):
        added = snapshot.decode_field(entry[3], entry[4], where)
        getattr(state, entry[3]).update(added)
    elif op == "set" and len(entry) == 5 and isinstance(entry[3], str):
        setattr(state, entry[3], snapshot.decode_field(entry[3], entry[4], where))
    elif op == "seq" and len(entry) == 4 and type(entry[3]) is int:
        state._next_seq = max(state._next_seq, entry[3])
    elif op in ("at", "ran") and len(entry) == 4:
        move = snapshot.decode_move(entry[3], where)
        if (move.account_id, move.region) != (account, region):
            raise MockError(f"{entry!r:.80}: the move is not of account {account} {region}")
        if op == "at":
            owed.setdefault(move, where)
        else:
            ran.add(move)
    else:
        raise MockError(f"{entry!r:.80} is not a journal entry")
