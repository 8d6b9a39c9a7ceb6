"""Fixtures for the service tests: an active mock and a client, the way users have them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2


@pytest.fixture
def sms() -> Iterator[SmsVoiceV2Mock]:
    with mock_sms_voice_v2() as mock:
        yield mock


@pytest.fixture
def client(sms: SmsVoiceV2Mock) -> Any:
    return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
