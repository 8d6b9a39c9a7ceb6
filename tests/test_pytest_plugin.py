"""The pytest plugin, run in a separate pytest with pytester."""

from __future__ import annotations

import textwrap

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


def test_the_plugin_in_a_fresh_pytest(pytester: pytest.Pytester) -> None:
    """One fresh pytest (a subprocess: only the pytest11 entry point can have imported
    pinpoint_mock) runs five modules, collected in this order:

    - a client made when a test module is imported is answered;
    - the marker alone turns the mock on: on a test, a class, a unittest case, with and
      without the fixtures, its options (a bad one is an error), the server fixture;
    - the marker on a module;
    - a marked test's setup_function / a marked class's setup_method run inside the mock;
    - the marker's mock is inside autouse fixtures (a suite's own leak checks), as if the test
      had asked for ``sms_voice_v2`` first.

    No credentials, and endpoints on a closed local port: a call that escaped the mock would
    fail (NoCredentialsError or a connection error), not pass."""
    pytester.makepyfile(
        test_1_early_client="""
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
        """,
        test_2_marker_alone="""
        import unittest

        import boto3
        import pytest

        import pinpoint_mock

        TOLL_FREE = "US_TOLL_FREE_REGISTRATION"

        def client():
            return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1",
                                endpoint_url="http://127.0.0.1:9")

        @pytest.fixture
        def registration_id():
            # a fixture of the test's own runs with the mock already on
            return client().create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]

        @pytest.mark.sms_voice_v2
        def test_bare_marker():
            client().create_registration(RegistrationType=TOLL_FREE)
            assert [c.operation for c in pinpoint_mock.current().calls] == ["CreateRegistration"]

        @pytest.mark.sms_voice_v2(review="approve", account_id="111111111111")
        def test_marker_options_without_a_fixture(registration_id):
            client().submit_registration_version(RegistrationId=registration_id)
            [reg] = pinpoint_mock.current().registrations(account_id="111111111111")
            assert reg.status == "COMPLETE"

        @pytest.mark.sms_voice_v2(review="approve")
        def test_marker_and_fixture_share_one_mock(sms_voice_v2, sms_voice_v2_client):
            assert pinpoint_mock.current() is sms_voice_v2
            rid = sms_voice_v2_client.create_registration(
                RegistrationType=TOLL_FREE)["RegistrationId"]
            sms_voice_v2_client.submit_registration_version(RegistrationId=rid)
            assert sms_voice_v2.registrations()[0].status == "COMPLETE"

        def test_no_marker_no_mock():
            with pytest.raises(pinpoint_mock.MockError):
                pinpoint_mock.current()

        @pytest.mark.sms_voice_v2
        class TestMarkedClass:
            def test_each_method_starts_empty(self):
                assert client().describe_registrations()["Registrations"] == []
                client().create_registration(RegistrationType=TOLL_FREE)

            def test_each_method_starts_empty_again(self):
                assert client().describe_registrations()["Registrations"] == []
                client().create_registration(RegistrationType=TOLL_FREE)

        @pytest.mark.sms_voice_v2
        class TestUnittest(unittest.TestCase):
            def test_marked_test_case(self):
                client().create_registration(RegistrationType=TOLL_FREE)
                assert len(pinpoint_mock.current().registrations()) == 1

        @pytest.mark.sms_voice_v2(review="approve")
        def test_the_server_fixture_takes_the_marker_and_no_mock_is_on(sms_voice_v2_server):
            with pytest.raises(pinpoint_mock.MockError):
                pinpoint_mock.current()
            c = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1",
                             endpoint_url=sms_voice_v2_server,
                             aws_access_key_id="x", aws_secret_access_key="x")
            rid = c.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
            c.submit_registration_version(RegistrationId=rid)
            assert sms_voice_v2_server.mock.registrations()[0].status == "COMPLETE"

        @pytest.mark.sms_voice_v2(review="sometimes")
        def test_bad_option_on_the_marker_alone():
            pass
        """,
        test_3_module_marker="""
        import boto3
        import pytest

        pytestmark = pytest.mark.sms_voice_v2(account_id="222222222222")

        def test_module_marker():
            c = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
            arn = c.create_registration(
                RegistrationType="US_TOLL_FREE_REGISTRATION")["RegistrationArn"]
            assert ":222222222222:" in arn
        """,
        test_4_xunit_setup="""
        import boto3
        import pytest

        import pinpoint_mock

        def client():
            return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1",
                                endpoint_url="http://127.0.0.1:9")

        def setup_function(function):
            client().create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")

        def teardown_function(function):
            assert len(client().describe_registrations()["Registrations"]) == 1

        @pytest.mark.sms_voice_v2
        def test_setup_function_is_inside_the_marker():
            assert len(pinpoint_mock.current().registrations()) == 1

        @pytest.mark.sms_voice_v2
        class TestSetupMethod:
            def setup_method(self):
                self.rid = client().create_registration(
                    RegistrationType="US_TOLL_FREE_REGISTRATION")["RegistrationId"]

            def teardown_method(self):
                client().delete_registration(RegistrationId=self.rid)

            def test_setup_method_is_inside_the_marker(self):
                assert [r.id for r in pinpoint_mock.current().registrations()] == [self.rid]
        """,
    )
    inner = pytester.mkpydir("z_autouse")
    (inner / "conftest.py").write_text(
        textwrap.dedent(
            """
        import pytest
        import pinpoint_mock

        @pytest.fixture(autouse=True)
        def leak_check():
            with pytest.raises(pinpoint_mock.MockError):
                pinpoint_mock.current()
            yield
            with pytest.raises(pinpoint_mock.MockError):
                pinpoint_mock.current()
        """
        )
    )
    (inner / "test_inside.py").write_text(
        textwrap.dedent(
            """
        import pytest
        import pinpoint_mock

        @pytest.mark.sms_voice_v2
        def test_on_inside():
            assert pinpoint_mock.current() is not None
        """
        )
    )
    result = pytester.runpytest_subprocess("--strict-markers", "-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=13, errors=1)
    result.stdout.fnmatch_lines(["*review='sometimes' is not a review policy*"])
    result.stdout.fnmatch_lines(
        [
            "*test_1_early_client.py::test_the_early_client_is_answered PASSED*",
            "*test_3_module_marker.py::test_module_marker PASSED*",
            "*test_4_xunit_setup.py::TestSetupMethod::test_setup_method_is_inside_the_marker PASSED*",
            "*z_autouse/test_inside.py::test_on_inside PASSED*",
        ],
        consecutive=False,
    )
