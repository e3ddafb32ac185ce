"""One tab of the order editor: a line type's entry row, its table, Edit and Remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.orders.view import ViewLine
from db.enums import LineType
from ui.orders.models import LinesModel
from ui.palette import AMBER

MIN_DESCRIPTION = 120  # the description is whole in its tooltip


class LinesTab(QWidget):
    """One line type: its entry row, its table, and Edit (F2 / Enter) and Remove (Delete)."""

    def __init__(self, line_type: LineType, entry: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"tab_{line_type.value}")
        self.line_type = line_type
        self.entry = entry
        self.model = LinesModel(line_type, self)
        self.table = QTableView(self)
        self.table.setObjectName(f"table_{line_type.value}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(48)
        # Rows arrive by inserts and in-place changes (not resets): the columns follow them.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.timeout.connect(self.fit_columns)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.dataChanged, self.model.layoutChanged,
                       self.model.headerDataChanged):
            signal.connect(lambda *_args: self._refit.start(0))
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName(f"edit_{line_type.value}")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName(f"remove_{line_type.value}")
        self.note = QLabel(self)
        self.note.setObjectName(f"note_{line_type.value}")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {AMBER[0]};")
        self.note.hide()
        self.enter_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        self.enter_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete),
                                         self.table)
        self.remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(entry)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def fit_columns(self) -> None:
        """The description takes the room the other columns leave, but never less than
        ``MIN_DESCRIPTION`` pixels (the table scrolls sideways instead)."""
        header = self.table.horizontalHeader()
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, MIN_DESCRIPTION)
        others = sum(header.sectionSize(i) for i in range(1, header.count()))
        room = self.table.viewport().width() - others
        header.resizeSection(0, max(MIN_DESCRIPTION, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.edit_button.setText(self.tr("Edit line (F2)"))
        self.remove_button.setText(self.tr("Remove line (Del)"))
        self.model.retranslate()
        retranslate = getattr(self.entry, "retranslate", None)
        if callable(retranslate):
            retranslate()

    def current(self) -> ViewLine | None:
        """The selected line."""
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select(self, line_id: int) -> None:
        """Select the line with ``line_id`` if shown."""
        for number, row in enumerate(self.model.rows):
            if row.line_id == line_id:
                self.table.selectRow(number)
                return

    def show_note(self, text: str) -> None:
        """A short non-blocking note under the table ('' hides it)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
