"""The promise check-in proposes: two hours on, on the half hour, inside opening hours."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from app.appointments.slots import default_promise

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(("arrives", "promised"), [
    ("2026-03-02 09:10", "2026-03-02 11:30"),  # two hours on, next half hour
    ("2026-03-02 09:00", "2026-03-02 11:00"),  # already on the half hour
    ("2026-03-02 07:40", "2026-03-02 10:00"),  # before opening: from the opening
    ("2026-03-02 16:00", "2026-03-02 18:00"),  # exactly at closing is still today
    ("2026-03-02 16:20", "2026-03-03 10:00"),  # past closing: the next morning
    ("2026-03-02 23:50", "2026-03-03 10:00"),  # late at night: the next morning, not 02:00
])
def test_default_promise(arrives: str, promised: str) -> None:
    moment = datetime.fromisoformat(arrives).replace(tzinfo=SHANGHAI)
    result = default_promise(moment, SHANGHAI)
    assert result.strftime("%Y-%m-%d %H:%M") == promised
    assert result.tzinfo is not None


def test_the_promise_is_in_the_shops_zone_whatever_the_moments_zone() -> None:
    # 19:30 UTC is 03:30 in Guangzhou: the promise is 10:00 there, not 21:30
    result = default_promise(datetime(2026, 3, 2, 19, 30, tzinfo=UTC), SHANGHAI)
    assert result.strftime("%Y-%m-%d %H:%M") == "2026-03-03 10:00"
