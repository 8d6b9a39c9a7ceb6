"""SendTextMessage, SendVoiceMessage, SendMediaMessage and PutMessageFeedback.

A send resolves its origination identity, refuses what AWS refuses, counts its price against
the month's spend limit, keeps the message (``sms.messages``) and emits its events
(:mod:`.events`).

Resolving ``OriginationIdentity``: a phone number by ID, ARN or E.164 number; a pool by ID or
ARN (the first member, in joining order, that is active, has the channel's capability and can
reach the destination's country); a sender ID by name (of the destination's country) or ARN
(ValidationException ``SENDER_ID_NOT_SUPPORTED`` for one of the account's sender IDs sent to
US, CA or CN, which take no sender IDs; ``INVALID_IDENTITY_FOR_DESTINATION_COUNTRY`` for a
sender ID ARN of another country).
Without one (text only): the first active number of the destination's country with SMS, then a
sender ID of that country, then the configuration set's default sender ID (where the country
takes sender IDs), then a shared route, else ConflictException
``NO_ORIGINATION_IDENTITIES_FOUND``. A shared route (AWS's: identities it shares among
accounts) carries a text from the generic sender ID ``NOTICE`` to a country that takes sender
IDs; it is also where a pool with ``SharedRoutesEnabled`` sends a text none of its members can.
SendTextMessage from an RCS agent, or from a pool holding one, goes through
:mod:`.rcs` first (RCS, and its SMS fallback through :func:`send_fallback`).

A voice body of ``MessageBodyTextType`` TEXT (the default) over 3000 characters is a
ValidationException ``INVALID_PARAMETER`` (the model: TEXT 3000, SSML 6000 with its tags).
The checks, in order: unknown identity, configuration set or protect configuration
(ResourceNotFoundException); a number that is not active (``REGISTRATION_NOT_COMPLETE`` when
its registration is not in force, ``RESOURCE_NOT_ACTIVE`` when it has none); a capability the
identity lacks (``NUMBER_CAPABILITIES_MISMATCH``); another country without international
sending (``INVALID_IDENTITY_FOR_DESTINATION_COUNTRY``); in the sandbox, a destination that is
not a verified destination number (``DESTINATION_PHONE_NUMBER_NOT_VERIFIED``); a destination on
the identity's opt-out list (``DESTINATION_PHONE_NUMBER_OPTED_OUT``); a block by the protect
configuration that applies (:mod:`pinpoint_mock.service.protect.verdict`); a price over ``MaxPrice``
(``PRICE_OVER_THRESHOLD``); the spend limit. ``DryRun`` runs them all, then returns a
``MessageId`` without keeping, charging or emitting anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns
from pinpoint_mock.engine.errors import conflict, not_found, validation_error
from pinpoint_mock.engine.eventbridge import DELIVERY_DETAIL_TYPES, delivery_detail
from pinpoint_mock.engine.ids import new_uuid
from pinpoint_mock.engine.resources import (
    PHONE_NUMBER,
    POOL,
    SENDER_ID,
    VERIFIED_DESTINATION_NUMBER,
    Kind,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import now
from pinpoint_mock.service import account, opt_out_lists
from pinpoint_mock.service.configuration_sets import ConfigurationSet, find_set
from pinpoint_mock.service.phone_numbers import PhoneNumber, find_phone_number, number_status
from pinpoint_mock.service.pools import Pool, find_pool
from pinpoint_mock.service.protect import verdict
from pinpoint_mock.service.sender_ids import NOT_SUPPORTED, SenderId, find_sender_id
from pinpoint_mock.service.sending import countries, events, prices

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler, Service
    from pinpoint_mock.engine.store import RegionState

MESSAGE = Kind("message", "MessageId", taggable=False)
CAPABILITY = {"TEXT": "SMS", "VOICE": "VOICE", "MEDIA": "MMS"}
SHARED_SENDER_ID = "NOTICE"  # the generic sender ID AWS names for its shared routes
_MEDIA_TYPES = frozenset(
    [
        "gif",
        "jpg",
        "jpeg",
        "png",
        "tif",
        "tiff",
        "3gp",
        "3g2",
        "amr",
        "mp4",
        "mpeg",
        "mpg",
        "mp3",
        "ogg",
        "mov",
        "qt",
        "webm",
        "ics",
        "vcf",
        "pdf",
    ]
)


@dataclass(slots=True, eq=False)
class Message:
    """One message the service accepted (``sms.messages``)."""

    id: str  # the MessageId (``message_id``); ``id`` as every stored record has
    operation: str
    origination_identity: str | None
    destination: str
    body: str | None
    media_urls: list[str]
    message_type: str | None
    configuration_set: str | None
    context: dict[str, str] | None
    account_id: str
    region: str
    events: list[str] = field(default_factory=list)
    keyword: str | None = None
    time_to_live: int | None = None
    max_price: str | None = None
    destination_country_parameters: dict[str, str] | None = None
    voice_id: str | None = None
    message_body_text_type: str | None = None
    feedback_enabled: bool = False
    feedback_status: str | None = None
    reply_to: str | None = None  # the inbound message an automatic reply answers
    # {protectConfigurationId, protectStatus} when a protect configuration let it go
    protect: dict[str, str] | None = None
    rcs_content: dict[str, Any] | None = None  # SendRcsMessage's RcsMessageContent
    sent_as: str | None = None  # the channel, where the operation does not tell it (RCS fallback)
    fallback_for: str | None = None  # the MessageId of the RCS message this one falls back for
    created: float = 0.0
    order: int = 0
    emitted: list[dict[str, Any]] = field(default_factory=list, repr=False)

    @property
    def message_id(self) -> str:
        return self.id

    @property
    def channel(self) -> str:
        if self.sent_as is not None:
            return self.sent_as
        if self.operation == "SendRcsMessage":
            return "RCS"
        if self.operation in ("SendVoiceMessage", "SendNotifyVoiceMessage"):
            return "VOICE"
        return "MEDIA" if self.operation == "SendMediaMessage" else "TEXT"


@dataclass(slots=True)
class Route:
    """The identity a send goes out from."""

    origin: str  # the number or sender ID string
    phone: PhoneNumber | None = None
    pool: Pool | None = None
    sender: SenderId | None = None

    @property
    def opt_out_list(self) -> str:
        holder = self.pool or self.phone
        return holder.opt_out_list_name if holder is not None else opt_out_lists.DEFAULT

    @property
    def message_type(self) -> str | None:
        holder = self.pool or self.phone
        return holder.message_type if holder is not None else None


def new_message_id() -> str:
    return new_uuid()


# -- resolving the origination identity ------------------------------------------------------


def _reaches(state: RegionState, phone: PhoneNumber, channel: str, country: str) -> bool:
    return (
        number_status(state, phone) == "ACTIVE"
        and CAPABILITY[channel] in phone.capabilities
        and (phone.iso_country_code == country or phone.international_sending)
    )


def _check_phone(state: RegionState, phone: PhoneNumber, channel: str, country: str) -> None:
    if number_status(state, phone) != "ACTIVE":
        if phone.registration_id is not None:
            raise conflict(
                "REGISTRATION_NOT_COMPLETE",
                f"Phone number {phone.number} cannot send until registration "
                f"{phone.registration_id} has an approved version in force.",
                "registration",
                phone.registration_id,
            )
        raise conflict(
            "RESOURCE_NOT_ACTIVE",
            f"Phone number {phone.number} is not active: a US {phone.number_type} number "
            "sends once a registration associated with it is approved.",
            PHONE_NUMBER.arn_type,
            phone.id,
        )
    if CAPABILITY[channel] not in phone.capabilities:
        raise conflict(
            "NUMBER_CAPABILITIES_MISMATCH",
            f"Phone number {phone.number} has {', '.join(phone.capabilities)}, not "
            f"{CAPABILITY[channel]}.",
            PHONE_NUMBER.arn_type,
            phone.id,
        )
    if phone.iso_country_code != country and not phone.international_sending:
        message = (
            f"Phone number {phone.number} ({phone.iso_country_code}) cannot send to {country} "
            "without international sending."
        )
        raise validation_error(
            message,
            "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
            [{"Name": "destinationPhoneNumber", "Message": message}],
        )


def _shared_route(channel: str, country: str, pool: Pool | None = None) -> Route | None:
    """AWS's shared identities: texts only, to a known country that takes sender IDs."""
    if channel != "TEXT" or country in NOT_SUPPORTED or country == countries.UNKNOWN:
        return None
    return Route(SHARED_SENDER_ID, pool=pool)


