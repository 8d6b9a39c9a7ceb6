"""A script run in a fresh interpreter by the early-client tests: a client of this service is
made before ``import pinpoint_mock`` (as a Lambda handler's module-level client is), then the
mock goes on, possibly nested with moto's ``mock_aws`` either way round, and the client is used.

Usage: ``python -m tests.early_clients {alone|moto-outer|moto-inner}
{botocore|botocore-fast|aiobotocore}`` (``botocore-fast``: the mock with ``fast=True``).
Prints one JSON line; any connection attempt after the client exists is refused and reported.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
from contextlib import ExitStack
from typing import Any

NESTING, CLIENT = sys.argv[1], sys.argv[2]
REGION = "eu-west-1"
TOLL_FREE = "US_TOLL_FREE_REGISTRATION"
UNKNOWN = "registration-" + "0" * 32

for name in [n for n in os.environ if n.startswith("AWS_")]:
    del os.environ[name]
os.environ["AWS_CONFIG_FILE"] = os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

attempts: list[str] = []


def _refuse(self: socket.socket, address: Any) -> None:
    attempts.append(repr(address))
    raise ConnectionRefusedError(f"the early-client script tried to connect to {address!r}")


def _guard() -> None:
    socket.socket.connect = _refuse  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = _refuse  # type: ignore[method-assign,assignment]


stack = ExitStack()
if NESTING == "moto-outer":
    from moto import mock_aws

    stack.enter_context(mock_aws())


def _turn_on() -> Any:
    import pinpoint_mock

    sms = stack.enter_context(pinpoint_mock.mock_sms_voice_v2(fast=CLIENT == "botocore-fast"))
    if NESTING == "moto-inner":
        from moto import mock_aws

        stack.enter_context(mock_aws())
    return sms


def _botocore() -> dict[str, Any]:
    import boto3

    client = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    _guard()
    sms = _turn_on()
    rid = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    client.submit_registration_version(RegistrationId=rid)
    pages = client.get_paginator("describe_registrations").paginate()
    listed = [r["RegistrationId"] for page in pages for r in page["Registrations"]]
    try:
        client.describe_registrations(RegistrationIds=[UNKNOWN])
        error = None
    except client.exceptions.ResourceNotFoundException as e:
        error = e.response["ResourceId"]
    return {"id": rid, "listed": listed, "error": error, "calls": [c.region for c in sms.calls]}


async def _aiobotocore() -> dict[str, Any]:
    from aiobotocore.session import get_session

    async with get_session().create_client("pinpoint-sms-voice-v2", region_name=REGION) as client:
        _guard()
        sms = _turn_on()
        created = await client.create_registration(RegistrationType=TOLL_FREE)
        rid = created["RegistrationId"]
        await client.submit_registration_version(RegistrationId=rid)
        listed = [
            r["RegistrationId"]
            async for page in client.get_paginator("describe_registrations").paginate()
            for r in page["Registrations"]
        ]
        try:
            await client.describe_registrations(RegistrationIds=[UNKNOWN])
            error = None
        except client.exceptions.ResourceNotFoundException as e:
            error = e.response["ResourceId"]
        return {"id": rid, "listed": listed, "error": error, "calls": [c.region for c in sms.calls]}


try:
    result = _botocore() if CLIENT.startswith("botocore") else asyncio.run(_aiobotocore())
finally:
    stack.close()
result["attempts"] = attempts
print(json.dumps(result))
