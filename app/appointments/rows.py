"""Appointment rows as lists show them, built in batched queries (no query per row)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.i18n import _
from app.privacy import shown_phone
from app.security.actor import Actor
from db.models import Appointment, Customer, CustomerPhone, User, Vehicle


@dataclass(frozen=True)
class AppointmentRow:
    """One booking in a list; times are aware and in the shop's time zone."""

    id: int
    starts_at: datetime
    ends_at: datetime
    status: str
    direction: str
    customer_id: int
    customer: str
    phone: str  # masked unless the actor may see contact details
    vehicle_id: int | None
    plate: str
    vehicle: str
    advisor_id: int | None
    advisor: str
    requested_work: str
    notes: str
    version: int
    repair_order_id: int | None

    @property
    def customer_name(self) -> str:
        return self.customer

    @property
    def advisor_name(self) -> str:
        return self.advisor


def vehicle_text(vehicle: Vehicle | None) -> str:
    """Brand and model, e.g. ``丰田 卡罗拉``."""
    if vehicle is None:
        return ""
    return " ".join(x for x in (vehicle.brand, vehicle.model) if x)


def primary_phones(session: Session, customer_ids: set[int]) -> dict[int, str]:
    """Each customer's primary (else first) phone in E.164, in one query."""
    phones: dict[int, str] = {}
    if not customer_ids:
        return phones
    for customer_id, number in session.execute(
            select(CustomerPhone.customer_id, CustomerPhone.number)
            .where(CustomerPhone.customer_id.in_(customer_ids))
            .order_by(CustomerPhone.customer_id, CustomerPhone.is_primary.desc(),
                      CustomerPhone.id)):
        phones.setdefault(customer_id, number)
    return phones


def user_names(session: Session, user_ids: set[int | None]) -> dict[int, str]:
    """Full names of users, in one query."""
    ids = {i for i in user_ids if i is not None}
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.full_name).where(User.id.in_(ids))).all())


def appointment_rows(session: Session, actor: Actor, appointments: Sequence[Appointment],
                     zone: tzinfo) -> list[AppointmentRow]:
    """Rows for ``appointments`` (kept in order) with names, plates and phones batched."""
    if not appointments:
        return []
    customer_ids = {a.customer_id for a in appointments}
    vehicle_ids = {a.vehicle_id for a in appointments if a.vehicle_id is not None}
    customers = {c.id: c for c in session.scalars(
        select(Customer).where(Customer.id.in_(customer_ids)))}
    vehicles = ({v.id: v for v in session.scalars(
        select(Vehicle).where(Vehicle.id.in_(vehicle_ids)))} if vehicle_ids else {})
    phones = primary_phones(session, customer_ids)
    advisors = user_names(session, {a.advisor_id for a in appointments})
    rows = []
    for a in appointments:
        vehicle = vehicles.get(a.vehicle_id) if a.vehicle_id is not None else None
        customer = customers.get(a.customer_id)
        rows.append(AppointmentRow(
            id=a.id, starts_at=a.starts_at.astimezone(zone), ends_at=a.ends_at.astimezone(zone),
            status=a.status, direction=a.direction, customer_id=a.customer_id,
            customer=customer.name if customer else "",
            phone=shown_phone(actor, phones.get(a.customer_id, "")),
            vehicle_id=a.vehicle_id, plate=vehicle.plate if vehicle else "",
            vehicle=vehicle_text(vehicle), advisor_id=a.advisor_id,
            advisor=advisors.get(a.advisor_id, "") if a.advisor_id is not None else "",
            requested_work=a.requested_work, notes=a.notes, version=a.version,
            repair_order_id=a.repair_order_id))
    return rows


def load_appointment(session: Session, appointment_id: int) -> Appointment:
    """The appointment, or ``NotFound``."""
    appointment = session.get(Appointment, appointment_id)
    if appointment is None:
        raise NotFound(_("Appointment not found."))
    return appointment
