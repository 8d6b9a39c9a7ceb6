"""What an RCS agent's registrations make of it: its status, its testing agent, its country
launches (DescribeRcsAgentCountryLaunchStatus), and whom it may send to.

An agent is an origination identity for RCS with no name of its own: its brand comes from the
registrations associated with it (CreateRegistrationAssociation with the agent's ID). A
``TEST_RCS_LAUNCH_REGISTRATION`` makes its testing agent; a ``<ISO2>_RCS_LAUNCH_REGISTRATION``
(give such types through the ``registration_types`` option: the built-in catalogue has only the
test type) launches it in that country. A registration holds one agent; an agent holds one
registration (not closed) of each type (``RCS_AGENT_ALREADY_ASSOCIATED_TO_REGISTRATION_TYPE``).
Nothing else moves an agent: its status follows those registrations as the review API
(``sms.review(id)``) drives them, and is worked out whenever it is read:

* ``TestingAgent.Status``: CREATED while the test registration is a draft (or denied),
  PENDING while it is under review, ACTIVE once a version is approved and in force;
* each country launch: CREATED (draft), PENDING (under review), ACTIVE (approved, in force),
  REJECTED (denied, or the registration closed); its one carrier follows it;
* the agent: ACTIVE when every country launch is ACTIVE, PARTIAL when some are, TESTING when
  none is but the testing agent is ACTIVE, PENDING while a registration of its is under
  review, else CREATED.

A testing agent sends only to verified destination numbers created with its ``RcsAgentId``;
a launched agent sends to its ACTIVE countries (and its testers).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import conflict, validation_error
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.resources import (
    RCS_AGENT,
    VERIFIED_DESTINATION_NUMBER,
    already_associated,
    find,
)
from pinpoint_mock.engine.store import RegionState
from pinpoint_mock.service.registrations import lifecycle as lc
from pinpoint_mock.service.registrations.records import Registration

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable
    from pinpoint_mock.service.rcs_agents import RcsAgent

KIND = RCS_AGENT.arn_type
TEST_TYPE = "TEST_RCS_LAUNCH_REGISTRATION"
_LAUNCH_TYPE = re.compile(r"([A-Z]{2})_RCS_LAUNCH_REGISTRATION")
# What a registration association names an agent as (AWS does not show it; ours).
RESOURCE_TYPE = "RCS_AGENT"
CARRIER = "Example Mobile"  # the one carrier of every launch (as in message events)
_UNDER_REVIEW = frozenset(lc.UNDER_REVIEW) | {lc.PROVISIONING}


def registrations(state: RegionState, agent: RcsAgent) -> list[Registration]:
    """The registrations holding ``agent``, in creation order."""
    held = [
        reg
        for reg in state.registrations.values()
        if any(a.resource_id == agent.id for a in reg.associations or ())
    ]
    return sorted(held, key=lambda reg: reg.seq)


def _in_force(reg: Registration) -> bool:
    return reg.approved is not None and not reg.provisioning and not reg.closed


def launch_status(reg: Registration) -> str:
    if _in_force(reg):
        return "ACTIVE"
    if reg.closed or reg.status == lc.REQUIRES_UPDATES:
        return "REJECTED"
    return "PENDING" if reg.status in _UNDER_REVIEW else "CREATED"


def testing_status(reg: Registration) -> str:
    if _in_force(reg):
        return "ACTIVE"
    return "PENDING" if reg.status in _UNDER_REVIEW else "CREATED"


def launch_country(reg: Registration) -> str | None:
    matched = _LAUNCH_TYPE.fullmatch(reg.type)
    return matched.group(1) if matched else None


def _first_test(held: list[Registration]) -> Registration | None:
    return next((reg for reg in held if reg.type == TEST_TYPE), None)


def testing_registration(state: RegionState, agent: RcsAgent) -> Registration | None:
    """The agent's ``TEST_RCS_LAUNCH_REGISTRATION``, if it has one."""
    return _first_test(registrations(state, agent))


def _launches(held: list[Registration]) -> list[Registration]:
    return [reg for reg in held if launch_country(reg) is not None]


def status(state: RegionState, agent: RcsAgent) -> str:
    held = registrations(state, agent)
    launched = [launch_status(reg) for reg in _launches(held)]
    if "ACTIVE" in launched:
        return "ACTIVE" if all(s == "ACTIVE" for s in launched) else "PARTIAL"
    test = _first_test(held)
    if test is not None and testing_status(test) == "ACTIVE":
        return "TESTING"
    if any(reg.status in _UNDER_REVIEW for reg in held):
        return "PENDING"
    return "CREATED"


def platform_id(agent: RcsAgent) -> str:
    """The RBM agent ID the mock shows for ``agent`` (AWS's format is not documented)."""
    return agent.id.removeprefix("rcs-")[:16] + "_agent"


