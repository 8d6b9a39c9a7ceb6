"""The errors table (docs/errors.md) says what the mock really answers, and all of it.

Every row is triggered through boto3 and must come back with its code and Reason; and every
Reason and error code that the package's code mentions must have a row, so a new refusal
cannot ship undocumented.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import ClientError

import pinpoint_mock
from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from pinpoint_mock.engine import dispatch, model
from pinpoint_mock.engine.resources import already_associated
from pinpoint_mock.service.registrations.errors_table import (
    _SPEND_CHANNELS,
    EVERY_OPERATION,
    OTHER_REQUESTS,
    ROWS,
    ErrorRow,
    markdown,
    operations,
)
from tests.http_helpers import unmodelled_operation
from tests.modes import MODES

from .helpers import TOLL_FREE, new

# A trigger sets the scene and returns the call that must fail as its row says.
Trigger = Callable[[Any, SmsVoiceV2Mock], Callable[[], object]]


def _submitted(client: Any) -> str:
    rid = new(client)
    client.submit_registration_version(RegistrationId=rid)
    return rid


def _denied(client: Any, sms: SmsVoiceV2Mock) -> str:
    rid = _submitted(client)
    sms.review(rid).deny()
    return rid


def _closed(client: Any, sms: SmsVoiceV2Mock) -> str:
    rid = new(client)
    sms.review(rid).close()
    return rid


def _other_account_arn(client: Any) -> str:
    rid = new(client)
    return f"arn:aws:sms-voice:us-east-1:111122223333:registration/{rid}"


def _versions_listing_token(client: Any, sms: SmsVoiceV2Mock) -> str:
    rid = _denied(client, sms)
    client.create_registration_version(RegistrationId=rid)
    page = client.describe_registration_versions(RegistrationId=rid, MaxResults=1)
    return str(page["NextToken"])


def _unknown_target(client: Any) -> Callable[[], object]:
    def rename(request: Any, **_: Any) -> None:
        request.headers["X-Amz-Target"] = "PinpointSMSVoiceV2.NoSuchOperation"

    client.meta.events.register_first("request-created.pinpoint-sms-voice-v2", rename)
    return lambda: client.describe_registrations()


_BAD_ID = "not an id!"
_NOBODY = "registration-" + "0" * 32

TRIGGERS: dict[str, Trigger] = {}


def trigger(case: str) -> Callable[[Trigger], Trigger]:
    def register(function: Trigger) -> Trigger:
        TRIGGERS[case] = function
        return function

    return register


@trigger("constraint")
def constraint(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return lambda: c.describe_registration_versions(RegistrationId=_BAD_ID)


@trigger("wrong-type")
def wrong_type(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return lambda: c.create_registration(RegistrationType=7)  # client validation is off


@trigger("bug")
def bug(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return lambda: c.describe_registrations()  # its handler is broken by a fixture


@trigger("not-modelled")
def not_modelled(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return getattr(c, xform_name(s.unmodelled))  # type: ignore[attr-defined,no-any-return]


@trigger("unknown-operation")
def unknown_operation(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _unknown_target(c)


@trigger("unknown-type")
def unknown_type(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return lambda: c.create_registration(RegistrationType="US_MOON_REGISTRATION")


@trigger("duplicate-tag")
def duplicate_tag(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    tags = [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]
    return lambda: c.create_registration(RegistrationType=TOLL_FREE, Tags=tags)


@trigger("token-reused")
def token_reused(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    c.create_registration(RegistrationType=TOLL_FREE, ClientToken="t-1")
    other = "US_TEN_DLC_BRAND_REGISTRATION"
    return lambda: c.create_registration(RegistrationType=other, ClientToken="t-1")


@trigger("create-tags-quota")  # the quota is 0 (OPTIONS)
def create_tags_quota(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    tags = [{"Key": "a", "Value": "1"}]
    return lambda: c.create_registration(RegistrationType=TOLL_FREE, Tags=tags)


@trigger("registrations-quota")  # the quota is 0 (OPTIONS)
def registrations_quota(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return lambda: c.create_registration(RegistrationType=TOLL_FREE)


@trigger("version-not-found")
def version_not_found(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    arn = _other_account_arn(c)
    return lambda: c.create_registration_version(RegistrationId=arn)


@trigger("version-while-open")
def version_while_open(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _submitted(c)
    return lambda: c.create_registration_version(RegistrationId=rid)


@trigger("version-closed")
def version_closed(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _closed(c, s)
    return lambda: c.create_registration_version(RegistrationId=rid)


@trigger("versions-quota")  # the quota is 0 (OPTIONS)
def versions_quota(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _denied(c, s)
    return lambda: c.create_registration_version(RegistrationId=rid)


@trigger("submit-not-found")
def submit_not_found(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return lambda: c.submit_registration_version(RegistrationId=_NOBODY)


@trigger("submit-twice")
def submit_twice(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _submitted(c)
    return lambda: c.submit_registration_version(RegistrationId=rid)


@trigger("submit-decided")
def submit_decided(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _denied(c, s)
    return lambda: c.submit_registration_version(RegistrationId=rid)


@trigger("submit-closed")
def submit_closed(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _closed(c, s)
    return lambda: c.submit_registration_version(RegistrationId=rid)


@trigger("discard-not-found")
def discard_not_found(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return lambda: c.discard_registration_version(RegistrationId=_NOBODY)


@trigger("discard-first-draft")
def discard_first_draft(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.discard_registration_version(RegistrationId=rid)


@trigger("discard-decided")
def discard_decided(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _denied(c, s)
    return lambda: c.discard_registration_version(RegistrationId=rid)


@trigger("discard-closed")
def discard_closed(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _closed(c, s)
    return lambda: c.discard_registration_version(RegistrationId=rid)


@trigger("delete-not-found")
def delete_not_found(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return lambda: c.delete_registration(RegistrationId=_NOBODY)


@trigger("delete-under-review")
def delete_under_review(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _submitted(c)
    return lambda: c.delete_registration(RegistrationId=rid)


@trigger("describe-unknown-id")
def describe_unknown_id(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    c.delete_registration(RegistrationId=rid)
    return lambda: c.describe_registrations(RegistrationIds=[rid])


@trigger("describe-bad-filter")
def describe_bad_filter(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    filters = [{"Name": "registration-status", "Values": ["SLEEPING"]}]
    return lambda: c.describe_registrations(Filters=filters)


@trigger("describe-bad-token")
def describe_bad_token(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    token = _versions_listing_token(c, s)  # a real token, from another listing
    return lambda: c.describe_registrations(NextToken=token)


@trigger("versions-not-found")
def versions_not_found(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return lambda: c.describe_registration_versions(RegistrationId=_NOBODY)


@trigger("versions-unknown-number")
def versions_unknown_number(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.describe_registration_versions(RegistrationId=rid, VersionNumbers=[2])


@trigger("versions-bad-filter")
def versions_bad_filter(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    filters = [{"Name": "registration-version-status", "Values": ["SLEEPING"]}]
    return lambda: c.describe_registration_versions(RegistrationId=rid, Filters=filters)


@trigger("versions-bad-token")
def versions_bad_token(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.describe_registration_versions(RegistrationId=rid, NextToken="forged")


# -- the registration family: simple calls ----------------------------------------------


def plain(method: str, **params: Any) -> Trigger:
    """A trigger that needs no scene: one call with these parameters."""
    return lambda c, s: lambda: getattr(c, method)(**params)


_NO_ATTACHMENT = "attachment-" + "0" * 32
_NO_PHONE = "phone-" + "0" * 32
_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
_NUMBER = {
    "IsoCountryCode": "US",
    "MessageType": "TRANSACTIONAL",
    "NumberCapabilities": ["SMS"],
    "NumberType": "TOLL_FREE",
}

TRIGGERS.update(
    {
        "type-definitions-unknown-type": plain(
            "describe_registration_type_definitions", RegistrationTypes=["US_MOON_REGISTRATION"]
        ),
        "type-definitions-bad-token": plain(
            "describe_registration_type_definitions", NextToken="forged"
        ),
        "section-definitions-unknown-type": plain(
            "describe_registration_section_definitions", RegistrationType="US_MOON_REGISTRATION"
        ),
        "section-definitions-unknown-section": plain(
            "describe_registration_section_definitions",
            RegistrationType=TOLL_FREE,
            SectionPaths=["moonInfo"],
        ),
        "section-definitions-bad-token": plain(
            "describe_registration_section_definitions", RegistrationType=TOLL_FREE, NextToken="x"
        ),
        "field-definitions-unknown-type": plain(
            "describe_registration_field_definitions", RegistrationType="US_MOON_REGISTRATION"
        ),
        "field-definitions-unknown-section": plain(
            "describe_registration_field_definitions",
            RegistrationType=TOLL_FREE,
            SectionPath="moonInfo",
        ),
        "field-definitions-unknown-field": plain(
            "describe_registration_field_definitions",
            RegistrationType=TOLL_FREE,
            FieldPaths=["companyInfo.moon"],
        ),
        "field-definitions-bad-token": plain(
            "describe_registration_field_definitions", RegistrationType=TOLL_FREE, NextToken="x"
        ),
        "put-value-not-found": plain(
            "put_registration_field_value", RegistrationId=_NOBODY, FieldPath="a.b", TextValue="x"
        ),
        "delete-value-not-found": plain(
            "delete_registration_field_value", RegistrationId=_NOBODY, FieldPath="a.b"
        ),
        "values-not-found": plain("describe_registration_field_values", RegistrationId=_NOBODY),
        "attachment-both": plain(
            "create_registration_attachment",
            AttachmentBody=_PNG,
            AttachmentUrl="s3://evidence-bucket/form.png",
        ),
        "attachment-neither": plain("create_registration_attachment"),
        "attachment-bad-url": plain(
            "create_registration_attachment", AttachmentUrl="https://example.com/form.png"
        ),
        "attachment-bad-type": plain(
            "create_registration_attachment", AttachmentBody=b"GIF89a" + b"\x00" * 64
        ),
        "attachment-too-big": plain(
            "create_registration_attachment", AttachmentBody=_PNG + b"\x00" * 600_000
        ),
        "attachment-duplicate-tag": plain(
            "create_registration_attachment",
            AttachmentBody=_PNG,
            Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}],
        ),
        "attachment-tags-quota": plain(
            "create_registration_attachment", AttachmentBody=_PNG, Tags=[{"Key": "a", "Value": "1"}]
        ),
        "attachments-quota": plain("create_registration_attachment", AttachmentBody=_PNG),
        "attachments-per-day-quota": plain("create_registration_attachment", AttachmentBody=_PNG),
        "attachments-unknown-id": plain(
            "describe_registration_attachments", RegistrationAttachmentIds=[_NO_ATTACHMENT]
        ),
        "attachments-bad-filter": plain(
            "describe_registration_attachments",
            Filters=[{"Name": "attachment-status", "Values": ["SLEEPING"]}],
        ),
        "attachments-bad-token": plain("describe_registration_attachments", NextToken="forged"),
        "delete-attachment-not-found": plain(
            "delete_registration_attachment", RegistrationAttachmentId=_NO_ATTACHMENT
        ),
        "associate-not-found": plain(
            "create_registration_association", RegistrationId=_NOBODY, ResourceId=_NO_PHONE
        ),
        "list-associations-not-found": plain(
            "list_registration_associations", RegistrationId=_NOBODY
        ),
        "tag-bad-arn": plain(
            "tag_resource",
            ResourceArn="arn:aws:sns:us-east-1:123456789012:alerts",
            Tags=[{"Key": "a", "Value": "1"}],
        ),
        "tag-not-found": plain(
            "tag_resource",
            ResourceArn=f"arn:aws:sms-voice:us-east-1:123456789012:registration/{_NOBODY}",
            Tags=[{"Key": "a", "Value": "1"}],
        ),
        "untag-bad-arn": plain(
            "untag_resource", ResourceArn="arn:aws:sns:us-east-1:123456789012:alerts", TagKeys=["a"]
        ),
        "untag-not-found": plain(
            "untag_resource",
            ResourceArn=f"arn:aws:sms-voice:us-east-1:123456789012:registration/{_NOBODY}",
            TagKeys=["a"],
        ),
        "list-tags-bad-arn": plain(
            "list_tags_for_resource", ResourceArn="arn:aws:sns:us-east-1:123456789012:alerts"
        ),
        "list-tags-not-found": plain(
            "list_tags_for_resource",
            ResourceArn=f"arn:aws:sms-voice:us-east-1:123456789012:registration/{_NOBODY}",
        ),
        "request-number-unavailable": plain(
            "request_phone_number", **{**_NUMBER, "IsoCountryCode": "FR", "NumberType": "LONG_CODE"}
        ),
        "request-number-preference-elsewhere": plain(
            "request_phone_number",
            **_NUMBER,
            NumberPreference=[{"PreferenceType": ["StartsWith"], "Filter": ["206"]}],
        ),
        "request-number-preference-unmatched": plain(
            "request_phone_number",
            **{**_NUMBER, "NumberType": "TEN_DLC"},
            NumberPreference=[{"PreferenceType": ["ExactMatch"], "Filter": ["+12065550999"]}],
        ),
        "request-number-no-pool": plain(
            "request_phone_number", **_NUMBER, PoolId="pool-" + "0" * 32
        ),
        "opt-out-list-exists": plain("create_opt_out_list", OptOutListName="Default"),
        "opt-out-list-duplicate-tag": plain(
            "create_opt_out_list",
            OptOutListName="Customers",
            Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}],
        ),
        "opt-out-list-tags-quota": plain(
            "create_opt_out_list", OptOutListName="Customers", Tags=[{"Key": "a", "Value": "1"}]
        ),
        "opt-out-lists-unknown-name": plain("describe_opt_out_lists", OptOutListNames=["Nobody"]),
        "opt-out-lists-bad-token": plain("describe_opt_out_lists", NextToken="forged"),
        "delete-opt-out-list-not-found": plain("delete_opt_out_list", OptOutListName="Nobody"),
        "delete-opt-out-list-in-use": plain("delete_opt_out_list", OptOutListName="Default"),
        "request-number-no-opt-out-list": plain(
            "request_phone_number", **_NUMBER, OptOutListName="Customers"
        ),
        "request-number-no-registration": plain(
            "request_phone_number", **_NUMBER, RegistrationId=_NOBODY
        ),
        "request-number-duplicate-tag": plain(
            "request_phone_number",
            **_NUMBER,
            Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}],
        ),
        "request-number-tags-quota": plain(
            "request_phone_number", **_NUMBER, Tags=[{"Key": "a", "Value": "1"}]
        ),
        "numbers-quota": plain("request_phone_number", **_NUMBER),
        "numbers-unknown-id": plain("describe_phone_numbers", PhoneNumberIds=[_NO_PHONE]),
        "numbers-bad-filter": plain(
            "describe_phone_numbers", Filters=[{"Name": "number-type", "Values": ["SLEEPING"]}]
        ),
        "numbers-bad-token": plain("describe_phone_numbers", NextToken="forged"),
        "release-not-found": plain("release_phone_number", PhoneNumberId=_NO_PHONE),
    }
)


# -- the registration family: with a scene ---------------------------------------------------


def _number(c: Any, number_type: str = "TOLL_FREE", country: str = "US", **extra: Any) -> str:
    params = {**_NUMBER, "NumberType": number_type, "IsoCountryCode": country, **extra}
    return str(c.request_phone_number(**params)["PhoneNumberId"])


def _associate(c: Any, rid: str, resource: str) -> Callable[[], object]:
    return lambda: c.create_registration_association(RegistrationId=rid, ResourceId=resource)


@trigger("submit-without-association")  # check_fields=True (OPTIONS)
def submit_without_association(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.submit_registration_version(RegistrationId=rid)


@trigger("delete-with-numbers")
def delete_with_numbers(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    _associate(c, rid, _number(c))()
    return lambda: c.delete_registration(RegistrationId=rid)


@trigger("delete-associated-under-review")
def delete_associated_under_review(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    brand = new(c, "US_TEN_DLC_BRAND_REGISTRATION")
    c.submit_registration_version(RegistrationId=brand)
    s.review(brand).approve()
    campaign = new(c, "US_TEN_DLC_CAMPAIGN_REGISTRATION")
    _associate(c, campaign, brand)()
    c.submit_registration_version(RegistrationId=campaign)
    return lambda: c.delete_registration(RegistrationId=brand)


@trigger("put-value-missing")
def put_value_missing(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    path = "companyInfo.companyName"
    return lambda: c.put_registration_field_value(RegistrationId=rid, FieldPath=path)


@trigger("put-value-several")
def put_value_several(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.put_registration_field_value(
        RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue="A", SelectChoices=["B"]
    )


@trigger("put-value-unknown-field")
def put_value_unknown_field(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.put_registration_field_value(
        RegistrationId=rid, FieldPath="companyInfo.moon", TextValue="A"
    )


@trigger("put-value-invalid")
def put_value_invalid(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)  # companyName is a TEXT field
    return lambda: c.put_registration_field_value(
        RegistrationId=rid, FieldPath="companyInfo.companyName", SelectChoices=["Example"]
    )


@trigger("put-value-not-draft")
def put_value_not_draft(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _submitted(c)
    return lambda: c.put_registration_field_value(
        RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue="Example Corp"
    )


@trigger("put-value-no-attachment")
def put_value_no_attachment(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.put_registration_field_value(
        RegistrationId=rid,
        FieldPath="messagingUseCase.optInImage",
        RegistrationAttachmentId=_NO_ATTACHMENT,
    )


@trigger("delete-value-unknown-field")
def delete_value_unknown_field(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.delete_registration_field_value(RegistrationId=rid, FieldPath="a.moon")


@trigger("delete-value-required")
def delete_value_required(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    path = "companyInfo.companyName"
    return lambda: c.delete_registration_field_value(RegistrationId=rid, FieldPath=path)


@trigger("delete-value-not-draft")
def delete_value_not_draft(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = _submitted(c)
    path = "companyInfo.address2"  # optional
    return lambda: c.delete_registration_field_value(RegistrationId=rid, FieldPath=path)


@trigger("values-unknown-version")
def values_unknown_version(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.describe_registration_field_values(RegistrationId=rid, VersionNumber=5)


@trigger("values-unknown-section")
def values_unknown_section(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.describe_registration_field_values(RegistrationId=rid, SectionPath="moon")


@trigger("values-unknown-field")
def values_unknown_field(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    paths = ["companyInfo.moon"]
    return lambda: c.describe_registration_field_values(RegistrationId=rid, FieldPaths=paths)


@trigger("values-bad-token")
def values_bad_token(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.describe_registration_field_values(RegistrationId=rid, NextToken="forged")


@trigger("attachment-token-reused")
def attachment_token_reused(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    c.create_registration_attachment(AttachmentBody=_PNG, ClientToken="t-1")
    other = b"%PDF-1.7\n" + b"\x00" * 64
    return lambda: c.create_registration_attachment(AttachmentBody=other, ClientToken="t-1")


@trigger("associate-no-resource")
def associate_no_resource(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _associate(c, new(c), _NO_PHONE)


@trigger("associate-wrong-kind")
def associate_wrong_kind(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _associate(c, new(c), _number(c, "TEN_DLC"))  # toll-free takes TOLL_FREE numbers


@trigger("associate-wrong-country")
def associate_wrong_country(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _associate(c, new(c), _number(c, "TOLL_FREE", "CA"))


@trigger("associate-twice")
def associate_twice(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid, number = new(c), _number(c)
    _associate(c, rid, number)()
    return _associate(c, rid, number)


@trigger("associate-number-taken")
def associate_number_taken(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _number(c)
    _associate(c, new(c), number)()
    return _associate(c, new(c), number)


@trigger("associate-not-complete")
def associate_not_complete(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    campaign = new(c, "US_TEN_DLC_CAMPAIGN_REGISTRATION")
    brand = new(c, "US_TEN_DLC_BRAND_REGISTRATION")  # CREATED, not COMPLETE
    return _associate(c, campaign, brand)


@trigger("associate-under-review")
def associate_under_review(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _associate(c, _submitted(c), _number(c))


@trigger("associate-closed")
def associate_closed(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _associate(c, _closed(c, s), _number(c))


@trigger("associations-quota")  # the quota is 0 (OPTIONS)
def associations_quota(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _associate(c, new(c), _number(c))


@trigger("numbers-per-registration-quota")  # the quota is 0 (OPTIONS)
def numbers_per_registration_quota(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _associate(c, new(c), _number(c))


@trigger("list-associations-bad-token")
def list_associations_bad_token(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)
    return lambda: c.list_registration_associations(RegistrationId=rid, NextToken="forged")


def _arn(c: Any) -> str:
    return str(c.create_registration(RegistrationType=TOLL_FREE)["RegistrationArn"])


@trigger("tag-duplicate")
def tag_duplicate(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    arn = _arn(c)
    tags = [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]
    return lambda: c.tag_resource(ResourceArn=arn, Tags=tags)


@trigger("tags-quota")  # the quota is 0 (OPTIONS)
def tags_quota(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    arn = _arn(c)
    return lambda: c.tag_resource(ResourceArn=arn, Tags=[{"Key": "a", "Value": "1"}])


@trigger("request-number-wrong-registration")
def request_number_wrong_registration(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid = new(c)  # toll-free: takes TOLL_FREE numbers, not TEN_DLC
    return lambda: _number(c, "TEN_DLC", RegistrationId=rid)


@trigger("request-number-token-reused")
def request_number_token_reused(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    _number(c, ClientToken="t-1")
    return lambda: _number(c, "TEN_DLC", ClientToken="t-1")


@trigger("opt-out-list-token-reused")
def opt_out_list_token_reused(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    c.create_opt_out_list(OptOutListName="Customers", ClientToken="t-1")
    return lambda: c.create_opt_out_list(OptOutListName="Others", ClientToken="t-1")


@trigger("release-protected")
def release_protected(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _number(c, DeletionProtectionEnabled=True)
    return lambda: c.release_phone_number(PhoneNumberId=number)


@trigger("release-under-review")
def release_under_review(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    rid, number = new(c), _number(c)
    _associate(c, rid, number)()
    c.submit_registration_version(RegistrationId=rid)
    return lambda: c.release_phone_number(PhoneNumberId=number)


# -- pools and UpdatePhoneNumber ---------------------------------------------------------------
_NO_POOL = "pool-" + "0" * 32
_TOPIC = "arn:aws:sns:us-east-1:123456789012:inbound"


def _long_code(c: Any, message_type: str = "TRANSACTIONAL", **extra: Any) -> str:
    return str(
        c.request_phone_number(
            IsoCountryCode="US",
            MessageType=message_type,
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
            **extra,
        )["PhoneNumberId"]
    )


def _pool(c: Any, number: str | None = None, **extra: Any) -> str:
    number = number or _long_code(c)
    return str(
        c.create_pool(
            OriginationIdentity=number, IsoCountryCode="US", MessageType="TRANSACTIONAL", **extra
        )["PoolId"]
    )


def _associate_identity(c: Any, pool: str, number: str) -> Callable[[], object]:
    return lambda: c.associate_origination_identity(
        PoolId=pool, OriginationIdentity=number, IsoCountryCode="US"
    )


TRIGGERS.update(
    {
        "update-number-not-found": plain("update_phone_number", PhoneNumberId=_NO_PHONE),
        "create-pool-no-identity": plain(
            "create_pool",
            OriginationIdentity=_NO_PHONE,
            MessageType="TRANSACTIONAL",
            IsoCountryCode="US",
        ),
        "pools-unknown-id": plain("describe_pools", PoolIds=[_NO_POOL]),
        "pools-owner-and-ids": plain("describe_pools", Owner="SELF", PoolIds=[_NO_POOL]),
        "pools-bad-filter": plain(
            "describe_pools", Filters=[{"Name": "status", "Values": ["SLEEPING"]}]
        ),
        "pools-bad-token": plain("describe_pools", NextToken="forged"),
        "update-pool-not-found": plain("update_pool", PoolId=_NO_POOL),
        "delete-pool-not-found": plain("delete_pool", PoolId=_NO_POOL),
        "associate-identity-no-pool": plain(
            "associate_origination_identity",
            PoolId=_NO_POOL,
            OriginationIdentity=_NO_PHONE,
            IsoCountryCode="US",
        ),
        "pool-identities-no-pool": plain("list_pool_origination_identities", PoolId=_NO_POOL),
        "update-number-no-list": lambda c, s: (
            lambda: c.update_phone_number(PhoneNumberId=_long_code(c), OptOutListName="nope")
        ),
        "update-number-no-channel": lambda c, s: (
            lambda: c.update_phone_number(PhoneNumberId=_long_code(c), TwoWayEnabled=True)
        ),
        "create-pool-message-type": lambda c, s: (
            lambda: c.create_pool(
                OriginationIdentity=_long_code(c, "PROMOTIONAL"),
                IsoCountryCode="US",
                MessageType="TRANSACTIONAL",
            )
        ),
        "create-pool-duplicate-tag": lambda c, s: (
            lambda: _pool(c, Tags=[{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}])
        ),
        "pools-quota": lambda c, s: lambda: _pool(c),
        "configuration-sets-quota": plain("create_configuration_set", ConfigurationSetName="a"),
        "opt-out-lists-quota": plain("create_opt_out_list", OptOutListName="more"),
        "update-pool-no-channel": lambda c, s: (
            lambda: c.update_pool(PoolId=_pool(c), TwoWayEnabled=True)
        ),
        "pool-identities-bad-filter": lambda c, s: (
            lambda: c.list_pool_origination_identities(
                PoolId=_pool(c), Filters=[{"Name": "number-capability", "Values": ["TELEX"]}]
            )
        ),
    }
)


@trigger("release-pooled")
def release_pooled(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _long_code(c)
    _pool(c, number)
    return lambda: c.release_phone_number(PhoneNumberId=number)


@trigger("update-number-pooled")
def update_number_pooled(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _long_code(c)
    _pool(c, number)
    return lambda: c.update_phone_number(PhoneNumberId=number, SelfManagedOptOutsEnabled=True)


@trigger("create-pool-number-pooled")
def create_pool_number_pooled(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _long_code(c)
    _pool(c, number)
    return lambda: _pool(c, number)


@trigger("create-pool-token-reused")
def create_pool_token_reused(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    _pool(c, ClientToken="t-1")
    return lambda: _pool(c, ClientToken="t-1")


@trigger("delete-pool-protected")
def delete_pool_protected(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    pool = _pool(c, DeletionProtectionEnabled=True)
    return lambda: c.delete_pool(PoolId=pool)


@trigger("associate-identity-twice")
def associate_identity_twice(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _long_code(c)
    return _associate_identity(c, _pool(c, number), number)


@trigger("associate-identity-other-pool")
def associate_identity_other_pool(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _long_code(c)
    _pool(c, number)
    return _associate_identity(c, _pool(c), number)


@trigger("associate-identity-message-type")
def associate_identity_message_type(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _associate_identity(c, _pool(c), _long_code(c, "PROMOTIONAL"))


@trigger("associate-identity-opt-out-list")
def associate_identity_opt_out_list(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    c.create_opt_out_list(OptOutListName="other")
    return _associate_identity(c, _pool(c), _long_code(c, OptOutListName="other"))


@trigger("associate-identity-self-managed")
def associate_identity_self_managed(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _long_code(c)
    c.update_phone_number(PhoneNumberId=number, SelfManagedOptOutsEnabled=True)
    return _associate_identity(c, _pool(c), number)


@trigger("associate-identity-two-way")
def associate_identity_two_way(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _long_code(c)
    c.update_phone_number(PhoneNumberId=number, TwoWayEnabled=True, TwoWayChannelArn=_TOPIC)
    return _associate_identity(c, _pool(c), number)


@trigger("identities-per-pool-quota")
def identities_per_pool_quota(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    return _associate_identity(c, _pool(c), _long_code(c))


@trigger("disassociate-identity-not-in-pool")
def disassociate_identity_not_in_pool(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    pool, number = _pool(c), _long_code(c)
    return lambda: c.disassociate_origination_identity(
        PoolId=pool, OriginationIdentity=number, IsoCountryCode="US"
    )


@trigger("disassociate-identity-last")
def disassociate_identity_last(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _long_code(c)
    pool = _pool(c, number)
    return lambda: c.disassociate_origination_identity(
        PoolId=pool, OriginationIdentity=number, IsoCountryCode="US"
    )


# -- configuration sets ------------------------------------------------------------------------
_SNS = {"TopicArn": "arn:aws:sns:us-east-1:123456789012:events"}


def _set(c: Any, name: str = "s") -> str:
    c.create_configuration_set(ConfigurationSetName=name)
    return name


def _destination(c: Any, name: str, **extra: Any) -> Callable[[], object]:
    params = {"MatchingEventTypes": ["ALL"], "SnsDestination": _SNS, **extra}
    return lambda: c.create_event_destination(
        ConfigurationSetName="s", EventDestinationName=name, **params
    )


TRIGGERS.update(
    {
        "configuration-set-exists": lambda c, s: lambda: _set(c, _set(c)),
        "configuration-set-duplicate-tag": plain(
            "create_configuration_set",
            ConfigurationSetName="s",
            Tags=[{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}],
        ),
        "configuration-sets-unknown-name": plain(
            "describe_configuration_sets", ConfigurationSetNames=["nope"]
        ),
        "configuration-sets-bad-filter": plain(
            "describe_configuration_sets",
            Filters=[{"Name": "default-message-type", "Values": ["LOUD"]}],
        ),
        "configuration-sets-bad-token": plain("describe_configuration_sets", NextToken="forged"),
        "delete-configuration-set-not-found": plain(
            "delete_configuration_set", ConfigurationSetName="nope"
        ),
        "CreateEventDestination-no-set": lambda c, s: _destination(c, "d"),
        "UpdateEventDestination-no-set": plain(
            "update_event_destination", ConfigurationSetName="s", EventDestinationName="d"
        ),
        "SetDefaultSenderId-no-set": plain(
            "set_default_sender_id", ConfigurationSetName="s", SenderId="ACME"
        ),
        "DeleteDefaultSenderId-no-set": plain("delete_default_sender_id", ConfigurationSetName="s"),
        "SetDefaultMessageType-no-set": plain(
            "set_default_message_type", ConfigurationSetName="s", MessageType="PROMOTIONAL"
        ),
        "DeleteDefaultMessageType-no-set": plain(
            "delete_default_message_type", ConfigurationSetName="s"
        ),
        "SetDefaultMessageFeedbackEnabled-no-set": plain(
            "set_default_message_feedback_enabled",
            ConfigurationSetName="s",
            MessageFeedbackEnabled=True,
        ),
        "event-destination-missing-sink": lambda c, s: (
            _set(c)
            and (
                lambda: c.create_event_destination(
                    ConfigurationSetName="s", EventDestinationName="d", MatchingEventTypes=["ALL"]
                )
            )
        ),
        "event-destination-two-sinks": lambda c, s: (
            _set(c)
            and _destination(
                c,
                "d",
                CloudWatchLogsDestination={
                    "IamRoleArn": "arn:aws:iam::123456789012:role/r",
                    "LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:g",
                },
            )
        ),
        "event-destination-text-sent": lambda c, s: (
            _set(c) and _destination(c, "d", MatchingEventTypes=["TEXT_SENT"])
        ),
    }
)


@trigger("configuration-set-token-reused")
def configuration_set_token_reused(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    c.create_configuration_set(ConfigurationSetName="a", ClientToken="t-1")
    return lambda: c.create_configuration_set(ConfigurationSetName="b", ClientToken="t-1")


@trigger("event-destination-exists")
def event_destination_exists(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    _set(c)
    _destination(c, "d")()
    return _destination(c, "d")


@trigger("event-destinations-quota")
def event_destinations_quota(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    _set(c)
    for i in range(5):
        _destination(c, f"d{i}")()
    return _destination(c, "d5")


@trigger("event-destination-kind-change")
def event_destination_kind_change(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    _set(c)
    _destination(c, "d")()
    return lambda: c.update_event_destination(
        ConfigurationSetName="s",
        EventDestinationName="d",
        KinesisFirehoseDestination={
            "IamRoleArn": "arn:aws:iam::123456789012:role/r",
            "DeliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/x",
        },
    )


@trigger("event-destination-not-found")
def event_destination_not_found(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    _set(c)
    return lambda: c.delete_event_destination(ConfigurationSetName="s", EventDestinationName="d")


# -- keywords, opted-out numbers, policies -----------------------------------------------------
_POLICY = '{"Version": "2012-10-17", "Statement": []}'


def _list_arn(c: Any) -> str:
    return str(c.create_opt_out_list(OptOutListName="shared")["OptOutListArn"])


def _set_arn(c: Any) -> str:
    return str(c.create_configuration_set(ConfigurationSetName="s")["ConfigurationSetArn"])


TRIGGERS.update(
    {
        "PutKeyword-no-identity": plain(
            "put_keyword", OriginationIdentity=_NO_PHONE, Keyword="A", KeywordMessage="a"
        ),
        "DescribeKeywords-no-identity": plain("describe_keywords", OriginationIdentity=_NO_PHONE),
        "DeleteKeyword-no-identity": plain(
            "delete_keyword", OriginationIdentity=_NO_PHONE, Keyword="A"
        ),
        "keyword-default-action": lambda c, s: (
            lambda: c.put_keyword(
                OriginationIdentity=_long_code(c),
                Keyword="STOP",
                KeywordMessage="x",
                KeywordAction="AUTOMATIC_RESPONSE",
            )
        ),
        "keywords-per-number-quota": lambda c, s: (
            lambda: c.put_keyword(
                OriginationIdentity=_long_code(c), Keyword="A", KeywordMessage="a"
            )
        ),
        "keywords-per-pool-quota": lambda c, s: (
            lambda: c.put_keyword(OriginationIdentity=_pool(c), Keyword="A", KeywordMessage="a")
        ),
        "describe-keywords-unknown": lambda c, s: (
            lambda: c.describe_keywords(OriginationIdentity=_long_code(c), Keywords=["NOPE"])
        ),
        "keywords-bad-filter": lambda c, s: (
            lambda: c.describe_keywords(
                OriginationIdentity=_long_code(c),
                Filters=[{"Name": "keyword-action", "Values": ["SHOUT"]}],
            )
        ),
        "delete-keyword-unknown": lambda c, s: (
            lambda: c.delete_keyword(OriginationIdentity=_long_code(c), Keyword="NOPE")
        ),
        "delete-keyword-default": lambda c, s: (
            lambda: c.delete_keyword(OriginationIdentity=_long_code(c), Keyword="HELP")
        ),
        "PutOptedOutNumber-no-list": plain(
            "put_opted_out_number", OptOutListName="nope", OptedOutNumber="+12065550100"
        ),
        "DescribeOptedOutNumbers-no-list": plain(
            "describe_opted_out_numbers", OptOutListName="nope"
        ),
        "DeleteOptedOutNumber-no-list": plain(
            "delete_opted_out_number", OptOutListName="nope", OptedOutNumber="+12065550100"
        ),
        "opted-out-unknown": plain(
            "describe_opted_out_numbers",
            OptOutListName="Default",
            OptedOutNumbers=["+12065550100"],
        ),
        "opted-out-bad-filter": plain(
            "describe_opted_out_numbers",
            OptOutListName="Default",
            Filters=[{"Name": "end-user-opted-out", "Values": ["maybe"]}],
        ),
        "PutResourcePolicy-not-shareable": lambda c, s: (
            lambda: c.put_resource_policy(ResourceArn=_set_arn(c), Policy=_POLICY)
        ),
        "GetResourcePolicy-not-shareable": lambda c, s: (
            lambda: c.get_resource_policy(ResourceArn=_set_arn(c))
        ),
        "DeleteResourcePolicy-not-shareable": lambda c, s: (
            lambda: c.delete_resource_policy(ResourceArn=_set_arn(c))
        ),
        "policy-no-resource": plain(
            "put_resource_policy",
            ResourceArn="arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/nope",
            Policy=_POLICY,
        ),
        "policy-not-json": lambda c, s: (
            lambda: c.put_resource_policy(ResourceArn=_list_arn(c), Policy="{nope")
        ),
        "GetResourcePolicy-no-policy": lambda c, s: (
            lambda: c.get_resource_policy(ResourceArn=_list_arn(c))
        ),
        "DeleteResourcePolicy-no-policy": lambda c, s: (
            lambda: c.delete_resource_policy(ResourceArn=_list_arn(c))
        ),
    }
)


@trigger("keyword-pooled-number")
def keyword_pooled_number(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = _long_code(c)
    _pool(c, number)
    return lambda: c.put_keyword(OriginationIdentity=number, Keyword="A", KeywordMessage="a")


@trigger("opted-out-delete-again")
def opted_out_delete_again(c: Any, s: SmsVoiceV2Mock) -> Callable[[], object]:
    number = {"OptOutListName": "Default", "OptedOutNumber": "+12065550100"}
    c.put_opted_out_number(**number)
    c.delete_opted_out_number(**number)
    c.put_opted_out_number(**number)
    return lambda: c.delete_opted_out_number(**number)


# -- sender IDs ------------------------------------------------------------------------------
def _sender(c: Any, **extra: Any) -> dict[str, Any]:
    made: dict[str, Any] = c.request_sender_id(SenderId="ACME", IsoCountryCode="DE", **extra)
    return made


_ACME = {"SenderId": "ACME", "IsoCountryCode": "DE"}
TRIGGERS.update(
    {
        "sender-id-not-supported": plain("request_sender_id", SenderId="A", IsoCountryCode="US"),
        "sender-id-requires-registration": plain(
            "request_sender_id", SenderId="A", IsoCountryCode="JO"
        ),
        "sender-id-exists": lambda c, s: _sender(c) and (lambda: _sender(c)),
        "sender-ids-quota": lambda c, s: lambda: _sender(c),
        "sender-id-duplicate-tag": lambda c, s: (
            lambda: _sender(c, Tags=[{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}])
        ),
        "sender-id-token-reused": lambda c, s: (
            _sender(c, ClientToken="t-1")
            and (lambda: c.request_sender_id(SenderId="B", IsoCountryCode="DE", ClientToken="t-1"))
        ),
        "sender-ids-unknown": plain("describe_sender_ids", SenderIds=[_ACME]),
        "sender-ids-owner-and-ids": plain("describe_sender_ids", Owner="SELF", SenderIds=[_ACME]),
        "sender-ids-bad-filter": plain(
            "describe_sender_ids", Filters=[{"Name": "registered", "Values": ["maybe"]}]
        ),
        "sender-ids-bad-token": plain("describe_sender_ids", NextToken="forged"),
        "update-sender-id-not-found": plain("update_sender_id", **_ACME),
        "release-sender-id-protected": lambda c, s: (
            _sender(c, DeletionProtectionEnabled=True) and (lambda: c.release_sender_id(**_ACME))
        ),
        "release-sender-id-pooled": lambda c, s: (
            _sender(c)
            and c.create_pool(
                OriginationIdentity="ACME", IsoCountryCode="DE", MessageType="TRANSACTIONAL"
            )
            and (lambda: c.release_sender_id(**_ACME))
        ),
        "create-pool-sender-without-country": lambda c, s: (
            _sender(c)
            and (lambda: c.create_pool(OriginationIdentity="ACME", MessageType="TRANSACTIONAL"))
        ),
    }
)


# -- sending, verified destination numbers, the account ---------------------------------------

_TO = "+12065550142"


def _sending_number(c: Any, *capabilities: str) -> str:
    return str(
        c.request_phone_number(
            **{**_NUMBER, "NumberType": "LONG_CODE", "NumberCapabilities": list(capabilities)}
        )["PhoneNumber"]
    )


def _text(c: Any, **params: Any) -> Callable[[], object]:
    return lambda: c.send_text_message(
        **{"DestinationPhoneNumber": _TO, "MessageBody": "hello", **params}
    )


def _verified_number(c: Any) -> str:
    return str(
        c.create_verified_destination_number(DestinationPhoneNumber=_TO)[
            "VerifiedDestinationNumberId"
        ]
    )


def _not_an_object(c: Any, method: str) -> Callable[[], object]:
    def swap(request: Any, **_: Any) -> None:
        request.data = b"[]"

    c.meta.events.register_first("request-created.pinpoint-sms-voice-v2", swap)
    return lambda: getattr(c, method)()


def _opted_out(c: Any) -> Callable[[], object]:
    number = _sending_number(c, "SMS")
    c.put_opted_out_number(OptOutListName="Default", OptedOutNumber=_TO)
    return _text(c, OriginationIdentity=number)


def _pending_registered(c: Any) -> Callable[[], object]:
    phone = _number(c)
    c.create_registration_association(RegistrationId=new(c), ResourceId=phone)
    return _text(c, OriginationIdentity=phone)


def _code_sent_five_times(c: Any) -> Callable[[], object]:
    _sending_number(c, "SMS")
    vdn = _verified_number(c)
    for _ in range(5):
        c.send_destination_number_verification_code(
            VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
        )
    return lambda: c.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
    )


def _verified(c: Any, s: SmsVoiceV2Mock) -> str:
    _sending_number(c, "SMS")
    vdn = _verified_number(c)
    c.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
    )
    code = s.messages[-1].body
    c.verify_destination_number(VerifiedDestinationNumberId=vdn, VerificationCode=code)
    return vdn


def _media(c: Any, url: str = "s3://media-bucket/a.png") -> Callable[[], object]:
    number = _sending_number(c, "SMS", "MMS")
    return lambda: c.send_media_message(
        DestinationPhoneNumber=_TO, OriginationIdentity=number, MessageBody="hi", MediaUrls=[url]
    )


_NO_VDN = "vdn-" + "0" * 32
TRIGGERS.update(
    {
        "send-no-identity": lambda c, s: _text(c, OriginationIdentity=_NO_PHONE),
        "send-no-configuration-set": lambda c, s: _text(c, ConfigurationSetName="nobody"),
        "send-no-protect-configuration": lambda c, s: _text(
            c, ProtectConfigurationId="protect-" + "0" * 32
        ),
        "send-registration-not-complete": lambda c, s: _pending_registered(c),
        "send-number-not-active": lambda c, s: _text(c, OriginationIdentity=_number(c)),
        "send-capability-mismatch": lambda c, s: (
            lambda number: (
                lambda: c.send_voice_message(
                    DestinationPhoneNumber=_TO, OriginationIdentity=number, MessageBody="hi"
                )
            )
        )(_sending_number(c, "SMS")),
        "send-other-country": lambda c, s: _text(
            c, OriginationIdentity=_sending_number(c, "SMS"), DestinationPhoneNumber="+447700900123"
        ),
        "send-sender-id-other-country": lambda c, s: _text(
            c,
            OriginationIdentity=c.request_sender_id(SenderId="ACME", IsoCountryCode="DE")[
                "SenderIdArn"
            ],
            DestinationPhoneNumber="+33612345678",
        ),
        "send-sender-id-not-supported": lambda c, s: (
            c.request_sender_id(SenderId="ACME", IsoCountryCode="DE")
            and _text(c, OriginationIdentity="ACME")
        ),
        "send-no-identity-found": lambda c, s: _text(c),
        "send-not-verified": lambda c, s: _text(c, OriginationIdentity=_sending_number(c, "SMS")),
        "send-opted-out": lambda c, s: _opted_out(c),
        "send-over-max-price": lambda c, s: _text(
            c, OriginationIdentity=_sending_number(c, "SMS"), MaxPrice="0.001"
        ),
        "send-text-spend-limit": lambda c, s: (
            c.set_text_message_spend_limit_override(MonthlyLimit=0)
            and _text(c, OriginationIdentity=_sending_number(c, "SMS"))
        ),
        "send-voice-spend-limit": lambda c, s: (
            c.set_voice_message_spend_limit_override(MonthlyLimit=0)
            and (
                lambda number: (
                    lambda: c.send_voice_message(
                        DestinationPhoneNumber=_TO, OriginationIdentity=number, MessageBody="hi"
                    )
                )
            )(_sending_number(c, "VOICE"))
        ),
        "send-media-spend-limit": lambda c, s: (
            c.set_media_message_spend_limit_override(MonthlyLimit=0) and _media(c)
        ),
        "send-voice-text-too-long": lambda c, s: (
            lambda number: (
                lambda: c.send_voice_message(
                    DestinationPhoneNumber=_TO, OriginationIdentity=number, MessageBody="a" * 3001
                )
            )
        )(_sending_number(c, "SMS", "VOICE")),
        "send-media-type": lambda c, s: _media(c, "s3://media-bucket/a.exe"),
        "feedback-unknown-message": plain(
            "put_message_feedback", MessageId="nobody", MessageFeedbackStatus="RECEIVED"
        ),
        "carrier-lookup-not-a-number": plain("carrier_lookup", PhoneNumber="2065550142"),
        "verified-number-exists": lambda c, s: (
            _verified_number(c) and (lambda: _verified_number(c))
        ),
        "verified-numbers-quota": lambda c, s: lambda: _verified_number(c),
        "verified-number-no-rcs-agent": plain(
            "create_verified_destination_number",
            DestinationPhoneNumber=_TO,
            RcsAgentId="rcs-" + "0" * 32,
        ),
        "verified-number-duplicate-tag": plain(
            "create_verified_destination_number",
            DestinationPhoneNumber=_TO,
            Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}],
        ),
        "verified-number-token-reused": lambda c, s: (
            c.create_verified_destination_number(DestinationPhoneNumber=_TO, ClientToken="t-1")
            and (
                lambda: c.create_verified_destination_number(
                    DestinationPhoneNumber="+12065550143", ClientToken="t-1"
                )
            )
        ),
        "verified-numbers-unknown": plain(
            "describe_verified_destination_numbers", VerifiedDestinationNumberIds=[_NO_VDN]
        ),
        "verified-numbers-bad-filter": plain(
            "describe_verified_destination_numbers",
            Filters=[{"Name": "status", "Values": ["SLEEPING"]}],
        ),
        "verified-numbers-bad-token": plain(
            "describe_verified_destination_numbers", NextToken="forged"
        ),
        "delete-verified-number-not-found": plain(
            "delete_verified_destination_number", VerifiedDestinationNumberId=_NO_VDN
        ),
        "delete-verified-number-too-soon": lambda c, s: (
            lambda vdn: (
                lambda: c.delete_verified_destination_number(VerifiedDestinationNumberId=vdn)
            )
        )(_verified_number(c)),
        "verification-code-already-verified": lambda c, s: (
            lambda vdn: (
                lambda: c.send_destination_number_verification_code(
                    VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
                )
            )
        )(_verified(c, s)),
        "verification-attempts-quota": lambda c, s: _code_sent_five_times(c),
        "verification-code-no-identity": lambda c, s: (
            lambda vdn: (
                lambda: c.send_destination_number_verification_code(
                    VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
                )
            )
        )(_verified_number(c)),
        "verify-not-found": plain(
            "verify_destination_number", VerifiedDestinationNumberId=_NO_VDN, VerificationCode="1"
        ),
        "verify-code-expired": lambda c, s: (
            lambda vdn: (
                lambda: c.verify_destination_number(
                    VerifiedDestinationNumberId=vdn, VerificationCode="123456"
                )
            )
        )(_verified_number(c)),
        "verify-code-mismatch": lambda c, s: (
            lambda vdn: (
                _sending_number(c, "SMS")
                and c.send_destination_number_verification_code(
                    VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
                )
                and (
                    lambda: c.verify_destination_number(
                        VerifiedDestinationNumberId=vdn, VerificationCode="nottheone"
                    )
                )
            )
        )(_verified_number(c)),
        "account-attributes-bad-token": plain("describe_account_attributes", NextToken="forged"),
        "account-limits-bad-token": plain("describe_account_limits", NextToken="forged"),
        "spend-limits-bad-token": plain("describe_spend_limits", NextToken="forged"),
        **{
            f"set-{channel.lower()}-spend-limit-too-high": plain(
                f"set_{channel.lower()}_message_spend_limit_override", MonthlyLimit=10_001
            )
            for channel in _SPEND_CHANNELS
        },
        **{
            f"delete-{channel.lower()}-spend-limit-not-an-object": (
                lambda method: lambda c, s: _not_an_object(c, method)
            )(f"delete_{channel.lower()}_message_spend_limit_override")
            for channel in _SPEND_CHANNELS
        },
    }
)


# -- protect configurations -------------------------------------------------------------------

_NO_PROTECT = "protect-" + "0" * 32


def _protect(c: Any, **params: Any) -> str:
    return str(c.create_protect_configuration(**params)["ProtectConfigurationId"])


def _protected_send(c: Any, action: str | None) -> Callable[[], object]:
    """A text to a US number whose protect configuration blocks the US (``action`` None) or
    has an override of ``action`` for the number."""
    if (
        action is not None
        and "PutProtectConfigurationRuleSetNumberOverride" not in dispatch.HANDLERS
    ):
        pytest.skip("the installed botocore has no PutProtectConfigurationRuleSetNumberOverride")
    number = _sending_number(c, "SMS")
    pid = _protect(c)
    if action is None:
        c.update_protect_configuration_country_rule_set(
            ProtectConfigurationId=pid,
            NumberCapability="SMS",
            CountryRuleSetUpdates={"US": {"ProtectStatus": "BLOCK"}},
        )
    else:
        c.put_protect_configuration_rule_set_number_override(
            ProtectConfigurationId=pid, DestinationPhoneNumber=_TO, Action=action
        )
    return _text(c, OriginationIdentity=number, ProtectConfigurationId=pid)


def _rcs_rule_set(c: Any) -> Callable[[], object]:
    if "RCS" not in model.enum("NumberCapability"):
        pytest.skip("the installed botocore's NumberCapability has no RCS")
    pid = _protect(c)
    return lambda: c.get_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid, NumberCapability="RCS"
    )


def _associated(c: Any) -> str:
    pid = _protect(c)
    c.create_configuration_set(ConfigurationSetName="cs")
    c.associate_protect_configuration(ProtectConfigurationId=pid, ConfigurationSetName="cs")
    return pid


# -- Notify ---------------------------------------------------------------------------------
_ENGLISH = "notify-code-verification-english-001"
_NO_NOTIFY = "notify-" + "0" * 32


def _notify(c: Any, **extra: Any) -> str:
    params = {
        "DisplayName": "AnyCompany",
        "UseCase": "CODE_VERIFICATION",
        "EnabledChannels": ["SMS"],
    }
    return str(c.create_notify_configuration(**{**params, **extra})["NotifyConfigurationId"])


def _notify_text(c: Any, nid: str | None = None, **extra: Any) -> Callable[[], object]:
    nid = nid or _notify(c)
    params = {
        "NotifyConfigurationId": nid,
        "DestinationPhoneNumber": _TO,
        "TemplateId": _ENGLISH,
        "TemplateVariables": {"code": "123456"},
    }
    return lambda: c.send_notify_text_message(**{**params, **extra})


def _notify_voice(c: Any, to: str = _TO, **extra: Any) -> Callable[[], object]:
    nid = _notify(c, EnabledChannels=["VOICE"])
    params = {
        "NotifyConfigurationId": nid,
        "DestinationPhoneNumber": to,
        "TemplateId": "notify-code-verification-spanish-001",
        "TemplateVariables": {"code": "123456"},
    }
    return lambda: c.send_notify_voice_message(**{**params, **extra})


def _notify_opted_out(c: Any) -> Callable[[], object]:
    nid = _notify(c, PoolId=_pool(c, _long_code(c)))
    c.put_opted_out_number(OptOutListName="Default", OptedOutNumber=_TO)
    return _notify_text(c, nid)


TRIGGERS.update(
    {
        "send-protect-country-blocked": lambda c, s: _protected_send(c, None),
        "send-protect-number-blocked": lambda c, s: _protected_send(c, "BLOCK"),
        "protect-configurations-quota": plain("create_protect_configuration"),
        "protect-duplicate-tag": plain(
            "create_protect_configuration",
            Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}],
        ),
        "protect-token-reused": lambda c, s: (
            c.create_protect_configuration(ClientToken="t-1")
            and (
                lambda: c.create_protect_configuration(
                    ClientToken="t-1", DeletionProtectionEnabled=True
                )
            )
        ),
        "protect-configurations-unknown": plain(
            "describe_protect_configurations", ProtectConfigurationIds=[_NO_PROTECT]
        ),
        "protect-configurations-bad-filter": plain(
            "describe_protect_configurations",
            Filters=[{"Name": "account-default", "Values": ["maybe"]}],
        ),
        "protect-configurations-bad-token": plain(
            "describe_protect_configurations", NextToken="forged"
        ),
        "update-protect-not-found": plain(
            "update_protect_configuration", ProtectConfigurationId=_NO_PROTECT
        ),
        "delete-protect-not-found": plain(
            "delete_protect_configuration", ProtectConfigurationId=_NO_PROTECT
        ),
        "delete-protect-protected": lambda c, s: (
            lambda pid: lambda: c.delete_protect_configuration(ProtectConfigurationId=pid)
        )(_protect(c, DeletionProtectionEnabled=True)),
        "delete-protect-default": lambda c, s: (
            lambda pid: (
                c.set_account_default_protect_configuration(ProtectConfigurationId=pid)
                and (lambda: c.delete_protect_configuration(ProtectConfigurationId=pid))
            )
        )(_protect(c)),
        "delete-protect-associated": lambda c, s: (
            lambda pid: lambda: c.delete_protect_configuration(ProtectConfigurationId=pid)
        )(_associated(c)),
        "get-rule-set-not-found": plain(
            "get_protect_configuration_country_rule_set",
            ProtectConfigurationId=_NO_PROTECT,
            NumberCapability="SMS",
        ),
        "get-rule-set-rcs": lambda c, s: _rcs_rule_set(c),
        "update-rule-set-not-found": plain(
            "update_protect_configuration_country_rule_set",
            ProtectConfigurationId=_NO_PROTECT,
            NumberCapability="SMS",
            CountryRuleSetUpdates={"US": {"ProtectStatus": "BLOCK"}},
        ),
        "update-rule-set-invalid": lambda c, s: (
            lambda pid: (
                lambda: c.update_protect_configuration_country_rule_set(
                    ProtectConfigurationId=pid,
                    NumberCapability="SMS",
                    CountryRuleSetUpdates={"ZZ": {"ProtectStatus": "BLOCK"}},
                )
            )
        )(_protect(c)),
        "put-override-not-found": plain(
            "put_protect_configuration_rule_set_number_override",
            ProtectConfigurationId=_NO_PROTECT,
            DestinationPhoneNumber=_TO,
            Action="BLOCK",
        ),
        "put-override-token-reused": lambda c, s: (
            lambda pid: (
                c.put_protect_configuration_rule_set_number_override(
                    ProtectConfigurationId=pid,
                    DestinationPhoneNumber=_TO,
                    Action="BLOCK",
                    ClientToken="t-1",
                )
                and (
                    lambda: c.put_protect_configuration_rule_set_number_override(
                        ProtectConfigurationId=pid,
                        DestinationPhoneNumber=_TO,
                        Action="ALLOW",
                        ClientToken="t-1",
                    )
                )
            )
        )(_protect(c)),
        "delete-override-not-found": lambda c, s: (
            lambda pid: (
                lambda: c.delete_protect_configuration_rule_set_number_override(
                    ProtectConfigurationId=pid, DestinationPhoneNumber=_TO
                )
            )
        )(_protect(c)),
        "list-overrides-not-found": plain(
            "list_protect_configuration_rule_set_number_overrides",
            ProtectConfigurationId=_NO_PROTECT,
        ),
        "list-overrides-bad-filter": lambda c, s: (
            lambda pid: (
                lambda: c.list_protect_configuration_rule_set_number_overrides(
                    ProtectConfigurationId=pid,
                    Filters=[{"Name": "created-before", "Values": ["yesterday"]}],
                )
            )
        )(_protect(c)),
        "list-overrides-bad-token": lambda c, s: (
            lambda pid: (
                lambda: c.list_protect_configuration_rule_set_number_overrides(
                    ProtectConfigurationId=pid, NextToken="forged"
                )
            )
        )(_protect(c)),
        "associate-protect-not-found": lambda c, s: (
            c.create_configuration_set(ConfigurationSetName="cs")
            and (
                lambda: c.associate_protect_configuration(
                    ProtectConfigurationId=_NO_PROTECT, ConfigurationSetName="cs"
                )
            )
        ),
        "associate-protect-no-set": lambda c, s: (
            lambda pid: (
                lambda: c.associate_protect_configuration(
                    ProtectConfigurationId=pid, ConfigurationSetName="nowhere"
                )
            )
        )(_protect(c)),
        "disassociate-protect-not-associated": lambda c, s: (
            lambda pid: (
                c.create_configuration_set(ConfigurationSetName="cs")
                and (
                    lambda: c.disassociate_protect_configuration(
                        ProtectConfigurationId=pid, ConfigurationSetName="cs"
                    )
                )
            )
        )(_protect(c)),
        "set-default-protect-not-found": plain(
            "set_account_default_protect_configuration", ProtectConfigurationId=_NO_PROTECT
        ),
        "delete-default-protect-none": plain("delete_account_default_protect_configuration"),
        "delete-pool-notify": lambda c, s: (
            lambda pool: _notify(c, PoolId=pool) and (lambda: c.delete_pool(PoolId=pool))
        )(_pool(c)),
        "notify-invalid-setting": lambda c, s: lambda: _notify(c, EnabledChannels=["MMS"]),
        "notify-no-template": lambda c, s: lambda: _notify(c, DefaultTemplateId="notify-none"),
        "notify-no-pool": lambda c, s: lambda: _notify(c, PoolId=_NO_POOL),
        "notify-duplicate-tag": lambda c, s: (
            lambda: _notify(c, Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}])
        ),
        "notify-tags-quota": lambda c, s: lambda: _notify(c, Tags=[{"Key": "a", "Value": "1"}]),
        "notify-token-reused": lambda c, s: (
            _notify(c, ClientToken="t-1")
            and (lambda: _notify(c, ClientToken="t-1", DisplayName="B"))
        ),
        "notify-configurations-quota": lambda c, s: lambda: _notify(c),
        "notify-configurations-unknown": plain(
            "describe_notify_configurations", NotifyConfigurationIds=[_NO_NOTIFY]
        ),
        "notify-configurations-bad-filter": plain(
            "describe_notify_configurations", Filters=[{"Name": "status", "Values": ["SLEEPING"]}]
        ),
        "notify-configurations-bad-token": plain("describe_notify_configurations", NextToken="x"),
        "update-notify-invalid": lambda c, s: (
            lambda nid: (
                lambda: c.update_notify_configuration(
                    NotifyConfigurationId=nid, EnabledCountries=["TR"]
                )
            )
        )(_notify(c)),
        "update-notify-not-found": plain(
            "update_notify_configuration", NotifyConfigurationId=_NO_NOTIFY
        ),
        "delete-notify-not-found": plain(
            "delete_notify_configuration", NotifyConfigurationId=_NO_NOTIFY
        ),
        "delete-notify-protected": lambda c, s: (
            lambda nid: lambda: c.delete_notify_configuration(NotifyConfigurationId=nid)
        )(_notify(c, DeletionProtectionEnabled=True)),
        "notify-templates-unknown": plain("describe_notify_templates", TemplateIds=["nothing"]),
        "notify-templates-bad-filter": plain(
            "describe_notify_templates", Filters=[{"Name": "language-code", "Values": ["EN"]}]
        ),
        "notify-templates-bad-token": plain("describe_notify_templates", NextToken="forged"),
        "notify-countries-bad-token": plain("list_notify_countries", NextToken="forged"),
        "notify-send-no-configuration-set": lambda c, s: _notify_text(
            c, ConfigurationSetName="nobody"
        ),
        "notify-send-no-template": lambda c, s: _notify_text(c, TemplateId="notify-none"),
        "notify-send-not-active": lambda c, s: _notify_text(c, _notify(c, DisplayName="AWS")),
        "notify-send-channel": lambda c, s: _notify_text(c, _notify(c, EnabledChannels=["VOICE"])),
        "notify-send-no-template-id": lambda c, s: _notify_text(c, TemplateId=""),
        "notify-send-country": lambda c, s: _notify_text(c, _notify(c, EnabledCountries=["GB"])),
        "notify-send-invalid": lambda c, s: _notify_text(c, TemplateVariables={"code": "12"}),
        "notify-send-opted-out": lambda c, s: _notify_opted_out(c),
        "notify-send-daily-limit": lambda c, s: (
            lambda nid: _notify_text(c, nid)() and _notify_text(c, nid)
        )(_notify(c)),
        "notify-send-spend-limit": lambda c, s: (
            c.set_notify_message_spend_limit_override(MonthlyLimit=0) and _notify_text(c)
        ),
        "notify-voice-unavailable": lambda c, s: _notify_voice(c, "+919876543210"),
        "notify-voice-invalid": lambda c, s: _notify_voice(c, VoiceId="JOANNA"),
    }
)

# -- RCS agents ------------------------------------------------------------------------------

_NO_AGENT = "rcs-" + "0" * 32
_HELLO = {"Content": {"TextMessage": {"Body": "hi"}}}
_CHANNEL = "arn:aws:sns:us-east-1:123456789012:inbound"


def _agent(c: Any, **params: Any) -> str:
    return str(c.create_rcs_agent(**params)["RcsAgentId"])


def _agent_registration(c: Any, agent: str, kind: str = "TEST_RCS_LAUNCH_REGISTRATION") -> str:
    reg = str(c.create_registration(RegistrationType=kind)["RegistrationId"])
    c.create_registration_association(RegistrationId=reg, ResourceId=agent)
    return reg


def _launched(c: Any, s: SmsVoiceV2Mock, kind: str = "TEST_RCS_LAUNCH_REGISTRATION") -> str:
    agent = _agent(c)
    reg = _agent_registration(c, agent, kind)
    c.submit_registration_version(RegistrationId=reg)
    s.review(reg).approve()
    return agent


def _pooled_agent(c: Any) -> str:
    agent = _agent(c)
    c.create_pool(OriginationIdentity=agent, MessageType="TRANSACTIONAL")
    return agent


def _rcs(c: Any, origin: str, to: str = _TO, **params: Any) -> Callable[[], object]:
    return lambda: c.send_rcs_message(
        DestinationPhoneNumber=to, OriginationIdentity=origin, RcsMessageContent=_HELLO, **params
    )


def _tested(c: Any, s: SmsVoiceV2Mock) -> str:
    """A testing agent whose tester (_TO) is verified."""
    agent = _launched(c, s)
    vdn = c.create_verified_destination_number(DestinationPhoneNumber=_TO, RcsAgentId=agent)[
        "VerifiedDestinationNumberId"
    ]
    c.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
    )
    c.verify_destination_number(
        VerifiedDestinationNumberId=vdn, VerificationCode=str(s.messages[-1].body)
    )
    return agent


_SEARCH = {"IsoCountryCode": "US", "NumberCapabilities": ["SMS"], "NumberType": "TEN_DLC"}

TRIGGERS.update(
    {
        "rcs-agent-no-opt-out-list": plain("create_rcs_agent", OptOutListName="nobody"),
        "rcs-agents-quota": plain("create_rcs_agent"),
        "rcs-agent-duplicate-tag": plain(
            "create_rcs_agent", Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]
        ),
        "rcs-agent-token-reused": lambda c, s: (
            c.create_rcs_agent(ClientToken="t-1")
            and (lambda: c.create_rcs_agent(ClientToken="t-1", DeletionProtectionEnabled=True))
        ),
        "rcs-agents-unknown": plain("describe_rcs_agents", RcsAgentIds=[_NO_AGENT]),
        "rcs-agents-bad-filter": plain(
            "describe_rcs_agents", Filters=[{"Name": "status", "Values": ["ASLEEP"]}]
        ),
        "rcs-agents-bad-token": plain("describe_rcs_agents", NextToken="forged"),
        "update-rcs-agent-in-pool": lambda c, s: (
            lambda agent: lambda: c.update_rcs_agent(RcsAgentId=agent, OptOutListName="Default")
        )(_pooled_agent(c)),
        "update-rcs-agent-no-channel": lambda c, s: (
            lambda agent: lambda: c.update_rcs_agent(RcsAgentId=agent, TwoWayEnabled=True)
        )(_agent(c)),
        "update-rcs-agent-media-without-two-way": lambda c, s: (
            lambda agent: (
                lambda: c.update_rcs_agent(RcsAgentId=agent, TwoWayMediaS3BucketName="media-bucket")
            )
        )(_agent(c)),
        "update-rcs-agent-bad-events": lambda c, s: (
            lambda agent: (
                lambda: c.update_rcs_agent(RcsAgentId=agent, TwoWayRcsEventsEnabled=["ALL", "READ"])
            )
        )(_agent(c)),
        "delete-rcs-agent-protected": lambda c, s: (
            lambda agent: lambda: c.delete_rcs_agent(RcsAgentId=agent)
        )(_agent(c, DeletionProtectionEnabled=True)),
        "delete-rcs-agent-in-pool": lambda c, s: (
            lambda agent: lambda: c.delete_rcs_agent(RcsAgentId=agent)
        )(_pooled_agent(c)),
        "delete-rcs-agent-registered": lambda c, s: (
            lambda agent: (
                _agent_registration(c, agent) and (lambda: c.delete_rcs_agent(RcsAgentId=agent))
            )
        )(_agent(c)),
        "launch-status-unknown-agent": plain(
            "describe_rcs_agent_country_launch_status", RcsAgentId=_NO_AGENT
        ),
        "launch-status-bad-filter": lambda c, s: (
            lambda agent: (
                lambda: c.describe_rcs_agent_country_launch_status(
                    RcsAgentId=agent, Filters=[{"Name": "country-launch-status", "Values": ["NO"]}]
                )
            )
        )(_agent(c)),
        "launch-status-bad-token": lambda c, s: (
            lambda agent: (
                lambda: c.describe_rcs_agent_country_launch_status(
                    RcsAgentId=agent, NextToken="forged"
                )
            )
        )(_agent(c)),
        "rcs-agent-registration-type-taken": lambda c, s: (
            lambda agent: _agent_registration(c, agent) and (lambda: _agent_registration(c, agent))
        )(_agent(c)),
        "rcs-send-no-agent": lambda c, s: _rcs(c, _NO_AGENT),
        "rcs-send-pool-without-agent": lambda c, s: _rcs(
            c,
            c.create_pool(
                OriginationIdentity=c.request_phone_number(
                    **{**_NUMBER, "NumberType": "LONG_CODE", "NumberCapabilities": ["SMS"]}
                )["PhoneNumberId"],
                IsoCountryCode="US",
                MessageType="TRANSACTIONAL",
            )["PoolId"],
        ),
        "rcs-send-not-active": lambda c, s: _rcs(c, _agent(c)),
        "rcs-send-registration-not-complete": lambda c, s: (
            lambda agent: _agent_registration(c, agent) and _rcs(c, agent)
        )(_agent(c)),
        "rcs-send-not-a-tester": lambda c, s: _rcs(c, _launched(c, s)),
        "rcs-send-not-launched": lambda c, s: _rcs(
            c, _launched(c, s, "US_RCS_LAUNCH_REGISTRATION"), "+447700900123"
        ),
        "rcs-send-opted-out": lambda c, s: (
            lambda agent: (
                c.put_opted_out_number(OptOutListName="Default", OptedOutNumber=_TO)
                and _rcs(c, agent)
            )
        )(_tested(c, s)),
        "rcs-send-over-max-price": lambda c, s: _rcs(c, _tested(c, s), MaxPrice="0.0001"),
        "rcs-send-spend-limit": lambda c, s: (
            lambda agent: c.set_rcs_message_spend_limit_override(MonthlyLimit=0) and _rcs(c, agent)
        )(_tested(c, s)),
        "rcs-fallback-without-content": lambda c, s: _rcs(
            c, _tested(c, s), FallbackConfiguration={"Channel": "SMS"}
        ),
        "rcs-fallback-bad-identity": lambda c, s: (
            lambda agent: _rcs(
                c,
                agent,
                FallbackConfiguration={
                    "Channel": "SMS",
                    "MessageBody": "plain",
                    "OriginationIdentity": c.create_pool(
                        OriginationIdentity=agent, MessageType="TRANSACTIONAL"
                    )["PoolId"],
                },
            )
        )(_tested(c, s)),
        "available-numbers-no-registration": plain(
            "list_available_phone_numbers", **_SEARCH, RegistrationId=_NOBODY
        ),
        "available-numbers-bad-token": plain(
            "list_available_phone_numbers", **_SEARCH, NextToken="forged"
        ),
    }
)


OPTIONS: dict[str, dict[str, Any]] = {
    "registrations-quota": {"quotas": {"REGISTRATIONS_PER_ACCOUNT": 0}},
    "versions-quota": {"quotas": {"REGISTRATION_VERSIONS_CREATED_PER_DAY": 0}},
    "submit-without-association": {"check_fields": True},
    "attachments-quota": {"quotas": {"REGISTRATION_ATTACHMENTS_PER_ACCOUNT": 0}},
    "attachments-per-day-quota": {"quotas": {"REGISTRATION_ATTACHMENTS_CREATED_PER_DAY": 0}},
    "associations-quota": {"quotas": {"ASSOCIATIONS_PER_REGISTRATION": 0}},
    "numbers-per-registration-quota": {"quotas": {"PHONE_NUMBERS_PER_REGISTRATION": 0}},
    **{
        case: {"quotas": {"TAGS_PER_RESOURCE": 0}}
        for case in (
            "tags-quota",
            "create-tags-quota",
            "attachment-tags-quota",
            "request-number-tags-quota",
            "opt-out-list-tags-quota",
            "notify-tags-quota",
        )
    },
    "notify-configurations-quota": {"quotas": {"NOTIFY_CONFIGURATIONS_PER_ACCOUNT": 0}},
    "notify-send-daily-limit": {"quotas": {"DAILY_NOTIFY_TIER_MESSAGE_LIMIT": 1}},
    "numbers-quota": {"quotas": {"PHONE_NUMBERS_PER_ACCOUNT": 0}},
    "pools-quota": {"quotas": {"POOLS_PER_ACCOUNT": 0}},
    "configuration-sets-quota": {"quotas": {"CONFIGURATION_SETS_PER_ACCOUNT": 0}},
    "opt-out-lists-quota": {"quotas": {"OPT_OUT_LISTS_PER_ACCOUNT": 1}},
    "identities-per-pool-quota": {"quotas": {"ORIGINATION_IDENTITIES_PER_POOL": 1}},
    "keywords-per-number-quota": {"quotas": {"KEYWORDS_PER_PHONE_NUMBER": 2}},
    "keywords-per-pool-quota": {"quotas": {"KEYWORDS_PER_POOL": 2}},
    "sender-ids-quota": {"quotas": {"SENDER_IDS_PER_ACCOUNT": 0}},
    "protect-configurations-quota": {"quotas": {"PROTECT_CONFIGURATIONS_PER_ACCOUNT": 0}},
    "send-not-verified": {"sandbox": True},
    "verified-numbers-quota": {"quotas": {"VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT": 0}},
    "verified-number-duplicate-tag": {},
    "rcs-agents-quota": {"quotas": {"RCS_AGENTS_PER_ACCOUNT": 0}},
    "rcs-send-not-launched": {"registration_types": ["US_RCS_LAUNCH_REGISTRATION"]},
}

# Rows whose trigger sends a member only newer models have: (input shape, member).
NEWER_MEMBERS = {
    "verified-number-no-rcs-agent": ("CreateVerifiedDestinationNumberRequest", "RcsAgentId"),
    "delete-pool-notify": ("CreateNotifyConfigurationRequest", "PoolId"),
    # on an operation older models know, but it needs an RCS agent
    "rcs-agent-registration-type-taken": ("CreateRcsAgentRequest", "Tags"),
    "request-number-preference-elsewhere": ("RequestPhoneNumberRequest", "NumberPreference"),
    "request-number-preference-unmatched": ("RequestPhoneNumberRequest", "NumberPreference"),
}

CLIENT_CONFIG: dict[str, Config] = {
    "wrong-type": Config(parameter_validation=False),
    # older models require IsoCountryCode client-side; newer ones leave it to the service
    "create-pool-sender-without-country": Config(parameter_validation=False),
    "bug": Config(retries={"total_max_attempts": 1}),
}


@pytest.fixture
def broken_describe(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(ctx: Any, params: Any) -> Any:
        raise RuntimeError("simulated bug")

    monkeypatch.setitem(dispatch.HANDLERS, "DescribeRegistrations", boom)


# Rows of operations the installed botocore does not know are not answered here.
HERE = [r for r in ROWS if r.operation in (EVERY_OPERATION, OTHER_REQUESTS, *dispatch.HANDLERS)]


@functools.cache
def _shared_client() -> Any:
    """One client for the rows that leave it as it is (making one costs ~10 ms)."""
    return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")


# Rows whose trigger changes the request on the wire, which a fast mock never makes.
ON_THE_WIRE_ONLY = frozenset(
    {"unknown-operation"} | {row.case for row in ROWS if row.case.endswith("-not-an-object")}
)


@pytest.mark.parametrize(
    ("mode", "row"),
    [
        pytest.param(mode, row, id=f"{mode}-{row.case}")
        for mode in MODES
        for row in HERE
        if not (MODES[mode] and row.case in ON_THE_WIRE_ONLY)
    ],
)
def test_each_row_is_what_the_mock_answers(
    mode: str, row: ErrorRow, request: pytest.FixtureRequest
) -> None:
    needs = NEWER_MEMBERS.get(row.case)
    if needs is not None and needs[1] not in model.members(needs[0]):
        pytest.skip(f"the installed botocore's {needs[0]} has no {needs[1]}")
    if row.case == "bug":
        request.getfixturevalue("broken_describe")
    unmodelled = (
        unmodelled_operation(request.getfixturevalue("monkeypatch"))
        if row.case == "not-modelled"
        else None
    )
    with mock_sms_voice_v2(fast=MODES[mode], **OPTIONS.get(row.case, {})) as sms:
        client = (
            _shared_client()
            if row.case not in CLIENT_CONFIG and row.case not in ON_THE_WIRE_ONLY
            else boto3.client(
                "pinpoint-sms-voice-v2", region_name="us-east-1", config=CLIENT_CONFIG.get(row.case)
            )
        )
        sms.unmodelled = unmodelled  # type: ignore[attr-defined]
        call = TRIGGERS[row.case](client, sms)
        with pytest.raises(ClientError) as raised:
            call()
    response = raised.value.response
    assert response["Error"]["Code"] == row.code, response
    assert response.get("Reason") == _expected_reason(row), response
    if row.operation not in (EVERY_OPERATION, OTHER_REQUESTS):
        assert raised.value.operation_name == row.operation
    if row.resource_type is not None:
        assert response["ResourceType"] == row.resource_type, response


def _expected_reason(row: ErrorRow) -> str | None:
    """The row's Reason; one row names the fallback older models get instead."""
    if row.case == "create-pool-sender-without-country" and (
        "IsoCountryCode" in model.operation("CreatePool").input_shape.required_members
    ):
        return "FIELD_VALIDATION_FAILED"  # an older model requires the member
    if row.reason == "RESOURCE_ALREADY_ASSOCIATED":
        return already_associated()
    return row.reason