def _from_pool(state: RegionState, pool: Pool, channel: str, country: str) -> Route:
    for key in pool.members:
        phone = state.phone_numbers.get(key)
        if phone is not None:
            if _reaches(state, phone, channel, country):
                return Route(phone.number, phone=phone, pool=pool)
            continue
        sender: SenderId | None = state.of(SENDER_ID).get(key)
        if sender is not None and channel != "VOICE" and sender.iso_country_code == country:
            return Route(sender.sender_id, sender=sender, pool=pool)
    shared = _shared_route(channel, country, pool) if pool.shared_routes else None
    if shared is not None:
        return shared
    raise conflict(
        "NO_ORIGINATION_IDENTITIES_FOUND",
        f"No identity of pool {pool.id} is active with {CAPABILITY[channel]} and reaches "
        f"{country}.",
        POOL.arn_type,
        pool.id,
    )


def _sender_route(sender: SenderId, channel: str) -> Route:
    if channel == "VOICE":
        raise conflict(
            "NUMBER_CAPABILITIES_MISMATCH",
            f"Sender ID {sender.sender_id} cannot place calls; send voice from a phone number "
            "or pool.",
            SENDER_ID.arn_type,
            sender.sender_id,
        )
    return Route(sender.sender_id, sender=sender)


def _check_sender_country(value: str, sender_country: str | None, country: str) -> None:
    """A sender ID sends to its own country only, and no country without sender IDs."""
    if country in NOT_SUPPORTED:
        message = f"Sender IDs are not supported in {country}; send from a phone number there."
        raise validation_error(
            message,
            "SENDER_ID_NOT_SUPPORTED",
            [{"Name": "originationIdentity", "Message": message}],
        )
    if sender_country is not None and sender_country != country:
        message = f"Sender ID {value} is of {sender_country}; it cannot send to {country}."
        raise validation_error(
            message,
            "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
            [{"Name": "destinationPhoneNumber", "Message": message}],
        )


