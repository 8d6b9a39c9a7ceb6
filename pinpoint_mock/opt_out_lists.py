"""CreateOptOutList, DescribeOptOutLists and DeleteOptOutList, modelled just enough for the
``OptOutListName`` of RequestPhoneNumber.

Every account and region has the list ``Default`` (AWS makes it for an account's first
number; here it appears with the first use of opt-out lists or phone numbers in that region).
A name is taken once (ConflictException ``RESOURCE_ALREADY_EXISTS``). ``Default`` and a list
that a phone number uses cannot be deleted (``RESOURCE_DELETION_NOT_ALLOWED``). The opted-out
numbers themselves (PutOptedOutNumber, DescribeOptedOutNumbers, ...) are not modelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pinpoint_mock import arns, model
from pinpoint_mock.errors import conflict, not_found
from pinpoint_mock.idempotency import idempotent
from pinpoint_mock.listing import listing, with_token
from pinpoint_mock.registrations.tags import new_tags
from pinpoint_mock.store import SEEDS, RegionState, now

if TYPE_CHECKING:
    from pinpoint_mock.dispatch import Context, Handler

KIND = "opt-out-list"
DEFAULT = "Default"
_OPERATION = "CreateOptOutList"


@dataclass(slots=True, eq=False)
class OptOutList:
    name: str
    arn: str
    seq: int
    created: float
    tags: list[dict[str, str]] | None = None


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
    return OptOutList(name, arns.build(state, KIND, name), state.next_seq(), now())


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
    tags = new_tags(ctx, params.get("Tags"))
    entry = _new(state, name)
    entry.tags = tags
    state.opt_out_lists[name] = entry
    result = _view(entry, "CreateOptOutListResult")
    if entry.tags:
        result["Tags"] = [dict(t) for t in entry.tags]
    return result


def describe_opt_out_lists(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    names = params.get("OptOutListNames")
    candidates: list[OptOutList]
    if params.get("Owner") == "SHARED":
        candidates = []  # nothing is shared with this account here
    elif names:
        chosen = {e.name: e for e in (find(state, n) for n in names)}
        candidates = sorted(chosen.values(), key=lambda e: e.seq)
    else:
        candidates = list(lists(state).values())
    found, token = listing(ctx, params, candidates, lambda e: e.seq)
    shown = [_view(e, "OptOutListInformation") for e in found]
    return with_token({"OptOutLists": shown}, token)


def delete_opt_out_list(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    entry = find(state, params["OptOutListName"])
    users = [p.id for p in state.phone_numbers.values() if p.opt_out_list_name == entry.name]
    if entry.name == DEFAULT or users:
        why = (
            "is the account's default list"
            if entry.name == DEFAULT
            else ("is used by phone number(s) " + ", ".join(users))
        )
        raise conflict(
            "RESOURCE_DELETION_NOT_ALLOWED",
            f"Opt-out list {entry.name} {why}; it cannot be deleted.",
            KIND,
            entry.name,
        )
    del state.opt_out_lists[entry.name]
    return _view(entry, "DeleteOptOutListResult")


HANDLERS: dict[str, Handler] = {
    "CreateOptOutList": create_opt_out_list,
    "DescribeOptOutLists": describe_opt_out_lists,
    "DeleteOptOutList": delete_opt_out_list,
}
