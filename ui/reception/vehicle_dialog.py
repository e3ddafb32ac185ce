"""Register and edit vehicles; a new customer together with their vehicle in one save."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.customers.registration import register_customer
from app.errors import ValidationError
from app.i18n import translate
from app.reception.queries import VehicleInfo, vehicle_info
from app.validation.plates import validate_plate
from app.validation.vin import validate_vin
from app.vehicles.service import (
    VehicleData,
    check_mileage_value,
    create_vehicle,
    update_vehicle,
)
from ui.palette import Tone, tone_style
from ui.reception.common import Context
from ui.reception.customer_dialog import CustomerFields
from ui.reception.forms import FormDialog, parse_day

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL


@dataclass(frozen=True)
class SavedVehicleRef:
    """What a vehicle dialog saved: ids and the VIN warnings (msgids) worth a note."""

    vehicle_id: int
    customer_id: int
    warnings: tuple[str, ...]


class InputProblem(Exception):
    """A value the UI itself cannot read (a date or a year); the message is translated."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class VehicleFields:
    """The vehicle's fields, added to a ``FormDialog``'s form."""

    def __init__(self, dialog: FormDialog, form: QFormLayout, *, with_mileage: bool) -> None:
        self.dialog = dialog
        self.plate = QLineEdit(dialog)
        self.plate.setMaxLength(16)
        self.plate.setPlaceholderText(self.tr("e.g. 粤B12345"))
        dialog.add_field(form, "plate", self.tr("Licence plate"), self.plate, required=True,
                         check=lambda text: validate_plate(
                             text, allow_special=self.special_plate.isChecked()))
        self.special_plate = QCheckBox(
            self.tr("Special plate (military, embassy, Hong Kong/Macau, temporary, foreign)"),
            dialog)
        self.special_plate.setObjectName("allow_special_plate")
        dialog.add_field(form, "allow_special_plate", "", self.special_plate)
        self.vin = QLineEdit(dialog)
        self.vin.setMaxLength(25)
        self.vin.setPlaceholderText(self.tr("17 characters, on the registration certificate"))
        vin_box = dialog.add_field(form, "vin", self.tr("VIN"), self.vin, check=validate_vin)
        self.vin_note = QLabel(vin_box)
        self.vin_note.setObjectName("vinNote")
        self.vin_note.setWordWrap(True)
        self.vin_note.setStyleSheet(tone_style(Tone.ATTENTION, padding="2px 4px", radius=None))
        self.vin_note.hide()
        vin_layout = vin_box.layout()
        assert vin_layout is not None
        vin_layout.addWidget(self.vin_note)
        self.vin.editingFinished.connect(self._vin_left)
        self.vin.textEdited.connect(lambda _t: self.vin_note.hide())
        self.brand = QLineEdit(dialog)
        self.model = QLineEdit(dialog)
        self.series = QLineEdit(dialog)
        dialog.add_field(form, "brand", self.tr("Brand"), self.brand)
        dialog.add_field(form, "model", self.tr("Model"), self.model)
        dialog.add_field(form, "series", self.tr("Series / trim"), self.series)
        self.model_year = QLineEdit(dialog)
        self.model_year.setMaxLength(4)
        self.model_year.setPlaceholderText(self.tr("e.g. 2021"))
        dialog.add_field(form, "model_year", self.tr("Model year"), self.model_year)
        self.colour = QLineEdit(dialog)
        dialog.add_field(form, "colour", self.tr("Colour"), self.colour)
        self.engine_no = QLineEdit(dialog)
        dialog.add_field(form, "engine_no", self.tr("Engine number"), self.engine_no)
        self.first_registration = QLineEdit(dialog)
        self.first_registration.setPlaceholderText(self.tr("YYYY-MM-DD"))
        dialog.add_field(form, "first_registration", self.tr("First registration"),
                         self.first_registration)
        self.warranty_start = QLineEdit(dialog)
        self.warranty_start.setPlaceholderText(self.tr("YYYY-MM-DD"))
        dialog.add_field(form, "warranty_start", self.tr("Warranty start"), self.warranty_start)
        self.mileage: QLineEdit | None = None
        if with_mileage:
            self.mileage = QLineEdit(dialog)
            self.mileage.setPlaceholderText(self.tr("km on the odometer"))
            dialog.add_field(form, "mileage", self.tr("Mileage (km)"), self.mileage)
        self.notes = QPlainTextEdit(dialog)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().height() * 2 + 12)
        dialog.add_field(form, "vehicle_notes", self.tr("Notes"), self.notes)

    def tr(self, text: str) -> str:
        """``text`` in the UI language (context ``VehicleFields``)."""
        return QCoreApplication.translate("VehicleFields", text)

    def _vin_left(self) -> None:
        text = self.vin.text().strip()
        if not text:
            return
        try:
            check = validate_vin(text)
        except ValidationError:
            return  # the field check shows the message
        self.show_warnings(check.warnings)

    def show_warnings(self, warnings: tuple[str, ...]) -> None:
        """Show VIN warnings under the VIN field (a note; saving is still allowed)."""
        if not warnings:
            self.vin_note.hide()
            return
        lang = self.dialog.ctx.lang
        self.vin_note.setText("\n".join(translate(w, lang) for w in warnings))
        self.vin_note.show()

    def _date(self, key: str, edit: QLineEdit) -> date | None:
        try:
            return parse_day(edit.text())
        except ValueError:
            raise InputProblem(key, self.tr("Enter a date like 2021-05-31.")) from None

    def data(self) -> VehicleData:
        """The values typed; raises ``InputProblem`` for an unreadable date or year."""
        year_text = self.model_year.text().strip()
        if year_text and not year_text.isdigit():
            raise InputProblem("model_year", self.tr("Enter a year like 2021."))
        return VehicleData(
            plate=self.plate.text(), vin=self.vin.text(), brand=self.brand.text(),
            model=self.model.text(), series=self.series.text(),
            model_year=int(year_text) if year_text else None, colour=self.colour.text(),
            engine_no=self.engine_no.text(),
            first_registration=self._date("first_registration", self.first_registration),
            warranty_start=self._date("warranty_start", self.warranty_start),
            notes=self.notes.toPlainText(),
            allow_special_plate=self.special_plate.isChecked())

    def mileage_text(self) -> str:
        """The odometer reading typed ('0' when none)."""
        return (self.mileage.text().strip() if self.mileage is not None else "") or "0"

    def fill(self, info: VehicleInfo) -> None:
        """Show a stored vehicle."""
        self.plate.setText(info.plate)
        self.vin.setText(info.vin)
        self.brand.setText(info.brand)
        self.model.setText(info.model)
        self.series.setText(info.series)
        self.model_year.setText(str(info.model_year) if info.model_year else "")
        self.colour.setText(info.colour)
        self.engine_no.setText(info.engine_no)
        self.first_registration.setText(info.first_registration.isoformat()
                                        if info.first_registration else "")
        self.warranty_start.setText(info.warranty_start.isoformat()
                                    if info.warranty_start else "")
        self.notes.setPlainText(info.notes)
        try:
            validate_plate(info.plate)
            self.special_plate.setChecked(False)
        except ValidationError:
            self.special_plate.setChecked(True)


