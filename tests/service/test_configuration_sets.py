"""Configuration sets, event destinations and defaults, through boto3."""

from __future__ import annotations

from typing import Any

import boto3

from pinpoint_mock.engine import model
from tests.service.registrations.helpers import fails as error

TOPIC = "arn:aws:sns:us-east-1:123456789012:sms-events"
LOGS = {
    "IamRoleArn": "arn:aws:iam::123456789012:role/sms-logs",
    "LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:sms",
}


def test_a_set_wired_to_an_sns_topic(client: Any) -> None:
    created = client.create_configuration_set(
        ConfigurationSetName="alerts", Tags=[{"Key": "env", "Value": "test"}]
    )
    assert created["ConfigurationSetArn"] == (
        "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/alerts"
    )
    assert created["Tags"] == [{"Key": "env", "Value": "test"}]
    added = client.create_event_destination(
        ConfigurationSetName="alerts",
        EventDestinationName="to-sns",
        MatchingEventTypes=["TEXT_DELIVERED", "TEXT_BLOCKED"],
        SnsDestination={"TopicArn": TOPIC},
    )
    assert added["EventDestination"] == {
        "EventDestinationName": "to-sns",
        "Enabled": True,
        "MatchingEventTypes": ["TEXT_DELIVERED", "TEXT_BLOCKED"],
        "SnsDestination": {"TopicArn": TOPIC},
    }
    shown = client.describe_configuration_sets(ConfigurationSetNames=["alerts"])
    assert shown["ConfigurationSets"][0]["EventDestinations"] == [added["EventDestination"]]
    tags = client.list_tags_for_resource(ResourceArn=created["ConfigurationSetArn"])["Tags"]
    assert tags == [{"Key": "env", "Value": "test"}]


def test_names_are_unique_and_unknown_ones_are_not_found(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="a")
    taken = error(client.create_configuration_set, ConfigurationSetName="a")
    assert (taken["Reason"], taken["ResourceId"]) == ("RESOURCE_ALREADY_EXISTS", "a")
    missing = error(client.describe_configuration_sets, ConfigurationSetNames=["b"])
    assert (missing["ResourceType"], missing["ResourceId"]) == ("configuration-set", "b")


def test_event_destination_rules(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="s")
    base = {"ConfigurationSetName": "s", "MatchingEventTypes": ["ALL"]}
    none = error(client.create_event_destination, EventDestinationName="x", **base)
    assert none["Reason"] == "MISSING_PARAMETER"
    two = error(
        client.create_event_destination,
        EventDestinationName="x",
        SnsDestination={"TopicArn": TOPIC},
        CloudWatchLogsDestination=LOGS,
        **base,
    )
    assert two["Reason"] == "PARAMETERS_CANNOT_BE_USED_TOGETHER"
    sent = error(
        client.create_event_destination,
        ConfigurationSetName="s",
        EventDestinationName="x",
        MatchingEventTypes=["TEXT_SENT"],
        SnsDestination={"TopicArn": TOPIC},
    )
    assert sent["Reason"] == "INVALID_PARAMETER"
    for i in range(5):
        client.create_event_destination(
            EventDestinationName=f"d{i}", SnsDestination={"TopicArn": TOPIC}, **base
        )
    again = error(
        client.create_event_destination,
        EventDestinationName="d0",
        SnsDestination={"TopicArn": TOPIC},
        **base,
    )
    assert again["Reason"] == "RESOURCE_ALREADY_EXISTS"
    sixth = error(
        client.create_event_destination,
        EventDestinationName="d5",
        SnsDestination={"TopicArn": TOPIC},
        **base,
    )
    assert sixth["Reason"] == "EVENT_DESTINATIONS_PER_CONFIGURATION_SET"


def test_update_and_delete_an_event_destination(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="s")
    client.create_event_destination(
        ConfigurationSetName="s",
        EventDestinationName="logs",
        MatchingEventTypes=["ALL"],
        CloudWatchLogsDestination=LOGS,
    )
    kind = error(
        client.update_event_destination,
        ConfigurationSetName="s",
        EventDestinationName="logs",
        SnsDestination={"TopicArn": TOPIC},
    )
    assert kind["Reason"] == "EVENT_DESTINATION_MISMATCH"
    updated = client.update_event_destination(
        ConfigurationSetName="s",
        EventDestinationName="logs",
        Enabled=False,
        MatchingEventTypes=["TEXT_ALL"],
    )["EventDestination"]
    assert (updated["Enabled"], updated["MatchingEventTypes"]) == (False, ["TEXT_ALL"])
    assert updated["CloudWatchLogsDestination"] == LOGS
    deleted = client.delete_event_destination(ConfigurationSetName="s", EventDestinationName="logs")
    assert deleted["EventDestination"]["EventDestinationName"] == "logs"
    gone = error(
        client.delete_event_destination, ConfigurationSetName="s", EventDestinationName="logs"
    )
    assert gone["ResourceType"] == "event-destination"


def test_defaults_set_show_filter_and_delete(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="s")
    client.create_configuration_set(ConfigurationSetName="t")
    assert client.set_default_sender_id(ConfigurationSetName="s", SenderId="ACME")["SenderId"] == (
        "ACME"
    )
    client.set_default_message_type(ConfigurationSetName="s", MessageType="PROMOTIONAL")
    feedback = "SetDefaultMessageFeedbackEnabled" in model.operation_names()  # newer models
    if feedback:
        client.set_default_message_feedback_enabled(
            ConfigurationSetName="s", MessageFeedbackEnabled=True
        )
    shown = client.describe_configuration_sets(ConfigurationSetNames=["s"])["ConfigurationSets"][0]
    assert shown["DefaultSenderId"] == "ACME"
    assert shown["DefaultMessageType"] == "PROMOTIONAL"
    assert shown.get("DefaultMessageFeedbackEnabled") is (True if feedback else None)
    filtered = client.describe_configuration_sets(
        Filters=[{"Name": "default-message-type", "Values": ["PROMOTIONAL"]}]
    )
    assert [s["ConfigurationSetName"] for s in filtered["ConfigurationSets"]] == ["s"]
    dropped = client.delete_default_sender_id(ConfigurationSetName="s")
    assert dropped["SenderId"] == "ACME"
    assert "SenderId" not in client.delete_default_sender_id(ConfigurationSetName="s")
    client.delete_default_message_type(ConfigurationSetName="s")
    shown = client.describe_configuration_sets(ConfigurationSetNames=["s"])["ConfigurationSets"][0]
    assert "DefaultSenderId" not in shown
    assert "DefaultMessageType" not in shown


def test_delete_returns_the_set_and_forgets_it(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="s")
    client.set_default_message_type(ConfigurationSetName="s", MessageType="TRANSACTIONAL")
    deleted = client.delete_configuration_set(ConfigurationSetName="s")
    assert (deleted["ConfigurationSetName"], deleted["DefaultMessageType"]) == (
        "s",
        "TRANSACTIONAL",
    )
    assert client.describe_configuration_sets()["ConfigurationSets"] == []
    gone = error(client.delete_configuration_set, ConfigurationSetName="s")
    assert gone["Error"]["Code"] == "ResourceNotFoundException"


def test_sets_are_kept_per_account(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="s")
    other = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="111122223333",
        aws_secret_access_key="x",
    )
    assert other.describe_configuration_sets()["ConfigurationSets"] == []
    other.create_configuration_set(ConfigurationSetName="s")
