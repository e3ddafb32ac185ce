"""Book a customer's appointment (inbound), invite a customer (outbound), or move a booking
to another time (改期)."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.appointments.rows import AppointmentRow
from app.appointments.service import AppointmentData, book, reschedule
from app.appointments.slots import CLOSING_HOUR, OPENING_HOUR
from app.appointments.views import appointment_row
from app.clock import now
from app.reception.queries import customer_info
from ui.reception.common import Context, direction_text
from ui.reception.forms import FormDialog
from ui.reception.owner_dialog import CustomerPicker

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL


def next_bookable_hour(local: datetime) -> datetime:
    """The next full hour the book takes (tomorrow 08:00 after closing time)."""
    start = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if start.hour < OPENING_HOUR:
        return start.replace(hour=OPENING_HOUR)
    if start.hour >= CLOSING_HOUR or start.date() != local.date():
        return (local + timedelta(days=1)).replace(hour=OPENING_HOUR, minute=0, second=0,
                                                   microsecond=0)
    return start


def time_edit(parent: QWidget) -> QDateTimeEdit:
    """A date-and-time field with a calendar pop-up, in the shop's notation."""
    edit = QDateTimeEdit(parent)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


def show_time(edit: QDateTimeEdit, starts_at: datetime, zone: tzinfo) -> None:
    """Show the aware ``starts_at`` in ``edit`` as shop time."""
    local = starts_at.astimezone(zone)
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                               QTime(local.hour, local.minute)))


def time_shown(edit: QDateTimeEdit, zone: tzinfo) -> datetime:
    """The time in ``edit`` as an aware datetime in the shop's zone."""
    value = edit.dateTime()
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=zone)


