"""What the mock says when a test misuses it: each message names what was given and what
would have worked (inject_error, review, deny)."""

from __future__ import annotations

import re

import boto3
import pytest

from pinpoint_mock import MockError, mock_sms_voice_v2

TOLL_FREE = "US_TOLL_FREE_REGISTRATION"
ID_SHAPE = (
    "is not a registration ID: one looks like registration-<32 hex digits> "
    "(e.g. registration-0123456789abcdef0123456789abcdef) or is the registration's ARN "
    "(arn:aws:sms-voice:<region>:<account>:registration/<id>)"
)


@pytest.mark.parametrize(
    ("given", "suggested"),
    [
        ("create_registration", "CreateRegistration"),
        ("createRegistration", "CreateRegistration"),
        ("CreateRegistraton", "CreateRegistration"),
        ("describe-registrations", "DescribeRegistrations"),
    ],
)
def test_inject_error_suggests_the_operation(given: str, suggested: str) -> None:
    with mock_sms_voice_v2() as sms, pytest.raises(MockError) as raised:
        sms.inject_error(given, "ThrottlingException")
    assert str(raised.value) == (
        f"{given!r} is not an operation of pinpoint-sms-voice-v2; did you mean {suggested!r}?"
    )


def test_inject_error_without_a_close_operation_says_how_they_are_named() -> None:
    with mock_sms_voice_v2() as sms, pytest.raises(MockError) as raised:
        sms.inject_error("frobnicate", "ThrottlingException")
    assert str(raised.value) == (
        "'frobnicate' is not an operation of pinpoint-sms-voice-v2; "
        "operations go by their API names, e.g. CreateRegistration"
    )


def test_inject_error_suggests_the_error_code() -> None:
    with mock_sms_voice_v2() as sms, pytest.raises(MockError) as raised:
        sms.inject_error("CreateRegistration", "Throttling")
    assert str(raised.value).startswith(
        "CreateRegistration cannot fail with 'Throttling'; did you mean 'ThrottlingException'? "
        "its modelled errors are AccessDeniedException, "
    )


@pytest.mark.parametrize(("given", "shown"), [("", "''"), ("not-an-id", "not-an-id")])
def test_review_of_something_that_is_not_an_id(given: str, shown: str) -> None:
    with mock_sms_voice_v2() as sms:
        with pytest.raises(LookupError) as before:
            sms.review(given)
        assert str(before.value) == (
            f"no registration {shown} in this mock; {given!r} {ID_SHAPE}; "
            "searched nowhere: no call has reached the mock yet"
        )
        boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1").create_registration(
            RegistrationType=TOLL_FREE
        )
        boto3.client(
            "pinpoint-sms-voice-v2",
            region_name="eu-west-1",
            aws_access_key_id="111122223333",
            aws_secret_access_key="secret",
        ).describe_registrations()
        with pytest.raises(LookupError) as after:
            sms.review(given)
        assert str(after.value) == (
            f"no registration {shown} in this mock; {given!r} {ID_SHAPE}; "
            "searched account 111122223333 (eu-west-1); account 123456789012 (us-east-1)"
        )


def test_review_of_a_missing_id_says_where_it_looked() -> None:
    missing = "registration-" + "0" * 32
    with mock_sms_voice_v2() as sms:
        boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1").describe_registrations()
        with pytest.raises(LookupError) as raised:
            sms.review(missing)
        assert str(raised.value) == (
            f"no registration {missing} in this mock; searched account 123456789012 (us-east-1)"
        )
        with pytest.raises(LookupError) as narrowed:
            sms.review(missing, region="ap-south-1")
        assert str(narrowed.value) == (
            f"no registration {missing} in ap-south-1 in this mock; "
            "searched nowhere: no call has reached the mock for ap-south-1 yet"
        )


def submitted() -> str:
    client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    rid: str = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    client.submit_registration_version(RegistrationId=rid)
    return rid


def test_deny_with_a_string_names_the_string() -> None:
    with mock_sms_voice_v2() as sms:
        rid = submitted()
        with pytest.raises(MockError) as raised:
            sms.review(rid).deny(reasons="OPT_IN")  # type: ignore[arg-type]
        message = str(raised.value)
        assert message == (
            "deny(reasons='OPT_IN'): reasons is a list of mappings with at least Reason and "
            'ShortDescription, e.g. reasons=[{"Reason": "OPT_IN", "ShortDescription": '
            "\"Opt-in is unclear\"}], not the string 'OPT_IN'"
        )
        assert not re.search(r"\b'O'", message)
        assert sms.registrations()[0].status == "SUBMITTED"


def test_deny_with_one_mapping_says_to_put_it_in_a_list() -> None:
    with mock_sms_voice_v2() as sms:
        rid = submitted()
        reason = {"Reason": "OPT_IN", "ShortDescription": "Opt-in is unclear"}
        with pytest.raises(MockError) as raised:
            sms.review(rid).deny(reasons=reason)  # type: ignore[arg-type]
        assert str(raised.value) == (
            f"deny(reasons={reason!r}): reasons is a list of mappings; put the one reason in a "
            f"list: reasons=[{reason!r}]"
        )
