"""The lifecycle as pictures: Mermaid state diagrams generated from the code, for the docs.

* :func:`version_diagram` draws :data:`lifecycle.TRANSITIONS` as it stands.
* :func:`registration_diagram` draws the registration statuses as the mock really moves
  between them: it explores every event (the operations that change state and every step
  of the review API) from every reachable state, in a private activation, and records the
  status that :func:`lifecycle.registration_status` gives after each one.

``docs/generate.py`` writes both into the docs; a test fails when the committed copy is stale.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import json
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from pinpoint_mock.engine import model
from pinpoint_mock.engine.ids import new_id
from pinpoint_mock.service.registrations import lifecycle as lc
from pinpoint_mock.service.registrations.records import Registration

# The operations that move a registration or its versions (Describe* only read).
STATE_CHANGING_OPERATIONS = (
    "CreateRegistrationVersion",
    "SubmitRegistrationVersion",
    "DiscardRegistrationVersion",
    "DeleteRegistration",
)


def _edges_to_mermaid(
    edges: Iterable[tuple[str, str, str]], start: tuple[str, str], end: str | None = None
) -> str:
    """``stateDiagram-v2`` text; parallel edges share one arrow with their labels joined."""
    labels: dict[tuple[str, str], list[str]] = {}
    for source, event, target in edges:
        pair = labels.setdefault((source, target), [])
        if event not in pair:
            pair.append(event)
    lines = ["stateDiagram-v2", f"    [*] --> {start[0]} : {start[1]}"]
    for (source, target), events in labels.items():
        lines.append(f"    {source} --> {target} : {', '.join(events)}")
    if end is not None:
        lines.append(f"    {end} --> [*]")
    return "\n".join(lines) + "\n"


def version_edges() -> list[tuple[str, str, str]]:
    """``(from, event, to)`` for every source of every transition, in table order."""
    edges = []
    for transition in lc.TRANSITIONS:
        for source in ordered(transition.sources):
            edges.append((source, transition.event, transition.target))
    return edges


def ordered(statuses: Iterable[str]) -> list[str]:
    """Statuses in lifecycle order: DRAFT, then each status as the table first reaches it
    from the ones before (independent of botocore)."""
    order: list[str] = [lc.DRAFT]
    grown = True
    while grown:
        grown = False
        for transition in lc.TRANSITIONS:
            if transition.target not in order and transition.sources & set(order):
                order.append(transition.target)
                grown = True
    chosen = set(statuses)
    return [s for s in order if s in chosen] + sorted(chosen - set(order))


def version_diagram() -> str:
    """The version state machine, one arrow per (from, to), labelled with its events."""
    return _edges_to_mermaid(
        version_edges(), (lc.DRAFT, "CreateRegistration, CreateRegistrationVersion")
    )


# -- the registration, explored -------------------------------------------------------------

_REGION = "us-east-1"


class _Lab:
    """A private service to explore in: requests go through the real dispatch path (the
    call log, validation, the operations); review steps through the real Review."""

    def __init__(self) -> None:
        import pinpoint_mock.service.table  # noqa: F401 - the operations, also when run alone
        from pinpoint_mock.engine.dispatch import Service
        from pinpoint_mock.service.options import Options

        self.service = Service(Options.build())
        self.state = self.service.store.region(self.service.options.account_id, _REGION)

    def call(self, operation: str, params: dict[str, Any]) -> dict[str, Any] | None:
        """The operation's result, or None when the service refuses it."""
        from pinpoint_mock.engine.wire import Request

        state = self.state
        request = Request(operation, params, state.account_id, state.region, "diagram")
        response = self.service.handle(request)
        body: dict[str, Any] = json.loads(response.body)
        return body if response.status == 200 else None

    def create(self) -> Registration:
        result = self.call("CreateRegistration", {"RegistrationType": "US_TOLL_FREE_REGISTRATION"})
        assert result is not None
        return self.state.registrations[result["RegistrationId"]]

    def clone(self, reg: Registration) -> Registration:
        """An independent copy of ``reg`` (a new ID) in the same place."""
        versions = [dataclasses.replace(v, history=dict(v.history)) for v in reg.versions]
        twin = dataclasses.replace(
            reg, id=new_id("registration"), seq=self.state.next_seq(), versions=versions
        )
        self.state.add(twin)
        self.service.store.index(twin.id, self.state)
        return twin

    def gone(self, reg: Registration) -> bool:
        return self.state.registrations.get(reg.id) is not reg


