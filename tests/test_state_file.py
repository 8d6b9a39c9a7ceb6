"""Server ``--state FILE``: what is acknowledged survives a restart, SIGTERM and ``kill -9``;
bad files are refused and left as they are."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from datetime import timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
import time_machine
from botocore.config import Config

import pinpoint_mock
from pinpoint_mock import MockError
from pinpoint_mock.cli import main
from pinpoint_mock.engine.dispatch import Service
from pinpoint_mock.service.options import Options
from pinpoint_mock.sms import SmsVoiceV2Mock
from pinpoint_mock.state_file import StateFile, StateFileError
from tests import state_world

ROOT = Path(__file__).resolve().parents[1]


def client_for(url: str, region: str = "us-east-1") -> Any:
    return boto3.client(
        "pinpoint-sms-voice-v2",
        region_name=region,
        endpoint_url=url,
        aws_access_key_id="AKIDSTATE",
        aws_secret_access_key="x",
        config=Config(retries={"max_attempts": 1}),
    )


def control(url: str, endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{url}/_pinpoint_mock/{endpoint}", data=json.dumps(body).encode(), method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        result: dict[str, Any] = json.loads(answer.read())
        return result


class _Steps:
    """``sms.review(id).begin().approve()`` sent to the control endpoint one step at a time."""

    def __init__(self, url: str, registration: str) -> None:
        self._url, self._registration = url, registration

    def __getattr__(self, step: str) -> Any:
        def run(**arguments: Any) -> _Steps:
            control(
                self._url,
                "review",
                {"registration": self._registration, "steps": [{"step": step, **arguments}]},
            )
            return self

        return run


class OverHttp:
    """The review API of a server, through its control endpoint (as other languages use it)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def review(self, registration: str) -> _Steps:
        return _Steps(self.url, registration)


def load(path: Path) -> dict[str, Any]:
    """The state a fresh server would start from with these files (copied aside first)."""
    aside = path.parent / "aside"
    shutil.rmtree(aside, ignore_errors=True)
    aside.mkdir()
    for name in (path.name, path.name + ".journal"):
        if (path.parent / name).exists():
            shutil.copy(path.parent / name, aside / name)
    service = Service(Options())
    loaded = StateFile(aside / path.name, service)
    loaded.open()
    try:
        return SmsVoiceV2Mock(service).export_state()
    finally:
        loaded.close()


def test_a_restart_shows_everything_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with pinpoint_mock.server(state=path) as url:
        client = client_for(url)
        state_world.build(client, OverHttp(url))  # type: ignore[arg-type]
        state_world.build(client_for(url, "eu-west-1"))
        seen = state_world.describe(client)
        exported = url.mock.export_state()
    assert json.loads(path.read_text()) == exported  # compacted at stop
    assert len((tmp_path / "state.json.journal").read_text().splitlines()) == 1  # a header
    with pinpoint_mock.server(state=path) as url:
        assert state_world.describe(client_for(url)) == seen
        assert url.mock.export_state() == exported


def test_the_journal_holds_every_change_before_it_is_answered(tmp_path: Path) -> None:
    """After every answered call, the files alone rebuild exactly the live state."""
    path = tmp_path / "state.json"
    checked = []
    with pinpoint_mock.server(state=path) as url:
        client = client_for(url)

        def check(**_: Any) -> None:
            assert load(path) == url.mock.export_state()
            checked.append(1)

        client.meta.events.register("after-call.pinpoint-sms-voice-v2", check)
        sms = OverHttp(url)
        state_world.build(client, sms)  # type: ignore[arg-type]
        rid = client.describe_registrations()["Registrations"][0]["RegistrationId"]
        sms.review(rid).revoke()
        assert load(path) == url.mock.export_state()  # a control step alone
        pools = client.describe_pools()["Pools"]
        client.update_pool(PoolId=pools[0]["PoolId"], DeletionProtectionEnabled=False)
        numbers = client.list_pool_origination_identities(PoolId=pools[0]["PoolId"])
        for number in numbers["OriginationIdentities"][1:]:
            client.disassociate_origination_identity(
                PoolId=pools[0]["PoolId"],
                OriginationIdentity=number["OriginationIdentityArn"],
                IsoCountryCode="US",
            )
        client.untag_resource(ResourceArn=pools[0]["PoolArn"], TagKeys=["p"])
        client.delete_pool(PoolId=pools[0]["PoolId"])
        client.delete_configuration_set(ConfigurationSetName="second")
        control(url, "reset", {})
        assert load(path) == url.mock.export_state()
        client.create_configuration_set(ConfigurationSetName="after-reset")
    assert len(checked) > 50


