"""``ClientToken`` for the create operations other than CreateRegistration."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from pinpoint_mock.engine.errors import ServiceError
from pinpoint_mock.engine.idempotency import idempotent
from pinpoint_mock.engine.store import RegionState


def counting_handler() -> tuple[Any, list[dict[str, Any]]]:
    runs: list[dict[str, Any]] = []

    @idempotent("CreateThing", "thing", "ThingId")
    def create(ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        runs.append(params)
        if params.get("Fail"):
            raise ServiceError("ValidationException", "no")
        return {"ThingId": f"thing-{len(runs)}"}

    return create, runs


def context(account: str = "123456789012", region: str = "us-east-1") -> Any:
    return SimpleNamespace(state=RegionState(account, region))


def test_the_same_token_and_params_return_the_first_result_without_running_again() -> None:
    create, runs = counting_handler()
    ctx = context()
    first = create(ctx, {"Name": "a", "ClientToken": "t"})
    assert create(ctx, {"ClientToken": "t", "Name": "a"}) is first
    assert len(runs) == 1


def test_the_same_token_with_other_params_is_a_conflict_naming_the_first_resource() -> None:
    create, _ = counting_handler()
    ctx = context()
    create(ctx, {"Name": "a", "ClientToken": "t"})
    with pytest.raises(ServiceError) as refused:
        create(ctx, {"Name": "b", "ClientToken": "t"})
    assert refused.value.code == "ConflictException"
    assert refused.value.fields == {
        "Reason": "RESOURCE_ALREADY_EXISTS",
        "ResourceType": "thing",
        "ResourceId": "thing-1",
    }


def test_without_a_token_or_after_a_failure_the_handler_runs_each_time() -> None:
    create, runs = counting_handler()
    ctx = context()
    create(ctx, {"Name": "a"})
    create(ctx, {"Name": "a"})
    with pytest.raises(ServiceError):
        create(ctx, {"Name": "a", "Fail": True, "ClientToken": "t"})
    create(ctx, {"Name": "a", "Fail": False, "ClientToken": "t"})  # the token was not used
    assert len(runs) == 4


def test_tokens_are_scoped_to_one_account_and_region() -> None:
    create, runs = counting_handler()
    create(context(), {"Name": "a", "ClientToken": "t"})
    create(context(region="eu-west-1"), {"Name": "a", "ClientToken": "t"})
    theirs = context(account="111122223333")
    create(theirs, {"Name": "a", "ClientToken": "t"})
    assert len(runs) == 3
    create(theirs, {"Name": "a", "ClientToken": "t"})  # the same place: the first result
    assert len(runs) == 3
