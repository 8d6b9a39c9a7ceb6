"""CreateRegistrationAttachment, DescribeRegistrationAttachments, DeleteRegistrationAttachment.

An attachment comes from a body (PDF, PNG or JPEG, by its leading bytes, at most 500 KB) or
an ``s3://bucket/key`` URL (checked by its form and the key's extension; the object is never
fetched). The create result shows ``UPLOAD_IN_PROGRESS``, as the real service answers; the
upload completes at once, so every later Describe shows ``UPLOAD_COMPLETE`` and the
attachment can be referenced straight away. Bodies are not kept.
"""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model, resources
from pinpoint_mock.engine.errors import quota_exceeded, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.ids import new_id
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.resources import REGISTRATION_ATTACHMENT
from pinpoint_mock.engine.store import RegionState, now
from pinpoint_mock.service.daily_quota import count_today
from pinpoint_mock.service.registrations.records import Attachment, attachment_view
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler

KIND = REGISTRATION_ATTACHMENT.arn_type
MAX_BYTES = 500 * 1024  # the user guide's 500 KB; the model's blob cap is larger
_SIGNATURES = ((b"%PDF-", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"))
_EXTENSIONS = (".pdf", ".png", ".jpg", ".jpeg")
_S3_URL = re.compile(r"s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\S+")
_OPERATION = "CreateRegistrationAttachment"


def _refuse(reason: str, member: str, message: str) -> Exception:
    return validation_error(message, reason, [{"Name": member, "Message": message}])


def _check_body(encoded: str) -> None:
    body = base64.b64decode(encoded)
    if len(body) > MAX_BYTES:
        raise _refuse(
            "MAXIMUM_SIZE_EXCEEDED",
            "attachmentBody",
            f"The attachment is {len(body)} bytes; the limit is {MAX_BYTES} bytes (500 KB).",
        )
    if not any(body.startswith(signature) for signature, _ in _SIGNATURES):
        raise _refuse(
            "ATTACHMENT_TYPE_NOT_SUPPORTED",
            "attachmentBody",
            "The attachment is not a PDF, PNG or JPEG file.",
        )


def _check_url(url: str) -> None:
    if _S3_URL.fullmatch(url) is None:
        raise _refuse(
            "INVALID_PARAMETER",
            "attachmentUrl",
            f"AttachmentUrl {url} is not an S3 URL of the form s3://bucket/key.",
        )
    if not url.lower().endswith(_EXTENSIONS):
        raise _refuse(
            "ATTACHMENT_TYPE_NOT_SUPPORTED",
            "attachmentUrl",
            f"AttachmentUrl {url} does not name a .pdf, .png, .jpg or .jpeg file.",
        )


def _check_quotas(ctx: Context, at: float) -> None:
    state, quotas = ctx.state, ctx.service.options.quotas
    limit = quotas.get("REGISTRATION_ATTACHMENTS_PER_ACCOUNT")
    if limit is not None and len(state.attachments) >= limit:
        raise quota_exceeded("REGISTRATION_ATTACHMENTS_PER_ACCOUNT", limit)
    count_today(
        state.attachments_created,
        at,
        quotas.get("REGISTRATION_ATTACHMENTS_CREATED_PER_DAY"),
        "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY",
    )


@idempotent(_OPERATION, KIND, "RegistrationAttachmentId")
def create_registration_attachment(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    body, url = params.get("AttachmentBody"), params.get("AttachmentUrl")
    if body is not None and url is not None:
        message = "Give AttachmentBody or AttachmentUrl, not both."
        raise validation_error(
            message,
            "PARAMETERS_CANNOT_BE_USED_TOGETHER",
            [{"Name": n, "Message": message} for n in ("attachmentBody", "attachmentUrl")],
        )
    if body is None and url is None:
        message = "One of AttachmentBody or AttachmentUrl is required."
        raise validation_error(
            message,
            "MISSING_PARAMETER",
            [{"Name": n, "Message": message} for n in ("attachmentBody", "attachmentUrl")],
        )
    if url is not None:
        _check_url(url)
    else:
        _check_body(params["AttachmentBody"])
    tags = new_tags(ctx, params.get("Tags"))
    at = now()
    _check_quotas(ctx, at)
    attachment_id = new_id("attachment")
    attachment = Attachment(
        id=attachment_id,
        arn=arns.build(state, KIND, attachment_id),
        seq=state.next_seq(),
        created=at,
        status="UPLOAD_COMPLETE",
        url=url,
        tags=tags,
    )
    state.attachments[attachment_id] = attachment
    result = attachment_view(attachment, "UPLOAD_IN_PROGRESS")
    return with_tags(result, attachment.tags)


def find_attachment(state: RegionState, id_or_arn: str) -> Attachment:
    found: Attachment = resources.find(state, REGISTRATION_ATTACHMENT, id_or_arn)
    return found


_FILTERS = {"attachment-status": ("AttachmentStatus", lambda a: a.status)}


def _describe_view(attachment: Attachment) -> dict[str, Any]:
    view = attachment_view(attachment)
    if attachment.url is not None and "AttachmentUrl" in model.members(
        "RegistrationAttachmentsInformation"
    ):
        view["AttachmentUrl"] = attachment.url
    return view


def describe_registration_attachments(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    ids = params.get("RegistrationAttachmentIds")
    candidates: list[Attachment]
    if ids:
        chosen = {a.id: a for a in (find_attachment(state, i) for i in ids)}
        candidates = sorted(chosen.values(), key=lambda a: a.seq)
    else:
        candidates = list(state.attachments.values())
    found, token = listing(ctx, params, candidates, lambda a: a.seq, _FILTERS)
    return with_token({"RegistrationAttachments": [_describe_view(a) for a in found]}, token)


def delete_registration_attachment(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    attachment = find_attachment(ctx.state, params["RegistrationAttachmentId"])
    del ctx.state.attachments[attachment.id]
    return attachment_view(attachment, "DELETED")


HANDLERS: dict[str, Handler] = {
    "CreateRegistrationAttachment": create_registration_attachment,
    "DescribeRegistrationAttachments": describe_registration_attachments,
    "DeleteRegistrationAttachment": delete_registration_attachment,
}
