"""``pinpoint-mock demo``, run in-process: the table it prints follows the real lifecycle."""

from __future__ import annotations

import io
import runpy
import sys
from pathlib import Path

import pytest

from pinpoint_mock import demo, mock


def _rows(text: str) -> list[list[str]]:
    lines = text.splitlines()
    assert lines[0].split() == ["who", "step", "registration", "latest", "version"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    body = lines[2 : lines.index("")]
    # the last two columns: registration status, then "vN STATUS"
    return [line.split()[-3:] for line in body]


def test_the_demo_walks_a_denial_and_a_resubmission() -> None:
    out = io.StringIO()
    demo.run(out)
    assert _rows(out.getvalue()) == [
        ["CREATED", "v1", "DRAFT"],
        ["SUBMITTED", "v1", "SUBMITTED"],
        ["REVIEWING", "v1", "REVIEWING"],
        ["REQUIRES_AUTHENTICATION", "v1", "REQUIRES_AUTHENTICATION"],
        ["REVIEWING", "v1", "REVIEWING"],
        ["REQUIRES_UPDATES", "v1", "DENIED"],
        ["REQUIRES_UPDATES", "v2", "DRAFT"],
        ["SUBMITTED", "v2", "SUBMITTED"],
        ["COMPLETE", "v2", "APPROVED"],
    ]
    assert out.getvalue().endswith(
        "\n22 calls answered in-process by pinpoint-mock; nothing was sent to AWS.\n"
    )
    assert mock.current() is None


def test_python_dash_m_runs_the_demo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["pinpoint_mock", "demo"])
    with pytest.raises(SystemExit) as exited:
        # run_path, not run_module: pytest's assertion-rewriting import hook claims the
        # package (its plugin lives in it) and cannot hand runpy a module's code
        runpy.run_path(str(Path(demo.__file__).with_name("__main__.py")), run_name="__main__")
    assert exited.value.code == 0
    assert "COMPLETE" in capsys.readouterr().out