class VehicleDialog(FormDialog):
    """Add a vehicle to customer ``owner_id``, or edit ``vehicle_id``.

    ``saved_value`` is a ``SavedVehicleRef``.
    """

    def __init__(self, ctx: Context, *, owner_id: int, vehicle_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("vehicleDialog")
        self.owner_id = owner_id
        self.vehicle_id = vehicle_id
        self.version: int | None = None
        self.setWindowTitle(self.tr("New vehicle") if vehicle_id is None
                            else self.tr("Edit vehicle"))
        box = QGroupBox(self.tr("Vehicle"), self)
        form = QFormLayout(box)
        self.vehicle = VehicleFields(self, form, with_mileage=vehicle_id is None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addWidget(box)
        layout.addWidget(self.buttons)
        if vehicle_id is not None:
            self.reload()
        self.mark_clean()
        self.vehicle.plate.setFocus()

    def reload(self) -> None:
        if self.vehicle_id is None:
            return
        vehicle_id, actor = self.vehicle_id, self.ctx.actor
        self.save_button.setEnabled(False)  # until the form shows what is stored
        self.ctx.read_then(lambda s: vehicle_info(s, actor, vehicle_id), self._filled,
                           on_error=self.handle_error)

    def _filled(self, info: Any) -> None:
        self.version = info.version
        self.vehicle.fill(info)
        self.clear_errors()
        self.mark_clean()
        self.save_button.setEnabled(True)

    def save(self) -> None:
        self.clear_errors()
        if not self.check_fields():
            return
        try:
            data = self.vehicle.data()
        except InputProblem as problem:
            self.fields[problem.field].set_error(problem.message)
            return
        actor, owner_id = self.ctx.actor, self.owner_id
        vehicle_id, version = self.vehicle_id, self.version
        mileage = self.vehicle.mileage_text()

        def work(session: Session) -> SavedVehicleRef:
            if vehicle_id is None:
                saved = create_vehicle(session, actor, data, owner_id=owner_id,
                                       mileage_km=check_mileage_value(mileage))
            else:
                saved = update_vehicle(session, actor, vehicle_id, data,
                                       expected_version=version or 0)
            return SavedVehicleRef(saved.vehicle.id, saved.vehicle.owner_id or owner_id,
                                   saved.warnings)

        self.submit(work)


class NewCustomerDialog(FormDialog):
    """A new customer and their vehicle, saved together (nothing is saved if either is wrong).

    ``saved_value`` is a ``SavedVehicleRef`` (``vehicle_id`` 0 when no vehicle was entered).
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("newCustomerDialog")
        self.setWindowTitle(self.tr("New customer and vehicle"))
        customer_box = QGroupBox(self.tr("Customer"), self)
        self.customer = CustomerFields(self, QFormLayout(customer_box))
        vehicle_box = QGroupBox(self.tr("Vehicle"), self)
        self.with_vehicle = QCheckBox(self.tr("Register a vehicle now"), self)
        self.with_vehicle.setObjectName("withVehicle")
        self.with_vehicle.setChecked(True)
        vehicle_layout = QVBoxLayout(vehicle_box)
        vehicle_layout.addWidget(self.with_vehicle)
        vehicle_form_host = QWidget(vehicle_box)
        vehicle_form = QFormLayout(vehicle_form_host)
        vehicle_form.setContentsMargins(0, 0, 0, 0)
        self.vehicle = VehicleFields(self, vehicle_form, with_mileage=True)
        vehicle_layout.addWidget(vehicle_form_host)
        vehicle_layout.addStretch(1)
        self.with_vehicle.toggled.connect(vehicle_form_host.setEnabled)
        columns = QHBoxLayout()
        columns.addWidget(customer_box, 1)
        columns.addWidget(vehicle_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.mark_clean()
        self.customer.name.setFocus()

    def form_widgets(self) -> list[QWidget]:
        return [*super().form_widgets(), self.with_vehicle]

    def save(self) -> None:
        self.clear_errors()
        if not self.check_fields():
            return
        customer = self.customer.data()
        vehicle: VehicleData | None = None
        if self.with_vehicle.isChecked():
            try:
                vehicle = self.vehicle.data()
            except InputProblem as problem:
                self.fields[problem.field].set_error(problem.message)
                return
        actor = self.ctx.actor
        mileage = self.vehicle.mileage_text()

        def work(session: Session) -> SavedVehicleRef:
            done = register_customer(session, actor, customer, vehicle, mileage_km=mileage)
            return SavedVehicleRef(done.vehicle_id or 0, done.customer_id, done.warnings)

        self.submit(work)
