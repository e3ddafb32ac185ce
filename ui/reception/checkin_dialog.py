"""Check-in (接车): the car's state on arrival and what the customer wants, then a new order.

The order is opened with its photos by ONE service, ``app.orders.checkin.check_in`` (a walk-in
or a booking): all of it is saved, or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.appointments.rows import AppointmentRow
from app.appointments.slots import default_promise
from app.clock import now
from app.errors import DomainError, ValidationError
from app.orders.checkin import CheckInData, Photo, check_in
from app.reception.queries import customer_info, vehicle_info
from app.security.actor import Actor
from app.vehicles.service import check_mileage_value
from ui.reception.common import Context, kilometres
from ui.reception.forms import FormDialog

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL

CONTACT_CHOICES = ("phone", "sms", "wechat", "none")
PHOTO_FILTER = "*.jpg *.jpeg *.png *.webp *.pdf"


@dataclass(frozen=True)
class Arrival:
    """Who and what arrives: the header of the dialog."""

    vehicle_id: int
    plate: str
    vehicle: str
    last_mileage: int
    customer_id: int | None
    customer: str


def arrival(session: Session, actor: Actor, vehicle_id: int,
            customer_id: int | None) -> Arrival:
    """The vehicle and customer being checked in."""
    vehicle = vehicle_info(session, actor, vehicle_id)
    owner = customer_id if customer_id is not None else vehicle.owner_id
    name = customer_info(session, actor, owner).name if owner is not None else ""
    title = " ".join(x for x in (vehicle.brand, vehicle.model) if x)
    return Arrival(vehicle.id, vehicle.plate, title, vehicle.mileage_km, owner, name)


class CheckInDialog(FormDialog):
    """Check a vehicle in; ``saved_value`` is the new order's id.

    With ``appointment`` the booking's requested work is pre-filled and the booking is marked
    arrived in the same transaction.
    """

    def __init__(self, ctx: Context, vehicle_id: int, *, customer_id: int | None = None,
                 appointment: AppointmentRow | None = None, arrived: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("checkInDialog")
        self.appointment = appointment
        self.photos: list[Path] = []
        self.reason_shown = False
        if appointment is not None and customer_id is None:
            customer_id = appointment.customer_id
        # ``arrived``: what the opener already read off the GUI thread (``arrival``)
        self.arrival = arrived if arrived is not None else ctx.read(
            lambda s: arrival(s, ctx.actor, vehicle_id, customer_id))
        self.setWindowTitle(self.tr("Check-in: {plate}").format(plate=self.arrival.plate))
        self.header = QLabel(self)
        self.header.setObjectName("checkInHeader")
        self.header.setWordWrap(True)
        self._build()
        self._fill_header()
        if appointment is not None:
            self.description.setPlainText(appointment.requested_work)
        self.mark_clean()
        self.mileage.setFocus()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        left_box = QGroupBox(self.tr("Vehicle on arrival"), self)
        left = self.left_form = QFormLayout(left_box)
        self.mileage = QLineEdit(self)
        self.mileage.setPlaceholderText(self.tr("km on the odometer"))
        self.add_field(left, "mileage", self.tr("Mileage (km)"), self.mileage, required=True)
        self.mileage.editingFinished.connect(self._mileage_left)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. instrument cluster replaced"))
        self.reason_box = self.add_field(left, "lower_mileage_reason",
                                         self.tr("Reason for the lower reading"), self.reason)
        self._show_reason(False)
        self.fuel = QComboBox(self)
        for eighths in range(9):
            text = (self.tr("Empty (0/8)") if eighths == 0 else
                    self.tr("Full (8/8)") if eighths == 8 else f"{eighths}/8")
            self.fuel.addItem(text, eighths)
        self.fuel.setCurrentIndex(4)
        self.add_field(left, "fuel_level", self.tr("Fuel level"), self.fuel)
        self.valuables = QLineEdit(self)
        self.valuables.setPlaceholderText(self.tr("e.g. dash cam, sunglasses"))
        self.add_field(left, "valuables", self.tr("Valuables in the car"), self.valuables)
        self.damage = QPlainTextEdit(self)
        self.damage.setTabChangesFocus(True)
        self.damage.setPlaceholderText(self.tr("Scratches, dents, cracks: where and how big"))
        self.damage.setFixedHeight(self.damage.fontMetrics().height() * 3 + 12)
        self.add_field(left, "damage_notes", self.tr("Existing damage"), self.damage)
        self.promise = QCheckBox(self.tr("Promise a time"), self)
        self.promise.setObjectName("promiseTime")
        self.promise.setChecked(True)
        self.promised = QDateTimeEdit(self)
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.promised.setCalendarPopup(True)
        self._default_promise()
        promise_row = QWidget(self)
        row = QHBoxLayout(promise_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.promise)
        row.addWidget(self.promised, 1)
        self.promise.toggled.connect(self.promised.setEnabled)
        self.add_field(left, "promised_at", self.tr("Ready by"), promise_row)
        self.contact = QComboBox(self)
        for code, text in zip(CONTACT_CHOICES, (self.tr("Phone call"), self.tr("SMS"),
                                                self.tr("WeChat"), self.tr("Do not contact")),
                              strict=True):
            self.contact.addItem(text, code)
        self.add_field(left, "contact_preference", self.tr("Contact by"), self.contact)
        self.waiting = QCheckBox(self.tr("Customer waits in the lounge"), self)
        self.waiting.setObjectName("customerWaiting")
        self.add_field(left, "customer_waiting", "", self.waiting)

        right_box = QGroupBox(self.tr("What the customer says"), self)
        right = QFormLayout(right_box)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("In the customer's own words"))
        self.description.setFixedHeight(self.description.fontMetrics().height() * 4 + 12)
        self.add_field(right, "customer_description", self.tr("Customer's description"),
                       self.description, required=True)
        self.diagnosis = QLineEdit(self)
        self.add_field(right, "diagnosis", self.tr("First diagnosis"), self.diagnosis)
        lights = QWidget(self)
        grid = QGridLayout(lights)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.light_boxes: dict[str, QCheckBox] = {}
        for i, (key, name) in enumerate(self.warning_light_names()):
            box = QCheckBox(name, lights)
            box.setObjectName(f"light_{key}")
            grid.addWidget(box, i // 2, i % 2)
            self.light_boxes[key] = box
        self.lights_other = QLineEdit(lights)
        self.lights_other.setObjectName("lightsOther")
        self.lights_other.setPlaceholderText(self.tr("Other lights"))
        grid.addWidget(self.lights_other, (len(self.light_boxes) + 1) // 2, 0, 1, 2)
        self.add_field(right, "warning_lights", self.tr("Warning lights on"), lights)
        photos = QWidget(self)
        photo_layout = QHBoxLayout(photos)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        self.photo_list = QListWidget(photos)
        self.photo_list.setObjectName("photoList")
        self.photo_list.setFixedHeight(self.photo_list.fontMetrics().height() * 3 + 12)
        buttons = QVBoxLayout()
        self.add_photo = QPushButton(self.tr("&Add photos…"), photos)
        self.add_photo.setObjectName("addPhotos")
        self.add_photo.clicked.connect(self.choose_photos)
        self.remove_photo = QPushButton(self.tr("Remove"), photos)
        self.remove_photo.clicked.connect(self._remove_photo)
        buttons.addWidget(self.add_photo)
        buttons.addWidget(self.remove_photo)
        buttons.addStretch(1)
        photo_layout.addWidget(self.photo_list, 1)
        photo_layout.addLayout(buttons)
        self.add_field(right, "attachment", self.tr("Photos"), photos)

        columns = QHBoxLayout()
        columns.addWidget(left_box, 1)
        columns.addWidget(right_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.general_error)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.save_button.setText(self.tr("&Open repair order"))
        self.setTabOrder(self.mileage, self.reason)
        self.setTabOrder(self.reason, self.fuel)

    def warning_light_names(self) -> list[tuple[str, str]]:
        """The common dashboard warning lights: (key, name in the UI language)."""
        return [
            ("engine", self.tr("Check engine")), ("abs", self.tr("ABS")),
            ("airbag", self.tr("Airbag")), ("oil", self.tr("Oil pressure")),
            ("battery", self.tr("Battery / charging")), ("brake", self.tr("Brake system")),
            ("tyre", self.tr("Tyre pressure")), ("coolant", self.tr("Coolant temperature")),
            ("esp", self.tr("Stability control (ESP)")),
            ("steering", self.tr("Power steering")),
        ]

    def _fill_header(self) -> None:
        a = self.arrival
        parts = [f"<b>{a.plate}</b> {a.vehicle}".strip()]
        if a.customer:
            parts.append(self.tr("Customer: {name}").format(name=a.customer))
        parts.append(self.tr("Last reading: {km}").format(km=kilometres(a.last_mileage)))
        if self.appointment is not None:
            parts.append(self.tr("Booked for {time}").format(
                time=self.ctx.clock(self.appointment.starts_at)))
        self.header.setText(" · ".join(parts))

    def _default_promise(self) -> None:
        """The usual promise (``app.appointments.slots.default_promise``), in shop time."""
        local = default_promise(now(), self.ctx.zone)
        self.promised.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                            QTime(local.hour, local.minute)))

    def form_widgets(self) -> list[QWidget]:
        return [self.mileage, self.reason, self.fuel, self.valuables, self.damage,
                self.promise, self.promised, self.contact, self.waiting, self.description,
                self.diagnosis, *self.light_boxes.values(), self.lights_other]

    def is_dirty(self) -> bool:
        return super().is_dirty() or bool(self.photos)

    # -- behaviour ----------------------------------------------------------------------------

    def _show_reason(self, visible: bool) -> None:
        self.reason_shown = visible
        self.left_form.setRowVisible(self.reason_box, visible)

    def reason_needed(self) -> bool:
        """True while the reason field is offered (a reading below the last one)."""
        return self.reason_shown

    def _mileage_left(self) -> None:
        try:
            km = check_mileage_value(self.mileage.text())
        except ValidationError:
            return
        lower = km < self.arrival.last_mileage
        self._show_reason(lower or bool(self.reason.text()))

    def promised_at(self) -> datetime | None:
        """The promised time as an aware datetime (shop time), or None."""
        if not self.promise.isChecked():
            return None
        value = self.promised.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.ctx.zone)

    def warning_lights(self) -> str:
        """The lights ticked and typed, as one line for the job card."""
        names = [box.text() for box in self.light_boxes.values() if box.isChecked()]
        other = self.lights_other.text().strip()
        return self.tr(", ", "between list items").join([*names, *([other] if other else [])])

    def data(self) -> CheckInData:
        """What was entered, as the service takes it."""
        return CheckInData(
            mileage_in=self.mileage.text(), fuel_level=int(self.fuel.currentData()),
            damage_notes=self.damage.toPlainText(), valuables=self.valuables.text(),
            warning_lights=self.warning_lights(),
            customer_description=self.description.toPlainText(),
            diagnosis=self.diagnosis.text(), promised_at=self.promised_at(),
            contact_preference=str(self.contact.currentData()),
            customer_waiting=self.waiting.isChecked(),
            lower_mileage_reason=self.reason.text() if self.reason_shown else "")

    def choose_photos(self) -> None:
        """Pick photos (or PDFs) to keep with the order."""
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Photos of the vehicle"), "",
            self.tr("Photos and PDF ({patterns})").format(patterns=PHOTO_FILTER))
        self.add_photos([Path(n) for n in names])

    def add_photos(self, paths: list[Path]) -> None:
        """Attach ``paths`` when the order is opened."""
        for path in paths:
            if path in self.photos:
                continue
            self.photos.append(path)
            item = QListWidgetItem(path.name, self.photo_list)
            item.setToolTip(str(path))
        self.fields["attachment"].clear_error()

    def _remove_photo(self) -> None:
        row = self.photo_list.currentRow()
        if 0 <= row < len(self.photos):
            self.photos.pop(row)
            self.photo_list.takeItem(row)

    def show_error(self, error: DomainError) -> None:
        if isinstance(error, ValidationError) and error.field == "mileage":
            self._mileage_left()  # a lower reading: offer the reason field
        super().show_error(error)

    def save(self) -> None:
        self.clear_errors()
        data = self.data()
        files: list[Photo] = []
        for path in self.photos:
            try:
                files.append(Photo(path.name, path.read_bytes()))
            except OSError as exc:
                self.fields["attachment"].set_error(
                    self.tr("Cannot read {file}: {problem}").format(file=path.name,
                                                                   problem=exc.strerror))
                return
        actor, vehicle_id = self.ctx.actor, self.arrival.vehicle_id
        customer_id, booking = self.arrival.customer_id, self.appointment

        def work(session: Session) -> int:
            return check_in(session, actor, vehicle_id, data, photos=files,
                            customer_id=customer_id,
                            appointment_id=booking.id if booking is not None else None,
                            appointment_version=booking.version if booking is not None
                            else None).id

        self.submit(work)
