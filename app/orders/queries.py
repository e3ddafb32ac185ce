"""Loading repair orders with everything a screen or a document needs."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import ConflictError, NotFound
from app.i18n import _
from db.models import Customer, RepairOrder, Vehicle


def _options() -> list:
    return [
        selectinload(RepairOrder.labour_lines),
        selectinload(RepairOrder.part_lines),
        selectinload(RepairOrder.charge_lines),
        selectinload(RepairOrder.approvals),
        selectinload(RepairOrder.customer).selectinload(Customer.phones),
        selectinload(RepairOrder.vehicle).selectinload(Vehicle.owner),
    ]


def load_order(session: Session, order_id: int, *, for_update: bool = False) -> RepairOrder:
    """The order with lines, approvals, customer and vehicle; ``for_update`` row-locks it."""
    stmt = select(RepairOrder).where(RepairOrder.id == order_id).options(*_options())
    if for_update:
        stmt = stmt.with_for_update(of=RepairOrder)
    order = session.scalars(stmt).one_or_none()
    if order is None:
        raise NotFound(_("Repair order {ref} not found."), ref=order_id)
    if for_update:
        session.refresh(order)
    return order


def find_order_by_number(session: Session, number: str) -> RepairOrder:
    """The order with document number ``number`` (case and spaces ignored)."""
    clean = number.strip().upper().replace(" ", "")
    order_id = session.scalar(select(RepairOrder.id).where(RepairOrder.number == clean))
    if order_id is None:
        raise NotFound(_("Repair order {ref} not found."), ref=clean)
    return load_order(session, order_id)


def check_version(order: RepairOrder, expected_version: int) -> None:
    """Raise ``ConflictError`` unless ``order`` is still at the version the user read."""
    if order.version != expected_version:
        raise ConflictError()


def order_version(session: Session, order_id: int) -> int:
    """The order's current version (for callers that read it just before a step)."""
    version = session.scalar(select(RepairOrder.version).where(RepairOrder.id == order_id))
    if version is None:
        raise NotFound(_("Repair order {ref} not found."), ref=order_id)
    return version


def job_order_version(session: Session, job_id: int) -> int:
    """The current version of the order a job (labour line) belongs to."""
    from db.models import LabourLine

    version = session.scalar(select(RepairOrder.version).join(
        LabourLine, LabourLine.repair_order_id == RepairOrder.id).where(LabourLine.id == job_id))
    if version is None:
        raise NotFound(_("Job not found."))
    return version
