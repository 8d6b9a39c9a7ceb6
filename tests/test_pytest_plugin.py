"""The pytest plugin, run in a separate pytest with pytester."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]


def test_fixtures_and_marker(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        def test_fixture_is_active(sms_voice_v2, sms_voice_v2_client):
            rid = sms_voice_v2_client.create_registration(
                RegistrationType="US_TOLL_FREE_REGISTRATION")["RegistrationId"]
            assert [r.id for r in sms_voice_v2.registrations()] == [rid]
            assert sms_voice_v2_client.meta.region_name == "us-east-1"

        def test_each_test_starts_empty(sms_voice_v2_client):
            assert sms_voice_v2_client.describe_registrations()["Registrations"] == []

        @pytest.mark.sms_voice_v2(review="approve", account_id="111111111111")
        def test_marker_options(sms_voice_v2, sms_voice_v2_client):
            rid = sms_voice_v2_client.create_registration(
                RegistrationType="US_TOLL_FREE_REGISTRATION")["RegistrationId"]
            sms_voice_v2_client.submit_registration_version(RegistrationId=rid)
            reg = sms_voice_v2.registrations(account_id="111111111111")[0]
            assert reg.status == "COMPLETE"

        @pytest.mark.sms_voice_v2(review="sometimes")
        def test_bad_marker_option(sms_voice_v2):
            pass
        """
    )
    result = pytester.runpytest("--strict-markers", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines(["*review='sometimes' is not a review policy*"])


def test_marker_is_registered(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.sms_voice_v2(review=*"])


def test_marker_positional_arguments_are_refused(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.sms_voice_v2("approve")
        def test_it(sms_voice_v2):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*keyword options only*"])
    assert result.ret != 0


def test_a_client_made_when_a_test_module_is_imported_is_covered(
    pytester: pytest.Pytester,
) -> None:
    # A fresh interpreter: only the pytest11 entry point can have imported pinpoint_mock.
    # The endpoint is a closed local port, so a request that escaped would fail, not leave.
    pytester.makepyfile(
        """
        import sys

        import boto3

        PLUGIN_LOADED_FIRST = "pinpoint_mock" in sys.modules
        CLIENT = boto3.client(
            "pinpoint-sms-voice-v2",
            region_name="us-east-1",
            endpoint_url="http://127.0.0.1:9",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

        def test_the_early_client_is_answered(sms_voice_v2):
            assert PLUGIN_LOADED_FIRST
            CLIENT.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")
            assert [c.operation for c in sms_voice_v2.calls] == ["CreateRegistration"]
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
