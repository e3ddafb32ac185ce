"""Writing rows to an Excel workbook (.xlsx) with openpyxl's streaming write-only mode.

One sheet with a bold header row, frozen below the header, column widths fitted to the title
and the first rows, and number formats by column kind: money ``0.00``, dates ``yyyy-mm-dd``.
Rows are streamed, so memory stays flat however long the report. Dates and times must be the
shop's local, naive values (Excel has no time zones). Text is written as text, always: a value
starting with ``=`` never becomes a formula (no formula injection from a customer's name), and
characters Excel cannot store (control characters) are dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

SHEET_TITLE_MAX = 31
_SHEET_TITLE_FORBIDDEN = str.maketrans("", "", "[]:*?/\\")
WIDTH_SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 6, 60


class ColumnKind(StrEnum):
    """How a column's values are written and formatted."""

    TEXT = "text"
    INTEGER = "integer"
    QUANTITY = "quantity"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"


NUMBER_FORMATS: dict[ColumnKind, str] = {
    ColumnKind.INTEGER: "0",
    ColumnKind.QUANTITY: "General",
    ColumnKind.MONEY: "0.00",
    ColumnKind.DATE: "yyyy-mm-dd",
    ColumnKind.DATETIME: "yyyy-mm-dd hh:mm",
}
_FIXED_WIDTHS = {ColumnKind.DATE: 12, ColumnKind.DATETIME: 17}


@dataclass(frozen=True)
class Column:
    """A column: its header text (already translated), kind and optional width in characters."""

    title: str
    kind: ColumnKind = ColumnKind.TEXT
    width: float | None = None


def display_width(text: str) -> int:
    """Width of ``text`` in Excel character cells (CJK and full-width characters count 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clean_sheet_title(title: str) -> str:
    """``title`` without the characters Excel forbids in sheet names, at most 31 long."""
    clean = title.translate(_SHEET_TITLE_FORBIDDEN).strip("' ")
    return clean[:SHEET_TITLE_MAX] or "Sheet1"


def _widths(columns: Sequence[Column], sample: Sequence[Sequence[object]]) -> list[float]:
    widths = []
    for i, column in enumerate(columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        widest = display_width(column.title)
        if column.kind in _FIXED_WIDTHS:
            widest = max(widest, _FIXED_WIDTHS[column.kind])
        else:
            for row in sample:
                value = row[i]
                if value is not None:
                    widest = max(widest, display_width(str(value)))
        widths.append(float(min(MAX_WIDTH, max(MIN_WIDTH, widest + 2))))
    return widths


def write_xlsx(rows: Iterable[Sequence[object]], columns: Sequence[Column],
               path_or_stream: str | Path | BinaryIO, *, sheet_title: str) -> int:
    """Write ``rows`` (one value per column) under a header row; returns the rows written."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(clean_sheet_title(sheet_title))
    iterator = iter(rows)
    sample: list[Sequence[object]] = []
    for row in iterator:
        sample.append(row)
        if len(sample) >= WIDTH_SAMPLE_ROWS:
            break
    for i, width in enumerate(_widths(columns, sample), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"

    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=_text(column.title))
        cell.font = bold
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
        header.append(cell)
    sheet.append(header)

    # One formatted cell per column, given each row's value in turn: a write-only sheet
    # writes an appended row out at once, so the cell is free again for the next row (and
    # the style is looked up once, not per cell).
    formatted = []
    for i, column in enumerate(columns):
        number_format = NUMBER_FORMATS.get(column.kind, "General")
        if number_format != "General":
            cell = WriteOnlyCell(sheet)
            cell.number_format = number_format
            formatted.append((i, cell))
    texts = [i for i, c in enumerate(columns) if c.kind is ColumnKind.TEXT]
    count = 0
    for source in (sample, iterator):
        for row in source:
            values: list[object] = list(row)
            for i in texts:
                value = values[i]
                if isinstance(value, str) and value:
                    values[i] = _text_cell(sheet, value)
            for i, cell in formatted:
                value = values[i]
                if value is not None:
                    cell.value = value  # type: ignore[assignment]  # a cell value by its column
                    values[i] = cell
            sheet.append(values)
            count += 1
    workbook.save(path_or_stream)
    return count


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _text_cell(sheet: Any, value: str) -> object:
    """A plain string, or a cell forced to text when the string would read as a formula."""
    if ILLEGAL_CHARACTERS_RE.search(value):
        value = _text(value)
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell
