"""The workshop board (车间看板) on the TV: one card per car being worked on.

A read model built in four queries whatever the number of cards (the orders, then their
vehicles, jobs and part-line counts by id in batches) — no per-card queries.
The board hangs in the workshop for everyone to see, so a card carries the plate and the model
but never the customer's name or phone number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.orders import status
from app.security.actor import Actor, require
from db.enums import JobStatus, OrderStatus
from db.models import Bay, LabourLine, PartLine, RepairOrder, Technician, Vehicle

#: Orders on the board: signed and waiting for dispatch, in the bays, waiting, in QC, and
#: finished cars waiting to be picked up.
BOARD_STATUSES = status.BOARD
JOB_SEPARATOR = "、"
_BATCH = 500  # order ids per IN list


class PartsStatus(StrEnum):
    """Whether the parts an order needs have left the parts counter."""

    NONE = "none"  # no parts on the order
    ISSUED = "issued"  # every billable part line issued in full
    WAITING = "waiting"  # something still to issue


@dataclass(frozen=True, slots=True)
class BoardCard:
    """One car on the board (no personal data)."""

    order_id: int
    order_number: str
    plate: str
    model: str  # brand and model, e.g. "丰田 凯美瑞"
    job_summary: str  # the billable jobs, "、"-separated, in order
    technician: str  # technicians on those jobs, "、"-separated
    bay: str  # bays of those jobs, "、"-separated
    promised_at: datetime | None
    status: OrderStatus
    wait_reason: str | None
    parts_status: PartsStatus
    comeback: bool  # a comeback (返修) of an earlier order
    customer_waiting: bool  # the customer waits in the lounge


_billable = status.not_pending_clause  # not additional work waiting for consent


def board_snapshot(session: Session, actor: Actor, *,
                   limit: int | None = None) -> list[BoardCard]:
    """Every car on the board (``orders.view``), the earliest promised first.

    Orders without a promised time come after those with one, oldest check-in first.
    ``limit`` caps the number of cards (a page of the TV board).
    """
    require(actor, "orders.view")
    stmt = (
        select(RepairOrder.id, RepairOrder.number, RepairOrder.status, RepairOrder.wait_reason,
               RepairOrder.promised_at, RepairOrder.comeback_of_id,
               RepairOrder.customer_waiting, RepairOrder.vehicle_id)
        .where(RepairOrder.status.in_(status.values(BOARD_STATUSES)))
        .order_by(RepairOrder.promised_at.is_(None), RepairOrder.promised_at,
                  RepairOrder.opened_at, RepairOrder.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    orders = session.execute(stmt).all()
    ids = [row.id for row in orders]
    vehicles = _vehicles(session, {row.vehicle_id for row in orders})
    jobs = _jobs(session, ids)
    parts = _parts(session, ids)
    cards = []
    for row in orders:
        plate, brand, model = vehicles.get(row.vehicle_id, ("", "", ""))
        descriptions, technicians, bays = jobs.get(row.id, ([], [], []))
        total, waiting = parts.get(row.id, (0, 0))
        cards.append(BoardCard(
            order_id=row.id, order_number=row.number, plate=plate,
            model=" ".join(x for x in (brand, model) if x),
            job_summary=JOB_SEPARATOR.join(descriptions),
            technician=JOB_SEPARATOR.join(technicians), bay=JOB_SEPARATOR.join(bays),
            promised_at=row.promised_at, status=OrderStatus(row.status),
            wait_reason=row.wait_reason,
            parts_status=(PartsStatus.NONE if not total else
                          PartsStatus.WAITING if waiting else PartsStatus.ISSUED),
            comeback=row.comeback_of_id is not None,
            customer_waiting=bool(row.customer_waiting)))
    return cards


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i:i + _BATCH] for i in range(0, len(ids), _BATCH)]


def _vehicles(session: Session, ids: set[int]) -> dict[int, tuple[str, str, str]]:
    """Plate, brand and model by vehicle id (fetched by id: joined into the orders query,
    PostgreSQL preferred hashing the whole vehicle table)."""
    found: dict[int, tuple[str, str, str]] = {}
    for chunk in _chunks(sorted(ids)):
        for vid, plate, brand, model in session.execute(
                select(Vehicle.id, Vehicle.plate, Vehicle.brand, Vehicle.model)
                .where(Vehicle.id.in_(chunk))):
            found[vid] = (plate, brand, model)
    return found


def _jobs(session: Session, ids: list[int]) -> dict[int, tuple[list[str], list[str], list[str]]]:
    """Per order: job descriptions, distinct technicians and distinct bays, in job order."""
    found: dict[int, tuple[list[str], list[str], list[str]]] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(LabourLine.repair_order_id, LabourLine.description,
                   Technician.name, Bay.name)
            .outerjoin(Technician, Technician.id == LabourLine.technician_id)
            .outerjoin(Bay, Bay.id == LabourLine.bay_id)
            .where(LabourLine.repair_order_id.in_(chunk),
                   LabourLine.status.not_in([JobStatus.CANCELLED.value,
                                             JobStatus.PENDING.value]),
                   _billable(LabourLine))
            .order_by(LabourLine.repair_order_id, LabourLine.position, LabourLine.id))
        for order_id, description, technician, bay in rows:
            descriptions, technicians, bays = found.setdefault(order_id, ([], [], []))
            descriptions.append(description)
            if technician and technician not in technicians:
                technicians.append(technician)
            if bay and bay not in bays:
                bays.append(bay)
    return found


def _parts(session: Session, ids: list[int]) -> dict[int, tuple[int, int]]:
    """Per order: billable part lines, and how many of them are not issued in full."""
    found: dict[int, tuple[int, int]] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(PartLine.repair_order_id, func.count(),
                   func.sum(case((PartLine.issued_qty < PartLine.quantity, 1), else_=0)))
            .where(PartLine.repair_order_id.in_(chunk), _billable(PartLine))
            .group_by(PartLine.repair_order_id))
        for order_id, total, waiting in rows:
            found[order_id] = (int(total), int(waiting or 0))
    return found
