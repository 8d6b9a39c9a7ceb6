"""SendTextMessage, SendVoiceMessage, SendMediaMessage and PutMessageFeedback.

A send resolves its origination identity, refuses what AWS refuses, counts its price against
the month's spend limit, keeps the message (``sms.messages``) and emits its events
(:mod:`.events`).

The origination identity is resolved by :mod:`.routes`.
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

from pinpoint_mock.engine.errors import conflict, not_found, validation_error
from pinpoint_mock.engine.eventbridge import DELIVERY_DETAIL_TYPES, delivery_detail
from pinpoint_mock.engine.ids import new_uuid
from pinpoint_mock.engine.resources import (
    VERIFIED_DESTINATION_NUMBER,
    Kind,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import now
from pinpoint_mock.service import account, opt_out_lists
from pinpoint_mock.service.configuration_sets import ConfigurationSet, find_set
from pinpoint_mock.service.protect import verdict
from pinpoint_mock.service.sending import countries, events, prices
from pinpoint_mock.service.sending.routes import CAPABILITY, Route, resolve

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler, Service
    from pinpoint_mock.engine.store import RegionState

MESSAGE = Kind("message", "MessageId", taggable=False)
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


def new_message_id() -> str:
    return new_uuid()


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