def _explicit(state: RegionState, value: str, channel: str, country: str) -> Route:
    parsed = arns.parse(value) if value.startswith("arn:") else None
    if POOL.names(value):
        return _from_pool(state, find_pool(state, value), channel, country)
    if parsed is not None and parsed.kind == SENDER_ID.arn_type:
        arn_country = parsed.resource_id.partition("/")[2]
        sender = find_sender_id(state, value, arn_country)
        _check_sender_country(value, arn_country, country)
        return _sender_route(sender, channel)
    if parsed is not None or value.startswith("phone-"):
        phone = find_phone_number(state, value)
    elif value.startswith("+"):
        found = [p for p in state.phone_numbers.values() if p.number == value]
        if not found:
            raise not_found(PHONE_NUMBER.arn_type, value)
        phone = found[0]
    else:
        if any(s.sender_id == value for s in state.of(SENDER_ID).values()):
            _check_sender_country(value, None, country)  # a sender ID, to US: not supported
        return _sender_route(find_sender_id(state, value, country), channel)
    _check_phone(state, phone, channel, country)
    return Route(phone.number, phone=phone)


def _implicit(
    ctx: Context, channel: str, country: str, configuration_set: ConfigurationSet | None
) -> Route:
    state = ctx.state
    for phone in state.phone_numbers.values():
        if phone.iso_country_code == country and _reaches(state, phone, channel, country):
            return Route(phone.number, phone=phone)
    if channel != "VOICE":
        for sender in state.of(SENDER_ID).values():
            if sender.iso_country_code == country:
                return Route(sender.sender_id, sender=sender)
        default = configuration_set.default_sender_id if configuration_set else None
        if default is not None and country not in NOT_SUPPORTED:
            return Route(default)
    shared = _shared_route(channel, country)
    if shared is not None:
        return shared
    raise conflict(
        "NO_ORIGINATION_IDENTITIES_FOUND",
        f"This account has no active identity with {CAPABILITY[channel]} for {country}; request "
        "a phone number or sender ID there, or name one in OriginationIdentity.",
        "account",
        state.account_id,
    )


