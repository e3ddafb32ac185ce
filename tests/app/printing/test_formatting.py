"""Number, money and time formats of the printed documents (tests format amounts with these)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics

from app.printing.fonts import FONT, register_fonts
from app.printing.formatting import (
    hours,
    local_date,
    local_datetime,
    markup,
    money,
    money_with_symbol,
    percent,
    quantity,
)
from app.shop import zone_named

D = Decimal


def test_money_has_two_decimals_grouping_and_a_sign() -> None:
    assert money(D("1234.5")) == "1,234.50"
    assert money(D("0")) == "0.00"
    assert money(D("-872.00")) == "-872.00"
    assert money_with_symbol(D("1485.50")) == "¥1,485.50"
    assert money_with_symbol(D("-872")) == "-¥872.00"
    assert money_with_symbol(D("5"), "HKD") == "HK$5.00"
    assert money_with_symbol(D("5"), "XYZ") == "XYZ 5.00"


@given(st.decimals(min_value=D("-9999999999.99"), max_value=D("9999999999.99"), places=2))
def test_money_text_reads_back_as_the_same_amount(value: Decimal) -> None:
    assert D(money(value).replace(",", "")) == value


def test_quantities_hours_and_percentages() -> None:
    assert quantity(D("4.500")) == "4.5" and quantity(D("1.000")) == "1"
    assert quantity(D("0.000")) == "0" and quantity(D("100")) == "100"
    assert hours(D("1.2")) == "1.20"
    assert percent(D("0.1000")) == "10%" and percent(D("0.0850")) == "8.5%"
    assert percent(D("0")) == ""


def test_times_are_shown_in_the_zone_named() -> None:
    at = datetime(2026, 3, 1, 18, 30, tzinfo=UTC)
    assert local_datetime(at, zone_named("Asia/Shanghai")) == "2026-03-02 02:30"
    assert local_datetime(at, zone_named("Europe/Berlin")) == "2026-03-01 19:30"
    assert local_date(at, zone_named("Asia/Shanghai")) == "2026-03-02"
    assert local_date(date(2026, 1, 5), zone_named("")) == "2026-01-05"
    assert local_datetime(None, zone_named("Asia/Shanghai")) == ""
    assert zone_named("Not/AZone").key == "Asia/Shanghai"


def test_user_text_is_escaped_for_paragraphs() -> None:
    assert markup("A & B <i>\nC") == "A &amp; B &lt;i&gt;<br/>C"


def test_the_font_is_registered_once() -> None:
    assert register_fonts() == FONT
    font = pdmetrics_font()
    assert register_fonts() == FONT and pdmetrics_font() is font


def pdmetrics_font():
    return pdfmetrics.getFont(FONT)
