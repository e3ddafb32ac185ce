"""The top of the order editor (number, status, customer, vehicle, promised time) and the
check-in record form (editable while the order is being worked on)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.clock import now
from app.formatting import grouped, local_datetime
from app.formatting import phone as phone_text
from app.orders.checkin import CONTACT_PREFERENCES
from app.orders.status import is_late
from app.orders.view import CheckInRecord, OrderView
from ui.orders.texts import status_text
from ui.palette import RED, order_tone, tone_style
from ui.widgets import make_heading


class OrderHeader(QFrame):
    """Order number, status badge, customer, vehicle, mileage, promised time, advisor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = make_heading(QLabel(self), 1.5)
        self.number.setObjectName("orderNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("orderStatus")
        self.milestones = QLabel(self)
        self.milestones.setObjectName("orderMilestones")
        self.milestones.setStyleSheet("color: #2e7d32;")
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        keys = ("customer", "vehicle", "mileage", "promised", "advisor", "opened")
        for i, key in enumerate(keys):
            caption, value = QLabel(self), QLabel(self)
            caption.setStyleSheet("color: #616161;")
            value.setObjectName(f"header_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, col = divmod(i, 3)
            grid.addWidget(caption, row, col * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, col * 2 + 1)
            self.captions[key], self.values[key] = caption, value
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        self.complaint = QLabel(self)
        self.complaint.setObjectName("header_complaint")
        self.complaint.setWordWrap(True)
        self.complaint.setMaximumHeight(44)
        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.status)
        top.addWidget(self.milestones)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.complaint)
        self.state: OrderView | None = None
        self.zone: tzinfo | None = None
        self.lang = "en"
        self.retranslate()

    def show_state(self, state: OrderView | None, zone: tzinfo | None, lang: str) -> None:
        """Show ``state`` (None: no order open)."""
        self.state, self.zone, self.lang = state, zone, lang
        self.retranslate()

    def late(self) -> bool:
        """True when the promised time has passed and the car is not ready."""
        s = self.state
        return bool(s and is_late(s.status, s.check_in.promised_at, now()))

    def retranslate(self) -> None:
        """Texts in the current language."""
        captions = {"customer": self.tr("Customer"), "vehicle": self.tr("Vehicle"),
                    "mileage": self.tr("Mileage in"), "promised": self.tr("Promised"),
                    "advisor": self.tr("Advisor"), "opened": self.tr("Checked in")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        s = self.state
        if s is None:
            self.number.setText(self.tr("No order open"))
            self.status.clear()
            self.status.setStyleSheet("")
            self.milestones.clear()
            for value in self.values.values():
                value.clear()
            self.complaint.clear()
            return
        late = self.late()
        self.number.setText(s.number)
        self.status.setText(status_text(s.status, self.lang, s.wait_reason, late))
        self.status.setStyleSheet(tone_style(order_tone(s.status, late), radius=4,
                                             padding="3px 10px", extra="font-weight: bold;"))
        done: list[str] = []
        if s.reviewed_at is not None:
            done.append(self.tr("✓ reviewed {when}").format(
                when=local_datetime(s.reviewed_at, self.zone)))
        if s.customer_called_at is not None:
            done.append(self.tr("✓ customer called {when}").format(
                when=local_datetime(s.customer_called_at, self.zone)))
        self.milestones.setText("   ".join(done))
        phone = phone_text(s.customer.phone)  # as on the vehicle card: 158 6714 3796
        self.values["customer"].setText(" ".join(x for x in (s.customer.name, phone) if x))
        self.values["vehicle"].setText(" ".join(x for x in (s.vehicle.plate,
                                                            s.vehicle.description) if x))
        self.values["mileage"].setText(self.tr("{km} km").format(
            km=grouped(s.check_in.mileage_in)))
        promised = self.values["promised"]
        promised.setText(local_datetime(s.check_in.promised_at, self.zone)
                         if s.check_in.promised_at else self.tr("not agreed"))
        promised.setStyleSheet(f"color: {RED[0]}; font-weight: bold;" if late else "")
        self.values["advisor"].setText(s.advisor)
        self.values["opened"].setText(local_datetime(s.opened_at, self.zone, "—"))
        self.complaint.setText(self.tr("Customer's words: {text}").format(
            text=s.check_in.customer_description))
        self.complaint.setToolTip(s.check_in.customer_description)


class CheckInForm(QWidget):
    """The check-in record and the customer's words; Save (Ctrl+S) stores the changes.

    ``edited`` is emitted on the first change after loading; ``is_dirty()`` stays true until
    the form is saved or reloaded. ``base_version`` is the order version the edit started from.
    """

    edited = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInForm")
        self._dirty = False
        self._loading = False
        self.base_version: int | None = None
        self.zone: tzinfo | None = None
        self.mileage = QLabel(self)
        self.mileage.setObjectName("checkInMileage")
        self.fuel = QComboBox(self)
        self.fuel.setObjectName("fuelLevel")
        for eighths in range(9):
            self.fuel.addItem(f"{eighths}/8", eighths)
        self.complaint = QPlainTextEdit(self)
        self.complaint.setObjectName("complaint")
        self.diagnosis = QPlainTextEdit(self)
        self.diagnosis.setObjectName("diagnosis")
        for box in (self.complaint, self.diagnosis):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(64)
        self.damage = QLineEdit(self)
        self.damage.setObjectName("damageNotes")
        self.valuables = QLineEdit(self)
        self.valuables.setObjectName("valuables")
        self.warning_lights = QLineEdit(self)
        self.warning_lights.setObjectName("warningLights")
        self.promised = QDateTimeEdit(self)
        self.promised.setObjectName("promisedAt")
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.promised.setCalendarPopup(True)
        self.no_promise = QCheckBox(self)
        self.no_promise.setObjectName("noPromise")
        self.contact = QComboBox(self)
        self.contact.setObjectName("contactPreference")
        for code in CONTACT_PREFERENCES:
            self.contact.addItem(code, code)
        self.waiting = QCheckBox(self)
        self.waiting.setObjectName("customerWaiting")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveCheckIn")
        self.save_button.clicked.connect(self.save_requested)
        self.save_button.setEnabled(False)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.rows: list[tuple[QLabel, Callable[[], str]]] = []
        promised_row = QHBoxLayout()
        promised_row.addWidget(self.promised)
        promised_row.addWidget(self.no_promise)
        promised_row.addStretch(1)
        for widget, text in (
                (self.complaint, lambda: self.tr("Customer's &words")),
                (self.diagnosis, lambda: self.tr("Diagnosis")),
                (self.mileage, lambda: self.tr("Mileage in")),
                (self.fuel, lambda: self.tr("Fuel level")),
                (self.damage, lambda: self.tr("Damage marks")),
                (self.valuables, lambda: self.tr("Valuables")),
                (self.warning_lights, lambda: self.tr("Warning lights")),
                (promised_row, lambda: self.tr("Promised time")),
                (self.contact, lambda: self.tr("Contact by")),
                (self.waiting, lambda: self.tr("Customer"))):
            label = QLabel(self)
            if isinstance(widget, QWidget):
                label.setBuddy(widget)
            else:
                label.setBuddy(self.promised)
            self.form.addRow(label, widget)
            self.rows.append((label, text))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for signal in (self.complaint.textChanged, self.diagnosis.textChanged,
                       self.damage.textEdited, self.valuables.textEdited,
                       self.warning_lights.textEdited, self.promised.dateTimeChanged,
                       self.no_promise.toggled, self.fuel.currentIndexChanged,
                       self.contact.currentIndexChanged, self.waiting.toggled):
            signal.connect(self._changed)
        self.no_promise.toggled.connect(lambda on: self.promised.setEnabled(not on))
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        for label, text in self.rows:
            label.setText(text())
        self.no_promise.setText(self.tr("not agreed"))
        self.waiting.setText(self.tr("waits in the lounge"))
        self.save_button.setText(self.tr("Save check-in (Ctrl+S)"))
        for i in range(self.contact.count()):
            self.contact.setItemText(i, self.contact_name(str(self.contact.itemData(i))))

    def contact_name(self, code: str) -> str:
        """How the customer wants to be told, in the UI language."""
        return {"phone": self.tr("Phone call"), "sms": self.tr("SMS"),
                "wechat": self.tr("WeChat"), "none": self.tr("Do not contact")}.get(code, code)

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        if not self._dirty:
            self._dirty = True
            self.save_button.setEnabled(True)
            self.edited.emit()

    def is_dirty(self) -> bool:
        """True while changes here are not saved."""
        return self._dirty

    def load(self, record: CheckInRecord, version: int, zone: tzinfo | None,
             editable: bool) -> None:
        """Show ``record`` (discarding anything typed) as of order ``version``."""
        self._loading = True
        self.zone = zone
        self.base_version = version
        self.mileage.setText(self.tr("{km} km").format(km=grouped(record.mileage_in)))
        self.fuel.setCurrentIndex(max(0, self.fuel.findData(record.fuel_level)))
        self.complaint.setPlainText(record.customer_description)
        self.diagnosis.setPlainText(record.diagnosis)
        self.damage.setText(record.damage_notes)
        self.valuables.setText(record.valuables)
        self.warning_lights.setText(record.warning_lights)
        self.no_promise.setChecked(record.promised_at is None)
        moment = record.promised_at or now()
        local = moment.astimezone(zone) if zone else moment
        self.promised.setDateTime(QDateTime(local.date(),  # type: ignore[call-overload]
                                            local.time().replace(microsecond=0)))
        self.contact.setCurrentIndex(max(0, self.contact.findData(record.contact_preference)))
        self.waiting.setChecked(record.customer_waiting)
        for widget in (self.fuel, self.complaint, self.diagnosis, self.damage, self.valuables,
                       self.warning_lights, self.promised, self.no_promise, self.contact,
                       self.waiting):
            widget.setEnabled(editable)
        self.promised.setEnabled(editable and record.promised_at is not None)
        self._dirty = False
        self.save_button.setEnabled(False)
        self._loading = False

    def promised_at(self) -> datetime | None:
        """The promised time chosen, as an aware UTC time (None when not agreed)."""
        if self.no_promise.isChecked():
            return None
        value = self.promised.dateTime()
        local = value.toPython()
        assert isinstance(local, datetime)
        zone = self.zone
        aware = local.replace(tzinfo=zone) if zone else local.astimezone()
        return aware.astimezone(UTC)

    def values(self) -> dict[str, Any]:
        """The form as keyword arguments of ``CheckInData`` (mileage excluded)."""
        return {"fuel_level": int(self.fuel.currentData()),
                "damage_notes": self.damage.text(), "valuables": self.valuables.text(),
                "warning_lights": self.warning_lights.text(),
                "customer_description": self.complaint.toPlainText(),
                "diagnosis": self.diagnosis.toPlainText(), "promised_at": self.promised_at(),
                "contact_preference": str(self.contact.currentData()),
                "customer_waiting": self.waiting.isChecked()}

