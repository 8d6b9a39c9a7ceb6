"""SendNotifyTextMessage and SendNotifyVoiceMessage: a catalogue template, rendered with the
caller's ``TemplateVariables``, sent through a Notify configuration.

The checks, in order: the configuration and configuration set exist (ResourceNotFoundException);
the configuration is ACTIVE (``NOTIFY_CONFIGURATION_NOT_ACTIVE``) and has the channel
(``CHANNEL_NOT_ENABLED``); the template (``TemplateId``, else the configuration's default:
``MISSING_PARAMETER`` without either) exists, has the channel and is open to the tier
(``INVALID_PARAMETER``); the destination's country is enabled (``COUNTRY_NOT_ENABLED``), takes
voice calls (``VOICE_CAPABILITY_NOT_AVAILABLE``) and is one of the template's
(``INVALID_PARAMETER``); every variable is the template's, not filled by the service
(``brandName`` is the display name), and every required one is there and fits its type,
length, range and pattern (``INVALID_PARAMETER``); ``VoiceId`` is one of the template's.

The message goes out, as AWS documents, from an identity of the configuration's pool that is
active, has the channel's capability and reaches the country, else from an AWS-managed
identity: the generic sender ID ``NOTICE`` for a text where sender IDs are used, otherwise a
number of the country (ours: ``+<dialing code><area>5550100``). (Countries that need a
customer-owned identity are Advanced-tier ones, which a Basic configuration cannot enable.)
The pool's opt-out list is honoured (``DESTINATION_PHONE_NUMBER_OPTED_OUT``);
on AWS-managed identities STOP is informational for one-time codes, so none applies. The SMS
sandbox does not apply to Notify. A Basic-tier configuration sends 200 messages in 24 hours
(AWS's figure; ``DAILY_NOTIFY_TIER_MESSAGE_LIMIT``, the ``quotas`` option changes it). Each
message costs its channel's price plus a Notify fee of $0.005 (ours), counted against the Notify
spend limit (``MONTHLY_SPEND_LIMIT_REACHED_FOR_NOTIFY``), never the text or voice ones.
``DryRun`` runs every check and answers as a send does, keeping, counting and charging nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import conflict, quota_exceeded, validation_error
from pinpoint_mock.engine.resources import NOTIFY_CONFIGURATION, POOL, SENDER_ID
from pinpoint_mock.engine.store import now
from pinpoint_mock.service import account, opt_out_lists
from pinpoint_mock.service.configuration_sets import find_set
from pinpoint_mock.service.notify.catalogue import (
    Country,
    Template,
    catalogue,
    country_of,
    find_template,
)
from pinpoint_mock.service.notify.configurations import NotifyConfiguration, find_configuration
from pinpoint_mock.service.phone_numbers import number_status
from pinpoint_mock.service.sender_ids import NOT_SUPPORTED
from pinpoint_mock.service.sending import events
from pinpoint_mock.service.sending.countries import with_plus
from pinpoint_mock.service.sending.routes import Route
from pinpoint_mock.service.sending.sends import (
    Message,
    dispatch,
    feedback,
    message_detail,
    new_message_id,
)

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.store import RegionState
    from pinpoint_mock.service.pools import Pool

NOTIFY_FEE = 0.005
BASIC_DAILY_MESSAGES = 200
DAILY_QUOTA = "DAILY_NOTIFY_TIER_MESSAGE_LIMIT"
_DAY = 24 * 3600.0
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_CHANNEL = {"TEXT": "SMS", "VOICE": "VOICE"}


def _invalid(reason: str, member: str, message: str) -> Exception:
    return validation_error(message, reason, [{"Name": member, "Message": message}])


def _template(config: NotifyConfiguration, params: dict[str, Any], channel: str) -> Template:
    template_id = params.get("TemplateId") or config.default_template_id
    if not template_id:
        raise _invalid(
            "MISSING_PARAMETER",
            "templateId",
            f"Give a TemplateId: Notify configuration {config.id} has no default template.",
        )
    template = find_template(template_id)
    if channel not in template.channels:
        raise _invalid(
            "INVALID_PARAMETER",
            "templateId",
            f"Template {template.id} sends over {', '.join(template.channels)}, not {channel}.",
        )
    if config.tier not in template.tiers:
        raise _invalid(
            "INVALID_PARAMETER",
            "templateId",
            f"Template {template.id} is for the {' and '.join(template.tiers)} tier; "
            f"configuration {config.id} is {config.tier}.",
        )
    return template


def _country(config: NotifyConfiguration, template: Template, channel: str, iso: str) -> Country:
    found = catalogue().countries.get(iso)
    if found is None or iso not in config.countries():
        raise _invalid(
            "COUNTRY_NOT_ENABLED",
            "destinationPhoneNumber",
            f"Notify configuration {config.id} does not send to {iso}; enable the country "
            "with UpdateNotifyConfiguration (ListNotifyCountries lists those of each tier).",
        )
    if channel not in found.channels:
        raise _invalid(
            "VOICE_CAPABILITY_NOT_AVAILABLE",
            "destinationPhoneNumber",
            f"Notify places no voice calls to {iso}.",
        )
    if iso not in template.countries:
        raise _invalid(
            "INVALID_PARAMETER",
            "templateId",
            f"Template {template.id} is not used in {iso}; DescribeNotifyTemplates with the "
            "supported-countries filter lists those that are.",
        )
    return found


def _fits(meta: dict[str, Any], value: str) -> str | None:
    """Why ``value`` does not fit the variable ``meta`` describes, or None."""
    kind = meta["Type"]
    if kind == "BOOLEAN":
        return None if value in ("true", "false") else 'it is not "true" or "false"'
    if kind == "INTEGER":
        if not re.fullmatch(r"-?[0-9]+", value):
            return "it is not an integer"
        number = int(value)
        low, high = meta.get("MinValue"), meta.get("MaxValue")
        if (low is not None and number < low) or (high is not None and number > high):
            return f"it is not between {low} and {high}"
        return None
    if meta.get("MaxLength") is not None and len(value) > meta["MaxLength"]:
        return f"it is longer than {meta['MaxLength']} characters"
    if meta.get("Pattern") and not re.search(meta["Pattern"], value, re.ASCII):
        return f"it does not match {meta['Pattern']}"
    return None


def render(template: Template, given: dict[str, str], config: NotifyConfiguration) -> str:
    """The template's content with every variable filled, each checked."""

    def refuse(name: str, why: str) -> Exception:
        return _invalid(
            "INVALID_PARAMETER",
            f"templateVariables.{name}",
            f"Template variable {name} of {template.id}: {why}.",
        )

    for name in given:
        meta = template.variables.get(name)
        if meta is None:
            raise refuse(name, f"no such variable (it has {', '.join(template.variables)})")
        if meta.get("Source") == "SYSTEM":
            raise refuse(name, "the service fills it; leave it out")
    values: dict[str, str] = {}
    for name, meta in template.variables.items():
        if meta.get("Source") == "SYSTEM":
            values[name] = config.display_name if name == "brandName" else ""
            continue
        value = given.get(name, meta.get("DefaultValue"))
        if value is None:
            if meta["Required"]:
                raise refuse(name, "it is required")
            values[name] = ""
            continue
        why = _fits(dict(meta), value)
        if why is not None:
            raise refuse(name, why)
        values[name] = value
    return _PLACEHOLDER.sub(lambda m: values.get(m[1], ""), template.content)


