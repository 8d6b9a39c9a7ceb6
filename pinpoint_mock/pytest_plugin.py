"""pytest plugin: the ``sms_voice_v2`` marker and fixtures (registered via ``pytest11``).

The marker alone turns the mock on for its test, as time-machine's marker does: a test that
carries it (or whose class or module does) asks for the ``sms_voice_v2`` fixture as if it
were its first argument, so the mock is on, with the marker's options, before the test's own
fixtures and its ``setup_method``/``setup_function`` run and until after they are torn down
(other autouse fixtures run outside it). A test
that asks for ``sms_voice_v2_server`` gets the marker's options on its server instead, and no
in-process mock (which would answer the calls meant for the server).
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
        "check_fields=..., review_after=...): "
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


# pytest calls a test's setup_method/teardown_method (setup_function/teardown_function)
# through an autouse fixture of these names (followed by the class's or module's name)
_XUNIT_SETUP = ("_xunit_setup_method_fixture_", "_xunit_setup_function_fixture_")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test marked ``sms_voice_v2`` asks for the ``sms_voice_v2`` fixture, placed before its
    own fixtures and pytest's fixture that calls its ``setup_method``/``setup_function`` (after
    the other autouse ones), unless it runs a server instead."""
    for item in items:
        if item.get_closest_marker("sms_voice_v2") is None:
            continue
        names: list[str] | None = getattr(item, "fixturenames", None)
        if names is None or "sms_voice_v2" in names or "sms_voice_v2_server" in names:
            continue
        own = set(getattr(getattr(item, "_fixtureinfo", None), "argnames", ()))
        first = next(
            (i for i, n in enumerate(names) if n in own or n.startswith(_XUNIT_SETUP)), len(names)
        )
        names.insert(first, "sms_voice_v2")


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
