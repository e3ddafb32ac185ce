"""Check-in (接车): open a repair order for a vehicle with the check-in record.

``check_in`` is the reception's one operation: the order (walk-in or from a booking) with its
check-in record, the mileage on the vehicle and the photos of the car, in the caller's
transaction — all of it is saved, or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app import audit
from app.clock import now
from app.errors import ConflictError, ValidationError
from app.i18n import _
from app.numbering import next_number
from app.orders.queries import load_order
from app.orders.state import EDITABLE
from app.orders.status import WORK_DONE
from app.orders.workflow import require_status
from app.security.actor import Actor, require
from app.validation.text import TEXT_LIMIT, clean_text
from app.vehicles.service import load_vehicle, record_mileage
from db.enums import DocumentType, OrderStatus
from db.models import OrderStatusChange, RepairOrder

CONTACT_PREFERENCES = ("phone", "sms", "wechat", "none")


@dataclass(frozen=True)
class CheckInData:
    """What the advisor records when the car arrives."""

    mileage_in: object
    fuel_level: int = 4  # eighths of a tank (0 = empty, 8 = full)
    damage_notes: str = ""
    valuables: str = ""
    warning_lights: str = ""
    customer_description: str = ""
    diagnosis: str = ""
    promised_at: datetime | None = None
    contact_preference: str = "phone"
    customer_waiting: bool = False  # waits in the lounge
    lower_mileage_reason: str = ""


@dataclass(frozen=True)
class Photo:
    """A photo (or PDF) of the car taken at check-in."""

    filename: str
    data: bytes


def check_in(session: Session, actor: Actor, vehicle_id: int, data: CheckInData, *,
             photos: Sequence[Photo] = (), customer_id: int | None = None,
             appointment_id: int | None = None,
             appointment_version: int | None = None) -> RepairOrder:
    """Check the car in: open its order and keep the photos with it, in one transaction.

    With ``appointment_id`` the booking is marked arrived and supplies the customer (and the
    requested work when the description is empty); ``appointment_version`` is the booking's
    version the advisor read (``ConflictError`` when it changed). Without it, the order is a
    walk-in for ``customer_id`` or the vehicle's owner. Needs ``orders.edit`` (and
    ``appointments.edit`` for a booking); each photo is checked like ``attach_file``.
    """
    from app.appointments.service import arrive
    from app.orders.attachments import attach_file

    require(actor, "orders.edit")
    if appointment_id is not None:
        order = arrive(session, actor, appointment_id, data, vehicle_id=vehicle_id,
                       expected_version=appointment_version)
    else:
        order = open_order(session, actor, vehicle_id, data, customer_id=customer_id)
    for photo in photos:
        attach_file(session, actor, order.id, filename=photo.filename, data=photo.data)
    return order


def _notes(value: object, field: str, label: str) -> str:
    return clean_text(value, field=field, label=label, max_length=TEXT_LIMIT, multiline=True)


def _check(data: CheckInData, previous_promise: datetime | None = None) -> dict:
    if isinstance(data.fuel_level, bool) or not isinstance(data.fuel_level, int) \
            or not 0 <= data.fuel_level <= 8:
        raise ValidationError("fuel_level", _("Fuel level"),
                              _("Choose a level from empty (0/8) to full (8/8)."))
    if data.contact_preference not in CONTACT_PREFERENCES:
        raise ValidationError("contact_preference", _("Contact preference"),
                              _("Choose phone, SMS, WeChat or none."))
    if data.promised_at is not None and data.promised_at != previous_promise \
            and data.promised_at < now():
        raise ValidationError("promised_at", _("Promised time"),
                              _("The promised time cannot be in the past."))
    complaint = _notes(data.customer_description, "customer_description",
                       _("Customer's description"))
    if not complaint:
        raise ValidationError("customer_description", _("Customer's description"),
                              _("Write down what the customer says is wrong or wants done."))
    return {
        "fuel_level": data.fuel_level,
        "damage_notes": _notes(data.damage_notes, "damage_notes", _("Damage")),
        "valuables": _notes(data.valuables, "valuables", _("Valuables")),
        "warning_lights": _notes(data.warning_lights, "warning_lights", _("Warning lights")),
        "customer_description": complaint,
        "diagnosis": _notes(data.diagnosis, "diagnosis", _("Diagnosis")),
        "promised_at": data.promised_at, "contact_preference": data.contact_preference,
        "customer_waiting": bool(data.customer_waiting),
    }


def open_order(session: Session, actor: Actor, vehicle_id: int, data: CheckInData, *,
               customer_id: int | None = None, comeback_of_id: int | None = None) -> RepairOrder:
    """Check the vehicle in: a new order (number from its series), status *open*.

    The customer defaults to the vehicle's owner; the mileage is recorded on the vehicle
    (lower than the last reading only with a reason).
    """
    require(actor, "orders.edit")
    vehicle = load_vehicle(session, vehicle_id)
    fields = _check(data)
    customer = customer_id or vehicle.owner_id
    if customer is None:
        raise ValidationError("customer", _("Customer"),
                              _("Choose who brought the vehicle in."))
    order = RepairOrder(number=next_number(session, DocumentType.REPAIR_ORDER),
                        status=OrderStatus.OPEN, customer_id=customer, vehicle_id=vehicle.id,
                        advisor_id=actor.user_id, opened_at=now(), mileage_in=0, **fields)
    session.add(order)
    session.flush()
    order.mileage_in = record_mileage(session, actor, vehicle, data.mileage_in,
                                      repair_order_id=order.id,
                                      lower_reason=data.lower_mileage_reason)
    if comeback_of_id is not None:
        link_comeback(session, actor, order, comeback_of_id)
    session.add(OrderStatusChange(repair_order_id=order.id, from_status=OrderStatus.DRAFT,
                                  to_status=OrderStatus.OPEN, at=order.opened_at,
                                  user_id=actor.user_id, reason="check-in"))
    session.flush()
    return order


def update_check_in(session: Session, actor: Actor, order_id: int, data: CheckInData, *,
                    expected_version: int) -> RepairOrder:
    """Correct the check-in record while the order is still being worked on."""
    require(actor, "orders.edit")
    order = load_order(session, order_id)
    if order.version != expected_version:
        raise ConflictError()
    require_status(order, EDITABLE,
                   _("Order {number} is {status}; its check-in record can no longer change."))
    for key, value in _check(data, order.promised_at).items():
        setattr(order, key, value)
    order.updated_at = now()
    session.flush()
    return order


def link_comeback(session: Session, actor: Actor, order: RepairOrder, original_id: int) -> None:
    """Mark ``order`` as a comeback (返修) of an earlier order of the same vehicle."""
    require(actor, "orders.edit")
    original = load_order(session, original_id)
    if original.vehicle_id != order.vehicle_id or original.id == order.id:
        raise ValidationError("comeback_of", _("Comeback of"),
                              _("A comeback must refer to an earlier order of the same vehicle."))
    if original.status not in WORK_DONE:
        raise ValidationError("comeback_of", _("Comeback of"),
                              _("Order {number} was never completed."), number=original.number)
    order.comeback_of_id = original.id
    audit.record(session, actor, "order.comeback", "repair_order", order.id,
                 after={"comeback_of": original.number})