def _voice(template: Template, params: dict[str, Any]) -> str:
    voice: str | None = params.get("VoiceId")
    if voice is None:
        return template.voices[0] if template.voices else "MATTHEW"
    if template.voices and voice not in template.voices:
        raise _invalid(
            "INVALID_PARAMETER",
            "voiceId",
            f"Template {template.id} is read by {', '.join(template.voices)}, not {voice}.",
        )
    return voice


def _from_pool(state: RegionState, pool: Pool, channel: str, iso: str) -> Route | None:
    for key in pool.members:
        phone = state.phone_numbers.get(key)
        if phone is not None:
            if (
                number_status(state, phone) == "ACTIVE"
                and channel in phone.capabilities
                and (phone.iso_country_code == iso or phone.international_sending)
            ):
                return Route(phone.number, phone=phone, pool=pool)
            continue
        sender = state.of(SENDER_ID).get(key)
        if sender is not None and channel == "SMS" and sender.iso_country_code == iso:
            return Route(sender.sender_id, sender=sender, pool=pool)
    return None


def _managed(country: Country, channel: str) -> Route:
    """An AWS-managed identity for ``country`` (ours: AWS does not publish them)."""
    nanp = country.dialing_code == "1"
    if channel == "SMS" and not nanp and country.iso not in NOT_SUPPORTED:
        return Route("NOTICE")
    area = country.area_codes[0] if country.area_codes else ("800" if nanp else "")
    return Route(f"+{country.dialing_code}{area}5550100")


