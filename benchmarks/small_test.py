"""A whole small test: activate, build a client, make one call, stop."""

from __future__ import annotations

from floor import REGION, SERVICE, capture, floor_client, new_client
from timing import Figure, alternate, timed

from pinpoint_mock import mock_sms_voice_v2

TYPE = "US_TOLL_FREE_REGISTRATION"


def _with_mock() -> None:
    with mock_sms_voice_v2():
        client = new_client(SERVICE, region_name=REGION)
        client.create_registration(RegistrationType=TYPE)


def run(quick: bool) -> list[Figure]:
    rounds, n = (3, 20) if quick else (9, 120)
    with mock_sms_voice_v2():
        answer = capture(
            new_client(SERVICE, region_name=REGION), "CreateRegistration", RegistrationType=TYPE
        )

    def without_mock() -> None:
        client = floor_client(SERVICE, "CreateRegistration", answer)
        client.create_registration(RegistrationType=TYPE)

    result = alternate(lambda n: timed(without_mock, n), lambda n: timed(_with_mock, n), rounds, n)
    return [
        Figure(
            key="small_test.whole",
            title="a whole small test: activate, boto3.client(...), one call, stop",
            baseline="the same without activation: an unsigned client answered by a bare "
            "before-send handler",
            target="<= 1.2x",
            value=round(result.ratio, 3),
            unit="x",
            limit=1.2,
            info=result.info(),
        )
    ]
