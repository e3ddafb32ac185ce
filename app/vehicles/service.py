"""Create and edit vehicles, change owners (history kept) and record mileage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.clock import now
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import _
from app.integrity import guard_errors
from app.security.actor import Actor, require
from app.validation.plates import validate_plate
from app.validation.text import TEXT_LIMIT, clean_text, normalise_identifier, normalise_text
from app.validation.vin import validate_vin
from db import guards
from db.models import Customer, MileageReading, Vehicle, VehicleOwnership

MAX_MILEAGE_KM = 3_000_000


@dataclass(frozen=True)
class VehicleData:
    """What a person types into the vehicle form (raw; validated by the service)."""

    plate: str
    vin: str = ""
    brand: str = ""
    model: str = ""
    series: str = ""
    model_year: int | None = None
    colour: str = ""
    engine_no: str = ""
    first_registration: date | None = None
    warranty_start: date | None = None
    notes: str = ""
    allow_special_plate: bool = False


@dataclass(frozen=True)
class SavedVehicle:
    """The saved vehicle and any warnings worth showing (e.g. an unusual VIN check digit)."""

    vehicle: Vehicle
    warnings: tuple[str, ...]


def _clean(session: Session, data: VehicleData, vehicle_id: int | None) -> tuple[dict, tuple]:
    plate = validate_plate(data.plate, allow_special=data.allow_special_plate)
    vin: str | None = None
    warnings: tuple[str, ...] = ()
    if normalise_identifier(data.vin or ""):
        check = validate_vin(data.vin)
        vin, warnings = check.vin, check.warnings
        clash = session.scalar(select(Vehicle.id).where(Vehicle.vin == vin))
        if clash is not None and clash != vehicle_id:
            raise ValidationError("vin", _("VIN"), _("Another vehicle already has this VIN."))
    clash = session.scalar(select(Vehicle.id).where(Vehicle.plate == plate))
    if clash is not None and clash != vehicle_id:
        raise _plate_taken(plate)
    year = data.model_year
    if year is not None and not 1950 <= year <= now().year + 1:
        raise ValidationError("model_year", _("Model year"),
                              _("Enter a year between 1950 and {last}."), last=now().year + 1)
    for name, label, value in (("first_registration", _("First registration"),
                                data.first_registration),
                               ("warranty_start", _("Warranty start"), data.warranty_start)):
        if value is not None and value > now().date():
            raise ValidationError(name, label, _("The date cannot be in the future."))
    text = {k: clean_text(getattr(data, k), field=k, label=label, max_length=size)
            for k, label, size in (("brand", _("Brand"), 60), ("model", _("Model"), 60),
                                   ("series", _("Series"), 60), ("colour", _("Colour"), 40),
                                   ("engine_no", _("Engine number"), 40))}
    return ({"plate": plate, "vin": vin, "vin_reversed": vin[::-1] if vin else None,
             "model_year": year, "first_registration": data.first_registration,
             "warranty_start": data.warranty_start,
             "notes": clean_text(data.notes, field="notes", label=_("Notes"),
                                 max_length=TEXT_LIMIT, multiline=True),
             **text}, warnings)


def _plate_taken(plate: str) -> ValidationError:
    return ValidationError("plate", _("Licence plate"),
                           _("Another vehicle already has plate {plate}."), plate=plate)


def _flush_vehicle(session: Session, vehicle: Vehicle) -> None:
    """Write the vehicle; a plate another terminal saved meanwhile is refused like any other."""
    with guard_errors({guards.PLATE: lambda: _plate_taken(vehicle.plate)}):
        session.flush()


def create_vehicle(session: Session, actor: Actor, data: VehicleData, *,
                   owner_id: int, mileage_km: int = 0) -> SavedVehicle:
    """Register a vehicle for its current owner (needs ``customers.edit``)."""
    require(actor, "customers.edit")
    if session.get(Customer, owner_id) is None:
        raise NotFound(_("Customer not found."))
    clean, warnings = _clean(session, data, None)
    km = check_mileage_value(mileage_km)
    at = now()
    vehicle = Vehicle(created_at=at, owner_id=owner_id, mileage_km=km, **clean)
    session.add(vehicle)
    _flush_vehicle(session, vehicle)
    session.add(VehicleOwnership(vehicle_id=vehicle.id, customer_id=owner_id, since=at))
    if km:
        session.add(MileageReading(vehicle_id=vehicle.id, km=km, read_at=at,
                                   user_id=actor.user_id, reason="registered"))
    session.flush()
    return SavedVehicle(vehicle, warnings)


def update_vehicle(session: Session, actor: Actor, vehicle_id: int, data: VehicleData, *,
                   expected_version: int) -> SavedVehicle:
    """Save edited registration data; refuses if someone else saved it meanwhile."""
    require(actor, "customers.edit")
    vehicle = load_vehicle(session, vehicle_id)
    if vehicle.version != expected_version:
        raise ConflictError()
    clean, warnings = _clean(session, data, vehicle_id)
    before = {"plate": vehicle.plate, "vin": vehicle.vin}
    for key, value in clean.items():
        setattr(vehicle, key, value)
    _flush_vehicle(session, vehicle)
    if before != {"plate": vehicle.plate, "vin": vehicle.vin}:
        audit.record(session, actor, "vehicle.identity", "vehicle", vehicle.id, before=before,
                     after={"plate": vehicle.plate, "vin": vehicle.vin})
    return SavedVehicle(vehicle, warnings)


def change_owner(session: Session, actor: Actor, vehicle_id: int, new_owner_id: int) -> Vehicle:
    """Hand the vehicle to a new owner; the previous ownership is closed, never deleted."""
    require(actor, "customers.edit")
    vehicle = load_vehicle(session, vehicle_id)
    if session.get(Customer, new_owner_id) is None:
        raise NotFound(_("Customer not found."))
    if vehicle.owner_id == new_owner_id:
        return vehicle
    at = now()
    # from the database, not ``vehicle.ownerships``: a collection loaded earlier in this
    # session would miss an ownership added since (a second hand-over would leave it open)
    for ownership in session.scalars(select(VehicleOwnership).where(
            VehicleOwnership.vehicle_id == vehicle.id, VehicleOwnership.until.is_(None))):
        ownership.until = at
    # In this order, as the database checks (db.guards): the open ownership closes, then the
    # owner changes, then the new ownership opens (the flush writes the vehicle before it).
    session.flush()
    audit.record(session, actor, "vehicle.owner", "vehicle", vehicle.id,
                 before={"owner_id": vehicle.owner_id}, after={"owner_id": new_owner_id})
    vehicle.owner_id = new_owner_id
    vehicle.ownerships.append(VehicleOwnership(customer_id=new_owner_id, since=at))
    with guard_errors({guards.OPEN_OWNERSHIP: ConflictError,
                       guards.CURRENT_OWNER: ConflictError}):
        session.flush()
    return vehicle


def check_mileage_value(km: object) -> int:
    """Parse an odometer reading in whole kilometres."""
    if isinstance(km, str):
        text = normalise_text(km).replace(",", "").replace(" ", "").lower().removesuffix("km")
        if not (text.isascii() and text.isdigit()):
            raise ValidationError("mileage", _("Mileage"),
                                  _("Enter whole kilometres, e.g. 45210."))
        km = int(text)
    if isinstance(km, bool) or not isinstance(km, int) or not 0 <= km <= MAX_MILEAGE_KM:
        raise ValidationError("mileage", _("Mileage"),
                              _("Enter whole kilometres between 0 and {max}."),
                              max=MAX_MILEAGE_KM)
    return km


def record_mileage(session: Session, actor: Actor, vehicle: Vehicle, km: object, *,
                   repair_order_id: int | None = None, lower_reason: str = "") -> int:
    """Record an odometer reading at check-in (needs ``orders.edit``); a reading below the last
    one needs a confirmed reason and is audited."""
    require(actor, "orders.edit")
    value = check_mileage_value(km)
    lower_reason = clean_text(lower_reason, field="lower_reason", label=_("Reason"),
                              max_length=200)
    if value < vehicle.mileage_km:
        if not lower_reason:
            raise ValidationError(
                "mileage", _("Mileage"),
                _("{km} km is lower than the last reading ({last} km). Check it, or give the "
                  "reason (e.g. instrument cluster replaced)."), km=value,
                last=vehicle.mileage_km)
        audit.record(session, actor, "vehicle.mileage_lower", "vehicle", vehicle.id,
                     before={"km": vehicle.mileage_km}, after={"km": value},
                     reason=lower_reason)
    session.add(MileageReading(vehicle_id=vehicle.id, km=value, read_at=now(),
                               repair_order_id=repair_order_id, user_id=actor.user_id,
                               reason=lower_reason))
    vehicle.mileage_km = value
    return value


def vehicles_of(session: Session, customer_id: int, *,
                limit: int) -> tuple[list[Vehicle], int]:
    """The customer's vehicles by plate (at most ``limit``) and how many they own."""
    owned = select(Vehicle).where(Vehicle.owner_id == customer_id)
    total = session.scalar(select(func.count()).select_from(owned.subquery())) or 0
    return list(session.scalars(owned.order_by(Vehicle.plate, Vehicle.id).limit(limit))), total


def load_vehicle(session: Session, vehicle_id: int) -> Vehicle:
    """The vehicle with owner and ownerships, or ``NotFound``."""
    vehicle = session.scalars(
        select(Vehicle).where(Vehicle.id == vehicle_id)
        .options(selectinload(Vehicle.owner).selectinload(Customer.phones),
                 selectinload(Vehicle.ownerships))
    ).one_or_none()
    if vehicle is None:
        raise NotFound(_("Vehicle not found."))
    return vehicle
