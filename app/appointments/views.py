"""The appointment book as the advisor sees it: a day of hourly slots, a week, today's list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.appointments.rows import AppointmentRow, appointment_rows, load_appointment
from app.appointments.slots import advisor_names, day_bounds, slot_capacity, slot_of, slot_starts
from app.orders.status import APPOINTMENTS_TAKING_PLACE
from app.security.actor import Actor, require
from app.shop import shop_zone
from db.enums import AppointmentStatus
from db.models import Appointment

_TAKES_PLACE = APPOINTMENTS_TAKING_PLACE


@dataclass(frozen=True)
class Slot:
    """One hour of the book (shop-local, aware) with its bookings; cancelled ones are left out."""

    starts_at: datetime
    ends_at: datetime
    capacity: int
    bookings: list[AppointmentRow]

    @property
    def taken(self) -> int:
        """Places used (booked, confirmed and arrived bookings; not no-shows)."""
        return sum(1 for b in self.bookings if b.status in _TAKES_PLACE)

    @property
    def free(self) -> int:
        """Places still free (never negative)."""
        return max(0, self.capacity - self.taken)


@dataclass(frozen=True)
class DayView:
    """A day of hourly slots, 08:00–18:00 shop-local time."""

    day: date
    slots: list[Slot]


def _appointments(session: Session, start: datetime, end: datetime, advisor_id: int | None,
                  statuses: frozenset[str] | None = None) -> list[Appointment]:
    stmt = select(Appointment).where(Appointment.starts_at >= start, Appointment.starts_at < end)
    if advisor_id is not None:
        stmt = stmt.where(Appointment.advisor_id == advisor_id)
    if statuses is not None:
        stmt = stmt.where(Appointment.status.in_(sorted(statuses)))
    else:
        stmt = stmt.where(Appointment.status != AppointmentStatus.CANCELLED)
    return list(session.scalars(stmt.order_by(Appointment.starts_at, Appointment.id)))


def _days(session: Session, actor: Actor, first: date, count: int,
          advisor_id: int | None) -> list[DayView]:
    require(actor, "customers.view")
    zone = shop_zone(session)
    start = day_bounds(first, zone)[0]
    end = day_bounds(first + timedelta(days=count - 1), zone)[1]
    rows = appointment_rows(session, actor, _appointments(session, start, end, advisor_id), zone)
    by_slot: dict[datetime, list[AppointmentRow]] = {}
    for row in rows:
        by_slot.setdefault(slot_of(row.starts_at, zone), []).append(row)
    capacity = slot_capacity(session, advisor_id)
    views = []
    for offset in range(count):
        day = first + timedelta(days=offset)
        slots = [Slot(starts_at=s, ends_at=s + timedelta(hours=1), capacity=capacity,
                      bookings=by_slot.get(s, []))
                 for s in slot_starts(day, zone)]
        views.append(DayView(day=day, slots=slots))
    return views


def day_view(session: Session, actor: Actor, day: date, *,
             advisor_id: int | None = None) -> DayView:
    """The hourly slots of ``day`` (shop-local) with bookings and capacity.

    With ``advisor_id`` the slots show that advisor's bookings and capacity; without, the whole
    front desk's.
    """
    return _days(session, actor, day, 1, advisor_id)[0]


def week_view(session: Session, actor: Actor, monday: date, *,
              advisor_id: int | None = None) -> list[DayView]:
    """Seven day views from ``monday`` (any start day works), in one query."""
    return _days(session, actor, monday, 7, advisor_id)


def todays_arrivals(session: Session, actor: Actor, day: date, *,
                    advisor_id: int | None = None) -> list[AppointmentRow]:
    """Bookings of ``day`` (shop-local) that are expected or have arrived, by time."""
    require(actor, "customers.view")
    zone = shop_zone(session)
    start, end = day_bounds(day, zone)
    wanted = frozenset(s.value for s in _TAKES_PLACE)
    return appointment_rows(session, actor,
                            _appointments(session, start, end, advisor_id, wanted), zone)


def appointment_row(session: Session, actor: Actor, appointment_id: int) -> AppointmentRow:
    """One booking as the lists show it (its current time and version)."""
    require(actor, "customers.view")
    return appointment_rows(session, actor, [load_appointment(session, appointment_id)],
                            shop_zone(session))[0]


def service_advisors(session: Session, actor: Actor) -> dict[int, str]:
    """The active service advisors (user id → name), for the book's filter and bookings."""
    require(actor, "customers.view")
    return advisor_names(session)
