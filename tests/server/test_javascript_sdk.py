"""The AWS SDK for JavaScript v3 against the server, running the script docs/server.md shows."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pinpoint_mock.http_server import ServerURL

from .conftest import client_env, doc_block


def test_the_documented_script(
    aws_sdk_js: Path, sms_voice_v2_server: ServerURL, tmp_path: Path
) -> None:
    (tmp_path / "node_modules").symlink_to(aws_sdk_js / "node_modules")
    script = tmp_path / "example.mjs"
    script.write_text(doc_block("javascript"))
    done = subprocess.run(
        ["node", str(script)],
        env=client_env(sms_voice_v2_server, PINPOINT_MOCK_URL=sms_voice_v2_server),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "200 COMPLETE",
        "COMPLETE",
        "ResourceNotFoundException registration",
        "1",
    ]
    operations = [c.operation for c in sms_voice_v2_server.mock.calls]
    assert operations == [
        "CreateRegistration",
        "SubmitRegistrationVersion",
        "DescribeRegistrations",
        "DescribeRegistrations",
        "DescribeRegistrations",
    ]
