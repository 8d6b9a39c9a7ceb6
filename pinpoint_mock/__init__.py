"""pinpoint-mock: an in-process mock of AWS End User Messaging SMS registrations
(botocore service ``pinpoint-sms-voice-v2``) for tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock.dispatch import Call
from pinpoint_mock.errors import InvalidTransition, MockError
from pinpoint_mock.mock import MockActivation, mock_sms_voice_v2
from pinpoint_mock.registrations.review import Review
from pinpoint_mock.registrations.snapshots import RegistrationSnapshot, VersionSnapshot
from pinpoint_mock.sms import SmsVoiceV2Mock

if TYPE_CHECKING:
    from pinpoint_mock.server import server

__version__ = "0.1.0"

__all__ = [
    "Call",
    "InvalidTransition",
    "MockActivation",
    "MockError",
    "RegistrationSnapshot",
    "Review",
    "SmsVoiceV2Mock",
    "VersionSnapshot",
    "mock_sms_voice_v2",
    "server",
]


def __getattr__(name: str) -> Any:
    if name == "server":  # the HTTP server loads only when asked for
        from pinpoint_mock.server import server

        return server
    raise AttributeError(f"module 'pinpoint_mock' has no attribute {name!r}")