def resolve(
    ctx: Context,
    identity: str | None,
    channel: str,
    country: str,
    configuration_set: ConfigurationSet | None = None,
) -> Route:
    if identity:
        return _explicit(ctx.state, identity, channel, country)
    return _implicit(ctx, channel, country, configuration_set)


# -- the refusals after routing ---------------------------------------------------------------


def verified(state: RegionState, number: str) -> bool:
    return any(
        v.number == number and v.status == "VERIFIED"
        for v in state.of(VERIFIED_DESTINATION_NUMBER).values()
    )


def check_destination(ctx: Context, route: Route, destination: str) -> None:
    state = ctx.state
    if account.looked_at(ctx).sandbox and not verified(state, destination):
        raise conflict(
            "DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
            f"This account is in the SMS sandbox and {destination} is not a verified "
            "destination number (CreateVerifiedDestinationNumber, then verify it).",
            VERIFIED_DESTINATION_NUMBER.arn_type,
            destination,
        )
    check_opted_in(state, route.opt_out_list, destination)


def check_opted_in(state: RegionState, list_name: str | None, destination: str) -> None:
    """Refuse a destination on the opt-out list ``list_name`` (of the identity that sends)."""
    listed = opt_out_lists.lists(state).get(list_name) if list_name is not None else None
    if listed is not None and destination in listed.numbers:
        raise conflict(
            "DESTINATION_PHONE_NUMBER_OPTED_OUT",
            f"{destination} is on opt-out list {list_name}.",
            "opted-out-number",
            destination,
        )


def over_threshold(member: str, price: float, limit: str) -> Exception:
    message = f"The message costs ${price:.5f}, more than the {member} of ${limit}."
    return validation_error(message, "PRICE_OVER_THRESHOLD", [{"Name": member, "Message": message}])


def _check_media(urls: list[str]) -> None:
    for url in urls:
        extension = url.rpartition("/")[2].rpartition(".")[2].lower()
        if extension not in _MEDIA_TYPES:
            message = f"{url} is not a file type MMS carries ({', '.join(sorted(_MEDIA_TYPES))})."
            raise validation_error(
                message, "MEDIA_TYPE_NOT_SUPPORTED", [{"Name": "mediaUrls", "Message": message}]
            )


# SendVoiceMessage's MessageBodyTextType: "TEXT ... the maximum character limit is 3000" (the
# model's 6000 is SSML's, tags included)
_VOICE_TEXT_LIMIT = 3000


def _check_voice_text(params: dict[str, Any]) -> None:
    body = params.get("MessageBody") or ""
    if params.get("MessageBodyTextType", "TEXT") == "TEXT" and len(body) > _VOICE_TEXT_LIMIT:
        message = (
            f"A TEXT voice message body is at most {_VOICE_TEXT_LIMIT} characters, not "
            f"{len(body)} (SSML bodies may have 6000, tags included)."
        )
        raise validation_error(
            message, "INVALID_PARAMETER", [{"Name": "messageBody", "Message": message}]
        )


# -- the send -------------------------------------------------------------------------------


