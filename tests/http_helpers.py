"""Talking to a running server from tests: a boto3 client bound to it, and JSON calls."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import boto3
import pytest
from botocore.config import Config

TOLL_FREE = "US_TOLL_FREE_REGISTRATION"


def client_for(
    url: str, *, region: str = "us-east-1", access_key: str = "testing", attempts: int = 3
) -> Any:
    """A boto3 client that really goes over HTTP to ``url`` (the in-process mock is off)."""
    return boto3.client(
        "pinpoint-sms-voice-v2",
        endpoint_url=url,
        region_name=region,
        aws_access_key_id=access_key,
        aws_secret_access_key="testing",
        config=Config(retries={"total_max_attempts": attempts, "mode": "standard"}),
    )


def call(url: str, method: str, path: str, payload: Any = None) -> tuple[int, Any]:
    """``method path`` with a JSON body (or the raw bytes given); the status and JSON answer."""
    data = payload if isinstance(payload, bytes) else None
    if payload is not None and data is None:
        data = json.dumps(payload).encode()
    request = urllib.request.Request(url + path, data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def unmodelled_operation(monkeypatch: pytest.MonkeyPatch) -> str:
    """An operation of the service the mock does not answer and that needs no input: the
    first such by name, or, where the mock models every operation (as it should), one taken
    out of the operation table for this test, as the next botocore's new operation would be."""
    import pinpoint_mock.service.table  # noqa: F401 - the operation table
    from pinpoint_mock.engine import dispatch, model

    for name in sorted(model.operation_names() - set(dispatch.HANDLERS)):
        shape = model.operation(name).input_shape
        if shape is None or not shape.required_members:
            return name
    monkeypatch.delitem(dispatch.HANDLERS, "DescribeAccountLimits")
    return "DescribeAccountLimits"
