"""``pinpoint-mock demo``: a scripted registration lifecycle, run in-process, as a table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

import boto3

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
        calls = len(sms.calls)
    widths = [max(len(r[i]) for r in [*rows, _HEADER]) for i in range(4)]
    for row in [_HEADER, tuple("-" * w for w in widths), *rows]:
        out.write(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
        )
    out.write(f"\n{calls} calls answered in-process by pinpoint-mock; nothing was sent to AWS.\n")


_HEADER = ("who", "step", "registration", "latest version")


def _reviewer(sms: SmsVoiceV2Mock, rid: str) -> Callable[[], Any]:
    return lambda: sms.review(rid)
