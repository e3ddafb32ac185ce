"""The reception screen: today strip on top, search on the left, card / order / appointments.

Keyboard: Ctrl+F or F3 search, F2 new customer and vehicle, F4 check in the vehicle shown,
F6 book an appointment, F7 the appointment book, F5 reload, Alt+H/O/P the three tabs,
Alt+1 … Alt+4 the lists of the today strip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.appointments.rows import AppointmentRow
from app.orders.status import APPOINTMENTS_EXPECTED
from app.security.actor import Actor
from db.engine import Database
from ui.change_feed import Change, feed, is_open
from ui.orders.actions import KEYS as ORDER_KEYS
from ui.reception.appointment_dialog import AppointmentDialog, MoveAppointmentDialog
from ui.reception.appointments import AppointmentBook
from ui.reception.checkin_dialog import CheckInDialog, arrival
from ui.reception.common import Context
from ui.reception.customer_dialog import CustomerDialog
from ui.reception.forms import FormDialog
from ui.reception.keys import KeyRow, KeysDialog
from ui.reception.order_panel import OrderPanel
from ui.reception.owner_dialog import ChangeOwnerDialog
from ui.reception.search_panel import SEARCH_WIDTH, ResultRow, SearchPanel
from ui.reception.today_strip import TodayStripBar
from ui.reception.vehicle_card import VehicleCard
from ui.reception.vehicle_dialog import NewCustomerDialog, SavedVehicleRef, VehicleDialog

CARD_TAB, ORDER_TAB, BOOK_TAB = 0, 1, 2


class ReceptionPage(QWidget):
    """The service advisor's screen (the "reception" area of the main window)."""

    def __init__(self, database: Database, actor: Actor, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_reception")
        self.ctx = Context.create(database, actor)
        self.lang = lang
        self.dialog: QWidget | None = None  # the dialog open now (tests drive it)
        self.pending_booking: AppointmentRow | None = None
        self._shown_once = False

        self.today = TodayStripBar(self.ctx, self)
        self.today.appointment_chosen.connect(self.open_booking)
        self.today.order_chosen.connect(self.open_order)
        self.new_customer_button = QPushButton(self)
        self.new_customer_button.setObjectName("newCustomerButton")
        self.new_customer_button.clicked.connect(self.new_customer)
        self.new_customer_button.setEnabled(actor.can("customers.edit"))
        top = QHBoxLayout()
        top.addWidget(self.today, 1)
        top.addWidget(self.new_customer_button)

        self.search = SearchPanel(self.ctx, self)
        self.search.result_chosen.connect(self.open_result)
        self.search.order_chosen.connect(self.open_order)
        self.card = VehicleCard(self.ctx, self)
        self.card.check_in_requested.connect(self.check_in)
        self.card.book_requested.connect(lambda: self.book(None, "inbound"))
        self.card.edit_customer_requested.connect(self.edit_customer)
        self.card.edit_vehicle_requested.connect(self.edit_vehicle)
        self.card.add_vehicle_requested.connect(self.add_vehicle)
        self.card.change_owner_requested.connect(self.change_owner)
        self.card.order_requested.connect(self.open_order)
        self.orders = OrderPanel(self.ctx, self)
        self.orders.order_changed.connect(lambda _id: self.refresh_soon())
        self.book_view = AppointmentBook(self.ctx, self)
        self.book_view.book_requested.connect(self.book)
        self.book_view.arrive_requested.connect(self.arrive)
        self.book_view.move_requested.connect(self.move_booking)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("receptionTabs")
        self.tabs.addTab(self.card, "")
        self.tabs.addTab(self.orders, "")
        self.tabs.addTab(self.book_view, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.search)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.installEventFilter(self)
        self._split_done = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.search.box, self.search.table)
        self.setTabOrder(self.search.table, self.tabs)

        self._shortcuts()
        self.type_to_search = (self.search.table, self.card.history, self.book_view.day_table,
                               self.book_view.arrivals, self.book_view.week_table)
        for widget in self.type_to_search:
            widget.installEventFilter(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh)
        self._today_timer = QTimer(self)  # several changes in one event → one refresh
        self._today_timer.setSingleShot(True)
        self._today_timer.timeout.connect(self.today.refresh)
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self.today.refresh)
        self._minute.start()
        feed.changed.connect(self._changed)
        self.retranslate()
        self.refresh()

    def key_table(self) -> list[tuple[str, Callable[[], object], Callable[[], str]]]:
        """The screen's own keys: (keys, what runs, what it does in the UI language). The
        bindings and the F1 list are both made from it."""
        return [
            ("Ctrl+F", self.focus_search, lambda: self.tr("Search box (also F3)")),
            ("F3", self.focus_search, lambda: self.tr("Search box")),
            ("F2", self.new_customer, lambda: self.tr("New customer with their vehicle")),
            ("F4", self.check_in, lambda: self.tr("Check in the vehicle on the card")),
            ("F5", self.refresh, lambda: self.tr("Read the screen again")),
            ("F6", lambda: self.book(None, "inbound"),
             lambda: self.tr("Book an appointment for the customer on the card")),
            ("F7", self.show_book, lambda: self.tr("The appointment book")),
            *[(f"Alt+{n}", lambda n=n: self.today.open_list(n),
               lambda n=n: self.tr("Open list {n} of the today strip").format(n=n))
              for n in range(1, 5)],
            ("F1", self.show_keys, lambda: self.tr("This list of keys")),
        ]

    def _shortcuts(self) -> None:
        for keys, slot, _does in self.key_table():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    def key_rows(self) -> list[KeyRow]:
        """Every key of the screen and of the order's steps, for the F1 list."""
        rows = [KeyRow(keys, does()) for keys, _slot, does in self.key_table()]
        actions = self.orders.editor.actions
        rows += [KeyRow(key, self.tr("Order: {step}").format(step=actions.step_name(code)))
                 for code, key in ORDER_KEYS.items() if key]
        return rows

    def show_keys(self) -> None:
        """F1: the keys of this screen."""
        dialog = KeysDialog(self.key_rows(), self)
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    # -- refreshing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything shown again (after a committed change or F5)."""
        self._refresh_timer.stop()
        self.today.refresh()
        self.card.reload()
        self.book_view.refresh()

    def refresh_soon(self) -> None:
        """Refresh once the current event is handled (several changes → one refresh)."""
        self._refresh_timer.start(0)

    def _changed(self, change: Change) -> None:
        """Refresh what a committed change (here or at another terminal) concerns."""
        cs = change.changes
        if not is_open(self):
            return
        if cs.shop or cs.touches("orders", "appointments", "jobs", "invoices", "payments"):
            self._today_soon()
        if cs.shop or self.card.concerns(cs):
            self.card.reload()
        if cs.shop or cs.touches("appointments"):
            self.book_view.refresh()

    def _today_soon(self) -> None:
        self._today_timer.start(0)

    # -- navigation ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F / F3: the cursor into the search box."""
        self.search.focus_search()

    def show_book(self) -> None:
        """F7: the appointment book."""
        self.tabs.setCurrentIndex(BOOK_TAB)
        self.book_view.day_table.setFocus()

    def open_result(self, result: ResultRow) -> None:
        """Show the vehicle (or customer) chosen in the search results."""
        self.card.show_vehicle(result.vehicle_id, result.customer_id)
        self.tabs.setCurrentIndex(CARD_TAB)

    def open_order(self, order_id: int) -> None:
        """Open repair order ``order_id`` in the order tab (asking before dropping edits)."""
        if self.orders.order_id != order_id and self.orders.has_unsaved_changes() \
                and not self.confirm_leave_order():
            return
        self.orders.open_order(order_id)
        self.tabs.setCurrentIndex(ORDER_TAB)

    def confirm_leave_order(self) -> bool:
        """The order shown has unsaved edits: leave it anyway?"""
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The repair order shown has changes that are not saved. Open the other "
                    "order anyway and drop them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def open_booking(self, booking: AppointmentRow) -> None:
        """A booking chosen in the today strip: its vehicle's card, ready for F4 check-in."""
        self.pending_booking = booking
        self.card.show_vehicle(booking.vehicle_id, booking.customer_id)
        self.tabs.setCurrentIndex(CARD_TAB)
        if booking.vehicle_id is None:
            self.card.show_note(self.tr("The booking has no vehicle yet: add the vehicle, then "
                                        "check it in (F4)."))
        else:
            self.card.show_note(self.tr("Booked for {time}: {work}. Press F4 to check in.")
                                .format(time=self.ctx.clock(booking.starts_at),
                                        work=booking.requested_work or "—"))

    def _tab_changed(self, index: int) -> None:
        if index == BOOK_TAB:
            self.book_view.refresh()

    # -- dialogs ------------------------------------------------------------------------------

    def _open_dialog(self, dialog: FormDialog, on_saved: object) -> None:
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_saved(dialog.saved_value))  # type: ignore[operator]
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def new_customer(self) -> None:
        """F2: a new customer with their vehicle."""
        if not self.ctx.actor.can("customers.edit"):
            return
        self._open_dialog(NewCustomerDialog(self.ctx, self), self._vehicle_saved)

    def _vehicle_saved(self, saved: SavedVehicleRef) -> None:
        self.card.show_vehicle(saved.vehicle_id or None, saved.customer_id)
        self.tabs.setCurrentIndex(CARD_TAB)
        if saved.warnings:
            self.card.show_warnings(saved.warnings)

    def edit_customer(self) -> None:
        """Edit the customer on the card."""
        if self.card.customer_id is not None:
            self._open_dialog(CustomerDialog(self.ctx, self.card.customer_id, self),
                              lambda _id: self.card.reload())

    def edit_vehicle(self) -> None:
        """Edit the vehicle on the card."""
        vehicle_id, owner_id = self.card.vehicle_id, self.card.customer_id
        if vehicle_id is not None and owner_id is not None:
            self._open_dialog(VehicleDialog(self.ctx, owner_id=owner_id, vehicle_id=vehicle_id,
                                            parent=self), self._vehicle_saved)

    def add_vehicle(self) -> None:
        """Register another vehicle of the customer on the card."""
        owner_id = self.card.customer_id
        if owner_id is not None:
            self._open_dialog(VehicleDialog(self.ctx, owner_id=owner_id, parent=self),
                              self._vehicle_saved)

    def change_owner(self) -> None:
        """Hand the vehicle on the card to another customer."""
        vehicle = self.card.data.vehicle
        if vehicle is None:
            return
        dialog = ChangeOwnerDialog(self.ctx, vehicle.id, vehicle.plate, self)
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.card.show_vehicle(vehicle.id, dialog.chosen))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def booking_for(self, vehicle_id: int, customer_id: int | None) -> AppointmentRow | None:
        """Today's expected booking of this vehicle (or of its customer, without vehicle)."""
        candidates = [b for b in (self.pending_booking, *self.today.strip.appointments_due,
                                  *self.book_view.arrivals_model.rows)
                      if b is not None and b.status in APPOINTMENTS_EXPECTED]
        for booking in candidates:
            if booking.vehicle_id == vehicle_id:
                return booking
        for booking in candidates:
            if booking.vehicle_id is None and booking.customer_id == customer_id:
                return booking
        return None

    def check_in(self) -> None:
        """F4: check in the vehicle on the card (with its booking when it has one today)."""
        vehicle_id = self.card.vehicle_id
        if vehicle_id is None or not self.ctx.actor.can("orders.edit"):
            return
        booking = self.booking_for(vehicle_id, self.card.customer_id)
        self._open_check_in(vehicle_id, booking)

    def arrive(self, booking: AppointmentRow) -> None:
        """A booked customer is here: the check-in, pre-filled from the booking."""
        if booking.vehicle_id is None:
            self.open_booking(booking)
            return
        self._open_check_in(booking.vehicle_id, booking)

    def _open_check_in(self, vehicle_id: int, booking: AppointmentRow | None) -> None:
        customer_id = booking.customer_id if booking is not None else self.card.customer_id
        actor = self.ctx.actor

        def open_with(arrived: object) -> None:
            dialog = CheckInDialog(self.ctx, vehicle_id, customer_id=customer_id,
                                   appointment=booking, arrived=arrived, parent=self)
            self._open_dialog(dialog, self._checked_in)

        self.ctx.read_then(lambda s: arrival(s, actor, vehicle_id, customer_id), open_with)

    def _checked_in(self, order_id: int) -> None:
        self.pending_booking = None
        self.card.show_note("")
        self.open_order(order_id)

    def book(self, starts_at: object = None, direction: str = "inbound") -> None:
        """F6: book an appointment for the customer (and vehicle) on the card."""
        if not self.ctx.actor.can("appointments.edit"):
            return
        vehicle = self.card.data.vehicle
        dialog = AppointmentDialog(
            self.ctx, customer_id=self.card.customer_id,
            vehicle_id=vehicle.id if vehicle else None, plate=vehicle.plate if vehicle else "",
            starts_at=starts_at if starts_at is not None else None,  # type: ignore[arg-type]
            direction=direction, advisors=self.book_view.advisors, parent=self)
        self._open_dialog(dialog, lambda _id: self.book_view.refresh())

    def move_booking(self, booking: AppointmentRow) -> None:
        """Move a booking to another time (改期); the book shows it at its new hour."""
        dialog = MoveAppointmentDialog(self.ctx, booking, parent=self)
        self._open_dialog(dialog, lambda _id: self.book_view.refresh())

    # -- texts and events ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.new_customer_button.setText(self.tr("New customer (F2)"))
        self.tabs.setTabText(CARD_TAB, self.tr("Ve&hicle and customer"))
        self.tabs.setTabText(ORDER_TAB, self.tr("Repair &order"))
        self.tabs.setTabText(BOOK_TAB, self.tr("Appoint&ments (F7)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _order_key(self, event: QKeyEvent) -> Callable[[], object] | None:
        """The order editor's step for a key pressed anywhere on this screen while the order
        tab is shown (the search box keeps the focus after Enter opens an order)."""
        if self.tabs.currentIndex() != ORDER_TAB:
            return None
        return self.orders.editor.key_action(event)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self._order_key(event) is not None):
            event.accept()  # delivered as a key press (to us), not as the screen's shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._order_key(event)
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        action()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self.type_to_search \
                and isinstance(event, QKeyEvent) and self._starts_search(event):
            return True
        if watched is self.splitter and event.type() == QEvent.Type.Resize \
                and not self._split_done and self.splitter.width() > 2 * SEARCH_WIDTH:
            # The first real size: the search list gets the width its columns need.
            self._split_done = True
            self.splitter.setSizes([SEARCH_WIDTH, self.splitter.width() - SEARCH_WIDTH])
        return super().eventFilter(watched, event)

    def _starts_search(self, event: QKeyEvent) -> bool:
        """Typing in a list starts a search (and a scanner's burst lands in the search box)."""
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier)
        if not (plain and text and text.isprintable() and not text.isspace()):
            return False
        self.search.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.box.setText(text)
        self.search.scanner.reset()
        self.search.scanner.key()
        self.search.box.textEdited.emit(text)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.focus_search)


def build_reception_page(database: Database, actor: Actor, lang: str) -> QWidget:
    """The reception screen for ``actor`` (hook used by ``ui.pages.build_page``)."""
    return ReceptionPage(database, actor, lang)