Step = Callable[[_Lab, Registration], bool]  # True when the move was made


@dataclasses.dataclass(frozen=True)
class Event:
    label: str
    apply: Step


def _operation(name: str) -> Event:
    return Event(name, lambda lab, reg: lab.call(name, {"RegistrationId": reg.id}) is not None)


def _review_step(name: str, **kwargs: Any) -> Event:
    from pinpoint_mock.engine.errors import InvalidTransition
    from pinpoint_mock.service.registrations.review import Review

    def apply(lab: _Lab, reg: Registration) -> bool:
        try:
            getattr(Review(lab.state, reg), name)(**kwargs)
        except InvalidTransition:
            return False
        return True

    shown = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    return Event(f"review.{name}({shown})", apply)


def events() -> list[Event]:
    """Every way a registration can be moved: the state-changing operations, and every
    public step of :class:`~pinpoint_mock.service.registrations.review.Review` (found by looking,
    so a new step shows up here by itself), ``approve`` also with provisioning."""
    from pinpoint_mock.service.registrations.review import Review

    found = [_operation(name) for name in STATE_CHANGING_OPERATIONS]
    for name, member in vars(Review).items():
        if name.startswith("_") or not inspect.isfunction(member):
            continue
        if inspect.signature(member).return_annotation not in ("Review", Review):
            continue  # not a step: steps return the Review so calls chain
        found.append(_review_step(name))
        if "provisioning" in inspect.signature(member).parameters:
            found.append(_review_step(name, provisioning=True))
    return found


def _key(reg: Registration) -> tuple[object, ...]:
    """Everything the next move can depend on (version numbers and times aside)."""
    return (
        reg.status,
        reg.current.status,
        reg.approved is not None,
        reg.provisioning,
        reg.closed,
        frozenset(v.status for v in reg.versions),
        len(reg.versions) > 1,
    )


# What a registration's history says about where it goes when a version leaves review: the
# inputs of lifecycle.registration_status besides the current version. Mutually exclusive.
_PROVISIONING, _IN_FORCE, _DENIED_BEFORE, _NOTHING_DECIDED = range(4)
_CONDITIONS = {
    frozenset({_PROVISIONING}): "an approved version is in force and still provisioning",
    frozenset({_IN_FORCE}): "an approved version is in force and provisioned",
    frozenset({_PROVISIONING, _IN_FORCE}): "an approved version is in force",
    frozenset({_DENIED_BEFORE}): "none is in force, and a version was denied or revoked",
    frozenset({_NOTHING_DECIDED}): "no version was ever approved, denied or revoked",
    frozenset({_DENIED_BEFORE, _NOTHING_DECIDED}): "no approved version is in force",
}


def _history(reg: Registration) -> int:
    if reg.provisioning:
        return _PROVISIONING
    if reg.approved is not None:
        return _IN_FORCE
    if any(v.status in (lc.DENIED, lc.REVOKED) for v in reg.versions):
        return _DENIED_BEFORE
    return _NOTHING_DECIDED


@functools.cache
def _explore() -> tuple[tuple[str, str, int, str], ...]:
    """``(from status, event, history before, to status)`` for every event that changes the
    registration's status from some reachable state, found by breadth-first search (once per
    process: the table and the installed botocore do not change)."""
    lab = _Lab()
    alphabet = events()
    moves: list[tuple[str, str, int, str]] = []
    first = lab.create()
    seen = {_key(first)}
    queue = deque([first])
    while queue:
        reg = queue.popleft()
        for event in alphabet:
            twin = lab.clone(reg)
            if not event.apply(lab, twin):
                continue  # the real service refuses this move from here
            target = lc.DELETED if lab.gone(twin) else twin.status
            if target != reg.status:
                moves.append((reg.status, event.label, _history(reg), target))
            if not lab.gone(twin) and _key(twin) not in seen:
                seen.add(_key(twin))
                queue.append(twin)
    return tuple(moves)


