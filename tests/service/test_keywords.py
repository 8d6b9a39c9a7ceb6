"""Keywords on phone numbers and pools, through boto3."""

from __future__ import annotations

from typing import Any

import boto3

from pinpoint_mock import mock_sms_voice_v2
from tests.service.registrations.helpers import fails as error


def number(client: Any) -> dict[str, Any]:
    answer: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    return answer


def words(answer: dict[str, Any]) -> list[tuple[str, str]]:
    return [(k["Keyword"], k["KeywordAction"]) for k in answer["Keywords"]]


def test_every_number_answers_help_and_stop(client: Any) -> None:
    phone = number(client)
    shown = client.describe_keywords(OriginationIdentity=phone["PhoneNumberId"])
    assert shown["OriginationIdentityArn"] == phone["PhoneNumberArn"]
    assert words(shown) == [("HELP", "AUTOMATIC_RESPONSE"), ("STOP", "OPT_OUT")]


def test_put_describe_and_delete_a_keyword(client: Any) -> None:
    phone = number(client)["PhoneNumberArn"]
    put = client.put_keyword(
        OriginationIdentity=phone, Keyword="JOIN", KeywordMessage="Welcome", KeywordAction="OPT_IN"
    )
    assert (put["Keyword"], put["KeywordAction"]) == ("JOIN", "OPT_IN")
    lower = client.put_keyword(OriginationIdentity=phone, Keyword="info", KeywordMessage="Open 9-5")
    assert lower["Keyword"] == "INFO"  # kept upper-cased, as AWS answers
    client.put_keyword(OriginationIdentity=phone, Keyword="Info", KeywordMessage="Open 8-6")
    shown = client.describe_keywords(OriginationIdentity=phone)
    assert words(shown)[2:] == [("JOIN", "OPT_IN"), ("INFO", "AUTOMATIC_RESPONSE")]
    assert shown["Keywords"][3]["KeywordMessage"] == "Open 8-6"  # case-insensitive upsert
    opt_in = client.describe_keywords(
        OriginationIdentity=phone, Filters=[{"Name": "keyword-action", "Values": ["OPT_IN"]}]
    )
    assert words(opt_in) == [("JOIN", "OPT_IN")]
    chosen = client.describe_keywords(OriginationIdentity=phone, Keywords=["join"])
    assert words(chosen) == [("JOIN", "OPT_IN")]
    missing = error(client.describe_keywords, OriginationIdentity=phone, Keywords=["NOPE"])
    assert (missing["ResourceType"], missing["ResourceId"]) == ("keyword", "NOPE")
    deleted = client.delete_keyword(OriginationIdentity=phone, Keyword="JOIN")
    assert deleted["KeywordMessage"] == "Welcome"
    gone = error(client.delete_keyword, OriginationIdentity=phone, Keyword="JOIN")
    assert gone["Error"]["Code"] == "ResourceNotFoundException"


def test_help_and_stop_keep_their_action_and_cannot_be_deleted(client: Any) -> None:
    phone = number(client)["PhoneNumberId"]
    changed = client.put_keyword(OriginationIdentity=phone, Keyword="STOP", KeywordMessage="Bye")
    assert (changed["KeywordAction"], changed["KeywordMessage"]) == ("OPT_OUT", "Bye")
    action = error(
        client.put_keyword,
        OriginationIdentity=phone,
        Keyword="HELP",
        KeywordMessage="x",
        KeywordAction="OPT_OUT",
    )
    assert action["Reason"] == "RESOURCE_MODIFICATION_NOT_ALLOWED"
    delete = error(client.delete_keyword, OriginationIdentity=phone, Keyword="stop")
    assert delete["Reason"] == "RESOURCE_MODIFICATION_NOT_ALLOWED"


def test_a_pool_inherits_keywords_and_owns_them_for_its_numbers(client: Any) -> None:
    phone = number(client)["PhoneNumberId"]
    client.put_keyword(OriginationIdentity=phone, Keyword="JOIN", KeywordMessage="Hi")
    pool = client.create_pool(
        OriginationIdentity=phone, IsoCountryCode="US", MessageType="TRANSACTIONAL"
    )["PoolId"]
    assert ("JOIN", "AUTOMATIC_RESPONSE") in words(
        client.describe_keywords(OriginationIdentity=pool)
    )
    refused = error(client.put_keyword, OriginationIdentity=phone, Keyword="X", KeywordMessage="x")
    assert refused["Reason"] == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    client.put_keyword(OriginationIdentity=pool, Keyword="DEALS", KeywordMessage="Deals!")
    through_number = client.describe_keywords(OriginationIdentity=phone)
    assert "DEALS" in [k for k, _ in words(through_number)]


def test_keyword_quotas() -> None:
    with mock_sms_voice_v2(quotas={"KEYWORDS_PER_PHONE_NUMBER": 3, "KEYWORDS_PER_POOL": 2}):
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        phone = number(client)["PhoneNumberId"]
        client.put_keyword(OriginationIdentity=phone, Keyword="A", KeywordMessage="a")
        client.put_keyword(OriginationIdentity=phone, Keyword="A", KeywordMessage="again")
        over = error(client.put_keyword, OriginationIdentity=phone, Keyword="B", KeywordMessage="b")
        assert over["Reason"] == "KEYWORDS_PER_PHONE_NUMBER"
        pool = client.create_pool(
            OriginationIdentity=number(client)["PhoneNumberId"],
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
        )
        full = error(
            client.put_keyword, OriginationIdentity=pool["PoolArn"], Keyword="B", KeywordMessage="b"
        )
        assert full["Reason"] == "KEYWORDS_PER_POOL"


def test_an_unknown_identity_is_not_found(client: Any) -> None:
    missing = error(client.describe_keywords, OriginationIdentity="pool-" + "0" * 32)
    assert missing["ResourceType"] == "pool"
    missing = error(client.describe_keywords, OriginationIdentity="phone-" + "0" * 32)
    assert missing["ResourceType"] == "phone-number"
