"""The import cost of pinpoint-mock on top of boto3, in fresh processes."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from typing import Any

from timing import Figure

# Runs in a fresh interpreter: times ``import boto3``, then the subject's import, in CPU time.
_PROBE = """
import sys, time
clock = time.process_time
t0 = clock()
import boto3
t1 = clock()
before = set(sys.modules)
{subject}
t2 = clock()
import json
new = sorted({{m.split(".")[0] for m in set(sys.modules) - before}})
model = sys.modules.get("pinpoint_mock.engine.model")
loaded = bool(model is not None and model.service_model.cache_info().currsize)
print(json.dumps({{"boto3": t1 - t0, "extra": t2 - t1, "new": new, "model_loaded": loaded}}))
"""


def probe(subject: str) -> dict[str, Any]:
    """One fresh process: seconds to import boto3, then seconds for ``subject`` on top."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users' installs have bytecode; so do we
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(subject=subject)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def extra_ms(subject: str, rounds: int) -> tuple[float, float, dict[str, Any]]:
    """Median ms of ``subject`` on top of boto3, and of boto3 alone, over alternated
    fresh processes (a baseline process with nothing on top, then a subject process)."""
    probe(subject)  # write bytecode, warm the page cache
    alone, extra = [], []
    last: dict[str, Any] = {}
    for _ in range(rounds):
        alone.append(probe("pass")["boto3"])
        last = probe(subject)
        extra.append(last["extra"])
    return statistics.median(extra) * 1e3, statistics.median(alone) * 1e3, last


# What a test module writes; the package's __init__ is lazy, so a bare ``import
# pinpoint_mock`` (measured for information) loads almost nothing.
SUBJECT = "from pinpoint_mock import mock_sms_voice_v2"


def run(quick: bool) -> list[Figure]:
    rounds = 3 if quick else 15
    extra, boto3_ms, last = extra_ms(SUBJECT, rounds)
    bare, _, _ = extra_ms("import pinpoint_mock", 3 if quick else 9)
    loaded = last["model_loaded"]
    return [
        Figure(
            key="import.pinpoint_mock",
            title=f"`{SUBJECT}` on top of `import boto3`",
            baseline="import boto3 alone (fresh processes, alternated; CPU time)",
            target="<= 30 ms extra; service model not loaded",
            value=round(extra, 2),
            unit=" ms",
            limit=0.0 if loaded else 30.0,  # loading the model at import fails the target
            info={
                "extra_ms": round(extra, 2),
                "bare_import_ms": round(bare, 2),
                "boto3_alone_ms": round(boto3_ms, 1),
                "model_loaded_at_import": loaded,
                "new_top_level_modules": [m for m in last["new"] if m != "pinpoint_mock"],
            },
        )
    ]
