"""What every Describe/List operation shares: filters, pages and their ``NextToken``.

A listing walks its candidates in a fixed order; each candidate has an integer position
that only grows along that order (a sequence number, a version number, an index). A page
ends after ``MaxResults`` matches (default 100) and its token carries the position of the
last item returned, bound to the operation and every parameter that shapes the listing.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from pinpoint_mock.engine import model
from pinpoint_mock.engine.errors import validation_error

T = TypeVar("T")
DEFAULT_PAGE = 100

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context

    # Allowed values of a filter: a model enum shape's name, explicit values, or None (any).
    Allowed: TypeAlias = str | tuple[str, ...] | None
    # filter name -> (allowed values, what an item shows for it: one value or several)
    FilterTable: TypeAlias = Mapping[str, tuple[Allowed, Callable[[T], str | Collection[str]]]]


def boolean(read: Callable[[T], object]) -> tuple[Allowed, Callable[[T], str]]:
    """A filter on a setting that is on or off: its values are ``true`` and ``false``."""
    return ("true", "false"), lambda item: "true" if read(item) else "false"


def predicates(filters: list[dict[str, Any]], table: FilterTable[T]) -> list[Callable[[T], bool]]:
    """One test per filter: OR within its values, AND across filters. An item showing
    several values (e.g. capabilities) matches when any of them is among the filter's."""
    tests: list[Callable[[T], bool]] = []
    for i, item in enumerate(filters, 1):
        allowed, attribute = table[item["Name"]]
        values = frozenset(item["Values"])
        choices = model.enum(allowed) if isinstance(allowed, str) else allowed
        if choices is not None:
            bad = sorted(values.difference(choices))
            if bad:
                message = (
                    f"Invalid values {', '.join(bad)} for filter {item['Name']}; "
                    f"valid values are {', '.join(choices)}."
                )
                raise validation_error(
                    message,
                    "INVALID_FILTER_VALUES",
                    [{"Name": f"filters.{i}.member.values", "Message": message}],
                )
        tests.append(lambda x, a=attribute, v=values: _shows(a(x), v))  # type: ignore[misc]
    return tests


def _shows(shown: str | Collection[str], values: frozenset[str]) -> bool:
    if isinstance(shown, str):
        return shown in values
    return not values.isdisjoint(shown)


def scope(ctx: Context, params: dict[str, Any]) -> str:
    """What a token is bound to: operation, account, region and the shaping parameters."""
    shaping = {k: v for k, v in params.items() if k not in ("NextToken", "MaxResults")}
    request = ctx.request
    return f"{request.operation}|{request.account_id}|{request.region}|" + (
        json.dumps(shaping, sort_keys=True) if shaping else "{}"
    )


def start(ctx: Context, params: dict[str, Any]) -> int:
    """The position after which this page starts (0 without a token)."""
    token = params.get("NextToken")
    return 0 if token is None else ctx.service.tokens.decode(scope(ctx, params), token)


def page(
    ctx: Context,
    params: dict[str, Any],
    candidates: Iterable[T],
    tests: list[Callable[[T], bool]],
    position: Callable[[T], int],
) -> tuple[list[T], str | None]:
    """The matching candidates of one page, and the token of the next (None on the last)."""
    limit = params.get("MaxResults") or DEFAULT_PAGE
    if not tests:  # one more than a page tells whether another page follows
        found = list(itertools.islice(candidates, limit + 1))
        if len(found) <= limit:
            return found, None
        found.pop()
        return found, ctx.service.tokens.encode(scope(ctx, params), position(found[-1]))
    found = []
    for item in candidates:
        if all(test(item) for test in tests):
            if len(found) == limit:
                token = ctx.service.tokens.encode(scope(ctx, params), position(found[-1]))
                return found, token
            found.append(item)
    return found, None


def listing(
    ctx: Context,
    params: dict[str, Any],
    candidates: Iterable[T],
    position: Callable[[T], int],
    table: FilterTable[T] | None = None,
) -> tuple[list[T], str | None]:
    """Filters, start and page in one call, for candidates already in position order:
    those at or before the token's position are skipped."""
    tests = predicates(params.get("Filters") or [], table) if table is not None else []
    after = start(ctx, params)
    remaining = (c for c in candidates if position(c) > after) if after else candidates
    return page(ctx, params, remaining, tests, position)


def with_token(result: dict[str, Any], token: str | None) -> dict[str, Any]:
    if token is not None:
        result["NextToken"] = token
    return result
