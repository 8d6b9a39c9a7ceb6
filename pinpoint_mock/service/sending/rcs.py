"""RCS sends: SendRcsMessage (newer models only), SendTextMessage from an RCS agent or from a
pool holding one, and the SMS or MMS fallback of an RCS message.

**SendRcsMessage** sends from an agent, or from the agent in a pool. **SendTextMessage** with
an agent (ID or ARN) as ``OriginationIdentity`` sends its ``MessageBody`` as an RCS message,
RCS only, with no fallback; with a pool holding an agent it sends RCS first when the agent
may send to the destination, else an ordinary text from a number of the pool
(:mod:`.sends`, which skips the agent). A pool without an agent, and any other identity, is
the ordinary text path.

The checks of an RCS message, in order: unknown configuration set, protect configuration or
origination identity (ResourceNotFoundException; for SendRcsMessage a pool without an RCS agent
is ``NO_ORIGINATION_IDENTITIES_FOUND``); an invalid ``FallbackConfiguration`` (ValidationException
``MISSING_PARAMETER``: SMS without ``MessageBody``, MMS with neither ``MessageBody`` nor
``MediaUrls``; ``INVALID_PARAMETER``: ``MediaUrls`` with SMS, a pool or an RCS agent as its
``OriginationIdentity``); an agent that cannot send to the destination (see
:func:`pinpoint_mock.service.rcs_launches.check_sendable`); a destination on the agent's (or
pool's) opt-out list (``DESTINATION_PHONE_NUMBER_OPTED_OUT``); a price over ``MaxPrice``
(``PRICE_OVER_THRESHOLD``); the RCS spend limit (``MONTHLY_SPEND_LIMIT_REACHED_FOR_RCS``).
``DryRun`` runs them all, then returns a ``MessageId`` without keeping, charging or emitting
anything. An accepted message is in ``sms.messages`` (``channel`` RCS, ``operation`` the
request's, ``body`` the text of a ``TextMessage`` or the ``MessageBody``, ``rcs_content`` the
whole ``RcsMessageContent``) and ends with ``RCS_DELIVERED`` unless ``sms.set_delivery`` says
otherwise (e.g. ``RCS_FAILED``). An RCS message costs what a one-part text to its country does
(AWS's RCS prices are not copied).

**Fallback.** When ``sms.set_delivery`` makes the RCS message end with ``RCS_FAILED`` or
``RCS_TTL_EXPIRED`` (AWS's two triggers) and it has a fallback, its events go on with
``RCS_FALLEN_BACK_TO_SMS`` and a second message is sent through the ordinary text or media
path, with every check, charge and event of one; it is in ``sms.messages`` with
``fallback_for`` the RCS message's ``MessageId`` (the one the request answered) and its own
``MessageId``. The fallback of SendTextMessage through a pool is the same request from a
number of the pool (none when the pool has no number that can send it). The fallback of
SendRcsMessage is its ``FallbackConfiguration``: from its ``OriginationIdentity``, else from a
number of the pool the RCS message went through, else as a text without an identity (the
account's choice). Since the mock knows at send time that the RCS message will fail, the
fallback's refusals refuse the request, and ``DryRun`` checks the fallback too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import ServiceError, conflict, validation_error
from pinpoint_mock.engine.resources import POOL, PROTECT_CONFIGURATION, RCS_AGENT, find
from pinpoint_mock.service import account
from pinpoint_mock.service.configuration_sets import ConfigurationSet, find_set
from pinpoint_mock.service.pools import Pool, find_pool
from pinpoint_mock.service.rcs_agents import RcsAgent, find_agent
from pinpoint_mock.service.rcs_launches import check_sendable, platform_id
from pinpoint_mock.service.sending import countries, events, prices, routes, sends
from pinpoint_mock.service.sending.sends import Message, dispatch, feedback, new_message_id

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.store import RegionState

CHANNEL = "RCS"
FALLEN_BACK = "RCS_FALLEN_BACK_TO_SMS"
# The final events after which a fallback is sent: RCS failure and TTL expiry, as AWS documents.
TRIGGERS = frozenset({"RCS_FAILED", "RCS_TTL_EXPIRED"})


@dataclass(frozen=True, slots=True)
class Fallback:
    """The request of the message sent when an RCS message fails, and its channel."""

    params: dict[str, Any]
    channel: str  # TEXT or MEDIA


def _pool_agent(state: RegionState, pool: Pool) -> RcsAgent | None:
    for key in pool.members:
        agent: RcsAgent | None = state.of(RCS_AGENT).get(key)
        if agent is not None:
            return agent
    return None


def origin(state: RegionState, value: str) -> tuple[RcsAgent, Pool | None]:
    """The agent an ``OriginationIdentity`` names: an agent (ID or ARN), or a pool (ID or
    ARN) holding one."""
    if RCS_AGENT.names(value):
        return find_agent(state, value), None
    if not POOL.names(value):
        find_agent(state, value)  # names nothing an RCS message can come from: not found
    pool = find_pool(state, value)
    agent = _pool_agent(state, pool)
    if agent is None:
        raise conflict(
            "NO_ORIGINATION_IDENTITIES_FOUND",
            f"Pool {pool.id} has no RCS agent to send an RCS message from.",
            POOL.arn_type,
            pool.id,
        )
    return agent, pool


def _text(content: dict[str, Any]) -> str | None:
    text = (content.get("Content") or {}).get("TextMessage") or {}
    body = text.get("Body")
    return body if isinstance(body, str) else None


def _configuration_set(ctx: Context, params: dict[str, Any]) -> ConfigurationSet | None:
    name = params.get("ConfigurationSetName")
    configuration_set = find_set(ctx.state, name) if name else None
    if params.get("ProtectConfigurationId"):
        find(ctx.state, PROTECT_CONFIGURATION, params["ProtectConfigurationId"])
    return configuration_set


def _send_rcs(
    ctx: Context,
    params: dict[str, Any],
    agent: RcsAgent,
    pool: Pool | None,
    *,
    body: str | None,
    content: dict[str, Any] | None,
    configuration_set: ConfigurationSet | None,
    fallback: Fallback | None,
) -> dict[str, Any]:
    """Check, charge, keep and emit one RCS message, and its fallback when it fails."""
    state = ctx.state
    destination = countries.with_plus(params["DestinationPhoneNumber"])
    country = countries.iso_of(destination)
    check_sendable(state, agent, destination, country)
    sends.check_opted_in(state, (pool or agent).opt_out_list_name, destination)
    price = prices.text(country, 1)
    if params.get("MaxPrice") and price > float(params["MaxPrice"]):
        raise sends.over_threshold("MaxPrice", price, params["MaxPrice"])
    last = events.final(ctx.service, CHANNEL, destination, country)
    if CHANNEL in account.CHANNELS:
        account.check_spend(ctx, CHANNEL, price)
    falls = fallback is not None and last in TRIGGERS
    if fallback is not None and falls:
        sends.send_fallback(ctx, {**fallback.params, "DryRun": True}, fallback.channel, None)
    if params.get("DryRun"):
        return {"MessageId": new_message_id()}
    if CHANNEL in account.CHANNELS:
        account.charge(ctx, CHANNEL, price)
    sent = Message(
        id=new_message_id(),
        operation=ctx.request.operation,
        origination_identity=agent.id,
        destination=destination,
        body=body,
        media_urls=[],
        message_type=params.get("MessageType"),
        configuration_set=configuration_set.id if configuration_set else None,
        context=dict(params["Context"]) if params.get("Context") else None,
        account_id=state.account_id,
        region=state.region,
        time_to_live=params.get("TimeToLive"),
        max_price=params.get("MaxPrice"),
        feedback_enabled=feedback(params, configuration_set),
        rcs_content=content,
        sent_as=CHANNEL,
    )
    detail: dict[str, Any] = {
        "isoCountryCode": country,
        "isInternationalSend": False,
        "messageEncoding": prices.encoding(body or ""),
        "totalMessageParts": 1,
        "totalMessagePrice": price,
        "totalCarrierFee": 0.0,
        "extra": {"rcsBusinessId": platform_id(agent), "agentIsoCountryCode": country},
    }
    after = (FALLEN_BACK,) if falls and FALLEN_BACK in model.enum("EventType") else ()
    dispatch(state, sent, CHANNEL, last, detail, configuration_set, after)
    if fallback is not None and falls:
        sends.send_fallback(ctx, fallback.params, fallback.channel, sent.id)
    return {"MessageId": sent.message_id}


# -- SendRcsMessage -------------------------------------------------------------------------


def _invalid(reason: str, member: str, message: str) -> ServiceError:
    return validation_error(
        message, reason, [{"Name": f"fallbackConfiguration.{member}", "Message": message}]
    )


def per_message(params: dict[str, Any], pool: Pool | None) -> Fallback | None:
    """SendRcsMessage's ``FallbackConfiguration`` as the request of its fallback message."""
    config: dict[str, Any] | None = params.get("FallbackConfiguration")
    if not config:
        return None
    sms = config["Channel"] == "SMS"
    body, urls = config.get("MessageBody"), list(config.get("MediaUrls") or [])
    if sms and not body:
        raise _invalid("MISSING_PARAMETER", "messageBody", "An SMS fallback needs a MessageBody.")
    if sms and urls:
        raise _invalid(
            "INVALID_PARAMETER", "mediaUrls", "MediaUrls are only valid with an MMS fallback."
        )
    if not sms and not body and not urls:
        raise _invalid(
            "MISSING_PARAMETER", "messageBody", "An MMS fallback needs a MessageBody or MediaUrls."
        )
    identity = config.get("OriginationIdentity")
    if identity and (POOL.names(identity) or RCS_AGENT.names(identity)):
        raise _invalid(
            "INVALID_PARAMETER",
            "originationIdentity",
            f"{identity} cannot send a fallback: give a phone number or sender ID (ID or ARN), "
            "not a pool or an RCS agent.",
        )
    request: dict[str, Any] = {
        "DestinationPhoneNumber": params["DestinationPhoneNumber"],
        "OriginationIdentity": identity or (pool.id if pool is not None else None),
        "MessageBody": body,
        "MediaUrls": urls,
        "ConfigurationSetName": params.get("ConfigurationSetName"),
        "ProtectConfigurationId": params.get("ProtectConfigurationId"),
        "Context": params.get("Context"),
    }
    shaped = {k: v for k, v in request.items() if v}
    return Fallback(shaped, "TEXT" if sms else "MEDIA")


