"""The demo store's calendar: China time, opening hours, Spring Festival and seasonal load."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from app.holidays import spring_festival

CHINA = timezone(timedelta(hours=8), "CST")  # China has one time zone and no summer time
OPENS = time(8, 30)
CLOSES = time(18, 0)
OPEN_MINUTES = 8 * 60 + 30
CLOSE_MINUTES = 18 * 60


def is_closed(day: date) -> bool:
    """True on the Spring Festival days the store is shut (除夕 to 初三)."""
    festival = spring_festival(day.year)
    return festival - timedelta(days=1) <= day <= festival + timedelta(days=3)


def day_weight(day: date) -> float:
    """How busy the workshop is on ``day`` relative to an ordinary weekday (0 when closed).

    Owners bring cars in before the Spring Festival drive home and before the National Day
    holiday; the week after the festival and the Golden Week itself are quiet; weekends are
    busier than weekdays.
    """
    if is_closed(day):
        return 0.0
    weight = 1.3 if day.weekday() >= 5 else 1.0
    festival = spring_festival(day.year)
    next_festival = spring_festival(day.year + 1)
    for fest in (festival, next_festival):
        if fest - timedelta(days=24) <= day < fest - timedelta(days=1):
            weight *= 1.9
        elif fest + timedelta(days=4) <= day <= fest + timedelta(days=10):
            weight *= 0.6
    if date(day.year, 9, 12) <= day <= date(day.year, 9, 30):
        weight *= 1.7
    elif date(day.year, 10, 1) <= day <= date(day.year, 10, 7):
        weight *= 0.5
    elif date(day.year, 4, 20) <= day <= date(day.year, 4, 30):
        weight *= 1.2
    elif day.month in (7, 8):
        weight *= 1.1  # air-conditioning season
    return weight


def at(day: date, minutes: int) -> datetime:
    """``day`` at ``minutes`` after midnight, China time, as an aware UTC datetime."""
    local = datetime.combine(day, time()) + timedelta(minutes=minutes)
    return local.replace(tzinfo=CHINA).astimezone(UTC)


def local(moment: datetime) -> datetime:
    """``moment`` in China time."""
    return moment.astimezone(CHINA)


def minutes_of_day(moment: datetime) -> int:
    """Minutes after midnight (China time) of ``moment``."""
    value = local(moment)
    return value.hour * 60 + value.minute


def next_open_day(day: date) -> date:
    """The first day after ``day`` the store is open."""
    day += timedelta(days=1)
    while is_closed(day):
        day += timedelta(days=1)
    return day


def later(moment: datetime, minutes: int) -> datetime:
    """``minutes`` of working time after ``moment`` (whole minutes), carried over closing time
    and closed days."""
    day = local(moment).date()
    current = max(minutes_of_day(moment), OPEN_MINUTES)
    if is_closed(day) or current >= CLOSE_MINUTES:
        day, current = next_open_day(day), OPEN_MINUTES
    remaining = minutes
    while current + remaining > CLOSE_MINUTES:
        remaining -= CLOSE_MINUTES - current
        day, current = next_open_day(day), OPEN_MINUTES
    return at(day, current + remaining)
