"""The package's own names: ``pinpoint_mock.current()``."""

from __future__ import annotations

import asyncio
import unittest

import boto3
import pytest

import pinpoint_mock
from pinpoint_mock import MockError, mock_sms_voice_v2

TOLL_FREE = "US_TOLL_FREE_REGISTRATION"


def test_current_without_the_mock_says_how_to_turn_it_on() -> None:
    with pytest.raises(MockError) as raised:
        pinpoint_mock.current()
    message = str(raised.value)
    assert "the mock is not on" in message
    assert "@mock_sms_voice_v2" in message
    assert "with mock_sms_voice_v2() as sms:" in message
    assert "@pytest.mark.sms_voice_v2" in message


def test_current_is_the_handle_of_the_innermost_activation() -> None:
    with mock_sms_voice_v2() as outer:
        assert pinpoint_mock.current() is outer
        with mock_sms_voice_v2() as inner:
            assert pinpoint_mock.current() is inner
        assert pinpoint_mock.current() is outer
    with pytest.raises(MockError):
        pinpoint_mock.current()


def test_current_after_start_and_stop() -> None:
    activation = mock_sms_voice_v2()
    sms = activation.start()
    try:
        assert pinpoint_mock.current() is sms
    finally:
        activation.stop()
    with pytest.raises(MockError):
        pinpoint_mock.current()


def test_a_class_decorated_test_case_reaches_the_handle() -> None:
    seen: list[object] = []

    @mock_sms_voice_v2
    class TestRegistrations(unittest.TestCase):
        def setUp(self) -> None:
            self.sms = pinpoint_mock.current()
            self.client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")

        def test_create(self) -> None:
            rid = self.client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
            assert pinpoint_mock.current() is self.sms
            assert [r.id for r in self.sms.registrations()] == [rid]
            seen.append(self.sms)

        def tearDown(self) -> None:
            assert pinpoint_mock.current() is self.sms

    suite = unittest.defaultTestLoader.loadTestsFromTestCase(TestRegistrations)
    result = unittest.TestResult()
    suite.run(result)
    assert result.wasSuccessful(), result.failures + result.errors
    assert len(seen) == 1
    with pytest.raises(MockError):
        pinpoint_mock.current()


def test_a_decorated_coroutine_reaches_the_handle() -> None:
    @mock_sms_voice_v2
    async def the_test() -> bool:
        return pinpoint_mock.current() is not None

    assert asyncio.run(the_test())


def test_current_is_exported() -> None:
    assert "current" in pinpoint_mock.__all__
    assert "current" in dir(pinpoint_mock)
