"""pinpoint-mock's benchmark suite: ``python benchmarks/run.py [--quick] [--strict]``.

Each group of figures runs in a fresh Python process (so one group's imports, caches and
garbage do not tilt the next), prints a table, and writes ``benchmarks/results/latest.json``.
Figures are ratios against a baseline measured in turns in the same run; absolute times are
for information only. ``--quick``: few rounds, no verdicts, exit 0 (a CI smoke run). Default:
full rounds and PASS/FAIL per target; the exit code is 1 on a FAIL only with ``--strict``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import importlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "latest.json"
# Figure groups, in the order they run; each is a module here with run(quick) -> [Figure].
GROUPS = (
    "per_call",
    "activation",
    "import_cost",
    "paging",
    "memory",
    "call_log",
    "threads",
    "small_test",
    "server_mode",
    "state",
    "moto_compare",
)
TIMEOUT = {True: 60, False: 600}  # seconds per group, quick and full


def _child(group: str, quick: bool) -> None:
    sys.path.insert(0, str(HERE))
    module = importlib.import_module(group)
    figures = module.run(quick)
    print(json.dumps([dataclasses.asdict(f) for f in figures]))


def _run_group(group: str, quick: bool) -> list[dict[str, Any]]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", group]
    if quick:
        command.append("--quick")
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT[quick], check=False
        )
    except subprocess.TimeoutExpired:
        return [_broken(group, f"did not finish within {TIMEOUT[quick]} s")]
    if done.returncode != 0 or not done.stdout.strip():
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [_broken(group, f"failed: {tail}")]
    figures: list[dict[str, Any]] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _broken(group: str, why: str) -> dict[str, Any]:
    return {
        "key": group,
        "title": group,
        "baseline": "",
        "target": "",
        "value": None,
        "unit": "",
        "limit": None,
        "at_least": False,
        "info": {},
        "note": why,
        "skipped": False,
        "comparison": False,
        "error": True,
    }


def _verdict(figure: dict[str, Any], quick: bool) -> str:
    if figure.get("error"):
        return "ERROR"
    if figure["skipped"]:
        return "SKIP"
    if figure["comparison"] or figure["limit"] is None or figure["value"] is None:
        return "info"
    if quick:
        return "-"
    value, limit = figure["value"], figure["limit"]
    return "PASS" if (value >= limit if figure["at_least"] else value <= limit) else "FAIL"


def _absolute(info: dict[str, Any]) -> str:
    """The information-only absolute numbers, short."""
    parts = []
    for key, value in info.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key != "rounds":
            parts.append(f"{key}={value}")
    return ", ".join(parts[:4])


def _table(figures: list[dict[str, Any]], quick: bool) -> str:
    rows = [("figure", "value", "target", "verdict", "absolute (info only)")]
    for f in figures:
        value = "-" if f["value"] is None else f"{f['value']:g}{f['unit']}"
        label = f["title"] + (" [moto, for comparison]" if f["comparison"] else "")
        absolute = f["note"] if f["skipped"] or f.get("error") else _absolute(f["info"])
        rows.append((label, value, f["target"], _verdict(f, quick), absolute))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for i, row in enumerate(rows):
        cells = [row[c].ljust(widths[c]) for c in range(4)] + [row[4]]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 20)
    return "\n".join(lines)


def _machine() -> dict[str, Any]:
    import boto3
    import botocore

    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "boto3": boto3.__version__,
        "botocore": botocore.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few rounds, no verdicts, exit 0")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--only", nargs="+", choices=GROUPS, help="run these groups only")
    parser.add_argument("--child", choices=GROUPS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.quick)
        return 0

    started = time.monotonic()
    figures: list[dict[str, Any]] = []
    for group in args.only or GROUPS:
        print(f"running {group} ...", file=sys.stderr, flush=True)
        figures.extend(_run_group(group, args.quick))
    elapsed = time.monotonic() - started
    mode = "quick" if args.quick else "full"
    print(_table(figures, args.quick))
    print(f"\n{mode} run, {elapsed:.1f} s; ratios are medians of alternated rounds")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "mode": mode,
        "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(elapsed, 1),
        "machine": _machine(),
        "figures": [{**f, "verdict": _verdict(f, args.quick)} for f in figures],
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"wrote {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}"
    )

    if args.quick or not args.strict:
        return 0
    return 1 if any(_verdict(f, False) in ("FAIL", "ERROR") for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
