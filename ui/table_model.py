"""One table-model base for every list on the screens: rows of plain data, typed columns.

``TableModel`` shows ``rows`` (plain, preferably frozen, objects from a service query) in
``columns``. ``set_rows`` does not reset the model: rows are matched by their key
(``row_key``), so a refresh that changes one row emits ``dataChanged`` for that row only,
new rows are inserted and vanished ones removed where they stand, and a changed order is a
layout change that moves the persistent indexes with their rows. Selection, current row and
scroll position survive a refresh (a reset would clear them).

Subclasses say how a cell looks by overriding the ``cell_*`` hooks; ``RowTableModel`` in
ui/reception/table.py describes each column with callables (``Column``) and sorts.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

R = TypeVar("R")
C = TypeVar("C")
Index = QModelIndex | QPersistentModelIndex
RowKey = Callable[[Any], Hashable]
#: headerData role: True for a column of long free text, which may be cut on screen (its
#: tooltip shows the whole text); every other column must show its cells whole.
FREE_TEXT_ROLE = Qt.ItemDataRole.UserRole + 40


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
    fit: bool = False  # the column follows its content's width as rows change
    free_text: bool = False  # long free text: may be cut, the tooltip shows it whole


def _identity(row: Any) -> Hashable:
    """The row itself when it can be hashed (a frozen dataclass), else its identity."""
    try:
        hash(row)
    except TypeError:
        return id(row)
    return row


class TableModel(QAbstractTableModel, Generic[R, C]):
    """A read-only table of ``rows`` in ``columns``; ``set_rows`` updates it in place.

    ``row_key(row)`` names a row across refreshes (an id); by default the row itself (then a
    changed row is removed and inserted again rather than changed).
    """

    def __init__(self, columns: Sequence[C], parent: QWidget | None = None, *,
                 row_key: RowKey | None = None) -> None:
        super().__init__(parent)
        self.columns: list[C] = list(columns)
        self.rows: list[R] = []
        self.row_key: RowKey = row_key or _identity

    # -- what subclasses say about cells ---------------------------------------------------------

    def cell_text(self, row: R, column: C) -> str:
        """What the cell says (default: the column's ``text``)."""
        return column.text(row)  # type: ignore[attr-defined]

    def header_text(self, column: C) -> str:
        """The column's heading (default: the column's ``header()``)."""
        return column.header()  # type: ignore[attr-defined]

    def is_right(self, column: C) -> bool:
        """True for a right-aligned (number) column."""
        return bool(getattr(column, "right", False))

    def cell_foreground(self, row: R, column: C) -> QColor | None:
        return None

    def cell_background(self, row: R, column: C) -> QColor | None:
        return None

    def cell_tooltip(self, row: R, column: C) -> str:
        return self.cell_text(row, column)

    def ordered(self, rows: list[R]) -> list[R]:
        """``rows`` in the order they are shown (default: as given)."""
        return rows

    # -- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) \
                or index.column() >= len(self.columns):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.cell_foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.cell_background(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == FREE_TEXT_ROLE:
            return bool(getattr(column, "free_text", False))
        return None

    def _alignment(self, column: C) -> int:
        side = Qt.AlignmentFlag.AlignRight if self.is_right(column) else \
            Qt.AlignmentFlag.AlignLeft
        return int(side | Qt.AlignmentFlag.AlignVCenter)

    # -- ours ---------------------------------------------------------------------------------

    def row_at(self, number: int) -> R | None:
        """The object shown in row ``number`` (None outside the table)."""
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def retranslate(self) -> None:
        """Headers and texts in the current language."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows and self.columns:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.columns) - 1))

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show ``rows``: changed rows emit ``dataChanged``, new ones are inserted, vanished
        ones removed, a new order moves rows (persistent indexes follow); no reset."""
        new = self.ordered(list(rows))
        new_keys = [self.row_key(r) for r in new]
        old_keys = [self.row_key(r) for r in self.rows]
        if len(set(new_keys)) != len(new_keys) or len(set(old_keys)) != len(old_keys):
            self.beginResetModel()  # rows without a unique key cannot be matched
            self.rows = new
            self.endResetModel()
            return
        self._remove_vanished(set(new_keys))
        kept = {self.row_key(r) for r in self.rows}
        self._reorder([k for k in new_keys if k in kept])
        self._insert_new(new, new_keys, kept)
        self._update_changed(new)

    def _remove_vanished(self, wanted: set[Hashable]) -> None:
        end = len(self.rows) - 1
        while end >= 0:
            if self.row_key(self.rows[end]) in wanted:
                end -= 1
                continue
            start = end
            while start > 0 and self.row_key(self.rows[start - 1]) not in wanted:
                start -= 1
            self.beginRemoveRows(QModelIndex(), start, end)
            del self.rows[start:end + 1]
            self.endRemoveRows()
            end = start - 1

    def _reorder(self, keys: list[Hashable]) -> None:
        """Put the rows in the order of ``keys`` (the same set of keys) as a layout change."""
        if [self.row_key(r) for r in self.rows] == keys:
            return
        self.layoutAboutToBeChanged.emit()
        by_key = {self.row_key(r): r for r in self.rows}
        self._move_to([by_key[k] for k in keys])
        self.layoutChanged.emit()

    def _move_to(self, rows: list[R]) -> None:
        """Replace ``self.rows`` by a permutation of it, moving the persistent indexes along
        (call between layoutAboutToBeChanged and layoutChanged)."""
        old_keys = [self.row_key(r) for r in self.rows]
        self.rows = rows
        position = {self.row_key(r): i for i, r in enumerate(rows)}
        for index in self.persistentIndexList():
            if index.isValid() and index.row() < len(old_keys):
                moved = position[old_keys[index.row()]]
                self.changePersistentIndex(index, self.index(moved, index.column()))

    def _insert_new(self, new: list[R], new_keys: list[Hashable], kept: set[Hashable]) -> None:
        i = 0
        while i < len(new):
            if new_keys[i] in kept:
                i += 1
                continue
            end = i
            while end + 1 < len(new) and new_keys[end + 1] not in kept:
                end += 1
            self.beginInsertRows(QModelIndex(), i, end)
            self.rows[i:i] = new[i:end + 1]
            self.endInsertRows()
            i = end + 1

    def _update_changed(self, new: list[R]) -> None:
        last_column = len(self.columns) - 1
        i = 0
        while i < len(new):
            if self.rows[i] == new[i]:
                i += 1
                continue
            start = i
            while i < len(new) and self.rows[i] != new[i]:
                self.rows[i] = new[i]
                i += 1
            if last_column >= 0:
                self.dataChanged.emit(self.index(start, 0), self.index(i - 1, last_column))
