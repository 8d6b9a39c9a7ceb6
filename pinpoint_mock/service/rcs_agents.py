"""RCS agents: CreateRcsAgent, DescribeRcsAgents, UpdateRcsAgent, DeleteRcsAgent and
DescribeRcsAgentCountryLaunchStatus (operations of newer models only).

An agent is an origination identity for RCS with no name of its own: its brand comes from
the registrations associated with it (CreateRegistrationAssociation with the agent's ID). A
``TEST_RCS_LAUNCH_REGISTRATION`` makes its testing agent; a ``<ISO2>_RCS_LAUNCH_REGISTRATION``
(give such types through the ``registration_types`` option: the built-in catalogue has only the
test type) launches it in that country. Nothing else moves an agent: its status follows those
registrations as the review API (``sms.review(id)``) drives them, and is worked out whenever
it is read:

* ``TestingAgent.Status``: CREATED while the test registration is a draft (or denied),
  PENDING while it is under review, ACTIVE once a version is approved and in force;
* each country launch: CREATED (draft), PENDING (under review), ACTIVE (approved, in force),
  REJECTED (denied, or the registration closed); its one carrier follows it;
* the agent: ACTIVE when every country launch is ACTIVE, PARTIAL when some are, TESTING when
  none is but the testing agent is ACTIVE, PENDING while a registration of its is under
  review, else CREATED; DeleteRcsAgent answers DELETED.

A testing agent sends only to verified destination numbers created with its ``RcsAgentId``
(verified as any other, with SendDestinationNumberVerificationCode and VerifyDestinationNumber,
where AWS sends a tester invitation instead); a launched agent sends to its ACTIVE countries.

An agent has the opt-out list it names (``Default`` otherwise; the list then counts as in
use), HELP and STOP keywords (PutKeyword takes the agent's ID or ARN), belongs to one pool at
most (``RCS_AGENT_ASSOCIATED_TO_POOL``; the pool then governs its opt-out list, two-way and
self-managed settings), and cannot be deleted while protected (``DELETION_PROTECTION_ENABLED``),
in a pool, or while a registration that is not closed holds it (``RESOURCE_NOT_EMPTY``, as
AWS answers while the testing agent is torn down). The quota ``RCS_AGENTS_PER_ACCOUNT`` applies
when the ``quotas`` option sets it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.errors import conflict, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.resources import (
    RCS_AGENT,
    VERIFIED_DESTINATION_NUMBER,
    Resource,
    add,
    already_associated,
    candidates,
    check_deletable,
    check_quota,
    find,
    remove,
    stamp,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import RegionState
from pinpoint_mock.service import opt_out_lists
from pinpoint_mock.service.keywords import Keyword
from pinpoint_mock.service.keywords import defaults as keyword_defaults
from pinpoint_mock.service.phone_numbers import GOVERNED, SETTING_FILTERS, check_two_way
from pinpoint_mock.service.registrations import lifecycle as lc
from pinpoint_mock.service.registrations.records import Registration
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable

KIND = RCS_AGENT.arn_type
TEST_TYPE = "TEST_RCS_LAUNCH_REGISTRATION"
_LAUNCH_TYPE = re.compile(r"([A-Z]{2})_RCS_LAUNCH_REGISTRATION")
# What a registration association names an agent as (AWS does not show it; ours).
RESOURCE_TYPE = "RCS_AGENT"
CARRIER = "Example Mobile"  # the one carrier of every launch (as in message events)
UNSET_MEDIA = "UNSET_RCS_MEDIA_CONFIGURATION"
_UNDER_REVIEW = frozenset(lc.UNDER_REVIEW) | {lc.PROVISIONING}


@dataclass(slots=True, eq=False)
class RcsAgent(Resource):
    opt_out_list_name: str = opt_out_lists.DEFAULT
    deletion_protection: bool = False
    self_managed_opt_outs: bool = False
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    media_bucket: str | None = None
    media_prefix: str | None = None
    media_role: str | None = None
    rcs_events: list[str] | None = None
    pool_id: str | None = None
    keywords: dict[str, Keyword] = field(default_factory=keyword_defaults)

    @property
    def capabilities(self) -> list[str]:
        return ["RCS"]

    @property
    def iso_country_code(self) -> str | None:
        return None  # an agent is not country-specific


register_kind(RCS_AGENT.arn_type, RcsAgent)  # kept by sms.export_state()


def find_agent(state: RegionState, id_or_arn: str) -> RcsAgent:
    agent: RcsAgent = find(state, RCS_AGENT, id_or_arn)
    return agent


def names_agent(value: str) -> bool:
    """Whether an origination identity (ID or ARN) names an RCS agent."""
    if value.startswith("arn:"):
        parsed = arns.parse(value)
        return parsed is not None and parsed.kind == KIND
    return value.startswith("rcs-")


# -- the status, worked out from the registrations ------------------------------------------


def registrations(state: RegionState, agent: RcsAgent) -> list[Registration]:
    """The registrations holding ``agent``, in creation order."""
    held = [
        reg
        for reg in state.registrations.values()
        if any(a.resource_id == agent.id for a in reg.associations or ())
    ]
    return sorted(held, key=lambda reg: reg.seq)


def _in_force(reg: Registration) -> bool:
    return reg.approved is not None and not reg.provisioning and not reg.closed


def launch_status(reg: Registration) -> str:
    if _in_force(reg):
        return "ACTIVE"
    if reg.closed or reg.status == lc.REQUIRES_UPDATES:
        return "REJECTED"
    return "PENDING" if reg.status in _UNDER_REVIEW else "CREATED"


def testing_status(reg: Registration) -> str:
    if _in_force(reg):
        return "ACTIVE"
    return "PENDING" if reg.status in _UNDER_REVIEW else "CREATED"


def launch_country(reg: Registration) -> str | None:
    matched = _LAUNCH_TYPE.fullmatch(reg.type)
    return matched.group(1) if matched else None


def _first_test(held: list[Registration]) -> Registration | None:
    return next((reg for reg in held if reg.type == TEST_TYPE), None)


def testing_registration(state: RegionState, agent: RcsAgent) -> Registration | None:
    """The agent's ``TEST_RCS_LAUNCH_REGISTRATION``, if it has one."""
    return _first_test(registrations(state, agent))


