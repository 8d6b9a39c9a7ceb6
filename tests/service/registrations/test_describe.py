"""DescribeRegistrations and DescribeRegistrationVersions: IDs, ARNs, filters, pages."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from pinpoint_mock import SmsVoiceV2Mock

from .helpers import TOLL_FREE, fails, new

BRAND = "US_TEN_DLC_BRAND_REGISTRATION"


def test_walk_230_registrations_in_pages_of_20_sees_each_once(client: Any) -> None:
    created = [new(client) for _ in range(230)]
    seen: list[str] = []
    token: str | None = None
    pages = 0
    while True:
        kwargs: dict[str, Any] = {"MaxResults": 20}
        if token:
            kwargs["NextToken"] = token
        page = client.describe_registrations(**kwargs)
        seen += [r["RegistrationId"] for r in page["Registrations"]]
        pages += 1
        token = page.get("NextToken")
        if not token:
            break
    assert seen == created  # each once, in creation order
    assert pages == 12


def test_botocore_paginators_work(client: Any) -> None:
    created = [new(client) for _ in range(7)]
    paginator = client.get_paginator("describe_registrations")
    pages = list(paginator.paginate(PaginationConfig={"PageSize": 3}))
    assert [len(p["Registrations"]) for p in pages] == [3, 3, 1]
    ids = [r["RegistrationId"] for p in pages for r in p["Registrations"]]
    assert ids == created
    total = paginator.paginate(PaginationConfig={"MaxItems": 5, "PageSize": 2}).build_full_result()
    assert len(total["Registrations"]) == 5


def test_version_paginator(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = new(client)
    for _ in range(4):
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).deny()
        client.create_registration_version(RegistrationId=rid)
    paginator = client.get_paginator("describe_registration_versions")
    result = paginator.paginate(
        RegistrationId=rid, PaginationConfig={"PageSize": 2}
    ).build_full_result()
    assert [v["VersionNumber"] for v in result["RegistrationVersions"]] == [1, 2, 3, 4, 5]
    assert result["RegistrationId"] == rid


def test_default_page_is_100(client: Any) -> None:
    for _ in range(101):
        new(client)
    page = client.describe_registrations()
    assert len(page["Registrations"]) == 100
    assert "NextToken" in page
    rest = client.describe_registrations(NextToken=page["NextToken"])
    assert len(rest["Registrations"]) == 1
    assert "NextToken" not in rest


def test_a_page_ending_exactly_at_the_end_has_no_token(client: Any) -> None:
    for _ in range(4):
        new(client)
    page = client.describe_registrations(MaxResults=4)
    assert len(page["Registrations"]) == 4
    assert "NextToken" not in page


def test_forged_or_foreign_tokens_are_refused(client: Any) -> None:
    for _ in range(3):
        new(client)
    token = client.describe_registrations(MaxResults=1)["NextToken"]
    for bad in ("garbage", token[:-2] + ("AA" if token[-2:] != "AA" else "BB")):
        response = fails(client.describe_registrations, NextToken=bad)
        assert response["Reason"] == "INVALID_NEXT_TOKEN"
    # a token of one listing does not continue another
    response = fails(
        client.describe_registrations,
        NextToken=token,
        Filters=[{"Name": "registration-status", "Values": ["CREATED"]}],
    )
    assert response["Reason"] == "INVALID_NEXT_TOKEN"
    other_region = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
    assert fails(other_region.describe_registrations, NextToken=token)["Reason"] == (
        "INVALID_NEXT_TOKEN"
    )


def test_deleted_registrations_do_not_break_a_walk(client: Any) -> None:
    ids = [new(client) for _ in range(6)]
    page = client.describe_registrations(MaxResults=3)
    client.delete_registration(RegistrationId=ids[3])
    rest = client.describe_registrations(MaxResults=3, NextToken=page["NextToken"])
    assert [r["RegistrationId"] for r in rest["Registrations"]] == ids[4:]


def test_ids_and_arns_and_other_places(client: Any) -> None:
    a = client.create_registration(RegistrationType=TOLL_FREE)
    b = client.create_registration(RegistrationType=BRAND)
    result = client.describe_registrations(
        RegistrationIds=[b["RegistrationArn"], a["RegistrationId"]]
    )
    assert [r["RegistrationId"] for r in result["Registrations"]] == [
        a["RegistrationId"],
        b["RegistrationId"],
    ]
    foreign = a["RegistrationArn"].replace("us-east-1", "us-west-2")
    response = fails(client.describe_registrations, RegistrationIds=[foreign])
    assert response["Error"]["Code"] == "ResourceNotFoundException"
    assert response["ResourceId"] == foreign
    other_account = a["RegistrationArn"].replace("123456789012", "210987654321")
    other_partition = a["RegistrationArn"].replace("arn:aws:", "arn:aws-cn:")
    for elsewhere in (other_account, other_partition):
        assert (
            fails(client.describe_registrations, RegistrationIds=[elsewhere])["Error"]["Code"]
            == "ResourceNotFoundException"
        )
    assert fails(client.delete_registration, RegistrationId=other_partition)["Error"]["Code"] == (
        "ResourceNotFoundException"
    )


def test_filters_or_within_and_across(client: Any, sms: SmsVoiceV2Mock) -> None:
    t1, t2 = new(client), new(client)
    b1 = new(client, BRAND)
    client.submit_registration_version(RegistrationId=t2)
    client.submit_registration_version(RegistrationId=b1)

    def ids(*filters: dict[str, Any]) -> list[str]:
        result = client.describe_registrations(Filters=list(filters))
        return [r["RegistrationId"] for r in result["Registrations"]]

    assert ids({"Name": "registration-type", "Values": [TOLL_FREE]}) == [t1, t2]
    assert ids({"Name": "registration-status", "Values": ["CREATED", "SUBMITTED"]}) == [t1, t2, b1]
    assert ids(
        {"Name": "registration-type", "Values": [TOLL_FREE]},
        {"Name": "registration-status", "Values": ["SUBMITTED"]},
    ) == [t2]
    assert ids({"Name": "registration-type", "Values": ["US_TEN_DLC_CAMPAIGN_REGISTRATION"]}) == []
    # IDs and filters together: the intersection
    result = client.describe_registrations(
        RegistrationIds=[t1, b1], Filters=[{"Name": "registration-type", "Values": [BRAND]}]
    )
    assert [r["RegistrationId"] for r in result["Registrations"]] == [b1]


def test_filter_values_are_checked(client: Any) -> None:
    response = fails(
        client.describe_registrations,
        Filters=[{"Name": "registration-status", "Values": ["APPROVED"]}],
    )
    assert response["Error"]["Code"] == "ValidationException"
    assert response["Reason"] == "INVALID_FILTER_VALUES"
    assert "APPROVED" in response["Error"]["Message"]
    rid = new(client)
    response = fails(
        client.describe_registration_versions,
        RegistrationId=rid,
        Filters=[{"Name": "registration-version-status", "Values": ["COMPLETE"]}],
    )
    assert response["Reason"] == "INVALID_FILTER_VALUES"


def test_versions_by_number_and_filter(client: Any, sms: SmsVoiceV2Mock) -> None:
    rid = new(client)
    client.submit_registration_version(RegistrationId=rid)
    sms.review(rid).deny()
    client.create_registration_version(RegistrationId=rid)
    result = client.describe_registration_versions(RegistrationId=rid, VersionNumbers=[2, 1])
    assert [v["VersionNumber"] for v in result["RegistrationVersions"]] == [1, 2]
    assert result["RegistrationArn"].endswith(rid)
    denied = client.describe_registration_versions(
        RegistrationId=rid,
        Filters=[{"Name": "registration-version-status", "Values": ["DENIED"]}],
    )["RegistrationVersions"]
    assert [v["VersionNumber"] for v in denied] == [1]
    assert denied[0]["DeniedReasons"][0]["Reason"]
    response = fails(client.describe_registration_versions, RegistrationId=rid, VersionNumbers=[3])
    assert response["Reason"] == "UNKNOWN_REGISTRATION_VERSION"


def test_versions_of_unknown_registration(client: Any) -> None:
    response = fails(
        client.describe_registration_versions, RegistrationId="registration-" + "9" * 32
    )
    assert response["Error"]["Code"] == "ResourceNotFoundException"


@pytest.mark.parametrize("operation", ["describe_registrations", "describe_registration_versions"])
def test_max_results_bounds(client: Any, operation: str) -> None:
    rid = new(client)
    extra = {"RegistrationId": rid} if operation == "describe_registration_versions" else {}
    response = fails(getattr(client, operation), MaxResults=101, **extra)
    assert response["Reason"] == "FIELD_VALIDATION_FAILED"
    assert getattr(client, operation)(MaxResults=100, **extra)


def test_accounts_and_regions_are_isolated(sms: SmsVoiceV2Mock) -> None:
    east = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    west = boto3.client("pinpoint-sms-voice-v2", region_name="us-west-2")
    other = boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="444455556666",
        aws_secret_access_key="x",
    )
    rid = new(east)
    assert west.describe_registrations()["Registrations"] == []
    assert other.describe_registrations()["Registrations"] == []
    assert fails(west.describe_registrations, RegistrationIds=[rid])["Error"]["Code"] == (
        "ResourceNotFoundException"
    )
    assert fails(other.delete_registration, RegistrationId=rid)["Error"]["Code"] == (
        "ResourceNotFoundException"
    )
