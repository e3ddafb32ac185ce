"""The reception's lists: a sortable ``RowTableModel`` on the shared base (ui/table_model.py)
with its columns described once, and the table view every list uses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.table_model import Column, RowKey, TableModel

__all__ = ["Column", "RowTableModel", "make_table", "selected_row"]

R = TypeVar("R")


class RowTableModel(TableModel[R, Column[R]]):
    """A read-only, sortable table of ``rows`` (plain objects from a service query), each
    column described by a ``Column``; ``set_rows`` keeps the user's sort order."""

    def __init__(self, columns: Sequence[Column[R]], parent: QWidget | None = None, *,
                 row_key: RowKey | None = None) -> None:
        super().__init__(columns, parent, row_key=row_key)
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def cell_foreground(self, row: R, column: Column[R]) -> QColor | None:
        return column.foreground(row) if column.foreground is not None else None

    def cell_background(self, row: R, column: Column[R]) -> QColor | None:
        return column.background(row) if column.background is not None else None

    def cell_tooltip(self, row: R, column: Column[R]) -> str:
        return column.tooltip(row) if column.tooltip is not None else column.text(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._move_to(self.ordered(list(self.rows)))
        self.layoutChanged.emit()

    def ordered(self, rows: list[R]) -> list[R]:
        """``rows`` in the order the user sorted by (as given before any sort)."""
        if self._sorted is None:
            return rows
        column, order = self._sorted
        spec = self.columns[column]
        key = spec.sort_key or spec.text
        return sorted(rows, key=lambda r: _sortable(key(r)),
                      reverse=order == Qt.SortOrder.DescendingOrder)


def _sortable(value: Any) -> tuple[int, Any]:
    """None sorts first; everything else by its own order."""
    return (0, "") if value is None else (1, value)


def make_table(model: TableModel[Any, Any], parent: QWidget, name: str, *,
               stretch: int | None = None) -> QTableView:
    """A keyboard-friendly table: whole rows, one at a time, sortable, alternating colours."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)  # after the indicator: rows keep the service's order at first
    header.setMinimumSectionSize(40)
    digit = view.fontMetrics().horizontalAdvance("0")
    for section, column in enumerate(model.columns):
        chars = getattr(column, "chars", 0)
        if chars:
            header.resizeSection(section, digit * chars + 16)
    fitted = [section for section, column in enumerate(model.columns)
              if getattr(column, "fit", False)]
    if fitted:
        def fit() -> None:
            for section in fitted:
                header.resizeSection(section, max(header.sectionSize(section),
                                                  view.sizeHintForColumn(section),
                                                  header.sectionSizeHint(section)))
        for signal in (model.rowsInserted, model.dataChanged, model.modelReset,
                       model.layoutChanged, model.headerDataChanged):
            signal.connect(lambda *_args: fit())
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_row(view: QTableView) -> Any:
    """The object of the current row of ``view`` (None when nothing is current)."""
    index = view.currentIndex()
    model = view.model()
    if not index.isValid() or not isinstance(model, TableModel):
        return None
    return model.row_at(index.row())
