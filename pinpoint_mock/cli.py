"""The ``pinpoint-mock`` command: ``demo`` and ``serve``."""

from __future__ import annotations

import argparse
import re
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from pinpoint_mock.engine.errors import MockError
from pinpoint_mock.service.options import DEFAULT_ACCOUNT, OUTCOMES

_MAIN_EPILOG = """\
Run 'pinpoint-mock COMMAND --help' for a command's options.
In Python tests, mock_sms_voice_v2 answers boto3 in-process and needs no server.
"""

_SERVE_DESCRIPTION = """\
Serve pinpoint-sms-voice-v2 over HTTP: the same stateful mock that answers boto3
in-process, for the AWS CLI and SDKs in other languages. The first line printed is
'pinpoint-mock listening on http://HOST:PORT'. Ctrl-C or SIGTERM stops it.

A request's account is its access key id when that is a 12-digit number, else
--account-id; its region is the one it was signed for. Signatures are not checked.
"""

_SERVE_EPILOG = """\
control endpoints (JSON in and out; see docs/server.md):
  POST /_pinpoint_mock/review         {"registration": "ID or ARN", "steps": ["begin", "approve"]}
  GET  /_pinpoint_mock/registrations  ?account_id=...&region=...
  GET  /_pinpoint_mock/calls          every call answered so far
  GET  /_pinpoint_mock/eventbridge_events  ?since=N: the events sent to EventBridge
  POST /_pinpoint_mock/errors         {"operation": "CreateRegistration", "code": "ThrottlingException"}
  POST /_pinpoint_mock/reset          empty every account and region
  GET  /_pinpoint_mock/messages       every message the service accepted
  GET  /_pinpoint_mock/events         every event given to an event destination
  POST /_pinpoint_mock/receive        {"from_number": "+1...", "to_number": "+1...", "body": "STOP"}
  POST /_pinpoint_mock/delivery       {"destination": "+1...", "event_type": "TEXT_BLOCKED"}

example:
  pinpoint-mock serve --port 4566 --review approve &
  aws --endpoint-url http://127.0.0.1:4566 pinpoint-sms-voice-v2 \\
      create-registration --registration-type US_TOLL_FREE_REGISTRATION
"""


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (0 to 65535)")
    return port


def _parser() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    from pinpoint_mock import __version__

    parser = argparse.ArgumentParser(
        prog="pinpoint-mock",
        description="A local, stateful mock of AWS End User Messaging SMS registrations "
        "(pinpoint-sms-voice-v2).",
        epilog=_MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"pinpoint-mock {__version__}",
        help="show the version and exit",
    )
    commands = parser.add_subparsers(
        dest="command", title="commands", metavar="COMMAND", required=True
    )
    commands.add_parser(
        "demo",
        help="run a scripted registration lifecycle in-process and print each step",
        description="Create a toll-free registration, submit it, walk it through review, "
        "authentication, a denial and a resubmission, and print the statuses. No AWS "
        "configuration or network needed.",
    )
    serve = commands.add_parser(
        "serve",
        help="serve the API over HTTP on loopback, for the AWS CLI and other SDKs",
        description=_SERVE_DESCRIPTION,
        epilog=_SERVE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1; any other than loopback exposes "
        "the mock to the network)",
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=0,
        help="port to listen on (default: 0, a free port the OS picks)",
    )
    serve.add_argument(
        "--review",
        choices=OUTCOMES,
        default="manual",
        metavar="POLICY",
        help="what happens after SubmitRegistrationVersion: manual (the version waits in "
        "SUBMITTED for POST /_pinpoint_mock/review), approve, deny or authenticate "
        "(default: manual)",
    )
    serve.add_argument(
        "--review-after",
        type=_duration,
        default=None,
        metavar="DELAY",
        help="with an automatic --review: the version shows SUBMITTED, REVIEWING from one "
        "second after the submit, and the outcome once DELAY has passed on the clock, "
        "e.g. 3d, 12h, 30m, 45s or 1d12h (default: decided within the submit call)",
    )
    serve.add_argument(
        "--account-id",
        default=DEFAULT_ACCOUNT,
        type=_account_id,
        metavar="ID",
        help="12-digit account for requests whose access key id is not an account number "
        f"(default: {DEFAULT_ACCOUNT})",
    )
    serve.add_argument(
        "--check-fields",
        action="store_true",
        help="check a submitted version as the real service does within seconds: missing "
        "required fields or a conditional field not allowed deny it at once, and a type "
        "that associates a resource before submit refuses the submit without one",
    )
    serve.add_argument(
        "--registration-type",
        action="append",
        default=[],
        metavar="NAME",
        dest="registration_types",
        help="accept this registration type besides the built-in catalogue (repeatable)",
    )
    serve.add_argument(
        "--quota",
        action="append",
        default=[],
        type=_quota,
        metavar="REASON=LIMIT",
        dest="quotas",
        help="enforce a quota, e.g. REGISTRATIONS_PER_ACCOUNT=10 (repeatable; none by default)",
    )
    serve.add_argument(
        "--state",
        metavar="FILE",
        help="keep the state in FILE: load it at start when it exists, and make every change "
        "durable in it (and FILE.journal) before answering, so it survives a restart or a "
        "kill -9 (see docs/state.md)",
    )
    serve.add_argument(
        "--sandbox",
        action="store_true",
        help="every account starts in the SMS sandbox: sends reach verified destination "
        "numbers only, and the monthly spend limits are $1",
    )
    serve.add_argument("--verbose", action="store_true", help="log each request to stderr")
    return parser, serve


