"""One vehicle's full history: visits with their work, parts and mileage; owners; readings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.orders.totals import price_order
from app.security.actor import Actor, require
from app.vehicles.service import load_vehicle
from db.models import MileageReading, RepairOrder, Vehicle, VehicleOwnership


@dataclass(frozen=True)
class Visit:
    order_id: int
    number: str
    status: str
    opened_at: datetime
    mileage_in: int
    complaint: str
    jobs: tuple[str, ...]
    parts: tuple[tuple[str, str, Decimal], ...]  # part_no, description, quantity
    total: Decimal
    comeback_of_id: int | None


@dataclass(frozen=True)
class VehicleHistory:
    vehicle: Vehicle
    visits: tuple[Visit, ...]
    ownerships: tuple[VehicleOwnership, ...]
    readings: tuple[MileageReading, ...]


def vehicle_history(session: Session, actor: Actor, vehicle_id: int) -> VehicleHistory:
    """Everything the shop knows of one vehicle, newest visit first."""
    require(actor, "customers.view")
    vehicle = load_vehicle(session, vehicle_id)
    orders = session.scalars(
        select(RepairOrder).where(RepairOrder.vehicle_id == vehicle_id)
        .order_by(RepairOrder.opened_at.desc())
        .options(selectinload(RepairOrder.labour_lines), selectinload(RepairOrder.part_lines),
                 selectinload(RepairOrder.charge_lines))
    ).all()
    visits = []
    for order in orders:
        totals = price_order(session, order)
        visits.append(Visit(
            order_id=order.id, number=order.number, status=order.status,
            opened_at=order.opened_at, mileage_in=order.mileage_in,
            complaint=order.customer_description,
            jobs=tuple(j.description for j in order.labour_lines),
            parts=tuple((p.part_no, p.description, p.quantity) for p in order.part_lines),
            total=totals.totals.gross, comeback_of_id=order.comeback_of_id))
    readings = session.scalars(select(MileageReading)
                               .where(MileageReading.vehicle_id == vehicle_id)
                               .order_by(MileageReading.read_at)).all()
    return VehicleHistory(vehicle, tuple(visits), tuple(vehicle.ownerships), tuple(readings))
