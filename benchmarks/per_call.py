"""Per-call cost through the mock, as a ratio of botocore's own floor for the same call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import boto3
from floor import REGION, SERVICE, capture, floor_client
from timing import Comparison, Figure, alternate, timed

from pinpoint_mock import mock_sms_voice_v2

TYPE = "US_TOLL_FREE_REGISTRATION"
PAGE = 20
FLOOR_TEXT = "the same call, unsigned, answered by a bare before-send handler with the mock's body"


def _compare(
    operation: str, params: dict[str, Any], setup: Callable[[Any], None], rounds: int, n: int
) -> Comparison:
    """Alternate the mock (a fresh activation per round, set up by ``setup``) and the floor."""
    with mock_sms_voice_v2():
        client = boto3.client(SERVICE, region_name=REGION)
        setup(client)
        answer = capture(client, operation, **params)
    floor = floor_client(SERVICE, operation, answer)
    method = getattr(client, _snake(operation))
    floor_method = getattr(floor, _snake(operation))

    def mock(n: int) -> float:
        with mock_sms_voice_v2():
            setup(client)
            return timed(lambda: method(**params), n)

    def bare(n: int) -> float:
        return timed(lambda: floor_method(**params), n)

    return alternate(bare, mock, rounds, n)


def _snake(operation: str) -> str:
    from botocore import xform_name

    return xform_name(operation)


def _nothing(client: Any) -> None:
    pass


def _registrations(client: Any) -> None:
    for _ in range(2 * PAGE):
        client.create_registration(RegistrationType=TYPE)


def _pools(client: Any) -> None:
    for _ in range(PAGE):
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )
        client.create_pool(OriginationIdentity=number["PhoneNumberId"], MessageType="TRANSACTIONAL")


def _sending_number(client: Any) -> None:
    client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )


SEND = {"DestinationPhoneNumber": "+12065550142", "MessageBody": "Your order shipped"}


def _figure(key: str, title: str, comparison: Comparison) -> Figure:
    info = comparison.info()
    info["mock_share_us"] = round((info["subject_ms"] - info["baseline_ms"]) * 1e3, 1)
    return Figure(
        key=key,
        title=title,
        baseline=FLOOR_TEXT,
        target="mock / floor <= 1.10",
        value=round(comparison.ratio, 3),
        unit="x",
        limit=1.10,
        info=info,
    )


def _seam_off(rounds: int, n: int) -> Figure:
    """The inactive mock: its handlers on a client, against the same client without them."""
    with mock_sms_voice_v2():
        answer = capture(
            boto3.client(SERVICE, region_name=REGION), "CreateRegistration", RegistrationType=TYPE
        )
    plain = floor_client(SERVICE, "CreateRegistration", answer)
    seamed = floor_client(SERVICE, "CreateRegistration", answer, seam=True)
    comparison = alternate(
        lambda k: timed(lambda: plain.create_registration(RegistrationType=TYPE), k),
        lambda k: timed(lambda: seamed.create_registration(RegistrationType=TYPE), k),
        rounds,
        n,
    )
    return Figure(
        key="per_call.seam_off",
        title="create_registration with the mock imported but off",
        baseline="the same floor client without pinpoint-mock's handlers",
        target="<= 1.03 (nothing measurable)",
        value=round(comparison.ratio, 3),
        unit="x",
        limit=1.03,
        info=comparison.info(),
    )


def run(quick: bool) -> list[Figure]:
    rounds, n = (3, 60) if quick else (9, 400)
    create = _compare("CreateRegistration", {"RegistrationType": TYPE}, _nothing, rounds, n)
    seam_off = _seam_off(rounds, n)
    describe = _compare(
        "DescribeRegistrations", {"MaxResults": PAGE}, _registrations, rounds, n // 2
    )
    pools = _compare("DescribePools", {"MaxResults": PAGE}, _pools, rounds, n // 2)
    send = _compare("SendTextMessage", SEND, _sending_number, rounds, n)
    return [
        _figure("per_call.create_registration", "create_registration per call", create),
        _figure(
            "per_call.describe_pools",
            f"describe_pools per call (page of {PAGE}; the resource model's listing)",
            pools,
        ),
        _figure(
            "per_call.send_text_message",
            "send_text_message per call (the number found for the destination)",
            send,
        ),
        seam_off,
        _figure(
            "per_call.describe_registrations",
            f"describe_registrations per call (page of {PAGE}, with NextToken)",
            describe,
        ),
    ]
