"""Any input the model allows gets the service's answer from the family's operations, never a
traceback (an InternalServerException is a bug of the mock)."""

from __future__ import annotations

import functools
from typing import Any

import boto3
import pytest
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import ClientError
from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.service import tags
from pinpoint_mock.service.registrations import (
    associations,
    attachments,
    definitions,
    field_values,
)
from tests import model_strategies as ms
from tests.profiles import scaled

FAMILY = sorted(
    {
        *definitions.HANDLERS,
        *field_values.HANDLERS,
        *attachments.HANDLERS,
        *associations.HANDLERS,
        *tags.HANDLERS,
        "RequestPhoneNumber",
        "DescribePhoneNumbers",
        "ReleasePhoneNumber",
    }
)
EXPECTED = {
    "ValidationException",
    "ResourceNotFoundException",
    "ConflictException",
    "ServiceQuotaExceededException",
}


@functools.cache
def client() -> Any:
    config = Config(retries={"total_max_attempts": 1})
    return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1", config=config)


@pytest.mark.parametrize("operation", FAMILY)
@settings(max_examples=scaled(8, 50))
@given(data=st.data())
def test_valid_input_never_breaks_the_mock(operation: str, data: st.DataObject) -> None:
    params = data.draw(ms.valid_input(operation))
    with mock_sms_voice_v2(check_fields=True):
        rid = client().create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")[
            "RegistrationId"
        ]
        if "RegistrationId" in params and data.draw(st.booleans()):
            params["RegistrationId"] = rid  # reach past the lookup now and then
        try:
            getattr(client(), xform_name(operation))(**params)
            code = None
        except ClientError as error:
            code = error.response["Error"]["Code"]
    assert code is None or code in EXPECTED, (operation, params, code)
