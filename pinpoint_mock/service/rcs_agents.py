"""RCS agents: CreateRcsAgent, DescribeRcsAgents, UpdateRcsAgent and DeleteRcsAgent (operations
of newer models only).

An agent has no name: its brand, status and launches come from the registrations associated
with it (:mod:`.rcs_launches`). It has the opt-out list it names (``Default`` otherwise; the
list then counts as in use), HELP and STOP keywords (PutKeyword takes the agent's ID or ARN),
belongs to one pool at most (``RCS_AGENT_ASSOCIATED_TO_POOL``; the pool then governs its
opt-out list, two-way and self-managed settings), and cannot be deleted while protected
(``DELETION_PROTECTION_ENABLED``), in a pool, or while a registration that is not closed holds
it (``RESOURCE_NOT_EMPTY``, as AWS answers while the testing agent is torn down);
DeleteRcsAgent answers ``DELETED``. Inbound media settings need two-way on
(``TWO_WAY_NOT_ENABLED``); ``UNSET_RCS_MEDIA_CONFIGURATION`` in both the bucket and the role
clears them. The quota ``RCS_AGENTS_PER_ACCOUNT`` applies when the ``quotas`` option sets it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import conflict, validation_error
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.resources import (
    RCS_AGENT,
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
from pinpoint_mock.service.rcs_launches import (
    platform_id,
    registrations,
    status,
    testing_registration,
    testing_status,
)
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable

KIND = RCS_AGENT.arn_type
UNSET_MEDIA = "UNSET_RCS_MEDIA_CONFIGURATION"


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


HANDLERS: dict[str, Handler] = {
    "CreateRcsAgent": create_rcs_agent,
    "DescribeRcsAgents": describe_rcs_agents,
    "UpdateRcsAgent": update_rcs_agent,
    "DeleteRcsAgent": delete_rcs_agent,
}