def _launches(held: list[Registration]) -> list[Registration]:
    return [reg for reg in held if launch_country(reg) is not None]


def status(state: RegionState, agent: RcsAgent) -> str:
    held = registrations(state, agent)
    launched = [launch_status(reg) for reg in _launches(held)]
    if "ACTIVE" in launched:
        return "ACTIVE" if all(s == "ACTIVE" for s in launched) else "PARTIAL"
    test = _first_test(held)
    if test is not None and testing_status(test) == "ACTIVE":
        return "TESTING"
    if any(reg.status in _UNDER_REVIEW for reg in held):
        return "PENDING"
    return "CREATED"


def platform_id(agent: RcsAgent) -> str:
    """The RBM agent ID the mock shows for ``agent`` (AWS's format is not documented)."""
    return agent.id.removeprefix("rcs-")[:16] + "_agent"


def sendable_countries(state: RegionState, agent: RcsAgent) -> set[str]:
    """The countries ``agent`` is launched in (ACTIVE)."""
    return {
        country
        for reg in _launches(registrations(state, agent))
        if launch_status(reg) == "ACTIVE" and (country := launch_country(reg)) is not None
    }


def is_tester(state: RegionState, agent: RcsAgent, destination: str) -> bool:
    return any(
        v.number == destination and v.status == "VERIFIED" and v.rcs_agent_id == agent.id
        for v in state.of(VERIFIED_DESTINATION_NUMBER).values()
    )


