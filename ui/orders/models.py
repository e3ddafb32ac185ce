"""The editor's three line tables (jobs, parts, other charges) as Qt table models.

Rows are the order view's own lines (``app.orders.view.ViewLine``): the flags a row is painted
by (pending, short, cancelled) are decided there; a model never queries anything.
Pending additional work (追加项目) is painted amber with the words "awaiting customer
approval"; a part that stock cannot cover is painted red in its stock columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from app.formatting import money, percent, quantity
from app.orders.view import ViewLine
from db.enums import LineType
from ui.orders.texts import job_status_name, payer_name, pending_text
from ui.palette import AMBER, GREY, RED
from ui.table_model import FREE_TEXT_ROLE, TableModel


@dataclass(frozen=True)
class Column:
    """A column: its key (which names its header), its text per row, and its kind."""

    key: str
    text: Callable[[ViewLine], str]
    number: bool = False
    stock: bool = False


def _stock(value: Decimal | None) -> str:
    return quantity(value) if value is not None else ""


def columns(line_type: LineType) -> list[Column]:
    """The columns of the jobs, parts or charges table."""
    description = Column("description", lambda r: r.description)
    code = Column("code", lambda r: r.code)
    amount_of = Column("quantity", lambda r: quantity(r.quantity), number=True)
    price = Column("price", lambda r: money(r.unit_price), number=True)
    tail = [Column("discount", lambda r: percent(r.discount), number=True),
            Column("payer", lambda r: payer_name(r.payer)),
            Column("amount", lambda r: money(r.gross), number=True)]
    state = Column("state", lambda r: "")  # worded by the model (it depends on the row)
    if line_type is LineType.LABOUR:
        return [description, code, amount_of, price, *tail, state]
    if line_type is LineType.PART:
        return [description, code, amount_of, price, *tail,
                Column("on_hand", lambda r: _stock(r.stock.on_hand if r.stock else None),
                       number=True, stock=True),
                Column("reserved", lambda r: _stock(r.stock.reserved if r.stock else None),
                       number=True, stock=True),
                Column("available", lambda r: _stock(r.stock.available if r.stock else None),
                       number=True, stock=True),
                Column("issued", lambda r: _stock(r.issued_qty), number=True),
                state]
    return [description, price, *tail, state]


class LinesModel(TableModel[ViewLine, Column]):
    """One of the three line tables; ``set_rows`` updates it in place (rows keyed by line)."""

    def __init__(self, line_type: LineType, parent: QWidget | None = None) -> None:
        super().__init__(columns(LineType(line_type)), parent,
                         row_key=lambda r: (r.line_type, r.line_id))
        self.line_type = LineType(line_type)

    def set_rows(self, rows: Sequence[ViewLine]) -> None:
        """Show ``rows`` (the lines of this model's type)."""
        super().set_rows([r for r in rows if r.line_type is self.line_type])

    def row(self, number: int) -> ViewLine | None:
        """The line shown at ``number`` (None when out of range)."""
        return self.row_at(number)

    def column_of(self, key: str) -> int:
        """The position of the column called ``key``."""
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # -- cells (the base model asks) ----------------------------------------------------------

    def is_right(self, column: Column) -> bool:
        return column.number

    def cell_text(self, row: ViewLine, column: Column) -> str:
        return self.text(row, column)

    def header_text(self, column: Column | str) -> str:
        """The heading of a column (or of the column called ``key``) of this table."""
        return self._heading(column if isinstance(column, str) else column.key)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == FREE_TEXT_ROLE and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section].key == "description"  # whole in the tooltip
        return super().headerData(section, orientation, role)

    def _heading(self, key: str) -> str:
        """The heading of column ``key`` for this table's line type."""
        labour = self.line_type is LineType.LABOUR
        part = self.line_type is LineType.PART
        headings = {
            "description": self.tr("Description"),
            "code": self.tr("Operation") if labour else self.tr("Part no."),
            "quantity": self.tr("Hours") if labour else self.tr("Qty"),
            "price": (self.tr("Rate") if labour else self.tr("Unit price") if part
                      else self.tr("Price")),
            "discount": self.tr("Discount"), "payer": self.tr("Payer"),
            "amount": self.tr("Amount"), "state": self.tr("State"),
            "on_hand": self.tr("On hand"), "reserved": self.tr("Reserved"),
            "available": self.tr("Available"), "issued": self.tr("Issued"),
        }
        return headings[key]

    def text(self, row: ViewLine, column: Column) -> str:
        """What the cell of ``row`` in ``column`` says."""
        if column.key != "state":
            return column.text(row)
        if row.pending:
            return pending_text()
        if row.line_type is LineType.LABOUR and row.job_status:
            state = job_status_name(row.job_status)
            who = " · ".join(x for x in (row.technician, row.bay) if x)
            return f"{state} · {who}" if who else state
        if row.additional:
            return self.tr("Approved additional work")
        return ""

    def cell_foreground(self, row: ViewLine, column: Column) -> QColor | None:
        if column.stock and row.short:
            return QColor(RED[0])
        if row.pending:
            return QColor(AMBER[0])
        if row.cancelled:
            return QColor(GREY[0])
        return None

    def cell_background(self, row: ViewLine, column: Column) -> QColor | None:
        if column.stock and row.short:
            return QColor(RED[1])
        if row.pending:
            return QColor(AMBER[1])
        return None

    def cell_tooltip(self, row: ViewLine, column: Column) -> str:
        if column.stock and row.short:
            return self.tr("Not enough stock for this line")
        if row.pending:
            return self.tr("Additional work: not billable until the customer's approval is "
                           "recorded")
        return self.text(row, column)
