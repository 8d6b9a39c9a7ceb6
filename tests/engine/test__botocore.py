"""Every botocore internal pinpoint-mock relies on, checked against the installed botocore.

If one of these fails after a botocore upgrade, pinpoint_mock/_botocore.py needs updating.
"""

from __future__ import annotations

import boto3
import botocore
import botocore.handlers
import botocore.session
from botocore.awsrequest import AWSRequest, AWSResponse
from botocore.credentials import Credentials, RefreshableCredentials
from botocore.signers import RequestSigner

from pinpoint_mock.engine import _botocore


def test_builtin_handlers_is_the_list_new_sessions_copy() -> None:
    assert isinstance(botocore.handlers.BUILTIN_HANDLERS, list)
    session = botocore.session.get_session()
    client = session.create_client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="a",
        aws_secret_access_key="b",
    )
    handlers = client.meta.events._emitter._handlers.prefix_search(
        "before-send.pinpoint-sms-voice-v2.CreateRegistration"
    )
    assert any(getattr(h, "__module__", "") == "pinpoint_mock.engine.hook" for h in handlers)


def test_request_signer_keeps_credentials_in_a_private_attribute() -> None:
    creds = Credentials("AKID", "secret")
    signer = RequestSigner(
        botocore.model.ServiceId("x"),
        "us-east-1",
        "x",
        "v4",
        creds,
        botocore.hooks.HierarchicalEmitter(),
    )
    assert signer._credentials is creds
    assert _botocore.access_key_of(signer) == "AKID"


def test_refreshable_credentials_are_read_without_refreshing() -> None:
    def refresh() -> dict[str, str]:
        raise AssertionError("refreshing would reach the network")

    creds = RefreshableCredentials("111122223333", "s", "t", None, refresh, "test")  # type: ignore[arg-type]
    signer = type("Signer", (), {"_credentials": creds})()
    assert _botocore.access_key_of(signer) == "111122223333"


def test_sign_emits_choose_signer_then_before_sign_with_the_signer() -> None:
    """Behaviour, not source text: choose-signer is asked first, before-sign gets the signer,
    and an UNSIGNED choice leaves the request unsigned."""
    emitter = botocore.hooks.HierarchicalEmitter()
    seen: list[object] = []

    def choose(**_: object) -> object:
        seen.append("choose-signer")
        return botocore.UNSIGNED

    def before(request_signer: object, **_: object) -> None:
        seen.append(("before-sign", request_signer))

    emitter.register("choose-signer.x", choose)
    emitter.register("before-sign.x", before)
    signer = RequestSigner(
        botocore.model.ServiceId("x"), "us-east-1", "x", "v4", Credentials("AKID", "s"), emitter
    )
    request = AWSRequest("POST", "https://x.invalid/", data=b"{}")
    signer.sign("Op", request)
    assert seen == ["choose-signer", ("before-sign", signer)]
    assert "Authorization" not in request.headers


def test_aws_response_reads_its_body_through_raw_stream() -> None:
    response = _botocore.response("http://x", 200, {"a": "b"}, b"body")
    assert isinstance(response, AWSResponse)
    assert response.content == b"body"
    assert response.status_code == 200


def test_boto3_default_session_wraps_a_botocore_session() -> None:
    """install() registers on an existing default session through its private _session."""
    session = boto3.Session(region_name="us-east-1")
    assert isinstance(session._session, botocore.session.Session)


def test_every_client_signs_through_the_wrapped_request_signer_once() -> None:
    """Early clients are covered by wrapping ``RequestSigner.sign`` (a class attribute every
    client's signer uses); installing again does not wrap twice."""
    import pinpoint_mock.engine.hook as hook

    wrapped = RequestSigner.sign
    assert getattr(wrapped, "__pinpoint_mock__", False)
    _botocore.cover_early_clients(hook.HANDLERS, lambda: True, lambda signer: None)
    assert RequestSigner.sign is wrapped
    client = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="a",
        aws_secret_access_key="b",
    )
    signer = client._request_signer
    assert type(signer).sign is wrapped
    assert signer._service_id.hyphenize() == _botocore.SERVICE_EVENT
    assert callable(signer._event_emitter.register)
    assert callable(signer._event_emitter.unregister)


def _client(**kwargs: object) -> object:
    return boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="111122223333",
        aws_secret_access_key="x",
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_client_call_goes_through_base_client_make_api_call() -> None:
    """The fast path wraps ``BaseClient._make_api_call``; the generated methods call it."""
    from botocore.client import BaseClient

    client = _client()
    assert isinstance(client, BaseClient)
    assert callable(getattr(BaseClient, "_make_api_call", None))
    seen: list[str] = []

    def above(client: object, operation: str, params: dict[str, object]) -> dict[str, str]:
        seen.append(operation)
        return {"answered": "above"}

    _botocore.answer_above_the_wire(above)
    try:
        assert client.describe_registrations() == {"answered": "above"}  # type: ignore[attr-defined]
    finally:
        _botocore.answer_above_the_wire(None)
    assert seen == ["DescribeRegistrations"]


def test_the_client_internals_the_fast_path_reads() -> None:
    from botocore.config import Config
    from botocore.exceptions import ParamValidationError

    client = _client()
    model = _botocore.service_model_of(client)
    operation = model.operation_model("CreateRegistrationAttachment")
    assert _botocore.access_key_of_client(client) == "111122223333"
    params = _botocore.emit_api_params(client, {"AttachmentBody": b"x"}, operation, {})
    assert params["ClientToken"]  # botocore's idempotency handler ran
    assert _botocore.validates(client)
    assert not _botocore.validates(_client(config=Config(parameter_validation=False)))
    assert b'"AttachmentBody":"eA=="' in _botocore.serialize(client, params, operation).replace(
        b" ", b""
    )
    try:
        _botocore.serialize(client, {"Nope": 1}, operation)
    except ParamValidationError:
        pass
    else:  # pragma: no cover - a botocore that no longer validates in its serializer
        raise AssertionError("the serializer of a validating client validates")
    parser = _botocore.parser_of(client)
    parsed = _botocore.parse_shape(
        parser, operation.output_shape, {"CreatedTimestamp": 0, "Unknown": 1}
    )
    assert parsed["CreatedTimestamp"].timestamp() == 0
    assert "Unknown" not in parsed
    assert model.shape_for_error_code("ValidationException") is not None
