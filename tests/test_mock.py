"""Activation: every face of mock_sms_voice_v2, nesting, and the environment."""

from __future__ import annotations

import asyncio
import os
import unittest
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import boto3
import pytest
from botocore.client import BaseClient

from pinpoint_mock import MockError, SmsVoiceV2Mock, mock_sms_voice_v2
from pinpoint_mock import current as current_mock
from pinpoint_mock.mock import current

TOLL_FREE = "US_TOLL_FREE_REGISTRATION"


def client() -> BaseClient:
    return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")


def create() -> str:
    result = client().create_registration(RegistrationType=TOLL_FREE)
    return str(result["RegistrationId"])


def count() -> int:
    return len(client().describe_registrations()["Registrations"])


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
        "AWS_DEFAULT_REGION",
        "AWS_REGION",
    ):
        monkeypatch.delenv(name, raising=False)
    return


def test_bare_decorator_on_a_function() -> None:
    @mock_sms_voice_v2
    def body() -> int:
        create()
        return count()

    assert body() == 1
    assert body() == 1  # each call starts from an empty state
    assert current() is None


def test_called_decorator_passes_options() -> None:
    @mock_sms_voice_v2(review="approve")
    def body() -> str:
        rid = create()
        client().submit_registration_version(RegistrationId=rid)
        reg = client().describe_registrations(RegistrationIds=[rid])["Registrations"][0]
        return str(reg["RegistrationStatus"])

    assert body() == "COMPLETE"


def test_coroutine_function() -> None:
    @mock_sms_voice_v2
    async def body() -> int:
        await asyncio.sleep(0)
        create()
        return count()

    assert asyncio.run(body()) == 1
    assert current() is None


def test_generator_function_is_on_while_it_runs() -> None:
    """A generator's body runs as it is iterated (a yield fixture's set-up and teardown):
    the mock is on from its first step to its end, not only during the call."""

    @mock_sms_voice_v2
    def registrations() -> Iterator[str]:
        yield create()
        yield create()
        assert count() == 2  # one state for the whole generator

    steps = registrations()
    assert current() is None  # nothing ran yet
    assert len(list(steps)) == 2
    assert current() is None


def test_async_generator_function_is_on_while_it_runs() -> None:
    @mock_sms_voice_v2
    async def registrations() -> AsyncIterator[str]:
        yield create()
        yield create()

    async def drain() -> list[str]:
        return [rid async for rid in registrations()]

    assert len(asyncio.run(drain())) == 2
    assert current() is None


def test_context_manager_yields_the_mock() -> None:
    with mock_sms_voice_v2() as sms:
        assert isinstance(sms, SmsVoiceV2Mock)
        rid = create()
        assert [r.id for r in sms.registrations()] == [rid]
    assert current() is None


def test_start_and_stop() -> None:
    m = mock_sms_voice_v2()
    sms = m.start()
    try:
        create()
        assert len(sms.registrations()) == 1
    finally:
        m.stop()
    assert current() is None


def test_double_stop_and_stop_before_start_are_loud() -> None:
    m = mock_sms_voice_v2()
    with pytest.raises(MockError, match="without start"):
        m.stop()
    m.start()
    m.stop()
    with pytest.raises(MockError, match="without start"):
        m.stop()


def test_double_start_is_loud() -> None:
    m = mock_sms_voice_v2()
    m.start()
    try:
        with pytest.raises(MockError, match="already started"):
            m.start()
    finally:
        m.stop()


def test_nested_activations_share_one_state_and_outermost_discards_it() -> None:
    with mock_sms_voice_v2() as outer:
        create()
        with mock_sms_voice_v2() as inner:
            assert inner is outer
            create()
        assert count() == 2  # the inner stop did not discard anything
    with mock_sms_voice_v2():
        assert count() == 0


def test_nested_activation_with_other_options_is_refused() -> None:
    with mock_sms_voice_v2(review="approve"), pytest.raises(MockError, match="nested") as caught:
        mock_sms_voice_v2(review="deny").start()
    # it names what differs, and what to do
    assert "review='approve' (this one asks for 'deny')" in str(caught.value)
    assert "account_id" not in str(caught.value)
    assert "Stop the outer activation first" in str(caught.value)


def test_unknown_option_is_refused() -> None:
    with pytest.raises(MockError, match="unknown option"):
        mock_sms_voice_v2(reveiw="approve")
    with pytest.raises(MockError, match="review policy"):
        mock_sms_voice_v2(review="maybe")
    with pytest.raises(MockError, match="12-digit"):
        mock_sms_voice_v2(account_id="123")


@mock_sms_voice_v2
class TestPlainClass:
    def test_one(self) -> None:
        create()
        assert count() == 1

    def test_two(self) -> None:
        assert count() == 0
        create()
        assert count() == 1

    def helper(self) -> None:  # not a test: not wrapped
        raise AssertionError("not called")


@mock_sms_voice_v2
class TestPlainClassWithSetupMethod:
    """pytest's setup_method and teardown_method share the test's state, as setUp does."""

    def setup_method(self, method: object) -> None:
        self.rid = create()

    def teardown_method(self) -> None:  # pytest calls it without the method: so do we
        assert [r.id for r in current_mock().registrations()] == [self.rid]

    def test_setup_method_test_and_teardown_method_share_one_state(self) -> None:
        assert count() == 1

    def test_each_test_starts_empty(self) -> None:
        assert [
            r["RegistrationId"] for r in client().describe_registrations()["Registrations"]
        ] == [self.rid]


