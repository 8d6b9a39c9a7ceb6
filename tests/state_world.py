"""A world that touches every resource kind, and everything the Describe calls show of it.

Shared by the export/import tests (tests/engine/test_snapshot.py) and the server ``--state``
tests (tests/test_state_file.py).
"""

from __future__ import annotations

import json
from typing import Any

from pinpoint_mock.engine import model
from pinpoint_mock.sms import SmsVoiceV2Mock

TOLL_FREE = "US_TOLL_FREE_REGISTRATION"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
POLICY = json.dumps({"Version": "2012-10-17", "Statement": []})


def _number(client: Any, number_type: str = "TOLL_FREE", **extra: Any) -> dict[str, Any]:
    result: dict[str, Any] = client.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType=number_type,
        **extra,
    )
    return result


def build(client: Any, sms: SmsVoiceV2Mock | None = None) -> dict[str, str]:
    """Fill the client's account and Region with one of every kind; returns some IDs.

    With ``sms`` (the mock's handle), reviews run too: denials with reasons, approvals with
    additional attributes, a provisioned sender ID, an archived version."""
    ids: dict[str, str] = {}
    # registrations: versions, field values, an attachment, associations, tags
    rid = client.create_registration(
        RegistrationType=TOLL_FREE, Tags=[{"Key": "team", "Value": "a"}], ClientToken="tok-1"
    )["RegistrationId"]
    ids["registration"] = rid
    attachment = client.create_registration_attachment(
        AttachmentBody=PNG, Tags=[{"Key": "k", "Value": "v"}], ClientToken="tok-2"
    )["RegistrationAttachmentId"]
    ids["attachment"] = attachment
    client.create_registration_attachment(AttachmentUrl="s3://bucket-name/opt-in.pdf")
    client.put_registration_field_value(
        RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue="Example Corp"
    )
    client.put_registration_field_value(
        RegistrationId=rid, FieldPath="companyInfo.businessType", SelectChoices=["NON_PROFIT"]
    )
    client.put_registration_field_value(
        RegistrationId=rid,
        FieldPath="messagingUseCase.optInImage",
        RegistrationAttachmentId=attachment,
    )
    phone = _number(client, RegistrationId=rid, Tags=[{"Key": "n", "Value": "1"}])
    ids["phone"] = phone["PhoneNumberId"]
    client.submit_registration_version(RegistrationId=rid)
    if sms is not None:
        sms.review(rid).begin().deny(
            reasons=[{"Reason": "Bad opt-in", "ShortDescription": "Fix the image"}],
            feedback="see the image",
        )
        client.create_registration_version(RegistrationId=rid)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).approve(additional_attributes={"SCORE": "75"})
        client.create_registration_version(RegistrationId=rid)
        client.submit_registration_version(RegistrationId=rid)
        sms.review(rid).approve()  # version 2 archived
        sender = client.create_registration(RegistrationType="AU_SENDER_ID_REGISTRATION")
        ids["sender_registration"] = sender["RegistrationId"]
        client.submit_registration_version(RegistrationId=sender["RegistrationId"])
        sms.review(sender["RegistrationId"]).approve()  # provisions a sender ID
        draft = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
        client.submit_registration_version(RegistrationId=draft)
        sms.review(draft).deny(reasons=[{"Reason": "r", "ShortDescription": "s"}])
        client.create_registration_version(RegistrationId=draft)
        client.discard_registration_version(RegistrationId=draft)
    gone = client.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    client.delete_registration(RegistrationId=gone)
    # origination identities, pools, keywords
    other = _number(client, "LONG_CODE", DeletionProtectionEnabled=True)
    ids["long_code"] = other["PhoneNumberId"]
    client.update_phone_number(PhoneNumberId=other["PhoneNumberId"], SelfManagedOptOutsEnabled=True)
    client.put_keyword(
        OriginationIdentity=other["PhoneNumberId"], Keyword="JOIN", KeywordMessage="Welcome"
    )
    sender_id = client.request_sender_id(
        SenderId="EXAMPLE", IsoCountryCode="DE", Tags=[{"Key": "s", "Value": "1"}]
    )
    ids["sender_id"] = sender_id["SenderIdArn"]
    client.create_opt_out_list(OptOutListName="vip", Tags=[{"Key": "o", "Value": "1"}])
    client.put_opted_out_number(OptOutListName="vip", OptedOutNumber="+12065550100")
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065550111")
    client.put_opted_out_number(OptOutListName="vip", OptedOutNumber="+12065550122")
    client.delete_opted_out_number(OptOutListName="vip", OptedOutNumber="+12065550122")
    pool = client.create_pool(
        OriginationIdentity=_number(client, "LONG_CODE")["PhoneNumberArn"],
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        Tags=[{"Key": "p", "Value": "1"}],
        ClientToken="tok-3",
    )
    ids["pool"] = pool["PoolId"]
    client.associate_origination_identity(
        PoolId=pool["PoolId"],
        OriginationIdentity=_number(client, "LONG_CODE")["PhoneNumberArn"],
        IsoCountryCode="US",
    )
    client.update_pool(PoolId=pool["PoolId"], OptOutListName="vip", DeletionProtectionEnabled=True)
    client.put_keyword(
        OriginationIdentity=pool["PoolId"],
        Keyword="INFO",
        KeywordMessage="Info",
        KeywordAction="AUTOMATIC_RESPONSE",
    )
    # configuration sets, event destinations, defaults
    client.create_configuration_set(ConfigurationSetName="main", Tags=[{"Key": "c", "Value": "1"}])
    client.create_event_destination(
        ConfigurationSetName="main",
        EventDestinationName="to-sns",
        MatchingEventTypes=["ALL"],
        SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:events"},
    )
    client.set_default_message_type(ConfigurationSetName="main", MessageType="PROMOTIONAL")
    client.set_default_sender_id(ConfigurationSetName="main", SenderId="EXAMPLE")
    if "SetDefaultMessageFeedbackEnabled" in model.operation_names():  # newer models
        client.set_default_message_feedback_enabled(
            ConfigurationSetName="main", MessageFeedbackEnabled=True
        )
    client.create_configuration_set(ConfigurationSetName="second")
    # resource policies
    client.put_resource_policy(ResourceArn=pool["PoolArn"], Policy=POLICY)
    client.put_resource_policy(ResourceArn=other["PhoneNumberArn"], Policy=POLICY)
    # sending: a message with events, a verified destination, the account's spend override
    sender = _number(client, "LONG_CODE")
    client.send_text_message(
        DestinationPhoneNumber="+12065550123",
        OriginationIdentity=sender["PhoneNumberId"],
        MessageBody="hello",
        ConfigurationSetName="main",
        Context={"order": "42"},
    )
    client.create_verified_destination_number(DestinationPhoneNumber="+12065550177")
    client.set_text_message_spend_limit_override(MonthlyLimit=5)
    # a protect configuration: rules, an override, in a set, the account default
    protect = client.create_protect_configuration(Tags=[{"Key": "Name", "Value": "otp"}])
    pid = ids["protect"] = protect["ProtectConfigurationId"]
    client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=pid,
        NumberCapability="VOICE",
        CountryRuleSetUpdates={"FR": {"ProtectStatus": "BLOCK"}},
    )
    if "PutProtectConfigurationRuleSetNumberOverride" in model.operation_names():  # newer
        client.put_protect_configuration_rule_set_number_override(
            ProtectConfigurationId=pid, DestinationPhoneNumber="+33612345678", Action="ALLOW"
        )
    client.associate_protect_configuration(ProtectConfigurationId=pid, ConfigurationSetName="main")
    client.set_account_default_protect_configuration(ProtectConfigurationId=pid)
    if "CreateNotifyConfiguration" in model.operation_names():  # newer models
        notify = client.create_notify_configuration(
            DisplayName="Example",
            UseCase="CODE_VERIFICATION",
            EnabledChannels=["SMS"],
            EnabledCountries=["US"],
            Tags=[{"Key": "n", "Value": "1"}],
        )["NotifyConfigurationId"]
        ids["notify"] = notify
        client.send_notify_text_message(
            NotifyConfigurationId=notify,
            DestinationPhoneNumber="+12065550123",
            TemplateId="notify-code-verification-english-001",
            TemplateVariables={"code": "1234"},
        )
    return ids


