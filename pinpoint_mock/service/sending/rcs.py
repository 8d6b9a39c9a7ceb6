"""SendRcsMessage (newer models only): an RCS message from an agent, or from the agent in a pool.

The checks, in order: unknown configuration set, protect configuration or origination
identity (ResourceNotFoundException; a pool without an RCS agent is
``NO_ORIGINATION_IDENTITIES_FOUND``); an agent that cannot send to the destination (see
:func:`pinpoint_mock.service.rcs_launches.check_sendable`); a destination on the agent's (or
pool's) opt-out list (``DESTINATION_PHONE_NUMBER_OPTED_OUT``); a price over ``MaxPrice``
(``PRICE_OVER_THRESHOLD``); the RCS spend limit (``MONTHLY_SPEND_LIMIT_REACHED_FOR_RCS``).
``DryRun`` runs them all, then returns a ``MessageId`` without keeping, charging or emitting
anything. An accepted message is in ``sms.messages`` (operation ``SendRcsMessage``, ``body``
the text of a ``TextMessage``, ``rcs_content`` the whole ``RcsMessageContent``) and ends with
``RCS_DELIVERED`` unless ``sms.set_delivery`` says otherwise (e.g. ``RCS_FAILED``). An RCS
message costs what a one-part text to its country does (AWS's RCS prices are not copied).
``FallbackConfiguration`` is accepted, but no fallback SMS or MMS is sent (not modelled).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns
from pinpoint_mock.engine.errors import conflict, validation_error
from pinpoint_mock.engine.resources import POOL, PROTECT_CONFIGURATION, RCS_AGENT, find
from pinpoint_mock.service import account, opt_out_lists
from pinpoint_mock.service.configuration_sets import find_set
from pinpoint_mock.service.pools import Pool, find_pool
from pinpoint_mock.service.rcs_agents import RcsAgent, find_agent, names_agent
from pinpoint_mock.service.rcs_launches import check_sendable, platform_id
from pinpoint_mock.service.sending import countries, events, prices
from pinpoint_mock.service.sending.sends import Message, dispatch, feedback, new_message_id

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.store import RegionState

CHANNEL = "RCS"


def origin(state: RegionState, value: str) -> tuple[RcsAgent, Pool | None]:
    """The agent an ``OriginationIdentity`` names: an agent (ID or ARN), or a pool (ID or
    ARN) holding one."""
    if names_agent(value):
        return find_agent(state, value), None
    parsed = arns.parse(value) if value.startswith("arn:") else None
    if (parsed is None or parsed.kind != POOL.arn_type) and not value.startswith("pool-"):
        find_agent(state, value)  # names nothing an RCS message can come from: not found
    pool = find_pool(state, value)
    for key in pool.members:
        agent: RcsAgent | None = state.of(RCS_AGENT).get(key)
        if agent is not None:
            return agent, pool
    raise conflict(
        "NO_ORIGINATION_IDENTITIES_FOUND",
        f"Pool {pool.id} has no RCS agent to send an RCS message from.",
        POOL.arn_type,
        pool.id,
    )


def _text(content: dict[str, Any]) -> str | None:
    text = (content.get("Content") or {}).get("TextMessage") or {}
    body = text.get("Body")
    return body if isinstance(body, str) else None


def send_rcs_message(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    destination = countries.with_plus(params["DestinationPhoneNumber"])
    country = countries.iso_of(destination)
    name = params.get("ConfigurationSetName")
    configuration_set = find_set(state, name) if name else None
    if params.get("ProtectConfigurationId"):
        find(state, PROTECT_CONFIGURATION, params["ProtectConfigurationId"])
    agent, pool = origin(state, params["OriginationIdentity"])
    check_sendable(state, agent, destination, country)
    list_name = (pool or agent).opt_out_list_name
    listed = opt_out_lists.lists(state).get(list_name)
    if listed is not None and destination in listed.numbers:
        raise conflict(
            "DESTINATION_PHONE_NUMBER_OPTED_OUT",
            f"{destination} is on opt-out list {list_name}.",
            "opted-out-number",
            destination,
        )
    content = dict(params.get("RcsMessageContent") or {})
    body = _text(content)
    price = prices.text(country, 1)
    if params.get("MaxPrice") and price > float(params["MaxPrice"]):
        message = (
            f"The message costs ${price:.5f}, more than the MaxPrice of ${params['MaxPrice']}."
        )
        raise validation_error(
            message, "PRICE_OVER_THRESHOLD", [{"Name": "MaxPrice", "Message": message}]
        )
    last = events.final(ctx.service, CHANNEL, destination, country)
    if CHANNEL in account.CHANNELS:
        account.check_spend(ctx, CHANNEL, price)
    if params.get("DryRun"):
        return {"MessageId": new_message_id()}
    if CHANNEL in account.CHANNELS:
        account.charge(ctx, CHANNEL, price)
    sent = Message(
        id=new_message_id(),
        operation="SendRcsMessage",
        origination_identity=agent.id,
        destination=destination,
        body=body,
        media_urls=[],
        message_type=None,
        configuration_set=configuration_set.id if configuration_set else None,
        context=dict(params["Context"]) if params.get("Context") else None,
        account_id=state.account_id,
        region=state.region,
        time_to_live=params.get("TimeToLive"),
        max_price=params.get("MaxPrice"),
        feedback_enabled=feedback(params, configuration_set),
        rcs_content=content,
    )
    coding = prices.encoding(body or "")
    detail: dict[str, Any] = {
        "isoCountryCode": country,
        "isInternationalSend": False,
        "messageEncoding": coding,
        "totalMessageParts": 1,
        "totalMessagePrice": price,
        "totalCarrierFee": 0.0,
        "extra": {"rcsBusinessId": platform_id(agent), "agentIsoCountryCode": country},
    }
    dispatch(state, sent, CHANNEL, last, detail, configuration_set)
    return {"MessageId": sent.message_id}


HANDLERS: dict[str, Handler] = {"SendRcsMessage": send_rcs_message}
