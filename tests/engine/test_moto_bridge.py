"""Handing calls to moto: answered while ``mock_aws`` is on, refused (never sent) otherwise."""

from __future__ import annotations

import importlib
import json

import boto3
import pytest

from pinpoint_mock.engine import moto_bridge

moto = pytest.importorskip("moto")

ENTRY = {"Source": "aws.sms-voice", "DetailType": "Probe", "Detail": json.dumps({"n": 1})}


def test_the_moto_names_read_exist_in_the_installed_moto() -> None:
    """The two moto internals active() reads, and moto's public patch_client."""
    models = importlib.import_module("moto.core.models")
    assert isinstance(models.botocore_stubber.enabled, bool)
    assert callable(importlib.import_module("moto.core").patch_client)


def test_off_outside_mock_aws_and_nothing_is_sent() -> None:
    assert moto_bridge.active() is False
    # Called anyway (as when moto's internals moved): refused here, never sent (the suite's
    # network guard would fail the test otherwise).
    with pytest.raises(moto_bridge.NotAnswered):
        moto_bridge.call("events", "us-east-1", "123456789012", "put_events", Entries=[ENTRY])


def test_on_inside_mock_aws_and_answered_by_moto_in_that_account() -> None:
    with moto.mock_aws():
        assert moto_bridge.active() is True
        got = moto_bridge.call("events", "eu-west-1", "111122223333", "put_events", Entries=[ENTRY])
        assert got["FailedEntryCount"] == 0
        # the bus of account 111122223333 got it: a rule there archives nothing, but the
        # account exists in moto's events backend only through our call
        from moto.events.models import events_backends

        assert "eu-west-1" in events_backends["111122223333"]
    assert moto_bridge.active() is False


def test_error_answers_of_moto_are_botocore_errors() -> None:
    from botocore.exceptions import ClientError

    with moto.mock_aws(), pytest.raises(ClientError):
        moto_bridge.call("sqs", "us-east-1", "123456789012", "get_queue_url", QueueName="none")


def test_a_client_per_service_and_region_is_built_once() -> None:
    with moto.mock_aws():
        moto_bridge.call("events", "ap-south-1", "123456789012", "put_events", Entries=[ENTRY])
        first = moto_bridge._clients[("events", "ap-south-1")]
        moto_bridge.call("events", "ap-south-1", "123456789012", "put_events", Entries=[ENTRY])
        assert moto_bridge._clients[("events", "ap-south-1")] is first
        # the users' own clients are untouched by ours
        assert boto3.client("events", region_name="ap-south-1").list_rules()["Rules"] == []
