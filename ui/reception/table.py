"""One table model for every list on the screen: rows of plain data, columns described once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """How one column shows a row: its header (translated when asked), text, sort key, colours."""

    header: Callable[[], str]
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    right: bool = False
    foreground: Callable[[R], QColor | None] | None = None
    background: Callable[[R], QColor | None] | None = None
    tooltip: Callable[[R], str] | None = None
    chars: int = 0  # starting width in digits (0: Qt's default)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only, sortable table of ``rows`` (plain objects from a service query)."""

    def __init__(self, columns: Sequence[Column[R]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    # -- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.right else \
                Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            return column.background(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else column.text(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].header()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if self._sorted is None:
            return
        column, order = self._sorted
        spec = self.columns[column]
        key = spec.sort_key or spec.text
        self.rows.sort(key=lambda r: _sortable(key(r)),
                       reverse=order == Qt.SortOrder.DescendingOrder)

    # -- ours ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show ``rows`` (replacing what was shown), in the order the user sorted by."""
        self.beginResetModel()
        self.rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        """The object shown in ``row`` (None outside the table)."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def retranslate(self) -> None:
        """Headers and texts in the current language."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.columns) - 1))


def _sortable(value: Any) -> tuple[int, Any]:
    """None sorts first; everything else by its own order."""
    return (0, "") if value is None else (1, value)


def make_table(model: RowTableModel[Any], parent: QWidget, name: str, *,
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
        if column.chars:
            header.resizeSection(section, digit * column.chars + 16)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_row(view: QTableView) -> Any:
    """The object of the current row of ``view`` (None when nothing is current)."""
    index = view.currentIndex()
    model = view.model()
    if not index.isValid() or not isinstance(model, RowTableModel):
        return None
    return model.row_at(index.row())
