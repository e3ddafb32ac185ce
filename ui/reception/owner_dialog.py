"""Change of owner: pick the new owner by search (or register them); the history is kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.customers.search import search
from app.security.actor import Actor
from app.vehicles.service import change_owner
from ui.latest_read import LatestRead
from ui.reception.common import Context
from ui.reception.customer_dialog import CustomerDialog
from ui.reception.table import Column, RowTableModel, make_table, selected_row

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL


@dataclass(frozen=True)
class CustomerChoice:
    """A customer found by the owner search."""

    customer_id: int
    name: str
    phone: str


def find_customers(session: Session, actor: Actor, text: str) -> list[CustomerChoice]:
    """Distinct customers matching ``text`` (name, phone, or a plate they own)."""
    seen: dict[int, CustomerChoice] = {}
    for hit in search(session, actor, text, limit=40):
        if hit.customer_id is not None and hit.customer_id not in seen:
            seen[hit.customer_id] = CustomerChoice(hit.customer_id, hit.owner, hit.phone)
    return list(seen.values())


class CustomerPicker(QDialog):
    """Find a customer by name, phone or plate; ``chosen`` holds the id after Enter/OK."""

    def __init__(self, ctx: Context, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customerPicker")
        self.setWindowTitle(title)
        self.chosen: int | None = None
        self._choose_on_answer = False  # Enter came before the search's answer
        self.box = QLineEdit(self)
        self.box.setObjectName("customerSearch")
        self.box.setPlaceholderText(self.tr("Name, phone or plate"))
        self.box.installEventFilter(self)
        self.reader = LatestRead(ctx.database, self)  # as-you-type, off the GUI thread
        self.reader.answered.connect(self._answered)
        self.box.textEdited.connect(lambda _t: self.search_in_background())
        self.model: RowTableModel[CustomerChoice] = RowTableModel([
            Column(lambda: self.tr("Name"), lambda r: r.name),
            Column(lambda: self.tr("Phone"), lambda r: r.phone),
        ], self, row_key=lambda r: r.customer_id)
        self.table = make_table(self.model, self, "customerResults", stretch=0)
        self.table.activated.connect(lambda _i: self.choose())
        self.new_button = QPushButton(self.tr("&New customer…"), self)
        self.new_button.setObjectName("newCustomerButton")
        self.new_button.clicked.connect(self.register_new)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons = buttons  # disabled while the change of owner is saved
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.box)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)
        self.box.setFocus()

    def search_in_background(self) -> None:
        """Start searching for the text typed (each keystroke); the newest answer is shown."""
        text = self.box.text().strip()
        if len(text) < 2:
            self.reader.discard()
            self._show([])
            return
        actor = self.ctx.actor
        self.reader.submit(text, lambda s: find_customers(s, actor, text))

    run_search = search_in_background  # "search now" is the same background search

    def _answered(self, text: object, rows: object) -> None:
        if text == self.box.text().strip() and isinstance(rows, list):
            self._show(rows)
            if self._choose_on_answer:
                self._choose_on_answer = False
                self.choose()

    def _show(self, rows: list[CustomerChoice]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)

    def choose(self) -> None:
        """Take the highlighted customer."""
        if self.reader.pending:  # Enter before the answer came: take it when it comes
            self._choose_on_answer = True
            return
        row = selected_row(self.table)
        if row is None:
            return
        self.chosen = row.customer_id
        self.accept()

    def register_new(self) -> None:
        """Register the new owner first, then take them."""
        dialog = CustomerDialog(self.ctx, parent=self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._registered(dialog.saved_value))
        dialog.open()

    def _registered(self, customer_id: int | None) -> None:
        if customer_id is not None:
            self.chosen = customer_id
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                count = self.model.rowCount()
                if count:
                    step = 1 if event.key() == Qt.Key.Key_Down else -1
                    row = max(0, min(count - 1, self.table.currentIndex().row() + step))
                    self.table.selectRow(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose()
                return True
        return super().eventFilter(watched, event)


class ChangeOwnerDialog(CustomerPicker):
    """Hand vehicle ``vehicle_id`` (plate ``plate``) to another customer."""

    def __init__(self, ctx: Context, vehicle_id: int, plate: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", parent)
        self.setObjectName("changeOwnerDialog")
        self.vehicle_id = vehicle_id
        self.setWindowTitle(self.tr("Change of owner: {plate}").format(plate=plate))
        self.hint.setText(self.tr("Find the new owner. The previous ownership stays in the "
                                  "vehicle's history."))

    def accept(self) -> None:
        if self.chosen is None:
            return
        actor, vehicle_id, owner_id = self.ctx.actor, self.vehicle_id, self.chosen
        self.ctx.run(lambda s: change_owner(s, actor, vehicle_id, owner_id).id,
                     on_done=lambda _id: super(ChangeOwnerDialog, self).accept(), parent=self,
                     control=self.buttons)
