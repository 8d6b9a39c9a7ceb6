"""pytest plugin: the ``sms_voice_v2`` marker and fixtures (registered via ``pytest11``).

The marker alone turns the mock on for its test, as time-machine's marker does: an autouse
fixture asks for the ``sms_voice_v2`` fixture when the test (or its class or module) carries
the marker, so the mock is on, with the marker's options, before the test's other fixtures
run and until after they are torn down. A test that asks for ``sms_voice_v2_server`` gets the
marker's options on its server instead, and no in-process mock (which would answer the calls
meant for the server).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from botocore.client import BaseClient

    from pinpoint_mock.http_server import ServerURL
    from pinpoint_mock.sms import SmsVoiceV2Mock


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sms_voice_v2(review=..., account_id=..., registration_types=..., quotas=..., "
        "check_fields=...): "
        "turn the pinpoint-mock on for this test with these options (also the options "
        "of its pinpoint-mock fixtures)",
    )


def _marker_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    marker = request.node.get_closest_marker("sms_voice_v2")
    if marker is None:
        return {}
    if marker.args:
        raise pytest.UsageError(
            "@pytest.mark.sms_voice_v2 takes keyword options only, e.g. review='approve'"
        )
    return dict(marker.kwargs)


@pytest.fixture(autouse=True)
def _sms_voice_v2_marker(request: pytest.FixtureRequest) -> None:
    """Turns the mock on for a test marked ``@pytest.mark.sms_voice_v2(...)``."""
    if request.node.get_closest_marker("sms_voice_v2") is None:
        return
    if "sms_voice_v2_server" in request.fixturenames:
        return
    request.getfixturevalue("sms_voice_v2")


@pytest.fixture
def sms_voice_v2(request: pytest.FixtureRequest) -> Iterator[SmsVoiceV2Mock]:
    """The active mock (SmsVoiceV2Mock) for the whole test."""
    from pinpoint_mock.mock import mock_sms_voice_v2

    with mock_sms_voice_v2(**_marker_options(request)) as sms:
        yield sms


@pytest.fixture
def sms_voice_v2_client(sms_voice_v2: SmsVoiceV2Mock) -> BaseClient:
    """A boto3 ``pinpoint-sms-voice-v2`` client in us-east-1, answered by the mock."""
    import boto3

    client: BaseClient = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    return client


@pytest.fixture
def sms_voice_v2_server(request: pytest.FixtureRequest) -> Iterator[ServerURL]:
    """The base URL (``http://127.0.0.1:PORT``) of a server running for this test; its
    ``.mock`` is the server's SmsVoiceV2Mock. Options come from the ``sms_voice_v2`` marker."""
    from pinpoint_mock.http_server import server

    with server(**_marker_options(request)) as url:
        yield url
