"""Finding a registration from an ID or ARN within the caller's account and region."""

from __future__ import annotations

from pinpoint_mock.errors import not_found
from pinpoint_mock.registrations.records import Registration
from pinpoint_mock.store import RegionState

_ARN_PREFIX = "arn:"


def registration_id(id_or_arn: str, state: RegionState) -> str | None:
    """The bare ID named by ``id_or_arn``, or None when an ARN names another place."""
    if not id_or_arn.startswith(_ARN_PREFIX):
        return id_or_arn
    parts = id_or_arn.split(":", 5)
    if len(parts) != 6 or parts[2] != "sms-voice":
        return None
    _, _, _, region, account, resource = parts
    if region != state.region or account != state.account_id:
        return None
    kind, _, rid = resource.partition("/")
    return rid if kind == "registration" and rid else None


def find(state: RegionState, id_or_arn: str) -> Registration:
    """The registration, or ResourceNotFoundException naming what was asked for."""
    rid = registration_id(id_or_arn, state)
    reg = state.registrations.get(rid) if rid is not None else None
    if reg is None:
        raise not_found("registration", id_or_arn)
    return reg
