"""Per-call cost through the mock, as a ratio of botocore's own floor for the same call: on
the wire (the default mode) and above it (``fast=True``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from floor import REGION, SERVICE, capture, floor_client, new_client
from timing import Comparison, Figure, alternate, timed

from pinpoint_mock import mock_sms_voice_v2

TYPE = "US_TOLL_FREE_REGISTRATION"
PAGE = 20
FLOOR_TEXT = "the same call, unsigned, answered by a bare before-send handler with the mock's body"
WIRE_LIMIT = 1.10
FAST_LIMIT = 0.40

# A case makes, in a fresh activation, what its calls need, and returns the parameters of
# each call in turn (``n`` of them at most).
Params = Callable[[], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    key: str
    title: str
    operation: str
    setup: Callable[[Any, int], Params]


def _same(params: dict[str, Any]) -> Callable[[Any, int], Params]:
    return lambda client, n: lambda: params


def _one_registration(client: Any, n: int) -> Params:
    rid = client.create_registration(RegistrationType=TYPE)["RegistrationId"]
    return lambda: {"RegistrationIds": [rid]}


def _drafts(client: Any, n: int) -> Params:
    ids = iter(
        [client.create_registration(RegistrationType=TYPE)["RegistrationId"] for _ in range(n)]
    )
    return lambda: {"RegistrationId": next(ids)}


def _page_of_registrations(client: Any, n: int) -> Params:
    for _ in range(2 * PAGE):
        client.create_registration(RegistrationType=TYPE)
    return lambda: {"MaxResults": PAGE}


def _pools(client: Any, n: int) -> Params:
    for _ in range(PAGE):
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )
        client.create_pool(
            OriginationIdentity=number["PhoneNumberId"],
            MessageType="TRANSACTIONAL",
            IsoCountryCode="US",
        )
    return lambda: {"MaxResults": PAGE}


SEND = {"DestinationPhoneNumber": "+12065550142", "MessageBody": "Your order shipped"}


def _sending_number(client: Any, n: int) -> Params:
    client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    return lambda: SEND


# The four, with targets in both modes.
TARGETED = (
    Case(
        "describe_registrations",
        "describe_registrations (one ID)",
        "DescribeRegistrations",
        _one_registration,
    ),
    Case(
        "create_registration",
        "create_registration",
        "CreateRegistration",
        _same({"RegistrationType": TYPE}),
    ),
    Case(
        "submit_registration_version",
        "submit_registration_version",
        "SubmitRegistrationVersion",
        _drafts,
    ),
    Case(
        "send_text_message",
        "send_text_message (the number found for the destination)",
        "SendTextMessage",
        _sending_number,
    ),
)
# Listings, for information: a page costs botocore's parser more than the mock.
LISTINGS = (
    Case(
        "describe_registrations_page",
        f"describe_registrations (page of {PAGE}, with NextToken)",
        "DescribeRegistrations",
        _page_of_registrations,
    ),
    Case(
        "describe_pools",
        f"describe_pools (page of {PAGE}; the resource model's listing)",
        "DescribePools",
        _pools,
    ),
)


def _compare(case: Case, fast: bool, rounds: int, n: int) -> Comparison:
    """Alternate the mock (a fresh activation per block, set up by the case) and the floor
    (measured with the mock off, so a fast mock cannot answer it)."""
    with mock_sms_voice_v2():
        client = new_client(SERVICE, region_name=REGION)
        canned = case.setup(client, 1)()
        answer = capture(client, case.operation, **canned)
    floor = floor_client(SERVICE, case.operation, answer)
    method = getattr(client, _snake(case.operation))
    floor_method = getattr(floor, _snake(case.operation))

    def mock(k: int) -> float:
        with mock_sms_voice_v2(fast=fast):
            params = case.setup(client, k + 1)
            return timed(lambda: method(**params()), k)

    def bare(k: int) -> float:
        return timed(lambda: floor_method(**canned), k)

    return alternate(bare, mock, rounds, n)


def _snake(operation: str) -> str:
    from botocore import xform_name

    return xform_name(operation)


def _figure(case: Case, fast: bool, comparison: Comparison, limit: float | None) -> Figure:
    info = comparison.info()
    info["mock_share_us"] = round((info["subject_ms"] - info["baseline_ms"]) * 1e3, 1)
    mode = "fast" if fast else "wire"
    return Figure(
        key=f"per_call.{mode}.{case.key}",
        title=f"{case.title} per call, {'fast=True' if fast else 'on the wire'}",
        baseline=FLOOR_TEXT,
        target="information" if limit is None else f"mock / floor <= {limit:.2f}",
        value=round(comparison.ratio, 3),
        unit="x",
        limit=limit,
        info=info,
    )


def _seam_off(rounds: int, n: int) -> Figure:
    """The inactive mock: its handlers on a client, against the same client without them."""
    with mock_sms_voice_v2():
        answer = capture(
            new_client(SERVICE, region_name=REGION), "CreateRegistration", RegistrationType=TYPE
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


def _seam_alone(rounds: int, n: int) -> Figure:
    """An experiment, for information: create_registration on the wire with the operation
    replaced by one returning the same answer every time and the service's validation
    switched off, so what is left of the mock is the seam (read the request, a request ID,
    the call log, write the answer)."""
    from pinpoint_mock.engine import dispatch

    case = TARGETED[1]
    answer = {
        "RegistrationArn": "arn:aws:sms-voice:us-east-1:123456789012:registration/"
        "registration-00000000000000000000000000000001",
        "RegistrationId": "registration-00000000000000000000000000000001",
        "RegistrationType": TYPE,
        "RegistrationStatus": "CREATED",
        "CurrentVersionNumber": 1,
        "CreatedTimestamp": 1796616078.144,
    }
    with mock_sms_voice_v2():  # fills the operation table
        pass
    names = vars(dispatch)  # the module's own names: the operation table, the validator
    real_handler, real_validator = dispatch.HANDLERS[case.operation], names["validator"]
    dispatch.HANDLERS[case.operation] = lambda ctx, params: dict(answer)
    names["validator"] = lambda operation: lambda params: None
    try:
        comparison = _compare(case, False, rounds, n)
    finally:
        dispatch.HANDLERS[case.operation], names["validator"] = real_handler, real_validator
    return _figure(
        Case("seam_alone", "the seam alone (constant operation, no validation)", "", _same({})),
        False,
        comparison,
        None,
    )


def run(quick: bool) -> list[Figure]:
    rounds, n = (3, 60) if quick else (9, 400)
    figures = []
    for fast, limit in ((False, WIRE_LIMIT), (True, FAST_LIMIT)):
        for case in TARGETED:
            figures.append(_figure(case, fast, _compare(case, fast, rounds, n), limit))
    for case in LISTINGS:
        figures.append(_figure(case, False, _compare(case, False, rounds, n // 2), None))
    figures.append(_seam_alone(rounds, n))
    figures.append(_seam_off(rounds, n))
    return figures