def _send(
    ctx: Context, params: dict[str, Any], channel: str, *, fallback_for: str | None = None
) -> dict[str, Any]:
    state = ctx.state
    destination = countries.with_plus(params["DestinationPhoneNumber"])
    country = countries.iso_of(destination)
    name = params.get("ConfigurationSetName")
    configuration_set = find_set(state, name) if name else None
    protection = verdict.applying(ctx, params, configuration_set)
    if channel == "MEDIA":
        _check_media(params.get("MediaUrls") or [])
    if channel == "VOICE":
        _check_voice_text(params)
    route = resolve(ctx, params.get("OriginationIdentity"), channel, country, configuration_set)
    check_destination(ctx, route, destination)
    protected = verdict.judge(protection, CAPABILITY[channel], destination, country)
    body = params.get("MessageBody") or ""
    detail = _detail(route, channel, body, country)
    if channel == "VOICE" and params.get("MaxPricePerMinute"):
        if float(params["MaxPricePerMinute"]) < prices.VOICE_MINUTE:
            raise over_threshold(
                "MaxPricePerMinute", prices.VOICE_MINUTE, params["MaxPricePerMinute"]
            )
    elif params.get("MaxPrice") and detail["totalMessagePrice"] > float(params["MaxPrice"]):
        raise over_threshold("MaxPrice", detail["totalMessagePrice"], params["MaxPrice"])
    last = events.final(ctx.service, channel, destination, country)
    if last in events.FREE:
        detail["totalMessagePrice"] = detail["totalCarrierFee"] = 0.0
    cost = detail["totalMessagePrice"] + detail["totalCarrierFee"]
    account.check_spend(ctx, channel, cost)
    if params.get("DryRun"):
        return {"MessageId": new_message_id()}
    account.charge(ctx, channel, cost)
    default_type = configuration_set.default_message_type if configuration_set else None
    message = Message(
        id=new_message_id(),
        operation=ctx.request.operation,
        origination_identity=route.origin,
        destination=destination,
        body=params.get("MessageBody"),
        media_urls=list(params.get("MediaUrls") or []),
        # request, set's default, identity's; else TRANSACTIONAL (a sender ID has no one type):
        # an event's messageType is always TRANSACTIONAL or PROMOTIONAL, never null
        message_type=params.get("MessageType")
        or default_type
        or route.message_type
        or "TRANSACTIONAL",
        configuration_set=configuration_set.id if configuration_set else None,
        context=dict(params["Context"]) if params.get("Context") else None,
        account_id=state.account_id,
        region=state.region,
        keyword=params.get("Keyword"),
        time_to_live=params.get("TimeToLive"),
        max_price=params.get("MaxPrice") or params.get("MaxPricePerMinute"),
        destination_country_parameters=(
            dict(params["DestinationCountryParameters"])
            if params.get("DestinationCountryParameters")
            else None
        ),
        voice_id=params.get("VoiceId"),
        message_body_text_type=params.get("MessageBodyTextType"),
        feedback_enabled=feedback(params, configuration_set),
        protect=protected.record() if protected is not None else None,
        sent_as=channel if fallback_for is not None else None,
        fallback_for=fallback_for,
    )
    dispatch(state, message, channel, last, detail, configuration_set)
    return {"MessageId": message.message_id}


def send_fallback(
    ctx: Context, params: dict[str, Any], channel: str, rcs_message_id: str | None
) -> dict[str, Any]:
    """The SMS (``TEXT``) or MMS (``MEDIA``) sent for a failed RCS message (:mod:`.rcs`), with
    every check of an ordinary send; ``rcs_message_id`` None only with ``DryRun``."""
    return _send(ctx, params, channel, fallback_for=rcs_message_id)


def feedback(params: dict[str, Any], configuration_set: ConfigurationSet | None) -> bool:
    """Whether a message takes feedback: the request says, else its configuration set."""
    asked = params.get("MessageFeedbackEnabled")
    if asked is None and configuration_set is not None:
        asked = configuration_set.default_feedback
    return bool(asked)


def _detail(route: Route, channel: str, body: str, country: str) -> dict[str, Any]:
    """Encoding, parts, price and carrier data of a message (for its event records)."""
    coding = prices.encoding(body)
    count = prices.parts(body, coding) if channel == "TEXT" else 1
    number_type = route.phone.number_type if route.phone is not None else None
    if channel == "TEXT":
        price = prices.text(country, count)
    elif channel == "MEDIA":
        price = prices.media(country)
    else:
        price = round(prices.VOICE_MINUTE * prices.voice_minutes(body), 5)
    detail: dict[str, Any] = {
        "isoCountryCode": country,
        "isInternationalSend": route.phone is not None and route.phone.iso_country_code != country,
        "messageEncoding": coding,
        "totalMessageParts": count,
        "totalMessagePrice": price,
        "totalCarrierFee": prices.carrier_fee(country, number_type, count)
        if channel == "TEXT"
        else 0.0,
    }
    known = countries.BY_ISO.get(country)
    if known is not None and known.mcc is not None:
        detail.update({"mcc": known.mcc, "mnc": "01", "carrierName": "Example Mobile"})
    return detail


