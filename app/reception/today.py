"""The reception strip: what the advisor has on today at a glance.

* appointments due: today's (shop-local) bookings of this advisor or of nobody yet, still
  expected (booked or confirmed), by time;
* in the workshop: this advisor's orders being worked on (approved, in progress, waiting, QC);
* ready for pickup: completed or invoiced orders of the shop (any desk may hand over);
* waiting in the lounge: orders whose customer waits on site and that are not handed over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from app.appointments.rows import AppointmentRow, appointment_rows
from app.appointments.slots import day_bounds
from app.orders import status
from app.orders.lookup import OrderRow, order_rows, row_options
from app.security.actor import Actor, require
from app.shop import shop_zone
from db.models import Appointment, RepairOrder

LIMIT = 200


@dataclass(frozen=True)
class TodayStrip:
    appointments_due: list[AppointmentRow]
    in_workshop: list[OrderRow]
    ready_for_pickup: list[OrderRow]
    waiting_in_lounge: list[OrderRow]


def _orders(session: Session, *conditions: ColumnElement[bool]) -> list[OrderRow]:
    orders = session.scalars(select(RepairOrder).where(*conditions).options(*row_options())
                             .order_by(RepairOrder.promised_at.is_(None),
                                       RepairOrder.promised_at, RepairOrder.opened_at)
                             .limit(LIMIT)).all()
    return order_rows(session, orders)


def today_strip(session: Session, actor: Actor, day: date) -> TodayStrip:
    """The four buckets of the strip for ``actor`` on ``day`` (shop-local; ``orders.view``)."""
    require(actor, "orders.view")
    zone = shop_zone(session)
    start, end = day_bounds(day, zone)
    due = list(session.scalars(
        select(Appointment)
        .where(Appointment.starts_at >= start, Appointment.starts_at < end,
               Appointment.status.in_(status.values(status.APPOINTMENTS_EXPECTED)),
               or_(Appointment.advisor_id == actor.user_id, Appointment.advisor_id.is_(None)))
        .order_by(Appointment.starts_at, Appointment.id)))
    return TodayStrip(
        appointments_due=appointment_rows(session, actor, due, zone),
        in_workshop=_orders(session, RepairOrder.advisor_id == actor.user_id,
                            RepairOrder.status.in_(status.values(status.IN_WORKSHOP))),
        ready_for_pickup=_orders(session, RepairOrder.status.in_(
            status.values(status.AWAITING_PICKUP))),
        waiting_in_lounge=_orders(session, RepairOrder.customer_waiting.is_(True),
                                  RepairOrder.status.in_(status.values(status.ON_SITE))))
