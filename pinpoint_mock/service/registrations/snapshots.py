"""Read-only snapshots of registrations and versions, for tests and review policies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import MappingProxyType

from pinpoint_mock.service.registrations.records import Registration, Version


def _time(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, tz=timezone.utc)


@dataclass(frozen=True)
class VersionSnapshot:
    number: int
    status: str
    history: Mapping[str, datetime]
    denied_reasons: tuple[Mapping[str, str], ...]
    feedback: str | None
    aws_review: bool

    @classmethod
    def of(cls, version: Version) -> VersionSnapshot:
        return cls(
            number=version.number,
            status=version.status,
            history=MappingProxyType({k: _time(v) for k, v in version.history.items()}),
            denied_reasons=tuple(MappingProxyType(dict(r)) for r in version.denied_reasons or ()),
            feedback=version.feedback,
            aws_review=version.aws_review,
        )


@dataclass(frozen=True)
class RegistrationSnapshot:
    id: str
    arn: str
    type: str
    status: str
    account_id: str
    region: str
    created: datetime
    current_version_number: int
    approved_version_number: int | None
    latest_denied_version_number: int | None
    tags: Mapping[str, str]
    versions: tuple[VersionSnapshot, ...]
    additional_attributes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, reg: Registration) -> RegistrationSnapshot:
        return cls(
            id=reg.id,
            arn=reg.arn,
            type=reg.type,
            status=reg.status,
            account_id=reg.account_id,
            region=reg.region,
            created=_time(reg.created),
            current_version_number=reg.current.number,
            approved_version_number=reg.approved,
            latest_denied_version_number=reg.latest_denied,
            tags=MappingProxyType({t["Key"]: t["Value"] for t in reg.tags or ()}),
            versions=tuple(VersionSnapshot.of(v) for v in reg.versions),
            additional_attributes=MappingProxyType(dict(reg.additional_attributes or {})),
        )

    @property
    def current_version(self) -> VersionSnapshot:
        return self.versions[-1]
