"""Verified destination numbers, the numbers a sandboxed account may send to:
CreateVerifiedDestinationNumber, DescribeVerifiedDestinationNumbers,
DeleteVerifiedDestinationNumber, SendDestinationNumberVerificationCode,
VerifyDestinationNumber.

A number is ``PENDING`` until VerifyDestinationNumber gets the code that
SendDestinationNumberVerificationCode last texted (or spoke) to it: the code is the body of
that message in ``sms.messages``. Codes are 6 digits and last 10 minutes (AWS documents
neither; ``VERIFICATION_CODE_EXPIRED`` after, ``VERIFICATION_CODE_MISMATCH`` for another code).
A code goes out from the identity named, or from the first active number of the destination's
country with the channel's capability (``NO_ORIGINATION_IDENTITIES_FOUND`` without one), or,
for a number created with an ``RcsAgentId`` (an RCS tester), from that agent once its testing
agent is ACTIVE (``RESOURCE_NOT_ACTIVE`` before; AWS sends a tester invitation there, the mock
a code, so a test verifies a tester as any other number); it
costs nothing (AWS: the first code is free) and needs no verified destination. At most 5 codes
a number per 24 hours (``VERIFICATION_ATTEMPTS_PER_DAY``; the ``quotas`` option changes it),
and 10 numbers an account (AWS's documented limit; ``quotas`` changes it too). The same number
twice is ``RESOURCE_ALREADY_EXISTS``. A number can be deleted 24 hours after it was added, as
AWS documents (``RESOURCE_DELETION_NOT_ALLOWED`` before). A number given without its leading
``+`` is kept in E.164 form, the form sends compare, so it still lets the sandbox send to it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import conflict, quota_exceeded, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.ids import new_digits
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.resources import (
    RCS_AGENT,
    VERIFIED_DESTINATION_NUMBER,
    Resource,
    add,
    find,
    remove,
    stamp,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import now
from pinpoint_mock.service import rcs_agents, rcs_launches
from pinpoint_mock.service.configuration_sets import find_set
from pinpoint_mock.service.sending import countries, routes, sends
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable

KIND = VERIFIED_DESTINATION_NUMBER
CODE_LIFETIME = 600.0
_DAY = 24 * 3600.0
DEFAULT_NUMBERS = 10
DEFAULT_ATTEMPTS = 5


@dataclass(slots=True, eq=False)
class VerifiedDestination(Resource):
    number: str = ""
    status: str = "PENDING"
    rcs_agent_id: str | None = None
    code: str | None = None
    code_sent: float = 0.0
    attempts: deque[float] = field(default_factory=deque)


def _full_view(entry: VerifiedDestination) -> dict[str, Any]:
    view: dict[str, Any] = {
        "VerifiedDestinationNumberArn": entry.arn,
        "VerifiedDestinationNumberId": entry.id,
        "DestinationPhoneNumber": entry.number,
        "Status": entry.status,
        "CreatedTimestamp": entry.created,
    }
    if entry.rcs_agent_id is not None:
        view["RcsAgentId"] = entry.rcs_agent_id
    return view


def _view(entry: VerifiedDestination, shape_name: str) -> dict[str, Any]:
    members = model.members(shape_name)
    return {k: v for k, v in _full_view(entry).items() if k in members}


def _find(ctx: Context, id_or_arn: str) -> VerifiedDestination:
    entry: VerifiedDestination = find(ctx.state, KIND, id_or_arn)
    return entry


@idempotent("CreateVerifiedDestinationNumber", KIND.arn_type, KIND.id_member)
def create_verified_destination_number(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    number = countries.with_plus(params["DestinationPhoneNumber"])
    if params.get("RcsAgentId"):
        find(state, RCS_AGENT, params["RcsAgentId"])
    records = state.of(KIND)
    if any(v.number == number for v in records.values()):
        raise conflict(
            "RESOURCE_ALREADY_EXISTS",
            f"{number} is already a verified destination number of this account.",
            KIND.arn_type,
            number,
        )
    tags = new_tags(ctx, params.get("Tags"))
    assert KIND.quota is not None
    limit = ctx.service.options.quotas.get(KIND.quota, DEFAULT_NUMBERS)
    if len(records) >= limit:
        raise quota_exceeded(KIND.quota, limit)
    entry = add(state, KIND, VerifiedDestination(**stamp(state, KIND), number=number))
    entry.rcs_agent_id = params.get("RcsAgentId")
    entry.tags = tags
    result = _view(entry, "CreateVerifiedDestinationNumberResult")
    return with_tags(result, tags)


_FILTERS: FilterTable[VerifiedDestination] = {
    "status": ("VerificationStatus", lambda v: v.status),
    "rcs-agent-id": (None, lambda v: (v.rcs_agent_id,) if v.rcs_agent_id else ()),
}


def describe_verified_destination_numbers(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    wanted = params.get("VerifiedDestinationNumberIds")
    candidates: list[VerifiedDestination] = list(ctx.state.of(KIND).values())
    if wanted:
        chosen = {v.id for v in (_find(ctx, i) for i in wanted)}
        candidates = [v for v in candidates if v.id in chosen]
    numbers = [countries.with_plus(n) for n in params.get("DestinationPhoneNumbers") or ()]
    if numbers:
        candidates = [v for v in candidates if v.number in numbers]
    found, token = listing(ctx, params, candidates, lambda v: v.seq, _FILTERS)
    shown = [_view(v, "VerifiedDestinationNumberInformation") for v in found]
    return with_token({"VerifiedDestinationNumbers": shown}, token)


def delete_verified_destination_number(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = _find(ctx, params["VerifiedDestinationNumberId"])
    if now() - entry.created < _DAY:
        raise conflict(
            "RESOURCE_DELETION_NOT_ALLOWED",
            f"{entry.number} was added less than 24 hours ago; a verified destination number "
            "can be deleted 24 hours after it was added.",
            KIND.arn_type,
            entry.id,
        )
    remove(ctx.state, KIND, entry)
    return _view(entry, "DeleteVerifiedDestinationNumberResult")


def _already_verified(entry: VerifiedDestination) -> Exception:
    return conflict(
        "VERIFICATION_ALREADY_COMPLETE",
        f"{entry.number} is already verified.",
        KIND.arn_type,
        entry.id,
    )


def send_destination_number_verification_code(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    state = ctx.state
    entry = _find(ctx, params["VerifiedDestinationNumberId"])
    name = params.get("ConfigurationSetName")
    configuration_set = find_set(state, name) if name else None
    if entry.status == "VERIFIED":
        raise _already_verified(entry)
    channel = "VOICE" if params["VerificationChannel"] == "VOICE" else "TEXT"
    country = countries.iso_of(entry.number)
    if entry.rcs_agent_id is not None and not params.get("OriginationIdentity"):
        route = _tester_invitation(ctx, entry.rcs_agent_id)
    else:
        route = routes.resolve(ctx, params.get("OriginationIdentity"), channel, country)
    moment = now()
    while entry.attempts and moment - entry.attempts[0] >= _DAY:
        entry.attempts.popleft()
    limit = ctx.service.options.quotas.get("VERIFICATION_ATTEMPTS_PER_DAY", DEFAULT_ATTEMPTS)
    if len(entry.attempts) >= limit:
        raise quota_exceeded("VERIFICATION_ATTEMPTS_PER_DAY", limit)
    entry.attempts.append(moment)
    entry.code, entry.code_sent = new_digits(6), moment
    message = sends.send_service_message(
        ctx.service,
        state,
        route,
        entry.number,
        entry.code,
        channel,
        context=dict(params["Context"]) if params.get("Context") else None,
        configuration_set=configuration_set,
    )
    return {"MessageId": message.message_id}


def _tester_invitation(ctx: Context, agent_id: str) -> routes.Route:
    """Where an RCS tester's code comes from: the agent itself, once its testing agent is
    ACTIVE (AWS sends a tester invitation then; the mock sends the code)."""
    agent = rcs_agents.find_agent(ctx.state, agent_id)
    test = rcs_launches.testing_registration(ctx.state, agent)
    if test is None or rcs_launches.testing_status(test) != "ACTIVE":
        raise conflict(
            "RESOURCE_NOT_ACTIVE",
            f"RCS agent {agent.id} has no ACTIVE testing agent to invite testers from: associate "
            f"a {rcs_launches.TEST_TYPE} with it and have it approved.",
            RCS_AGENT.arn_type,
            agent.id,
        )
    return routes.Route(agent.id)


def verify_destination_number(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = _find(ctx, params["VerifiedDestinationNumberId"])
    if entry.status == "VERIFIED":
        raise _already_verified(entry)
    if entry.code is None or now() - entry.code_sent > CODE_LIFETIME:
        raise conflict(
            "VERIFICATION_CODE_EXPIRED",
            f"No code sent to {entry.number} in the last {int(CODE_LIFETIME // 60)} minutes; "
            "send a new one with SendDestinationNumberVerificationCode.",
            KIND.arn_type,
            entry.id,
        )
    if params["VerificationCode"] != entry.code:
        message = f"That is not the code last sent to {entry.number}."
        raise validation_error(
            message,
            "VERIFICATION_CODE_MISMATCH",
            [{"Name": "verificationCode", "Message": message}],
        )
    entry.status, entry.code = "VERIFIED", None
    return _view(entry, "VerifyDestinationNumberResult")


HANDLERS: dict[str, Handler] = {
    "CreateVerifiedDestinationNumber": create_verified_destination_number,
    "DescribeVerifiedDestinationNumbers": describe_verified_destination_numbers,
    "DeleteVerifiedDestinationNumber": delete_verified_destination_number,
    "SendDestinationNumberVerificationCode": send_destination_number_verification_code,
    "VerifyDestinationNumber": verify_destination_number,
}

register_kind(VERIFIED_DESTINATION_NUMBER.arn_type, VerifiedDestination)  # kept by export_state
