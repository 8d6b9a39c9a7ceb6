"""Quotas counted over the last 24 hours (e.g. REGISTRATION_VERSIONS_CREATED_PER_DAY)."""

from __future__ import annotations

from collections import deque

from pinpoint_mock.engine.errors import quota_exceeded

DAY = 86_400.0


def count_today(created: deque[float], at: float, limit: int | None, reason: str) -> None:
    """Record a creation at ``at``; past ``limit`` in the last day, refuse it with ``reason``.

    ``created`` holds the times of earlier creations, oldest first; those older than a day are
    dropped as a side effect. Without a limit nothing is recorded (no quota is enforced).
    """
    if limit is None:
        return
    while created and created[0] <= at - DAY:
        created.popleft()
    if len(created) >= limit:
        raise quota_exceeded(reason, limit)
    created.append(at)
