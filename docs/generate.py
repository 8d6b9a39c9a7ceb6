"""Write the generated parts of the docs from the code: ``python docs/generate.py``.

A generated part sits between two markers in a page::

    <!-- generated: NAME (python docs/generate.py) -->
    ...
    <!-- end generated -->

and is replaced by ``BLOCKS[NAME]()``. ``--check`` changes nothing and exits 1 when a page is
stale; ``tests/test_docs_generated.py`` runs the same check in the test suite.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from pinpoint_mock.service.registrations import diagram, errors_table
from pinpoint_mock.service.registrations import lifecycle as lc

DOCS = Path(__file__).resolve().parent

_BLOCK = re.compile(
    r"(<!-- generated: (?P<name>[a-z-]+) \(python docs/generate\.py\) -->\n)"
    r"(?P<body>.*?)"
    r"(<!-- end generated -->)",
    re.S,
)


def _mermaid(text: str) -> str:
    return f"```mermaid\n{text}```\n"


def _event(transition: lc.Transition) -> str:
    """What makes the move: an operation, a review step, or a side effect of one."""
    if transition.by == "review":
        return f"`review.{transition.event}()`"
    if transition.by.startswith("review:"):
        return transition.by.partition(":")[2].strip()
    return transition.by


def version_table() -> str:
    """The transition table as Markdown, plus the pass-through rule."""
    lines = ["| From | To | Made by |", "|---|---|---|"]
    for transition in lc.TRANSITIONS:
        sources = ", ".join(diagram.ordered(transition.sources))
        lines.append(f"| {sources} | {transition.target} | {_event(transition)} |")
    passing = " or ".join(diagram.ordered(lc.PASS_THROUGH_REVIEWING))
    lines += [
        "",
        f"`approve()` and `deny()` from {passing} pass through REVIEWING first (its "
        "timestamp is stamped too).",
        "",
    ]
    return "\n".join(lines)


def registration_table() -> str:
    """Every move of the registration, with the condition that decides where an event
    leads when it can lead to more than one status."""
    lines = ["| From | Event | When | To |", "|---|---|---|---|"]
    for source, event, condition, target in diagram.registration_moves():
        lines.append(f"| {source} | `{event}` | {condition or 'always'} | {target} |")
    return "\n".join(lines) + "\n"


def api_reference() -> str:
    """One mkdocstrings entry per public name (``pinpoint_mock.__all__``)."""
    import pinpoint_mock

    first = ["mock_sms_voice_v2", "MockActivation", "SmsVoiceV2Mock", "Review", "Call"]
    names = sorted(
        pinpoint_mock.__all__,
        key=lambda n: (n not in first, first.index(n) if n in first else 0, n),
    )
    return "".join(f"::: pinpoint_mock.{name}\n\n" for name in names)


BLOCKS: dict[str, Callable[[], str]] = {
    "version-diagram": lambda: _mermaid(diagram.version_diagram()),
    "version-table": version_table,
    "registration-diagram": lambda: _mermaid(diagram.registration_diagram()),
    "under-review-diagram": lambda: _mermaid(diagram.under_review_diagram()),
    "registration-table": registration_table,
    "errors-table": errors_table.markdown,
    "api-reference": api_reference,
}


def render(text: str) -> str:
    """``text`` with every generated part brought up to date."""
    cache: dict[str, str] = {}

    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in BLOCKS:
            raise KeyError(f"unknown generated block {name!r}; known: {', '.join(BLOCKS)}")
        if name not in cache:
            cache[name] = BLOCKS[name]()
        return match[1] + cache[name] + match[4]

    return _BLOCK.sub(fill, text)


def stale() -> list[Path]:
    """The pages whose generated parts differ from what the code gives now."""
    return [
        p
        for p in sorted(DOCS.rglob("*.md"))
        if render(p.read_text("utf-8")) != p.read_text("utf-8")
    ]


def main(argv: list[str]) -> int:
    pages = stale()
    if "--check" in argv:
        for page in pages:
            print(f"stale: {page.relative_to(DOCS.parent)} (run python docs/generate.py)")
        return 1 if pages else 0
    for page in pages:
        page.write_text(render(page.read_text("utf-8")), "utf-8")
        print(f"wrote {page.relative_to(DOCS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
