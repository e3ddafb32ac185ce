"""F1 on the reception screen: every key of the screen, and of the order it shows, in a list.

The list is made from the same bindings the screen installs (``ReceptionPage.key_table``) and
from the order editor's step keys (``ui.orders.actions.KEYS``), so it cannot drift from what
the keys do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.table_model import Column, TableModel


@dataclass(frozen=True)
class KeyRow:
    """One key and what it does (already in the UI language)."""

    keys: str
    does: str


class KeysDialog(QDialog):
    """The keys of the screen, in one table; Escape or Close leaves."""

    def __init__(self, rows: Sequence[KeyRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysDialog")
        self.heading = QLabel(self)
        self.model: TableModel[KeyRow, Column[KeyRow]] = TableModel([
            Column(lambda: self.tr("Key"), lambda r: r.keys),
            Column(lambda: self.tr("What it does"), lambda r: r.does),
        ], self, row_key=lambda r: (r.keys, r.does))
        self.model.set_rows(list(rows))
        self.table = QTableView(self)
        self.table.setObjectName("keysTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.retranslate()
        rows_height = self.table.verticalHeader().length() + header.sizeHint().height() + 4
        self.resize(640, min(rows_height + 120, 680))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keys of this screen"))
        self.heading.setText(self.tr(
            "These keys work wherever the cursor is on this screen. The order's keys work "
            "while the order shows that step."))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
