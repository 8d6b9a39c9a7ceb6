"""pinpoint-mock: an in-process mock of AWS End User Messaging SMS registrations
(botocore service ``pinpoint-sms-voice-v2``) for tests.

Importing the package installs the botocore seam (cheap: three inactive handlers), so every
client created from now on can be answered; the public names load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import hook  # noqa: F401 - installs the botocore seam

if TYPE_CHECKING:
    from pinpoint_mock.engine.call_log import Call
    from pinpoint_mock.engine.errors import InvalidTransition, MockError
    from pinpoint_mock.http_server import server
    from pinpoint_mock.mock import MockActivation, mock_sms_voice_v2
    from pinpoint_mock.service.registrations.review import Review
    from pinpoint_mock.service.registrations.snapshots import RegistrationSnapshot, VersionSnapshot
    from pinpoint_mock.service.sending.receive import Inbound
    from pinpoint_mock.service.sending.sends import Message
    from pinpoint_mock.sms import SmsVoiceV2Mock

__version__ = "0.1.0"

_WHERE = {
    "Call": "pinpoint_mock.engine.call_log",
    "Inbound": "pinpoint_mock.service.sending.receive",
    "InvalidTransition": "pinpoint_mock.engine.errors",
    "Message": "pinpoint_mock.service.sending.sends",
    "MockActivation": "pinpoint_mock.mock",
    "MockError": "pinpoint_mock.engine.errors",
    "RegistrationSnapshot": "pinpoint_mock.service.registrations.snapshots",
    "Review": "pinpoint_mock.service.registrations.review",
    "SmsVoiceV2Mock": "pinpoint_mock.sms",
    "VersionSnapshot": "pinpoint_mock.service.registrations.snapshots",
    "mock_sms_voice_v2": "pinpoint_mock.mock",
    "server": "pinpoint_mock.http_server",
}

__all__ = [
    "Call",
    "Inbound",
    "InvalidTransition",
    "Message",
    "MockActivation",
    "MockError",
    "RegistrationSnapshot",
    "Review",
    "SmsVoiceV2Mock",
    "VersionSnapshot",
    "current",
    "mock_sms_voice_v2",
    "server",
]


def current() -> SmsVoiceV2Mock:
    """The handle of the innermost active activation (nested activations share one).

    For code that cannot take the handle from ``with``/``start()``: the methods of a
    class-decorated ``unittest.TestCase``, helpers, fixtures. Raises :class:`MockError`
    when the mock is off.
    """
    from pinpoint_mock import mock

    sms = mock.current()
    if sms is None:
        from pinpoint_mock.engine.errors import MockError

        raise MockError(
            "pinpoint_mock.current(): the mock is not on. Turn it on first: decorate the test "
            "(function or class) with @mock_sms_voice_v2, use `with mock_sms_voice_v2() as "
            "sms:` or mock_sms_voice_v2().start(), or in pytest mark the test "
            "@pytest.mark.sms_voice_v2 or ask for the sms_voice_v2 fixture."
        )
    return sms


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'pinpoint_mock' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
