"""Opt-out lists and the numbers on them: CreateOptOutList, DescribeOptOutLists,
DeleteOptOutList, PutOptedOutNumber, DescribeOptedOutNumbers, DeleteOptedOutNumber.

Every account and region has the list ``Default`` from the start (AWS makes it for an
account's first number). A name is taken once (ConflictException ``RESOURCE_ALREADY_EXISTS``).
``Default`` and a list that a phone number, pool or RCS agent uses cannot be deleted
(``RESOURCE_DELETION_NOT_ALLOWED``); deleting a list deletes its opted-out numbers.

A number you put on a list yourself shows ``EndUserOptedOut`` false; putting it again keeps
its first timestamp and flag. A number comes off a list at most once every 30 days (AWS's
documented rule): a second DeleteOptedOutNumber of the same number within 30 days of the
first is a ConflictException ``RESOURCE_MODIFICATION_NOT_ALLOWED``. A number given without
its leading ``+`` (the model's pattern allows that) is kept and matched in E.164 form, as
sends read their destination, so ``14255550100`` opts out ``+14255550100``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns, model
from pinpoint_mock.engine.errors import conflict, not_found
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.listing import boolean, listing, with_token
from pinpoint_mock.engine.resources import (
    OPT_OUT_LIST,
    POOL,
    RCS_AGENT,
    Resource,
    candidates,
    check_quota,
    stamp,
)
from pinpoint_mock.engine.snapshot import register_kind
from pinpoint_mock.engine.store import SEEDS, RegionState, now
from pinpoint_mock.service.sending.countries import with_plus
from pinpoint_mock.service.tags import new_tags, with_tags

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable

KIND = "opt-out-list"
DEFAULT = "Default"
_OPERATION = "CreateOptOutList"


@dataclass(slots=True, eq=False)
class OptedOut:
    number: str
    when: float
    end_user: bool

    def view(self) -> dict[str, Any]:
        return {
            "OptedOutNumber": self.number,
            "OptedOutTimestamp": self.when,
            "EndUserOptedOut": self.end_user,
        }


@dataclass(slots=True, eq=False)
class OptOutList(Resource):
    numbers: dict[str, OptedOut] = field(default_factory=dict)  # by number, in order put
    deleted: dict[str, float] = field(default_factory=dict)  # number -> its last deletion

    @property
    def name(self) -> str:
        return self.id


register_kind(OPT_OUT_LIST.arn_type, OptOutList)  # kept by sms.export_state()


def lists(state: RegionState) -> dict[str, OptOutList]:
    """The region's lists by name, ``Default`` first."""
    return state.opt_out_lists


def _seed(state: RegionState) -> None:
    state.opt_out_lists[DEFAULT] = _new(state, DEFAULT)


SEEDS.append(_seed)


def find(state: RegionState, name_or_arn: str) -> OptOutList:
    name = arns.resource_id(name_or_arn, state, KIND)
    found = lists(state).get(name) if name is not None else None
    if found is None:
        raise not_found(KIND, name_or_arn)
    return found


def _new(state: RegionState, name: str) -> OptOutList:
    return OptOutList(**stamp(state, OPT_OUT_LIST, name))


def _view(entry: OptOutList, shape_name: str) -> dict[str, Any]:
    members = model.members(shape_name)
    view = {
        "OptOutListArn": entry.arn,
        "OptOutListName": entry.name,
        "CreatedTimestamp": entry.created,
    }
    return {k: v for k, v in view.items() if k in members}


