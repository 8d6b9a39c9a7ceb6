"""CreateRegistrationAttachment, DescribeRegistrationAttachments, DeleteRegistrationAttachment."""

from __future__ import annotations

import re
from typing import Any

import boto3
import pytest

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import model

from .family_data import JPEG, PDF, PNG, conflict, error, not_found, validation

HAS_URL = "AttachmentUrl" in model.members("RegistrationAttachmentsInformation")
ID = re.compile(r"attachment-[0-9a-f]{32}")


def statuses(client: Any, **kwargs: Any) -> dict[str, str]:
    found = client.describe_registration_attachments(**kwargs)["RegistrationAttachments"]
    return {a["RegistrationAttachmentId"]: a["AttachmentStatus"] for a in found}


class TestCreate:
    @pytest.mark.parametrize("body", [PNG, JPEG, PDF], ids=["png", "jpeg", "pdf"])
    def test_a_body_is_in_progress_then_complete(self, client: Any, body: bytes) -> None:
        created = client.create_registration_attachment(AttachmentBody=body)
        aid = created["RegistrationAttachmentId"]
        assert ID.fullmatch(aid)
        assert created["RegistrationAttachmentArn"] == (
            f"arn:aws:sms-voice:us-east-1:123456789012:registration-attachment/{aid}"
        )
        assert created["AttachmentStatus"] == "UPLOAD_IN_PROGRESS"
        assert created["CreatedTimestamp"].year >= 2024
        assert statuses(client) == {aid: "UPLOAD_COMPLETE"}

    def test_an_s3_url(self, client: Any) -> None:
        url = "s3://my-bucket/registrations/opt-in.JPG"
        created = client.create_registration_attachment(AttachmentUrl=url)
        (shown,) = client.describe_registration_attachments()["RegistrationAttachments"]
        assert shown["RegistrationAttachmentId"] == created["RegistrationAttachmentId"]
        if HAS_URL:
            assert shown["AttachmentUrl"] == url
        else:
            assert "AttachmentUrl" not in shown

    def test_tags_are_echoed_and_listed(self, client: Any) -> None:
        tags = [{"Key": "Name", "Value": "opt-in screenshot"}]
        created = client.create_registration_attachment(AttachmentBody=PNG, Tags=tags)
        assert created["Tags"] == tags
        listed = client.list_tags_for_resource(ResourceArn=created["RegistrationAttachmentArn"])
        assert listed["Tags"] == tags

    def test_both_or_neither_is_refused(self, client: Any) -> None:
        validation(
            client.create_registration_attachment,
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            AttachmentBody=PNG,
            AttachmentUrl="s3://bucket/a.png",
        )
        validation(client.create_registration_attachment, "MISSING_PARAMETER")
        assert statuses(client) == {}

    def test_over_500_kb_is_too_big(self, client: Any) -> None:
        client.create_registration_attachment(AttachmentBody=PNG + b"\x00" * (512_000 - len(PNG)))
        validation(
            client.create_registration_attachment,
            "MAXIMUM_SIZE_EXCEEDED",
            AttachmentBody=PNG + b"\x00" * (512_001 - len(PNG)),
        )

    @pytest.mark.parametrize(
        "params",
        [
            {"AttachmentBody": b"GIF89a" + b"\x00" * 32},
            {"AttachmentBody": b"plain text"},
            {"AttachmentUrl": "s3://bucket/form.docx"},
        ],
        ids=["gif", "text", "docx-url"],
    )
    def test_other_file_types_are_refused(self, client: Any, params: dict[str, Any]) -> None:
        validation(client.create_registration_attachment, "ATTACHMENT_TYPE_NOT_SUPPORTED", **params)

    @pytest.mark.parametrize(
        "url", ["https://example.com/a.png", "s3://bucket", "s3:///a.png", "s3://B_ucket/a.png"]
    )
    def test_a_url_that_is_not_s3_is_invalid(self, client: Any, url: str) -> None:
        validation(client.create_registration_attachment, "INVALID_PARAMETER", AttachmentUrl=url)

    def test_client_token_returns_the_first_result_or_conflicts(self, client: Any) -> None:
        first = client.create_registration_attachment(AttachmentBody=PNG, ClientToken="tok-1")
        again = client.create_registration_attachment(AttachmentBody=PNG, ClientToken="tok-1")
        assert again["RegistrationAttachmentId"] == first["RegistrationAttachmentId"]
        assert len(statuses(client)) == 1
        response = conflict(
            client.create_registration_attachment,
            "RESOURCE_ALREADY_EXISTS",
            AttachmentBody=JPEG,
            ClientToken="tok-1",
        )
        assert response["ResourceType"] == "registration-attachment"
        assert response["ResourceId"] == first["RegistrationAttachmentId"]
        # the same token on CreateRegistration is another scope
        client.create_registration(
            RegistrationType="US_TOLL_FREE_REGISTRATION", ClientToken="tok-1"
        )

    @pytest.mark.parametrize(
        "quota",
        ["REGISTRATION_ATTACHMENTS_PER_ACCOUNT", "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY"],
    )
    def test_quotas(self, quota: str) -> None:
        with mock_sms_voice_v2(quotas={quota: 1}):
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            first = client.create_registration_attachment(AttachmentBody=PNG)
            response = error(client.create_registration_attachment, AttachmentBody=PNG)
            assert response["Error"]["Code"] == "ServiceQuotaExceededException"
            assert response["Reason"] == quota
            client.delete_registration_attachment(
                RegistrationAttachmentId=first["RegistrationAttachmentId"]
            )
            if quota == "REGISTRATION_ATTACHMENTS_PER_ACCOUNT":
                client.create_registration_attachment(AttachmentBody=PNG)
            else:  # a deleted attachment still counts for the day
                error(client.create_registration_attachment, AttachmentBody=PNG)


