"""The endpoint hosts read from botocore's ruleset: which URLs are this service's, and their Region."""

from __future__ import annotations

import pytest

from pinpoint_mock.engine import endpoints


def _partition_known(suffix: str) -> bool:
    from botocore.loaders import Loader

    partitions = Loader().load_data("partitions")["partitions"]
    return any(p["outputs"]["dnsSuffix"] == suffix for p in partitions)


@pytest.mark.parametrize(
    ("url", "region"),
    [
        ("https://sms-voice.us-east-1.amazonaws.com/", "us-east-1"),
        ("https://sms-voice-fips.us-east-1.api.aws", "us-east-1"),
        ("http://SMS-VOICE.EU-WEST-1.amazonaws.com.:8443/x?y", "eu-west-1"),
        pytest.param(
            "https://sms-voice.eusc-de-east-1.amazonaws.eu/",
            "eusc-de-east-1",
            marks=pytest.mark.skipif(
                not _partition_known("amazonaws.eu"),
                reason="the installed botocore predates the EU sovereign-cloud partition",
            ),
        ),
        ("https://sms-voice.mars-east-1.amazonaws.com/", "mars-east-1"),
    ],
)
def test_the_region_of_an_endpoint_url(url: str, region: str) -> None:
    assert endpoints.region_of(url) == region


@pytest.mark.parametrize(
    "url",
    [
        "https://sms-voice.us-east-1.amazonaws.com.evil.test/",
        "https://sms-voice..amazonaws.com/",
        "ftp://sms-voice.us-east-1.amazonaws.com/",
        "https://[::1/",
        "http://127.0.0.1:4566/",
        "",
    ],
)
def test_other_urls_are_not_the_service(url: str) -> None:
    assert endpoints.region_of(url) is None
    assert not endpoints.is_endpoint(url)
