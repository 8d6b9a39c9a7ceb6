"""The stored records of registrations and their versions, and their wire views."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.resources import REGISTRATION, REGISTRATION_ATTACHMENT
from pinpoint_mock.engine.snapshot import register_kind


@dataclass(slots=True, eq=False)
class FieldValue:
    """One field of one version: its value (one kind at most), and the per-field denial."""

    text: str | None = None
    choices: list[str] | None = None
    attachment: str | None = None
    denied_reason: str | None = None
    feedback: str | None = None

    @property
    def shown(self) -> list[str]:
        """The value as a list, for conditions (a SELECT's choices, else the one value)."""
        if self.choices is not None:
            return self.choices
        single = self.text if self.text is not None else self.attachment
        return [single] if single is not None else []

    @property
    def is_set(self) -> bool:
        return self.text is not None or self.choices is not None or self.attachment is not None


@dataclass(slots=True, eq=False)
class Version:
    number: int
    status: str
    # model member name (DraftTimestamp, ...) -> epoch seconds, set when first entered
    history: dict[str, float]
    denied_reasons: list[dict[str, str]] | None = None
    feedback: str | None = None
    aws_review: bool = False
    # FieldPath -> value, in the order first written; None until a field is written
    values: dict[str, FieldValue] | None = None


@dataclass(slots=True, eq=False)
class Association:
    """A resource associated with a registration (a phone number, another registration)."""

    seq: int
    resource_id: str
    resource_arn: str
    resource_type: str  # the phone number's NumberType, or the registration's type
    iso_country_code: str | None = None
    phone_number: str | None = None


@dataclass(slots=True, eq=False)
class Registration:
    id: str
    type: str
    account_id: str
    region: str
    seq: int
    created: float
    versions: list[Version]
    tags: list[dict[str, str]] | None = None
    additional_attributes: dict[str, str] | None = None
    status: str = "CREATED"
    approved: int | None = None
    latest_denied: int | None = None
    provisioning: bool = False
    closed: bool = False
    associations: list[Association] | None = None
    # IDs of the registrations that hold this one as an association (a brand's campaigns),
    # so DeleteRegistration need not scan the store; deleted holders are skipped on reading.
    held_by: set[str] | None = None

    @property
    def arn(self) -> str:
        return arns.make(self.region, self.account_id, "registration", self.id)

    @property
    def current(self) -> Version:
        return self.versions[-1]

    def version(self, number: int) -> Version | None:
        if 1 <= number <= len(self.versions):
            return self.versions[number - 1]
        return None


def registration_view(reg: Registration, status: str | None = None) -> dict[str, Any]:
    """A RegistrationInformation (also the DeleteRegistration result)."""
    view: dict[str, Any] = {
        "RegistrationArn": reg.arn,
        "RegistrationId": reg.id,
        "RegistrationType": reg.type,
        "RegistrationStatus": status or reg.status,
        "CurrentVersionNumber": reg.current.number,
    }
    if reg.approved is not None:
        view["ApprovedVersionNumber"] = reg.approved
    if reg.latest_denied is not None:
        view["LatestDeniedVersionNumber"] = reg.latest_denied
    if reg.additional_attributes:
        view["AdditionalAttributes"] = reg.additional_attributes
    view["CreatedTimestamp"] = reg.created
    return view


def version_view(version: Version) -> dict[str, Any]:
    """A RegistrationVersionInformation."""
    view: dict[str, Any] = {
        "VersionNumber": version.number,
        "RegistrationVersionStatus": version.status,
        "RegistrationVersionStatusHistory": dict(version.history),
    }
    if version.denied_reasons:
        view["DeniedReasons"] = version.denied_reasons
    if version.feedback is not None and "Feedback" in model.members(
        "RegistrationVersionInformation"
    ):
        view["Feedback"] = version.feedback
    return view


def version_result(reg: Registration, version: Version) -> dict[str, Any]:
    """The result of Create-, Submit- and DiscardRegistrationVersion."""
    return {
        "RegistrationArn": reg.arn,
        "RegistrationId": reg.id,
        "VersionNumber": version.number,
        "RegistrationVersionStatus": version.status,
        "RegistrationVersionStatusHistory": dict(version.history),
    }


@dataclass(slots=True, eq=False)
class Attachment:
    id: str
    arn: str
    seq: int
    created: float
    status: str
    url: str | None = None
    tags: list[dict[str, str]] | None = None


def attachment_view(attachment: Attachment, status: str | None = None) -> dict[str, Any]:
    """A RegistrationAttachmentsInformation (also the DeleteRegistrationAttachment result)."""
    view: dict[str, Any] = {
        "RegistrationAttachmentArn": attachment.arn,
        "RegistrationAttachmentId": attachment.id,
        "AttachmentStatus": status or attachment.status,
        "CreatedTimestamp": attachment.created,
    }
    return view


# Kept by sms.export_state() (engine/snapshot.py): one line per kind.
register_kind(REGISTRATION.arn_type, Registration)
register_kind(REGISTRATION_ATTACHMENT.arn_type, Attachment)
