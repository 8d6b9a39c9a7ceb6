"""Server-side validation from the model, also when the client skipped its own."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
import requests
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import ClientError

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import ServiceError
from pinpoint_mock.engine.validation import validator
from tests.profiles import newer_model


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


MISSING = "registration-00000000000000000000000000000000"
NULL = "failed to satisfy constraint: Member must not be null"


def raw_post(operation: str, body: str) -> requests.Response:
    """A JSON body as any SDK or hand-written caller may send it (botocore's serializer cannot
    send ``null`` where the model has a structure or list)."""
    return requests.post(
        "https://sms-voice.us-east-1.amazonaws.com/",
        data=body,
        headers={
            "X-Amz-Target": f"PinpointSMSVoiceV2.{operation}",
            "Content-Type": "application/x-amz-json-1.0",
        },
        timeout=10,
    )


@pytest.mark.parametrize(
    ("operation", "params", "field"),
    [
        ("describe_registrations", {"RegistrationIds": [None]}, "registrationIds.1.member"),
        (
            "describe_registrations",
            {"Filters": [{"Name": "registration-status", "Values": [None, "CREATED"]}]},
            "filters.1.member.values.1.member",
        ),
        (
            "describe_registration_versions",
            {"RegistrationId": MISSING, "VersionNumbers": [1, None]},
            "versionNumbers.2.member",
        ),
        (
            "create_registration",
            {"RegistrationType": "US_TOLL_FREE_REGISTRATION", "Tags": [{"Key": None}]},
            "tags.1.member.key",
        ),
        ("describe_phone_numbers", {"PhoneNumberIds": ["x", None]}, "phoneNumberIds.2.member"),
        ("describe_opt_out_lists", {"OptOutListNames": [None]}, "optOutListNames.1.member"),
    ],
)
def test_a_null_inside_a_list_names_the_field(
    raw_client: BaseClient, operation: str, params: dict[str, Any], field: str
) -> None:
    response = error_of(raw_client, operation, **params)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["Error"]["Code"] == "ValidationException"
    assert response["Reason"] == "FIELD_VALIDATION_FAILED"
    message = f"Value null at '{field}' {NULL}"
    assert {"Name": field, "Message": message} in response["Fields"]
    assert message in response["Error"]["Message"]


@pytest.mark.parametrize(
    ("operation", "body", "field"),
    [
        ("DescribeRegistrations", '{"Filters": [null]}', "filters.1.member"),
        (
            "CreateRegistration",
            '{"RegistrationType": "US_TOLL_FREE_REGISTRATION", "Tags": [null]}',
            "tags.1.member",
        ),
        (
            "DescribePhoneNumbers",
            '{"Filters": [{"Name": "status", "Values": [null]}]}',
            "filters.1.member.values.1.member",
        ),
    ],
)
def test_a_null_structure_in_a_list_names_the_field(operation: str, body: str, field: str) -> None:
    with mock_sms_voice_v2():
        answer = raw_post(operation, body)
    assert answer.status_code == 400
    assert answer.headers["x-amzn-ErrorType"] == "ValidationException"
    assert answer.json()["Fields"] == [
        {"Name": field, "Message": f"Value null at '{field}' {NULL}"}
    ]


def test_every_null_in_a_list_is_one_field(raw_client: BaseClient) -> None:
    response = error_of(raw_client, "describe_registrations", RegistrationIds=[None, "x", None])
    assert [f["Name"] for f in response["Fields"]] == [
        "registrationIds.1.member",
        "registrationIds.3.member",
    ]
    assert response["Error"]["Message"].startswith("2 validation errors detected: ")


@pytest.mark.parametrize(
    ("operation", "params", "path"),
    [
        (
            "describe_registrations",
            {"Filters": [{"Name": "registration-status", "Values": [1]}]},
            "filters.1.member.values.1.member",
        ),
        (
            "describe_registration_versions",
            {"RegistrationId": MISSING, "VersionNumbers": ["1"]},
            "versionNumbers.1.member",
        ),
        (
            "create_registration",
            {"RegistrationType": "X", "Tags": [{"Key": "k", "Value": 1}]},
            "tags.1.member.value",
        ),
        ("create_registration", {"RegistrationType": 7}, "registrationType"),
    ],
)
def test_a_wrong_type_at_any_depth_is_a_4xx(
    raw_client: BaseClient, operation: str, params: dict[str, Any], path: str
) -> None:
    response = error_of(raw_client, operation, **params)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["Error"]["Code"] == "SerializationException"
    assert f"Value at '{path}' is not of the expected type" in response["Error"]["Message"]


@pytest.mark.parametrize(
    "body",
    [
        '{"Filters": ["registration-status"]}',
        '{"Filters": [{"Name": "registration-status", "Values": "CREATED"}]}',
        '{"RegistrationIds": {"a": "b"}}',
        '{"Filters": [[{"Name": "registration-status"}]]}',
    ],
)
def test_a_wrong_container_type_is_a_4xx(body: str) -> None:
    with mock_sms_voice_v2():
        answer = raw_post("DescribeRegistrations", body)
    assert answer.status_code == 400
    assert answer.headers["x-amzn-ErrorType"] == "SerializationException"


def test_a_null_member_is_an_absent_member(raw_client: BaseClient) -> None:
    created = raw_client.create_registration(
        RegistrationType="US_TOLL_FREE_REGISTRATION", ClientToken=None
    )
    listed = raw_client.describe_registrations(MaxResults=None, NextToken=None)
    assert [r["RegistrationId"] for r in listed["Registrations"]] == [created["RegistrationId"]]
    number = raw_client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
        OptOutListName=None,
    )
    assert number["OptOutListName"] == "Default"
    lists = raw_post(
        "DescribeRegistrations", '{"RegistrationIds": null, "Filters": null, "MaxResults": null}'
    )
    assert lists.status_code == 200
    assert len(lists.json()["Registrations"]) == 1


def test_a_null_map_value_names_the_field() -> None:
    # No answered operation takes a map yet; SendTextMessage's Context is one.
    check = validator("SendTextMessage")
    with pytest.raises(ServiceError) as raised:
        check({"DestinationPhoneNumber": "+12065550100", "Context": {"k": None}})
    assert raised.value.fields["Fields"] == [
        {"Name": "context.value", "Message": f"Value null at 'context.value' {NULL}"}
    ]


@newer_model("SendRcsMessage")
@pytest.mark.parametrize(
    ("content", "path", "says"),
    [
        (
            {"Content": {}},
            "rcsMessageContent.content",
            "Member must have exactly one of textMessage, fileMessage, richCard, carousel set",
        ),
        (
            {"Content": {"TextMessage": {"Body": "a"}, "FileMessage": {"FileUrl": "https://a"}}},
            "rcsMessageContent.content",
            "Member must have exactly one of",
        ),
        (
            {"Content": {"TextMessage": {"Body": "a"}}, "Suggestions": [{"Reply": None}]},
            "rcsMessageContent.suggestions.1.member.reply",
            "Member must not be null",
        ),
    ],
)
def test_a_union_has_exactly_one_member_set(content: Any, path: str, says: str) -> None:
    """A tagged union (RCS content, suggested actions) takes exactly one member; a null one
    is not read as a member left out, as it is in a structure."""
    check = validator("SendRcsMessage")
    params = {
        "DestinationPhoneNumber": "+12065550100",
        "OriginationIdentity": "rcs-" + "0" * 32,
        "RcsMessageContent": content,
    }
    with pytest.raises(ServiceError) as raised:
        check(params)
    (field,) = raised.value.body()["Fields"]
    assert field["Name"] == path
    assert says in field["Message"]
    valid = {**params, "RcsMessageContent": {"Content": {"TextMessage": {"Body": "a"}}}}
    check(valid)


@newer_model("PutProtectConfigurationRuleSetNumberOverride")
def test_a_timestamp_given_as_text_must_read_as_one() -> None:
    check = validator("PutProtectConfigurationRuleSetNumberOverride")
    params = {"ProtectConfigurationId": "protect-" + "0" * 32, "DestinationPhoneNumber": "+1206"}
    for fine in (1893456000, "1893456000", "2029-12-31T00:00:00Z"):
        check({**params, "Action": "ALLOW", "ExpirationTimestamp": fine})
    with pytest.raises(ServiceError) as raised:
        check({**params, "Action": "ALLOW", "ExpirationTimestamp": "not a timestamp"})
    assert raised.value.code == "SerializationException"
