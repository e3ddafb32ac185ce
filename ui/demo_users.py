"""The demo database's users on the login window: who to sign in as, and the password."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.demo.accounts import DEMO_PASSWORD, DemoAccount, demo_accounts
from app.i18n import translate
from ui.i18n import current_language
from ui.table_model import Column, TableModel


class DemoUsersPanel(QFrame):
    """Lists the demo users; a click fills the user name, a double click signs in as them.

    Emits ``chosen(username, password)`` with ``password`` empty on a single click."""

    chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoUsers")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.model: TableModel[DemoAccount, Column[DemoAccount]] = TableModel([
            Column(lambda: self.tr("User name"), lambda a: a.username),
            Column(lambda: self.tr("Name"), lambda a: a.full_name),
            Column(lambda: self.tr("Role"), lambda a: translate(a.role_name, current_language())),
        ], self, row_key=lambda a: a.username)
        self.model.set_rows(demo_accounts())
        self.table = QTableView(self)
        self.table.setObjectName("demoUsersTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.clicked.connect(lambda index: self._choose(index, signs_in=False))
        self.table.doubleClicked.connect(lambda index: self._choose(index, signs_in=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr(
            "Demo database: sign in as any of these users; every password is {password}. "
            "Click a user to fill in the name, double-click to sign in.").format(
                password=DEMO_PASSWORD))
        self.model.retranslate()
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        # every user in view, no scrolling: the list is short and always the same
        height = (self.table.horizontalHeader().sizeHint().height()
                  + self.table.verticalHeader().length() + 2 * self.table.frameWidth() + 2)
        self.table.setFixedHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose(self, index: QModelIndex, *, signs_in: bool) -> None:
        account = self.model.row_at(index.row())
        if account is not None:
            self.chosen.emit(account.username, DEMO_PASSWORD if signs_in else "")
