"""The lifecycle diagrams: drawn from the transition table and from exploring the mock."""

from __future__ import annotations

import pytest

from pinpoint_mock.engine import model
from pinpoint_mock.service.registrations import diagram
from pinpoint_mock.service.registrations import lifecycle as lc


def test_the_version_diagram_has_one_arrow_per_table_entry() -> None:
    text = diagram.version_diagram()
    assert text.startswith("stateDiagram-v2\n    [*] --> DRAFT : ")
    for transition in lc.TRANSITIONS:
        for source in transition.sources:
            arrow = f"    {source} --> {transition.target} : "
            [line] = [line for line in text.splitlines() if line.startswith(arrow)]
            assert transition.event in line.partition(" : ")[2].split(", ")


def test_statuses_come_in_lifecycle_order() -> None:
    order = diagram.ordered({lc.APPROVED, lc.DRAFT, lc.REVIEWING, lc.SUBMITTED})
    assert order == [lc.DRAFT, lc.SUBMITTED, lc.REVIEWING, lc.APPROVED]


@pytest.fixture(scope="module")
def edges() -> list[tuple[str, str, str]]:
    return diagram.registration_edges()


def test_exploring_reaches_every_registration_status(edges: list[tuple[str, str, str]]) -> None:
    reached = {lc.CREATED} | {target for _, _, target in edges}
    assert reached == {*model.enum("RegistrationStatus"), lc.DELETED}


@pytest.mark.parametrize(
    "edge",
    [
        ("CREATED", "SubmitRegistrationVersion", "SUBMITTED"),
        ("REVIEWING", "review.deny()", "REQUIRES_UPDATES"),
        ("REVIEWING", "review.deny()", "COMPLETE"),  # an earlier approval still in force
        ("REVIEWING", "DiscardRegistrationVersion", "CREATED"),
        ("PROVISIONING", "review.complete()", "COMPLETE"),
        ("COMPLETE", "review.revoke()", "REQUIRES_UPDATES"),
        ("CLOSED", "DeleteRegistration", "DELETED"),
    ],
)
def test_known_moves_are_found(
    edges: list[tuple[str, str, str]], edge: tuple[str, str, str]
) -> None:
    assert edge in edges


@pytest.mark.parametrize(
    "edge",
    [
        ("SUBMITTED", "DeleteRegistration", "DELETED"),  # refused under review
        ("CREATED", "review.approve()", "COMPLETE"),  # nothing was submitted
        ("CLOSED", "SubmitRegistrationVersion", "SUBMITTED"),
    ],
)
def test_refused_moves_are_not_drawn(
    edges: list[tuple[str, str, str]], edge: tuple[str, str, str]
) -> None:
    assert edge not in edges


def test_no_arrow_keeps_the_status(edges: list[tuple[str, str, str]]) -> None:
    assert all(source != target for source, _, target in edges)


def test_the_registration_diagram_is_mermaid() -> None:
    lines = diagram.registration_diagram().splitlines()
    assert lines[0] == "stateDiagram-v2"
    assert "    [*] --> CREATED : CreateRegistration" in lines
    assert lines[-1] == "    DELETED --> [*]"


def test_the_review_statuses_are_one_state_drawn_apart() -> None:
    outer = diagram.registration_diagram().splitlines()
    assert outer[1] == '    state "under review" as UNDER_REVIEW'
    assert "    CREATED --> UNDER_REVIEW : SubmitRegistrationVersion" in outer
    assert "    UNDER_REVIEW --> CLOSED : close()" in outer  # once, not from each member
    assert not any(line.startswith("    REVIEWING --> ") for line in outer)
    assert not any("{" in line for line in outer)  # no composite state: the box is apart
    inner = diagram.under_review_diagram().splitlines()
    assert inner[:2] == ["stateDiagram-v2", "    [*] --> SUBMITTED"]
    assert "    REVIEWING --> REQUIRES_AUTHENTICATION : require_authentication()" in inner
    assert not any("CREATED" in line or "COMPLETE" in line for line in inner)


@pytest.fixture(scope="module")
def moves() -> list[tuple[str, str, str, str]]:
    return diagram.registration_moves()


def test_every_move_has_one_row_and_the_same_arrows(
    moves: list[tuple[str, str, str, str]], edges: list[tuple[str, str, str]]
) -> None:
    assert sorted({(a, e, b) for a, e, _, b in moves}) == sorted(edges)
    assert len(moves) == len(set(moves))


@pytest.mark.parametrize(
    ("source", "event", "condition", "target"),
    [
        ("REVIEWING", "review.deny()", "no approved version is in force", "REQUIRES_UPDATES"),
        (
            "REVIEWING",
            "review.deny()",
            "an approved version is in force and provisioned",
            "COMPLETE",
        ),
        (
            "SUBMITTED",
            "review.deny()",
            "an approved version is in force and still provisioning",
            "PROVISIONING",
        ),
        (
            "SUBMITTED",
            "DiscardRegistrationVersion",
            "no version was ever approved, denied or revoked",
            "CREATED",
        ),
        (
            "SUBMITTED",
            "DiscardRegistrationVersion",
            "none is in force, and a version was denied or revoked",
            "REQUIRES_UPDATES",
        ),
        ("SUBMITTED", "review.approve()", "", "COMPLETE"),  # always
        ("COMPLETE", "review.revoke()", "", "REQUIRES_UPDATES"),
    ],
)
def test_the_condition_says_which_history_leads_where(
    moves: list[tuple[str, str, str, str]], source: str, event: str, condition: str, target: str
) -> None:
    assert (source, event, condition, target) in moves


def test_an_event_with_one_outcome_has_no_condition(
    moves: list[tuple[str, str, str, str]],
) -> None:
    outcomes: dict[tuple[str, str], set[str]] = {}
    for source, event, _, target in moves:
        outcomes.setdefault((source, event), set()).add(target)
    for source, event, condition, _ in moves:
        assert (condition == "") == (len(outcomes[(source, event)]) == 1)
