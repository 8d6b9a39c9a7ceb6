"""``review(id).approve(additional_attributes=...)``: what AWS adds to an approved
registration (e.g. a brand vetting's ``VETTING_SCORE``), seen through DescribeRegistrations."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock import MockError, SmsVoiceV2Mock

from .family_data import BRAND, VETTING
from .helpers import TOLL_FREE, new, registration


def submitted(client: Any, kind: str = TOLL_FREE) -> str:
    rid = new(client, kind)
    client.submit_registration_version(RegistrationId=rid)
    return rid


def test_a_vetting_score_on_an_approved_brand_vetting(client: Any, sms: SmsVoiceV2Mock) -> None:
    brand = submitted(client, BRAND)
    sms.review(brand).approve()
    vetting = new(client, VETTING)
    client.create_registration_association(RegistrationId=vetting, ResourceId=brand)
    client.submit_registration_version(RegistrationId=vetting)

    sms.review(vetting).approve(additional_attributes={"VETTING_SCORE": "75"})

    described = registration(client, vetting)
    assert described["RegistrationStatus"] == "COMPLETE"
    assert described["AdditionalAttributes"] == {"VETTING_SCORE": "75"}
    assert "AdditionalAttributes" not in registration(client, brand)
    [snapshot] = [r for r in sms.registrations() if r.id == vetting]
    assert dict(snapshot.additional_attributes) == {"VETTING_SCORE": "75"}


def test_attributes_merge_over_approvals_on_any_type(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).approve(additional_attributes={"A": "1", "B": "2"})
    client.create_registration_version(RegistrationId=rid)
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).approve(additional_attributes={"B": "3", "C": ""})
    assert registration(client, rid)["AdditionalAttributes"] == {"A": "1", "B": "3", "C": ""}
    client.create_registration_version(RegistrationId=rid)
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).approve()  # none given: the registration keeps what it has
    assert registration(client, rid)["AdditionalAttributes"] == {"A": "1", "B": "3", "C": ""}


def test_no_attributes_no_member(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = submitted(client)
    sms.review(rid).approve(additional_attributes={})
    assert "AdditionalAttributes" not in registration(client, rid)


@pytest.mark.parametrize(
    ("attributes", "says"),
    [
        ("VETTING_SCORE=75", "takes a mapping of strings to strings, e.g. {'VETTING_SCORE': "),
        ([("VETTING_SCORE", "75")], "not list [('VETTING_SCORE', '75')]"),
        ({"VETTING_SCORE": 75}, "not: 'VETTING_SCORE': 75"),
        ({1: "x", "ok": "y", "n": None}, "not: 1: 'x', 'n': None"),
    ],
)
def test_anything_but_strings_to_strings_is_a_mock_error(
    client: Any, sms: SmsVoiceV2Mock, attributes: Any, says: str
) -> None:
    rid = submitted(client)
    with pytest.raises(MockError) as raised:
        sms.review(rid).approve(additional_attributes=attributes)
    assert says in str(raised.value)
    described = registration(client, rid)  # nothing happened
    assert described["RegistrationStatus"] == "SUBMITTED"
    assert "AdditionalAttributes" not in described
