"""The botocore seam: this service only, any endpoint, off means off, beside moto."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, EndpointConnectionError

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import _botocore, hook

ROOT = Path(__file__).resolve().parents[2]
SERVICE = "pinpoint-sms-voice-v2"
TOLL_FREE = "US_TOLL_FREE_REGISTRATION"


def test_any_endpoint_url_and_fips_and_region_are_answered_in_process() -> None:
    with mock_sms_voice_v2() as sms:
        clients = [
            boto3.client(SERVICE, region_name="us-east-1", endpoint_url="http://127.0.0.1:9"),
            boto3.client(SERVICE, region_name="us-west-2", config=Config(use_fips_endpoint=True)),
            boto3.client(SERVICE, region_name="ap-southeast-2"),
            boto3.client(
                SERVICE, region_name="eu-central-1", endpoint_url="https://example.invalid"
            ),
        ]
        for c in clients:
            c.create_registration(RegistrationType=TOLL_FREE)
        assert [call.region for call in sms.calls] == [
            "us-east-1",
            "us-west-2",
            "ap-southeast-2",
            "eu-central-1",
        ]
        assert len(sms.registrations(region="us-west-2")) == 1


def test_client_built_before_start_without_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/config")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    session = botocore.session.get_session()
    client = session.create_client(SERVICE, region_name="us-east-1")
    assert session.get_credentials() is None
    with mock_sms_voice_v2() as sms:
        result = client.create_registration(RegistrationType=TOLL_FREE)
        assert result["RegistrationStatus"] == "CREATED"
        assert len(sms.registrations()) == 1


def test_client_built_before_start_with_credentials_is_covered() -> None:
    client = boto3.client(
        SERVICE, region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    )
    with mock_sms_voice_v2() as sms:
        client.create_registration(RegistrationType=TOLL_FREE)
        assert len(sms.calls) == 1


def test_off_means_off() -> None:
    client = boto3.client(
        SERVICE,
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",
        aws_access_key_id="a",
        aws_secret_access_key="b",
        config=Config(retries={"max_attempts": 1}, connect_timeout=2),
    )
    with mock_sms_voice_v2():
        client.create_registration(RegistrationType=TOLL_FREE)
    with pytest.raises(EndpointConnectionError):
        client.create_registration(RegistrationType=TOLL_FREE)


def test_other_services_are_untouched() -> None:
    sts = boto3.client(
        "sts",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",
        config=Config(retries={"max_attempts": 1}, connect_timeout=2),
    )
    with mock_sms_voice_v2() as sms, pytest.raises(EndpointConnectionError):
        sts.get_caller_identity()
    assert sms.calls == []


def test_twelve_digit_access_key_selects_the_account() -> None:
    with mock_sms_voice_v2(account_id="999999999999") as sms:
        other = boto3.client(
            SERVICE,
            region_name="us-east-1",
            aws_access_key_id="111122223333",
            aws_secret_access_key="x",
        )
        mine = boto3.client(SERVICE, region_name="us-east-1")
        arn = other.create_registration(RegistrationType=TOLL_FREE)["RegistrationArn"]
        assert ":111122223333:registration/" in arn
        assert mine.describe_registrations()["Registrations"] == []
        assert [c.account_id for c in sms.calls] == ["111122223333", "999999999999"]
        assert len(sms.registrations(account_id="111122223333")) == 1


def test_the_request_is_never_signed_while_active() -> None:
    seen: list[str | None] = []
    with mock_sms_voice_v2():
        client = boto3.client(SERVICE, region_name="us-east-1")
        client.meta.events.register(
            "before-send.pinpoint-sms-voice-v2",
            lambda request, **_: seen.append(request.headers.get("Authorization")),
            unique_id="spy",
        )
        client.create_registration(RegistrationType=TOLL_FREE)
    assert seen == [None]


def test_while_active_botocore_chooses_no_signer_and_emits_no_before_sign() -> None:
    """The mock reads no signature, so the client's signer is not asked at all (only the
    region and account it signs for are noted); a presigned URL is still botocore's."""
    seen: list[str] = []
    with mock_sms_voice_v2() as sms:
        client = boto3.client(
            SERVICE,
            region_name="eu-west-2",
            aws_access_key_id="444455556666",
            aws_secret_access_key="x",
        )
        for event in ("choose-signer", "before-sign"):
            client.meta.events.register(
                f"{event}.{SERVICE}", lambda event_name, **_: seen.append(event_name)
            )
        client.create_registration(RegistrationType=TOLL_FREE)
        assert seen == []
        assert [(c.account_id, c.region) for c in sms.calls] == [("444455556666", "eu-west-2")]
        url = client.generate_presigned_url("describe_registrations", Params={})
    assert url.startswith("https://")
    assert [e.split(".")[0] for e in seen] == ["choose-signer", "before-sign"]
    # signed as botocore signs it (the client's own keys): it was unsigned while the mock was on
    assert "X-Amz-Signature=" in url
    assert "X-Amz-Credential=444455556666%2F" in url


