"""Server-side validation from the model, also when the client skipped its own."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import ClientError

from pinpoint_mock import mock_sms_voice_v2, model
from pinpoint_mock.errors import ServiceError
from pinpoint_mock.validation import validator


@pytest.fixture
def raw_client() -> Any:
    with mock_sms_voice_v2():
        yield boto3.client(
            "pinpoint-sms-voice-v2",
            region_name="us-east-1",
            config=Config(parameter_validation=False),
        )


def error_of(client: BaseClient, operation: str, **params: Any) -> dict[str, Any]:
    with pytest.raises(ClientError) as err:
        getattr(client, operation)(**params)
    return err.value.response  # type: ignore[return-value]


def test_pattern_message_in_the_real_services_style(raw_client: BaseClient) -> None:
    response = error_of(raw_client, "create_registration", RegistrationType="x!")
    assert response["Error"]["Code"] == "ValidationException"
    assert response["Reason"] == "FIELD_VALIDATION_FAILED"
    assert response["Fields"] == [
        {
            "Name": "registrationType",
            "Message": "Value 'x!' at 'registrationType' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: [A-Za-z0-9_]+",
        }
    ]
    assert response["Error"]["Message"].startswith("1 validation error detected: ")


def test_one_field_entry_per_offending_member(raw_client: BaseClient) -> None:
    response = error_of(
        raw_client,
        "create_registration",
        RegistrationType="A" * 65,
        Tags=[{"Key": "", "Value": "v"}, {"Key": "k", "Value": "v" * 257}],
    )
    names = [f["Name"] for f in response["Fields"]]
    assert names == ["registrationType", "tags.1.member.key", "tags.2.member.value"]
    assert "3 validation errors detected" in response["Error"]["Message"]
    assert "Member must have length less than or equal to 64" in response["Fields"][0]["Message"]


def test_missing_required_member(raw_client: BaseClient) -> None:
    response = error_of(raw_client, "create_registration")
    assert response["Fields"] == [
        {
            "Name": "registrationType",
            "Message": "Value null at 'registrationType' failed to satisfy constraint: "
            "Member must not be null",
        }
    ]


def test_enum_list_size_and_numeric_range(raw_client: BaseClient) -> None:
    response = error_of(
        raw_client,
        "describe_registrations",
        RegistrationIds=["a", "b", "c", "d", "e", "f"],
        Filters=[{"Name": "registration-colour", "Values": ["x"]}],
        MaxResults=0,
    )
    messages = {f["Name"]: f["Message"] for f in response["Fields"]}
    assert "Member must have length less than or equal to 5" in messages["registrationIds"]
    names = model.service_model().shape_for("RegistrationFilterName").enum  # as botocore has it
    assert (
        f"Member must satisfy enum value set: [{', '.join(names)}]"
        in (messages["filters.1.member.name"])
    )
    assert "Member must have value greater than or equal to 1" in messages["maxResults"]


def test_too_many_items_the_client_never_checks(raw_client: BaseClient) -> None:
    tags = [{"Key": f"k{i}", "Value": "v"} for i in range(201)]
    response = error_of(raw_client, "create_registration", RegistrationType="X", Tags=tags)
    assert response["Fields"][0]["Name"] == "tags"


def test_wrong_type_with_client_validation_off(raw_client: BaseClient) -> None:
    response = error_of(raw_client, "describe_registrations", MaxResults="ten")
    assert response["Error"]["Code"] == "SerializationException"


def test_validators_are_built_once_per_operation() -> None:
    assert validator("CreateRegistration") is validator("CreateRegistration")


def test_valid_input_passes() -> None:
    validator("DescribeRegistrations")(
        {"Filters": [{"Name": "registration-status", "Values": ["CREATED"]}], "MaxResults": 5}
    )
    with pytest.raises(ServiceError):
        validator("DescribeRegistrations")({"MaxResults": True})
