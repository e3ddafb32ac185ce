"""The records the gallery opens its screens on, picked from a demo database: the busiest
fleet customer's vehicle, an order in the workshop with jobs and parts, a delivered order for
the documents, a booking."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.security.actor import Actor
from app.security.users import actor_for
from db.enums import CustomerKind, OrderStatus
from db.models import (
    Appointment,
    Customer,
    LabourLine,
    PartLine,
    RepairOrder,
    Role,
    User,
    Vehicle,
)

WORKSHOP = (OrderStatus.APPROVED, OrderStatus.IN_PROGRESS, OrderStatus.WAITING)


@dataclass(frozen=True)
class Subjects:
    """Ids of the records the gallery shows (None: the database has no such record)."""

    vehicle_id: int | None
    customer_id: int | None
    fleet_customer_id: int | None
    workshop_order_id: int | None
    open_order_id: int | None
    delivered_order_id: int | None
    appointment_id: int | None


def _order_with_lines(session: Session, statuses: tuple[str, ...]) -> int | None:
    jobs = select(func.count()).where(LabourLine.repair_order_id == RepairOrder.id) \
        .scalar_subquery()
    parts = select(func.count()).where(PartLine.repair_order_id == RepairOrder.id) \
        .scalar_subquery()
    return session.scalar(select(RepairOrder.id).where(RepairOrder.status.in_(statuses))
                          .order_by((jobs + parts).desc(), RepairOrder.id).limit(1))


def pick_subjects(session: Session) -> Subjects:
    """The gallery's records in ``session``'s database (deterministic for one database)."""
    fleet = session.scalar(
        select(Customer.id).where(Customer.kind == CustomerKind.COMPANY)
        .join(Vehicle, Vehicle.owner_id == Customer.id).group_by(Customer.id)
        .order_by(func.count(Vehicle.id).desc(), Customer.id).limit(1))
    workshop = _order_with_lines(session, WORKSHOP)
    vehicle_id = customer_id = None
    if workshop is not None:
        order = session.get(RepairOrder, workshop)
        assert order is not None
        vehicle_id, customer_id = order.vehicle_id, order.customer_id
    return Subjects(
        vehicle_id=vehicle_id, customer_id=customer_id, fleet_customer_id=fleet,
        workshop_order_id=workshop,
        open_order_id=_order_with_lines(session, (OrderStatus.OPEN, OrderStatus.ESTIMATED)),
        delivered_order_id=_order_with_lines(session, (OrderStatus.DELIVERED,
                                                       OrderStatus.CLOSED)),
        appointment_id=session.scalar(select(Appointment.id).order_by(Appointment.id.desc())
                                      .limit(1)))


def actors_by_role(session: Session) -> dict[str, Actor]:
    """The first active user of each role, as the services see them."""
    users = session.scalars(
        select(User).join(Role, Role.id == User.role_id).where(User.active.is_(True))
        .options(selectinload(User.role).selectinload(Role.permissions)).order_by(User.id))
    found: dict[str, Actor] = {}
    for user in users:
        found.setdefault(user.role.code, actor_for(user))
    return found
