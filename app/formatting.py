"""How money, quantities, percentages, times and phone numbers are written, everywhere.

Plain Python (no Qt), so printed documents, exports and screens show the same text for the
same value. Money is rounded half-up to the minor unit (``app.money.round_money``) before it
is written; ``None`` is written as ``empty`` (``""`` unless the caller asks otherwise).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from app.money import round_money
from app.validation.phones import national_format

CURRENCY_SYMBOLS = {"CNY": "¥", "HKD": "HK$", "TWD": "NT$", "MOP": "MOP$", "USD": "US$",
                    "EUR": "€"}
_HUNDREDTH = Decimal("0.01")


def money(value: Decimal | None, empty: str = "") -> str:
    """``Decimal("1234.5")`` → ``1,234.50`` (two decimals, thousands grouped, minus sign)."""
    return empty if value is None else f"{round_money(value):,.2f}"


def money_with_symbol(value: Decimal, currency: str = "CNY") -> str:
    """``¥1,234.50``, ``-¥12.00``; a currency without a symbol is written as its code."""
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    text = money(abs(value))
    return f"-{symbol}{text}" if value < 0 else f"{symbol}{text}"


def quantity(value: Decimal | None, empty: str = "") -> str:
    """``Decimal("4.500")`` → ``4.5``, ``Decimal("1.000")`` → ``1`` (no exponent, no -0)."""
    if value is None:
        return empty
    text = format(value.normalize(), "f")
    return "0" if text in ("0", "-0") else text


def hours(value: Decimal) -> str:
    """Standard hours with two decimals: ``1.20``."""
    return f"{value:.2f}"


def percent(fraction: Decimal | None) -> str:
    """A fraction as a percentage to 0.01 %: ``0.1000`` → ``10%``, ``0.0850`` → ``8.5%``;
    0 or None → empty."""
    if not fraction:
        return ""
    return f"{quantity((fraction * 100).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP))}%"


def grouped(value: int) -> str:
    """A whole number with thousands grouped: ``45210`` → ``45,210``."""
    return f"{value:,}"


def local_datetime(value: datetime | None, zone: tzinfo | None, empty: str = "") -> str:
    """An aware time in the shop's zone: ``2026-05-12 14:30``; ``empty`` for None."""
    if value is None:
        return empty
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def local_date(value: datetime | date | None, zone: tzinfo | None, empty: str = "") -> str:
    """The shop-local date: ``2026-05-12``; ``empty`` for None."""
    if value is None:
        return empty
    if isinstance(value, datetime):
        value = value.astimezone(zone).date()
    return value.isoformat()


def local_clock(value: datetime | None, zone: tzinfo | None, empty: str = "") -> str:
    """The shop-local time of day: ``14:30``; ``empty`` for None."""
    return empty if value is None else value.astimezone(zone).strftime("%H:%M")


def phone(number: str | None, empty: str = "") -> str:
    """A stored phone as people read it: ``+8613812345678`` → ``138 1234 5678``.

    A masked number (``138****5678``, see ``app.privacy``) and text that is not E.164 stay as
    they are.
    """
    if not number:
        return empty
    if number.startswith("+") and "*" not in number:
        return national_format(number)
    return number
