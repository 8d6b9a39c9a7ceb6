"""sms.export_state() / import_state(): the round trip through boto3, and what is refused."""

from __future__ import annotations

import copy
import json
from collections import deque
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import boto3
import pytest
import time_machine

from pinpoint_mock import MockError, SmsVoiceV2Mock, mock_sms_voice_v2
from pinpoint_mock.engine import snapshot
from tests import state_world


def _client(region: str = "us-east-1", account: str | None = None) -> Any:
    keys = {} if account is None else {"aws_access_key_id": account, "aws_secret_access_key": "x"}
    return boto3.client("pinpoint-sms-voice-v2", region_name=region, **keys)


@pytest.fixture(scope="module")
def world() -> dict[str, Any]:
    """A world touching every kind in two accounts and two Regions: the exported data and
    what every Describe showed of it."""
    with mock_sms_voice_v2() as sms:
        main, west, other = _client(), _client("eu-west-1"), _client(account="111122223333")
        state_world.build(main, sms)
        state_world.build(west, sms)
        other.create_registration(RegistrationType=state_world.TOLL_FREE)
        return {
            "data": sms.export_state(),
            "seen": [state_world.describe(c) for c in (main, west, other)],
        }


def test_the_round_trip_is_exact_for_every_kind(world: dict[str, Any]) -> None:
    with mock_sms_voice_v2() as sms:
        sms.import_state(world["data"])
        clients = (_client(), _client("eu-west-1"), _client(account="111122223333"))
        assert [state_world.describe(c) for c in clients] == world["seen"]
        assert sms.export_state() == world["data"]
    kinds = {k for r in world["data"]["regions"] for k in r["resources"]}
    assert kinds >= {
        "registration",
        "registration-attachment",
        "phone-number",
        "pool",
        "sender-id",
        "opt-out-list",
        "configuration-set",
        "policy",
        "message",
        "account",
        "verified-destination-number",
    }


def test_the_data_is_plain_json_and_survives_a_text_round_trip(world: dict[str, Any]) -> None:
    text = json.dumps(world["data"], indent=2)
    assert world["data"]["format"] == "pinpoint-mock-state"
    assert world["data"]["version"] == snapshot.VERSION
    with mock_sms_voice_v2() as sms:
        sms.import_state(json.loads(text))
        assert state_world.describe(_client()) == world["seen"][0]


def test_ids_created_after_an_import_come_after_and_never_collide(world: dict[str, Any]) -> None:
    with mock_sms_voice_v2() as sms:
        sms.import_state(world["data"])
        client = _client()
        before = client.describe_registrations()["Registrations"]
        new = client.create_registration(RegistrationType=state_world.TOLL_FREE)
        after = client.describe_registrations()["Registrations"]
        assert after[:-1] == before
        assert after[-1]["RegistrationId"] == new["RegistrationId"]
        assert new["RegistrationId"] not in {r["RegistrationId"] for r in before}
        # the review API finds imported registrations by ID alone
        sms.review(before[0]["RegistrationId"])


def test_messages_sent_after_an_import_come_after_the_imported_ones() -> None:
    """sms.messages is in sending order: the mock that imports (a fresh one, as a new process
    or a restarted server is) sends after everything it imported, in every Region."""
    with mock_sms_voice_v2() as before:
        for region in ("us-east-1", "eu-west-2"):
            client = boto3.client("pinpoint-sms-voice-v2", region_name=region)
            client.request_phone_number(
                IsoCountryCode="US",
                MessageType="TRANSACTIONAL",
                NumberCapabilities=["SMS"],
                NumberType="LONG_CODE",
            )
            client.send_text_message(DestinationPhoneNumber="+12065550142", MessageBody=region)
        data = before.export_state()
    for region in data["regions"]:  # as a long-running process numbers them
        for message in region["resources"]["message"]:
            message["order"] += 10_000
    with mock_sms_voice_v2() as after:
        after.import_state(data)
        client = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-2")
        client.send_text_message(DestinationPhoneNumber="+12065550142", MessageBody="new")
        assert [m.body for m in after.messages] == ["us-east-1", "eu-west-2", "new"]


def test_an_import_replaces_the_state_and_keeps_the_call_log(world: dict[str, Any]) -> None:
    with mock_sms_voice_v2() as sms:
        client = _client()
        client.create_configuration_set(ConfigurationSetName="main")
        calls = len(sms.calls)
        sms.import_state(world["data"])
        assert len(sms.calls) == calls
        sms.import_state({"format": "pinpoint-mock-state", "version": 1, "regions": []})
        assert client.describe_registrations()["Registrations"] == []
        assert [s["OptOutListName"] for s in client.describe_opt_out_lists()["OptOutLists"]] == [
            "Default"
        ]