def _quota(text: str) -> tuple[str, int]:
    name, _, limit = text.partition("=")
    if not name or not limit.isdigit():
        raise argparse.ArgumentTypeError(
            f"{text!r} is not REASON=LIMIT (e.g. REGISTRATIONS_PER_ACCOUNT=10)"
        )
    return name, int(limit)


_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_DURATION = re.compile(r"(?:(\d+(?:\.\d+)?)([dhms]))+")
_PART = re.compile(r"(\d+(?:\.\d+)?)([dhms])")


def _duration(text: str) -> timedelta:
    """``3d``, ``12h``, ``30m``, ``45s``, ``1d12h`` or a number of seconds."""
    cleaned = text.strip().lower()
    if cleaned.replace(".", "", 1).isdigit() and cleaned.isascii():
        total = float(cleaned)
    elif cleaned.isascii() and _DURATION.fullmatch(cleaned) is not None:
        total = sum(float(n) * _UNITS[unit] for n, unit in _PART.findall(cleaned))
    else:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a delay: use days, hours, minutes or seconds, e.g. 3d, 12h, "
            "30m, 45s, 1d12h, or a number of seconds"
        )
    try:
        return timedelta(seconds=total)
    except OverflowError:
        raise argparse.ArgumentTypeError(f"{text!r} is longer than any delay") from None


def _account_id(text: str) -> str:
    if not (len(text) == 12 and text.isdigit() and text.isascii()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a 12-digit account number")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser, serve = _parser()
    args = parser.parse_args(argv)
    if args.command == "serve":
        return _serve(args, serve)
    from pinpoint_mock.demo import run

    run(sys.stdout)
    return 0


def _serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from pinpoint_mock.http_server import MockServer, exposure_warning
    from pinpoint_mock.state_file import StateFileError

    try:
        running = MockServer(
            args.host,
            args.port,
            verbose=args.verbose,
            review=args.review,
            account_id=args.account_id,
            check_fields=args.check_fields,
            review_after=args.review_after,
            registration_types=args.registration_types or None,
            quotas=dict(args.quotas) or None,
            state=args.state,
            sandbox=args.sandbox,
        )
    except StateFileError as error:
        print(str(error), file=sys.stderr)
        return 2
    except MockError as error:
        parser.error(str(error))
    except OSError as error:
        print(
            f"pinpoint-mock serve: cannot listen on {args.host} port {args.port}: "
            f"{error.strerror or error}",
            file=sys.stderr,
        )
        return 1
    stop = threading.Event()

    def request_stop(*_: Any) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        running.start()
        print(f"pinpoint-mock listening on {running.url}", flush=True)
        warning = exposure_warning(running.host)
        if warning is not None:
            print(f"pinpoint-mock: {warning}", file=sys.stderr, flush=True)
        while not stop.wait(1.0):
            pass
    finally:
        running.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    for failure in running.errors:
        print(f"pinpoint-mock: error while serving: {failure!r}", file=sys.stderr)
    return 1 if running.errors else 0
