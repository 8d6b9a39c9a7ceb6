"""A subscriber's phone texts one of the account's numbers (``sms.receive``).

The message is matched against the keywords of the number (its pool's, when pooled), and
against the opt-out words AWS requires (ARRET, CANCEL, END, OPT-OUT, OPTOUT, QUIT, REMOVE,
STOP, TD, UNSUBSCRIBE) as its first word. Unless the number manages opt-outs itself:
an opt-out word puts the sender on the number's opt-out list with ``EndUserOptedOut`` true,
an opt-in keyword takes the sender off it, and either replies with the keyword's message; HELP
and the account's AUTOMATIC_RESPONSE keywords reply too (with self-managed opt-outs only the
account's own keywords other than HELP and STOP reply). A reply is a message in
``sms.messages`` (``reply_to`` names the inbound message) with its events. A two-way number
also gets every inbound message on its channel: the payload AWS documents is kept on the
result and published to an SNS channel through moto when moto is on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import MockError
from pinpoint_mock.engine.ids import new_uuid
from pinpoint_mock.engine.resources import POOL
from pinpoint_mock.service import keywords, opt_out_lists
from pinpoint_mock.service.sending import routes, sends, sinks

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Service
    from pinpoint_mock.engine.store import RegionState
    from pinpoint_mock.service.phone_numbers import PhoneNumber

OPT_OUT_WORDS = frozenset(
    ["ARRET", "CANCEL", "END", "OPT-OUT", "OPTOUT", "QUIT", "REMOVE", "STOP", "TD", "UNSUBSCRIBE"]
)
_DEFAULT_WORDS = frozenset(keywords.DEFAULTS)


@dataclass(frozen=True, slots=True)
class Inbound:
    """What ``sms.receive`` did with one inbound message."""

    message_id: str
    from_number: str
    to_number: str
    body: str
    action: str  # OPT_OUT, OPT_IN, AUTOMATIC_RESPONSE, TWO_WAY or NONE
    keyword: str | None
    reply: sends.Message | None
    two_way_payload: dict[str, Any] | None


def _number(
    service: Service, to_number: str, account_id: str | None, region: str | None
) -> tuple[RegionState, PhoneNumber]:
    """The one number ``to_number`` names. The mock hands out numbers per account and
    Region, so the same E.164 number can be held in several: then ``account_id`` or
    ``region`` must say which one is texted, rather than the first being guessed."""
    found = [
        (state, phone)
        for state in service.store.regions()
        if (account_id is None or state.account_id == account_id)
        and (region is None or state.region == region)
        for phone in state.phone_numbers.values()
        if phone.number == to_number
    ]
    if len(found) == 1:
        return found[0]
    if found:
        holders = ", ".join(f"account {s.account_id} in {s.region}" for s, _ in found)
        raise MockError(
            f"{to_number} is a number of {holders}; pass account_id= and/or region= "
            "to say which one the subscriber texts"
        )
    where = "".join(
        f" in {label} {value}"
        for label, value in (("account", account_id), ("region", region))
        if value
    )
    raise LookupError(
        f"no phone number {to_number}{where} in this mock; receive() takes one of the "
        "account's numbers (RequestPhoneNumber) as to_number"
    )


def receive(
    service: Service,
    from_number: str,
    to_number: str,
    body: str,
    *,
    account_id: str | None = None,
    region: str | None = None,
) -> Inbound:
    state, phone = _number(service, to_number, account_id, region)
    with state.lock:
        return _receive(service, state, phone, from_number, body)


def _receive(
    service: Service, state: RegionState, phone: PhoneNumber, from_number: str, body: str
) -> Inbound:
    inbound_id = new_uuid()
    holder: Any = state.of(POOL).get(phone.pool_id) if phone.pool_id else phone
    matched = keywords.match(holder.keywords, body)
    first = body.strip().split(maxsplit=1)[0].upper() if body.strip() else ""
    if matched is None and first in OPT_OUT_WORDS:
        matched = holder.keywords.get("STOP")
    action, reply_text = "NONE", None
    if matched is not None and not (
        phone.self_managed_opt_outs and matched.keyword.upper() in _DEFAULT_WORDS
    ):
        action, reply_text = matched.action, matched.message
        listed = opt_out_lists.find(state, phone.opt_out_list_name)
        if action == "OPT_OUT":
            if phone.self_managed_opt_outs:
                action, reply_text = "NONE", None
            else:
                opt_out_lists.opt_out(state, listed.name, from_number, end_user=True)
        elif action == "OPT_IN" and not phone.self_managed_opt_outs:
            listed.numbers.pop(from_number, None)
    # the payload names the message the sender answers: one sent before this reply
    payload = None
    if phone.two_way_enabled:
        payload = _payload(state, phone, from_number, body, inbound_id, matched)
    reply = None
    if reply_text is not None:
        route = routes.Route(phone.number, phone=phone)
        reply = sends.send_service_message(
            service, state, route, from_number, reply_text, reply_to=inbound_id
        )
    if payload is not None:
        channel = phone.two_way_channel_arn or ""
        if channel.split(":")[2:3] == ["sns"]:  # an SNS topic, of any partition
            sinks.publish_sns(channel, json.dumps(payload), state.region)
        if action == "NONE":
            action = "TWO_WAY"
    keyword = matched.keyword if matched is not None else None
    return Inbound(inbound_id, from_number, phone.number, body, action, keyword, reply, payload)


def _payload(
    state: RegionState,
    phone: PhoneNumber,
    from_number: str,
    body: str,
    inbound_id: str,
    matched: keywords.Keyword | None,
) -> dict[str, Any]:
    """The two-way message AWS publishes to the channel (its documented example's fields).
    ``messageKeyword`` is the matched keyword, else ``keyword_<account ID>``, as observed in
    payloads received from AWS."""
    payload: dict[str, Any] = {
        "originationNumber": from_number,
        "destinationNumber": phone.number,
        "messageKeyword": matched.keyword if matched is not None else f"keyword_{state.account_id}",
        "messageBody": body,
        "inboundMessageId": inbound_id,
    }
    previous = [
        m
        for m in state.of(sends.MESSAGE).values()
        if m.destination == from_number and m.origination_identity == phone.number
    ]
    if previous:
        payload["previousPublishedMessageId"] = previous[-1].message_id
    return payload
