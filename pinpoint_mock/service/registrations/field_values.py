"""PutRegistrationFieldValue, DeleteRegistrationFieldValue, DescribeRegistrationFieldValues,
and the per-field denial that ``review(...).deny(fields=...)`` records.

Values belong to one version: only the current version, while it is DRAFT, can be edited; a
new version starts empty and older versions stay readable. A value is one of TextValue,
SelectChoices or RegistrationAttachmentId, the one matching the field's FieldType, checked
against the field's definition. A type with no definitions checks no paths and no values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.errors import MockError, conflict, not_found, validation_error
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.store import RegionState
from pinpoint_mock.service.registrations import lifecycle as lc
from pinpoint_mock.service.registrations.catalogue import (
    ATTACHMENT,
    REQUIRED,
    SELECT,
    TEXT,
    FieldDefinition,
    TypeDefinition,
)
from pinpoint_mock.service.registrations.definitions import check_fields, check_section, unknown
from pinpoint_mock.service.registrations.lookup import find
from pinpoint_mock.service.registrations.records import FieldValue, Registration, Version

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler

# value member -> the FieldType it belongs to, and its wire name in error Fields
_KINDS = {
    "TextValue": (TEXT, "textValue"),
    "SelectChoices": (SELECT, "selectChoices"),
    "RegistrationAttachmentId": (ATTACHMENT, "registrationAttachmentId"),
}
_FIELD_PATH = re.compile(r"[A-Za-z0-9_.]{1,100}")


def _definition(ctx: Context, reg: Registration) -> TypeDefinition | None:
    return ctx.service.options.catalogue.definition(reg.type)


def _field(definition: TypeDefinition | None, path: str) -> FieldDefinition | None:
    """The field's definition; an unknown path of a defined type is UNKNOWN_REGISTRATION_FIELD."""
    if definition is None:
        return None
    field = definition.by_path.get(path)
    if field is None:
        raise unknown("UNKNOWN_REGISTRATION_FIELD", "registration field", path, "fieldPath")
    return field


def _editable(reg: Registration) -> Version:
    current = reg.current
    if reg.closed or current.status != lc.DRAFT:
        why = (
            "is CLOSED"
            if reg.closed
            else f"has no draft: version {current.number} is {current.status}; "
            "create a new version to change field values"
        )
        raise conflict(
            "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
            f"Registration {reg.id} {why}.",
            "registration",
            reg.id,
        )
    return current


def _invalid(member: str, message: str) -> Exception:
    return validation_error(message, "INVALID_PARAMETER", [{"Name": member, "Message": message}])


def _the_value(params: dict[str, Any]) -> str:
    """The one value member given; none or several is a ValidationException."""
    given = [k for k in _KINDS if params.get(k) is not None]
    if len(given) == 1:
        return given[0]
    names = ", ".join(_KINDS)
    if not given:
        message = f"Exactly one of {names} is required."
        raise validation_error(
            message,
            "MISSING_PARAMETER",
            [{"Name": _KINDS[k][1], "Message": message} for k in _KINDS],
        )
    message = f"Only one of {names} may be given; this request has {', '.join(given)}."
    raise validation_error(
        message,
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        [{"Name": _KINDS[k][1], "Message": message} for k in given],
    )


def _checked(field: FieldDefinition | None, kind: str, value: Any) -> None:
    if field is None:
        return
    member = _KINDS[kind][1]
    if _KINDS[kind][0] != field.type:
        wanted = next(k for k, (t, _) in _KINDS.items() if t == field.type)
        raise _invalid(
            member, f"Field {field.path} is a {field.type} field: give {wanted}, not {kind}."
        )
    problem = (
        field.text_problem(value)
        if field.type == TEXT
        else field.select_problem(value)
        if field.type == SELECT
        else None
    )
    if problem is not None:
        raise _invalid(member, f"The value of {field.path} {problem}.")


def _attachment_id(state: RegionState, id_or_arn: str) -> str:
    rid = arns.resource_id(id_or_arn, state, "registration-attachment")
    if rid is None or rid not in state.attachments:
        raise not_found("registration-attachment", id_or_arn)
    return rid


def _result(
    reg: Registration, version: Version, path: str, value: FieldValue | None
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "RegistrationArn": reg.arn,
        "RegistrationId": reg.id,
        "VersionNumber": version.number,
        "FieldPath": path,
    }
    if value is not None:
        _put_value(result, value)
    return result


def _put_value(view: dict[str, Any], value: FieldValue) -> None:
    if value.text is not None:
        view["TextValue"] = value.text
    elif value.choices is not None:
        view["SelectChoices"] = list(value.choices)
    elif value.attachment is not None:
        view["RegistrationAttachmentId"] = value.attachment


