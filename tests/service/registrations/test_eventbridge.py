"""Registration Status Change events on EventBridge (API.md 7.5): one for every change of a
registration's status, whatever caused it, in ``sms.eventbridge_events`` and, while moto's
``mock_aws`` is on, on moto's default event bus, where a rule's SQS target receives them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import boto3
import pytest
import time_machine

import pinpoint_mock.mock as pinpoint_mock
from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from pinpoint_mock.engine import model

BRAND = "US_TEN_DLC_BRAND_REGISTRATION"
CHANGE = "Registration Status Change"


def changes(sms: SmsVoiceV2Mock, rid: str | None = None) -> list[tuple[str | None, str]]:
    """(previousStatus, currentStatus) of each event, of one registration or all."""
    found = []
    for event in sms.eventbridge_events:
        details = event["detail"]["registrationDetails"]
        if rid is None or details["registrationId"] == rid:
            found.append((details.get("previousStatus"), details["currentStatus"]))
    return found


def test_the_envelope_and_detail_as_aws_documents_them(sms: SmsVoiceV2Mock, client: Any) -> None:
    with time_machine.travel(
        datetime(2025, 9, 26, 17, 42, 23, 250000, tzinfo=timezone.utc), tick=False
    ):
        created = client.create_registration(RegistrationType=BRAND)
    (event,) = sms.eventbridge_events
    arn = created["RegistrationArn"]
    assert set(event) == {
        "version",
        "id",
        "detail-type",
        "source",
        "account",
        "time",
        "region",
        "resources",
        "detail",
    }
    assert event["version"] == "0"
    assert event["source"] == "aws.sms-voice"
    assert event["detail-type"] == CHANGE
    assert (event["account"], event["region"]) == ("123456789012", "us-east-1")
    assert event["time"] == "2025-09-26T17:42:23Z"
    assert event["resources"] == [arn]
    assert event["detail"] == {
        "registrationArn": arn,
        "registrationDetails": {
            "registrationId": created["RegistrationId"],
            "registrationVersionNumber": 1,
            "registrationType": BRAND,
            "registrationStatusChangeTimestamp": 1758908543250,
            "currentStatus": "CREATED",
        },
    }
    assert event["detail"]["registrationDetails"]["registrationStatusChangeTimestamp"] == (
        int(created["CreatedTimestamp"].timestamp() * 1000)
    )
    json.dumps(sms.eventbridge_events)  # plain JSON, as EventBridge delivers it


def test_every_change_of_a_manual_review_in_order(sms: SmsVoiceV2Mock, client: Any) -> None:
    rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).approve()  # from SUBMITTED: through REVIEWING, two changes
    client.create_registration_version(RegistrationId=rid)  # a draft: no change (COMPLETE)
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).begin().require_authentication().authenticate().deny()
    sms.review(rid).revoke()
    sms.review(rid).close()
    client.delete_registration(RegistrationId=rid)
    reviewing = [("REVIEWING", "REQUIRES_AUTHENTICATION"), ("REQUIRES_AUTHENTICATION", "REVIEWING")]
    if not model.knows_status("REQUIRES_AUTHENTICATION"):  # pragma: no cover - old botocore
        reviewing = []
    assert changes(sms, rid) == [
        (None, "CREATED"),
        ("CREATED", "SUBMITTED"),
        ("SUBMITTED", "REVIEWING"),
        ("REVIEWING", "COMPLETE"),
        ("COMPLETE", "SUBMITTED"),
        ("SUBMITTED", "REVIEWING"),
        *reviewing,
        ("REVIEWING", "COMPLETE"),  # denied, but version 1 stays in force
        ("COMPLETE", "REQUIRES_UPDATES"),  # revoked
        ("REQUIRES_UPDATES", "CLOSED"),
        ("CLOSED", "DELETED"),
    ]
    numbers = [
        e["detail"]["registrationDetails"]["registrationVersionNumber"]
        for e in sms.eventbridge_events
    ]
    assert numbers[:4] == [1, 1, 1, 1]
    assert numbers[-3] == 1  # revoke names the version it revoked, not the newer one


def test_provisioning_and_discard(sms: SmsVoiceV2Mock, client: Any) -> None:
    rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
    client.submit_registration_version(RegistrationId=rid)
    client.discard_registration_version(RegistrationId=rid)
    client.create_registration_version(RegistrationId=rid)
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).begin().approve(provisioning=True).complete()
    assert changes(sms, rid) == [
        (None, "CREATED"),
        ("CREATED", "SUBMITTED"),
        ("SUBMITTED", "CREATED"),  # discarded: back to what the versions before it left
        ("CREATED", "SUBMITTED"),
        ("SUBMITTED", "REVIEWING"),
        ("REVIEWING", "PROVISIONING"),
        ("PROVISIONING", "COMPLETE"),
    ]


def test_no_event_without_a_change(sms: SmsVoiceV2Mock, client: Any) -> None:
    rid = client.create_registration(RegistrationType=BRAND, ClientToken="t")["RegistrationId"]
    client.create_registration(RegistrationType=BRAND, ClientToken="t")  # the same answer
    client.describe_registrations()
    with pytest.raises(client.exceptions.ConflictException):
        client.discard_registration_version(RegistrationId=rid)
    assert changes(sms) == [(None, "CREATED")]


@pytest.mark.parametrize(
    ("policy", "last"),
    [
        ("approve", [("SUBMITTED", "REVIEWING"), ("REVIEWING", "COMPLETE")]),
        ("deny", [("SUBMITTED", "REVIEWING"), ("REVIEWING", "REQUIRES_UPDATES")]),
    ],
)
def test_automatic_policies_announce_their_moves(policy: str, last: list[tuple[str, str]]) -> None:
    with mock_sms_voice_v2(review=policy) as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-2")
        rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
        client.submit_registration_version(RegistrationId=rid)
        assert changes(sms, rid) == [(None, "CREATED"), ("CREATED", "SUBMITTED"), *last]
        assert {e["region"] for e in sms.eventbridge_events} == {"eu-west-2"}


def test_a_failing_policy_undoes_the_submit_and_announces_nothing() -> None:
    def broken(registration: Any, version: Any) -> str:
        raise RuntimeError("boom")

    with mock_sms_voice_v2(review=broken) as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
        with pytest.raises(Exception, match="boom"):
            client.submit_registration_version(RegistrationId=rid)
        assert changes(sms) == [(None, "CREATED")]


def test_the_policy_sees_the_registration_submitted() -> None:
    seen = []

    def policy(registration: Any, version: Any) -> str:
        seen.append((registration.status, version.status))
        return "approve"

    with mock_sms_voice_v2(review=policy):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
        client.submit_registration_version(RegistrationId=rid)
    assert seen == [("SUBMITTED", "SUBMITTED")]


def test_the_account_of_the_credentials(sms: SmsVoiceV2Mock) -> None:
    other = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-west-2",
        aws_access_key_id="111122223333",
        aws_secret_access_key="x",
    )
    arn = other.create_registration(RegistrationType=BRAND)["RegistrationArn"]
    (event,) = sms.eventbridge_events
    assert (event["account"], event["region"], event["resources"]) == (
        "111122223333",
        "us-west-2",
        [arn],
    )


def test_reset_keeps_the_events_as_the_call_log(sms: SmsVoiceV2Mock, client: Any) -> None:
    client.create_registration(RegistrationType=BRAND)
    sms.reset()
    assert len(sms.eventbridge_events) == 1


# -- on moto's event bus ----------------------------------------------------------------------

moto = pytest.importorskip("moto")


def subscribe() -> tuple[Any, str]:
    """A queue, and a rule on moto's default bus sending Registration Status Change events of
    aws.sms-voice to it, the way AWS's 10DLC sample subscribes its workflow (moto is on)."""
    sqs = boto3.client("sqs", region_name="us-east-1")
    url = sqs.create_queue(QueueName="registration-events")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    events = boto3.client("events", region_name="us-east-1")
    pattern = {"source": ["aws.sms-voice"], "detail-type": [CHANGE]}
    events.put_rule(Name="registrations", EventPattern=json.dumps(pattern))
    events.put_targets(Rule="registrations", Targets=[{"Id": "queue", "Arn": arn}])
    return sqs, url


