"""Finding a registration from an ID or ARN within the caller's account and region."""

from __future__ import annotations

from pinpoint_mock.engine import arns
from pinpoint_mock.engine.errors import not_found
from pinpoint_mock.engine.store import RegionState
from pinpoint_mock.service.registrations.records import Registration


def registration_id(id_or_arn: str, state: RegionState) -> str | None:
    """The bare ID named by ``id_or_arn``, or None when an ARN names another place."""
    return arns.resource_id(id_or_arn, state, "registration")


def find(state: RegionState, id_or_arn: str) -> Registration:
    """The registration, or ResourceNotFoundException naming what was asked for."""
    rid = registration_id(id_or_arn, state)
    reg = state.registrations.get(rid) if rid is not None else None
    if reg is None:
        raise not_found("registration", id_or_arn)
    return reg
