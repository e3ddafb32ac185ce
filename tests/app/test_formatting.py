"""The shared formats of app/formatting.py (prints, exports and screens)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from app import formatting as f
from app.printing import formatting as printing
from app.shop import zone_named


def test_money_rounds_half_up_and_writes_none_as_empty() -> None:
    assert f.money(D("1234.5")) == "1,234.50"
    assert f.money(D("0.125")) == "0.13"  # half-up, not half-even
    assert f.money(D("-0.005")) == "-0.01"
    assert f.money(None) == "" and f.money(None, "—") == "—"


def test_quantity_percent_and_grouping() -> None:
    assert f.quantity(D("2.500")) == "2.5" and f.quantity(D("-0.000")) == "0"
    assert f.quantity(None) == ""
    assert f.percent(D("0.125")) == "12.5%" and f.percent(D("0.12345")) == "12.35%"
    assert f.percent(D("0")) == "" and f.percent(None) == ""
    assert f.grouped(45210) == "45,210"


def test_times_in_the_shop_zone() -> None:
    zone = zone_named("Asia/Shanghai")
    at = datetime(2026, 3, 1, 18, 30, tzinfo=UTC)
    assert f.local_datetime(at, zone) == "2026-03-02 02:30"
    assert f.local_datetime(None, zone, "—") == "—"
    assert f.local_date(at, zone) == "2026-03-02"
    assert f.local_clock(at, zone) == "02:30" and f.local_clock(None, zone) == ""


def test_phone_is_written_nationally_and_masks_stay() -> None:
    assert f.phone("+8613812345678") == "138 1234 5678"
    assert f.phone("138****5678") == "138****5678"
    assert f.phone("") == "" and f.phone(None, "—") == "—"


def test_printing_uses_the_same_functions() -> None:
    assert printing.money is f.money and printing.quantity is f.quantity
    assert printing.percent is f.percent and printing.local_datetime is f.local_datetime


@pytest.mark.parametrize(("amount", "words"), [
    ("2308.00", "贰仟叁佰零捌元整"),
    ("1005.30", "壹仟零伍元叁角整"),
    ("10.05", "壹拾元零伍分"),
    ("0.50", "伍角整"),
    ("0.05", "伍分"),
    ("0.00", "零元整"),
    ("100000.01", "壹拾万元零壹分"),
    ("100010000.00", "壹亿零壹万元整"),
    ("10500.00", "壹万零伍佰元整"),
    ("110000.00", "壹拾壹万元整"),
    ("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    ("-872.00", "负捌佰柒拾贰元整"),
])
def test_amounts_in_chinese_capitals(amount: str, words: str) -> None:
    from decimal import Decimal

    from app.formatting import rmb_in_capitals

    assert rmb_in_capitals(Decimal(amount)) == words
