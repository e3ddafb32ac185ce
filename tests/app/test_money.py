"""Money: half-up rounding at the documented points, exact parsing, no floats anywhere."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.money import (
    MAX_AMOUNT,
    line_amounts,
    parse_money,
    parse_quantity,
    parse_rate,
    round_money,
    sum_lines,
)

D = Decimal


@pytest.mark.parametrize(("value", "expected"), [
    ("0.005", "0.01"), ("0.015", "0.02"), ("0.025", "0.03"),  # half-even would give 0.02
    ("2.675", "2.68"), ("-0.005", "-0.01"), ("1.004999", "1.00"), ("0", "0.00"),
])
def test_round_money_is_half_up(value: str, expected: str) -> None:
    assert round_money(D(value)) == D(expected)


def test_round_money_rejects_float() -> None:
    with pytest.raises(TypeError):
        round_money(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), [
    ("12.50", "12.50"), ("１２.５", "12.50"), ("¥1,234.5", "1234.50"), ("  7 ", "7.00"),
    ("￥99", "99.00"), ("100元", "100.00"),
])
def test_parse_money_accepts_what_people_type(text: str, expected: str) -> None:
    assert parse_money(text) == D(expected)


@pytest.mark.parametrize("bad", ["", "abc", "1.234", "NaN", "Infinity", "-5", "1e30",
                                 "12.3.4", 1.5, True])
def test_parse_money_refuses_bad_input_naming_the_field(bad: object) -> None:
    with pytest.raises(ValidationError) as err:
        parse_money(bad, field="unit_price", label="Unit price")
    assert err.value.field == "unit_price"
    assert err.value.message("zh_CN").startswith("单价")


def test_parse_rate_accepts_percent_and_fraction() -> None:
    assert parse_rate("10%") == D("0.1000")
    assert parse_rate("０.０５") == D("0.0500")
    with pytest.raises(ValidationError):
        parse_rate("120%")


def test_parse_quantity_must_be_positive() -> None:
    assert parse_quantity("4.5") == D("4.500")
    with pytest.raises(ValidationError):
        parse_quantity("0")


def test_tax_inclusive_line_splits_exactly() -> None:
    amounts = line_amounts(D("1"), D("113.00"), D("0"), D("0.13"), prices_include_tax=True)
    assert (amounts.net, amounts.tax, amounts.gross) == (D("100.00"), D("13.00"), D("113.00"))


def test_tax_exclusive_line_adds_tax() -> None:
    amounts = line_amounts(D("1.5"), D("180.00"), D("0.1"), D("0.13"), prices_include_tax=False)
    assert amounts.net == D("243.00")
    assert amounts.tax == D("31.59")
    assert amounts.gross == D("274.59")


def test_line_rounding_happens_once_per_line() -> None:
    # 3 × 0.335 = 1.005 → 1.01 half-up (half-even would give 1.00)
    amounts = line_amounts(D("3"), D("0.335"), D("0"), D("0"), prices_include_tax=True)
    assert amounts.gross == D("1.01")


def test_totals_are_sums_of_rounded_lines_per_rate_and_payer() -> None:
    a = line_amounts(D("1"), D("10.01"), D("0"), D("0.13"), prices_include_tax=True)
    b = line_amounts(D("1"), D("20.02"), D("0"), D("0.06"), prices_include_tax=True)
    totals = sum_lines([(a, D("0.13"), "customer"), (b, D("0.06"), "insurer")])
    assert totals.gross == a.gross + b.gross
    assert totals.tax == a.tax + b.tax
    assert [r.rate for r in totals.by_rate] == [D("0.06"), D("0.13")]
    assert totals.by_payer == {"customer": a.gross, "insurer": b.gross}


money = st.decimals(min_value=0, max_value=D("99999.99"), places=2, allow_nan=False)
qty = st.decimals(min_value=D("0.001"), max_value=D("999"), places=3, allow_nan=False)
rate = st.sampled_from([D("0"), D("0.03"), D("0.06"), D("0.09"), D("0.13")])
disc = st.decimals(min_value=0, max_value=1, places=4, allow_nan=False)


@settings(max_examples=400, deadline=None)
@given(qty, money, disc, rate, st.booleans())
def test_every_line_balances_to_the_fen(q, price, d, r, inclusive) -> None:
    amounts = line_amounts(q, price, d, r, prices_include_tax=inclusive)
    assert amounts.net + amounts.tax == amounts.gross
    for v in (amounts.net, amounts.tax, amounts.gross):
        assert v == v.quantize(D("0.01"))
        assert isinstance(v, Decimal)
    assert amounts.tax >= 0


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=40), st.floats(), st.integers(), st.decimals()))
def test_parse_money_never_crashes_and_never_returns_junk(value) -> None:
    try:
        result = parse_money(value)
    except ValidationError:
        return
    assert isinstance(result, Decimal)
    assert result.is_finite()
    assert D(0) <= result <= MAX_AMOUNT
    assert result == result.quantize(D("0.01"))
