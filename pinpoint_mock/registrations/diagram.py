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
import inspect
import json
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from pinpoint_mock import model
from pinpoint_mock.ids import new_id
from pinpoint_mock.registrations import lifecycle as lc
from pinpoint_mock.registrations.records import Registration

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
        from pinpoint_mock.dispatch import Service
        from pinpoint_mock.options import Options

        self.service = Service(Options.build())
        self.state = self.service.store.region(self.service.options.account_id, _REGION)

    def call(self, operation: str, params: dict[str, Any]) -> dict[str, Any] | None:
        """The operation's result, or None when the service refuses it."""
        from pinpoint_mock.wire import Request

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
    from pinpoint_mock.errors import InvalidTransition
    from pinpoint_mock.registrations.review import Review

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
    public step of :class:`~pinpoint_mock.registrations.review.Review` (found by looking,
    so a new step shows up here by itself), ``approve`` also with provisioning."""
    from pinpoint_mock.registrations.review import Review

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


def registration_edges() -> list[tuple[str, str, str]]:
    """``(from status, event, to status)`` for every event that changes the registration's
    status from some reachable state, found by breadth-first search."""
    lab = _Lab()
    alphabet = events()
    edges: list[tuple[str, str, str]] = []
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
                edges.append((reg.status, event.label, target))
            if not lab.gone(twin) and _key(twin) not in seen:
                seen.add(_key(twin))
                queue.append(twin)
    return _sorted_edges(edges)


def _sorted_edges(edges: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    order = [*model.enum("RegistrationStatus"), lc.DELETED]
    rank = {status: i for i, status in enumerate(order)}
    unique = list(dict.fromkeys(edges))
    return sorted(unique, key=lambda e: (rank.get(e[0], len(order)), rank.get(e[2], len(order))))


UNDER_REVIEW_GROUP = "UNDER_REVIEW"


def registration_diagram() -> str:
    """The registration statuses and the events that move between them.

    The statuses a registration shows while its current version is under review are drawn
    as one composite state, entered at SUBMITTED; a move that leaves from every one of them
    is drawn once, from the composite. Review steps are written without ``review.``.
    """
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
            a = UNDER_REVIEW_GROUP  # drawn once, from the composite
        if (a, e, b) not in drawn:
            drawn.append((a, e, b))
    text = _edges_to_mermaid(drawn, (lc.CREATED, "CreateRegistration"), end=lc.DELETED)
    lines = text.splitlines()
    block = [
        f'    state "under review" as {UNDER_REVIEW_GROUP} {{',
        f"        [*] --> {lc.SUBMITTED}",
    ]
    block += [
        line.replace("    ", "        ", 1)
        for line in _edges_to_mermaid(inside, ("", "")).splitlines()[2:]
    ]
    block.append("    }")
    return "\n".join([lines[0], *block, *lines[1:]]) + "\n"