def test_beside_moto_started_first() -> None:
    moto = pytest.importorskip("moto")
    with moto.mock_aws(), mock_sms_voice_v2() as sms:
        _exercise_both(sms.calls)


def test_beside_moto_started_second() -> None:
    moto = pytest.importorskip("moto")
    with mock_sms_voice_v2() as sms, moto.mock_aws():
        _exercise_both(sms.calls)


def _exercise_both(calls: object) -> None:
    sms_client = boto3.client(SERVICE, region_name="us-east-1")
    rid = sms_client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    assert sms_client.describe_registrations(RegistrationIds=[rid])["Registrations"]
    sqs = boto3.client("sqs", region_name="us-east-1")
    url = sqs.create_queue(QueueName="q")["QueueUrl"]
    assert sqs.get_queue_url(QueueName="q")["QueueUrl"] == url  # moto keeps its own services
    with pytest.raises(ClientError) as err:
        sms_client.describe_registrations(RegistrationIds=["registration-" + "0" * 32])
    assert err.value.response["Error"]["Code"] == "ResourceNotFoundException"


def _early_client(nesting: str, client: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.early_clients", nesting, client],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize("nesting", ["alone", "moto-outer", "moto-inner"])
def test_a_client_made_before_import_is_answered_and_nothing_leaves(nesting: str) -> None:
    """A module-level client made before ``import pinpoint_mock`` (alone, or under moto's
    ``mock_aws`` started before it or inside ours) is answered by the mock: its calls are in
    ``sms.calls``, its paginator and modelled errors work, and it opens no connection."""
    result = _early_client(nesting, "botocore")
    assert result["listed"] == [result["id"]]
    assert result["error"] == "registration-" + "0" * 32
    assert result["calls"] == ["eu-west-1"] * 4
    assert result["attempts"] == []


@pytest.mark.parametrize("nesting", ["alone", "moto-outer"])
def test_with_fast_on_a_client_made_before_import_is_answered_above_the_wire(
    nesting: str,
) -> None:
    result = _early_client(nesting, "botocore-fast")
    assert result["listed"] == [result["id"]]
    assert result["error"] == "registration-" + "0" * 32
    assert result["calls"] == ["eu-west-1"] * 4
    assert result["attempts"] == []


def test_each_call_is_answered_once_however_the_client_got_the_seam() -> None:
    """A client gets the seam from BUILTIN_HANDLERS, from a session the seam was registered
    on, or both; each of its calls is still answered exactly once."""
    plain = botocore.session.get_session()
    both = botocore.session.get_session()
    _botocore.register(both, hook.HANDLERS)
    with mock_sms_voice_v2() as sms:
        for session in (plain, both):
            client = session.create_client(SERVICE, region_name="us-east-1")
            client.create_registration(RegistrationType=TOLL_FREE)
            client.describe_registrations()
        assert [c.operation for c in sms.calls] == [
            "CreateRegistration",
            "DescribeRegistrations",
        ] * 2