def put_registration_field_value(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    reg = find(ctx.state, params["RegistrationId"])
    path = params["FieldPath"]
    kind = _the_value(params)
    field = _field(_definition(ctx, reg), path)
    _checked(field, kind, params[kind])
    version = _editable(reg)
    if kind == "TextValue":
        value = FieldValue(text=params[kind])
    elif kind == "SelectChoices":
        value = FieldValue(choices=list(params[kind]))
    else:
        value = FieldValue(attachment=_attachment_id(ctx.state, params[kind]))
    if version.values is None:
        version.values = {}
    version.values[path] = value
    return _result(reg, version, path, value)


def delete_registration_field_value(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    reg = find(ctx.state, params["RegistrationId"])
    path = params["FieldPath"]
    field = _field(_definition(ctx, reg), path)
    if field is not None and field.requirement == REQUIRED:
        message = f"Field {path} is required; its value can be replaced but not deleted."
        raise validation_error(
            message,
            "REGISTRATION_FIELD_CANNOT_BE_DELETED",
            [{"Name": "fieldPath", "Message": message}],
        )
    version = _editable(reg)
    removed = version.values.pop(path, None) if version.values else None
    if version.values == {}:
        version.values = None
    return _result(reg, version, path, removed)


def value_view(path: str, value: FieldValue) -> dict[str, Any]:
    """A RegistrationFieldValueInformation."""
    view: dict[str, Any] = {"FieldPath": path}
    _put_value(view, value)
    if value.denied_reason is not None:
        view["DeniedReason"] = value.denied_reason
    if value.feedback is not None and _has_feedback():
        view["Feedback"] = value.feedback
    return view


def _has_feedback() -> bool:
    return "Feedback" in model.members("RegistrationFieldValueInformation")


def describe_registration_field_values(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    reg = find(ctx.state, params["RegistrationId"])
    number = params.get("VersionNumber")
    version = reg.current if number is None else reg.version(number)
    if version is None:
        message = f"Registration {reg.id} has no version {number}."
        raise validation_error(
            message,
            "UNKNOWN_REGISTRATION_VERSION",
            [{"Name": "versionNumber", "Message": message}],
        )
    definition = _definition(ctx, reg)
    section, paths = params.get("SectionPath"), params.get("FieldPaths")
    check_section(definition, section, "sectionPath")
    check_fields(definition, paths, "fieldPaths")
    rows = [
        (p, v)
        for p, v in (version.values or {}).items()
        if (section is None or p.startswith(section + "."))
        and (not paths or p in paths)
        and (v.is_set or v.denied_reason is not None or v.feedback is not None)
    ]
    if definition is not None:
        rows.sort(key=lambda row: definition.order(row[0]))
    numbered = [(i, p, v) for i, (p, v) in enumerate(rows, 1)]
    found, token = listing(ctx, params, numbered, lambda row: row[0])
    result = {
        "RegistrationArn": reg.arn,
        "RegistrationId": reg.id,
        "VersionNumber": version.number,
        "RegistrationFieldValues": [value_view(p, v) for _, p, v in found],
    }
    return with_token(result, token)


# -- denial per field (the review API) ---------------------------------------------------------


def denied_fields(
    fields: Mapping[str, str | Mapping[str, str]] | None,
) -> dict[str, tuple[str | None, str | None]]:
    """``deny(fields=...)`` checked: path -> (DeniedReason, Feedback)."""
    if fields is None:
        return {}
    if not isinstance(fields, Mapping):
        raise MockError(f"fields must map FieldPath -> reason, not {fields!r}")
    checked: dict[str, tuple[str | None, str | None]] = {}
    for path, given in fields.items():
        if not isinstance(path, str) or _FIELD_PATH.fullmatch(path) is None:
            raise MockError(f"fields: {path!r} is not a FieldPath ([A-Za-z0-9_.]{{1,100}})")
        if isinstance(given, str) and given:
            checked[path] = (given, None)
            continue
        if not isinstance(given, Mapping) or not given:
            raise MockError(
                f"fields[{path!r}] must be a reason string or a mapping with DeniedReason"
                f"/Feedback, not {given!r}"
            )
        allowed = {"DeniedReason", "Feedback"} if _has_feedback() else {"DeniedReason"}
        unknown_keys = sorted(set(given) - allowed)
        if unknown_keys:
            extra = "" if _has_feedback() else " (the installed botocore has no per-field Feedback)"
            raise MockError(
                f"fields[{path!r}]: unknown key(s) {', '.join(unknown_keys)}; allowed: "
                f"{', '.join(sorted(allowed))}{extra}"
            )
        reason, feedback = given.get("DeniedReason"), given.get("Feedback")
        for key, text in (("DeniedReason", reason), ("Feedback", feedback)):
            if text is not None and not isinstance(text, str):
                raise MockError(f"fields[{path!r}][{key!r}] must be a string, not {text!r}")
        checked[path] = (reason, feedback)
    return checked


def record_denials(version: Version, denials: Mapping[str, tuple[str | None, str | None]]) -> None:
    """Attach per-field reasons to a version's values (a field without a value gets a row
    that shows only the reason)."""
    if not denials:
        return
    if version.values is None:
        version.values = {}
    for path, (reason, feedback) in denials.items():
        value = version.values.get(path)
        if value is None:
            value = version.values[path] = FieldValue()
        value.denied_reason, value.feedback = reason, feedback


HANDLERS: dict[str, Handler] = {
    "PutRegistrationFieldValue": put_registration_field_value,
    "DeleteRegistrationFieldValue": delete_registration_field_value,
    "DescribeRegistrationFieldValues": describe_registration_field_values,
}