# Encoding, parts, price and carrier data of a message, for sends of other families (Notify).
message_detail = _detail


def dispatch(
    state: RegionState,
    message: Message,
    channel: str,
    last: str,
    detail: dict[str, Any],
    configuration_set: ConfigurationSet | None,
    after: tuple[str, ...] = (),
) -> None:
    """Keep an accepted message and emit its events (``after`` its final one, e.g. an RCS
    message's fallback)."""
    message.created = now()
    message.order = state.ordinal.next()
    message.events = [*events.sequence(channel, last), *after]
    state.of(MESSAGE)[message.id] = message
    # AWS sends every message's events to EventBridge, with or without a configuration set
    # (RCS events only to event destinations); each is built only when read (or at once
    # while moto is on)
    for index in range(len(message.events) if channel in DELIVERY_DETAIL_TYPES else 0):
        state.eventbridge.record(
            _delivery_event,
            message.account_id,
            message.region,
            message.created,
            message,
            detail,
            index,
        )
    if configuration_set is not None and configuration_set.destinations:
        events.emit(message, events.records(message, detail), configuration_set)


def _delivery_event(
    account: str, region: str, at: float, message: Message, detail: dict[str, Any], index: int
) -> tuple[str, list[str], dict[str, Any]]:
    """The ``index``-th delivery event of ``message`` for EventBridge (no resources, no
    ``destinationPhoneNumber``)."""
    record = events.records(message, detail)[index]
    kind = str(record["eventType"]).partition("_")[0]
    return DELIVERY_DETAIL_TYPES[kind], [], delivery_detail(record)


def send_text_message(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    return _send(ctx, params, "TEXT")


def send_voice_message(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    return _send(ctx, params, "VOICE")


def send_media_message(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    return _send(ctx, params, "MEDIA")


def send_service_message(
    service: Service,
    state: RegionState,
    route: Route,
    destination: str,
    body: str,
    channel: str = "TEXT",
    *,
    reply_to: str | None = None,
    context: dict[str, str] | None = None,
    configuration_set: ConfigurationSet | None = None,
) -> Message:
    """A message the service sends itself (a keyword's reply, a verification code)."""
    country = countries.iso_of(destination)
    last = events.final(service, channel, destination, country)
    message = Message(
        id=new_message_id(),
        operation="SendVoiceMessage" if channel == "VOICE" else "SendTextMessage",
        origination_identity=route.origin,
        destination=destination,
        body=body,
        media_urls=[],
        message_type=route.message_type or "TRANSACTIONAL",
        configuration_set=configuration_set.id if configuration_set else None,
        context=context,
        account_id=state.account_id,
        region=state.region,
        reply_to=reply_to,
    )
    detail = _detail(route, channel, body, country)
    dispatch(state, message, channel, last, detail, configuration_set)
    return message


def put_message_feedback(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    message: Message | None = ctx.state.of(MESSAGE).get(params["MessageId"])
    if message is None or not message.feedback_enabled:
        raise not_found(MESSAGE.arn_type, params["MessageId"])
    message.feedback_status = params["MessageFeedbackStatus"]
    return {"MessageId": message.message_id, "MessageFeedbackStatus": message.feedback_status}


# SendTextMessage is the RCS module's (rcs.send_text_message), which sends texts through
# send_text_message here unless an RCS agent goes first.
HANDLERS: dict[str, Handler] = {
    "SendVoiceMessage": send_voice_message,
    "SendMediaMessage": send_media_message,
    "PutMessageFeedback": put_message_feedback,
}

register_kind(MESSAGE.arn_type, Message)  # kept by sms.export_state()
