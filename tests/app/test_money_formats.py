"""Amounts as people type them: what is read, and what is refused rather than guessed."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.money import parse_money, parse_quantity, parse_rate

FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
COMMA_RULE = ("Use a point for decimals, e.g. 12.50; commas only between thousands, "
              "e.g. 1,234.50.")


@pytest.mark.parametrize(("text", "expected"), [
    ("12.50", "12.50"), ("¥1,234.50", "1234.50"), ("￥1,234.50", "1234.50"),
    ("1 234.50", "1234.50"), ("1\u00a0234.50", "1234.50"), ("１２．５０", "12.50"),
    ("１，２３４．５０", "1234.50"), ("RMB 12.50", "12.50"), ("rmb12.5", "12.50"),
    ("CNY 8", "8.00"), ("12.50元", "12.50"), ("1,234,567.89", "1234567.89"),
    (".5", "0.50"), ("12.", "12.00"), ("\u200e12.50\u200f", "12.50"),
])
def test_amounts_in_the_forms_people_type_them(text: str, expected: str) -> None:
    assert parse_money(text) == D(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("-¥12.50", "-12.50"), ("¥-12.50", "-12.50"), ("\u221212.50", "-12.50"),
    ("- 1,000", "-1000.00"),
])
def test_signed_amounts(text: str, expected: str) -> None:
    assert parse_money(text, allow_negative=True) == D(expected)


@pytest.mark.parametrize("text", ["12,50", "1,2,3", "1,23", "1.234,50", "12 50", "1,2345",
                                  "1,234 567", ",5", "1,,234", "１２，５０"])
def test_an_ambiguous_comma_is_refused_saying_what_is_expected(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_money(text, field="amount", label="Amount")
    assert caught.value.msgid == COMMA_RULE
    assert "12.50" in caught.value.message("zh_CN")


@pytest.mark.parametrize("text", ["abc", "1e3", "0x1A", "1_000", "٣", "12¥50", "NaN",
                                  "--1", "1..2", "¥", "12.50 USD"])
def test_what_is_not_an_amount_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_money(text)


def test_quantities_and_rates_follow_the_same_rule() -> None:
    assert parse_quantity("１，０００") == D("1000.000")
    with pytest.raises(ValidationError) as caught:
        parse_quantity("1,5")
    assert caught.value.msgid == COMMA_RULE
    assert parse_rate("１０％") == D("0.1000")
    with pytest.raises(ValidationError):
        parse_rate("0,1")


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=D("9999999999.99"), places=2))
def test_every_amount_formatted_with_grouping_reads_back(value: D) -> None:
    assert parse_money(f"{value:,.2f}") == value
    assert parse_money(f"¥{value:,.2f}") == value
    assert parse_money(f"{value:.2f}".translate(FULL_WIDTH)) == value