def test_a_pending_review_continues_after_a_restart(tmp_path: Path) -> None:
    """The clock's moves are journaled: the files alone hold what is still owed, and a
    restarted server (without review options) makes the move at its own moment, the sender
    ID the approval brings written with it."""
    path, day, start = tmp_path / "state.json", 86_400.0, 1_767_225_600.0
    with time_machine.travel(start, tick=False) as clock:
        with pinpoint_mock.server(
            state=path, review="approve", review_after=timedelta(days=1)
        ) as url:
            client = client_for(url)
            rid = client.create_registration(RegistrationType="JO_SENDER_ID_REGISTRATION")[
                "RegistrationId"
            ]
            client.put_registration_field_value(
                RegistrationId=rid, FieldPath="senderIdInfo.senderId", TextValue="ACMEJO"
            )
            client.submit_registration_version(RegistrationId=rid)
            assert [m["step"] for m in load(path)["clock"]] == ["begin", "approve"]
            clock.shift(5)
            client.describe_registrations(RegistrationIds=[rid])  # the begin runs: written
            assert load(path) == url.mock.export_state()
            assert [m["step"] for m in load(path)["clock"]] == ["approve"]
        with pinpoint_mock.server(state=path) as url:
            clock.shift(day)
            client = client_for(url)
            [version] = client.describe_registration_versions(RegistrationId=rid)[
                "RegistrationVersions"
            ]
            events = url.mock.eventbridge_events
            assert load(path) == url.mock.export_state()  # the approval and its sender ID
            assert "clock" not in load(path)
            [sender] = client.describe_sender_ids()["SenderIds"]
    history = version["RegistrationVersionStatusHistory"]
    assert history["ReviewingTimestamp"].timestamp() == start + 1
    assert history["ApprovedTimestamp"].timestamp() == start + day
    assert [e["detail"]["registrationDetails"]["currentStatus"] for e in events] == ["COMPLETE"]
    assert events[0]["time"] == "2026-01-02T00:00:00Z"
    assert sender["RegistrationId"] == rid


def test_an_import_through_the_handle_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with pinpoint_mock.server() as url:
        state_world.build(client_for(url))
        world = url.mock.export_state()
    with pinpoint_mock.server(state=path) as url:
        url.mock.import_state(world)
        assert load(path) == world
    assert json.loads(path.read_text()) == world


def test_a_fixture_file_written_by_export_state_is_a_state_file(tmp_path: Path) -> None:
    with pinpoint_mock.server() as url:
        client = client_for(url)
        client.create_configuration_set(ConfigurationSetName="from-a-fixture")
        (tmp_path / "world.json").write_text(json.dumps(url.mock.export_state(), indent=2))
    with pinpoint_mock.server(state=tmp_path / "world.json") as url:
        names = client_for(url).describe_configuration_sets()["ConfigurationSets"]
        assert [n["ConfigurationSetName"] for n in names] == ["from-a-fixture"]


# -- files that are refused -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "it is not JSON"),
        (b'{"format": "moto-state", "version": 1}', "this is not pinpoint-mock state"),
        (b'{"format": "pinpoint-mock-state", "version": 7}', "format version 7"),
        (b'{"format": "pinpoint-mock-state", "version": 1, "regions": 3}', "regions should be"),
    ],
)
def test_a_corrupt_or_foreign_file_is_refused_and_kept(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content)
    with pytest.raises(StateFileError, match=message) as refused, pinpoint_mock.server(state=path):
        pass  # pragma: no cover - never reached
    assert "It was left as it is" in str(refused.value)
    assert isinstance(refused.value, MockError)
    assert path.read_bytes() == content
    assert not (tmp_path / "state.json.journal").exists()


