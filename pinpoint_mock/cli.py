"""The ``pinpoint-mock`` command: ``demo`` and ``serve``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pinpoint-mock",
        description="A local, stateful mock of AWS End User Messaging SMS registrations "
        "(pinpoint-sms-voice-v2).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands.add_parser(
        "demo",
        help="run a scripted registration lifecycle in-process and print each step",
        description="Create a toll-free registration, submit it, walk it through review, "
        "authentication, a denial and a resubmission, and print the statuses. No AWS "
        "configuration or network needed.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "demo":
        from pinpoint_mock.demo import run

        run(sys.stdout)
    return 0
