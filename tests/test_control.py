"""The control endpoints under /_pinpoint_mock/, through a real server, as a test in another
language would use them (JSON over HTTP), with boto3 reading the effect."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import time_machine
from botocore.exceptions import ClientError

from pinpoint_mock import server
from pinpoint_mock.control import STEPS
from pinpoint_mock.engine import model

from .http_helpers import TOLL_FREE, call, client_for


@pytest.fixture
def url() -> Iterator[str]:
    with server() as base:
        yield base


@pytest.fixture
def client(url: str) -> Any:
    return client_for(url)


def submitted(client: Any) -> str:
    rid: str = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    client.submit_registration_version(RegistrationId=rid)
    return rid


def described(client: Any, rid: str) -> dict[str, Any]:
    reg: dict[str, Any] = client.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
    return reg


def latest_version(client: Any, rid: str) -> dict[str, Any]:
    versions = client.describe_registration_versions(RegistrationId=rid)["RegistrationVersions"]
    return max(versions, key=lambda v: v["VersionNumber"])  # type: ignore[no-any-return]


def test_steps_are_the_chainable_review_methods() -> None:
    assert set(STEPS) == {
        "begin",
        "aws_review",
        "require_authentication",
        "authenticate",
        "require_offline_review",
        "approve",
        "complete",
        "deny",
        "revoke",
        "close",
    }


def test_review_runs_the_steps_in_order(url: str, client: Any) -> None:
    rid = submitted(client)
    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/review",
        {"registration": rid, "steps": ["begin", "require_authentication"]},
    )
    assert (status, answer) == (200, {"registration_id": rid, "status": "REQUIRES_AUTHENTICATION"})
    assert described(client, rid)["RegistrationStatus"] == "REQUIRES_AUTHENTICATION"

    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/review",
        {"registration": rid, "steps": ["authenticate", "approve"]},
    )
    assert (status, answer["status"]) == (200, "COMPLETE")
    assert latest_version(client, rid)["RegistrationVersionStatus"] == "APPROVED"


def test_steps_take_their_arguments(url: str, client: Any) -> None:
    rid = submitted(client)
    reasons = [{"Reason": "OPT_IN", "ShortDescription": "Opt-in is unclear"}]
    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/review",
        {
            "registration": rid,
            "steps": [{"step": "deny", "reasons": reasons, "feedback": "Fix it"}],
        },
    )
    assert (status, answer["status"]) == (200, "REQUIRES_UPDATES")
    version = latest_version(client, rid)
    assert version["DeniedReasons"] == reasons
    if "Feedback" in model.members("RegistrationVersionInformation"):
        assert version["Feedback"] == "Fix it"
    else:  # botocore 1.35.x has no version-level Feedback: the mock does not invent it
        assert "Feedback" not in version

    client.create_registration_version(RegistrationId=rid)
    client.submit_registration_version(RegistrationId=rid)
    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/review",
        {"registration": rid, "steps": [{"step": "approve", "provisioning": True}]},
    )
    assert (status, answer["status"]) == (200, "PROVISIONING")
    status, answer = call(
        url, "POST", "/_pinpoint_mock/review", {"registration": rid, "steps": ["complete"]}
    )
    assert (status, answer["status"]) == (200, "COMPLETE")


def test_approve_takes_additional_attributes(url: str, client: Any) -> None:
    rid = submitted(client)
    step = {"step": "approve", "additional_attributes": {"VETTING_SCORE": "75"}}
    status, answer = call(
        url, "POST", "/_pinpoint_mock/review", {"registration": rid, "steps": [step]}
    )
    assert (status, answer["status"]) == (200, "COMPLETE")
    assert described(client, rid)["AdditionalAttributes"] == {"VETTING_SCORE": "75"}


def test_approve_refuses_attributes_that_are_not_strings(url: str, client: Any) -> None:
    rid = submitted(client)
    step = {"step": "approve", "additional_attributes": {"VETTING_SCORE": 75}}
    status, answer = call(
        url, "POST", "/_pinpoint_mock/review", {"registration": rid, "steps": [step]}
    )
    assert status == 400
    assert answer["error"] == "MockError"
    assert answer["message"].startswith("step 0 (approve): approve(additional_attributes=...)")
    assert answer["steps_applied"] == 0
    assert described(client, rid)["RegistrationStatus"] == "SUBMITTED"


def test_review_by_arn_and_narrowed_by_account_and_region(url: str) -> None:
    other = client_for(url, region="eu-west-1", access_key="111122223333")
    created = other.create_registration(RegistrationType=TOLL_FREE)
    other.submit_registration_version(RegistrationId=created["RegistrationId"])

    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/review",
        {"registration": created["RegistrationArn"], "steps": ["begin"]},
    )
    assert (status, answer["status"]) == (200, "REVIEWING")

    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/review",
        {"registration": created["RegistrationId"], "region": "us-east-1", "steps": ["approve"]},
    )
    assert status == 404
    assert answer["error"] == "NotFound"
    assert created["RegistrationId"] in answer["message"]
    assert "us-east-1" in answer["message"]

    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/review",
        {
            "registration": created["RegistrationId"],
            "account_id": "111122223333",
            "region": "eu-west-1",
            "steps": ["approve"],
        },
    )
    assert (status, answer["status"]) == (200, "COMPLETE")


def test_a_step_the_lifecycle_refuses_is_a_400_naming_it(url: str, client: Any) -> None:
    rid = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    status, answer = call(
        url, "POST", "/_pinpoint_mock/review", {"registration": rid, "steps": ["approve"]}
    )
    assert status == 400
    assert answer["error"] == "InvalidTransition"
    assert answer["message"].startswith(
        f"step 0 (approve): registration {rid} cannot go to APPROVED: it is DRAFT."
    )
    assert answer["steps_applied"] == 0
    assert answer["status"] == "CREATED"


def test_steps_before_a_refused_one_stay_applied(url: str, client: Any) -> None:
    rid = submitted(client)
    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/review",
        {"registration": rid, "steps": ["begin", "authenticate"]},
    )
    assert status == 400
    assert answer["message"].startswith("step 1 (authenticate): ")
    assert (answer["steps_applied"], answer["status"]) == (1, "REVIEWING")
    assert described(client, rid)["RegistrationStatus"] == "REVIEWING"


def test_an_unknown_registration_is_a_404(url: str) -> None:
    rid = "registration-00000000000000000000000000000000"
    status, answer = call(
        url, "POST", "/_pinpoint_mock/review", {"registration": rid, "steps": ["begin"]}
    )
    assert status == 404
    assert answer["error"] == "NotFound"
    assert answer["message"] == (
        f"no registration {rid} in this mock; searched nowhere: no call has reached the mock yet"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "the body is not JSON"),
        (b"[]", "the body must be a JSON object"),
        ({"steps": ["begin"]}, "registration is required and must be a string"),
        ({"registration": "r"}, "steps must be a non-empty list"),
        ({"registration": "r", "steps": ["fly"]}, "step 0: no step 'fly'; the steps are begin, "),
        ({"registration": "r", "steps": [7]}, "step 0 must be a step name or an object"),
        (
            {"registration": "r", "steps": [{"step": "approve", "fast": True}]},
            "step 0 (approve) takes provisioning, additional_attributes, not fast",
        ),
        (
            {"registration": "r", "steps": [{"step": "begin", "x": 1}]},
            "step 0 (begin) takes no arguments",
        ),
        ({"registration": "r", "steps": ["begin"], "when": "now"}, "unknown: when"),
    ],
)
def test_malformed_review_requests_are_400(url: str, body: Any, message: str) -> None:
    status, answer = call(url, "POST", "/_pinpoint_mock/review", body)
    assert status == 400
    assert answer["error"] == "BadRequest"
    assert message in answer["message"]


def test_a_bad_denial_reason_is_a_400_naming_what_is_needed(url: str, client: Any) -> None:
    rid = submitted(client)
    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/review",
        {"registration": rid, "steps": [{"step": "deny", "reasons": [{"Reason": "X"}]}]},
    )
    assert status == 400
    assert answer["error"] == "MockError"
    assert "needs Reason and ShortDescription" in answer["message"]
    assert described(client, rid)["RegistrationStatus"] == "SUBMITTED"


def test_calls_lists_every_answered_call(url: str, client: Any) -> None:
    rid = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    with pytest.raises(ClientError):
        client.delete_registration(RegistrationId="registration-00000000000000000000000000000000")
    status, answer = call(url, "GET", "/_pinpoint_mock/calls")
    assert status == 200
    first, second = answer["calls"]
    assert first["operation"] == "CreateRegistration"
    assert first["params"]["RegistrationType"] == TOLL_FREE
    assert first["response"]["RegistrationId"] == rid
    assert (first["error"], first["account_id"], first["region"]) == (
        None,
        "123456789012",
        "us-east-1",
    )
    assert (second["operation"], second["error"], second["response"]) == (
        "DeleteRegistration",
        "ResourceNotFoundException",
        None,
    )


def test_registrations_shows_snapshots_of_one_account_and_region(url: str, client: Any) -> None:
    rid = submitted(client)
    client_for(url, region="eu-west-1").create_registration(RegistrationType=TOLL_FREE)
    status, answer = call(url, "GET", "/_pinpoint_mock/registrations")
    assert status == 200
    [reg] = answer["registrations"]
    assert (reg["id"], reg["status"], reg["region"]) == (rid, "SUBMITTED", "us-east-1")
    assert reg["versions"][0]["status"] == "SUBMITTED"
    assert reg["versions"][0]["history"]["SubmittedTimestamp"].endswith("+00:00")

    status, answer = call(
        url, "GET", "/_pinpoint_mock/registrations?region=eu-west-1&account_id=123456789012"
    )
    assert [r["region"] for r in answer["registrations"]] == ["eu-west-1"]
    status, answer = call(url, "GET", "/_pinpoint_mock/registrations?colour=red")
    assert status == 400


def test_errors_injects_a_modelled_error(url: str) -> None:
    client = client_for(url, attempts=1)
    status, _ = call(
        url,
        "POST",
        "/_pinpoint_mock/errors",
        {
            "operation": "CreateRegistration",
            "code": "ServiceQuotaExceededException",
            "Reason": "REGISTRATIONS_PER_ACCOUNT",
        },
    )
    assert status == 200
    with pytest.raises(ClientError) as raised:
        client.create_registration(RegistrationType=TOLL_FREE)
    assert raised.value.response["Error"]["Code"] == "ServiceQuotaExceededException"
    assert raised.value.response["Reason"] == "REGISTRATIONS_PER_ACCOUNT"
    client.create_registration(RegistrationType=TOLL_FREE)  # times=1: the next call is fine


def test_errors_fails_the_next_times_calls(url: str) -> None:
    client = client_for(url, attempts=1)
    injected = {"operation": "CreateRegistration", "code": "ThrottlingException", "times": 2}
    assert call(url, "POST", "/_pinpoint_mock/errors", injected) == (
        200,
        {
            "injected": {
                "operation": "CreateRegistration",
                "code": "ThrottlingException",
                "times": 2,
            }
        },
    )
    for _ in range(2):
        with pytest.raises(ClientError, match="ThrottlingException"):
            client.create_registration(RegistrationType=TOLL_FREE)
    client.create_registration(RegistrationType=TOLL_FREE)
    _, answer = call(url, "GET", "/_pinpoint_mock/calls")
    assert [c["error"] for c in answer["calls"]] == [
        "ThrottlingException",
        "ThrottlingException",
        None,
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"operation": "CreateRegistration", "code": "NoSuchError"},
            "CreateRegistration cannot fail with 'NoSuchError'",
        ),
        ({"operation": "Fly", "code": "ThrottlingException"}, "'Fly' is not an operation"),
        (
            {"operation": "CreateRegistration", "code": "ThrottlingException", "Colour": "red"},
            "has no member(s) Colour",
        ),
        (
            {"operation": "CreateRegistration", "code": "ThrottlingException", "times": 0},
            "times must be a positive int",
        ),
        ({"code": "ThrottlingException"}, "operation is required"),
    ],
)
def test_errors_refuses_what_the_service_could_not_answer(
    url: str, body: Any, message: str
) -> None:
    status, answer = call(url, "POST", "/_pinpoint_mock/errors", body)
    assert status == 400
    assert message in answer["message"]


def test_reset_empties_the_state(url: str, client: Any) -> None:
    rid = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    assert call(url, "POST", "/_pinpoint_mock/reset") == (200, {"reset": True})
    assert client.describe_registrations()["Registrations"] == []
    status, _ = call(
        url, "POST", "/_pinpoint_mock/review", {"registration": rid, "steps": ["begin"]}
    )
    assert status == 404


def test_unknown_endpoints_and_methods(url: str) -> None:
    status, answer = call(url, "GET", "/_pinpoint_mock/nothing")
    assert status == 404
    assert answer["error"] == "NotFound"
    assert "POST /_pinpoint_mock/review" in answer["message"]
    status, answer = call(url, "GET", "/_pinpoint_mock/reset")
    assert (status, answer["error"]) == (405, "MethodNotAllowed")
    assert answer["message"] == "/_pinpoint_mock/reset takes POST, not GET"


def _sending_number(client: Any) -> str:
    return str(
        client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )["PhoneNumber"]
    )


def test_messages_events_receive_and_delivery(url: str, client: Any) -> None:
    number = _sending_number(client)
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs",
        EventDestinationName="d",
        MatchingEventTypes=["ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"},
    )
    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/delivery",
        {"destination": "+12065550142", "event_type": "TEXT_BLOCKED"},
    )
    assert (status, answer) == (200, {"destination": "+12065550142", "event_type": "TEXT_BLOCKED"})
    sent = client.send_text_message(
        DestinationPhoneNumber="+12065550142",
        OriginationIdentity=number,
        MessageBody="hi",
        ConfigurationSetName="cs",
        Context={"k": "v"},
    )
    status, answer = call(url, "GET", "/_pinpoint_mock/messages")
    (message,) = answer["messages"]
    assert message["message_id"] == sent["MessageId"]
    assert message["events"] == ["TEXT_PENDING", "TEXT_BLOCKED"]
    assert message["context"] == {"k": "v"}
    status, answer = call(url, "GET", "/_pinpoint_mock/events")
    assert [e["record"]["eventType"] for e in answer["events"]] == ["TEXT_PENDING", "TEXT_BLOCKED"]
    status, answer = call(
        url,
        "POST",
        "/_pinpoint_mock/receive",
        {"from_number": "+12065550142", "to_number": number, "body": "HELP"},
    )
    assert status == 200
    assert answer["action"] == "AUTOMATIC_RESPONSE"
    assert answer["reply"]["destination"] == "+12065550142"


def test_receive_to_a_number_of_two_regions_names_them_until_told_which(
    url: str, client: Any
) -> None:
    number = _sending_number(client)
    west = client_for(url, region="us-west-2")
    assert _sending_number(west) == number  # numbers are handed out per Region
    text = {"from_number": "+12065550142", "to_number": number, "body": "STOP"}
    status, answer = call(url, "POST", "/_pinpoint_mock/receive", text)
    assert status == 400
    holders = "account 123456789012 in us-east-1, account 123456789012 in us-west-2"
    assert holders in answer["message"]
    status, answer = call(url, "POST", "/_pinpoint_mock/receive", {**text, "region": "us-west-2"})
    assert (status, answer["action"]) == (200, "OPT_OUT")
    opted = west.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
    assert [o["OptedOutNumber"] for o in opted] == ["+12065550142"]


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("delivery", {"destination": "+12065550142", "event_type": "TEXT_PENDING"}, 400),
        ("delivery", {"destination": "+12065550142", "when": "now"}, 400),
        ("receive", {"from_number": "+12065550142", "to_number": "+12015550100", "body": "x"}, 404),
        ("receive", {"from_number": "+12065550142", "body": "x"}, 400),
    ],
)
def test_sending_endpoints_refuse_misuse(url: str, path: str, body: Any, status: int) -> None:
    got, answer = call(url, "POST", f"/_pinpoint_mock/{path}", body)
    assert got == status
    assert answer["message"]


def test_eventbridge_events_lists_the_events_sent(url: str, client: Any) -> None:
    rid = submitted(client)
    status, answer = call(url, "GET", "/_pinpoint_mock/eventbridge_events")
    assert status == 200
    assert answer["count"] == 2
    assert [
        e["detail"]["registrationDetails"]["currentStatus"] for e in answer["eventbridge_events"]
    ] == ["CREATED", "SUBMITTED"]
    assert answer["eventbridge_events"][0]["resources"][0].endswith(rid)
    status, answer = call(url, "GET", "/_pinpoint_mock/eventbridge_events?since=1")
    assert [e["detail-type"] for e in answer["eventbridge_events"]] == [
        "Registration Status Change"
    ]
    for bad in ("-1", "x", "1&colour=red"):
        status, answer = call(url, "GET", f"/_pinpoint_mock/eventbridge_events?since={bad}")
        assert status == 400, bad


def test_a_server_reviews_on_the_clock() -> None:
    start = datetime(2025, 6, 1, tzinfo=timezone.utc)
    with (
        time_machine.travel(start, tick=False) as traveller,
        server(review="approve", review_after=timedelta(days=3)) as url,
    ):
        client = client_for(url)
        rid = submitted(client)
        traveller.shift(timedelta(days=1))
        assert described(client, rid)["RegistrationStatus"] == "REVIEWING"
        traveller.shift(timedelta(days=2))
        _, answer = call(url, "GET", "/_pinpoint_mock/eventbridge_events?since=2")
        assert [
            (e["detail"]["registrationDetails"]["currentStatus"], e["time"])
            for e in answer["eventbridge_events"]
        ] == [("REVIEWING", "2025-06-01T00:00:01Z"), ("COMPLETE", "2025-06-04T00:00:00Z")]
        assert described(client, rid)["RegistrationStatus"] == "COMPLETE"
