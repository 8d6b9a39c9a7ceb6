"""DescribeRegistrations and DescribeRegistrationVersions: IDs or ARNs, filters, pages."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from pinpoint_mock import model
from pinpoint_mock.errors import validation_error
from pinpoint_mock.registrations.lookup import find
from pinpoint_mock.registrations.records import (
    Registration,
    Version,
    registration_view,
    version_view,
)

if TYPE_CHECKING:
    from pinpoint_mock.dispatch import Context

T = TypeVar("T")
DEFAULT_PAGE = 100

# filter name -> (enum shape its values must belong to, or None, and the attribute it tests)
_REGISTRATION_FILTERS: dict[str, tuple[str | None, Callable[[Registration], str]]] = {
    "registration-type": (None, lambda r: r.type),
    "registration-status": ("RegistrationStatus", lambda r: r.status),
}
_VERSION_FILTERS: dict[str, tuple[str | None, Callable[[Version], str]]] = {
    "registration-version-status": ("RegistrationVersionStatus", lambda v: v.status),
}


def _predicates(
    filters: list[dict[str, Any]],
    table: dict[str, tuple[str | None, Callable[[T], str]]],
) -> list[Callable[[T], bool]]:
    """OR within one filter's values, AND across filters; values are checked."""
    tests: list[Callable[[T], bool]] = []
    for i, item in enumerate(filters, 1):
        enum_shape, attribute = table[item["Name"]]
        values = frozenset(item["Values"])
        if enum_shape is not None:
            allowed = model.enum(enum_shape)
            bad = sorted(values.difference(allowed))
            if bad:
                message = (
                    f"Invalid values {', '.join(bad)} for filter {item['Name']}; "
                    f"valid values are {', '.join(allowed)}."
                )
                raise validation_error(
                    message,
                    "INVALID_FILTER_VALUES",
                    [{"Name": f"filters.{i}.member.values", "Message": message}],
                )
        tests.append(lambda x, a=attribute, v=values: a(x) in v)  # type: ignore[misc]
    return tests


def _scope(ctx: Context, params: dict[str, Any]) -> str:
    shaping = {k: v for k, v in params.items() if k not in ("NextToken", "MaxResults")}
    request = ctx.request
    return f"{request.operation}|{request.account_id}|{request.region}|" + json.dumps(
        shaping, sort_keys=True
    )


def _page(
    ctx: Context,
    params: dict[str, Any],
    candidates: Iterable[T],
    tests: list[Callable[[T], bool]],
    position: Callable[[T], int],
) -> tuple[list[T], str | None]:
    limit = params.get("MaxResults") or DEFAULT_PAGE
    page: list[T] = []
    for item in candidates:
        if all(test(item) for test in tests):
            if len(page) == limit:
                token = ctx.service.tokens.encode(_scope(ctx, params), position(page[-1]))
                return page, token
            page.append(item)
    return page, None


def _start(ctx: Context, params: dict[str, Any]) -> int:
    token = params.get("NextToken")
    return 0 if token is None else ctx.service.tokens.decode(_scope(ctx, params), token)


def describe_registrations(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    state = ctx.state
    tests = _predicates(params.get("Filters") or [], _REGISTRATION_FILTERS)
    after = _start(ctx, params)
    ids = params.get("RegistrationIds")
    candidates: Iterable[Registration]
    if ids:
        chosen = {}
        for id_or_arn in ids:
            reg = find(state, id_or_arn)
            chosen[reg.id] = reg
        candidates = sorted((r for r in chosen.values() if r.seq > after), key=lambda r: r.seq)
    else:
        candidates = _from(state.order, state.after(after))
    page, token = _page(ctx, params, candidates, tests, lambda r: r.seq)
    result: dict[str, Any] = {"Registrations": [registration_view(r) for r in page]}
    if token is not None:
        result["NextToken"] = token
    return result


def _from(items: list[T], start: int) -> Iterator[T]:
    for i in range(start, len(items)):
        yield items[i]


def describe_registration_versions(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    reg = find(ctx.state, params["RegistrationId"])
    tests = _predicates(params.get("Filters") or [], _VERSION_FILTERS)
    after = _start(ctx, params)
    numbers = params.get("VersionNumbers")
    candidates: list[Version]
    if numbers:
        chosen: dict[int, Version] = {}
        for i, number in enumerate(numbers, 1):
            version = reg.version(number)
            if version is None:
                message = f"Registration {reg.id} has no version {number}."
                raise validation_error(
                    message,
                    "UNKNOWN_REGISTRATION_VERSION",
                    [{"Name": f"versionNumbers.{i}.member", "Message": message}],
                )
            chosen[number] = version
        candidates = [chosen[n] for n in sorted(chosen) if n > after]
    else:
        candidates = reg.versions[after:]
    page, token = _page(ctx, params, candidates, tests, lambda v: v.number)
    result: dict[str, Any] = {
        "RegistrationArn": reg.arn,
        "RegistrationId": reg.id,
        "RegistrationVersions": [version_view(v) for v in page],
    }
    if token is not None:
        result["NextToken"] = token
    return result