def check_sendable(state: RegionState, agent: RcsAgent, destination: str, country: str) -> None:
    """Refuse a send from ``agent`` to ``destination`` that AWS would not carry: from an agent
    with no testing agent or launch in force (``REGISTRATION_NOT_COMPLETE`` when one is
    associated, ``RESOURCE_NOT_ACTIVE`` when none is); from a testing agent to a number that
    is not one of its verified testers (``DESTINATION_PHONE_NUMBER_NOT_VERIFIED``); from a
    launched agent to a country it is not launched in, nor a tester
    (``INVALID_IDENTITY_FOR_DESTINATION_COUNTRY``)."""
    now_status = status(state, agent)
    if now_status in ("CREATED", "PENDING"):
        held = registrations(state, agent)
        if held:
            raise conflict(
                "REGISTRATION_NOT_COMPLETE",
                f"RCS agent {agent.id} cannot send until registration {held[0].id} has an "
                "approved version in force.",
                "registration",
                held[0].id,
            )
        raise conflict(
            "RESOURCE_NOT_ACTIVE",
            f"RCS agent {agent.id} cannot send: associate a {TEST_TYPE} (or a country's "
            "RCS launch registration) with it and have it approved.",
            KIND,
            agent.id,
        )
    if country in sendable_countries(state, agent):
        return
    test = testing_registration(state, agent)
    tester = test is not None and testing_status(test) == "ACTIVE"
    if tester and is_tester(state, agent, destination):
        return
    if now_status == "TESTING":
        raise conflict(
            "DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
            f"RCS agent {agent.id} is a testing agent: it sends only to its verified testers "
            f"(CreateVerifiedDestinationNumber with RcsAgentId), and {destination} is not one.",
            VERIFIED_DESTINATION_NUMBER.arn_type,
            destination,
        )
    message = f"RCS agent {agent.id} is not launched in {country}."
    raise validation_error(
        message,
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        [{"Name": "destinationPhoneNumber", "Message": message}],
    )


def check_associable(state: RegionState, reg: Registration, agent: RcsAgent) -> None:
    """CreateRegistrationAssociation of ``agent`` with ``reg``: a registration holds one agent;
    an agent holds one registration (not closed) of each type."""
    if any(a.resource_type == RESOURCE_TYPE for a in reg.associations or ()):
        raise conflict(
            already_associated(),
            f"Registration {reg.id} already has an RCS agent associated.",
            "registration",
            reg.id,
        )
    same = [r.id for r in registrations(state, agent) if r.type == reg.type and not r.closed]
    if same:
        raise conflict(
            "RCS_AGENT_ALREADY_ASSOCIATED_TO_REGISTRATION_TYPE",
            f"RCS agent {agent.id} already has a {reg.type} ({same[0]}).",
            KIND,
            agent.id,
        )


def check_joinable(pool: Any, agent: RcsAgent) -> None:
    """``agent`` can start or join ``pool`` (a Pool; None when it starts one): it is in no
    pool yet (an agent is in one pool at most)."""
    if agent.pool_id is None:
        return
    if pool is not None and agent.pool_id == pool.id:
        raise conflict(
            already_associated(),
            f"RCS agent {agent.id} is already in pool {pool.id}.",
            KIND,
            agent.id,
        )
    raise conflict(
        "RCS_AGENT_ASSOCIATED_TO_POOL",
        f"RCS agent {agent.id} is already in pool {agent.pool_id}; an agent is in one pool at "
        "most. Disassociate it first.",
        KIND,
        agent.id,
    )


# -- views ------------------------------------------------------------------------------------


