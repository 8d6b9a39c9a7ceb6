"""Fixtures for the service tests: an active mock and a client, the way users have them.

``sms`` (and so ``client``) comes in both of the mock's modes: on the wire, and above it
(``fast=True``), so every behaviour test here holds for both and the two cannot drift.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from tests.modes import MODES


@pytest.fixture(params=list(MODES))
def mode(request: pytest.FixtureRequest) -> str:
    """The mock's mode for this test: ``wire`` or ``fast``."""
    name: str = request.param
    return name


@pytest.fixture
def sms(mode: str) -> Iterator[SmsVoiceV2Mock]:
    with mock_sms_voice_v2(fast=MODES[mode]) as mock:
        yield mock


@functools.cache
def _client() -> Any:
    # one per process: a client is answered by whichever activation is on when it calls
    # (making one costs ~10 ms, more than most of these tests); tests that change a client's
    # handlers or config make their own
    return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")


@pytest.fixture
def client(sms: SmsVoiceV2Mock) -> Any:
    return _client()
