"""Event records as AWS writes them: what a failed delivery's record says."""

from __future__ import annotations

from typing import Any

from pinpoint_mock import SmsVoiceV2Mock

from .conftest import event_set, long_code

# The final event a carrier reports, and the description AWS gives such a failure (the SMS
# delivery failure reasons AWS documents; TEXT_BLOCKED's and TEXT_TTL_EXPIRED's as observed).
FAILURES = {
    "TEXT_CARRIER_UNREACHABLE": "Phone carrier is currently unreachable/unavailable",
    "TEXT_UNREACHABLE": "Phone is currently unreachable/unavailable",
    "TEXT_UNKNOWN": "Unknown error attempting to reach phone",
    "TEXT_SPAM": "Blocked as spam by phone carrier",
    "TEXT_CARRIER_BLOCKED": "Phone carrier has blocked this message",
    "TEXT_INVALID": "Invalid phone number",
    "TEXT_INVALID_MESSAGE": "Message body is invalid",
    "TEXT_BLOCKED": "Phone has blocked SMS",
    "TEXT_TTL_EXPIRED": "The delivery TTL has expired",
}


def test_a_failed_delivery_says_why_as_aws_does(client: Any, sms: SmsVoiceV2Mock) -> None:
    number = long_code(client, "SMS", "MMS")
    event_set(client, "cs", *FAILURES, "MEDIA_UNREACHABLE")
    for i, event_type in enumerate(FAILURES):
        destination = f"+1206555{i:04d}"
        sms.set_delivery(destination, event_type)
        client.send_text_message(
            DestinationPhoneNumber=destination,
            OriginationIdentity=number["PhoneNumberId"],
            MessageBody="hi",
            ConfigurationSetName="cs",
        )
    sms.set_delivery("+12065559999", "TEXT_UNREACHABLE")
    client.send_media_message(
        DestinationPhoneNumber="+12065559999",
        OriginationIdentity=number["PhoneNumberId"],
        MediaUrls=["s3://media-bucket/cat.png"],
        ConfigurationSetName="cs",
    )
    said = {e["record"]["eventType"]: e["record"]["messageStatusDescription"] for e in sms.events}
    assert said == {**FAILURES, "MEDIA_UNREACHABLE": FAILURES["TEXT_UNREACHABLE"]}
