"""``pinpoint-mock demo``: a scripted registration lifecycle, then a short sending chapter
(a send, a blocked delivery, a subscriber's STOP, the refused send after it), run in-process,
as two tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TextIO

import boto3
from botocore.exceptions import ClientError

from pinpoint_mock.mock import mock_sms_voice_v2
from pinpoint_mock.sms import SmsVoiceV2Mock


def run(out: TextIO) -> None:
    rows: list[tuple[str, str, str, str]] = []
    with mock_sms_voice_v2() as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        created = client.create_registration(
            RegistrationType="US_TOLL_FREE_REGISTRATION",
            Tags=[{"Key": "Name", "Value": "demo toll-free"}],
        )
        rid = created["RegistrationId"]

        def step(who: str, what: str, action: Callable[[], Any] | None = None) -> None:
            if action is not None:
                action()
            reg = client.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
            versions = client.describe_registration_versions(RegistrationId=rid)
            latest = versions["RegistrationVersions"][-1]
            version = f"v{latest['VersionNumber']} {latest['RegistrationVersionStatus']}"
            rows.append((who, what, reg["RegistrationStatus"], version))

        review = _reviewer(sms, rid)
        step("you", "CreateRegistration (US_TOLL_FREE_REGISTRATION)")
        step(
            "you",
            "SubmitRegistrationVersion",
            lambda: client.submit_registration_version(RegistrationId=rid),
        )
        step("AWS", "review starts", lambda: review().begin())
        step("carrier", "asks for e-mail authentication", lambda: review().require_authentication())
        step("you", "complete the 2FA e-mail", lambda: review().authenticate())
        step(
            "carrier",
            "denies: opt-in unclear",
            lambda: review().deny(
                reasons=[{"Reason": "OPT_IN", "ShortDescription": "Opt-in workflow is unclear"}]
            ),
        )
        step(
            "you",
            "CreateRegistrationVersion",
            lambda: client.create_registration_version(RegistrationId=rid),
        )
        step(
            "you",
            "SubmitRegistrationVersion",
            lambda: client.submit_registration_version(RegistrationId=rid),
        )
        step("carrier", "approves", lambda: review().approve())
        sending = _sending(client, sms)
        calls = len(sms.calls)
    _table(out, _HEADER, rows)
    out.write("\n")
    _table(out, _SENDING_HEADER, sending)
    out.write(f"\n{calls} calls answered in-process by pinpoint-mock; nothing was sent to AWS.\n")


def _table(out: TextIO, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in [*rows, header]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        out.write(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
        )


_HEADER = ("who", "step", "registration", "latest version")
_SENDING_HEADER = ("who", "sending", "outcome")
_SUBSCRIBER = "+12065550142"


def _sending(client: Any, sms: SmsVoiceV2Mock) -> list[tuple[str, ...]]:
    """Send from a long code, block a delivery, opt out by STOP, be refused."""
    number = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )["PhoneNumber"]
    rows: list[tuple[str, ...]] = [("you", "RequestPhoneNumber (US long code)", number)]

    def send(text: str) -> str:
        try:
            client.send_text_message(
                DestinationPhoneNumber=_SUBSCRIBER, OriginationIdentity=number, MessageBody=text
            )
        except ClientError as error:
            return f"refused: {error.response.get('Reason')}"
        return " -> ".join(sms.messages[-1].events)

    rows.append(("you", f"SendTextMessage to {_SUBSCRIBER}", send("Your order shipped")))
    sms.set_delivery(_SUBSCRIBER, "TEXT_BLOCKED")
    rows.append(("carrier", "the handset blocks texts", "set_delivery(..., TEXT_BLOCKED)"))
    rows.append(("you", "SendTextMessage", send("It arrives today")))
    sms.set_delivery(_SUBSCRIBER, None)
    inbound = sms.receive(from_number=_SUBSCRIBER, to_number=number, body="STOP")
    rows.append(("subscriber", "texts STOP", f"{inbound.action}, replied"))
    rows.append(("you", "SendTextMessage", send("One more thing")))
    return rows


def _reviewer(sms: SmsVoiceV2Mock, rid: str) -> Callable[[], Any]:
    return lambda: sms.review(rid)
