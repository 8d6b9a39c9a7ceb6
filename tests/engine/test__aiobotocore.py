"""aiobotocore clients (and so aioboto3's): answered like botocore's, awaitably.

aiobotocore pins its botocore, so the README's venv (newest botocore) does not have it;
``.ci/run`` runs this file in a venv of its own with the newest aiobotocore and
``PINPOINT_MOCK_REQUIRE_AIOBOTOCORE=1``, where a missing aiobotocore fails instead of skipping.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from botocore.config import Config
from botocore.retries.standard import ExponentialBackoff

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import _aiobotocore

if os.environ.get("PINPOINT_MOCK_REQUIRE_AIOBOTOCORE") == "1":
    import aiobotocore.session
else:
    pytest.importorskip(
        "aiobotocore.session",
        reason="aiobotocore is not installed here; .ci/run tests it in a venv of its own",
    )
    import aiobotocore.session  # importorskip returned the submodule, not the package

ROOT = Path(__file__).resolve().parents[2]
SERVICE = "pinpoint-sms-voice-v2"
TOLL_FREE = "US_TOLL_FREE_REGISTRATION"


def run(scenario: Callable[[Any], Awaitable[None]], **client: Any) -> None:
    """Run ``scenario(client)`` with an aiobotocore client of this service."""

    async def main() -> None:
        session = aiobotocore.session.get_session()
        async with session.create_client(SERVICE, region_name="us-east-1", **client) as c:
            await scenario(c)

    asyncio.run(main())


def test_create_submit_describe_and_the_review() -> None:
    async def scenario(client: Any) -> None:
        rid = (await client.create_registration(RegistrationType=TOLL_FREE))["RegistrationId"]
        submitted = await client.submit_registration_version(RegistrationId=rid)
        assert submitted["RegistrationVersionStatus"] == "SUBMITTED"
        sms.review(rid).approve()
        described = await client.describe_registrations(RegistrationIds=[rid])
        assert described["Registrations"][0]["RegistrationStatus"] == "COMPLETE"
        assert described["ResponseMetadata"]["HTTPStatusCode"] == 200

    with mock_sms_voice_v2() as sms:
        run(scenario)
        assert [c.operation for c in sms.calls] == [
            "CreateRegistration",
            "SubmitRegistrationVersion",
            "DescribeRegistrations",
        ]


def test_with_fast_on_aiobotocore_clients_are_answered_on_the_wire() -> None:
    seen: list[str] = []

    async def scenario(client: Any) -> None:
        client.meta.events.register(
            f"before-send.{SERVICE}", lambda **_: seen.append("before-send")
        )
        created = await client.create_registration(RegistrationType=TOLL_FREE)
        assert created["RegistrationStatus"] == "CREATED"

    with mock_sms_voice_v2(fast=True) as sms:
        run(scenario)
        assert [c.operation for c in sms.calls] == ["CreateRegistration"]
    assert seen == ["before-send"]


def test_paginators_page_through_every_registration() -> None:
    async def scenario(client: Any) -> None:
        made = [
            (await client.create_registration(RegistrationType=TOLL_FREE))["RegistrationId"]
            for _ in range(5)
        ]
        pages = client.get_paginator("describe_registrations").paginate(
            PaginationConfig={"PageSize": 2}
        )
        seen = [[r["RegistrationId"] for r in page["Registrations"]] async for page in pages]
        assert [len(page) for page in seen] == [2, 2, 1]
        assert [rid for page in seen for rid in page] == made

    with mock_sms_voice_v2():
        run(scenario)


def test_modelled_errors_are_aiobotocores_client_errors_with_their_members() -> None:
    async def scenario(client: Any) -> None:
        unknown = "registration-" + "0" * 32
        with pytest.raises(client.exceptions.ResourceNotFoundException) as missing:
            await client.describe_registrations(RegistrationIds=[unknown])
        assert missing.value.response["ResourceId"] == unknown
        assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"
        assert missing.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
        rid = (await client.create_registration(RegistrationType=TOLL_FREE))["RegistrationId"]
        await client.submit_registration_version(RegistrationId=rid)
        with pytest.raises(client.exceptions.ConflictException) as conflict:
            await client.submit_registration_version(RegistrationId=rid)
        assert conflict.value.response["Reason"] == "REGISTRATION_ALREADY_SUBMITTED"

    with mock_sms_voice_v2():
        run(scenario)


def test_injected_throttling_is_retried_by_aiobotocore(monkeypatch: pytest.MonkeyPatch) -> None:
    # the retry runs for real; only its back-off is cut to nothing
    monkeypatch.setattr(ExponentialBackoff, "delay_amount", lambda self, context: 0)

    async def scenario(client: Any) -> None:
        answer = await client.create_registration(RegistrationType=TOLL_FREE)
        assert answer["ResponseMetadata"]["RetryAttempts"] == 2

    with mock_sms_voice_v2() as sms:
        sms.inject_error("CreateRegistration", "ThrottlingException", times=2)
        run(scenario, config=Config(retries={"mode": "standard", "max_attempts": 3}))
        assert [c.error for c in sms.calls] == ["ThrottlingException", "ThrottlingException", None]


def test_a_client_made_before_the_mock_started_is_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")

    async def main() -> None:
        session = aiobotocore.session.get_session()
        async with session.create_client(SERVICE, region_name="eu-west-1") as client:
            with mock_sms_voice_v2() as sms:
                await client.create_registration(RegistrationType=TOLL_FREE)
                assert [c.region for c in sms.calls] == ["eu-west-1"]

    asyncio.run(main())


def test_a_client_made_before_import_pinpoint_mock_is_answered_and_nothing_leaves() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.early_clients", "alone", "aiobotocore"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["listed"] == [result["id"]]
    assert result["error"] == "registration-" + "0" * 32
    assert result["calls"] == ["eu-west-1"] * 4
    assert result["attempts"] == []


def test_a_botocore_client_is_not_taken_for_an_async_one() -> None:
    from botocore.session import get_session

    client = get_session().create_client(
        SERVICE, region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    )
    assert not _aiobotocore.is_async(client._request_signer)
