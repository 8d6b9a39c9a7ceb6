"""Resource policies on shareable resources, through boto3."""

from __future__ import annotations

import json
from typing import Any

from tests.service.registrations.helpers import fails as error

POLICY = json.dumps({"Version": "2012-10-17", "Statement": []})


def test_put_get_replace_and_delete_a_policy(client: Any) -> None:
    arn = client.create_opt_out_list(OptOutListName="shared")["OptOutListArn"]
    put = client.put_resource_policy(ResourceArn=arn, Policy=POLICY)
    assert (put["ResourceArn"], put["Policy"]) == (arn, POLICY)
    newer = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]})
    replaced = client.put_resource_policy(ResourceArn=arn, Policy=newer)
    assert replaced["CreatedTimestamp"] == put["CreatedTimestamp"]
    assert client.get_resource_policy(ResourceArn=arn)["Policy"] == newer
    assert client.delete_resource_policy(ResourceArn=arn)["Policy"] == newer
    none = error(client.get_resource_policy, ResourceArn=arn)
    assert (none["ResourceType"], none["ResourceId"]) == ("policy", arn)


def test_only_shareable_resources_take_a_policy(client: Any) -> None:
    arn = client.create_configuration_set(ConfigurationSetName="s")["ConfigurationSetArn"]
    wrong = error(client.put_resource_policy, ResourceArn=arn, Policy=POLICY)
    assert wrong["Reason"] == "INVALID_ARN"
    phone = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )["PhoneNumberArn"]
    assert client.put_resource_policy(ResourceArn=phone, Policy=POLICY)["ResourceArn"] == phone
    gone = phone.replace(phone.rsplit("/", 1)[1], "phone-" + "0" * 32)
    missing = error(client.get_resource_policy, ResourceArn=gone)
    assert missing["ResourceType"] == "phone-number"


def test_the_policy_must_be_json(client: Any) -> None:
    arn = client.create_opt_out_list(OptOutListName="shared")["OptOutListArn"]
    answer = error(client.put_resource_policy, ResourceArn=arn, Policy="{not json")
    assert answer["Reason"] == "INVALID_PARAMETER"
