"""How numbers, money and times look on printed documents (tests format with these too)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from app.money import round_money

CURRENCY_SYMBOLS = {"CNY": "¥", "HKD": "HK$", "TWD": "NT$", "MOP": "MOP$", "USD": "US$",
                    "EUR": "€"}


def money(value: Decimal) -> str:
    """``Decimal("1234.5")`` → ``1,234.50`` (two decimals, thousands grouped, minus sign)."""
    return f"{round_money(value):,.2f}"


def money_with_symbol(value: Decimal, currency: str = "CNY") -> str:
    """``¥1,234.50``, ``-¥12.00``; a currency without a symbol is written as its code."""
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    text = money(abs(value))
    return f"-{symbol}{text}" if value < 0 else f"{symbol}{text}"


def quantity(value: Decimal) -> str:
    """``Decimal("4.500")`` → ``4.5``, ``Decimal("1.000")`` → ``1`` (no exponent)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("0", "-0") else text


def hours(value: Decimal) -> str:
    """Standard hours with two decimals: ``1.20``."""
    return f"{value:.2f}"


def percent(rate: Decimal) -> str:
    """A fraction as a percentage: ``0.1000`` → ``10%``, ``0.0850`` → ``8.5%``; 0 → empty."""
    if not rate:
        return ""
    return f"{quantity(rate * 100)}%"


def local_datetime(value: datetime | None, zone: ZoneInfo) -> str:
    """An aware time in the shop's zone: ``2026-05-12 14:30``; empty for None."""
    if value is None:
        return ""
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def local_date(value: datetime | date | None, zone: ZoneInfo) -> str:
    """The shop-local date: ``2026-05-12``; empty for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(zone).date()
    return value.isoformat()


def markup(text: str | None) -> str:
    """User text made safe for a reportlab Paragraph (escaped, line breaks kept)."""
    return escape((text or "").strip()).replace("\r\n", "\n").replace("\n", "<br/>")