def registration_edges() -> list[tuple[str, str, str]]:
    """``(from status, event, to status)`` for every event that changes the registration's
    status from some reachable state, found by breadth-first search."""
    return _sorted_edges([(a, e, b) for a, e, _, b in _explore()])


def registration_moves() -> list[tuple[str, str, str, str]]:
    """``(from, event, condition, to)``: :func:`registration_edges` with the condition under
    which the event leads there ("" when the event always leads to the same status)."""
    moves = _explore()
    targets: dict[tuple[str, str], dict[int, str]] = {}
    for source, event, history, target in moves:
        known = targets.setdefault((source, event), {}).setdefault(history, target)
        if known != target:  # the history chosen above does not decide the move: say so
            raise AssertionError(
                f"{source} --{event}--> {known} or {target} from the same history; "
                "diagram._history needs another distinction"
            )
    rows: list[tuple[str, str, str, str]] = []
    for (source, event), by_history in targets.items():
        leads = set(by_history.values())
        for target in leads:
            histories = frozenset(h for h, t in by_history.items() if t == target)
            condition = "" if len(leads) == 1 else _CONDITIONS[histories]
            rows.append((source, event, condition, target))
    order = [*model.enum("RegistrationStatus"), lc.DELETED]
    rank = {status: i for i, status in enumerate(order)}
    labels = list(dict.fromkeys(e.label for e in events()))
    return sorted(
        rows,
        key=lambda r: (
            rank.get(r[0], len(order)),
            labels.index(r[1]) if r[1] in labels else len(labels),
            rank.get(r[3], len(order)),
        ),
    )


def _sorted_edges(edges: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    order = [*model.enum("RegistrationStatus"), lc.DELETED]
    rank = {status: i for i, status in enumerate(order)}
    unique = list(dict.fromkeys(edges))
    return sorted(unique, key=lambda e: (rank.get(e[0], len(order)), rank.get(e[2], len(order))))


UNDER_REVIEW_GROUP = "UNDER_REVIEW"


def _grouped_edges() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The edges inside the under-review group, and the others with the group as one
    state: every way in enters at SUBMITTED; a move that leaves from every member is one
    arrow from the group. Review steps are written without ``review.``."""
    group = set(lc.UNDER_REVIEW.values())
    members = [s for s in model.enum("RegistrationStatus") if s in group]
    edges = [(a, e.removeprefix("review."), b) for a, e, b in registration_edges()]
    inside = [(a, e, b) for a, e, b in edges if a in group and b in group]
    outside = [(a, e, b) for a, e, b in edges if not (a in group and b in group)]
    sources: dict[tuple[str, str], set[str]] = {}
    for a, e, b in outside:
        sources.setdefault((e, b), set()).add(a)
    drawn: list[tuple[str, str, str]] = []
    for a, e, b in outside:
        if b == lc.SUBMITTED:
            b = UNDER_REVIEW_GROUP  # every way in enters at SUBMITTED
        if a in group and set(members) <= sources[(e, b)]:
            a = UNDER_REVIEW_GROUP  # drawn once, from the group
        if (a, e, b) not in drawn:
            drawn.append((a, e, b))
    return inside, drawn


def registration_diagram() -> str:
    """The registration statuses and the events that move between them, with the statuses
    a registration shows while its current version is under review drawn as one state
    (:func:`under_review_diagram` draws what happens inside it)."""
    _, drawn = _grouped_edges()
    text = _edges_to_mermaid(drawn, (lc.CREATED, "CreateRegistration"), end=lc.DELETED)
    lines = text.splitlines()
    declared = f'    state "under review" as {UNDER_REVIEW_GROUP}'
    return "\n".join([lines[0], declared, *lines[1:]]) + "\n"


def under_review_diagram() -> str:
    """The moves between the statuses of the under-review group, entered at SUBMITTED."""
    inside, _ = _grouped_edges()
    lines = _edges_to_mermaid(inside, ("", "")).splitlines()
    return "\n".join([lines[0], f"    [*] --> {lc.SUBMITTED}", *lines[2:]]) + "\n"