def _full_view(state: RegionState, agent: RcsAgent, shown_status: str | None) -> dict[str, Any]:
    view: dict[str, Any] = {
        "RcsAgentArn": agent.arn,
        "RcsAgentId": agent.id,
        "Status": shown_status or status(state, agent),
        "CreatedTimestamp": agent.created,
        "DeletionProtectionEnabled": agent.deletion_protection,
        "OptOutListName": agent.opt_out_list_name,
        "SelfManagedOptOutsEnabled": agent.self_managed_opt_outs,
        "TwoWayEnabled": agent.two_way_enabled,
    }
    optional = {
        "TwoWayChannelArn": agent.two_way_channel_arn,
        "TwoWayChannelRole": agent.two_way_channel_role,
        "PoolId": agent.pool_id,
        "TwoWayMediaS3BucketName": agent.media_bucket,
        "TwoWayMediaS3KeyPrefix": agent.media_prefix,
        "TwoWayMediaS3Role": agent.media_role,
        "TwoWayRcsEventsEnabled": list(agent.rcs_events) if agent.rcs_events is not None else None,
    }
    view.update({k: v for k, v in optional.items() if v is not None})
    test = testing_registration(state, agent)
    if test is not None:
        testing: dict[str, Any] = {"Status": testing_status(test), "RegistrationId": test.id}
        if testing["Status"] == "ACTIVE":
            testing["TestingAgentId"] = platform_id(agent)
        view["TestingAgent"] = testing
    return view


def agent_view(
    state: RegionState, agent: RcsAgent, shape_name: str, shown_status: str | None = None
) -> dict[str, Any]:
    members = model.members(shape_name)
    full = _full_view(state, agent, shown_status)
    return {k: v for k, v in full.items() if k in members}


# -- the operations ---------------------------------------------------------------------------


