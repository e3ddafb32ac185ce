"""The reception strip: what the front desk has on today at a glance.

Its scope is said on screen: ``MINE`` (an advisor's own bookings and orders, the default for
service advisors) or ``SHOP`` (every desk's, the default for everyone else: a service manager
has no orders of their own, and "in the workshop: 0" would be a lie).

* appointments due: today's (shop-local) bookings still expected (booked or confirmed), by
  time — with ``MINE``, this advisor's and those of nobody yet;
* in the workshop: orders being worked on (approved, in progress, waiting, QC) — with
  ``MINE``, this advisor's;
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
from db.enums import RoleCode
from db.models import Appointment, RepairOrder

LIMIT = 200
MINE = "mine"
SHOP = "shop"
SCOPES = (MINE, SHOP)


def default_scope(actor: Actor) -> str:
    """``MINE`` for a service advisor, ``SHOP`` for every other role."""
    return MINE if actor.role == RoleCode.ADVISOR else SHOP


@dataclass(frozen=True)
class TodayStrip:
    appointments_due: list[AppointmentRow]
    in_workshop: list[OrderRow]
    ready_for_pickup: list[OrderRow]
    waiting_in_lounge: list[OrderRow]
    scope: str = SHOP


def _orders(session: Session, *conditions: ColumnElement[bool]) -> list[OrderRow]:
    orders = session.scalars(select(RepairOrder).where(*conditions).options(*row_options())
                             .order_by(RepairOrder.promised_at.is_(None),
                                       RepairOrder.promised_at, RepairOrder.opened_at)
                             .limit(LIMIT)).all()
    return order_rows(session, orders)


def today_strip(session: Session, actor: Actor, day: date,
                scope: str | None = None) -> TodayStrip:
    """The four buckets of the strip for ``actor`` on ``day`` (shop-local; ``orders.view``)
    in ``scope`` (None: ``default_scope(actor)``)."""
    require(actor, "orders.view")
    chosen = scope if scope in SCOPES else default_scope(actor)
    zone = shop_zone(session)
    start, end = day_bounds(day, zone)
    mine_due: list[ColumnElement[bool]] = [
        or_(Appointment.advisor_id == actor.user_id, Appointment.advisor_id.is_(None))
    ] if chosen == MINE else []
    mine_orders = [RepairOrder.advisor_id == actor.user_id] if chosen == MINE else []
    due = list(session.scalars(
        select(Appointment)
        .where(Appointment.starts_at >= start, Appointment.starts_at < end,
               Appointment.status.in_(status.values(status.APPOINTMENTS_EXPECTED)),
               *mine_due)
        .order_by(Appointment.starts_at, Appointment.id)))
    return TodayStrip(
        appointments_due=appointment_rows(session, actor, due, zone),
        in_workshop=_orders(session, *mine_orders,
                            RepairOrder.status.in_(status.values(status.IN_WORKSHOP))),
        ready_for_pickup=_orders(session, RepairOrder.status.in_(
            status.values(status.AWAITING_PICKUP))),
        waiting_in_lounge=_orders(session, RepairOrder.customer_waiting.is_(True),
                                  RepairOrder.status.in_(status.values(status.ON_SITE))),
        scope=chosen)