def sendable_countries(state: RegionState, agent: RcsAgent) -> set[str]:
    """The countries ``agent`` is launched in (ACTIVE)."""
    return {
        country
        for reg in _launches(registrations(state, agent))
        if launch_status(reg) == "ACTIVE" and (country := launch_country(reg)) is not None
    }


def is_tester(state: RegionState, agent: RcsAgent, destination: str) -> bool:
    return any(
        v.number == destination and v.status == "VERIFIED" and v.rcs_agent_id == agent.id
        for v in state.of(VERIFIED_DESTINATION_NUMBER).values()
    )


def check_sendable(state: RegionState, agent: RcsAgent, destination: str, country: str) -> None:
    """Refuse a send from ``agent`` to ``destination`` that AWS would not carry: from an agent
    with no testing agent or launch in force (``REGISTRATION_NOT_COMPLETE`` when one is
    associated, ``RESOURCE_NOT_ACTIVE`` when none is); from a testing agent to a number that
    is not one of its verified testers (``DESTINATION_PHONE_NUMBER_NOT_VERIFIED``); from a
    launched agent to a country it is not launched in, nor a tester
    (``INVALID_IDENTITY_FOR_DESTINATION_COUNTRY``)."""
    now_status = status(state, agent)
    if now_status in ("CREATED", "PENDING"):
        held = registrations(state, agent)
        if held:
            raise conflict(
                "REGISTRATION_NOT_COMPLETE",
                f"RCS agent {agent.id} cannot send until registration {held[0].id} has an "
                "approved version in force.",
                "registration",
                held[0].id,
            )
        raise conflict(
            "RESOURCE_NOT_ACTIVE",
            f"RCS agent {agent.id} cannot send: associate a {TEST_TYPE} (or a country's "
            "RCS launch registration) with it and have it approved.",
            KIND,
            agent.id,
        )
    if country in sendable_countries(state, agent):
        return
    test = testing_registration(state, agent)
    tester = test is not None and testing_status(test) == "ACTIVE"
    if tester and is_tester(state, agent, destination):
        return
    if now_status == "TESTING":
        raise conflict(
            "DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
            f"RCS agent {agent.id} is a testing agent: it sends only to its verified testers "
            f"(CreateVerifiedDestinationNumber with RcsAgentId), and {destination} is not one.",
            VERIFIED_DESTINATION_NUMBER.arn_type,
            destination,
        )
    message = f"RCS agent {agent.id} is not launched in {country}."
    raise validation_error(
        message,
        "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        [{"Name": "destinationPhoneNumber", "Message": message}],
    )


def check_associable(state: RegionState, reg: Registration, agent: RcsAgent) -> None:
    """CreateRegistrationAssociation of ``agent`` with ``reg``: a registration holds one agent;
    an agent holds one registration (not closed) of each type."""
    if any(a.resource_type == RESOURCE_TYPE for a in reg.associations or ()):
        raise conflict(
            already_associated(),
            f"Registration {reg.id} already has an RCS agent associated.",
            "registration",
            reg.id,
        )
    same = [r.id for r in registrations(state, agent) if r.type == reg.type and not r.closed]
    if same:
        raise conflict(
            "RCS_AGENT_ALREADY_ASSOCIATED_TO_REGISTRATION_TYPE",
            f"RCS agent {agent.id} already has a {reg.type} ({same[0]}).",
            KIND,
            agent.id,
        )


def _launch_view(agent: RcsAgent, reg: Registration) -> dict[str, Any]:
    shown = launch_status(reg)
    carrier = {"ACTIVE": "ACTIVE", "REJECTED": "REJECTED"}.get(shown, "PENDING")
    view: dict[str, Any] = {
        "IsoCountryCode": launch_country(reg),
        "Status": shown,
        "RegistrationId": reg.id,
        "CarrierStatus": [{"CarrierName": CARRIER, "Status": carrier}],
    }
    if shown == "ACTIVE":
        view["RcsPlatformId"] = platform_id(agent)
    return view


_LAUNCH_FILTERS: FilterTable[Registration] = {
    "country-launch-status": ("CountryLaunchStatus", launch_status),
}


def describe_rcs_agent_country_launch_status(
    ctx: Context, params: dict[str, Any]
) -> dict[str, Any]:
    state = ctx.state
    agent: RcsAgent = find(state, RCS_AGENT, params["RcsAgentId"])
    launches = _launches(registrations(state, agent))
    wanted = params.get("IsoCountryCodes")
    if wanted:
        launches = [reg for reg in launches if launch_country(reg) in wanted]
    found, token = listing(ctx, params, launches, lambda reg: reg.seq, _LAUNCH_FILTERS)
    result = {
        "RcsAgentId": agent.id,
        "RcsAgentArn": agent.arn,
        "CountryLaunchStatus": [_launch_view(agent, reg) for reg in found],
    }
    return with_token(result, token)


HANDLERS: dict[str, Handler] = {
    "DescribeRcsAgentCountryLaunchStatus": describe_rcs_agent_country_launch_status,
}