def _broken(world: dict[str, Any]) -> list[tuple[Any, str]]:
    data = world["data"]

    def changed(edit: Any) -> Any:
        fresh = copy.deepcopy(data)
        edit(fresh)
        return fresh

    def region0(fresh: Any) -> Any:
        return fresh["regions"][0]

    def first_registration(fresh: Any) -> Any:
        return region0(fresh)["resources"]["registration"][0]

    return [
        ([], "not pinpoint-mock state|expected an object"),
        ({"format": "moto", "version": 1}, "this is not pinpoint-mock state"),
        ({**data, "version": 99}, "format version 99 is not one this pinpoint-mock reads"),
        ({**data, "version": "1"}, "format version '1'"),
        (changed(lambda d: d.update(extra=1)), "no top-level field"),
        (changed(lambda d: region0(d).pop("account_id")), "account_id and region"),
        (changed(lambda d: region0(d)["resources"].update(spaceship=[{}])), "no kind 'spaceship'"),
        (changed(lambda d: first_registration(d).update(status=3)), r"status should be a string"),
        (changed(lambda d: first_registration(d).update(colour="red")), "has no field"),
        (changed(lambda d: first_registration(d).pop("versions")), "lacks its field 'versions'"),
        (
            changed(lambda d: first_registration(d)["versions"][0].update(history=[])),
            r"versions\[0\]\.history should be an object",
        ),
        (
            changed(lambda d: d["regions"].append(copy.deepcopy(region0(d)))),
            "twice",
        ),
    ]


def test_malformed_data_is_refused_and_the_state_is_untouched(world: dict[str, Any]) -> None:
    with mock_sms_voice_v2() as sms:
        client = _client()
        client.create_configuration_set(ConfigurationSetName="kept")
        before = sms.export_state()
        for data, message in _broken(world):
            with pytest.raises(MockError, match=message):
                sms.import_state(data)
            assert sms.export_state() == before
        assert [
            s["ConfigurationSetName"]
            for s in client.describe_configuration_sets()["ConfigurationSets"]
        ] == ["kept"]


# -- the codec on its own ---------------------------------------------------------------------


@dataclass
class _Inner:
    when: float
    labels: set[str] | None = None


@dataclass
class _Record:
    id: str
    count: int
    flags: dict[str, bool] = field(default_factory=dict)
    inner: list[_Inner] = field(default_factory=list)
    times: deque[float] = field(default_factory=deque)
    pair: tuple[str, Any] | None = None


def test_the_codec_follows_the_record_types() -> None:
    codec = snapshot.codec(_Record)
    record = _Record(
        "r", 2, {"a": True}, [_Inner(1.5, {"b", "a"})], deque([1.0, 2.0]), ("x", {"k": [1]})
    )
    encoded = codec.encode(record)
    assert encoded == {
        "id": "r",
        "count": 2,
        "flags": {"a": True},
        "inner": [{"when": 1.5, "labels": ["a", "b"]}],
        "times": [1.0, 2.0],
        "pair": ["x", {"k": [1]}],
    }
    back = codec.decode(json.loads(json.dumps(encoded)), "r")
    assert back == record
    assert codec.encode(_Record("s", 1)) == {"id": "s", "count": 1}  # defaults left out
    assert codec.decode({"id": "s", "count": 1, "inner": [{"when": 3}]}, "r").inner[0].when == 3.0
    with pytest.raises(MockError, match=r"r\.count should be an integer, not bool"):
        codec.decode({"id": "s", "count": True}, "r")


def test_every_kind_the_service_keeps_is_registered(world: dict[str, Any]) -> None:
    from pinpoint_mock.engine.resources import KINDS, POLICY

    used = {k for r in world["data"]["regions"] for k in r["resources"]}
    assert used <= set(snapshot.kinds())
    assert {POLICY.arn_type, *(k for k in KINDS if k in used)} <= set(snapshot.kinds())


def test_export_says_which_kind_lacks_a_registration(sms: SmsVoiceV2Mock) -> None:
    _client().create_configuration_set(ConfigurationSetName="main")
    state = sms._service.store.regions()[0]
    state._kind("spaceship")["x"] = object()
    with pytest.raises(MockError, match="spaceship records: the kind has no register_kind"):
        sms.export_state()


@pytest.fixture
def sms() -> Any:
    with mock_sms_voice_v2() as mock:
        yield mock


# -- what the clock still owes -----------------------------------------------------------------

BRAND = "US_TEN_DLC_BRAND_REGISTRATION"
T0 = 1_767_225_600.0  # 2026-01-01T00:00:00Z
DAY = 86_400.0


