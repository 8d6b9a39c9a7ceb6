"""DescribeRegistrationTypeDefinitions, DescribeRegistrationSectionDefinitions and
DescribeRegistrationFieldDefinitions: the mock's catalogue (:mod:`catalogue`), paged.

A type CreateRegistration accepts but has no definitions for (most sender-ID countries, names
added by the ``registration_types`` option) is listed with its name as title, has no sections
or fields, and any section or field path asked of it is not checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import ServiceError, validation_error
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.service.registrations.catalogue import Catalogue, TypeDefinition

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler


def unknown(reason: str, what: str, value: str, member: str) -> ServiceError:
    message = f"Unknown {what} {value}."
    return validation_error(message, reason, [{"Name": member, "Message": message}])


def definition_of(catalogue: Catalogue, kind: str, member: str) -> TypeDefinition | None:
    """The definition of an accepted type (None when none is known); an unknown type is a
    ValidationException ``UNKNOWN_REGISTRATION_TYPE``."""
    if not catalogue.accepts(kind):
        raise unknown("UNKNOWN_REGISTRATION_TYPE", "registration type", kind, member)
    return catalogue.definition(kind)


def check_section(definition: TypeDefinition | None, section: str | None, member: str) -> None:
    if definition is not None and section is not None and section not in definition.section_paths:
        raise unknown("UNKNOWN_REGISTRATION_SECTION", "registration section", section, member)


def check_fields(definition: TypeDefinition | None, paths: list[str] | None, member: str) -> None:
    if definition is None or not paths:
        return
    for i, path in enumerate(paths, 1):
        if path not in definition.by_path:
            raise unknown(
                "UNKNOWN_REGISTRATION_FIELD", "registration field", path, f"{member}.{i}.member"
            )


def _associated(attribute: str) -> Any:
    def shown(item: tuple[int, Mapping[str, Any]]) -> tuple[str, ...]:
        return tuple(
            a[attribute] for a in item[1].get("SupportedAssociations", ()) if attribute in a
        )

    return shown


_TYPE_FILTERS = {
    "supported-association-resource-type": (None, _associated("ResourceType")),
    "supported-association-iso-country-code": (None, _associated("IsoCountryCode")),
}


def describe_registration_type_definitions(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    catalogue = ctx.service.options.catalogue
    names = catalogue.names
    wanted = params.get("RegistrationTypes")
    if wanted:
        for i, kind in enumerate(wanted, 1):
            definition_of(catalogue, kind, f"registrationTypes.{i}.member")
        chosen = set(wanted)
        candidates = [(i, catalogue.type_view(n)) for i, n in enumerate(names, 1) if n in chosen]
    else:
        candidates = [(i, catalogue.type_view(n)) for i, n in enumerate(names, 1)]
    found, token = listing(ctx, params, candidates, lambda item: item[0], _TYPE_FILTERS)
    return with_token({"RegistrationTypeDefinitions": [view for _, view in found]}, token)


def describe_registration_section_definitions(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    kind = params["RegistrationType"]
    definition = definition_of(ctx.service.options.catalogue, kind, "registrationType")
    sections = definition.sections if definition is not None else ()
    wanted = params.get("SectionPaths")
    if wanted:
        for i, section in enumerate(wanted, 1):
            check_section(definition, section, f"sectionPaths.{i}.member")
    candidates = [
        (i, s) for i, s in enumerate(sections, 1) if not wanted or s["SectionPath"] in wanted
    ]
    found, token = listing(ctx, params, candidates, lambda item: item[0])
    return with_token(
        {"RegistrationType": kind, "RegistrationSectionDefinitions": [s for _, s in found]}, token
    )


def describe_registration_field_definitions(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    kind = params["RegistrationType"]
    definition = definition_of(ctx.service.options.catalogue, kind, "registrationType")
    section = params.get("SectionPath")
    paths = params.get("FieldPaths")
    check_section(definition, section, "sectionPath")
    check_fields(definition, paths, "fieldPaths")
    fields = definition.fields if definition is not None else ()
    candidates = [
        (i, f.view)
        for i, f in enumerate(fields, 1)
        if (section is None or f.section == section) and (not paths or f.path in paths)
    ]
    found, token = listing(ctx, params, candidates, lambda item: item[0])
    return with_token(
        {"RegistrationType": kind, "RegistrationFieldDefinitions": [f for _, f in found]}, token
    )


HANDLERS: dict[str, Handler] = {
    "DescribeRegistrationTypeDefinitions": describe_registration_type_definitions,
    "DescribeRegistrationSectionDefinitions": describe_registration_section_definitions,
    "DescribeRegistrationFieldDefinitions": describe_registration_field_definitions,
}