@pytest.fixture
def queue() -> Iterator[tuple[Any, str]]:
    with moto.mock_aws():
        yield subscribe()


def received(sqs: Any, url: str) -> list[dict[str, Any]]:
    bodies = []
    while True:
        got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
        if not got.get("Messages"):
            return bodies
        for message in got["Messages"]:
            bodies.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])


@pytest.mark.parametrize("order", ["moto-first", "ours-first"])
def test_a_rule_on_motos_default_bus_sends_them_to_its_queue(order: str) -> None:
    first, second = (
        (moto.mock_aws(), mock_sms_voice_v2(review="approve"))
        if order == "moto-first"
        else (mock_sms_voice_v2(review="approve"), moto.mock_aws())
    )
    with first, second:
        sms = pinpoint_mock.current()
        assert sms is not None
        sqs, url = subscribe()
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
        client.submit_registration_version(RegistrationId=rid)
        bodies = received(sqs, url)
        ours = sms.eventbridge_events
    assert [b["detail"] for b in bodies] == [e["detail"] for e in ours]
    assert [(b["source"], b["detail-type"], b["time"], b["resources"]) for b in bodies] == [
        (e["source"], e["detail-type"], e["time"], e["resources"]) for e in ours
    ]
    assert [b["detail"]["registrationDetails"]["currentStatus"] for b in bodies] == [
        "CREATED",
        "SUBMITTED",
        "REVIEWING",
        "COMPLETE",
    ]


