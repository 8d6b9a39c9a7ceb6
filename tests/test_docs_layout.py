"""The docs read well at page width: the first example a reader meets fits without a
horizontal scroll bar."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 80  # what the docs theme shows of a code block without scrolling


def first_code_block(page: Path) -> list[str]:
    found = re.search(r"^```\w*\n(.*?)^```", page.read_text("utf-8"), re.S | re.M)
    assert found is not None, f"{page} has no code block"
    return found.group(1).splitlines()


def test_the_index_pages_first_example_fits_the_page() -> None:
    lines = first_code_block(ROOT / "docs" / "index.md")
    too_wide = [line for line in lines if len(line) > WIDTH]
    assert not too_wide, f"lines over {WIDTH} characters: {too_wide}"


def test_no_doc_cites_a_reference_outside_the_repository() -> None:
    # The docs stand on their own: they cite AWS's pages or each other, not a file (or its
    # section numbers) that a reader of the repository does not have.
    for page in (ROOT / "docs").glob("*.md"):
        text = page.read_text("utf-8")
        assert "§" not in text, page.name
        assert "shared/reference" not in text, page.name
        assert "API.md" not in text, page.name
