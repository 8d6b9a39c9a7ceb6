"""The pinpoint-mock command: help texts, option errors, and `serve` as a real process."""

from __future__ import annotations

import io
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from pinpoint_mock import cli, http_server
from pinpoint_mock.cli import main

from .http_helpers import TOLL_FREE, call, client_for

FIRST_LINE = re.compile(r"pinpoint-mock listening on (http://127\.0\.0\.1:\d+)\n")


@pytest.fixture
def columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal's width


def help_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    return capsys.readouterr().out


@pytest.mark.usefixtures("columns")
def test_main_help(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_of(["--help"], capsys)
    assert text.startswith("usage: pinpoint-mock [-h] [--version] COMMAND ...\n\n")
    assert "A local, stateful mock of AWS End User Messaging SMS registrations" in text
    assert re.search(r"\n    demo +run a scripted registration lifecycle in-process", text)
    assert re.search(r"\n    serve +serve the API over HTTP on loopback, for the AWS CLI", text)
    assert text.endswith(
        "Run 'pinpoint-mock COMMAND --help' for a command's options.\n"
        "In Python tests, mock_sms_voice_v2 answers boto3 in-process and needs no server.\n"
    )


@pytest.mark.usefixtures("columns")
def test_serve_help(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_of(["serve", "--help"], capsys)
    flat = " ".join(text.split())  # the options' help is wrapped to the width
    assert flat.startswith(
        "usage: pinpoint-mock serve [-h] [--host HOST] [--port PORT] [--review POLICY] "
        "[--review-after DELAY] [--account-id ID] "
    )
    for sentence in (
        "The first line printed is 'pinpoint-mock listening on http://HOST:PORT'. "
        "Ctrl-C or SIGTERM stops it.",
        "--host HOST address to listen on (default: 127.0.0.1; any other than loopback "
        "exposes the mock to the network)",
        "--port PORT port to listen on (default: 0, a free port the OS picks)",
        "--review POLICY what happens after SubmitRegistrationVersion: manual (the version "
        "waits in SUBMITTED for POST /_pinpoint_mock/review), approve, deny or authenticate "
        "(default: manual)",
        "--account-id ID 12-digit account for requests whose access key id is not an account "
        "number (default: 123456789012)",
        "--review-after DELAY with an automatic --review: the version shows SUBMITTED, "
        "REVIEWING from one second after the submit, and the outcome once DELAY has passed "
        "on the clock, e.g. 3d, 12h, 30m, 45s or 1d12h",
        "--verbose log each request to stderr",
    ):
        assert sentence in flat, sentence
    for line in (  # the endpoints and the example are laid out by hand
        '  POST /_pinpoint_mock/review         {"registration": "ID or ARN", "steps": ["begin", "approve"]}',
        "  GET  /_pinpoint_mock/calls          every call answered so far",
        "  GET  /_pinpoint_mock/eventbridge_events  ?since=N: the events sent to EventBridge",
        "  pinpoint-mock serve --port 4566 --review approve &",
    ):
        assert line in text.splitlines(), line


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from pinpoint_mock import __version__

    assert help_of(["--version"], capsys) == f"pinpoint-mock {__version__}\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "pinpoint-mock: error: the following arguments are required: COMMAND"),
        (
            ["serve", "--account-id", "12"],
            "pinpoint-mock serve: error: argument --account-id: '12' is not a 12-digit account number",
        ),
        (["serve", "--review", "maybe"], "argument --review: invalid choice: 'maybe'"),
        (["serve", "--port", "http"], "argument --port: 'http' is not a port number"),
        (["serve", "--port", "99999"], "argument --port: 99999 is not a port (0 to 65535)"),
        (["serve", "--port", "-1"], "argument --port: -1 is not a port (0 to 65535)"),
        (["serve", "--review-after", "3x"], "argument --review-after: '3x' is not a delay"),
        (
            ["serve", "--review-after", "9" * 30 + "d"],
            "argument --review-after: '" + "9" * 30 + "d' is longer than any delay",
        ),
        (
            ["serve", "--review-after", "3d"],
            "review_after=datetime.timedelta(days=3) needs an automatic review policy",
        ),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_serve_reports_a_port_it_cannot_have(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    # The reason after the colon is the OS's own text, which differs between systems.
    err = capsys.readouterr().err
    assert err.startswith(f"pinpoint-mock serve: cannot listen on 127.0.0.1 port {port}: "), err
    assert err.endswith("\n")
    assert err.count("\n") == 1, err  # one line, no traceback


@pytest.fixture
def serving() -> Iterator[subprocess.Popen[str]]:
    """``python -m pinpoint_mock serve`` with options, ended at teardown whatever happens."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pinpoint_mock",
            "serve",
            "--review",
            "approve",
            "--account-id",
            "111122223333",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"},
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def first_line(process: subprocess.Popen[str]) -> str:
    """The first line of output; fails rather than hangs when none comes."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        assert selector.select(timeout=60), "serve printed nothing"
    return process.stdout.readline()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_serve_answers_then_stops_cleanly(
    serving: subprocess.Popen[str], stop: signal.Signals
) -> None:
    line = first_line(serving)
    found = FIRST_LINE.fullmatch(line)
    assert found, line
    url = found.group(1)

    client = client_for(url)  # access key "testing": the account is --account-id
    created = client.create_registration(RegistrationType=TOLL_FREE)
    assert ":111122223333:registration/" in created["RegistrationArn"]
    client.submit_registration_version(RegistrationId=created["RegistrationId"])
    reg = client.describe_registrations()["Registrations"][0]
    assert reg["RegistrationStatus"] == "COMPLETE"  # --review approve
    assert call(url, "GET", "/_pinpoint_mock/calls")[0] == 200

    serving.send_signal(stop)
    out, err = serving.communicate(timeout=20)
    assert serving.returncode == 0
    assert (out, err) == ("", "")  # quiet: no request log, no warning, no traceback


class _Lines(io.StringIO):
    """stdout that tells when its first line is complete."""

    def __init__(self) -> None:
        super().__init__()
        self.first = threading.Event()

    def write(self, text: str) -> int:
        written = super().write(text)
        if "\n" in self.getvalue():
            self.first.set()
        return written


def test_serve_in_process_logs_when_verbose_and_stops_on_ctrl_c(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers need the main thread")
    out = _Lines()
    monkeypatch.setattr(sys, "stdout", out)
    seen: list[tuple[int, object]] = []

    def visit() -> None:
        try:
            assert out.first.wait(60)
            found = FIRST_LINE.fullmatch(out.getvalue())
            assert found, out.getvalue()
            seen.append(call(found.group(1), "GET", "/_pinpoint_mock/calls"))
        finally:
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    visitor = threading.Thread(target=visit)
    visitor.start()
    assert main(["serve", "--verbose"]) == 0
    visitor.join()
    assert seen == [(200, {"calls": []})]
    assert '"GET /_pinpoint_mock/calls HTTP/1.1" 200' in capsys.readouterr().err


def test_serve_takes_the_mock_options(monkeypatch: pytest.MonkeyPatch) -> None:
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers need the main thread")
    out = _Lines()
    monkeypatch.setattr(sys, "stdout", out)
    seen: dict[str, object] = {}

    def visit() -> None:
        try:
            assert out.first.wait(60)
            found = FIRST_LINE.fullmatch(out.getvalue())
            assert found, out.getvalue()
            client = client_for(found.group(1), attempts=1)
            client.create_registration(RegistrationType="XX_HOUSE_REGISTRATION")
            rid = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
            tier = client.describe_account_attributes()["AccountAttributes"][0]["Value"]
            seen["tier"] = tier
            for name, action in (
                ("submit", lambda: client.submit_registration_version(RegistrationId=rid)),
                ("third", lambda: client.create_registration(RegistrationType=TOLL_FREE)),
            ):
                try:
                    action()
                except client.exceptions.ClientError as error:
                    seen[name] = (error.response["Error"]["Code"], error.response.get("Reason"))
        finally:
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    visitor = threading.Thread(target=visit)
    visitor.start()
    argv = ["serve", "--check-fields", "--sandbox", "--registration-type", "XX_HOUSE_REGISTRATION"]
    assert main([*argv, "--quota", "REGISTRATIONS_PER_ACCOUNT=2"]) == 0
    visitor.join()
    assert seen == {
        "tier": "SANDBOX",  # --sandbox
        # --check-fields: a toll-free registration needs its number before submit
        "submit": ("ConflictException", "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED"),
        "third": ("ServiceQuotaExceededException", "REGISTRATIONS_PER_ACCOUNT"),
    }


@pytest.mark.parametrize(
    ("quota", "message"),
    [
        ("REGISTRATIONS_PER_ACCOUNT", "argument --quota: 'REGISTRATIONS_PER_ACCOUNT' is not "),
        ("NO_SUCH_QUOTA=3", "quota 'NO_SUCH_QUOTA' is not a quota of this service"),
    ],
)
def test_serve_refuses_a_bad_quota(
    quota: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--quota", quota])
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_serve_prints_the_exposure_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers need the main thread")
    # Tests may only listen on 127.0.0.1, so the address is called exposed instead of bound.
    monkeypatch.setattr(
        http_server, "exposure_warning", lambda host: f"warning: {host} is pretend-exposed"
    )
    out = _Lines()
    monkeypatch.setattr(sys, "stdout", out)

    def stop_when_listening() -> None:
        try:
            assert out.first.wait(60)
        finally:
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    stopper = threading.Thread(target=stop_when_listening)
    stopper.start()
    assert main(["serve"]) == 0
    stopper.join()
    assert FIRST_LINE.fullmatch(out.getvalue())
    assert capsys.readouterr().err == "pinpoint-mock: warning: 127.0.0.1 is pretend-exposed\n"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("3d", 259200), ("12h", 43200), ("30m", 1800), ("45s", 45), ("1d12h", 129600), ("90", 90)],
)
def test_review_after_takes_days_hours_minutes_seconds(text: str, seconds: int) -> None:
    parser, _ = cli._parser()
    args = parser.parse_args(["serve", "--review", "approve", "--review-after", text])
    assert args.review_after == timedelta(seconds=seconds)