@idempotent("CreateRcsAgent", KIND, RCS_AGENT.id_member)
def create_rcs_agent(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    listed = opt_out_lists.find(state, params.get("OptOutListName", opt_out_lists.DEFAULT))
    tags = new_tags(ctx, params.get("Tags"))
    check_quota(ctx, RCS_AGENT)
    agent = RcsAgent(
        **stamp(state, RCS_AGENT),
        tags=tags,
        opt_out_list_name=listed.name,
        deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
    )
    add(state, RCS_AGENT, agent)
    return with_tags(agent_view(state, agent, "CreateRcsAgentResult"), tags)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def describe_rcs_agents(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    chosen = candidates(state, RCS_AGENT, params, "RcsAgentIds", lambda i: find_agent(state, i))
    filters: FilterTable[RcsAgent] = {
        "status": ("RcsAgentStatus", lambda a: status(state, a)),
        **SETTING_FILTERS,
    }
    found, token = listing(ctx, params, chosen, lambda a: a.seq, filters)
    shown = [agent_view(state, a, "RcsAgentInformation") for a in found]
    return with_token({"RcsAgents": shown}, token)


def _invalid(reason: str, member: str, message: str) -> Exception:
    return validation_error(message, reason, [{"Name": member, "Message": message}])


def _update_media(agent: RcsAgent, params: dict[str, Any]) -> None:
    bucket, role = params.get("TwoWayMediaS3BucketName"), params.get("TwoWayMediaS3Role")
    if UNSET_MEDIA in (bucket, role):
        if bucket != role:
            raise _invalid(
                "INVALID_PARAMETER",
                "twoWayMediaS3BucketName",
                f"To remove the media configuration pass {UNSET_MEDIA} for both "
                "TwoWayMediaS3BucketName and TwoWayMediaS3Role.",
            )
        agent.media_bucket = agent.media_role = agent.media_prefix = None
        return
    wanted = {
        "media_bucket": bucket,
        "media_role": role,
        "media_prefix": params.get("TwoWayMediaS3KeyPrefix"),
    }
    if any(v is not None for v in wanted.values()) and not agent.two_way_enabled:
        raise _invalid(
            "TWO_WAY_NOT_ENABLED",
            "twoWayMediaS3BucketName",
            f"Two-way messaging is not enabled on RCS agent {agent.id}; enable it before "
            "configuring inbound media.",
        )
    for attribute, value in wanted.items():
        if value is not None:
            setattr(agent, attribute, value)


def _update_events(agent: RcsAgent, params: dict[str, Any]) -> None:
    if "TwoWayRcsEventsEnabled" not in params:
        return
    events = list(dict.fromkeys(params["TwoWayRcsEventsEnabled"]))
    if "ALL" in events and len(events) > 1:
        raise _invalid(
            "INVALID_PARAMETER",
            "twoWayRcsEventsEnabled",
            "ALL enables every RCS event type and must be the only element.",
        )
    agent.rcs_events = events


def update_rcs_agent(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    agent = find_agent(state, params["RcsAgentId"])
    governed = [member for _, member in GOVERNED if member in params]
    if agent.pool_id is not None and governed:
        raise conflict(
            "RCS_AGENT_ASSOCIATED_TO_POOL",
            f"RCS agent {agent.id} is in pool {agent.pool_id}, which governs "
            f"{', '.join(governed)}; update the pool instead.",
            KIND,
            agent.id,
        )
    if "OptOutListName" in params:
        params = {
            **params,
            "OptOutListName": opt_out_lists.find(state, params["OptOutListName"]).name,
        }
    check_two_way(agent, params)
    for attribute, member in GOVERNED:
        if member in params:
            setattr(agent, attribute, params[member])
    _update_events(agent, params)
    _update_media(agent, params)
    if "DeletionProtectionEnabled" in params:
        agent.deletion_protection = params["DeletionProtectionEnabled"]
    return agent_view(state, agent, "UpdateRcsAgentResult")


def delete_rcs_agent(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    agent = find_agent(state, params["RcsAgentId"])
    check_deletable(RCS_AGENT, agent)
    if agent.pool_id is not None:
        raise conflict(
            "RCS_AGENT_ASSOCIATED_TO_POOL",
            f"RCS agent {agent.id} is in pool {agent.pool_id}; disassociate it first.",
            KIND,
            agent.id,
        )
    held = [reg.id for reg in registrations(state, agent) if not reg.closed]
    if held:
        raise conflict(
            "RESOURCE_NOT_EMPTY",
            f"RCS agent {agent.id} is associated with registration(s) {', '.join(held)}; "
            "delete them first.",
            KIND,
            agent.id,
        )
    result = agent_view(state, agent, "DeleteRcsAgentResult", "DELETED")
    remove(state, RCS_AGENT, agent)
    return result


def _launch_view(agent: RcsAgent, reg: Registration) -> dict[str, Any]:
    shown = launch_status(reg)
    carrier = {"ACTIVE": "ACTIVE", "REJECTED": "REJECTED"}.get(shown, "PENDING")
    view: dict[str, Any] = {
        "IsoCountryCode": launch_country(reg),
        "Status": shown,
        "RegistrationId": reg.id,
        "CarrierStatus": [{"CarrierName": CARRIER, "Status": carrier}],
    }
    if shown == "ACTIVE":
        view["RcsPlatformId"] = platform_id(agent)
    return view


_LAUNCH_FILTERS: FilterTable[Registration] = {
    "country-launch-status": ("CountryLaunchStatus", launch_status),
}


def describe_rcs_agent_country_launch_status(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    state = ctx.state
    agent = find_agent(state, params["RcsAgentId"])
    launches = _launches(registrations(state, agent))
    wanted = params.get("IsoCountryCodes")
    if wanted:
        launches = [reg for reg in launches if launch_country(reg) in wanted]
    found, token = listing(ctx, params, launches, lambda reg: reg.seq, _LAUNCH_FILTERS)
    result = {
        "RcsAgentId": agent.id,
        "RcsAgentArn": agent.arn,
        "CountryLaunchStatus": [_launch_view(agent, reg) for reg in found],
    }
    return with_token(result, token)


HANDLERS: dict[str, Handler] = {
    "CreateRcsAgent": create_rcs_agent,
    "DescribeRcsAgents": describe_rcs_agents,
    "UpdateRcsAgent": update_rcs_agent,
    "DeleteRcsAgent": delete_rcs_agent,
    "DescribeRcsAgentCountryLaunchStatus": describe_rcs_agent_country_launch_status,
}
