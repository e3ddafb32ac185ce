"""Money arithmetic: Decimal only, rounded half-up to the minor unit at documented points.

The rounding rule (stored with every invoice as ``ROUNDING_RULE``):

1. A line's amount = quantity × unit price × (1 − discount), rounded half-up to 0.01.
   With tax-inclusive prices (the shop default in China) that amount is the line's gross;
   otherwise it is the line's net.
2. A line's tax is computed from that rounded amount and rounded half-up to 0.01:
   inclusive: tax = gross × r / (1 + r); exclusive: tax = net × r. The other side follows by
   addition/subtraction, so net + tax = gross holds exactly on every line.
3. Document totals, the tax breakdown per rate and each payer's share are sums of the rounded
   line values: what is printed on the lines always adds up to what is printed at the bottom.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.errors import ValidationError
from app.i18n import _
from app.validation.text import normalise_identifier

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal("9999999999.99")  # ten billion minus a fen: far above any repair bill
ROUNDING_RULE = "v1 line=half_up(qty*price*(1-disc),0.01); line tax half_up 0.01; totals=sum"


def round_money(value: Decimal) -> Decimal:
    """Round half-up to the minor unit (0.01)."""
    if isinstance(value, float):
        raise TypeError("money must not be float")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


# An amount as typed: digits with an optional decimal point, thousands grouped by commas (or
# spaces) in threes only — "12,50" or "1.234,50" could mean two different amounts.
_NUMBER_RE = re.compile(r"(?:\d+|\d{1,3}(?:(?P<sep>[, ])\d{3})(?:(?P=sep)\d{3})*)(?:\.\d*)?"
                        r"|\.\d+", re.ASCII)
_CURRENCY_PREFIX_RE = re.compile(r"^(?:¥|\$|RMB|CNY)\s*", re.IGNORECASE)
_CURRENCY_SUFFIX_RE = re.compile(r"\s*(?:元|RMB|CNY)$", re.IGNORECASE)
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-"})


def _number_text(value: str, *, field: str, label: str) -> str:
    """The plain number (``-1234.50``) in an amount as typed, or ``ValidationError``.

    Accepts full-width digits and punctuation (``１２．５０``), a currency sign or code before
    (``¥``, ``￥``, ``RMB``, ``CNY``) or ``元`` after, a sign, and thousands separated by commas
    or spaces in groups of three (``1,234.50``, ``1 234.50``). A comma anywhere else is refused
    rather than guessed.
    """
    text = normalise_identifier(value).translate(_MINUS_SIGNS)
    if not text:
        raise ValidationError(field, label, _("Enter a number."))
    sign = ""
    for _step in range(2):  # "-¥12.50" and "¥-12.50"
        if text[:1] in ("+", "-") and not sign:
            sign, text = text[0], text[1:].lstrip()
        text = _CURRENCY_PREFIX_RE.sub("", text, count=1)
    text = _CURRENCY_SUFFIX_RE.sub("", text, count=1).strip()
    if _NUMBER_RE.fullmatch(text):
        return sign + text.replace(",", "").replace(" ", "")
    if "," in text or " " in text:
        raise ValidationError(field, label,
                              _("Use a point for decimals, e.g. 12.50; commas only between "
                                "thousands, e.g. 1,234.50."))
    raise ValidationError(field, label, _("“{text}” is not a number; enter e.g. 12.50."),
                          text=value.strip()[:40])


def parse_decimal(
    value: object,
    *,
    field: str,
    label: str,
    places: int,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
) -> Decimal:
    """Parse user input (text, int or Decimal) into a Decimal with at most ``places`` decimals.

    Text is read by ``_number_text`` (full-width digits, currency signs, thousands grouped in
    threes); floats, NaN, Infinity, exponents, an ambiguous comma (``12,50``), more decimals
    than allowed and values outside [minimum, maximum] raise ``ValidationError``.
    """
    if isinstance(value, (bool, float)):
        raise ValidationError(field, label, _("Enter a number (exact decimal), not {kind}."),
                              kind=type(value).__name__)
    if isinstance(value, str):
        try:
            number = Decimal(_number_text(value, field=field, label=label))
        except InvalidOperation:  # pragma: no cover - the pattern admits only plain numbers
            raise ValidationError(field, label, _("“{text}” is not a number; enter e.g. 12.50."),
                                  text=value.strip()[:40]) from None
    elif isinstance(value, (Decimal, int)):
        number = Decimal(value)
    else:
        raise ValidationError(field, label, _("Enter a number."))
    if not number.is_finite():
        raise ValidationError(field, label, _("Enter a finite number."))
    # Range first: quantizing a huge number (1e30) would overflow the decimal context.
    if minimum is not None and number < minimum:
        raise ValidationError(field, label, _("Must be at least {minimum}."), minimum=minimum)
    if maximum is not None and number > maximum:
        raise ValidationError(field, label, _("Must be at most {maximum}."), maximum=maximum)
    if abs(number) >= Decimal(10) ** 18:
        raise ValidationError(field, label, _("Must be at most {maximum}."),
                              maximum=Decimal(10) ** 18)
    quantum = Decimal(1).scaleb(-places)
    if number != number.quantize(quantum, rounding=ROUND_HALF_UP):
        raise ValidationError(field, label, _("Use at most {places} decimal places."),
                              places=places)
    return number.quantize(quantum)


def parse_money(value: object, *, field: str = "amount", label: str = _("Amount"),
                allow_negative: bool = False) -> Decimal:
    """Parse an amount of money (2 decimals, within ±MAX_AMOUNT)."""
    return parse_decimal(value, field=field, label=label, places=2,
                         minimum=-MAX_AMOUNT if allow_negative else ZERO, maximum=MAX_AMOUNT)


def parse_quantity(value: object, *, field: str = "quantity",
                   label: str = _("Quantity")) -> Decimal:
    """Parse a positive quantity (3 decimals)."""
    q = parse_decimal(value, field=field, label=label, places=3, maximum=Decimal("1000000"))
    if q <= 0:
        raise ValidationError(field, label, _("Must be greater than zero."))
    return q


def parse_rate(value: object, *, field: str = "discount", label: str = _("Discount")) -> Decimal:
    """Parse a fraction 0..1 given as a fraction (0.1) or percentage text ("10%")."""
    if isinstance(value, str) and value.strip().endswith(("%", "％")):
        pct = parse_decimal(value.strip()[:-1], field=field, label=label, places=2,
                            minimum=Decimal(0), maximum=Decimal(100))
        return (pct / 100).quantize(Decimal("0.0001"))
    return parse_decimal(value, field=field, label=label, places=4, minimum=Decimal(0),
                         maximum=Decimal(1))


@dataclass(frozen=True)
class LineAmounts:
    """The rounded money of one line."""

    net: Decimal
    tax: Decimal
    gross: Decimal


def line_amounts(quantity: Decimal, unit_price: Decimal, discount: Decimal, tax_rate: Decimal,
                 *, prices_include_tax: bool) -> LineAmounts:
    """Net, tax and gross of one line under ``ROUNDING_RULE``."""
    for v in (quantity, unit_price, discount, tax_rate):
        if isinstance(v, float):
            raise TypeError("money must not be float")
    amount = round_money(quantity * unit_price * (1 - discount))
    if prices_include_tax:
        tax = round_money(amount * tax_rate / (1 + tax_rate))
        return LineAmounts(net=amount - tax, tax=tax, gross=amount)
    tax = round_money(amount * tax_rate)
    return LineAmounts(net=amount, tax=tax, gross=amount + tax)


@dataclass(frozen=True)
class TaxBreakdownRow:
    rate: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal


@dataclass(frozen=True)
class Totals:
    """Document totals: sums of rounded lines, per tax rate and per payer."""

    net: Decimal
    tax: Decimal
    gross: Decimal
    by_rate: tuple[TaxBreakdownRow, ...]
    by_payer: dict[str, Decimal]


def sum_lines(lines: Iterable[tuple[LineAmounts, Decimal, str]]) -> Totals:
    """Totals of ``(amounts, tax_rate, payer)`` triples."""
    net = tax = gross = ZERO
    rates: dict[Decimal, list[Decimal]] = {}
    payers: dict[str, Decimal] = {}
    for amounts, rate, payer in lines:
        net += amounts.net
        tax += amounts.tax
        gross += amounts.gross
        row = rates.setdefault(rate, [ZERO, ZERO, ZERO])
        row[0] += amounts.net
        row[1] += amounts.tax
        row[2] += amounts.gross
        payers[payer] = payers.get(payer, ZERO) + amounts.gross
    by_rate = tuple(TaxBreakdownRow(r, *v) for r, v in sorted(rates.items()))
    return Totals(net, tax, gross, by_rate, payers)
