"""``pinpoint-mock demo``, run in-process: the table it prints follows the real lifecycle."""

from __future__ import annotations

import io
import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pinpoint_mock import demo, mock
from tests.profiles import missing_tool

EXPECTED_ROWS = [
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
FOOTER = "\n26 calls answered in-process by pinpoint-mock; nothing was sent to AWS.\n"


def no_aws_configuration(home: Path) -> dict[str, str]:
    """The environment without any AWS_* variable, a HOME without ~/.aws, and the config and
    credentials files pointed at files that do not exist."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        HOME=str(home),
        AWS_CONFIG_FILE=str(home / "no-such-config"),
        AWS_SHARED_CREDENTIALS_FILE=str(home / "no-such-credentials"),
    )
    return env


def _rows(text: str) -> list[list[str]]:
    lines = text.splitlines()
    assert lines[0].split() == ["who", "step", "registration", "latest", "version"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    body = lines[2 : lines.index("")]
    # the last two columns: registration status, then "vN STATUS"
    return [line.split()[-3:] for line in body]


SENDING_OUTCOMES = [
    "TEXT_PENDING -> TEXT_SUCCESSFUL",
    "set_delivery(..., TEXT_BLOCKED)",
    "TEXT_PENDING -> TEXT_BLOCKED",
    "OPT_OUT, replied",
    "refused: DESTINATION_PHONE_NUMBER_OPTED_OUT",
]


def test_the_sending_chapter_sends_blocks_opts_out_and_is_refused() -> None:
    out = io.StringIO()
    demo.run(out)
    chapters = out.getvalue().split("\n\n")
    lines = chapters[1].splitlines()
    assert lines[0].split() == ["who", "sending", "outcome"]
    outcomes = [line.split("  ")[-1].strip() for line in lines[3:]]
    assert outcomes == SENDING_OUTCOMES


def test_the_demo_walks_a_denial_and_a_resubmission() -> None:
    out = io.StringIO()
    demo.run(out)
    assert _rows(out.getvalue()) == EXPECTED_ROWS
    assert out.getvalue().endswith(FOOTER)
    assert mock.current() is None


def test_the_demo_needs_no_aws_configuration(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # In-process, under the suite's network guard: no AWS_* variable, no config files.
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    for name, value in no_aws_configuration(tmp_path).items():
        if name not in os.environ or os.environ[name] != value:
            monkeypatch.setenv(name, value)
    out = io.StringIO()
    demo.run(out)
    assert _rows(out.getvalue()) == EXPECTED_ROWS
    # The suite's guard fixture checks the environment is as it was afterwards.


def test_the_installed_console_script_runs_the_demo(tmp_path: Path) -> None:
    """`pinpoint-mock demo`, the command README.md shows, as the installed entry point."""
    script = Path(sys.executable).with_name("pinpoint-mock")
    if not script.exists():
        found = shutil.which("pinpoint-mock")
        if found is None:
            missing_tool("the pinpoint-mock console script", "pip install -e . installs it")
        script = Path(found)
    done = subprocess.run(
        [str(script), "demo"],
        env=no_aws_configuration(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _rows(done.stdout) == EXPECTED_ROWS
    assert done.stdout.endswith(FOOTER)
    assert done.stderr == ""


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
