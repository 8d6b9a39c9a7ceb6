"""Server mode in Python: pinpoint_mock.server(), the sms_voice_v2_server fixture, and the HTTP
behaviour every client relies on (keep-alive, the 413, timeouts, clean stop)."""

from __future__ import annotations

import http.client
import ipaddress
import json
import socket
import threading
import urllib.parse
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.exceptions import ClientError

from pinpoint_mock import MockError, http_server, mock_sms_voice_v2, server
from pinpoint_mock.engine import model
from pinpoint_mock.http_server import MAX_BODY, MockServer, ServerURL, exposure_warning

from .http_helpers import TOLL_FREE, client_for, unmodelled_operation

TARGET = "PinpointSMSVoiceV2.CreateRegistration"


def raw_exchange(url: str, request: bytes) -> bytes:
    """Send ``request`` on a fresh connection and read until the server closes it."""
    host, port = url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def post_head(length: int, *extra: str) -> bytes:
    lines = [
        "POST / HTTP/1.1",
        "Host: 127.0.0.1",
        f"X-Amz-Target: {TARGET}",
        "Content-Type: application/x-amz-json-1.0",
        f"Content-Length: {length}",
        *extra,
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_server_is_public_and_lazy() -> None:
    import pinpoint_mock.http_server  # the module imported first must not hide the function

    assert pinpoint_mock.server is pinpoint_mock.http_server.server
    assert server is pinpoint_mock.http_server.server


def test_boto3_over_http_reads_account_and_region_from_the_signature() -> None:
    with server() as url:
        assert isinstance(url, ServerURL)
        assert url.startswith("http://127.0.0.1:")
        mine = client_for(url, region="eu-west-1", access_key="111122223333")
        default = client_for(url)
        arn = mine.create_registration(RegistrationType=TOLL_FREE)["RegistrationArn"]
        assert arn.startswith("arn:aws:sms-voice:eu-west-1:111122223333:registration/")
        other = default.create_registration(RegistrationType=TOLL_FREE)["RegistrationArn"]
        assert other.startswith("arn:aws:sms-voice:us-east-1:123456789012:registration/")
        assert [r["RegistrationArn"] for r in mine.describe_registrations()["Registrations"]] == [
            arn
        ]
        assert [r.arn for r in url.mock.registrations("111122223333", "eu-west-1")] == [arn]


def test_options_apply_and_the_mock_drives_the_review() -> None:
    with server(account_id="210987654321") as url:
        client = client_for(url)
        rid = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
        client.submit_registration_version(RegistrationId=rid)
        url.mock.review(rid).begin().approve()
        reg = client.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
        assert reg["RegistrationStatus"] == "COMPLETE"
        assert ":210987654321:" in reg["RegistrationArn"]


@pytest.mark.sms_voice_v2(review="approve")
def test_the_fixture_serves_with_the_marker_options(sms_voice_v2_server: ServerURL) -> None:
    assert sms_voice_v2_server.startswith("http://127.0.0.1:")
    client = client_for(sms_voice_v2_server)
    rid = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    client.submit_registration_version(RegistrationId=rid)
    assert [r.status for r in sms_voice_v2_server.mock.registrations()] == ["COMPLETE"]


def test_service_errors_are_the_modelled_client_errors() -> None:
    with server() as url:
        client = client_for(url)
        missing = "registration-00000000000000000000000000000000"
        with pytest.raises(client.exceptions.ResourceNotFoundException) as raised:
            client.describe_registration_versions(RegistrationId=missing)
        assert raised.value.response["ResourceId"] == missing
        assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_a_request_without_an_operation_is_unknown_operation() -> None:
    with server() as url:
        connection = http.client.HTTPConnection(url.removeprefix("http://"), timeout=10)
        connection.request("POST", "/", "{}")
        response = connection.getresponse()
        body = json.loads(response.read())
        connection.close()
    assert response.status == 400
    assert body["__type"].endswith("#UnknownOperationException")


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"])
def test_the_service_answers_post_only(method: str) -> None:
    with server() as url:
        connection = http.client.HTTPConnection(url.removeprefix("http://"), timeout=10)
        headers = {"X-Amz-Target": TARGET, "Content-Type": "application/x-amz-json-1.0"}
        connection.request(method, "/", json.dumps({"RegistrationType": TOLL_FREE}), headers)
        response = connection.getresponse()
        raw = response.read()
        assert (response.status, response.getheader("Allow")) == (405, "POST")
        if method == "HEAD":
            assert raw == b""
        else:
            assert json.loads(raw)["__type"] == "MethodNotAllowed"
        connection.request("POST", "/", json.dumps({"RegistrationType": TOLL_FREE}), headers)
        assert connection.getresponse().status == 200  # the connection is still good
        connection.close()
        assert len(url.mock.registrations()) == 1  # only the POST created one


@pytest.mark.parametrize("port", [-1, 65536, 99999])
def test_a_port_out_of_range_is_refused(port: int) -> None:
    with pytest.raises(MockError, match="is not a port"):
        MockServer(port=port)


def test_connections_are_kept_alive() -> None:
    with server() as url:
        connection = http.client.HTTPConnection(url.removeprefix("http://"), timeout=10)
        headers = {"X-Amz-Target": TARGET, "Content-Type": "application/x-amz-json-1.0"}
        body = json.dumps({"RegistrationType": TOLL_FREE})
        connection.request("POST", "/", body, headers)
        first = connection.getresponse()
        first.read()
        sock = connection.sock
        connection.request("POST", "/", body, headers)
        second = connection.getresponse()
        second.read()
        assert (first.status, second.status) == (200, 200)
        assert first.getheader("Connection") is None
        assert connection.sock is sock  # the same connection answered both
        connection.close()
        assert len(url.mock.registrations()) == 2


def test_a_body_over_10_mib_is_refused_with_413_before_it_is_read() -> None:
    with server() as url:
        answer = raw_exchange(url, post_head(MAX_BODY + 1) + b'{"RegistrationType": ')
        assert answer.startswith(b"HTTP/1.1 413 ")
        assert b"\r\nConnection: close\r\n" in answer
        body = json.loads(answer.split(b"\r\n\r\n", 1)[1])
        assert body["Message"] == (
            f"The request body is {MAX_BODY + 1} bytes; pinpoint-mock accepts at most "
            f"{MAX_BODY} bytes (10 MiB)."
        )
        assert url.mock.calls == []


def test_a_client_expecting_100_continue_gets_the_413_instead() -> None:
    with server() as url:
        answer = raw_exchange(url, post_head(MAX_BODY + 1, "Expect: 100-continue"))
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"100 Continue" not in answer


def test_the_largest_attachment_the_model_allows_fits_in_a_request() -> None:
    largest = model.service_model().shape_for("AttachmentBody").metadata["max"]
    assert 4 * -(-largest // 3) + 64 * 1024 <= MAX_BODY  # base64, and room for the rest


def test_an_attachment_over_2_mib_gets_the_services_own_error() -> None:
    body = b"%PDF-" + b"x" * (3 * 1024 * 1024)  # base64: over 4 MB on the wire
    with server() as url, pytest.raises(ClientError) as raised:
        client_for(url).create_registration_attachment(AttachmentBody=body)
    assert raised.value.response["Error"]["Code"] == "ValidationException"  # not a 413
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_a_body_of_exactly_the_limit_is_read_and_answered() -> None:
    with server() as url:
        answer = raw_exchange(url, post_head(MAX_BODY, "Connection: close") + b" " * MAX_BODY)
        assert answer.startswith(b"HTTP/1.1 400 ")
        assert b"ValidationException" in answer  # an empty request: RegistrationType missing
        assert [c.operation for c in url.mock.calls] == ["CreateRegistration"]


def test_chunked_bodies_need_a_length() -> None:
    with server() as url:
        head = post_head(0).replace(b"Content-Length: 0", b"Transfer-Encoding: chunked")
        answer = raw_exchange(url, head + b"2\r\n{}\r\n0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 411 ")


def answer_of(raw: bytes) -> tuple[int, dict[str, Any]]:
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body)


@pytest.mark.parametrize("expect", [(), ("Expect: 100-continue",)], ids=["plain", "expect-100"])
def test_a_content_length_of_5000_digits_is_a_400(expect: tuple[str, ...]) -> None:
    # int() of 5,000 digits raises ValueError (Python's digit limit); the server answers
    # 400, keeps serving, and the test that owns it does not fail when it stops.
    with server() as url:
        head = post_head(0, *expect).replace(
            b"Content-Length: 0", b"Content-Length: " + b"9" * 5000
        )
        status, body = answer_of(raw_exchange(url, head + b"{}"))
        assert status == 400
        assert body["__type"].endswith("BadRequest")
        assert body["Message"].startswith("Content-Length 9999999999")
        assert "(5000 digits) is not a length of any request." in body["Message"]
        assert url.mock.calls == []
        # the server still answers
        answer = raw_exchange(url, post_head(2, "Connection: close") + b"{}")
        assert answer.startswith(b"HTTP/1.1 400 ")
        assert b"ValidationException" in answer


@pytest.mark.parametrize(
    ("length", "status", "code"),
    [
        ("9" * 19, 413, "RequestEntityTooLarge"),
        ("1" + "0" * 19, 400, "BadRequest"),
        ("0" * 5000 + "2", 400, "ValidationException"),  # read and answered: {} lacks a member
    ],
    ids=["19-digits", "20-digits", "leading-zeros"],
)
def test_content_length_digits(length: str, status: int, code: str) -> None:
    with server() as url:
        head = post_head(0, "Connection: close").replace(
            b"Content-Length: 0", b"Content-Length: " + length.encode()
        )
        answered, body = answer_of(raw_exchange(url, head + b"{}"))
        assert (answered, body["__type"].rpartition("#")[2]) == (status, code)


def test_a_request_the_handler_cannot_read_is_a_400_and_never_the_tests_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A stand-in for any parse failure not foreseen: the client gets a 400, the owner nothing.
    def broken(self: Any) -> bool:
        raise ValueError("unforeseen")

    monkeypatch.setattr(http_server._Handler, "_refused_before_body", broken)
    with server() as url:
        status, body = answer_of(raw_exchange(url, post_head(2) + b"{}"))
        assert status == 400
        assert body["Message"] == (
            "pinpoint-mock could not read this request (ValueError: unforeseen)."
        )
    # leaving the block raised nothing: the malformed request was not the test's error


def test_a_stalled_client_is_dropped() -> None:
    running = MockServer(client_timeout=0.2)
    running.start()
    try:
        # Half a request line, then nothing: the server closes the connection (recv sees EOF).
        assert raw_exchange(running.url, b"POST / HT") == b""
        # Headers that promise a body that never comes: the same.
        assert raw_exchange(running.url, post_head(10) + b"{") == b""
        assert running.mock.calls == []
    finally:
        running.stop()
    running.check()


def test_stop_ends_idle_keep_alive_connections() -> None:
    running = MockServer(client_timeout=600)  # the stop, not the idle timeout, must end it
    running.start()
    host, port = running.host, running.port
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", "/_pinpoint_mock/calls")
    assert connection.getresponse().read() == b'{"calls": []}'  # read to the end
    with connection.sock as sock:
        stopping = threading.Thread(target=running.stop)
        stopping.start()
        assert sock.recv(1) == b""  # EOF: the server closed the idle connection
        stopping.join()
    running.check()


def test_concurrent_clients() -> None:
    with server() as url:
        failures: list[BaseException] = []

        def work() -> None:
            try:
                client = client_for(url)
                for _ in range(10):
                    client.create_registration(RegistrationType=TOLL_FREE)
            except BaseException as error:
                failures.append(error)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert len(url.mock.registrations()) == 60
        assert len(client_for(url).describe_registrations()["Registrations"]) == 60


def test_an_exception_in_the_server_is_raised_when_the_block_exits() -> None:
    def policy(registration: Any, version: Any) -> str:
        return "maybe"

    with (  # noqa: PT012
        pytest.raises(MockError, match="the review policy returned 'maybe'"),
        server(review=policy) as url,
    ):
        client = client_for(url, attempts=1)
        rid = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
        with pytest.raises(ClientError) as raised:
            client.submit_registration_version(RegistrationId=rid)
        error = raised.value.response["Error"]
        assert error["Code"] == "InternalServerException"
        assert "MockError: the review policy returned 'maybe'" in error["Message"]


def test_an_exception_in_the_test_is_not_masked_by_one_in_the_server() -> None:
    with (  # noqa: PT012
        pytest.raises(KeyError),
        server(review=lambda registration, version: "maybe") as url,
    ):
        client = client_for(url, attempts=1)
        rid = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
        with pytest.raises(ClientError):
            client.submit_registration_version(RegistrationId=rid)
        raise KeyError("the test's own failure")


def test_bad_options_are_refused_before_binding() -> None:
    with pytest.raises(MockError, match="review='sometimes' is not a review policy"):
        MockServer(review="sometimes")


@pytest.mark.parametrize(
    ("host", "warns"),
    [
        ("127.0.0.1", False),
        ("127.0.0.53", False),
        ("::1", False),
        ("localhost", False),
        ("0.0.0.0", True),
        ("::", True),
        ("192.168.1.20", True),
        ("example.internal", True),
    ],
)
def test_exposure_warning_is_for_anything_but_loopback(host: str, warns: bool) -> None:
    warning = exposure_warning(host)
    if warns:
        assert warning is not None
        assert warning.startswith(
            f"warning: pinpoint-mock is listening on {host}, which is not a loopback address"
        )
        assert "Use --host 127.0.0.1" in warning
    else:
        assert warning is None


def test_localhost_serves_without_a_warning() -> None:
    # pytest turns warnings into errors here, so a warning would fail this test.
    with server(host="localhost") as url:
        # localhost is 127.0.0.1 or ::1, as the system resolves it: either is loopback.
        host = urllib.parse.urlsplit(url).hostname
        assert host is not None
        assert ipaddress.ip_address(host).is_loopback, url
        client_for(url).create_registration(RegistrationType=TOLL_FREE)


def test_a_server_beyond_loopback_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may only listen on 127.0.0.1, so the address is called exposed instead of bound.
    seen: list[str] = []

    def exposed(host: str) -> str:
        seen.append(host)
        return f"warning: pinpoint-mock is listening on {host}, pretend it is exposed"

    monkeypatch.setattr(http_server, "exposure_warning", exposed)
    with pytest.warns(UserWarning, match="pretend it is exposed"), server() as url:
        assert url.startswith("http://127.0.0.1:")
    assert seen == ["127.0.0.1"]


def test_an_unmodelled_operation_says_the_same_over_http(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    method = xform_name(unmodelled_operation(monkeypatch))
    with mock_sms_voice_v2():
        in_process = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        with pytest.raises(ClientError) as here:
            getattr(in_process, method)()
    with server() as url, pytest.raises(ClientError) as there:
        getattr(client_for(url), method)()
    assert here.value.response["Error"]["Code"] == "NotImplemented"
    assert there.value.response["Error"] == here.value.response["Error"]
    assert there.value.response["ResponseMetadata"]["HTTPStatusCode"] == 501
    assert there.value.response["ResponseMetadata"]["RetryAttempts"] == 0
