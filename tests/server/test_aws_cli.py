"""The real AWS CLI (awscli from PyPI, which .ci/run installs in a venv of its own) against the server, running the
very commands docs/server.md shows."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from pinpoint_mock.http_server import ServerURL
from tests.profiles import deep_only, which

from ..http_helpers import TOLL_FREE, client_for
from .conftest import client_env, doc_block


def run_block(
    name: str, aws_cli: Path, url: str, **variables: str
) -> subprocess.CompletedProcess[str]:
    """Run the docs' block ``name`` in bash, with ``aws`` from the test venv first on PATH."""
    env = client_env(url, **variables)
    env["PATH"] = f"{aws_cli.parent}:{env.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", doc_block(name)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def documents(text: str) -> list[Any]:
    """The JSON documents the commands printed, one after the other."""
    decoder, found, at = json.JSONDecoder(), [], 0
    while (at := text.find("{", at)) != -1:
        document, at = decoder.raw_decode(text, at)
        found.append(document)
    return found


def test_lifecycle(aws_cli: Path, sms_voice_v2_server: ServerURL) -> None:
    which("curl")  # the documented lifecycle plays the carrier with curl
    done = run_block("cli-lifecycle", aws_cli, sms_voice_v2_server)
    assert done.returncode == 0, done.stderr
    submitted, review, described = documents(done.stdout)
    [reg] = sms_voice_v2_server.mock.registrations()
    assert submitted["RegistrationVersionStatus"] == "SUBMITTED"
    assert review == {"registration_id": reg.id, "status": "COMPLETE"}
    assert described["Registrations"][0]["RegistrationId"] == reg.id
    assert described["Registrations"][0]["RegistrationStatus"] == "COMPLETE"
    operations = [c.operation for c in sms_voice_v2_server.mock.calls]
    assert operations == [
        "CreateRegistration",
        "SubmitRegistrationVersion",
        "DescribeRegistrations",
    ]


def test_not_found_fails_with_the_error_text(aws_cli: Path, sms_voice_v2_server: ServerURL) -> None:
    done = run_block("cli-not-found", aws_cli, sms_voice_v2_server)
    assert done.returncode != 0
    assert (
        "An error occurred (ResourceNotFoundException) when calling the DescribeRegistrations "
        "operation: No registration with id registration-00000000000000000000000000000000 "
        "was found."
    ) in done.stderr


@deep_only("six AWS CLI runs (the lifecycle and the error text run every day)")
def test_pagination(aws_cli: Path, sms_voice_v2_server: ServerURL) -> None:
    client = client_for(sms_voice_v2_server)
    ids = [
        client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"] for _ in range(3)
    ]
    done = run_block("cli-pages", aws_cli, sms_voice_v2_server)
    assert done.returncode == 0, done.stderr
    every, first = documents(done.stdout)
    assert [r["RegistrationId"] for r in every["Registrations"]] == ids
    assert "NextToken" not in every
    assert [r["RegistrationId"] for r in first["Registrations"]] == ids[:2]

    done = run_block("cli-next-page", aws_cli, sms_voice_v2_server, TOKEN=first["NextToken"])
    assert done.returncode == 0, done.stderr
    [rest] = documents(done.stdout)
    assert [r["RegistrationId"] for r in rest["Registrations"]] == ids[2:]
    assert "NextToken" not in rest

    asked = [
        c.params for c in sms_voice_v2_server.mock.calls if c.operation == "DescribeRegistrations"
    ]
    assert {p.get("MaxResults") for p in asked} == {1}  # --page-size became MaxResults
    assert len(asked) == 3 + 2 + 1  # one registration per request


@deep_only("the documented identities setup, a dozen AWS CLI runs")
def test_identities_and_a_configuration_set(aws_cli: Path, sms_voice_v2_server: ServerURL) -> None:
    """The documented setup after approval: a pooled number, a sender ID, a keyword on the
    pool, and a configuration set wired to an SNS topic, all through the real CLI."""
    done = run_block("cli-identities", aws_cli, sms_voice_v2_server)
    assert done.returncode == 0, done.stderr
    printed = documents(done.stdout)
    sender, keyword, configuration_set, destination, pools = printed
    assert sender["SenderIdArn"].endswith(":sender-id/ACME/DE")
    assert (keyword["Keyword"], keyword["KeywordAction"]) == ("JOIN", "OPT_IN")
    assert configuration_set["ConfigurationSetName"] == "alerts"
    assert destination["EventDestination"]["SnsDestination"]["TopicArn"].endswith(":sms-events")
    [pool] = pools["Pools"]
    assert pool["Status"] == "ACTIVE"
    client = client_for(sms_voice_v2_server)
    [phone] = client.describe_phone_numbers()["PhoneNumbers"]
    assert phone["PoolId"] == pool["PoolId"]
    described = client.describe_keywords(OriginationIdentity=pool["PoolId"])["Keywords"]
    assert [k["Keyword"] for k in described] == ["HELP", "STOP", "JOIN"]


@deep_only("the documented sending setup, a dozen AWS CLI runs")
def test_sending_setup(aws_cli: Path, sms_voice_v2_server: ServerURL) -> None:
    which("curl")
    done = run_block("cli-sending", aws_cli, sms_voice_v2_server)
    assert done.returncode == 0, done.stderr
    (
        attributes,
        spend,
        verified,
        created,
        destination,
        sent,
        inbound,
        events,
    ) = documents(done.stdout)
    assert attributes["AccountAttributes"] == [{"Name": "ACCOUNT_TIER", "Value": "PRODUCTION"}]
    assert len(spend["SpendLimits"]) >= 3  # text, voice, media (and newer models' more)
    assert verified["VerifiedDestinationNumbers"] == []
    assert created["ConfigurationSetName"] == "app"
    assert destination["EventDestination"]["EventDestinationName"] == "events"
    assert inbound["action"] == "OPT_OUT"
    assert [e["record"]["eventType"] for e in events["events"]] == [
        "TEXT_PENDING",
        "TEXT_SUCCESSFUL",
    ]
    assert events["events"][0]["record"]["messageId"] == sent["MessageId"]
    assert not [c for c in sms_voice_v2_server.mock.calls if c.error == "NotImplemented"]
