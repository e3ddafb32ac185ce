"""Chinese public holidays that shape a service department's year."""

from __future__ import annotations

from datetime import date

# Lunar New Year's day (春节, 正月初一): the weeks before are the busiest of the year, and
# shops close from New Year's Eve to about the third day.
SPRING_FESTIVAL: dict[int, date] = {
    2014: date(2014, 1, 31), 2015: date(2015, 2, 19), 2016: date(2016, 2, 8),
    2017: date(2017, 1, 28), 2018: date(2018, 2, 16), 2019: date(2019, 2, 5),
    2020: date(2020, 1, 25), 2021: date(2021, 2, 12), 2022: date(2022, 2, 1),
    2023: date(2023, 1, 22), 2024: date(2024, 2, 10), 2025: date(2025, 1, 29),
    2026: date(2026, 2, 17), 2027: date(2027, 2, 6), 2028: date(2028, 1, 26),
    2029: date(2029, 2, 13), 2030: date(2030, 2, 3), 2031: date(2031, 1, 23),
    2032: date(2032, 2, 11), 2033: date(2033, 1, 31), 2034: date(2034, 2, 19),
    2035: date(2035, 2, 8), 2036: date(2036, 1, 28), 2037: date(2037, 2, 15),
    2038: date(2038, 2, 4), 2039: date(2039, 1, 24), 2040: date(2040, 2, 12),
}


def spring_festival(year: int) -> date:
    """Lunar New Year's day of ``year`` (5 February outside the table's range)."""
    return SPRING_FESTIVAL.get(year, date(year, 2, 5))
