"""The shop's calendar: seasonal load, opening hours, and time as integer seconds.

Times are whole seconds since 1970-01-01 UTC (``int``), which keeps the hot loops free of
``datetime`` objects; the shop works in China Standard Time (UTC+8, no daylight saving).
``TimeText`` turns them into the text each backend stores and the fiscal chain hashes.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import date, timedelta
from itertools import accumulate

from app.holidays import SPRING_FESTIVAL

CST = 8 * 3600  # China Standard Time offset, seconds
DAY = 86400
EPOCH = date(1970, 1, 1)

_WEEKDAY = (0.95, 0.9, 0.9, 0.92, 1.0, 1.22, 1.1)  # Monday … Sunday
# Minutes after midnight when cars are checked in: a morning rush, a quieter afternoon.
_ARRIVALS = ((8 * 60, 9 * 60, 30), (9 * 60, 10 * 60 + 30, 34), (10 * 60 + 30, 12 * 60, 16),
             (13 * 60 + 30, 15 * 60, 12), (15 * 60, 17 * 60 + 30, 8))
_ARRIVAL_CUM = list(accumulate(w for _, _, w in _ARRIVALS))


def day_number(day: date) -> int:
    """Days since 1970-01-01."""
    return (day - EPOCH).days


def local_seconds(day: int, minute: float) -> int:
    """UTC seconds of ``minute`` after local midnight of day number ``day``."""
    return day * DAY + int(minute * 60) - CST


def local_day(seconds: int) -> int:
    """The local (China) day number of a UTC time."""
    return (seconds + CST) // DAY


def date_of(day: int) -> date:
    return EPOCH + timedelta(days=day)


def load_factor(day: date, start: date, end: date) -> float:
    """How busy the workshop is on ``day`` relative to an ordinary weekday.

    The weeks before the Spring Festival and before National Day are the busiest (everyone
    wants the car serviced before the long drive home); the holidays themselves are quiet.
    The store also grows over the years.
    """
    factor = _WEEKDAY[day.weekday()]
    festival = SPRING_FESTIVAL.get(day.year + (1 if day.month >= 11 else 0))
    if festival is not None:
        before = (festival - day).days
        if 1 <= before <= 24:
            factor *= 1.0 + 0.8 * (1 - abs(before - 9) / 16)
        elif -5 <= before <= 0:
            factor *= 0.06
        elif -14 <= before < -5:
            factor *= 0.8
    if day.month == 9 and day.day >= 12:
        factor *= 1.35
    elif day.month == 10 and day.day <= 7:
        factor *= 0.45
    elif day.month == 4 and day.day >= 20:
        factor *= 1.12
    elif day.month == 5 and day.day <= 5:
        factor *= 0.7
    elif day.month in (7, 8):
        factor *= 1.06
    span = max((end - start).days, 1)
    return factor * (0.75 + 0.4 * (day - start).days / span)


def daily_counts(total: int, start: date, end: date) -> list[int]:
    """Split ``total`` orders over the days ``start`` … ``end`` (inclusive) by load factor.

    Largest-remainder rounding: the counts add up to ``total`` exactly.
    """
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    weights = [load_factor(d, start, end) for d in days]
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    counts = [int(x) for x in exact]
    short = total - sum(counts)
    order = sorted(range(len(days)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in order[:short]:
        counts[i] += 1
    return counts


def arrival_minute(rng: random.Random) -> float:
    """A check-in time in minutes after local midnight (morning rush, afternoon lull)."""
    i = bisect_right(_ARRIVAL_CUM, rng.random() * _ARRIVAL_CUM[-1])
    low, high, _w = _ARRIVALS[i]
    return low + rng.random() * (high - low)


def vat_rate(seconds: int) -> int:
    """The VAT rate (in 1/10000) in force at ``seconds``: 17 % → 16 % (May 2018) → 13 % (April
    2019) on parts and repair labour."""
    if seconds < _VAT16:
        return 1700
    if seconds < _VAT13:
        return 1600
    return 1300


_VAT16 = local_seconds(day_number(date(2018, 5, 1)), 0)
_VAT13 = local_seconds(day_number(date(2019, 4, 1)), 0)


_CLOCK = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(DAY)]


class TimeText:
    """Integer UTC seconds as stored text (per backend) and as the fiscal chain writes them."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self._days: dict[int, str] = {}
        self._suffix = ".000000" if backend == "sqlite" else "+00"

    def _day(self, day: int) -> str:
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = date_of(day).isoformat()
        return text

    def stored(self, seconds: int) -> str:
        """What the column holds: naive UTC text on SQLite, ``…+00`` on PostgreSQL."""
        day, rest = divmod(seconds, DAY)
        text = self._days.get(day) or self._day(day)
        return f"{text} {_CLOCK[rest]}{self._suffix}"

    def canonical(self, seconds: int) -> str:
        """The fiscal chain's form: ISO-8601 UTC with microseconds and ``Z``."""
        day, rest = divmod(seconds, DAY)
        return f"{self._day(day)}T{_CLOCK[rest]}.000000Z"

    def date(self, day: int) -> str:
        """A DATE column's text (day number → ``YYYY-MM-DD``)."""
        return self._day(day)
