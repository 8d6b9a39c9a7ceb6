"""CreateRegistrationAssociation and ListRegistrationAssociations, and what associations mean
for the rest of a registration's life (submit, delete, releasing a phone number).

A registration takes the resources its type definition lists in ``SupportedAssociations``: a
phone number of that NumberType and country, or another registration of that type (a 10DLC
brand for a vetting or a campaign; it must be COMPLETE, and a registration holds at most one
of each type), or an RCS agent (a registration holds one; an agent holds one registration of
each type, ``RCS_AGENT_ALREADY_ASSOCIATED_TO_REGISTRATION_TYPE``). The association behaviours:

* ``ASSOCIATE_BEFORE_SUBMIT``: associate while no version is under review; with
  ``check_fields=True`` SubmitRegistrationVersion is refused until one is present.
* ``ASSOCIATE_AFTER_COMPLETE``: only once the registration is COMPLETE.
* ``ASSOCIATE_ON_APPROVAL``: AWS associates the identity itself; the API refuses.

And the disassociation behaviours, for phone numbers: ``DISASSOCIATE_ALL_CLOSES_REGISTRATION``
closes a submitted registration when its last number is released (through the review API's
``close()``); it and ``DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION`` refuse DeleteRegistration
while numbers remain; ``DELETE_REGISTRATION_DISASSOCIATES`` lets the delete drop them. A type
without definitions takes any resource, at any time but under review, and its delete drops
them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.errors import (
    ServiceError,
    conflict,
    not_found,
    quota_exceeded,
    validation_error,
)
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.resources import RCS_AGENT, already_associated, lookup
from pinpoint_mock.engine.store import RegionState
from pinpoint_mock.service.registrations import lifecycle as lc
from pinpoint_mock.service.registrations.lookup import find
from pinpoint_mock.service.registrations.records import Association, Registration
from pinpoint_mock.service.registrations.review import Review

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.service.phone_numbers import PhoneNumber
    from pinpoint_mock.service.rcs_agents import RcsAgent

BEFORE_SUBMIT = "ASSOCIATE_BEFORE_SUBMIT"
AFTER_COMPLETE = "ASSOCIATE_AFTER_COMPLETE"
ON_APPROVAL = "ASSOCIATE_ON_APPROVAL"
CLOSES = "DISASSOCIATE_ALL_CLOSES_REGISTRATION"
DISASSOCIATES = "DELETE_REGISTRATION_DISASSOCIATES"
PHONE_NUMBER = "phone-number"


def _refuse(reg: Registration, reason: str, why: str) -> ServiceError:
    return conflict(reason, f"Registration {reg.id} {why}.", "registration", reg.id)


def _invalid(reason: str, message: str) -> ServiceError:
    return validation_error(message, reason, [{"Name": "resourceId", "Message": message}])


def _supported(ctx: Context, reg: Registration, resource_type: str) -> Mapping[str, Any] | None:
    """The SupportedAssociation of ``reg``'s type for ``resource_type`` (None: the type has
    no definitions, so anything goes); a type that does not take it is a ValidationException."""
    definition = ctx.service.options.catalogue.definition(reg.type)
    if definition is None:
        return None
    for supported in definition.associations:
        if supported["ResourceType"] == resource_type:
            return supported
    takes = ", ".join(a["ResourceType"] for a in definition.associations) or "nothing"
    raise _invalid(
        "INVALID_REGISTRATION_ASSOCIATION",
        f"A {reg.type} cannot be associated with a {resource_type}; it takes {takes}.",
    )


def _behaviour(ctx: Context, reg: Registration, resource_type: str, key: str) -> str | None:
    definition = ctx.service.options.catalogue.definition(reg.type)
    for supported in definition.associations if definition is not None else ():
        if supported["ResourceType"] == resource_type:
            return str(supported[key])
    return None


def _phone(state: RegionState, id_or_arn: str) -> PhoneNumber | None:
    pid = arns.resource_id(id_or_arn, state, PHONE_NUMBER)
    return state.phone_numbers.get(pid) if pid is not None else None


def _resolve(state: RegionState, id_or_arn: str) -> Registration | PhoneNumber | RcsAgent:
    """The registration, phone number or RCS agent an ID or ARN names, or
    ResourceNotFoundException."""
    parsed = arns.parse(id_or_arn) if id_or_arn.startswith("arn:") else None
    if (parsed is not None and parsed.kind == "registration") or id_or_arn.startswith(
        "registration-"
    ):
        rid = arns.resource_id(id_or_arn, state, "registration")
        reg = state.registrations.get(rid) if rid is not None else None
        if reg is None:
            raise not_found("registration", id_or_arn)
        return reg
    if (parsed is not None and parsed.kind == RCS_AGENT.arn_type) or id_or_arn.startswith("rcs-"):
        agent: RcsAgent | None = lookup(state, RCS_AGENT, id_or_arn)
        if agent is None:
            raise not_found(RCS_AGENT.arn_type, id_or_arn)
        return agent
    phone = _phone(state, id_or_arn)
    if phone is None:
        raise not_found(_resource_type_of(id_or_arn, parsed), id_or_arn)
    return phone


def _resource_type_of(id_or_arn: str, parsed: arns.Arn | None) -> str:
    """The ResourceType to name for something this mock does not hold."""
    known = model.enum("ResourceType")
    if parsed is not None:
        return parsed.kind if parsed.kind in known else PHONE_NUMBER
    for prefix, kind in (("phone-", PHONE_NUMBER), ("pool-", "pool"), ("rcs-", "rcs-agent")):
        if id_or_arn.startswith(prefix) and kind in known:
            return kind
    return "sender-id"


def associate(
    ctx: Context, reg: Registration, target: Registration | PhoneNumber | RcsAgent
) -> Association:
    """Check every rule, then record the association (and the number's RegistrationId)."""
    from pinpoint_mock.service import rcs_agents, rcs_launches  # they build on this family

    if reg.closed:
        raise _refuse(reg, "RESOURCE_MODIFICATION_NOT_ALLOWED", "is CLOSED")
    if target is reg:
        raise _invalid("INVALID_REGISTRATION_ASSOCIATION", "A registration cannot take itself.")
    existing = reg.associations or []
    if any(a.resource_id == target.id for a in existing):
        raise conflict(
            already_associated(),
            f"{target.id} is already associated with registration {reg.id}.",
            "registration",
            reg.id,
        )
    if isinstance(target, Registration):
        supported = _supported(ctx, reg, target.type)
        iso = None if supported is None else supported.get("IsoCountryCode")
        if any(a.resource_type == target.type for a in existing):
            raise conflict(
                already_associated(),
                f"Registration {reg.id} already has a {target.type} associated.",
                "registration",
                reg.id,
            )
        _check_timing(reg, supported)
        if target.status != lc.COMPLETE:
            raise conflict(
                "REGISTRATION_NOT_COMPLETE",
                f"Registration {target.id} is {target.status}; only a COMPLETE {target.type} "
                "can be associated.",
                "registration",
                target.id,
            )
        _check_quotas(ctx, reg, phone=False)
        association = Association(
            ctx.state.next_seq(), target.id, target.arn, target.type, iso_country_code=iso
        )
        if target.held_by is None:
            target.held_by = set()
        target.held_by.add(reg.id)
    elif isinstance(target, rcs_agents.RcsAgent):
        supported = _supported(ctx, reg, rcs_launches.RESOURCE_TYPE)
        rcs_launches.check_associable(ctx.state, reg, target)
        _check_timing(reg, supported)
        _check_quotas(ctx, reg, phone=False)
        association = Association(
            ctx.state.next_seq(),
            target.id,
            target.arn,
            rcs_launches.RESOURCE_TYPE,
            iso_country_code=rcs_launches.launch_country(reg),
        )
    else:
        supported = _supported(ctx, reg, target.number_type)
        iso = None if supported is None else supported.get("IsoCountryCode")
        if iso is not None and iso != target.iso_country_code:
            raise _invalid(
                "COUNTRY_CODE_MISMATCH",
                f"A {reg.type} takes {target.number_type} numbers of {iso}; "
                f"{target.number} is a {target.iso_country_code} number.",
            )
        if target.registration_id is not None:
            raise conflict(
                "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION",
                f"Phone number {target.id} is already associated with registration "
                f"{target.registration_id}.",
                PHONE_NUMBER,
                target.id,
            )
        _check_timing(reg, supported)
        _check_quotas(ctx, reg, phone=True)
        association = Association(
            ctx.state.next_seq(),
            target.id,
            target.arn,
            target.number_type,
            iso_country_code=target.iso_country_code,
            phone_number=target.number,
        )
        target.registration_id = reg.id
    if reg.associations is None:
        reg.associations = []
    reg.associations.append(association)
    return association


def _check_timing(reg: Registration, supported: Mapping[str, Any] | None) -> None:
    behaviour = supported["AssociationBehavior"] if supported is not None else None
    if behaviour == ON_APPROVAL:
        raise _invalid(
            "INVALID_REGISTRATION_ASSOCIATION",
            f"A {reg.type} gets its {supported and supported['ResourceType']} on approval; "
            "it cannot be associated through the API.",
        )
    if behaviour == AFTER_COMPLETE and reg.status != lc.COMPLETE:
        raise _refuse(
            reg,
            "REGISTRATION_NOT_COMPLETE",
            f"is {reg.status}; a {supported and supported['ResourceType']} can be associated "
            "once it is COMPLETE",
        )
    if reg.current.status in lc.UNDER_REVIEW:
        raise _refuse(
            reg,
            "REGISTRATION_ALREADY_SUBMITTED",
            f"has version {reg.current.number} under review ({reg.current.status}); "
            "associations cannot change until the review ends",
        )


def _check_quotas(ctx: Context, reg: Registration, *, phone: bool) -> None:
    quotas = ctx.service.options.quotas
    existing = reg.associations or []
    limit = quotas.get("ASSOCIATIONS_PER_REGISTRATION")
    if limit is not None and len(existing) >= limit:
        raise quota_exceeded("ASSOCIATIONS_PER_REGISTRATION", limit)
    limit = quotas.get("PHONE_NUMBERS_PER_REGISTRATION")
    if phone and limit is not None and sum(a.phone_number is not None for a in existing) >= limit:
        raise quota_exceeded("PHONE_NUMBERS_PER_REGISTRATION", limit)


def association_view(association: Association) -> dict[str, Any]:
    """A RegistrationAssociationMetadata."""
    view: dict[str, Any] = {
        "ResourceArn": association.resource_arn,
        "ResourceId": association.resource_id,
        "ResourceType": association.resource_type,
    }
    if association.iso_country_code is not None:
        view["IsoCountryCode"] = association.iso_country_code
    if association.phone_number is not None:
        view["PhoneNumber"] = association.phone_number
    return view


def create_registration_association(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    reg = find(ctx.state, params["RegistrationId"])
    target = _resolve(ctx.state, params["ResourceId"])
    association = associate(ctx, reg, target)
    return {
        "RegistrationArn": reg.arn,
        "RegistrationId": reg.id,
        "RegistrationType": reg.type,
        **association_view(association),
    }


_FILTERS = {
    "resource-type": (None, lambda a: a.resource_type),
    "iso-country-code": (None, lambda a: a.iso_country_code or ()),
}


def list_registration_associations(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    reg = find(ctx.state, params["RegistrationId"])
    found, token = listing(ctx, params, reg.associations or [], lambda a: a.seq, _FILTERS)
    result = {
        "RegistrationArn": reg.arn,
        "RegistrationId": reg.id,
        "RegistrationType": reg.type,
        "RegistrationAssociations": [association_view(a) for a in found],
    }
    return with_token(result, token)


# -- what associations mean elsewhere -----------------------------------------------------------


def before_submit(ctx: Context, reg: Registration) -> None:
    """With ``check_fields``: an ASSOCIATE_BEFORE_SUBMIT resource must be associated."""
    if not ctx.service.options.check_fields:
        return
    definition = ctx.service.options.catalogue.definition(reg.type)
    held = {a.resource_type for a in reg.associations or ()}
    for supported in definition.associations if definition is not None else ():
        wanted = supported["ResourceType"]
        if supported["AssociationBehavior"] == BEFORE_SUBMIT and wanted not in held:
            raise _refuse(
                reg,
                "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
                f"needs a {wanted} associated before it is submitted "
                "(CreateRegistrationAssociation)",
            )


def _numbers(ctx: Context, reg: Registration) -> list[PhoneNumber]:
    numbers = []
    for association in reg.associations or ():
        if association.phone_number is not None:
            phone = ctx.state.phone_numbers.get(association.resource_id)
            if phone is not None and phone.registration_id == reg.id:
                numbers.append(phone)
    return numbers


def before_delete(ctx: Context, reg: Registration) -> None:
    """DeleteRegistration: numbers still associated block it, unless the type's behaviour
    is DELETE_REGISTRATION_DISASSOCIATES (or it has no definitions); then they are dropped.
    A registration that another one holds as an association (a 10DLC brand of a campaign)
    cannot be deleted while that one is under review; otherwise the association goes too."""
    numbers = _numbers(ctx, reg)
    blocking = [
        p
        for p in numbers
        if _behaviour(ctx, reg, p.number_type, "DisassociationBehavior")
        not in (None, DISASSOCIATES)
    ]
    if blocking:
        raise _refuse(
            reg,
            "RESOURCE_DELETION_NOT_ALLOWED",
            "still has phone numbers associated; release them first ("
            + ", ".join(p.id for p in blocking)
            + ")",
        )
    live = ctx.state.registrations
    holders = sorted((live[h] for h in reg.held_by or () if h in live), key=lambda r: r.seq)
    reviewed = [other.id for other in holders if other.current.status in lc.UNDER_REVIEW]
    if reviewed:
        raise _refuse(
            reg,
            "RESOURCE_DELETION_NOT_ALLOWED",
            "is associated with a registration under review (" + ", ".join(reviewed) + ")",
        )
    for phone in numbers:
        phone.registration_id = None
    for other in holders:  # the association goes with the registration it names
        kept = [a for a in other.associations or () if a.resource_id != reg.id]
        other.associations = kept or None


def on_release(ctx: Context, phone: PhoneNumber) -> None:
    """ReleasePhoneNumber of an associated number: the association goes; releasing the last
    number of a submitted DISASSOCIATE_ALL_CLOSES_REGISTRATION registration closes it."""
    reg = ctx.state.registrations.get(phone.registration_id or "")
    if reg is None:
        return
    if reg.current.status in lc.UNDER_REVIEW:
        raise conflict(
            "RESOURCE_MODIFICATION_NOT_ALLOWED",
            f"Phone number {phone.id} belongs to registration {reg.id}, which is under review "
            f"({reg.current.status}); it cannot be released until the review ends.",
            PHONE_NUMBER,
            phone.id,
        )
    remaining = [a for a in reg.associations or () if a.resource_id != phone.id]
    reg.associations = remaining or None
    phone.registration_id = None
    closes = _behaviour(ctx, reg, phone.number_type, "DisassociationBehavior") == CLOSES
    if (
        closes
        and not reg.closed
        and reg.status != lc.CREATED
        and not any(a.phone_number is not None for a in remaining)
    ):
        Review(ctx.state, reg).close()


HANDLERS: dict[str, Handler] = {
    "CreateRegistrationAssociation": create_registration_association,
    "ListRegistrationAssociations": list_registration_associations,
}
