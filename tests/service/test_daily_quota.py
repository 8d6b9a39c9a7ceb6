"""The 24-hour window behind the *_CREATED_PER_DAY quotas."""

from __future__ import annotations

from collections import deque

import pytest

from pinpoint_mock.engine.errors import ServiceError
from pinpoint_mock.service.daily_quota import DAY, count_today

REASON = "REGISTRATION_VERSIONS_CREATED_PER_DAY"


def test_without_a_limit_nothing_is_counted() -> None:
    created: deque[float] = deque()
    for at in range(5):
        count_today(created, float(at), None, REASON)
    assert not created


def test_past_the_limit_within_a_day_the_creation_is_refused() -> None:
    created: deque[float] = deque()
    count_today(created, 0.0, 2, REASON)
    count_today(created, 10.0, 2, REASON)
    with pytest.raises(ServiceError) as refused:
        count_today(created, DAY - 1, 2, REASON)
    assert refused.value.code == "ServiceQuotaExceededException"
    assert refused.value.fields == {"Reason": REASON}
    assert list(created) == [0.0, 10.0]  # a refused creation is not counted


def test_creations_older_than_a_day_stop_counting() -> None:
    created: deque[float] = deque([0.0, 10.0])
    count_today(created, DAY, 2, REASON)  # the one at 0.0 is exactly a day old: dropped
    assert list(created) == [10.0, DAY]
    with pytest.raises(ServiceError):
        count_today(created, DAY + 5, 2, REASON)