def test_a_pattern_on_the_detail_filters_them(queue: tuple[Any, str]) -> None:
    sqs, url = queue
    events = boto3.client("events", region_name="us-east-1")
    events.put_rule(
        Name="registrations",
        EventPattern=json.dumps(
            {
                "source": ["aws.sms-voice"],
                "detail": {
                    "registrationDetails": {"currentStatus": ["COMPLETE", "REQUIRES_UPDATES"]}
                },
            }
        ),
    )
    with mock_sms_voice_v2(review="approve"):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
        client.submit_registration_version(RegistrationId=rid)
    (body,) = received(sqs, url)
    assert body["detail"]["registrationDetails"]["currentStatus"] == "COMPLETE"


def test_another_account_and_region_have_their_own_bus(queue: tuple[Any, str]) -> None:
    sqs, url = queue
    with mock_sms_voice_v2() as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
        client.create_registration(RegistrationType=BRAND)
        assert len(sms.eventbridge_events) == 1
    assert received(sqs, url) == []  # the rule is in us-east-1


def test_a_workflow_driven_by_the_queue(queue: tuple[Any, str]) -> None:
    """The 10DLC sample's way of waiting: a step function reacts to each event from the
    queue (here a loop), submitting again after a denial, until the registration is done."""
    sqs, url = queue
    outcomes = iter(["deny", "approve"])
    with mock_sms_voice_v2(review=lambda registration, version: next(outcomes)):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
        client.submit_registration_version(RegistrationId=rid)
        done = None
        for _ in range(20):
            for body in received(sqs, url):
                status = body["detail"]["registrationDetails"]["currentStatus"]
                if status == "REQUIRES_UPDATES":
                    client.create_registration_version(RegistrationId=rid)
                    client.submit_registration_version(RegistrationId=rid)
                elif status == "COMPLETE":
                    done = body
            if done:
                break
        assert done is not None
        assert done["resources"] == [f"arn:aws:sms-voice:us-east-1:123456789012:registration/{rid}"]
        assert (
            client.describe_registrations(RegistrationIds=[rid])["Registrations"][0][
                "ApprovedVersionNumber"
            ]
            == 2
        )