def test_field_validation_applies_to_every_operation() -> None:
    """The ``*`` row FIELD_VALIDATION_FAILED, on each operation in turn: a string member one
    character longer than the model allows (botocore checks minimums only)."""
    with mock_sms_voice_v2():
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        for operation in [o for o in operations() if o in dispatch.HANDLERS]:
            params = _too_long(model.operation(operation).input_shape)
            if params is None:
                continue
            with pytest.raises(ClientError) as raised:
                getattr(client, xform_name(operation))(**params)
            response = raised.value.response
            assert response.get("Reason") == "FIELD_VALIDATION_FAILED", (operation, response)


def _too_long(shape: Any) -> dict[str, Any] | None:
    """Input that botocore accepts and the model forbids: every required member filled, and
    one string member past its maximum length."""
    params = {name: _filled(shape.members[name]) for name in shape.required_members}
    name = next(
        (n for n, m in shape.members.items() if m.type_name == "string" and "max" in m.metadata),
        None,
    )
    if name is None:  # an operation without input (DeleteTextMessageSpendLimitOverride ...)
        return None
    params[name] = "a" * (shape.members[name].metadata["max"] + 1)
    return params


def _filled(shape: Any) -> Any:
    kind, low = shape.type_name, shape.metadata.get("min", 1)
    if kind == "string":
        return shape.enum[0] if shape.enum else "a" * max(low, 1)
    if kind == "list":
        return [_filled(shape.member) for _ in range(max(low, 1))]
    if kind == "structure":
        return {n: _filled(shape.members[n]) for n in shape.required_members}
    if kind == "map":  # TemplateVariables of the Notify sends
        return {_filled(shape.key): _filled(shape.value)}
    if kind == "blob":
        return b"a" * max(low, 1)
    if kind == "boolean":
        return False
    return max(low, 1)  # integer, long


