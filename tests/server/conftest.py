"""Other clients of server mode, installed once into cached directories under the system temp
dir (keyed by name, shared by repeated runs and by xdist workers) and skipped, with the reason,
only when they cannot be installed."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "server.md"
# Each block the tests run follows a marker line "<!-- run: NAME -->" in docs/server.md.
_BLOCK = re.compile(r"<!-- run: (?P<name>[\w-]+) -->\s*```\w*\n(?P<code>.*?)```", re.DOTALL)


def doc_block(name: str) -> str:
    """The code block of docs/server.md that the tests run under this name."""
    blocks = {m["name"]: m["code"] for m in _BLOCK.finditer(DOC.read_text())}
    assert name in blocks, f"docs/server.md has no '<!-- run: {name} -->' block"
    return blocks[name]


def cached(name: str, build: Callable[[Path], None]) -> Path:
    """``<tmp>/pinpoint-mock-<name>``, built once by ``build`` (under a file lock, so parallel
    workers wait for one build) and reused while its ``.ready`` marker stands."""
    home = Path(tempfile.gettempdir()) / f"pinpoint-mock-{name}"
    with open(f"{home}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (home / ".ready").exists():
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir(parents=True)
            build(home)
            (home / ".ready").touch()
    return home


def _run(args: list[str], what: str, cwd: Path | None = None) -> None:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-3:]
        pytest.skip(f"{what} could not be installed: {' | '.join(last)}")


@pytest.fixture(scope="session")
def aws_cli() -> Path:
    """The ``aws`` command of the ``awscli`` package from PyPI, in a venv of its own."""
    python = f"py{sys.version_info.major}{sys.version_info.minor}"

    def build(home: Path) -> None:
        _run([sys.executable, "-m", "venv", str(home)], "a venv for awscli")
        _run([str(home / "bin" / "python"), "-m", "pip", "install", "-q", "awscli"], "awscli")

    return cached(f"awscli-{python}", build) / "bin" / "aws"


@pytest.fixture(scope="session")
def aws_sdk_js() -> Path:
    """A directory whose node_modules holds ``@aws-sdk/client-pinpoint-sms-voice-v2``."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js (node and npm) is not installed")

    def build(home: Path) -> None:
        (home / "package.json").write_text('{"private": true}\n')
        _run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "@aws-sdk/client-pinpoint-sms-voice-v2@3",
            ],
            "@aws-sdk/client-pinpoint-sms-voice-v2 (npm)",
            cwd=home,
        )

    return cached("aws-sdk-js", build)


def client_env(url: str, **extra: str) -> dict[str, str]:
    """An environment for a client process: fake credentials, no AWS config files."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("AWS_") and k != "PYTEST_CURRENT_TEST"
    }
    env.update(
        URL=url,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_EC2_METADATA_DISABLED="true",
    )
    env.update(extra)
    return env