def test_setup_method_turns_the_mock_on_until_teardown_method() -> None:
    @mock_sms_voice_v2(review="approve")
    class Case:
        def setup_method(self) -> None:  # no teardown_method: the class gets one
            self.rid = create()

        def test_it(self) -> None:
            client().submit_registration_version(RegistrationId=self.rid)

    case = Case()
    case.setup_method(case.test_it)  # type: ignore[call-arg]
    case.test_it()  # the test's own activation nests in setup_method's
    assert current_mock().registrations()[0].status == "COMPLETE"
    case.teardown_method(case.test_it)  # type: ignore[attr-defined]
    assert current() is None


def test_a_failing_setup_method_turns_the_mock_off() -> None:
    @mock_sms_voice_v2
    class Case:
        def setup_method(self, method: object) -> None:
            create()
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        Case().setup_method(None)
    assert current() is None


@mock_sms_voice_v2
class TestUnittestClass(unittest.TestCase):
    def setUp(self) -> None:
        self.rid = create()

    def tearDown(self) -> None:
        # tearDown still sees the state of this test
        assert count() == 2

    def test_setup_test_and_teardown_share_one_state(self) -> None:
        create()
        assert count() == 2

    def test_each_test_starts_empty(self) -> None:
        ids = [r["RegistrationId"] for r in client().describe_registrations()["Registrations"]]
        assert ids == [self.rid]
        create()


def test_unittest_class_stops_after_cleanups() -> None:
    @mock_sms_voice_v2
    class Case(unittest.TestCase):
        def test_it(self) -> None:
            create()

    result = unittest.TestResult()
    Case("test_it").run(result)
    assert result.wasSuccessful(), result.errors + result.failures
    assert current() is None


def test_environment_restored_exactly(monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "real-token")
    before = dict(os.environ)
    with mock_sms_voice_v2():
        assert os.environ["AWS_ACCESS_KEY_ID"] not in ("", None)
        assert "AWS_SESSION_TOKEN" not in os.environ  # real tokens are hidden
        assert "AWS_DEFAULT_REGION" not in os.environ  # no Region is set, see below
    assert dict(os.environ) == before
    assert os.environ["AWS_ACCESS_KEY_ID"] == ""  # empty stays empty
    assert "AWS_SECRET_ACCESS_KEY" not in os.environ  # absent stays absent
    assert "AWS_DEFAULT_REGION" not in os.environ


def test_environment_restored_when_the_test_raises(clean_env: None) -> None:
    before = dict(os.environ)

    @mock_sms_voice_v2
    def failing() -> None:
        create()
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        failing()
    assert dict(os.environ) == before
    assert current() is None


def test_stopped_after_moto_started_before_it(clean_env: None) -> None:
    """A tearDown that stops mocks in the order they started: moto's mock_aws (started
    first) puts back what it found; ours then leaves moto's variables alone."""
    from moto import mock_aws

    before = dict(os.environ)
    aws, ours = mock_aws(), mock_sms_voice_v2()
    aws.start()
    ours.start()
    aws.stop()
    ours.stop()
    assert dict(os.environ) == before


def test_a_region_already_configured_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")
    with mock_sms_voice_v2():
        assert os.environ["AWS_DEFAULT_REGION"] == "eu-west-2"
    assert os.environ["AWS_DEFAULT_REGION"] == "eu-west-2"


def test_a_client_without_a_region_is_in_us_east_1(clean_env: None) -> None:
    with mock_sms_voice_v2() as sms:
        unplaced = boto3.client("pinpoint-sms-voice-v2")
        assert unplaced.meta.region_name == "us-east-1"
        unplaced.create_registration(RegistrationType=TOLL_FREE)
        assert len(sms.registrations(region="us-east-1")) == 1
    assert boto3.session.Session().region_name is None  # only while the mock is on


def test_a_client_without_a_region_takes_aws_region(
    monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> None:
    """AWS_REGION, which other AWS SDKs read and botocore does not, places a client that has
    no Region of its own; AWS_DEFAULT_REGION wins over it, as botocore reads that one."""
    monkeypatch.setenv("AWS_REGION", "ap-southeast-2")
    with mock_sms_voice_v2():
        assert boto3.client("pinpoint-sms-voice-v2").meta.region_name == "ap-southeast-2"
        monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")
        assert boto3.client("pinpoint-sms-voice-v2").meta.region_name == "eu-west-2"


def test_a_profiles_region_is_kept(
    monkeypatch: pytest.MonkeyPatch, clean_env: None, tmp_path: Path
) -> None:
    """The mock fills the Region only where none is configured: a profile's wins, for
    this service and every other (an AWS_DEFAULT_REGION set by the mock would not let it).
    The profile has no keys, so botocore would look for credentials on the instance metadata
    service: the suite's network guard fails the test if it does."""
    config = tmp_path / "config"
    config.write_text("[profile dev]\nregion = eu-west-3\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    with mock_sms_voice_v2() as sms:
        session = boto3.session.Session(profile_name="dev")
        assert session.region_name == "eu-west-3"
        session.client("pinpoint-sms-voice-v2").create_registration(RegistrationType=TOLL_FREE)
        assert len(sms.registrations(region="eu-west-3")) == 1
        monkeypatch.setenv("AWS_PROFILE", "dev")
        assert boto3.session.Session().client("sqs").meta.region_name == "eu-west-3"


def test_decorating_something_else_is_refused() -> None:
    with pytest.raises(MockError, match="decorates"):
        mock_sms_voice_v2()(42)
