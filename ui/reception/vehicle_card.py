"""The vehicle/customer card: owner, phones, consents, vehicle data and the visit history."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import ChangeSet
from app.errors import NotFound
from app.formatting import money
from app.i18n import translate
from app.reception.queries import CardData, VisitRow, card_data
from ui.latest_read import Refresh
from ui.palette import Tone, order_tone, tone_background, tone_foreground, tone_style
from ui.reception.common import Context, kilometres, order_status_text
from ui.reception.table import Column, RowTableModel, make_table, selected_row
from ui.widgets import make_heading


class VehicleCard(QWidget):
    """Shows one vehicle with its owner (or a customer without vehicle) and its visits.

    Emits what the advisor wants to do next; the page opens the dialogs.
    """

    check_in_requested = Signal()
    book_requested = Signal()
    edit_customer_requested = Signal()
    edit_vehicle_requested = Signal()
    add_vehicle_requested = Signal()
    change_owner_requested = Signal()
    order_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("vehicleCard")
        self.data = CardData(None, None)
        self._reader = Refresh(ctx.database, self._answered, self)
        self._vehicle_id: int | None = None
        self._customer_id: int | None = None

        self.title = make_heading(QLabel(self), 1.5)
        self.title.setObjectName("cardTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("cardSubtitle")
        self.empty = QLabel(self)
        self.empty.setObjectName("cardEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setContentsMargins(0, 12, 0, 0)
        self.note = QLabel(self)
        self.note.setObjectName("cardNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(tone_style(Tone.ATTENTION, padding="4px", radius=None))
        self.note.hide()

        self.owner_box = QGroupBox(self)
        self.owner_form = QFormLayout(self.owner_box)
        self.vehicle_box = QGroupBox(self)
        self.vehicle_form = QFormLayout(self.vehicle_box)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("name", "phones", "address", "consents", "vehicles", "owners"):
            self._row(self.owner_form, key)
        fleet = self.values["vehicles"]
        fleet.setTextFormat(Qt.TextFormat.RichText)
        fleet.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        fleet.linkActivated.connect(self._open_owned)
        for key in ("vin", "model", "year", "colour", "engine", "registered", "mileage"):
            self._row(self.vehicle_form, key)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, signal in (("check_in", self.check_in_requested),
                            ("book", self.book_requested),
                            ("edit_customer", self.edit_customer_requested),
                            ("edit_vehicle", self.edit_vehicle_requested),
                            ("add_vehicle", self.add_vehicle_requested),
                            ("change_owner", self.change_owner_requested)):
            button = QPushButton(self)
            button.setObjectName(f"card_{key}")
            button.clicked.connect(signal)
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)

        self.history_title = make_heading(QLabel(self), 1.1)
        self.model: RowTableModel[VisitRow] = RowTableModel(
            self._columns(), self, row_key=lambda r: r.order_id)
        self.history = make_table(self.model, self, "visitHistory", stretch=4)
        self.history.activated.connect(self._open_visit)
        self.history.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.open_visit_action = QAction(self.history)
        self.open_visit_action.triggered.connect(self._open_visit)
        self.history.addAction(self.open_visit_action)
        self.history_count = QLabel(self)

        top = QHBoxLayout()
        top.addWidget(self.owner_box, 1)
        top.addWidget(self.vehicle_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.empty)
        layout.addWidget(self.note)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.history_count)
        self.retranslate()

    def _row(self, form: QFormLayout, key: str) -> None:
        caption, value = QLabel(self), QLabel(self)
        value.setObjectName(f"card_{key}")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(caption, value)
        self.captions[key], self.values[key] = caption, value

    def _fleet_text(self, d: CardData) -> str:
        """The customer's vehicles, each a link that opens it on the card (the one shown in
        bold), and how many more when the fleet is bigger than the list."""
        shown = d.vehicle.id if d.vehicle else None
        links = [f"<b>{escape(v.plate)}</b>" if v.id == shown else
                 f'<a href="vehicle:{v.id}">{escape(v.plate)}</a>'
                 + (f" {escape(v.name)}" if v.name and len(d.fleet) <= 3 else "")
                 for v in d.fleet]
        more = d.fleet_size - len(d.fleet)
        if more > 0:
            links.append(escape(self.tr("and {n} more").format(n=more)))
        return " · ".join(links)

    def _open_owned(self, href: str) -> None:
        """A plate in the customer's list: that vehicle on the card."""
        if href.startswith("vehicle:"):
            self.show_vehicle(int(href.split(":", 1)[1]), self.customer_id)

    def _columns(self) -> list[Column[VisitRow]]:
        ctx = self.ctx

        def status_fg(r: VisitRow) -> QColor:
            return tone_foreground(order_tone(r.status))

        def status_bg(r: VisitRow) -> QColor:
            return tone_background(order_tone(r.status))

        return [
            Column(lambda: self.tr("Date"), lambda r: ctx.day(r.opened_at),
                   sort_key=lambda r: r.opened_at, chars=10),
            Column(lambda: self.tr("Order"), lambda r: r.number, chars=9),
            Column(lambda: self.tr("Status"), lambda r: order_status_text(r.status),
                   foreground=status_fg, background=status_bg, chars=9, fit=True),
            Column(lambda: self.tr("Mileage"), lambda r: kilometres(r.mileage_in),
                   sort_key=lambda r: r.mileage_in, right=True, chars=10),
            Column(lambda: self.tr("Work"),
                   lambda r: (self.tr("[comeback] ") if r.comeback else "")
                   + (r.work or r.complaint),
                   tooltip=lambda r: "\n".join(x for x in (r.complaint, r.work, r.parts) if x),
                   free_text=True),
            Column(lambda: self.tr("Parts"), lambda r: r.parts, chars=16, free_text=True),
            Column(lambda: self.tr("Total"), lambda r: money(r.total),
                   sort_key=lambda r: r.total, right=True, chars=9),
        ]

    # -- what is shown ------------------------------------------------------------------------

    @property
    def vehicle_id(self) -> int | None:
        """The vehicle shown (None for a customer without vehicle or an empty card)."""
        return self._vehicle_id

    @property
    def customer_id(self) -> int | None:
        """The customer shown (the vehicle's owner)."""
        return self._customer_id

    def show_vehicle(self, vehicle_id: int | None, customer_id: int | None = None) -> None:
        """Show a vehicle and its owner, or (``vehicle_id`` None) a customer alone."""
        self._vehicle_id, self._customer_id = vehicle_id, customer_id
        self.note.hide()
        self.reload()

    def reload(self) -> None:
        """Read the card again (after a change was committed)."""
        if self._vehicle_id is None and self._customer_id is None:
            self._reader.request(lambda _s: CardData(None, None))
            return
        actor, vehicle_id, customer_id = self.ctx.actor, self._vehicle_id, self._customer_id

        def read(s: Any) -> CardData:
            try:
                return card_data(s, actor, vehicle_id=vehicle_id,
                                 customer_id=None if vehicle_id is not None else customer_id)
            except NotFound:  # merged or deleted at another terminal meanwhile
                return CardData(None, None)

        self._reader.request(read)

    def _answered(self, data: CardData) -> None:
        self.data = data
        if data.customer is not None:
            self._customer_id = data.customer.id
        self.retranslate()

    def concerns(self, changes: ChangeSet) -> bool:
        """True when ``changes`` touch the vehicle, the customer or an order shown here."""
        if self._vehicle_id is not None and self._vehicle_id in changes.vehicles:
            return True
        if self._customer_id is not None and self._customer_id in changes.customers:
            return True
        return not changes.orders.isdisjoint(v.order_id for v in self.data.visits)

    def show_note(self, text: str) -> None:
        """A non-blocking note above the card (e.g. VIN warnings after saving)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def show_warnings(self, msgids: tuple[str, ...]) -> None:
        """Show the domain's warnings (msgids) in the user's language."""
        self.show_note("\n".join(translate(m, self.ctx.lang) for m in msgids))

    def _open_visit(self) -> None:
        visit = selected_row(self.history)
        if visit is not None:
            self.order_requested.emit(visit.order_id)

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.owner_box.setTitle(self.tr("Customer"))
        self.vehicle_box.setTitle(self.tr("Vehicle"))
        captions = {"name": self.tr("Name"), "phones": self.tr("Phones"),
                    "address": self.tr("Address"), "consents": self.tr("Consents"),
                    "owners": self.tr("Earlier owners"), "vin": self.tr("VIN"),
                    "vehicles": self.tr("Vehicles"),
                    "model": self.tr("Model"), "year": self.tr("Model year"),
                    "colour": self.tr("Colour"), "engine": self.tr("Engine no."),
                    "registered": self.tr("Registered"), "mileage": self.tr("Last mileage")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        texts = {"check_in": self.tr("Check in (F4)"), "book": self.tr("Book (F6)"),
                 "edit_customer": self.tr("Edit customer"),
                 "edit_vehicle": self.tr("Edit vehicle"),
                 "add_vehicle": self.tr("Add vehicle"),
                 "change_owner": self.tr("Change owner")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.history_title.setText(self.tr("Visit history"))
        self.open_visit_action.setText(self.tr("Open this repair order"))
        self.empty.setText(self.tr("Find a vehicle or customer with the search box on the "
                                   "left (Ctrl+F), or register a new customer (F2)."))
        self.model.retranslate()
        self._fill()

    def _fill(self) -> None:
        d = self.data
        customer, vehicle = d.customer, d.vehicle
        shown = customer is not None or vehicle is not None
        self.empty.setVisible(not shown)
        for widget in (self.title, self.subtitle, self.owner_box, self.vehicle_box,
                       self.history_title, self.history, self.history_count):
            widget.setVisible(shown)
        self.vehicle_box.setVisible(vehicle is not None)
        can_edit = self.ctx.actor.can("customers.edit")
        enabled = {
            "check_in": vehicle is not None and self.ctx.actor.can("orders.edit"),
            "book": customer is not None and self.ctx.actor.can("appointments.edit"),
            "edit_customer": customer is not None and can_edit,
            "edit_vehicle": vehicle is not None and can_edit,
            "add_vehicle": customer is not None and can_edit,
            "change_owner": vehicle is not None and can_edit,
        }
        for key, button in self.buttons.items():
            button.setVisible(shown)
            button.setEnabled(enabled[key])
        if not shown:
            self.model.set_rows([])
            return
        if vehicle is not None:
            self.title.setText(vehicle.title)
        else:
            self.title.setText(customer.name if customer else "")
        open_count = len(d.open_order_ids)
        self.subtitle.setText(
            self.tr("Open orders: {n}").format(n=open_count) if open_count
            else self.tr("No open order"))
        if open_count:
            self.subtitle.setStyleSheet(tone_style(Tone.PROGRESS, radius=None))
        else:
            self.subtitle.setStyleSheet("")
        dash = "—"
        if customer is not None:
            self.values["name"].setText(customer.name)
            self.values["phones"].setText("  ".join(customer.phones) or dash)
            self.values["address"].setText(customer.address or dash)
            yes, no = self.tr("yes"), self.tr("no")
            self.values["consents"].setText(
                self.tr("Follow-up calls: {followup} · Offers: {marketing}").format(
                    followup=yes if customer.consent_followup else no,
                    marketing=yes if customer.consent_marketing else no))
        else:
            for key in ("name", "phones", "address", "consents"):
                self.values[key].setText(dash)
        self.values["vehicles"].setText(self._fleet_text(d) or dash)
        earlier = [o for o in d.owners if o.until is not None]
        self.values["owners"].setText("; ".join(
            f"{o.name} ({self.ctx.day(o.since)} – {self.ctx.day(o.until)})" for o in earlier)
            or dash)
        if vehicle is not None:
            self.values["vin"].setText(vehicle.vin or dash)
            self.values["model"].setText(
                " ".join(x for x in (vehicle.brand, vehicle.model, vehicle.series) if x) or dash)
            self.values["year"].setText(str(vehicle.model_year) if vehicle.model_year else dash)
            self.values["colour"].setText(vehicle.colour or dash)
            self.values["engine"].setText(vehicle.engine_no or dash)
            registered = vehicle.first_registration.isoformat() \
                if vehicle.first_registration else dash
            if vehicle.warranty_start:
                registered += "  " + self.tr("(warranty from {day})").format(
                    day=vehicle.warranty_start.isoformat())
            self.values["registered"].setText(registered)
            self.values["mileage"].setText(kilometres(vehicle.mileage_km))
        self.model.set_rows(d.visits)
        self.history_count.setText(self.tr("Visits: {n}").format(n=len(d.visits)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
