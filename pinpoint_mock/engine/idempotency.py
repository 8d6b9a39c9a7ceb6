"""``ClientToken`` idempotency for the create operations other than CreateRegistration.

A token is scoped to its operation, account and region. The same token with the same
parameters returns the first result; with other parameters it is a ConflictException
``RESOURCE_ALREADY_EXISTS`` naming the resource the first call created. Only a digest of
the parameters is kept, so a large attachment body is not held twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine.errors import conflict
from pinpoint_mock.engine.store import RegionState

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler


def _key(operation: str, token: str) -> str:
    # NUL cannot appear in a ClientToken ([!-~]+), so these never meet CreateRegistration's.
    return f"{operation}\x00{token}"


def fingerprint(params: dict[str, Any]) -> str:
    shaping = {k: v for k, v in params.items() if k != "ClientToken"}
    return hashlib.sha256(json.dumps(shaping, sort_keys=True).encode()).hexdigest()


def recall(
    state: RegionState,
    operation: str,
    params: dict[str, Any],
    digest: str,
    resource_type: str,
    id_member: str,
) -> dict[str, Any] | None:
    """The first result for this call's token, or None when the token is new or absent."""
    token = params.get("ClientToken")
    if token is None:
        return None
    first = state.client_tokens.get(_key(operation, token))
    if first is None:
        return None
    first_digest, first_result = first
    if first_digest != digest:
        raise conflict(
            "RESOURCE_ALREADY_EXISTS",
            f"ClientToken {token} was already used with different parameters.",
            resource_type,
            first_result[id_member],
        )
    return first_result


def remember(
    state: RegionState, operation: str, params: dict[str, Any], digest: str, result: dict[str, Any]
) -> None:
    token = params.get("ClientToken")
    if token is not None:
        state.client_tokens[_key(operation, token)] = (digest, result)


def idempotent(operation: str, resource_type: str, id_member: str) -> Callable[[Handler], Handler]:
    """A create handler that honours ``ClientToken``: a token seen before with the same
    parameters returns the first result without running the handler again; a successful
    result is remembered under its token (a failed call leaves the token unused)."""

    def wrap(handler: Handler) -> Handler:
        def run(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
            digest = fingerprint(params)
            first = recall(ctx.state, operation, params, digest, resource_type, id_member)
            if first is not None:
                return first
            result = handler(ctx, params)
            remember(ctx.state, operation, params, digest, result)
            return result

        return run

    return wrap