def _all_pages(client: Any, operation: str, key: str, **params: Any) -> list[Any]:
    items: list[Any] = []
    for page in client.get_paginator(operation).paginate(**params):
        items.extend(page[key])
    return items


def describe(client: Any) -> dict[str, Any]:
    """Everything the Describe, List and Get calls show of the client's account and Region."""
    seen: dict[str, Any] = {}
    registrations = _all_pages(client, "describe_registrations", "Registrations")
    seen["registrations"] = registrations
    for reg in registrations:
        rid = reg["RegistrationId"]
        seen[rid] = {
            "versions": _all_pages(
                client, "describe_registration_versions", "RegistrationVersions", RegistrationId=rid
            ),
            "values": _all_pages(
                client,
                "describe_registration_field_values",
                "RegistrationFieldValues",
                RegistrationId=rid,
            ),
            "associations": client.list_registration_associations(RegistrationId=rid)[
                "RegistrationAssociations"
            ],
            "tags": client.list_tags_for_resource(ResourceArn=reg["RegistrationArn"])["Tags"],
        }
    seen["attachments"] = _all_pages(
        client, "describe_registration_attachments", "RegistrationAttachments"
    )
    for attachment in seen["attachments"]:
        arn = attachment["RegistrationAttachmentArn"]
        seen[arn] = client.list_tags_for_resource(ResourceArn=arn)["Tags"]
    seen["phones"] = _all_pages(client, "describe_phone_numbers", "PhoneNumbers")
    seen["pools"] = _all_pages(client, "describe_pools", "Pools")
    seen["senders"] = _all_pages(client, "describe_sender_ids", "SenderIds")
    seen["lists"] = _all_pages(client, "describe_opt_out_lists", "OptOutLists")
    seen["sets"] = _all_pages(client, "describe_configuration_sets", "ConfigurationSets")
    for identity, arn in [(p["PhoneNumberId"], p["PhoneNumberArn"]) for p in seen["phones"]] + [
        (p["PoolId"], p["PoolArn"]) for p in seen["pools"]
    ]:
        seen[identity] = _all_pages(
            client, "describe_keywords", "Keywords", OriginationIdentity=identity
        )
        seen[arn] = client.list_tags_for_resource(ResourceArn=arn)["Tags"]
        try:
            policy = client.get_resource_policy(ResourceArn=arn)
            policy.pop("ResponseMetadata")
        except client.exceptions.ResourceNotFoundException:
            policy = None
        seen[f"policy {arn}"] = policy
    for pool in seen["pools"]:
        seen[f"members {pool['PoolId']}"] = client.list_pool_origination_identities(
            PoolId=pool["PoolId"]
        )["OriginationIdentities"]
    for listed in seen["lists"]:
        name = listed["OptOutListName"]
        seen[f"opted out {name}"] = _all_pages(
            client, "describe_opted_out_numbers", "OptedOutNumbers", OptOutListName=name
        )
    for entry in seen["senders"] + seen["sets"]:
        arn = entry.get("SenderIdArn") or entry["ConfigurationSetArn"]
        seen[arn] = client.list_tags_for_resource(ResourceArn=arn)["Tags"]
    seen["account"] = _all_pages(client, "describe_account_attributes", "AccountAttributes")
    seen["spend"] = _all_pages(client, "describe_spend_limits", "SpendLimits")
    seen["verified"] = _all_pages(
        client, "describe_verified_destination_numbers", "VerifiedDestinationNumbers"
    )
    seen["protect"] = _all_pages(client, "describe_protect_configurations", "ProtectConfigurations")
    for entry in seen["protect"]:
        pid = entry["ProtectConfigurationId"]
        seen[f"rules {pid}"] = client.get_protect_configuration_country_rule_set(
            ProtectConfigurationId=pid, NumberCapability="VOICE"
        )["CountryRuleSet"]
        if "ListProtectConfigurationRuleSetNumberOverrides" in model.operation_names():
            seen[f"overrides {pid}"] = client.list_protect_configuration_rule_set_number_overrides(
                ProtectConfigurationId=pid
            )["RuleSetNumberOverrides"]
    if "DescribeNotifyConfigurations" in model.operation_names():  # newer models
        seen["notify"] = _all_pages(
            client, "describe_notify_configurations", "NotifyConfigurations"
        )
        for entry in seen["notify"]:
            arn = entry["NotifyConfigurationArn"]
            seen[arn] = client.list_tags_for_resource(ResourceArn=arn)["Tags"]
    return seen