def test_every_row_has_one_trigger() -> None:
    cases = [row.case for row in ROWS]
    assert len(cases) == len(set(cases)), "two rows share a case name"
    assert set(TRIGGERS) == set(cases)


def test_the_table_covers_every_modelled_operation() -> None:
    assert set(operations()) & model.operation_names() == set(dispatch.HANDLERS), (
        "add rows to pinpoint_mock/service/registrations/errors_table.py for each new operation "
        "(and a trigger here), then run `python docs/generate.py`"
    )


# -- completeness: what the code can say is in the table ------------------------------------

PACKAGE = Path(pinpoint_mock.__file__).parent
# The HTTP server's own refusals (411, 413, ...) come before any operation; docs/server.md
# describes them. The table and the diagram only mention Reasons.
NOT_SCANNED = {"http_server.py", "registrations/errors_table.py", "registrations/diagram.py"}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name not in NOT_SCANNED:
            yield name, ast.parse(path.read_text("utf-8"))


def _all_reasons() -> set[str]:
    shapes = model.service_model().shape_names
    return {
        value for name in shapes if name.endswith("ExceptionReason") for value in model.enum(name)
    }


def test_every_reason_the_code_mentions_has_a_row() -> None:
    reasons = _all_reasons()
    mentioned: dict[str, str] = {}
    for name, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in reasons:
                mentioned.setdefault(node.value, name)
    assert mentioned, "the scan found no Reason at all: it is broken"
    listed = {row.reason for row in ROWS}
    missing = {reason: where for reason, where in mentioned.items() if reason not in listed}
    assert not missing, (
        f"Reasons in the code (module named) but not in errors_table.ROWS: {missing}. Add a "
        "row for each to pinpoint_mock/service/registrations/errors_table.py and a trigger here, then "
        "run `python docs/generate.py`."
    )


def test_every_error_code_the_code_raises_has_a_row() -> None:
    raised: dict[str, str] = {}
    for name, tree in _modules():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "ServiceError"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                raised.setdefault(str(node.args[0].value), name)
    assert {"ValidationException", "ConflictException"} <= set(raised), "the scan is broken"
    listed = {row.code for row in ROWS}
    missing = {code: where for code, where in raised.items() if code not in listed}
    assert not missing, (
        f"error codes in the code (module named) but not in errors_table.ROWS: {missing}. Add "
        "a row for each to pinpoint_mock/service/registrations/errors_table.py and a trigger here."
    )


def test_markdown_lists_every_row() -> None:
    text = markdown()
    for row in ROWS:
        assert row.condition.replace("|", "\\|") in text
