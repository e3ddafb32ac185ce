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


_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAPITAL_UNITS = ("", "拾", "佰", "仟")
_CAPITAL_GROUPS = ("", "万", "亿", "万亿")


def _capital_group(number: int) -> str:
    """1–9999 in capitals, zeros inside said once (1005 → 壹仟零伍), none at the end."""
    out, zero = "", False
    for place in (3, 2, 1, 0):
        digit = number // 10 ** place % 10
        if digit == 0:
            zero = zero or bool(out)
        else:
            out += ("零" if zero else "") + _CAPITAL_DIGITS[digit] + _CAPITAL_UNITS[place]
            zero = False
    return out


def rmb_in_capitals(value: Decimal) -> str:
    """An amount in Chinese capitals as written on invoices (大写金额): ``2308.00`` →
    ``贰仟叁佰零捌元整``, ``1005.30`` → ``壹仟零伍元叁角整``, ``10.05`` → ``壹拾元零伍分``;
    negative amounts (credit notes) start with 负. Up to 9999 万亿."""
    amount = round_money(value)
    sign = "负" if amount < 0 else ""
    fen_total = int(abs(amount) * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    groups: list[int] = []
    rest = yuan
    while rest:
        groups.append(rest % 10000)
        rest //= 10000
    if len(groups) > len(_CAPITAL_GROUPS):
        raise ValueError("amount too large to write in capitals")
    text, gap = "", False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if group == 0:
            gap = gap or bool(text)
            continue
        if text and (gap or group < 1000):
            text += "零"
        text += _capital_group(group) + _CAPITAL_GROUPS[index]
        gap = False
    if text:
        text += "元"
    if jiao == 0 and fen == 0:
        return sign + (text or "零元") + "整"
    if jiao:
        text += _CAPITAL_DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if fen:
        return sign + text + _CAPITAL_DIGITS[fen] + "分"
    return sign + text + "整"


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