class AppointmentDialog(FormDialog):
    """A new booking; ``saved_value`` is the appointment's id.

    ``advisors`` are (id, name) pairs to choose from besides "me" and "any advisor".
    """

    def __init__(self, ctx: Context, *, customer_id: int | None, vehicle_id: int | None,
                 plate: str = "", starts_at: datetime | None = None,
                 direction: str = "inbound", advisors: dict[int, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("appointmentDialog")
        self.customer_id = customer_id
        self.vehicle_id = vehicle_id
        self.setWindowTitle(self.tr("Invite a customer") if direction == "outbound"
                            else self.tr("Book an appointment"))
        form = QFormLayout()
        self.direction = QComboBox(self)
        for code in ("inbound", "outbound"):
            self.direction.addItem(direction_text(code, ctx.lang), code)
        self.direction.setCurrentIndex(max(0, self.direction.findData(direction)))
        self.add_field(form, "direction", self.tr("Booking type"), self.direction)

        customer_row = QWidget(self)
        row = QHBoxLayout(customer_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.customer_label = QLabel(customer_row)
        self.customer_label.setObjectName("bookingCustomer")
        self.choose_customer = QPushButton(self.tr("C&hoose…"), customer_row)
        self.choose_customer.setObjectName("chooseCustomer")
        self.choose_customer.clicked.connect(self.pick_customer)
        row.addWidget(self.customer_label, 1)
        row.addWidget(self.choose_customer)
        self.add_field(form, "customer_id", self.tr("Customer"), customer_row, required=True)
        self.vehicle_label = QLabel(plate or self.tr("(no vehicle chosen)"), self)
        self.vehicle_label.setObjectName("bookingVehicle")
        self.add_field(form, "vehicle_id", self.tr("Vehicle"), self.vehicle_label)

        self.advisor = QComboBox(self)
        self.advisor.addItem(self.tr("Me ({name})").format(name=ctx.actor.full_name),
                             ctx.actor.user_id)
        self.advisor.addItem(self.tr("Any advisor"), 0)
        for advisor_id, name in sorted((advisors or {}).items(), key=lambda x: x[1]):
            if advisor_id != ctx.actor.user_id:
                self.advisor.addItem(name, advisor_id)
        self.add_field(form, "advisor_id", self.tr("Service advisor"), self.advisor)

        self.starts = time_edit(self)
        self.set_start(starts_at)
        self.add_field(form, "starts_at", self.tr("Date and time"), self.starts, required=True)
        self.duration = QSpinBox(self)
        self.duration.setRange(15, 480)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.duration.setSuffix(self.tr(" min"))
        self.add_field(form, "duration_minutes", self.tr("Duration"), self.duration)
        self.requested = QPlainTextEdit(self)
        self.requested.setTabChangesFocus(True)
        self.requested.setPlaceholderText(self.tr("e.g. 20,000 km service, noise from the "
                                                  "front left wheel"))
        self.requested.setFixedHeight(self.requested.fontMetrics().height() * 3 + 12)
        self.add_field(form, "requested_work", self.tr("Requested work"), self.requested)
        self.notes = QLineEdit(self)
        self.add_field(form, "notes", self.tr("Notes"), self.notes)

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.save_button.setText(self.tr("&Book"))
        self._show_customer()
        self.setMinimumWidth(480)
        self.mark_clean()
        self.starts.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_start(self, starts_at: datetime | None) -> None:
        """Pre-set the time (shop time); default: the next full hour."""
        if starts_at is None:
            starts_at = next_bookable_hour(now().astimezone(self.ctx.zone))
        show_time(self.starts, starts_at, self.ctx.zone)

    def starts_at(self) -> datetime:
        """The chosen time as an aware datetime in the shop's zone."""
        return time_shown(self.starts, self.ctx.zone)

    def _show_customer(self) -> None:
        if self.customer_id is None:
            self.customer_label.setText(self.tr("(choose the customer)"))
            return
        customer_id, actor = self.customer_id, self.ctx.actor

        def show(info: Any) -> None:
            if self.customer_id == customer_id:  # still the customer chosen
                phone = info.phones[0] if info.phones else ""
                self.customer_label.setText(f"{info.name}  {phone}".strip())

        self.ctx.read_then(lambda s: customer_info(s, actor, customer_id), show)

    def pick_customer(self) -> None:
        """Choose another customer (the vehicle is then left open)."""
        picker = CustomerPicker(self.ctx, self.tr("Choose the customer"), self)
        picker.setWindowModality(Qt.WindowModality.WindowModal)
        picker.accepted.connect(lambda: self.set_customer(picker.chosen, None, ""))
        picker.open()

    def set_customer(self, customer_id: int | None, vehicle_id: int | None, plate: str) -> None:
        """Book for this customer (and vehicle)."""
        self.customer_id, self.vehicle_id = customer_id, vehicle_id
        self.vehicle_label.setText(plate or self.tr("(no vehicle chosen)"))
        self.fields["customer_id"].clear_error()
        self._show_customer()

    def form_widgets(self) -> list[QWidget]:
        return [self.direction, self.advisor, self.starts, self.duration, self.requested,
                self.notes]

    def save(self) -> None:
        self.clear_errors()
        advisor = int(self.advisor.currentData())
        data = AppointmentData(
            customer_id=self.customer_id or 0, vehicle_id=self.vehicle_id,
            advisor_id=advisor or None, starts_at=self.starts_at(),
            duration_minutes=self.duration.value(),
            direction=str(self.direction.currentData()),
            requested_work=self.requested.toPlainText(), notes=self.notes.text())
        actor = self.ctx.actor

        def work(session: Session) -> int:
            return book(session, actor, data).id

        self.submit(work)


class MoveAppointmentDialog(FormDialog):
    """Move a booked or confirmed appointment to another time, same length and advisor (改期).

    ``saved_value`` is the appointment's id. The new time is checked like a new booking's
    (opening hours, not in the past, the slot's capacity, the vehicle not booked twice).
    """

    def __init__(self, ctx: Context, booking: AppointmentRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("moveAppointmentDialog")
        self.booking = booking
        self.setWindowTitle(self.tr("Move appointment"))
        self.summary = QLabel(self)
        self.summary.setObjectName("moveSummary")
        self.summary.setWordWrap(True)
        form = QFormLayout()
        self.starts = time_edit(self)
        self.add_field(form, "starts_at", self.tr("New date and time"), self.starts,
                       required=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.save_button.setText(self.tr("&Move"))
        self._show(booking)
        self.setMinimumWidth(420)
        self.starts.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, booking: AppointmentRow) -> None:
        self.booking = booking
        who = " · ".join(x for x in (booking.customer, booking.plate) if x)
        self.summary.setText(self.tr("{who}: booked for {time}").format(
            who=who, time=self.ctx.date_time(booking.starts_at)))
        show_time(self.starts, booking.starts_at, self.ctx.zone)
        self.mark_clean()

    def reload(self) -> None:
        """Someone else changed the booking: show its time and version now."""
        actor, appointment_id = self.ctx.actor, self.booking.id
        self.ctx.read_then(lambda s: appointment_row(s, actor, appointment_id), self._reloaded,
                           on_error=self.handle_error)

    def _reloaded(self, booking: AppointmentRow) -> None:
        self._show(booking)
        self.clear_errors()

    def starts_at(self) -> datetime:
        """The new time as an aware datetime in the shop's zone."""
        return time_shown(self.starts, self.ctx.zone)

    def save(self) -> None:
        self.clear_errors()
        actor, starts_at = self.ctx.actor, self.starts_at()
        appointment_id, version = self.booking.id, self.booking.version

        def work(session: Session) -> int:
            return reschedule(session, actor, appointment_id, starts_at,
                              expected_version=version).id

        self.submit(work)
