"""Book, move, confirm, cancel and receive appointments (双向预约); the day and week views.

A booking is *booked* (or an invitation we made, direction ``outbound``), then *confirmed* by
a call, then *arrived* when the car is checked in (which opens the repair order in the same
transaction). A customer who turns up without the confirming call arrives straight from
*booked*. Booked or confirmed bookings may become *no_show* (once their time has come) or
*cancelled*; arrived, no-show and cancelled are final. Every change but a new booking takes
the version the user saw and raises ``ConflictError`` when someone else changed it since.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import audit
from app.appointments.rows import AppointmentRow, load_appointment
from app.appointments.slots import (
    CLOSING_HOUR,
    OPENING_HOUR,
    capacity_per_hour,
    day_bounds,
    local_day,
    receiving_users,
    slot_capacity,
    slot_of,
    within_opening_hours,
)
from app.appointments.views import DayView, Slot, day_view, todays_arrivals, week_view
from app.clock import now
from app.errors import ConflictError, DomainError, InvalidTransition, ValidationError
from app.formatting import local_clock
from app.i18n import Label, _
from app.orders.checkin import CheckInData, open_order
from app.orders.status import APPOINTMENTS_EXPECTED, APPOINTMENTS_TAKING_PLACE, values
from app.security.actor import Actor, require
from app.shop import shop_zone
from app.validation.text import clean_text, normalise_text
from db.enums import AppointmentDirection, AppointmentStatus
from db.models import (
    Appointment,
    Customer,
    RepairOrder,
    ShopProfile,
    User,
    Vehicle,
)

__all__ = [
    "AppointmentData", "AppointmentRow", "DayView", "Slot", "arrive", "book", "cancel",
    "confirm", "day_view", "direction_label", "load_appointment", "mark_no_show", "reschedule",
    "status_label", "todays_arrivals", "week_view",
]

MIN_DURATION = 15
MAX_DURATION = 480
TAKES_PLACE = APPOINTMENTS_TAKING_PLACE
EXPECTED = APPOINTMENTS_EXPECTED

S = AppointmentStatus
TRANSITIONS: dict[AppointmentStatus, frozenset[AppointmentStatus]] = {
    S.BOOKED: frozenset({S.CONFIRMED, S.ARRIVED, S.NO_SHOW, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.ARRIVED, S.NO_SHOW, S.CANCELLED}),
    S.ARRIVED: frozenset(),
    S.NO_SHOW: frozenset(),
    S.CANCELLED: frozenset(),
}

STATUS_LABELS: dict[AppointmentStatus, str] = {
    S.BOOKED: _("booked"),
    S.CONFIRMED: _("confirmed"),
    S.ARRIVED: _("arrived"),
    S.NO_SHOW: _("did not come"),
    S.CANCELLED: _("cancelled"),
}
DIRECTION_LABELS: dict[AppointmentDirection, str] = {
    AppointmentDirection.INBOUND: _("customer's booking"),
    AppointmentDirection.OUTBOUND: _("our invitation"),
}
TIME_LABEL = _("Appointment time")


def status_label(status: str) -> str:
    """The translatable label (a msgid) of an appointment status."""
    return STATUS_LABELS[AppointmentStatus(status)]


def direction_label(direction: str) -> str:
    """The translatable label (a msgid) of a booking direction."""
    return DIRECTION_LABELS[AppointmentDirection(direction)]


@dataclass(frozen=True)
class AppointmentData:
    """What the advisor enters for a booking; ``starts_at`` must be aware."""

    customer_id: int
    vehicle_id: int | None
    advisor_id: int | None
    starts_at: datetime
    duration_minutes: int = 60
    direction: str = "inbound"
    requested_work: str = ""
    notes: str = ""


def _check_version(appointment: Appointment, expected_version: int | None) -> None:
    if expected_version is not None and appointment.version != expected_version:
        raise ConflictError()


def _flush(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError() from exc


def _move(session: Session, actor: Actor, appointment: Appointment,
          to_status: AppointmentStatus, *, reason: str = "") -> None:
    from_status = AppointmentStatus(appointment.status)
    if to_status not in TRANSITIONS[from_status]:
        raise InvalidTransition(_("The appointment cannot go from {from_status} to "
                                  "{to_status}."),
                                from_status=Label(status_label(from_status)),
                                to_status=Label(status_label(to_status)))
    appointment.status = to_status.value
    _flush(session)
    audit.record(session, actor, f"appointment.{to_status.value}", "appointment",
                 appointment.id, before={"status": from_status.value},
                 after={"status": to_status.value}, reason=reason)


# --- validation -------------------------------------------------------------------------------

def _check_customer(session: Session, customer_id: object) -> int:
    if not isinstance(customer_id, int) or isinstance(customer_id, bool) \
            or session.get(Customer, customer_id) is None:
        raise ValidationError("customer_id", _("Customer"),
                              _("Choose a customer from the list (or register a new one)."))
    return customer_id


def _check_vehicle(session: Session, vehicle_id: object) -> int | None:
    if vehicle_id is None:
        return None
    if not isinstance(vehicle_id, int) or isinstance(vehicle_id, bool) \
            or session.get(Vehicle, vehicle_id) is None:
        raise ValidationError("vehicle_id", _("Vehicle"),
                              _("Choose a vehicle from the list (or leave it empty)."))
    return vehicle_id


def _check_advisor(session: Session, advisor_id: object) -> int | None:
    if advisor_id is None:
        return None
    ok = isinstance(advisor_id, int) and not isinstance(advisor_id, bool) and session.scalar(
        select(func.count()).select_from(
            receiving_users().where(User.id == advisor_id).subquery()))
    if not ok:
        raise ValidationError("advisor_id", _("Service advisor"),
                              _("Choose an active service advisor (or leave it empty)."))
    return advisor_id  # type: ignore[return-value]


def _check_duration(minutes: object) -> int:
    if not isinstance(minutes, int) or isinstance(minutes, bool) \
            or not MIN_DURATION <= minutes <= MAX_DURATION:
        raise ValidationError("duration_minutes", _("Duration"),
                              _("Enter {min} to {max} minutes."), min=MIN_DURATION,
                              max=MAX_DURATION)
    return minutes


def _check_direction(direction: str) -> str:
    try:
        return AppointmentDirection(direction).value
    except ValueError:
        raise ValidationError("direction", _("Booking type"),
                              _("Choose a customer's booking or our invitation.")) from None


def _check_time(session: Session, starts_at: object, zone: tzinfo) -> datetime:
    if not isinstance(starts_at, datetime) or starts_at.tzinfo is None \
            or starts_at.utcoffset() is None:
        raise ValidationError("starts_at", TIME_LABEL, _("Choose a date and a time."))
    if starts_at < now():
        raise ValidationError("starts_at", TIME_LABEL,
                              _("This time has already passed; choose a later one."))
    if not within_opening_hours(starts_at, zone):
        raise ValidationError("starts_at", TIME_LABEL,
                              _("Appointments start between {opening} and {closing}."),
                              opening=f"{OPENING_HOUR:02d}:00", closing=f"{CLOSING_HOUR:02d}:00")
    return starts_at


def _lock_calendar(session: Session) -> None:
    """Serialise bookings so two desks cannot both take the last place of a slot.

    PostgreSQL: a row lock on the shop profile; SQLite: writers are serialised already
    (every write transaction begins IMMEDIATE).
    """
    session.execute(select(ShopProfile.id).where(ShopProfile.id == 1).with_for_update())


def _check_capacity(session: Session, starts_at: datetime, advisor_id: int | None,
                    zone: tzinfo, exclude_id: int | None) -> None:
    _lock_calendar(session)
    start = slot_of(starts_at, zone)
    end = start + timedelta(hours=1)
    base = select(func.count(Appointment.id)).where(
        Appointment.starts_at >= start, Appointment.starts_at < end,
        Appointment.status.in_(values(TAKES_PLACE)))
    if exclude_id is not None:
        base = base.where(Appointment.id != exclude_id)
    label = start.strftime("%H:%M")
    if advisor_id is not None:
        taken = session.scalar(base.where(Appointment.advisor_id == advisor_id)) or 0
        capacity = capacity_per_hour(session)
        if taken >= capacity:
            raise ValidationError("starts_at", TIME_LABEL,
                                  _("The advisor's {time} slot is full ({capacity} bookings); "
                                    "choose another time or advisor."),
                                  time=label, capacity=capacity)
    desk = slot_capacity(session, None)
    if (session.scalar(base) or 0) >= desk:
        raise ValidationError("starts_at", TIME_LABEL,
                              _("The front desk is fully booked at {time} ({capacity} "
                                "bookings); choose another time."), time=label, capacity=desk)


def _check_vehicle_free(session: Session, vehicle_id: int | None, starts_at: datetime,
                        zone: tzinfo, exclude_id: int | None) -> None:
    """One expected booking per vehicle and day (an inbound call and an invitation collide)."""
    if vehicle_id is None:
        return
    start, end = day_bounds(local_day(starts_at, zone), zone)
    stmt = select(Appointment.starts_at).where(
        Appointment.vehicle_id == vehicle_id, Appointment.starts_at >= start,
        Appointment.starts_at < end, Appointment.status.in_(values(EXPECTED)))
    if exclude_id is not None:
        stmt = stmt.where(Appointment.id != exclude_id)
    other = session.scalar(stmt.limit(1))
    if other is not None:
        raise ValidationError("vehicle_id", _("Vehicle"),
                              _("This vehicle is already booked for {time} that day."),
                              time=local_clock(other, zone))


# --- services ---------------------------------------------------------------------------------

def book(session: Session, actor: Actor, data: AppointmentData) -> Appointment:
    """Book a slot (``appointments.edit``); outbound invitations are booked the same way.

    The vehicle may belong to someone else: the booking's customer is who brings it.
    """
    require(actor, "appointments.edit")
    customer_id = _check_customer(session, data.customer_id)
    vehicle_id = _check_vehicle(session, data.vehicle_id)
    advisor_id = _check_advisor(session, data.advisor_id)
    direction = _check_direction(data.direction)
    minutes = _check_duration(data.duration_minutes)
    requested = clean_text(data.requested_work, field="requested_work",
                           label=_("Requested work"), max_length=1000, multiline=True)
    notes = clean_text(data.notes, field="notes", label=_("Notes"), max_length=1000,
                       multiline=True)
    zone = shop_zone(session)
    starts_at = _check_time(session, data.starts_at, zone)
    _check_vehicle_free(session, vehicle_id, starts_at, zone, None)
    _check_capacity(session, starts_at, advisor_id, zone, None)
    appointment = Appointment(
        customer_id=customer_id, vehicle_id=vehicle_id, advisor_id=advisor_id,
        starts_at=starts_at, ends_at=starts_at + timedelta(minutes=minutes),
        direction=direction, status=AppointmentStatus.BOOKED, requested_work=requested,
        notes=notes, created_at=now())
    session.add(appointment)
    session.flush()
    audit.record(session, actor, "appointment.book", "appointment", appointment.id,
                 after={"starts_at": starts_at.isoformat(), "customer_id": customer_id,
                        "vehicle_id": vehicle_id, "advisor_id": advisor_id,
                        "direction": direction})
    return appointment


def reschedule(session: Session, actor: Actor, appointment_id: int, starts_at: datetime, *,
               expected_version: int) -> Appointment:
    """Move a booked or confirmed appointment to another time (same length, same advisor)."""
    require(actor, "appointments.edit")
    appointment = load_appointment(session, appointment_id)
    _check_version(appointment, expected_version)
    if AppointmentStatus(appointment.status) not in EXPECTED:
        raise DomainError(_("The appointment is {status}; it can no longer be moved."),
                          status=Label(status_label(appointment.status)))
    zone = shop_zone(session)
    new_start = _check_time(session, starts_at, zone)
    _check_vehicle_free(session, appointment.vehicle_id, new_start, zone, appointment.id)
    _check_capacity(session, new_start, appointment.advisor_id, zone, appointment.id)
    before = appointment.starts_at
    length = appointment.ends_at - appointment.starts_at
    appointment.starts_at, appointment.ends_at = new_start, new_start + length
    _flush(session)
    audit.record(session, actor, "appointment.reschedule", "appointment", appointment.id,
                 before={"starts_at": before.isoformat()},
                 after={"starts_at": new_start.isoformat()})
    return appointment


def confirm(session: Session, actor: Actor, appointment_id: int, *,
            expected_version: int | None = None) -> Appointment:
    """The customer confirmed by phone or message: booked → confirmed."""
    require(actor, "appointments.edit")
    appointment = load_appointment(session, appointment_id)
    _check_version(appointment, expected_version)
    _move(session, actor, appointment, AppointmentStatus.CONFIRMED)
    return appointment


def mark_no_show(session: Session, actor: Actor, appointment_id: int, *,
                 expected_version: int | None = None) -> Appointment:
    """The customer did not come: booked/confirmed → no_show, once the time has come."""
    require(actor, "appointments.edit")
    appointment = load_appointment(session, appointment_id)
    _check_version(appointment, expected_version)
    if appointment.starts_at > now() and AppointmentStatus(appointment.status) in EXPECTED:
        raise DomainError(_("The appointment has not started yet; cancel it instead."))
    _move(session, actor, appointment, AppointmentStatus.NO_SHOW)
    return appointment


def cancel(session: Session, actor: Actor, appointment_id: int, *, reason: str,
           expected_version: int | None = None) -> Appointment:
    """Cancel a booked or confirmed appointment; the reason is kept with it and audited."""
    require(actor, "appointments.edit")
    appointment = load_appointment(session, appointment_id)
    _check_version(appointment, expected_version)
    why = clean_text(reason, field="reason", label=_("Reason"), max_length=1000)
    if not why:
        raise ValidationError("reason", _("Reason"), _("Give a reason for cancelling."))
    _move(session, actor, appointment, AppointmentStatus.CANCELLED, reason=why)
    appointment.cancel_reason = why
    return appointment


def arrive(session: Session, actor: Actor, appointment_id: int, check_in: CheckInData, *,
           vehicle_id: int | None = None, expected_version: int | None = None) -> RepairOrder:
    """The car is here: check it in with the booking's vehicle and customer (one transaction).

    The requested work becomes the customer's description when the advisor left that empty.
    ``vehicle_id`` supplies (or corrects) the vehicle of a booking made without one.
    """
    require(actor, "appointments.edit")
    require(actor, "orders.edit")
    appointment = load_appointment(session, appointment_id)
    _check_version(appointment, expected_version)
    if AppointmentStatus.ARRIVED not in TRANSITIONS[AppointmentStatus(appointment.status)]:
        raise InvalidTransition(_("The appointment cannot go from {from_status} to "
                                  "{to_status}."),
                                from_status=Label(status_label(appointment.status)),
                                to_status=Label(status_label(AppointmentStatus.ARRIVED)))
    vehicle = _check_vehicle(session, vehicle_id if vehicle_id is not None
                             else appointment.vehicle_id)
    if vehicle is None:
        raise ValidationError("vehicle_id", _("Vehicle"),
                              _("Register the vehicle and choose it before checking it in."))
    data = check_in
    if not normalise_text(check_in.customer_description or "") and appointment.requested_work:
        data = dataclasses.replace(check_in, customer_description=appointment.requested_work)
    order = open_order(session, actor, vehicle, data, customer_id=appointment.customer_id)
    appointment.vehicle_id = vehicle
    appointment.repair_order_id = order.id
    _move(session, actor, appointment, AppointmentStatus.ARRIVED,
          reason=f"order {order.number}")
    return order
