"""`requests` callers while the in-process mock is on: this service's URLs are answered by
the same state as boto3's calls, every other URL goes where it went before (the network,
the test's own `responses` mocks, moto), whatever order they were started in."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from typing import Any

import boto3
import pytest
import requests
import responses
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

from pinpoint_mock import mock_sms_voice_v2, server

TOLL_FREE = "US_TOLL_FREE_REGISTRATION"
ENDPOINT = "https://sms-voice.us-east-1.amazonaws.com/"
OTHER = "https://example.test/ping"


def post(url: str, operation: str, params: dict[str, Any], **headers: str) -> requests.Response:
    return requests.post(
        url,
        data=json.dumps(params),
        headers={
            "X-Amz-Target": f"PinpointSMSVoiceV2.{operation}",
            "Content-Type": "application/x-amz-json-1.0",
            **headers,
        },
        timeout=10,
    )


def signed_post(
    region: str, access_key: str, operation: str, params: dict[str, Any]
) -> requests.Response:
    """A hand-signed SigV4 request, the way code without an SDK calls the service."""
    url = f"https://sms-voice.{region}.amazonaws.com/"
    request = AWSRequest(
        "POST",
        url,
        data=json.dumps(params),
        headers={
            "X-Amz-Target": f"PinpointSMSVoiceV2.{operation}",
            "Content-Type": "application/x-amz-json-1.0",
        },
    )
    SigV4Auth(Credentials(access_key, "secret"), "sms-voice", region).add_auth(request)
    return requests.post(url, data=request.body, headers=dict(request.headers), timeout=10)


def test_requests_share_the_state_of_boto3_calls() -> None:
    with mock_sms_voice_v2() as sms:
        answer = post(ENDPOINT, "CreateRegistration", {"RegistrationType": TOLL_FREE})
        assert answer.status_code == 200
        assert answer.headers["Content-Type"] == "application/x-amz-json-1.0"
        rid = answer.json()["RegistrationId"]
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        client.submit_registration_version(RegistrationId=rid)
        described = post(ENDPOINT, "DescribeRegistrations", {"RegistrationIds": [rid]}).json()
        assert described["Registrations"][0]["RegistrationStatus"] == "SUBMITTED"
        assert [c.operation for c in sms.calls] == [
            "CreateRegistration",
            "SubmitRegistrationVersion",
            "DescribeRegistrations",
        ]


def test_a_signed_request_acts_in_its_account_and_region() -> None:
    with mock_sms_voice_v2() as sms:
        answer = signed_post(
            "eu-west-1", "111122223333", "CreateRegistration", {"RegistrationType": TOLL_FREE}
        )
        arn = answer.json()["RegistrationArn"]
        assert arn.startswith("arn:aws:sms-voice:eu-west-1:111122223333:registration/")
        assert [r.arn for r in sms.registrations("111122223333", "eu-west-1")] == [arn]


@pytest.mark.parametrize(
    "url",
    [
        "https://sms-voice-fips.us-west-2.amazonaws.com/",
        "https://SMS-VOICE.us-west-2.amazonaws.com",
        "https://sms-voice.us-west-2.amazonaws.com:443/?x=1",
    ],
)
def test_every_form_of_the_endpoint_is_answered(url: str) -> None:
    with mock_sms_voice_v2() as sms:
        answer = post(url, "CreateRegistration", {"RegistrationType": TOLL_FREE})
        assert answer.status_code == 200
        assert [r.region for r in sms.registrations(region="us-west-2")] == ["us-west-2"]


@pytest.mark.parametrize(
    ("url", "region"),
    [
        ("https://sms-voice.us-west-2.api.aws/", "us-west-2"),  # dual-stack
        ("https://sms-voice-fips.us-west-2.api.aws/", "us-west-2"),  # FIPS dual-stack
        ("https://sms-voice-fips.us-gov-west-1.amazonaws.com/", "us-gov-west-1"),  # FIPS
        ("https://sms-voice.cn-north-1.amazonaws.com.cn/", "cn-north-1"),  # China
        ("https://sms-voice.cn-north-1.api.amazonwebservices.com.cn/", "cn-north-1"),
        ("https://sms-voice.us-west-2.amazonaws.com./", "us-west-2"),  # fully qualified
        ("https://sms-voice.us-west-2.api.aws.:443/", "us-west-2"),
    ],
)
def test_every_host_form_of_the_endpoint_rules_is_answered(url: str, region: str) -> None:
    with mock_sms_voice_v2() as sms:
        answer = post(url, "CreateRegistration", {"RegistrationType": TOLL_FREE})
        assert answer.status_code == 200
        assert [r.region for r in sms.registrations(region=region)] == [region]


@pytest.mark.parametrize(
    "region", ["us-east-1", "eu-central-1", "cn-northwest-1", "us-gov-east-1", "us-iso-east-1"]
)
@pytest.mark.parametrize(
    ("fips", "dualstack"), [(False, False), (True, False), (False, True), (True, True)]
)
def test_the_url_botocore_resolves_is_answered(region: str, fips: bool, dualstack: bool) -> None:
    """Whatever host botocore's endpoint ruleset gives a client, a hand-made request to it is
    answered (botocore, not this test, says what the hosts are)."""
    config = Config(use_fips_endpoint=fips, use_dualstack_endpoint=dualstack)
    client = boto3.client("pinpoint-sms-voice-v2", region_name=region, config=config)
    url = client.meta.endpoint_url
    with mock_sms_voice_v2() as sms:
        answer = post(url, "CreateRegistration", {"RegistrationType": TOLL_FREE})
        assert answer.status_code == 200, url
        assert [r.region for r in sms.registrations(region=region)] == [region]


@pytest.mark.parametrize(
    "url",
    [
        "https://sms-voice.us-east-1.amazonaws.com.example.test/",
        "https://sqs.us-east-1.api.aws/",
        "https://sms-voice.us-east-1.example.test/",
        "https://xsms-voice.us-east-1.amazonaws.com/",
    ],
)
def test_lookalike_hosts_pass_through(url: str) -> None:
    with mock_sms_voice_v2() as sms, responses.RequestsMock() as theirs:
        theirs.post(url, json={"from": "their mock"})
        assert post(url, "CreateRegistration", {}).json() == {"from": "their mock"}
        assert sms.calls == []


def test_errors_are_the_service_errors_on_the_wire() -> None:
    with mock_sms_voice_v2():
        missing = "registration-00000000000000000000000000000000"
        answer = post(ENDPOINT, "DescribeRegistrationVersions", {"RegistrationId": missing})
        assert answer.status_code == 400
        assert answer.headers["x-amzn-ErrorType"] == "ResourceNotFoundException"
        assert answer.json()["ResourceId"] == missing


def test_other_urls_pass_through_untouched() -> None:
    with server() as url, mock_sms_voice_v2() as sms:
        # A real HTTP server on loopback, reached through the network while the mock is on.
        assert requests.get(f"{url}/_pinpoint_mock/calls", timeout=10).json() == {"calls": []}
        assert sms.calls == []


def test_stop_gives_requests_its_adapters_back() -> None:
    original = requests.Session.get_adapter
    with mock_sms_voice_v2():
        assert requests.Session.get_adapter is not original
    assert requests.Session.get_adapter is original
    with responses.RequestsMock() as theirs:  # now the endpoint is anyone's to mock
        theirs.post(ENDPOINT, json={"from": "their mock"})
        assert post(ENDPOINT, "CreateRegistration", {}).json() == {"from": "their mock"}


def _user_responses() -> AbstractContextManager[Any]:
    mock = responses.RequestsMock()
    mock.get(OTHER, json={"pong": True})
    return mock


def _ours() -> AbstractContextManager[Any]:
    return mock_sms_voice_v2()


@pytest.mark.parametrize(
    "order",
    [(_ours, _user_responses), (_user_responses, _ours)],
    ids=["ours-first", "theirs-first"],
)
def test_a_users_responses_mock_keeps_working(order: tuple[Callable[[], Any], ...]) -> None:
    with ExitStack() as stack:
        for start in order:
            stack.enter_context(start())
        assert requests.get(OTHER, timeout=10).json() == {"pong": True}
        assert (
            post(ENDPOINT, "CreateRegistration", {"RegistrationType": TOLL_FREE}).status_code == 200
        )


def test_responses_activate_inside_the_mock_decorator() -> None:
    @mock_sms_voice_v2
    @responses.activate
    def the_test() -> None:
        responses.get(OTHER, json={"pong": True})
        assert requests.get(OTHER, timeout=10).json() == {"pong": True}
        answer = post(ENDPOINT, "CreateRegistration", {"RegistrationType": TOLL_FREE})
        assert answer.json()["RegistrationId"].startswith("registration-")
        assert len(responses.calls) == 1  # the user's mock saw only its own URL

    the_test()


def _moto() -> AbstractContextManager[Any]:
    from moto import mock_aws

    return mock_aws()


@pytest.mark.parametrize(
    "order", [(_ours, _moto), (_moto, _ours)], ids=["ours-first", "moto-first"]
)
def test_moto_keeps_answering_its_services(order: tuple[Callable[[], Any], ...]) -> None:
    """Our promise: other services pass on to moto, through botocore and through `requests`.
    Checked with what moto promises on every 5.x: boto3 calls of its services, and a `requests`
    GET of an S3 presigned URL (moto's documented way to test presigned URLs)."""
    with ExitStack() as stack:
        for start in order:
            stack.enter_context(start())
        sqs = boto3.client("sqs", region_name="us-east-1")
        queue = sqs.create_queue(QueueName="q")["QueueUrl"]
        sqs.send_message(QueueUrl=queue, MessageBody="hello")
        assert sqs.list_queues()["QueueUrls"] == [queue]
        [message] = sqs.receive_message(QueueUrl=queue)["Messages"]
        assert message["Body"] == "hello"

        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="pinpoint-mock-beside-moto")
        s3.put_object(Bucket="pinpoint-mock-beside-moto", Key="k", Body=b"moto's answer")
        url = s3.generate_presigned_url(
            "get_object", Params={"Bucket": "pinpoint-mock-beside-moto", "Key": "k"}
        )
        fetched = requests.get(url, timeout=10)
        assert (fetched.status_code, fetched.content) == (200, b"moto's answer")

        rid = post(ENDPOINT, "CreateRegistration", {"RegistrationType": TOLL_FREE}).json()[
            "RegistrationId"
        ]
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        assert [r["RegistrationId"] for r in client.describe_registrations()["Registrations"]] == [
            rid
        ]


def test_importing_pinpoint_mock_loads_neither_requests_nor_responses() -> None:
    code = "import sys, pinpoint_mock; print(sorted({'requests', 'responses'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"
