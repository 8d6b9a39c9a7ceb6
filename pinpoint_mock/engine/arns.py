"""ARNs of this service's resources: building them, and reading an ID-or-ARN input.

``arn:<partition>:sms-voice:<region>:<account>:<kind>/<id>``, kinds ``registration``,
``registration-attachment``, ``phone-number``, ... The partition is the Region's (``aws``;
``aws-us-gov`` in us-gov-west-1, ``aws-cn`` in cn-north-1, by botocore's endpoint data). An
ARN naming another partition, account or Region names nothing here, so the caller answers
ResourceNotFoundException.
"""

from __future__ import annotations

from typing import NamedTuple

from pinpoint_mock.engine import model
from pinpoint_mock.engine.store import RegionState

SERVICE = "sms-voice"


class Arn(NamedTuple):
    partition: str
    region: str
    account_id: str
    kind: str
    resource_id: str


def make(region: str, account_id: str, kind: str, resource_id: str) -> str:
    return f"arn:{model.partition(region)}:{SERVICE}:{region}:{account_id}:{kind}/{resource_id}"


def build(state: RegionState, kind: str, resource_id: str) -> str:
    return make(state.region, state.account_id, kind, resource_id)


def parse(arn: str) -> Arn | None:
    """The parts of an sms-voice ARN, or None when ``arn`` is not one."""
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or parts[2] != SERVICE:
        return None
    kind, _, rid = parts[5].partition("/")
    if not kind or not rid:
        return None
    return Arn(parts[1], parts[3], parts[4], kind, rid)


def names_here(arn: Arn, state: RegionState) -> bool:
    """Whether ``arn`` points into ``state``'s partition, region and account."""
    return (
        arn.partition == model.partition(state.region)
        and arn.region == state.region
        and arn.account_id == state.account_id
    )


def resource_id(id_or_arn: str, state: RegionState, kind: str) -> str | None:
    """The bare ID that ``id_or_arn`` names in ``state``, or None when it is an ARN of
    another kind, partition, account or region."""
    if not id_or_arn.startswith("arn:"):
        return id_or_arn
    arn = parse(id_or_arn)
    if arn is None or arn.kind != kind or not names_here(arn, state):
        return None
    return arn.resource_id
