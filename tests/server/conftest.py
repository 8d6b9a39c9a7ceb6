"""Other clients of server mode: the AWS CLI and the AWS SDK for JavaScript v3. The suite does
not install them; ``.ci/run`` does, and says where through the environment:

* ``PINPOINT_MOCK_AWS_CLI``: the ``aws`` command (else ``aws`` on PATH);
* ``PINPOINT_MOCK_NODE_MODULES``: a ``node_modules`` directory holding
  ``@aws-sdk/client-pinpoint-sms-voice-v2`` (``node`` must be on PATH).

A missing tool fails the test when ``CI=true`` and skips it, saying how to get the tool,
anywhere else."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.profiles import missing_tool, which

DOC = Path(__file__).resolve().parents[2] / "docs" / "server.md"
# Each block the tests run follows a marker line "<!-- run: NAME -->" in docs/server.md.
_BLOCK = re.compile(r"<!-- run: (?P<name>[\w-]+) -->\s*```\w*\n(?P<code>.*?)```", re.DOTALL)
JS_SDK = "@aws-sdk/client-pinpoint-sms-voice-v2"


def doc_block(name: str) -> str:
    """The code block of docs/server.md that the tests run under this name."""
    blocks = {m["name"]: m["code"] for m in _BLOCK.finditer(DOC.read_text())}
    assert name in blocks, f"docs/server.md has no '<!-- run: {name} -->' block"
    return blocks[name]


@pytest.fixture(scope="session")
def aws_cli() -> Path:
    """The ``aws`` command of the AWS CLI."""
    named = os.environ.get("PINPOINT_MOCK_AWS_CLI")
    if named:
        if not os.access(named, os.X_OK):
            missing_tool(f"PINPOINT_MOCK_AWS_CLI={named}", "it is not an executable file")
        return Path(named)
    return Path(which("aws"))


@pytest.fixture(scope="session")
def aws_sdk_js() -> Path:
    """A directory whose node_modules holds ``@aws-sdk/client-pinpoint-sms-voice-v2``."""
    which("node")
    named = os.environ.get("PINPOINT_MOCK_NODE_MODULES")
    how = (
        f"run `npm install {JS_SDK}@3` in a directory and set "
        "PINPOINT_MOCK_NODE_MODULES to its node_modules (.ci/run does)"
    )
    if not named:
        missing_tool(f"{JS_SDK} (PINPOINT_MOCK_NODE_MODULES is not set)", how)
    modules = Path(named)
    if not (modules / JS_SDK / "package.json").is_file():
        missing_tool(f"{JS_SDK} (not in PINPOINT_MOCK_NODE_MODULES={named})", how)
    return modules.parent


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