@idempotent(_OPERATION, KIND, "OptOutListName")
def create_opt_out_list(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    name = params["OptOutListName"]
    if name in lists(state):
        raise conflict(
            "RESOURCE_ALREADY_EXISTS", f"An opt-out list named {name} already exists.", KIND, name
        )
    check_quota(ctx, OPT_OUT_LIST, len(lists(state)))  # Default counts
    tags = new_tags(ctx, params.get("Tags"))
    entry = _new(state, name)
    entry.tags = tags
    state.opt_out_lists[name] = entry
    result = _view(entry, "CreateOptOutListResult")
    return with_tags(result, entry.tags)


def describe_opt_out_lists(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    chosen = candidates(state, OPT_OUT_LIST, params, "OptOutListNames", lambda n: find(state, n))
    found, token = listing(ctx, params, chosen, lambda e: e.seq)
    shown = [_view(e, "OptOutListInformation") for e in found]
    return with_token({"OptOutLists": shown}, token)


def delete_opt_out_list(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    entry = find(state, params["OptOutListName"])
    users = [p.id for p in state.phone_numbers.values() if p.opt_out_list_name == entry.name]
    users += [p.id for p in state.of(POOL).values() if p.opt_out_list_name == entry.name]
    users += [a.id for a in state.of(RCS_AGENT).values() if a.opt_out_list_name == entry.name]
    if entry.name == DEFAULT or users:
        why = (
            "is the account's default list"
            if entry.name == DEFAULT
            else ("is used by " + ", ".join(users))
        )
        raise conflict(
            "RESOURCE_DELETION_NOT_ALLOWED",
            f"Opt-out list {entry.name} {why}; it cannot be deleted.",
            KIND,
            entry.name,
        )
    del state.opt_out_lists[entry.name]
    return _view(entry, "DeleteOptOutListResult")


_THIRTY_DAYS = 30 * 24 * 3600


def _list_head(entry: OptOutList) -> dict[str, Any]:
    return {"OptOutListArn": entry.arn, "OptOutListName": entry.name}


def opt_out(state: RegionState, list_name: str, number: str, *, end_user: bool) -> OptedOut:
    """Put ``number`` on the list (kept as it was when it is there already)."""
    entry = find(state, list_name)
    existing = entry.numbers.get(number)
    if existing is None:
        existing = entry.numbers[number] = OptedOut(number, now(), end_user)
    return existing


def put_opted_out_number(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find(ctx.state, params["OptOutListName"])
    added = opt_out(ctx.state, entry.name, with_plus(params["OptedOutNumber"]), end_user=False)
    return {**_list_head(entry), **added.view()}


_OPTED_FILTERS: FilterTable[tuple[int, OptedOut]] = {
    "end-user-opted-out": boolean(lambda p: p[1].end_user),
}


def describe_opted_out_numbers(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find(ctx.state, params["OptOutListName"])
    wanted = [with_plus(n) for n in params.get("OptedOutNumbers") or ()]
    for number in wanted:
        if number not in entry.numbers:
            raise not_found("opted-out-number", number)
    chosen = set(wanted or entry.numbers)
    candidates = [(i, n) for i, n in enumerate(entry.numbers.values(), 1) if n.number in chosen]
    found, token = listing(ctx, params, candidates, lambda p: p[0], _OPTED_FILTERS)
    shown = [n.view() for _, n in found]
    return with_token({**_list_head(entry), "OptedOutNumbers": shown}, token)


def delete_opted_out_number(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    entry = find(ctx.state, params["OptOutListName"])
    number = with_plus(params["OptedOutNumber"])
    existing = entry.numbers.get(number)
    if existing is None:
        raise not_found("opted-out-number", number)
    last = entry.deleted.get(number)
    moment = now()
    if last is not None and moment - last < _THIRTY_DAYS:
        raise conflict(
            "RESOURCE_MODIFICATION_NOT_ALLOWED",
            f"{number} came off opt-out list {entry.name} less than 30 days ago; a number can "
            "be deleted from a list once every 30 days.",
            "opted-out-number",
            number,
        )
    del entry.numbers[number]
    entry.deleted[number] = moment
    return {**_list_head(entry), **existing.view()}


HANDLERS: dict[str, Handler] = {
    "PutOptedOutNumber": put_opted_out_number,
    "DescribeOptedOutNumbers": describe_opted_out_numbers,
    "DeleteOptedOutNumber": delete_opted_out_number,
    "CreateOptOutList": create_opt_out_list,
    "DescribeOptOutLists": describe_opt_out_lists,
    "DeleteOptOutList": delete_opt_out_list,
}