def send_rcs_message(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    configuration_set = _configuration_set(ctx, params)
    agent, pool = origin(ctx.state, params["OriginationIdentity"])
    content = dict(params.get("RcsMessageContent") or {})
    return _send_rcs(
        ctx,
        params,
        agent,
        pool,
        body=_text(content),
        content=content,
        configuration_set=configuration_set,
        fallback=per_message(params, pool),
    )


# -- SendTextMessage ------------------------------------------------------------------------


def _text_origin(state: RegionState, identity: str | None) -> tuple[RcsAgent, Pool | None] | None:
    """The agent a SendTextMessage goes out from over RCS first, if any."""
    if not identity:
        return None
    if RCS_AGENT.names(identity):
        return find_agent(state, identity), None
    if not POOL.names(identity):
        return None
    pool = find_pool(state, identity)
    agent = _pool_agent(state, pool)
    return (agent, pool) if agent is not None else None


def _reaches(ctx: Context, agent: RcsAgent, params: dict[str, Any]) -> bool:
    destination = countries.with_plus(params["DestinationPhoneNumber"])
    try:
        check_sendable(ctx.state, agent, destination, countries.iso_of(destination))
    except ServiceError:
        return False
    return True


def _pool_fallback(ctx: Context, params: dict[str, Any], pool: Pool) -> Fallback | None:
    """The same text from a number of ``pool``, when one can send it."""
    country = countries.iso_of(countries.with_plus(params["DestinationPhoneNumber"]))
    try:
        routes.resolve(ctx, pool.id, "TEXT", country)
    except ServiceError:
        return None
    return Fallback(dict(params), "TEXT")


def send_text_message(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    """An RCS message from an agent, RCS first from a pool holding one, else a text."""
    routed = _text_origin(ctx.state, params.get("OriginationIdentity"))
    if routed is None:
        return sends.send_text_message(ctx, params)
    agent, pool = routed
    if pool is not None and not _reaches(ctx, agent, params):
        return sends.send_text_message(ctx, params)
    configuration_set = _configuration_set(ctx, params)
    return _send_rcs(
        ctx,
        params,
        agent,
        pool,
        body=params.get("MessageBody"),
        content=None,
        configuration_set=configuration_set,
        fallback=_pool_fallback(ctx, params, pool) if pool is not None else None,
    )


HANDLERS: dict[str, Handler] = {
    "SendRcsMessage": send_rcs_message,
    "SendTextMessage": send_text_message,
}