def _route(
    state: RegionState, config: NotifyConfiguration, country: Country, channel: str
) -> Route:
    pool: Pool | None = state.of(POOL).get(config.pool_id) if config.pool_id else None
    found = _from_pool(state, pool, channel, country.iso) if pool is not None else None
    return found if found is not None else _managed(country, channel)


def _check_opted_out(state: RegionState, route: Route, destination: str) -> None:
    if route.pool is None:  # STOP on AWS-managed identities is informational for OTP
        return
    listed = opt_out_lists.lists(state).get(route.opt_out_list)
    if listed is not None and destination in listed.numbers:
        raise conflict(
            "DESTINATION_PHONE_NUMBER_OPTED_OUT",
            f"{destination} is on opt-out list {route.opt_out_list} of pool {route.pool.id}.",
            "opted-out-number",
            destination,
        )


def _check_daily(ctx: Context, config: NotifyConfiguration) -> None:
    if config.tier != "BASIC":
        return
    limit = ctx.service.options.quotas.get(DAILY_QUOTA, BASIC_DAILY_MESSAGES)
    since = now() - _DAY
    while config.sent and config.sent[0] <= since:
        config.sent.popleft()
    if len(config.sent) >= limit:
        raise quota_exceeded(DAILY_QUOTA, limit)


def _send(ctx: Context, params: dict[str, Any], kind: str) -> dict[str, Any]:
    state = ctx.state
    config = find_configuration(state, params["NotifyConfigurationId"])
    name = params.get("ConfigurationSetName")
    configuration_set = find_set(state, name) if name else None
    if config.status != "ACTIVE":
        raise conflict(
            "NOTIFY_CONFIGURATION_NOT_ACTIVE",
            f"Notify configuration {config.id} is {config.status}; only an ACTIVE one sends.",
            NOTIFY_CONFIGURATION.arn_type,
            config.id,
        )
    channel = _CHANNEL[kind]
    if channel not in config.enabled_channels:
        raise _invalid(
            "CHANNEL_NOT_ENABLED",
            "notifyConfigurationId",
            f"Notify configuration {config.id} does not have {channel} enabled.",
        )
    template = _template(config, params, channel)
    destination = with_plus(params["DestinationPhoneNumber"])
    country = _country(config, template, channel, country_of(destination))
    body = render(template, dict(params.get("TemplateVariables") or {}), config)
    voice = _voice(template, params) if kind == "VOICE" else None
    route = _route(state, config, country, channel)
    _check_opted_out(state, route, destination)
    _check_daily(ctx, config)
    detail = message_detail(route, kind, body, country.iso)
    last = events.final(ctx.service, kind, destination, country.iso)
    detail["totalMessagePrice"] = round(detail["totalMessagePrice"] + NOTIFY_FEE, 5)
    if last in events.FREE:
        detail["totalMessagePrice"] = detail["totalCarrierFee"] = 0.0
    cost = detail["totalMessagePrice"] + detail["totalCarrierFee"]
    account.check_spend(ctx, "NOTIFY", cost)
    answer = {"TemplateId": template.id, "ResolvedMessageBody": body}
    if params.get("DryRun"):
        return {"MessageId": new_message_id(), **answer}
    account.charge(ctx, "NOTIFY", cost)
    config.sent.append(now())
    message = Message(
        id=new_message_id(),
        operation=ctx.request.operation,
        origination_identity=route.origin,
        destination=destination,
        body=body,
        media_urls=[],
        message_type="TRANSACTIONAL",
        configuration_set=configuration_set.id if configuration_set else None,
        context=dict(params["Context"]) if params.get("Context") else None,
        account_id=state.account_id,
        region=state.region,
        time_to_live=params.get("TimeToLive"),
        voice_id=voice,
        feedback_enabled=feedback(params, configuration_set),
    )
    dispatch(state, message, kind, last, detail, configuration_set)
    return {"MessageId": message.message_id, **answer}


def send_notify_text_message(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    return _send(ctx, params, "TEXT")


def send_notify_voice_message(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    return _send(ctx, params, "VOICE")


HANDLERS: dict[str, Handler] = {
    "SendNotifyTextMessage": send_notify_text_message,
    "SendNotifyVoiceMessage": send_notify_voice_message,
}