def _outcome(sms: SmsVoiceV2Mock, rid: str) -> tuple[str, dict[str, float], list[tuple[str, str]]]:
    """The registration's status, its version's history, and its events (status, time)."""
    [version] = _client().describe_registration_versions(RegistrationId=rid)["RegistrationVersions"]
    history = {k: v.timestamp() for k, v in version["RegistrationVersionStatusHistory"].items()}
    events = [
        (e["detail"]["registrationDetails"]["currentStatus"], e["time"])
        for e in sms.eventbridge_events
        if e["detail"]["registrationDetails"]["registrationId"] == rid
    ]
    return version["RegistrationVersionStatus"], history, events


def _submitted(**options: Any) -> tuple[str, Any]:
    """A version submitted at T0 under ``options``, exported through JSON text at T0 + 10 s."""
    with mock_sms_voice_v2(**options) as sms:
        client = _client()
        rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
        client.submit_registration_version(RegistrationId=rid)
        return rid, json.loads(json.dumps(sms.export_state()))


def test_a_pending_review_is_exported_and_happens_after_the_import_at_its_moment() -> None:
    with time_machine.travel(T0, tick=False) as clock:
        rid, data = _submitted(review="approve", review_after=timedelta(days=3))
        assert [(m["registration"], m["version"], m["due"], m["step"]) for m in data["clock"]] == [
            (rid, 1, T0 + 1, "begin"),
            (rid, 1, T0 + 3 * DAY, "approve"),
        ]
        clock.shift(2 * DAY)  # the begin is already due at the import: it runs at the next look
        with mock_sms_voice_v2() as sms:  # no review options: the moves came with the state
            sms.import_state(data)
            assert _outcome(sms, rid)[0] == "REVIEWING"
            clock.shift(DAY)
            status, history, events = _outcome(sms, rid)
    assert status == "APPROVED"
    assert history == {
        "DraftTimestamp": T0,
        "SubmittedTimestamp": T0,
        "ReviewingTimestamp": T0 + 1,  # its due moment, not the moment of the look
        "ApprovedTimestamp": T0 + 3 * DAY,
    }
    assert events == [("REVIEWING", "2026-01-01T00:00:01Z"), ("COMPLETE", "2026-01-04T00:00:00Z")]


def test_an_imported_move_whose_version_moved_on_is_skipped() -> None:
    with time_machine.travel(T0, tick=False) as clock:
        rid, data = _submitted(review="approve", review_after=timedelta(days=1))
        with mock_sms_voice_v2() as sms:
            sms.import_state(data)
            sms.review(rid).deny()  # the test steps in before the clock
            clock.shift(2 * DAY)
            status, history, _ = _outcome(sms, rid)
            assert sms.export_state().get("clock") is None  # nothing owed any more
    assert status == "DENIED"
    assert set(history) == {"DraftTimestamp", "SubmittedTimestamp", "ReviewingTimestamp"} | {
        "DeniedTimestamp"
    }
    assert history["DeniedTimestamp"] == T0


def test_after_an_import_new_reviews_run_on_the_clock_and_are_announced() -> None:
    """The imported regions use the importing mock's clock and event log."""
    with (
        time_machine.travel(T0, tick=False) as clock,
        mock_sms_voice_v2(review="deny", review_after=timedelta(hours=1)) as sms,
    ):
        client = _client()
        rid = client.create_registration(RegistrationType=BRAND)["RegistrationId"]
        sms.import_state(sms.export_state())
        client.submit_registration_version(RegistrationId=rid)
        clock.shift(2 * 3600)
        status, history, events = _outcome(sms, rid)
    assert status == "DENIED"
    assert history["DeniedTimestamp"] == T0 + 3600
    assert [e[0] for e in events] == ["CREATED", "SUBMITTED", "REVIEWING", "REQUIRES_UPDATES"]


def test_an_export_with_nothing_owed_has_no_clock_section(world: dict[str, Any]) -> None:
    assert "clock" not in world["data"]


def test_malformed_moves_are_refused() -> None:
    with time_machine.travel(T0, tick=False):
        _, data = _submitted(review="approve", review_after=timedelta(days=1))

    def edited(**change: Any) -> Any:
        fresh = copy.deepcopy(data)
        fresh["clock"][0].update(change)
        return fresh

    with mock_sms_voice_v2() as sms:
        for broken, message in [
            (edited(step="launch"), "'launch' is not a step the clock takes"),
            (edited(region="eu-west-3"), r"clock\[0\]: account 123456789012 eu-west-3 is not"),
            (edited(due="soon"), r"clock\[0\]\.due should be a number"),
            (edited(colour="red"), r"clock\[0\] has no field"),
            ({**data, "clock": {}}, "clock should be a list"),
        ]:
            with pytest.raises(MockError, match=message):
                sms.import_state(broken)
        assert sms.export_state()["regions"] == []
