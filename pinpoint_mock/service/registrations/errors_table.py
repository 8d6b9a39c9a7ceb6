"""Every error the mock answers, per operation, with its ``Reason`` and when it happens.

This table is documentation kept next to the operations that raise the errors:
``docs/errors.md`` is generated from it, and ``tests/service/registrations/test_errors_table.py``
triggers every row through boto3 (checking the code and the Reason) and fails when the
code mentions a Reason or an error code that no row lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from pinpoint_mock.engine import model

EVERY_OPERATION = "*"
OTHER_REQUESTS = "other"  # requests that name no operation the mock models


@dataclass(frozen=True)
class ErrorRow:
    case: str  # a short stable name; the test that triggers the row is keyed by it
    operation: str  # an operation name, EVERY_OPERATION or OTHER_REQUESTS
    code: str  # the error code botocore reports (``e.response["Error"]["Code"]``)
    reason: str | None  # the ``Reason`` member, when the error has one
    condition: str  # when the mock answers it, in the words of the docs
    resource_type: str | None = None  # the ``ResourceType`` member, where it is fixed


_UNDER_REVIEW = "SUBMITTED, AWS_REVIEWING, REVIEWING, REQUIRES_AUTHENTICATION"
_UNDER_REVIEW_ALL = _UNDER_REVIEW + ", REQUIRES_OFFLINE_REVIEW"
_DECIDED = "APPROVED, DENIED, DISCARDED or REVOKED"
_NO_REGISTRATION = (
    "`RegistrationId` names no registration of the caller's account and Region (an ARN of "
    "another account or Region names none either)"
)
_BAD_TOKEN = (
    "`NextToken` did not come from the same listing (same operation, parameters, account "
    "and Region) of this mock"
)


def _no_registration(case: str, operation: str) -> ErrorRow:
    return ErrorRow(
        case, operation, "ResourceNotFoundException", None, _NO_REGISTRATION, "registration"
    )


def _not_found(case: str, operation: str, condition: str, resource_type: str) -> ErrorRow:
    return ErrorRow(case, operation, "ResourceNotFoundException", None, condition, resource_type)


def _validation(case: str, operation: str, reason: str, condition: str) -> ErrorRow:
    return ErrorRow(case, operation, "ValidationException", reason, condition)


def _conflict(case: str, operation: str, reason: str, condition: str) -> ErrorRow:
    return ErrorRow(case, operation, "ConflictException", reason, condition)


def _quota(case: str, operation: str, reason: str, condition: str) -> ErrorRow:
    return ErrorRow(case, operation, "ServiceQuotaExceededException", reason, condition)


def _bad_token(case: str, operation: str) -> ErrorRow:
    return _validation(case, operation, "INVALID_NEXT_TOKEN", _BAD_TOKEN)


def _bad_filter(case: str, operation: str, filters: str) -> ErrorRow:
    return _validation(
        case,
        operation,
        "INVALID_FILTER_VALUES",
        f"a value of the {filters} filter is not one of its values",
    )


def _duplicate_tag(case: str, operation: str) -> ErrorRow:
    return _validation(
        case, operation, "FIELD_VALIDATION_FAILED", "the same tag key appears twice in `Tags`"
    )


def _tags_quota(case: str, operation: str) -> ErrorRow:
    return _option_quota(case, operation, "TAGS_PER_RESOURCE", "`Tags` holds more tags than that")


def _token_reused(case: str, operation: str) -> ErrorRow:
    return _conflict(
        case,
        operation,
        "RESOURCE_ALREADY_EXISTS",
        "the `ClientToken` was already used for this operation in this account and Region with "
        "different parameters (the same parameters return the first result)",
    )


def _option_quota(case: str, operation: str, quota: str, what: str) -> ErrorRow:
    return _quota(case, operation, quota, f"the `quotas` option sets `{quota}` and {what}")


_UNKNOWN_TYPE = (
    "`RegistrationType` is neither in the built-in catalogue nor given by the "
    "`registration_types` option"
)
_UNKNOWN_SECTION = "the section path is not a section of the type (for a type with definitions)"
_UNKNOWN_FIELD = "a field path is not a field of the type (for a type with definitions)"
_NO_ATTACHMENT = "no registration attachment of the caller's account and Region has that ID or ARN"
_NO_PHONE = "no phone number of the caller's account and Region has that ID or ARN"
_NO_ARN_HOLDER = (
    "the ARN names nothing this account holds in this Region (a registration, a registration "
    "attachment or a phone number); `ResourceType` is the ARN's kind"
)
_NO_PROTECT = (
    "`ProtectConfigurationId` names no protect configuration (ID or ARN) of this account and Region"
)
_NOT_SMS_VOICE = "`ResourceArn` is not an sms-voice ARN (`arn:aws:sms-voice:...`)"


# The spend limits' channels, from the model (TEXT, VOICE, MEDIA, NOTIFY, and RCS when known).
_SPEND_CHANNELS = tuple(
    name.removesuffix("_MESSAGE_MONTHLY_SPEND_LIMIT") for name in model.enum("SpendLimitName")
)

ROWS: tuple[ErrorRow, ...] = (
    # -- every operation -------------------------------------------------------------------
    ErrorRow(
        "constraint",
        EVERY_OPERATION,
        "ValidationException",
        "FIELD_VALIDATION_FAILED",
        "a member breaks a constraint of the service model that botocore does not check "
        "itself (maximum length, pattern, enum, list size, range); `Fields` names each one",
    ),
    ErrorRow(
        "wrong-type",
        EVERY_OPERATION,
        "SerializationException",
        None,
        "the body is not a JSON object, or a member has the wrong JSON type (only callers "
        "that skip botocore's own validation can send this)",
    ),
    ErrorRow(
        "bug",
        EVERY_OPERATION,
        "InternalServerException",
        None,
        "pinpoint-mock itself failed (a bug: the message names it; please report it)",
    ),
    # -- requests for no modelled operation ------------------------------------------------
    ErrorRow(
        "not-modelled",
        OTHER_REQUESTS,
        "NotImplemented",
        None,
        "an operation of the service that pinpoint-mock does not model (the message names "
        "it and lists those it does); it fails at once, is not retried and is sent nowhere",
    ),
    ErrorRow(
        "unknown-operation",
        OTHER_REQUESTS,
        "UnknownOperationException",
        None,
        "`X-Amz-Target` names no operation of `PinpointSMSVoiceV2` (hand-made HTTP requests)",
    ),
    # -- CreateRegistration ----------------------------------------------------------------
    _validation("unknown-type", "CreateRegistration", "UNKNOWN_REGISTRATION_TYPE", _UNKNOWN_TYPE),
    _duplicate_tag("duplicate-tag", "CreateRegistration"),
    _tags_quota("create-tags-quota", "CreateRegistration"),
    _token_reused("token-reused", "CreateRegistration"),
    _option_quota(
        "registrations-quota",
        "CreateRegistration",
        "REGISTRATIONS_PER_ACCOUNT",
        "the account already holds that many registrations in this Region",
    ),
    # -- CreateRegistrationVersion ---------------------------------------------------------
    _no_registration("version-not-found", "CreateRegistrationVersion"),
    _conflict(
        "version-while-open",
        "CreateRegistrationVersion",
        "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
        f"the current version is DRAFT or under review ({_UNDER_REVIEW_ALL})",
    ),
    _conflict(
        "version-closed",
        "CreateRegistrationVersion",
        "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
        "the registration is CLOSED",
    ),
    _option_quota(
        "versions-quota",
        "CreateRegistrationVersion",
        "REGISTRATION_VERSIONS_CREATED_PER_DAY",
        "that many versions were created in this account and Region in the last 24 hours",
    ),
    # -- SubmitRegistrationVersion ---------------------------------------------------------
    _no_registration("submit-not-found", "SubmitRegistrationVersion"),
    _conflict(
        "submit-twice",
        "SubmitRegistrationVersion",
        "REGISTRATION_ALREADY_SUBMITTED",
        f"the current version is under review ({_UNDER_REVIEW_ALL})",
    ),
    _conflict(
        "submit-decided",
        "SubmitRegistrationVersion",
        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
        f"there is no draft: the current version is {_DECIDED} (create a new version first)",
    ),
    _conflict(
        "submit-closed",
        "SubmitRegistrationVersion",
        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
        "the registration is CLOSED",
    ),
    _conflict(
        "submit-without-association",
        "SubmitRegistrationVersion",
        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
        "with the `check_fields` option: the type associates a resource before submit "
        "(`ASSOCIATE_BEFORE_SUBMIT`, e.g. a toll-free number) and none is associated",
    ),
    # -- DiscardRegistrationVersion --------------------------------------------------------
    _no_registration("discard-not-found", "DiscardRegistrationVersion"),
    _conflict(
        "discard-first-draft",
        "DiscardRegistrationVersion",
        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
        "the only version is the first DRAFT (delete the registration instead)",
    ),
    _conflict(
        "discard-decided",
        "DiscardRegistrationVersion",
        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
        f"the current version is {_DECIDED}",
    ),
    _conflict(
        "discard-closed",
        "DiscardRegistrationVersion",
        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
        "the registration is CLOSED",
    ),
    # -- DeleteRegistration ----------------------------------------------------------------
    _no_registration("delete-not-found", "DeleteRegistration"),
    _conflict(
        "delete-under-review",
        "DeleteRegistration",
        "RESOURCE_DELETION_NOT_ALLOWED",
        f"the registration is {_UNDER_REVIEW} or PROVISIONING",
    ),
    _conflict(
        "delete-with-numbers",
        "DeleteRegistration",
        "RESOURCE_DELETION_NOT_ALLOWED",
        "phone numbers are still associated and the type's disassociation behaviour is not "
        "`DELETE_REGISTRATION_DISASSOCIATES` (release them first)",
    ),
    _conflict(
        "delete-associated-under-review",
        "DeleteRegistration",
        "RESOURCE_DELETION_NOT_ALLOWED",
        "another registration that holds this one as an association (a 10DLC campaign or "
        "vetting of this brand) is under review",
    ),
    # -- DescribeRegistrations -------------------------------------------------------------
    _not_found(
        "describe-unknown-id",
        "DescribeRegistrations",
        "an ID or ARN in `RegistrationIds` names no registration of the caller's account "
        "and Region (or a deleted one)",
        "registration",
    ),
    _bad_filter("describe-bad-filter", "DescribeRegistrations", "`registration-status`"),
    _bad_token("describe-bad-token", "DescribeRegistrations"),
    # -- DescribeRegistrationVersions ------------------------------------------------------
    _no_registration("versions-not-found", "DescribeRegistrationVersions"),
    _validation(
        "versions-unknown-number",
        "DescribeRegistrationVersions",
        "UNKNOWN_REGISTRATION_VERSION",
        "a number in `VersionNumbers` is not a version of the registration",
    ),
    _bad_filter(
        "versions-bad-filter", "DescribeRegistrationVersions", "`registration-version-status`"
    ),
    _bad_token("versions-bad-token", "DescribeRegistrationVersions"),
    # -- DescribeRegistrationTypeDefinitions -----------------------------------------------
    _validation(
        "type-definitions-unknown-type",
        "DescribeRegistrationTypeDefinitions",
        "UNKNOWN_REGISTRATION_TYPE",
        "a name in `RegistrationTypes` is not a registration type the mock accepts",
    ),
    _bad_token("type-definitions-bad-token", "DescribeRegistrationTypeDefinitions"),
    # -- DescribeRegistrationSectionDefinitions --------------------------------------------
    _validation(
        "section-definitions-unknown-type",
        "DescribeRegistrationSectionDefinitions",
        "UNKNOWN_REGISTRATION_TYPE",
        _UNKNOWN_TYPE,
    ),
    _validation(
        "section-definitions-unknown-section",
        "DescribeRegistrationSectionDefinitions",
        "UNKNOWN_REGISTRATION_SECTION",
        "a path in `SectionPaths` is not a section of the type (for a type with definitions)",
    ),
    _bad_token("section-definitions-bad-token", "DescribeRegistrationSectionDefinitions"),
    # -- DescribeRegistrationFieldDefinitions ----------------------------------------------
    _validation(
        "field-definitions-unknown-type",
        "DescribeRegistrationFieldDefinitions",
        "UNKNOWN_REGISTRATION_TYPE",
        _UNKNOWN_TYPE,
    ),
    _validation(
        "field-definitions-unknown-section",
        "DescribeRegistrationFieldDefinitions",
        "UNKNOWN_REGISTRATION_SECTION",
        _UNKNOWN_SECTION,
    ),
    _validation(
        "field-definitions-unknown-field",
        "DescribeRegistrationFieldDefinitions",
        "UNKNOWN_REGISTRATION_FIELD",
        _UNKNOWN_FIELD,
    ),
    _bad_token("field-definitions-bad-token", "DescribeRegistrationFieldDefinitions"),
    # -- PutRegistrationFieldValue ---------------------------------------------------------
    _no_registration("put-value-not-found", "PutRegistrationFieldValue"),
    _validation(
        "put-value-missing",
        "PutRegistrationFieldValue",
        "MISSING_PARAMETER",
        "none of `TextValue`, `SelectChoices` and `RegistrationAttachmentId` is given",
    ),
    _validation(
        "put-value-several",
        "PutRegistrationFieldValue",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        "more than one of `TextValue`, `SelectChoices` and `RegistrationAttachmentId` is given",
    ),
    _validation(
        "put-value-unknown-field",
        "PutRegistrationFieldValue",
        "UNKNOWN_REGISTRATION_FIELD",
        "`FieldPath` is not a field of the registration's type (for a type with definitions)",
    ),
    _validation(
        "put-value-invalid",
        "PutRegistrationFieldValue",
        "INVALID_PARAMETER",
        "the value member does not match the field's type (TEXT, SELECT, ATTACHMENT), or the "
        "value breaks the field's definition (length, pattern, choices)",
    ),
    _conflict(
        "put-value-not-draft",
        "PutRegistrationFieldValue",
        "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
        "the current version is not a DRAFT, or the registration is CLOSED",
    ),
    _not_found(
        "put-value-no-attachment",
        "PutRegistrationFieldValue",
        "`RegistrationAttachmentId` names no attachment of the caller's account and Region",
        "registration-attachment",
    ),
    # -- DeleteRegistrationFieldValue ------------------------------------------------------
    _no_registration("delete-value-not-found", "DeleteRegistrationFieldValue"),
    _validation(
        "delete-value-unknown-field",
        "DeleteRegistrationFieldValue",
        "UNKNOWN_REGISTRATION_FIELD",
        "`FieldPath` is not a field of the registration's type (for a type with definitions)",
    ),
    _validation(
        "delete-value-required",
        "DeleteRegistrationFieldValue",
        "REGISTRATION_FIELD_CANNOT_BE_DELETED",
        "the field is REQUIRED: its value can be replaced, not deleted",
    ),
    _conflict(
        "delete-value-not-draft",
        "DeleteRegistrationFieldValue",
        "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
        "the current version is not a DRAFT, or the registration is CLOSED",
    ),
    # -- DescribeRegistrationFieldValues ---------------------------------------------------
    _no_registration("values-not-found", "DescribeRegistrationFieldValues"),
    _validation(
        "values-unknown-version",
        "DescribeRegistrationFieldValues",
        "UNKNOWN_REGISTRATION_VERSION",
        "`VersionNumber` is not a version of the registration",
    ),
    _validation(
        "values-unknown-section",
        "DescribeRegistrationFieldValues",
        "UNKNOWN_REGISTRATION_SECTION",
        _UNKNOWN_SECTION,
    ),
    _validation(
        "values-unknown-field",
        "DescribeRegistrationFieldValues",
        "UNKNOWN_REGISTRATION_FIELD",
        _UNKNOWN_FIELD,
    ),
    _bad_token("values-bad-token", "DescribeRegistrationFieldValues"),
    # -- CreateRegistrationAttachment ------------------------------------------------------
    _validation(
        "attachment-both",
        "CreateRegistrationAttachment",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        "both `AttachmentBody` and `AttachmentUrl` are given",
    ),
    _validation(
        "attachment-neither",
        "CreateRegistrationAttachment",
        "MISSING_PARAMETER",
        "neither `AttachmentBody` nor `AttachmentUrl` is given",
    ),
    _validation(
        "attachment-bad-url",
        "CreateRegistrationAttachment",
        "INVALID_PARAMETER",
        "`AttachmentUrl` is not of the form `s3://bucket/key`",
    ),
    _validation(
        "attachment-bad-type",
        "CreateRegistrationAttachment",
        "ATTACHMENT_TYPE_NOT_SUPPORTED",
        "the body is not a PDF, PNG or JPEG file, or the URL's key does not end in .pdf, "
        ".png, .jpg or .jpeg",
    ),
    _validation(
        "attachment-too-big",
        "CreateRegistrationAttachment",
        "MAXIMUM_SIZE_EXCEEDED",
        "the body is larger than 500 KB",
    ),
    _duplicate_tag("attachment-duplicate-tag", "CreateRegistrationAttachment"),
    _tags_quota("attachment-tags-quota", "CreateRegistrationAttachment"),
    _token_reused("attachment-token-reused", "CreateRegistrationAttachment"),
    _option_quota(
        "attachments-quota",
        "CreateRegistrationAttachment",
        "REGISTRATION_ATTACHMENTS_PER_ACCOUNT",
        "the account already holds that many attachments in this Region",
    ),
    _option_quota(
        "attachments-per-day-quota",
        "CreateRegistrationAttachment",
        "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY",
        "that many attachments were created in this account and Region in the last 24 hours",
    ),
    # -- DescribeRegistrationAttachments ---------------------------------------------------
    _not_found(
        "attachments-unknown-id",
        "DescribeRegistrationAttachments",
        "an ID or ARN in `RegistrationAttachmentIds`: " + _NO_ATTACHMENT,
        "registration-attachment",
    ),
    _bad_filter("attachments-bad-filter", "DescribeRegistrationAttachments", "`attachment-status`"),
    _bad_token("attachments-bad-token", "DescribeRegistrationAttachments"),
    # -- DeleteRegistrationAttachment ------------------------------------------------------
    _not_found(
        "delete-attachment-not-found",
        "DeleteRegistrationAttachment",
        _NO_ATTACHMENT,
        "registration-attachment",
    ),
    # -- CreateRegistrationAssociation -----------------------------------------------------
    _no_registration("associate-not-found", "CreateRegistrationAssociation"),
    _not_found(
        "associate-no-resource",
        "CreateRegistrationAssociation",
        "`ResourceId` names no registration or phone number of the caller's account and "
        "Region; `ResourceType` is the kind the ID or ARN names",
        "phone-number",
    ),
    _validation(
        "associate-wrong-kind",
        "CreateRegistrationAssociation",
        "INVALID_REGISTRATION_ASSOCIATION",
        "the registration's type does not take that kind of resource, takes it only on "
        "approval (`ASSOCIATE_ON_APPROVAL`), or the resource is the registration itself",
    ),
    _validation(
        "associate-wrong-country",
        "CreateRegistrationAssociation",
        "COUNTRY_CODE_MISMATCH",
        "the phone number's country is not the one the registration's type takes",
    ),
    _conflict(
        "associate-twice",
        "CreateRegistrationAssociation",
        "RESOURCE_ALREADY_ASSOCIATED",
        "the resource is already associated with the registration, or the registration "
        "already holds a registration of that type (`RESOURCE_ALREADY_EXISTS` where the "
        "installed model lacks this Reason)",
    ),
    _conflict(
        "associate-number-taken",
        "CreateRegistrationAssociation",
        "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION",
        "the phone number is already associated with another registration",
    ),
    _conflict(
        "associate-not-complete",
        "CreateRegistrationAssociation",
        "REGISTRATION_NOT_COMPLETE",
        "the registration to associate is not COMPLETE, or the type associates only after "
        "completion (`ASSOCIATE_AFTER_COMPLETE`) and the registration is not COMPLETE yet",
    ),
    _conflict(
        "associate-under-review",
        "CreateRegistrationAssociation",
        "REGISTRATION_ALREADY_SUBMITTED",
        f"the registration's current version is under review ({_UNDER_REVIEW_ALL})",
    ),
    _conflict(
        "associate-closed",
        "CreateRegistrationAssociation",
        "RESOURCE_MODIFICATION_NOT_ALLOWED",
        "the registration is CLOSED",
    ),
    _option_quota(
        "associations-quota",
        "CreateRegistrationAssociation",
        "ASSOCIATIONS_PER_REGISTRATION",
        "the registration already has that many associations",
    ),
    _option_quota(
        "numbers-per-registration-quota",
        "CreateRegistrationAssociation",
        "PHONE_NUMBERS_PER_REGISTRATION",
        "the registration already has that many phone numbers",
    ),
    # -- ListRegistrationAssociations ------------------------------------------------------
    _no_registration("list-associations-not-found", "ListRegistrationAssociations"),
    _bad_token("list-associations-bad-token", "ListRegistrationAssociations"),
    # -- TagResource, UntagResource, ListTagsForResource ----------------------------------
    _validation("tag-bad-arn", "TagResource", "INVALID_ARN", _NOT_SMS_VOICE),
    _not_found("tag-not-found", "TagResource", _NO_ARN_HOLDER, "registration"),
    _duplicate_tag("tag-duplicate", "TagResource"),
    _option_quota(
        "tags-quota",
        "TagResource",
        "TAGS_PER_RESOURCE",
        "the resource would hold more tags than that",
    ),
    _validation("untag-bad-arn", "UntagResource", "INVALID_ARN", _NOT_SMS_VOICE),
    _not_found("untag-not-found", "UntagResource", _NO_ARN_HOLDER, "registration"),
    _validation("list-tags-bad-arn", "ListTagsForResource", "INVALID_ARN", _NOT_SMS_VOICE),
    _not_found("list-tags-not-found", "ListTagsForResource", _NO_ARN_HOLDER, "registration"),
    # -- RequestPhoneNumber ----------------------------------------------------------------
    _validation(
        "request-number-unavailable",
        "RequestPhoneNumber",
        "INVALID_PARAMETER",
        "the mock has no numbers of that `NumberType` in that country (it hands out numbers "
        "from fictional ranges only: toll-free, 10DLC, long codes and simulator numbers in the "
        "US, toll-free and long codes in Canada, long codes in the UK)",
    ),
    _validation(
        "request-number-preference-elsewhere",
        "RequestPhoneNumber",
        "INVALID_PARAMETER",
        "`NumberPreference` is given for other than `TEN_DLC` numbers in the `US` (AWS offers "
        "number preferences there only)",
    ),
    _validation(
        "request-number-preference-unmatched",
        "RequestPhoneNumber",
        "INVALID_PARAMETER",
        "no number the account could still request matches `NumberPreference` "
        "(ListAvailablePhoneNumbers lists them)",
    ),
    _not_found(
        "request-number-no-pool",
        "RequestPhoneNumber",
        "`PoolId` is given: the mock holds no pools",
        "pool",
    ),
    _not_found(
        "request-number-no-opt-out-list",
        "RequestPhoneNumber",
        "`OptOutListName` names no opt-out list of this account and Region (`Default` always "
        "exists; others come from CreateOptOutList)",
        "opt-out-list",
    ),
    _no_registration("request-number-no-registration", "RequestPhoneNumber"),
    _validation(
        "request-number-wrong-registration",
        "RequestPhoneNumber",
        "INVALID_REGISTRATION_ASSOCIATION",
        "with `RegistrationId`: the number cannot be associated with that registration (every "
        "refusal of CreateRegistrationAssociation applies, with its own Reason)",
    ),
    _duplicate_tag("request-number-duplicate-tag", "RequestPhoneNumber"),
    _tags_quota("request-number-tags-quota", "RequestPhoneNumber"),
    _token_reused("request-number-token-reused", "RequestPhoneNumber"),
    _quota(
        "numbers-quota",
        "RequestPhoneNumber",
        "PHONE_NUMBERS_PER_ACCOUNT",
        "the `quotas` option sets `PHONE_NUMBERS_PER_ACCOUNT` and the account already holds "
        "that many numbers in this Region, or the fictional range is used up",
    ),
    # -- DescribePhoneNumbers --------------------------------------------------------------
    _not_found(
        "numbers-unknown-id",
        "DescribePhoneNumbers",
        "an ID or ARN in `PhoneNumberIds`: " + _NO_PHONE,
        "phone-number",
    ),
    _bad_filter(
        "numbers-bad-filter",
        "DescribePhoneNumbers",
        "`status`, `message-type`, `number-capability`, `number-type` or a true/false",
    ),
    _bad_token("numbers-bad-token", "DescribePhoneNumbers"),
    # -- ReleasePhoneNumber ----------------------------------------------------------------
    _not_found("release-not-found", "ReleasePhoneNumber", _NO_PHONE, "phone-number"),
    _conflict(
        "release-protected",
        "ReleasePhoneNumber",
        "DELETION_PROTECTION_ENABLED",
        "the number has deletion protection enabled",
    ),
    _conflict(
        "release-under-review",
        "ReleasePhoneNumber",
        "RESOURCE_MODIFICATION_NOT_ALLOWED",
        "the number belongs to a registration whose current version is under review",
    ),
    _conflict(
        "release-pooled",
        "ReleasePhoneNumber",
        "PHONE_NUMBER_ASSOCIATED_TO_POOL",
        "the number is in a pool (disassociate it first)",
    ),
    # -- UpdatePhoneNumber -----------------------------------------------------------------
    _not_found("update-number-not-found", "UpdatePhoneNumber", _NO_PHONE, "phone-number"),
    _conflict(
        "update-number-pooled",
        "UpdatePhoneNumber",
        "PHONE_NUMBER_ASSOCIATED_TO_POOL",
        "the number is in a pool and the request changes a setting the pool governs (opt-out "
        "list, two-way, self-managed opt-outs)",
    ),
    _validation(
        "update-number-no-channel",
        "UpdatePhoneNumber",
        "TWO_WAY_CHANNEL_NOT_PRESENT",
        "`TwoWayEnabled` is true and no `TwoWayChannelArn` is given or set",
    ),
    _not_found(
        "update-number-no-list",
        "UpdatePhoneNumber",
        "`OptOutListName` names no opt-out list of this account and Region",
        "opt-out-list",
    ),
    # -- CreatePool ------------------------------------------------------------------------
    _not_found(
        "create-pool-no-identity",
        "CreatePool",
        "`OriginationIdentity`: " + _NO_PHONE,
        "phone-number",
    ),
    _conflict(
        "create-pool-message-type",
        "CreatePool",
        "MESSAGE_TYPE_MISMATCH",
        "the number's message type is not the requested `MessageType`",
    ),
    _conflict(
        "create-pool-number-pooled",
        "CreatePool",
        "PHONE_NUMBER_ASSOCIATED_TO_POOL",
        "the number is in another pool already",
    ),
    _option_quota("pools-quota", "CreatePool", "POOLS_PER_ACCOUNT", "pools"),
    _duplicate_tag("create-pool-duplicate-tag", "CreatePool"),
    _token_reused("create-pool-token-reused", "CreatePool"),
    # -- DescribePools ---------------------------------------------------------------------
    _not_found(
        "pools-unknown-id",
        "DescribePools",
        "an ID or ARN in `PoolIds` names no pool of this account and Region",
        "pool",
    ),
    _validation(
        "pools-owner-and-ids",
        "DescribePools",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        "both `Owner` and `PoolIds` are given (the same on DescribePhoneNumbers and "
        "DescribeOptOutLists)",
    ),
    _bad_filter("pools-bad-filter", "DescribePools", "`status`, `message-type` or a true/false"),
    _bad_token("pools-bad-token", "DescribePools"),
    # -- UpdatePool ------------------------------------------------------------------------
    _not_found("update-pool-not-found", "UpdatePool", "no pool of that ID or ARN here", "pool"),
    _validation(
        "update-pool-no-channel",
        "UpdatePool",
        "TWO_WAY_CHANNEL_NOT_PRESENT",
        "`TwoWayEnabled` is true and no `TwoWayChannelArn` is given or set",
    ),
    # -- DeletePool ------------------------------------------------------------------------
    _not_found("delete-pool-not-found", "DeletePool", "no pool of that ID or ARN here", "pool"),
    _conflict(
        "delete-pool-protected",
        "DeletePool",
        "DELETION_PROTECTION_ENABLED",
        "the pool has deletion protection enabled",
    ),
    _conflict(
        "delete-pool-notify",
        "DeletePool",
        "POOL_ASSOCIATED_TO_NOTIFY_CONFIGURATION",
        "a Notify configuration names the pool as its `PoolId`",
    ),
    # -- AssociateOriginationIdentity ------------------------------------------------------
    _not_found(
        "associate-identity-no-pool",
        "AssociateOriginationIdentity",
        "no pool of that ID or ARN here",
        "pool",
    ),
    _conflict(
        "associate-identity-twice",
        "AssociateOriginationIdentity",
        "RESOURCE_ALREADY_ASSOCIATED",
        "the number is in this pool already",
    ),
    _conflict(
        "associate-identity-other-pool",
        "AssociateOriginationIdentity",
        "PHONE_NUMBER_ASSOCIATED_TO_POOL",
        "the number is in another pool",
    ),
    _conflict(
        "associate-identity-message-type",
        "AssociateOriginationIdentity",
        "MESSAGE_TYPE_MISMATCH",
        "the number's message type differs from the pool's",
    ),
    _conflict(
        "associate-identity-opt-out-list",
        "AssociateOriginationIdentity",
        "OPT_OUT_LIST_MISMATCH",
        "the number's opt-out list differs from the pool's",
    ),
    _conflict(
        "associate-identity-self-managed",
        "AssociateOriginationIdentity",
        "SELF_MANAGED_OPT_OUTS_MISMATCH",
        "the number's self-managed opt-out setting differs from the pool's",
    ),
    _conflict(
        "associate-identity-two-way",
        "AssociateOriginationIdentity",
        "TWO_WAY_CONFIG_MISMATCH",
        "the number's two-way setting differs from the pool's, or, two-way on, its channel",
    ),
    _option_quota(
        "identities-per-pool-quota",
        "AssociateOriginationIdentity",
        "ORIGINATION_IDENTITIES_PER_POOL",
        "origination identities in the pool",
    ),
    # -- DisassociateOriginationIdentity ---------------------------------------------------
    _conflict(
        "disassociate-identity-not-in-pool",
        "DisassociateOriginationIdentity",
        "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL",
        "the number is not in that pool",
    ),
    _conflict(
        "disassociate-identity-last",
        "DisassociateOriginationIdentity",
        "LAST_PHONE_NUMBER",
        "the number is the pool's only origination identity (delete the pool instead)",
    ),
    # -- ListPoolOriginationIdentities -----------------------------------------------------
    _not_found(
        "pool-identities-no-pool",
        "ListPoolOriginationIdentities",
        "no pool of that ID or ARN here",
        "pool",
    ),
    _bad_filter(
        "pool-identities-bad-filter", "ListPoolOriginationIdentities", "`number-capability`"
    ),
    # -- configuration sets ----------------------------------------------------------------
    _conflict(
        "configuration-set-exists",
        "CreateConfigurationSet",
        "RESOURCE_ALREADY_EXISTS",
        "a configuration set of that name already exists in this account and Region",
    ),
    _option_quota(
        "configuration-sets-quota",
        "CreateConfigurationSet",
        "CONFIGURATION_SETS_PER_ACCOUNT",
        "the account already holds that many configuration sets in this Region",
    ),
    _duplicate_tag("configuration-set-duplicate-tag", "CreateConfigurationSet"),
    _token_reused("configuration-set-token-reused", "CreateConfigurationSet"),
    _not_found(
        "configuration-sets-unknown-name",
        "DescribeConfigurationSets",
        "a name or ARN in `ConfigurationSetNames` names no configuration set here",
        "configuration-set",
    ),
    _bad_filter(
        "configuration-sets-bad-filter",
        "DescribeConfigurationSets",
        "`matching-event-types`, `default-message-type` or a true/false",
    ),
    _bad_token("configuration-sets-bad-token", "DescribeConfigurationSets"),
    _not_found(
        "delete-configuration-set-not-found",
        "DeleteConfigurationSet",
        "no configuration set of that name or ARN here",
        "configuration-set",
    ),
    _validation(
        "event-destination-missing-sink",
        "CreateEventDestination",
        "MISSING_PARAMETER",
        "none of `CloudWatchLogsDestination`, `KinesisFirehoseDestination`, `SnsDestination`",
    ),
    _validation(
        "event-destination-two-sinks",
        "CreateEventDestination",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        "more than one of `CloudWatchLogsDestination`, `KinesisFirehoseDestination`, "
        "`SnsDestination` (also on UpdateEventDestination)",
    ),
    _validation(
        "event-destination-text-sent",
        "CreateEventDestination",
        "INVALID_PARAMETER",
        "`MatchingEventTypes` holds `TEXT_SENT`, which cannot be matched",
    ),
    _conflict(
        "event-destination-exists",
        "CreateEventDestination",
        "RESOURCE_ALREADY_EXISTS",
        "the set has an event destination of that name",
    ),
    _quota(
        "event-destinations-quota",
        "CreateEventDestination",
        "EVENT_DESTINATIONS_PER_CONFIGURATION_SET",
        "the set has 5 event destinations (or the number the `quotas` option sets)",
    ),
    *(
        _not_found(
            f"{operation}-no-set",
            operation,
            "no configuration set of that name or ARN here",
            "configuration-set",
        )
        for operation in (
            "CreateEventDestination",
            "UpdateEventDestination",
            "SetDefaultSenderId",
            "DeleteDefaultSenderId",
            "SetDefaultMessageType",
            "DeleteDefaultMessageType",
            "SetDefaultMessageFeedbackEnabled",
        )
    ),
    _conflict(
        "event-destination-kind-change",
        "UpdateEventDestination",
        "EVENT_DESTINATION_MISMATCH",
        "the update gives a destination of another kind than the event destination's",
    ),
    _not_found(
        "event-destination-not-found",
        "DeleteEventDestination",
        "the set has no event destination of that name (also on UpdateEventDestination)",
        "event-destination",
    ),
    # -- sender IDs ------------------------------------------------------------------------
    _validation(
        "sender-id-not-supported",
        "RequestSenderId",
        "SENDER_ID_NOT_SUPPORTED",
        "the country carries no sender IDs (US, CA, CN)",
    ),
    _validation(
        "sender-id-requires-registration",
        "RequestSenderId",
        "SENDER_ID_REQUIRES_REGISTRATION",
        "the country takes sender IDs only through a registration (a country of a "
        "`<ISO2>_SENDER_ID_REGISTRATION` type, IN, SG)",
    ),
    _conflict(
        "sender-id-exists",
        "RequestSenderId",
        "RESOURCE_ALREADY_EXISTS",
        "the account has that sender ID in that country already",
    ),
    _option_quota("sender-ids-quota", "RequestSenderId", "SENDER_IDS_PER_ACCOUNT", "sender IDs"),
    _duplicate_tag("sender-id-duplicate-tag", "RequestSenderId"),
    _token_reused("sender-id-token-reused", "RequestSenderId"),
    _not_found(
        "sender-ids-unknown",
        "DescribeSenderIds",
        "a `SenderIds` entry names no sender ID of this account and Region in that country "
        "(also on UpdateSenderId and ReleaseSenderId)",
        "sender-id",
    ),
    _validation(
        "sender-ids-owner-and-ids",
        "DescribeSenderIds",
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        "both `Owner` and `SenderIds` are given",
    ),
    _bad_filter("sender-ids-bad-filter", "DescribeSenderIds", "`message-type` or a true/false"),
    _bad_token("sender-ids-bad-token", "DescribeSenderIds"),
    _not_found("update-sender-id-not-found", "UpdateSenderId", "no such sender ID", "sender-id"),
    _conflict(
        "release-sender-id-protected",
        "ReleaseSenderId",
        "DELETION_PROTECTION_ENABLED",
        "the sender ID has deletion protection enabled",
    ),
    _conflict(
        "release-sender-id-pooled",
        "ReleaseSenderId",
        "SENDER_ID_ASSOCIATED_TO_POOL",
        "the sender ID is in a pool",
    ),
    _validation(
        "create-pool-sender-without-country",
        "CreatePool",
        "MISSING_PARAMETER",
        "`OriginationIdentity` is a sender ID and no `IsoCountryCode` is given (also on "
        "Associate/DisassociateOriginationIdentity)",
    ),
    # -- keywords --------------------------------------------------------------------------
    *(
        _not_found(
            f"{operation}-no-identity",
            operation,
            "`OriginationIdentity` names no phone number (or, for a `pool-` ID or a pool ARN, "
            "no pool) of this account and Region",
            "phone-number",
        )
        for operation in ("PutKeyword", "DescribeKeywords", "DeleteKeyword")
    ),
    _conflict(
        "keyword-pooled-number",
        "PutKeyword",
        "PHONE_NUMBER_ASSOCIATED_TO_POOL",
        "the number is in a pool, whose keywords it uses (also on DeleteKeyword)",
    ),
    _conflict(
        "keyword-default-action",
        "PutKeyword",
        "RESOURCE_MODIFICATION_NOT_ALLOWED",
        "the keyword is HELP or STOP and the request changes its action",
    ),
    _option_quota(
        "keywords-per-number-quota",
        "PutKeyword",
        "KEYWORDS_PER_PHONE_NUMBER",
        "the number has that many keywords (HELP and STOP count)",
    ),
    _option_quota(
        "keywords-per-pool-quota",
        "PutKeyword",
        "KEYWORDS_PER_POOL",
        "the pool has that many keywords (HELP and STOP count)",
    ),
    _not_found(
        "describe-keywords-unknown",
        "DescribeKeywords",
        "a keyword in `Keywords` is not one of the identity's",
        "keyword",
    ),
    _bad_filter("keywords-bad-filter", "DescribeKeywords", "`keyword-action`"),
    _not_found(
        "delete-keyword-unknown", "DeleteKeyword", "the identity has no such keyword", "keyword"
    ),
    _conflict(
        "delete-keyword-default",
        "DeleteKeyword",
        "RESOURCE_MODIFICATION_NOT_ALLOWED",
        "the keyword is HELP or STOP",
    ),
    # -- opted-out numbers -----------------------------------------------------------------
    *(
        _not_found(
            f"{operation}-no-list",
            operation,
            "`OptOutListName` names no opt-out list of this account and Region",
            "opt-out-list",
        )
        for operation in (
            "PutOptedOutNumber",
            "DescribeOptedOutNumbers",
            "DeleteOptedOutNumber",
        )
    ),
    _not_found(
        "opted-out-unknown",
        "DescribeOptedOutNumbers",
        "a number in `OptedOutNumbers` is not on the list (also on DeleteOptedOutNumber)",
        "opted-out-number",
    ),
    _bad_filter("opted-out-bad-filter", "DescribeOptedOutNumbers", "`end-user-opted-out`"),
    _conflict(
        "opted-out-delete-again",
        "DeleteOptedOutNumber",
        "RESOURCE_MODIFICATION_NOT_ALLOWED",
        "the number came off this list less than 30 days ago (a number comes off a list at "
        "most once every 30 days)",
    ),
    # -- resource policies -----------------------------------------------------------------
    *(
        _validation(
            f"{operation}-not-shareable",
            operation,
            "INVALID_ARN",
            "`ResourceArn` is not the ARN of a phone number, pool, opt-out list or sender ID",
        )
        for operation in ("PutResourcePolicy", "GetResourcePolicy", "DeleteResourcePolicy")
    ),
    _not_found(
        "policy-no-resource",
        "PutResourcePolicy",
        "the ARN names no resource of this account and Region; `ResourceType` is the ARN's kind",
        "opt-out-list",
    ),
    _validation(
        "policy-not-json", "PutResourcePolicy", "INVALID_PARAMETER", "`Policy` is not JSON"
    ),
    *(
        _not_found(f"{operation}-no-policy", operation, "the resource has no policy", "policy")
        for operation in ("GetResourcePolicy", "DeleteResourcePolicy")
    ),
    # -- CreateOptOutList ------------------------------------------------------------------
    _conflict(
        "opt-out-list-exists",
        "CreateOptOutList",
        "RESOURCE_ALREADY_EXISTS",
        "an opt-out list of that name already exists in this account and Region (`Default` "
        "always does)",
    ),
    _option_quota(
        "opt-out-lists-quota",
        "CreateOptOutList",
        "OPT_OUT_LISTS_PER_ACCOUNT",
        "the account already holds that many opt-out lists in this Region (`Default` counts)",
    ),
    _duplicate_tag("opt-out-list-duplicate-tag", "CreateOptOutList"),
    _tags_quota("opt-out-list-tags-quota", "CreateOptOutList"),
    _token_reused("opt-out-list-token-reused", "CreateOptOutList"),
    # -- DescribeOptOutLists ---------------------------------------------------------------
    _not_found(
        "opt-out-lists-unknown-name",
        "DescribeOptOutLists",
        "a name or ARN in `OptOutListNames` names no opt-out list of this account and Region",
        "opt-out-list",
    ),
    _bad_token("opt-out-lists-bad-token", "DescribeOptOutLists"),
    # -- DeleteOptOutList ------------------------------------------------------------------
    _not_found(
        "delete-opt-out-list-not-found",
        "DeleteOptOutList",
        "no opt-out list of that name or ARN in this account and Region",
        "opt-out-list",
    ),
    _conflict(
        "delete-opt-out-list-in-use",
        "DeleteOptOutList",
        "RESOURCE_DELETION_NOT_ALLOWED",
        "the list is `Default`, or a phone number uses it",
    ),
    # -- sending ---------------------------------------------------------------------------
    _not_found(
        "send-no-identity",
        "SendTextMessage",
        "`OriginationIdentity` names no phone number (ID, ARN or E.164 number), pool or sender "
        "ID (of the destination's country) of this account and Region; `ResourceType` is the "
        "kind it names (also on SendVoiceMessage, SendMediaMessage and "
        "SendDestinationNumberVerificationCode)",
        "phone-number",
    ),
    _not_found(
        "send-no-configuration-set",
        "SendTextMessage",
        "`ConfigurationSetName` names no configuration set (also on the other sends)",
        "configuration-set",
    ),
    _not_found(
        "send-no-protect-configuration",
        "SendTextMessage",
        "`ProtectConfigurationId` names no protect configuration (also on the other sends)",
        "protect-configuration",
    ),
    _conflict(
        "send-registration-not-complete",
        "SendTextMessage",
        "REGISTRATION_NOT_COMPLETE",
        "the number is a US toll-free or 10DLC number whose registration has no approved "
        "version in force (also on the other sends)",
    ),
    _conflict(
        "send-number-not-active",
        "SendTextMessage",
        "RESOURCE_NOT_ACTIVE",
        "the number is a US toll-free or 10DLC number associated with no registration",
    ),
    _conflict(
        "send-capability-mismatch",
        "SendVoiceMessage",
        "NUMBER_CAPABILITIES_MISMATCH",
        "the number lacks the channel's capability (SMS, VOICE, MMS), or a voice message names "
        "a sender ID (also on the other sends)",
    ),
    _validation(
        "send-other-country",
        "SendTextMessage",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        "the number is of another country than the destination and international sending is "
        "off on it",
    ),
    _validation(
        "send-sender-id-other-country",
        "SendTextMessage",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        "a sender ID named by its ARN is of another country than the destination",
    ),
    _validation(
        "send-sender-id-not-supported",
        "SendTextMessage",
        "SENDER_ID_NOT_SUPPORTED",
        "one of the account's sender IDs (by name or ARN) sends to US, CA or CN, which take no "
        "sender IDs",
    ),
    _conflict(
        "send-no-identity-found",
        "SendTextMessage",
        "NO_ORIGINATION_IDENTITIES_FOUND",
        "no `OriginationIdentity` is given and the account has no active number with SMS nor "
        "sender ID for the destination's country, nor a default sender ID on the configuration "
        "set, and no shared route reaches the country (US, CA and CN have none); or no member "
        "of the pool named can reach the destination, nor a shared route if the pool allows them",
    ),
    _conflict(
        "send-not-verified",
        "SendTextMessage",
        "DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
        "the account is in the sandbox (the `sandbox` option) and the destination is not a "
        "verified destination number (also on the other sends)",
    ),
    _conflict(
        "send-opted-out",
        "SendTextMessage",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        "the destination is on the opt-out list of the identity (a sender ID's is `Default`) "
        "(also on the other sends)",
    ),
    _conflict(
        "send-protect-number-blocked",
        "SendTextMessage",
        "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE",
        "the protect configuration that applies (the request's `ProtectConfigurationId`, else "
        "the configuration set's, else the account default) has an unexpired BLOCK override "
        "for the destination number (also on the other sends)",
    ),
    _conflict(
        "send-protect-country-blocked",
        "SendTextMessage",
        "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION",
        "the protect configuration that applies blocks the destination's country for the "
        "channel's capability (SMS, VOICE, MMS) and has no unexpired ALLOW override for the "
        "number (also on the other sends)",
    ),
    _validation(
        "send-over-max-price",
        "SendTextMessage",
        "PRICE_OVER_THRESHOLD",
        "the message costs more than `MaxPrice` (`MaxPricePerMinute` for voice)",
    ),
    _quota(
        "send-text-spend-limit",
        "SendTextMessage",
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT",
        "the month's text spend plus this message's price would pass the enforced text spend limit",
    ),
    _quota(
        "send-voice-spend-limit",
        "SendVoiceMessage",
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE",
        "the month's voice spend plus this call's price would pass the enforced voice limit",
    ),
    _quota(
        "send-media-spend-limit",
        "SendMediaMessage",
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_MEDIA",
        "the month's media spend plus this message's price would pass the enforced media limit",
    ),
    _validation(
        "send-voice-text-too-long",
        "SendVoiceMessage",
        "INVALID_PARAMETER",
        "`MessageBodyTextType` is TEXT (the default) and `MessageBody` is over 3000 characters "
        "(SSML bodies may have the model's 6000)",
    ),
    _validation(
        "send-media-type",
        "SendMediaMessage",
        "MEDIA_TYPE_NOT_SUPPORTED",
        "a media URL's file extension is not of a type MMS carries",
    ),
    _not_found(
        "feedback-unknown-message",
        "PutMessageFeedback",
        "no message of this account and Region has that ID, or it was sent without message "
        "feedback enabled",
        "message",
    ),
    _validation(
        "carrier-lookup-not-a-number",
        "CarrierLookup",
        "FIELD_VALIDATION_FAILED",
        "`PhoneNumber` does not start with `+` and a digit (a number of no known country is "
        "answered with `PhoneNumberType` `INVALID`, not an error)",
    ),
    # -- verified destination numbers ------------------------------------------------------
    _conflict(
        "verified-number-exists",
        "CreateVerifiedDestinationNumber",
        "RESOURCE_ALREADY_EXISTS",
        "the number is already a verified destination number of this account and Region",
    ),
    _quota(
        "verified-numbers-quota",
        "CreateVerifiedDestinationNumber",
        "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT",
        "the account has 10 verified destination numbers (AWS's limit), or as many as the "
        "`quotas` option sets",
    ),
    _not_found(
        "verified-number-no-rcs-agent",
        "CreateVerifiedDestinationNumber",
        "`RcsAgentId` names no RCS agent of this account and Region",
        "rcs-agent",
    ),
    _duplicate_tag("verified-number-duplicate-tag", "CreateVerifiedDestinationNumber"),
    _token_reused("verified-number-token-reused", "CreateVerifiedDestinationNumber"),
    _not_found(
        "verified-numbers-unknown",
        "DescribeVerifiedDestinationNumbers",
        "an ID or ARN in `VerifiedDestinationNumberIds` names no verified destination number "
        "(also on Delete, SendDestinationNumberVerificationCode and VerifyDestinationNumber)",
        "verified-destination-number",
    ),
    _bad_filter("verified-numbers-bad-filter", "DescribeVerifiedDestinationNumbers", "`status`"),
    _bad_token("verified-numbers-bad-token", "DescribeVerifiedDestinationNumbers"),
    _not_found(
        "delete-verified-number-not-found",
        "DeleteVerifiedDestinationNumber",
        "no verified destination number of this account and Region has that ID or ARN",
        "verified-destination-number",
    ),
    _conflict(
        "delete-verified-number-too-soon",
        "DeleteVerifiedDestinationNumber",
        "RESOURCE_DELETION_NOT_ALLOWED",
        "the number was added less than 24 hours ago (AWS's documented rule)",
    ),
    _conflict(
        "verification-code-already-verified",
        "SendDestinationNumberVerificationCode",
        "VERIFICATION_ALREADY_COMPLETE",
        "the number is already VERIFIED (also on VerifyDestinationNumber)",
    ),
    _quota(
        "verification-attempts-quota",
        "SendDestinationNumberVerificationCode",
        "VERIFICATION_ATTEMPTS_PER_DAY",
        "5 codes (or as many as the `quotas` option sets) went to the number in the last 24 hours",
    ),
    _conflict(
        "verification-code-no-identity",
        "SendDestinationNumberVerificationCode",
        "NO_ORIGINATION_IDENTITIES_FOUND",
        "no `OriginationIdentity` is given and the account has no active number of the "
        "destination's country with the channel's capability",
    ),
    _not_found(
        "verify-not-found",
        "VerifyDestinationNumber",
        "no verified destination number of this account and Region has that ID or ARN",
        "verified-destination-number",
    ),
    _conflict(
        "verify-code-expired",
        "VerifyDestinationNumber",
        "VERIFICATION_CODE_EXPIRED",
        "no code was sent to the number, or the last one is more than 10 minutes old",
    ),
    _validation(
        "verify-code-mismatch",
        "VerifyDestinationNumber",
        "VERIFICATION_CODE_MISMATCH",
        "`VerificationCode` is not the code last sent to the number",
    ),
    # -- protect configurations ------------------------------------------------------------
    _option_quota(
        "protect-configurations-quota",
        "CreateProtectConfiguration",
        "PROTECT_CONFIGURATIONS_PER_ACCOUNT",
        "the account already holds that many protect configurations in this Region",
    ),
    _duplicate_tag("protect-duplicate-tag", "CreateProtectConfiguration"),
    _token_reused("protect-token-reused", "CreateProtectConfiguration"),
    _not_found(
        "protect-configurations-unknown",
        "DescribeProtectConfigurations",
        "an ID or ARN in `ProtectConfigurationIds` names no protect configuration of this "
        "account and Region",
        "protect-configuration",
    ),
    _bad_filter(
        "protect-configurations-bad-filter",
        "DescribeProtectConfigurations",
        "`account-default` or `deletion-protection-enabled` (true or false)",
    ),
    _bad_token("protect-configurations-bad-token", "DescribeProtectConfigurations"),
    _not_found(
        "update-protect-not-found",
        "UpdateProtectConfiguration",
        _NO_PROTECT,
        "protect-configuration",
    ),
    _not_found(
        "delete-protect-not-found",
        "DeleteProtectConfiguration",
        _NO_PROTECT,
        "protect-configuration",
    ),
    _conflict(
        "delete-protect-protected",
        "DeleteProtectConfiguration",
        "DELETION_PROTECTION_ENABLED",
        "the protect configuration has deletion protection enabled",
    ),
    _conflict(
        "delete-protect-default",
        "DeleteProtectConfiguration",
        "PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT",
        "the protect configuration is the account default",
    ),
    _conflict(
        "delete-protect-associated",
        "DeleteProtectConfiguration",
        "PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET",
        "a configuration set is associated with the protect configuration",
    ),
    _not_found(
        "get-rule-set-not-found",
        "GetProtectConfigurationCountryRuleSet",
        _NO_PROTECT,
        "protect-configuration",
    ),
    _validation(
        "get-rule-set-rcs",
        "GetProtectConfigurationCountryRuleSet",
        "INVALID_PARAMETER",
        "`NumberCapability` is RCS (a newer model's value): rule sets are kept for SMS, VOICE "
        "and MMS, RCS messages following the SMS rules",
    ),
    _not_found(
        "update-rule-set-not-found",
        "UpdateProtectConfigurationCountryRuleSet",
        _NO_PROTECT,
        "protect-configuration",
    ),
    _validation(
        "update-rule-set-invalid",
        "UpdateProtectConfigurationCountryRuleSet",
        "INVALID_PARAMETER",
        "a key of `CountryRuleSetUpdates` is no ISO 3166-1 country, a MONITOR or FILTER rule is "
        "for VOICE or MMS (they are SMS rules), or `NumberCapability` is RCS; nothing changes",
    ),
    _not_found(
        "put-override-not-found",
        "PutProtectConfigurationRuleSetNumberOverride",
        _NO_PROTECT,
        "protect-configuration",
    ),
    _token_reused("put-override-token-reused", "PutProtectConfigurationRuleSetNumberOverride"),
    _not_found(
        "delete-override-not-found",
        "DeleteProtectConfigurationRuleSetNumberOverride",
        "no protect configuration has that ID or ARN, or it has no override for that number "
        "(`ResourceId` is the number)",
        "protect-configuration",
    ),
    _not_found(
        "list-overrides-not-found",
        "ListProtectConfigurationRuleSetNumberOverrides",
        _NO_PROTECT,
        "protect-configuration",
    ),
    _bad_filter(
        "list-overrides-bad-filter",
        "ListProtectConfigurationRuleSetNumberOverrides",
        "`action` (ALLOW or BLOCK), or a timestamp filter (epoch seconds or ISO 8601)",
    ),
    _bad_token("list-overrides-bad-token", "ListProtectConfigurationRuleSetNumberOverrides"),
    _not_found(
        "associate-protect-not-found",
        "AssociateProtectConfiguration",
        _NO_PROTECT + " (also on DisassociateProtectConfiguration)",
        "protect-configuration",
    ),
    _not_found(
        "associate-protect-no-set",
        "AssociateProtectConfiguration",
        "`ConfigurationSetName` names no configuration set (also on "
        "DisassociateProtectConfiguration)",
        "configuration-set",
    ),
    _conflict(
        "disassociate-protect-not-associated",
        "DisassociateProtectConfiguration",
        "PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET",
        "the configuration set has another protect configuration, or none",
    ),
    _not_found(
        "set-default-protect-not-found",
        "SetAccountDefaultProtectConfiguration",
        _NO_PROTECT,
        "protect-configuration",
    ),
    _not_found(
        "delete-default-protect-none",
        "DeleteAccountDefaultProtectConfiguration",
        "no account default protect configuration is set (our choice: AWS does not document "
        "this case)",
        "protect-configuration",
    ),
    # -- Notify --------------------------------------------------------------------------
    _validation(
        "notify-invalid-setting",
        "CreateNotifyConfiguration",
        "INVALID_PARAMETER",
        "a channel other than SMS and VOICE, a country the Basic tier does not reach (see "
        "ListNotifyCountries), or a default template not open to the tier or sharing no "
        "channel with the configuration (also on UpdateNotifyConfiguration)",
    ),
    _not_found(
        "notify-no-template",
        "CreateNotifyConfiguration",
        "`DefaultTemplateId` names no template of the catalogue (also on Update)",
        "notify-template",
    ),
    _not_found(
        "notify-no-pool",
        "CreateNotifyConfiguration",
        "`PoolId` names no pool of this account and Region (also on Update)",
        "pool",
    ),
    _duplicate_tag("notify-duplicate-tag", "CreateNotifyConfiguration"),
    _tags_quota("notify-tags-quota", "CreateNotifyConfiguration"),
    _token_reused("notify-token-reused", "CreateNotifyConfiguration"),
    _quota(
        "notify-configurations-quota",
        "CreateNotifyConfiguration",
        "NOTIFY_CONFIGURATIONS_PER_ACCOUNT",
        "the account has 10 Notify configurations in this Region (our figure), or as many as "
        "the `quotas` option sets",
    ),
    _not_found(
        "notify-configurations-unknown",
        "DescribeNotifyConfigurations",
        "an ID or ARN in `NotifyConfigurationIds` names no Notify configuration of this "
        "account and Region (also on Update, Delete and the Notify sends)",
        "notify-configuration",
    ),
    _bad_filter(
        "notify-configurations-bad-filter",
        "DescribeNotifyConfigurations",
        "`enabled-channels`, `use-case`, `status`, `deletion-protection-enabled` or "
        "`tier-upgrade-status`",
    ),
    _bad_token("notify-configurations-bad-token", "DescribeNotifyConfigurations"),
    _validation(
        "update-notify-invalid",
        "UpdateNotifyConfiguration",
        "INVALID_PARAMETER",
        "as on CreateNotifyConfiguration; nothing changes",
    ),
    _not_found(
        "update-notify-not-found",
        "UpdateNotifyConfiguration",
        "no Notify configuration of this account and Region has that ID or ARN",
        "notify-configuration",
    ),
    _not_found(
        "delete-notify-not-found",
        "DeleteNotifyConfiguration",
        "no Notify configuration of this account and Region has that ID or ARN",
        "notify-configuration",
    ),
    _conflict(
        "delete-notify-protected",
        "DeleteNotifyConfiguration",
        "DELETION_PROTECTION_ENABLED",
        "the configuration has deletion protection enabled",
    ),
    _not_found(
        "notify-templates-unknown",
        "DescribeNotifyTemplates",
        "an ID in `TemplateIds` names no template of the catalogue",
        "notify-template",
    ),
    _bad_filter(
        "notify-templates-bad-filter",
        "DescribeNotifyTemplates",
        "`template-type`, `channels`, `tier-access` or `supported-voice-ids`, or a "
        "`language-code` value that is not a lowercase language code with an optional "
        "uppercase region (`en`, `fr-CA`; `EN` is refused)",
    ),
    _bad_token("notify-templates-bad-token", "DescribeNotifyTemplates"),
    _bad_token("notify-countries-bad-token", "ListNotifyCountries"),
    _not_found(
        "notify-send-no-configuration-set",
        "SendNotifyTextMessage",
        "`ConfigurationSetName` names no configuration set (also on SendNotifyVoiceMessage)",
        "configuration-set",
    ),
    _not_found(
        "notify-send-no-template",
        "SendNotifyTextMessage",
        "`TemplateId` names no template of the catalogue (also on SendNotifyVoiceMessage)",
        "notify-template",
    ),
    _conflict(
        "notify-send-not-active",
        "SendNotifyTextMessage",
        "NOTIFY_CONFIGURATION_NOT_ACTIVE",
        "the configuration is REQUIRES_VERIFICATION or REJECTED after the review of its "
        "display name (also on SendNotifyVoiceMessage)",
    ),
    _validation(
        "notify-send-channel",
        "SendNotifyTextMessage",
        "CHANNEL_NOT_ENABLED",
        "the configuration's `EnabledChannels` lack SMS (VOICE for SendNotifyVoiceMessage)",
    ),
    _validation(
        "notify-send-no-template-id",
        "SendNotifyTextMessage",
        "MISSING_PARAMETER",
        "no `TemplateId` is given and the configuration has no default template (also on "
        "SendNotifyVoiceMessage)",
    ),
    _validation(
        "notify-send-country",
        "SendNotifyTextMessage",
        "COUNTRY_NOT_ENABLED",
        "the destination's country is not among the configuration's countries (also on "
        "SendNotifyVoiceMessage)",
    ),
    _validation(
        "notify-send-invalid",
        "SendNotifyTextMessage",
        "INVALID_PARAMETER",
        "the template lacks the channel, is not open to the configuration's tier or is not "
        "used in the destination's country; or a template variable is unknown, filled by the "
        "service (`brandName`), missing while required, or does not fit its type, length, "
        "range or pattern (also on SendNotifyVoiceMessage)",
    ),
    _conflict(
        "notify-send-opted-out",
        "SendNotifyTextMessage",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        "the message goes out from a member of the configuration's pool and the destination "
        "is on the pool's opt-out list (also on SendNotifyVoiceMessage)",
    ),
    _quota(
        "notify-send-daily-limit",
        "SendNotifyTextMessage",
        "DAILY_NOTIFY_TIER_MESSAGE_LIMIT",
        "the Basic-tier configuration sent 200 messages in the last 24 hours (AWS's figure), "
        "or as many as the `quotas` option sets (also on SendNotifyVoiceMessage)",
    ),
    _quota(
        "notify-send-spend-limit",
        "SendNotifyTextMessage",
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_NOTIFY",
        "the month's Notify spend plus this message's price would pass the enforced Notify "
        "spend limit (also on SendNotifyVoiceMessage)",
    ),
    _validation(
        "notify-voice-unavailable",
        "SendNotifyVoiceMessage",
        "VOICE_CAPABILITY_NOT_AVAILABLE",
        "Notify places no voice calls to the destination's country (ListNotifyCountries)",
    ),
    _validation(
        "notify-voice-invalid",
        "SendNotifyVoiceMessage",
        "INVALID_PARAMETER",
        "`VoiceId` is not one of the template's `SupportedVoiceIds` (and as for "
        "SendNotifyTextMessage)",
    ),
    # -- RCS agents (newer models) -----------------------------------------------------------
    _not_found(
        "rcs-agent-no-opt-out-list",
        "CreateRcsAgent",
        "`OptOutListName` names no opt-out list of this account and Region",
        "opt-out-list",
    ),
    _option_quota(
        "rcs-agents-quota",
        "CreateRcsAgent",
        "RCS_AGENTS_PER_ACCOUNT",
        "the account has that many RCS agents",
    ),
    _duplicate_tag("rcs-agent-duplicate-tag", "CreateRcsAgent"),
    _token_reused("rcs-agent-token-reused", "CreateRcsAgent"),
    _not_found(
        "rcs-agents-unknown",
        "DescribeRcsAgents",
        "an ID or ARN in `RcsAgentIds` names no RCS agent of this account and Region (also on "
        "UpdateRcsAgent, DeleteRcsAgent, DescribeRcsAgentCountryLaunchStatus, SendRcsMessage, "
        "SendTextMessage, "
        "CreateRegistrationAssociation, AssociateOriginationIdentity and PutKeyword)",
        "rcs-agent",
    ),
    _bad_filter("rcs-agents-bad-filter", "DescribeRcsAgents", "`status` or a `true`/`false`"),
    _bad_token("rcs-agents-bad-token", "DescribeRcsAgents"),
    _conflict(
        "update-rcs-agent-in-pool",
        "UpdateRcsAgent",
        "RCS_AGENT_ASSOCIATED_TO_POOL",
        "the agent is in a pool and the update names a setting the pool governs (opt-out list, "
        "two-way, self-managed opt-outs)",
    ),
    _validation(
        "update-rcs-agent-no-channel",
        "UpdateRcsAgent",
        "TWO_WAY_CHANNEL_NOT_PRESENT",
        "`TwoWayEnabled` is true and no two-way channel is set or given",
    ),
    _validation(
        "update-rcs-agent-media-without-two-way",
        "UpdateRcsAgent",
        "TWO_WAY_NOT_ENABLED",
        "an inbound media setting (`TwoWayMediaS3*`) is given while two-way is off",
    ),
    _validation(
        "update-rcs-agent-bad-events",
        "UpdateRcsAgent",
        "INVALID_PARAMETER",
        "`TwoWayRcsEventsEnabled` holds `ALL` with other values, or only one of "
        "`TwoWayMediaS3BucketName` and `TwoWayMediaS3Role` is `UNSET_RCS_MEDIA_CONFIGURATION`",
    ),
    _conflict(
        "delete-rcs-agent-protected",
        "DeleteRcsAgent",
        "DELETION_PROTECTION_ENABLED",
        "the agent has deletion protection enabled",
    ),
    _conflict(
        "delete-rcs-agent-in-pool",
        "DeleteRcsAgent",
        "RCS_AGENT_ASSOCIATED_TO_POOL",
        "the agent is in a pool (also on AssociateOriginationIdentity and CreatePool: an agent "
        "is in one pool at most)",
    ),
    _conflict(
        "delete-rcs-agent-registered",
        "DeleteRcsAgent",
        "RESOURCE_NOT_EMPTY",
        "a registration that is not closed holds the agent (delete it first)",
    ),
    _not_found(
        "launch-status-unknown-agent",
        "DescribeRcsAgentCountryLaunchStatus",
        "`RcsAgentId` names no RCS agent of this account and Region",
        "rcs-agent",
    ),
    _bad_filter(
        "launch-status-bad-filter", "DescribeRcsAgentCountryLaunchStatus", "`country-launch-status`"
    ),
    _bad_token("launch-status-bad-token", "DescribeRcsAgentCountryLaunchStatus"),
    _conflict(
        "rcs-agent-registration-type-taken",
        "CreateRegistrationAssociation",
        "RCS_AGENT_ALREADY_ASSOCIATED_TO_REGISTRATION_TYPE",
        "the RCS agent already has a registration (not closed) of the registration's type",
    ),
    _not_found(
        "rcs-send-no-agent",
        "SendRcsMessage",
        "`OriginationIdentity` names no RCS agent or pool of this account and Region",
        "rcs-agent",
    ),
    _conflict(
        "rcs-send-pool-without-agent",
        "SendRcsMessage",
        "NO_ORIGINATION_IDENTITIES_FOUND",
        "`OriginationIdentity` names a pool with no RCS agent",
    ),
    _conflict(
        "rcs-send-not-active",
        "SendRcsMessage",
        "RESOURCE_NOT_ACTIVE",
        "the agent has no registration associated, so no testing agent or country launch "
        "(also on SendDestinationNumberVerificationCode for a tester of an agent whose testing "
        "agent is not ACTIVE)",
    ),
    _conflict(
        "rcs-send-registration-not-complete",
        "SendRcsMessage",
        "REGISTRATION_NOT_COMPLETE",
        "the agent's registrations have no approved version in force yet",
    ),
    _conflict(
        "rcs-send-not-a-tester",
        "SendRcsMessage",
        "DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
        "the agent is TESTING and the destination is not a VERIFIED destination number created "
        "with its `RcsAgentId`",
    ),
    _validation(
        "rcs-send-not-launched",
        "SendRcsMessage",
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        "the agent is launched (PARTIAL or ACTIVE) but not in the destination's country, and "
        "the destination is not one of its testers",
    ),
    _conflict(
        "rcs-send-opted-out",
        "SendRcsMessage",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        "the destination is on the agent's (or pool's) opt-out list",
    ),
    _validation(
        "rcs-send-over-max-price",
        "SendRcsMessage",
        "PRICE_OVER_THRESHOLD",
        "the message costs more than `MaxPrice`",
    ),
    _quota(
        "rcs-send-spend-limit",
        "SendRcsMessage",
        "MONTHLY_SPEND_LIMIT_REACHED_FOR_RCS",
        "the message would take the month's RCS spend past the enforced limit",
    ),
    _validation(
        "rcs-fallback-without-content",
        "SendRcsMessage",
        "MISSING_PARAMETER",
        "`FallbackConfiguration` has `Channel` SMS without `MessageBody`, or MMS with neither "
        "`MessageBody` nor `MediaUrls`",
    ),
    _validation(
        "rcs-fallback-bad-identity",
        "SendRcsMessage",
        "INVALID_PARAMETER",
        "`FallbackConfiguration` names a pool or an RCS agent as its `OriginationIdentity`, or "
        "gives `MediaUrls` with `Channel` SMS",
    ),
    _no_registration("available-numbers-no-registration", "ListAvailablePhoneNumbers"),
    _bad_token("available-numbers-bad-token", "ListAvailablePhoneNumbers"),
    # -- the account -----------------------------------------------------------------------
    _bad_token("account-attributes-bad-token", "DescribeAccountAttributes"),
    _bad_token("account-limits-bad-token", "DescribeAccountLimits"),
    _bad_token("spend-limits-bad-token", "DescribeSpendLimits"),
    *(
        _validation(
            f"set-{channel.lower()}-spend-limit-too-high",
            f"Set{channel.title()}MessageSpendLimitOverride",
            "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT",
            "`MonthlyLimit` is more than the limit's `MaxLimit` ($1 in the sandbox, $10,000 "
            "out of it)",
        )
        for channel in _SPEND_CHANNELS
    ),
    *(
        ErrorRow(
            f"delete-{channel.lower()}-spend-limit-not-an-object",
            f"Delete{channel.title()}MessageSpendLimitOverride",
            "SerializationException",
            None,
            "the body is not a JSON object (the operation takes no input, so nothing else can "
            "be wrong with it)",
        )
        for channel in _SPEND_CHANNELS
    ),
)


def operations() -> list[str]:
    """The operations the table covers, in the order it lists them."""
    special = (EVERY_OPERATION, OTHER_REQUESTS)
    return list(dict.fromkeys(r.operation for r in ROWS if r.operation not in special))


def rows_for(operation: str) -> list[ErrorRow]:
    return [r for r in ROWS if r.operation == operation]


def _cell(text: str | None) -> str:
    return "—" if text is None else text.replace("|", "\\|")


def markdown() -> str:
    """The table as Markdown: one section per operation, then the errors of every one."""
    out: list[str] = []
    header = ["| Error code | Reason | When |", "|---|---|---|"]

    def table(rows: list[ErrorRow]) -> None:
        out.extend(header)
        for row in rows:
            reason = f"`{row.reason}`" if row.reason else None
            out.append(f"| `{row.code}` | {_cell(reason)} | {_cell(row.condition)} |")
        out.append("")

    for operation in operations():
        out.append(f"### {operation}")
        out.append("")
        table(rows_for(operation))
    out.append("### Every operation")
    out.append("")
    table(rows_for(EVERY_OPERATION))
    out.append("### Operations the mock does not model")
    out.append("")
    table(rows_for(OTHER_REQUESTS))
    return "\n".join(out)
