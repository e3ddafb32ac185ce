"""The Excel writer: header, formats, widths, frozen panes, and text that stays text."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from app.exports.xlsx import (
    SHEET_TITLE_MAX,
    Column,
    ColumnKind,
    clean_sheet_title,
    display_width,
    write_xlsx,
)

COLUMNS = [Column("日期", ColumnKind.DATE), Column("单号"), Column("数量", ColumnKind.QUANTITY),
           Column("金额", ColumnKind.MONEY), Column("次数", ColumnKind.INTEGER),
           Column("时间", ColumnKind.DATETIME)]


def _read(rows, columns=COLUMNS, title="收入"):
    buffer = io.BytesIO()
    count = write_xlsx(rows, columns, buffer, sheet_title=title)
    buffer.seek(0)
    return count, load_workbook(buffer).active


def test_values_formats_header_and_frozen_pane() -> None:
    rows = [(date(2026, 3, 1), "INV0001", Decimal("1.500"), Decimal("1234.50"), 3,
             datetime(2026, 3, 1, 9, 30)),
            (date(2026, 3, 2), "INV0002", Decimal("2.000"), Decimal("-0.05"), None, None)]
    count, sheet = _read(rows)
    assert count == 2
    values = list(sheet.values)
    assert values[0] == ("日期", "单号", "数量", "金额", "次数", "时间")
    assert sheet["A1"].font.bold
    assert values[1][0] == datetime(2026, 3, 1) and values[1][1] == "INV0001"
    assert Decimal(str(values[1][2])) == Decimal("1.5")
    assert Decimal(str(values[1][3])) == Decimal("1234.5")
    assert Decimal(str(values[2][3])) == Decimal("-0.05") and values[2][4] is None
    assert sheet["A2"].number_format == "yyyy-mm-dd"
    assert sheet["D2"].number_format == "0.00" and sheet["D3"].number_format == "0.00"
    assert sheet["E2"].number_format == "0"
    assert sheet["F2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet.freeze_panes == "A2"
    assert sheet.title == "收入"


def test_widths_fit_titles_and_values_counting_chinese_double() -> None:
    columns = [Column("摘要"), Column("Code", width=30)]
    _count, sheet = _read([("更换前刹车片及刹车盘", "x")], columns)
    assert sheet.column_dimensions["A"].width == display_width("更换前刹车片及刹车盘") + 2 == 22
    assert sheet.column_dimensions["B"].width == 30


def test_text_that_looks_like_a_formula_stays_text() -> None:
    rows = [("=HYPERLINK(\"http://evil\",\"x\")",), ("=1+1",), ("+86 138",)]
    _count, sheet = _read(rows, [Column("客户")])
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("=HYPERLINK")
    assert sheet["A3"].value == "=1+1" and sheet["A3"].data_type == "s"
    assert sheet["A4"].value == "+86 138"


def test_control_characters_are_dropped_and_empty_reports_have_a_header() -> None:
    _count, sheet = _read([("a\x00b\x1fc",)], [Column("x")])
    assert sheet["A2"].value == "abc"
    count, sheet = _read([], [Column("x"), Column("y", ColumnKind.MONEY)])
    assert count == 0 and list(sheet.values) == [("x", "y")]


def test_more_rows_than_the_width_sample_are_all_written() -> None:
    rows = ((i, f"行{i}") for i in range(1000))  # a generator: streamed, not a list
    count, sheet = _read(rows, [Column("n", ColumnKind.INTEGER), Column("t")])
    assert count == 1000 and sheet.max_row == 1001
    assert sheet["A1001"].value == 999 and sheet["B1001"].value == "行999"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_sheet_title_is_accepted_by_excel(title: str) -> None:
    clean = clean_sheet_title(title)
    assert 0 < len(clean) <= SHEET_TITLE_MAX
    assert not set(clean) & set("[]:*?/\\")
    assert not clean.startswith("'") and not clean.endswith("'")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_text_round_trips_without_control_characters(text: str) -> None:
    _count, sheet = _read([(text,)], [Column("x")])
    kept = "".join(ch for ch in text if not (ord(ch) < 32 and ch not in "\t\n\r"))
    # XML reads every line break back as \n
    expected = kept.replace("\r\n", "\n").replace("\r", "\n") or None
    assert sheet["A2"].value == expected