class TestDescribe:
    def test_ids_arns_filter_and_pages(self, client: Any) -> None:
        created = [client.create_registration_attachment(AttachmentBody=PNG) for _ in range(5)]
        ids = [c["RegistrationAttachmentId"] for c in created]
        paginator = client.get_paginator("describe_registration_attachments")
        pages = list(paginator.paginate(PaginationConfig={"PageSize": 2}))
        assert len(pages) == 3
        assert [
            a["RegistrationAttachmentId"] for p in pages for a in p["RegistrationAttachments"]
        ] == ids
        chosen = statuses(
            client, RegistrationAttachmentIds=[created[3]["RegistrationAttachmentArn"], ids[1]]
        )
        assert list(chosen) == [ids[1], ids[3]]
        complete = [{"Name": "attachment-status", "Values": ["UPLOAD_COMPLETE"]}]
        assert len(statuses(client, Filters=complete)) == 5
        failed = [{"Name": "attachment-status", "Values": ["UPLOAD_FAILED"]}]
        assert statuses(client, Filters=failed) == {}

    def test_unknown_ids_and_bad_filters(self, client: Any) -> None:
        not_found(
            client.describe_registration_attachments,
            "registration-attachment",
            RegistrationAttachmentIds=["attachment-" + "0" * 32],
        )
        validation(
            client.describe_registration_attachments,
            "INVALID_FILTER_VALUES",
            Filters=[{"Name": "attachment-status", "Values": ["LOST"]}],
        )

    def test_another_accounts_arn_is_not_found(self, client: Any) -> None:
        aid = client.create_registration_attachment(AttachmentBody=PNG)["RegistrationAttachmentId"]
        arn = f"arn:aws:sms-voice:us-east-1:111122223333:registration-attachment/{aid}"
        not_found(
            client.describe_registration_attachments,
            "registration-attachment",
            RegistrationAttachmentIds=[arn],
        )


class TestDelete:
    def test_delete_returns_deleted_and_forgets_it(self, client: Any) -> None:
        created = client.create_registration_attachment(AttachmentBody=PNG)
        deleted = client.delete_registration_attachment(
            RegistrationAttachmentId=created["RegistrationAttachmentArn"]
        )
        assert deleted["AttachmentStatus"] == "DELETED"
        assert deleted["RegistrationAttachmentId"] == created["RegistrationAttachmentId"]
        assert statuses(client) == {}
        not_found(
            client.delete_registration_attachment,
            "registration-attachment",
            RegistrationAttachmentId=created["RegistrationAttachmentId"],
        )
