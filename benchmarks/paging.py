"""DescribeRegistrations at scale: a page deep in a large store, and a filtered page."""

from __future__ import annotations

import json
import statistics
from typing import Any

from floor import REGION, SERVICE, Client, new_client
from timing import Figure, alternate, repeat, timed

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import hook

SMALL, LARGE = 1_000, 10_000
SMALL_ACCOUNT, LARGE_ACCOUNT = "111111111111", "222222222222"
TYPE, RARE = "US_TOLL_FREE_REGISTRATION", "US_TEN_DLC_BRAND_REGISTRATION"
RARE_EVERY = 100  # one registration in a hundred has the rare type
PAGE = 100
FILTERS = [
    {"Name": "registration-type", "Values": [RARE]},
    {"Name": "registration-status", "Values": ["CREATED"]},
]


def populate(account: str, count: int) -> None:
    """Create ``count`` registrations fast: straight into the active service's way in
    (the same decode, validation and handler as a boto3 call, without botocore)."""
    service = hook.active()
    assert service is not None
    headers = {  # as a SigV4-signing caller sends them: the credential scope names both
        "X-Amz-Target": "PinpointSMSVoiceV2.CreateRegistration",
        "Authorization": f"AWS4-HMAC-SHA256 Credential={account}/20260101/{REGION}/sms-voice/"
        "aws4_request, SignedHeaders=host, Signature=0",
    }
    url = f"https://sms-voice.{REGION}.amazonaws.com/"
    for i in range(count):
        kind = RARE if i % RARE_EVERY == RARE_EVERY - 1 else TYPE
        answer = service.answer(headers, json.dumps({"RegistrationType": kind}).encode(), url)
        assert answer.status == 200, answer.body


def client_for(account: str) -> Client:
    return new_client(
        SERVICE, region_name=REGION, aws_access_key_id=account, aws_secret_access_key="x"
    )


def middle_token(client: Client, count: int) -> str:
    """The NextToken that starts the page in the middle of the listing."""
    token: str | None = None
    for _ in range(count // PAGE // 2):
        params: dict[str, Any] = {"MaxResults": PAGE}
        if token:
            params["NextToken"] = token
        token = client.describe_registrations(**params)["NextToken"]
    assert token is not None
    return token


def captured_request(client: Client, **params: Any) -> Any:
    """The prepared HTTP request botocore hands to ``before-send`` for this call."""
    seen: list[Any] = []
    event = "before-send.pinpoint-sms-voice-v2.DescribeRegistrations"

    def keep(request: Any, **_: Any) -> None:
        seen.append(request)

    client.meta.events.register_first(event, keep, unique_id="benchmark-keep")
    try:
        client.describe_registrations(**params)
    finally:
        client.meta.events.unregister(event, unique_id="benchmark-keep")
    return seen[-1]


def own_share(client: Client, request: Any, rounds: int, n: int, expect: int) -> float:
    """Seconds the mock spends on one request: what it does instead of signing, and its
    before-send handler as botocore calls it, wire to wire (checked to answer a page of
    ``expect``)."""
    answer = hook.HANDLERS["before-send"]
    signer = client._request_signer

    def one() -> Any:
        signer.sign("DescribeRegistrations", request)
        return answer(request=request)

    response = one()
    assert response.status_code == 200, response.content
    assert len(json.loads(response.content)["Registrations"]) == expect, response.content

    def work(n: int) -> float:
        return timed(one, n)

    return statistics.median(repeat(work, rounds, n))


def run(quick: bool) -> list[Figure]:
    rounds, n = (3, 20) if quick else (9, 120)
    with mock_sms_voice_v2():
        populate(SMALL_ACCOUNT, SMALL)
        populate(LARGE_ACCOUNT, LARGE)
        small, large = client_for(SMALL_ACCOUNT), client_for(LARGE_ACCOUNT)
        small_token, large_token = middle_token(small, SMALL), middle_token(large, LARGE)

        def page_of(client: Client, token: str) -> Any:
            return lambda n: timed(
                lambda: client.describe_registrations(MaxResults=PAGE, NextToken=token), n
            )

        deep = alternate(page_of(small, small_token), page_of(large, large_token), rounds, n)
        share_small = own_share(
            small, captured_request(small, MaxResults=PAGE, NextToken=small_token), rounds, n, PAGE
        )
        share_large = own_share(
            large, captured_request(large, MaxResults=PAGE, NextToken=large_token), rounds, n, PAGE
        )
        found = large.describe_registrations(MaxResults=PAGE, Filters=FILTERS)
        filtered = captured_request(large, MaxResults=PAGE, Filters=FILTERS)
        filtered_share = own_share(large, filtered, rounds, n, len(found["Registrations"]))

    return [
        Figure(
            key="paging.deep_page_10k_vs_1k",
            title=f"a page (MaxResults={PAGE}, NextToken) at {LARGE:,} registrations",
            baseline=f"the same page at {SMALL:,}",
            target="<= 1.5x",
            value=round(deep.ratio, 3),
            unit="x",
            limit=1.5,
            info={
                **deep.info(),
                "mock_share_1k_ms": round(share_small * 1e3, 3),
                "mock_share_10k_ms": round(share_large * 1e3, 3),
            },
        ),
        Figure(
            key="paging.filtered_page_10k",
            title=f"a filtered page at {LARGE:,} registrations (1 in {RARE_EVERY} matches)",
            baseline="none (the mock's own share: its before-send handler, wire to wire)",
            target="<= 2 ms",
            value=round(filtered_share * 1e3, 3),
            unit=" ms",
            limit=2.0,
            info={
                "matches_on_page": len(found["Registrations"]),
                "has_next_token": "NextToken" in found,
            },
        ),
    ]
