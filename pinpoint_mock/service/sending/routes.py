"""Which identity a send goes out from (:class:`Route`): ``OriginationIdentity`` resolved, or
chosen for a text that names none.

Resolving ``OriginationIdentity``: a phone number by ID, ARN or E.164 number; a pool by ID or
ARN (the first member, in joining order, that is active, has the channel's capability and can
reach the destination's country); a sender ID by name (of the destination's country) or ARN
(ValidationException ``SENDER_ID_NOT_SUPPORTED`` for one of the account's sender IDs sent to
US, CA or CN, which take no sender IDs; ``INVALID_IDENTITY_FOR_DESTINATION_COUNTRY`` for a
sender ID ARN of another country). A number that is not active, lacks the channel's
capability or is of another country without international sending is refused here.
Without one (text only): the first active number of the destination's country with SMS, then a
sender ID of that country, then the configuration set's default sender ID (where the country
takes sender IDs), then a shared route, else ConflictException
``NO_ORIGINATION_IDENTITIES_FOUND``. A shared route (AWS's: identities it shares among
accounts) carries a text from the generic sender ID ``NOTICE`` to a country that takes sender
IDs; it is also where a pool with ``SharedRoutesEnabled`` sends a text none of its members can.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pinpoint_mock.engine import arns
from pinpoint_mock.engine.errors import conflict, not_found, validation_error
from pinpoint_mock.engine.resources import PHONE_NUMBER, POOL, SENDER_ID
from pinpoint_mock.service import opt_out_lists
from pinpoint_mock.service.phone_numbers import PhoneNumber, find_phone_number, number_status
from pinpoint_mock.service.pools import Pool, find_pool
from pinpoint_mock.service.sender_ids import NOT_SUPPORTED, SenderId, find_sender_id
from pinpoint_mock.service.sending import countries

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context
    from pinpoint_mock.engine.store import RegionState
    from pinpoint_mock.service.configuration_sets import ConfigurationSet

CAPABILITY = {"TEXT": "SMS", "VOICE": "VOICE", "MEDIA": "MMS"}
SHARED_SENDER_ID = "NOTICE"  # the generic sender ID AWS names for its shared routes


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
