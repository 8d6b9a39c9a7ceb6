"""The generated parts of the docs (diagrams, tables, API entries) match the code now.

They are written by ``python docs/generate.py``; this fails when someone changed the code
and forgot to run it, or edited a generated part by hand.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from pinpoint_mock.engine import model

ROOT = Path(__file__).resolve().parents[1]


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = load_generator()


@pytest.fixture(autouse=True)
def _newest_model() -> None:
    # The pages are generated with a botocore that knows every status; an older model
    # draws fewer arrows, which is right for it but not what the pages show.
    for status in ("AWS_REVIEWING", "REQUIRES_OFFLINE_REVIEW"):
        if not model.knows_status(status):
            pytest.skip(f"this botocore's model lacks {status}")


def test_no_page_is_stale() -> None:
    stale = [p.relative_to(ROOT).as_posix() for p in generate.stale()]
    assert not stale, f"stale generated docs: {stale}; run `python docs/generate.py`"


def test_every_block_is_used_by_some_page() -> None:
    text = "".join(p.read_text("utf-8") for p in (ROOT / "docs").rglob("*.md"))
    for name in generate.BLOCKS:
        assert f"<!-- generated: {name} (python docs/generate.py) -->" in text, name


def test_a_stale_block_is_seen_and_rewritten() -> None:
    page = (
        "before\n<!-- generated: version-table (python docs/generate.py) -->\n"
        "| hand-edited |\n<!-- end generated -->\nafter\n"
    )
    fresh = generate.render(page)
    assert "hand-edited" not in fresh
    assert "| DRAFT | SUBMITTED | SubmitRegistrationVersion |" in fresh
    assert fresh.startswith("before\n")
    assert fresh.endswith("<!-- end generated -->\nafter\n")
    assert generate.render(fresh) == fresh


def test_an_unknown_block_is_an_error() -> None:
    with pytest.raises(KeyError, match="unknown generated block 'nope'"):
        generate.render(
            "<!-- generated: nope (python docs/generate.py) -->\n<!-- end generated -->"
        )