def test_a_journal_of_another_snapshot_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with pinpoint_mock.server(state=path) as url:
        client_for(url).create_configuration_set(ConfigurationSetName="one")
    journal = (tmp_path / "state.json.journal").read_bytes()
    path.write_text(json.dumps({"format": "pinpoint-mock-state", "version": 1, "regions": []}))
    refused = pytest.raises(StateFileError, match="it continues another snapshot")
    with refused, pinpoint_mock.server(state=path):
        pass  # pragma: no cover
    assert (tmp_path / "state.json.journal").read_bytes() == journal


def test_a_torn_last_line_is_dropped_a_bad_middle_line_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with pinpoint_mock.server(state=path) as url:
        client_for(url).create_configuration_set(ConfigurationSetName="one")
    journal = tmp_path / "state.json.journal"
    header = journal.read_bytes()
    journal.write_bytes(header + b'["put","123456789012","us-e')  # a write cut short
    with pinpoint_mock.server(state=path) as url:
        sets = client_for(url).describe_configuration_sets()["ConfigurationSets"]
        assert [s["ConfigurationSetName"] for s in sets] == ["one"]
    header = journal.read_bytes()
    journal.write_bytes(header + b'["explode"]\n')
    with pytest.raises(StateFileError, match="line 2"), pinpoint_mock.server(state=path):
        pass  # pragma: no cover


def test_the_command_line_refuses_a_bad_file_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("[]")
    done = subprocess.run(
        [sys.executable, "-m", "pinpoint_mock", "serve", "--state", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
        check=False,
    )
    assert done.returncode == 2
    assert f"cannot use the state file {path}" in done.stderr
    assert path.read_text() == "[]"


# -- kill -9 and SIGTERM, with a real process -------------------------------------------------


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _serve(path: Path) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "pinpoint_mock", "serve", "--state", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("pinpoint-mock listening on "):
        process.kill()
        _end(process)
        raise AssertionError(f"the server did not start: {line}")
    return process, line.split()[-1]


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_every_answered_call_survives_the_end_of_the_process(tmp_path: Path, how: int) -> None:
    path = tmp_path / "state.json"
    process, url = _serve(path)
    answered: list[tuple[str, str]] = []
    enough = threading.Event()
    lock = threading.Lock()

    def work(worker: int) -> None:
        client = client_for(url, ("us-east-1", "eu-west-1")[worker % 2])
        n = 0
        while True:
            n += 1
            try:
                if n % 3:
                    got = client.create_registration(RegistrationType=state_world.TOLL_FREE)
                    item = ("registration", got["RegistrationId"])
                else:
                    name = f"set-{worker}-{n}"
                    client.create_configuration_set(ConfigurationSetName=name)
                    item = ("configuration-set", name)
            except Exception:  # the server went away mid-call: that call was not answered
                return
            with lock:
                answered.append(item)
                if len(answered) >= 60:
                    enough.set()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    assert enough.wait(60)
    process.send_signal(how)
    _end(process)
    for thread in threads:
        thread.join(30)
    assert answered
    if how == signal.SIGTERM:
        assert process.returncode == 0
        assert len((tmp_path / "state.json.journal").read_text().splitlines()) == 1
    process, url = _serve(path)
    try:
        kept = set()
        for region in ("us-east-1", "eu-west-1"):
            client = client_for(url, region)
            for page in client.get_paginator("describe_registrations").paginate():
                kept |= {("registration", r["RegistrationId"]) for r in page["Registrations"]}
            for page in client.get_paginator("describe_configuration_sets").paginate():
                kept |= {
                    ("configuration-set", s["ConfigurationSetName"])
                    for s in page["ConfigurationSets"]
                }
        assert set(answered) <= kept
    finally:
        process.terminate()
        _end(process)


def _end(process: subprocess.Popen[str]) -> None:
    process.wait(30)
    for pipe in (process.stdout, process.stderr):
        if pipe is not None:
            pipe.close()


def test_a_state_file_that_cannot_be_written_is_refused_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not as a port that cannot be listened on: the command line said "cannot listen on
    127.0.0.1 port 0: No such file or directory" for a --state in a missing folder."""
    path = tmp_path / "missing" / "state.json"
    with pytest.raises(StateFileError, match=f"cannot keep the state in {path}: No such file"):
        pinpoint_mock.server(state=path).__enter__()
    assert main(["serve", "--state", str(path)]) == 2
    printed = capsys.readouterr()
    assert f"cannot keep the state in {path}" in printed.err
    assert "listen" not in printed.err
    assert not printed.out
    assert not path.parent.exists()
