"""Reservations: stock held back for an order's part line until it is issued or released.

``Part.reserved`` caches the sum of a part's reservations and moves in the same transaction
through atomic conditional updates; a reservation never exceeds the available stock
(on-hand minus reserved) unless the shop allows negative stock.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import now
from app.errors import DomainError, InsufficientStock, PermissionDenied
from app.i18n import _
from app.parts._ledger import (
    FINISHED_STATUSES,
    ZERO_QTY,
    counters,
    hold,
    lock_line,
    stocked_part_id,
    unhold,
)
from app.security.actor import Actor
from db.models import PartLine, StockReservation

# The parts counter reserves, and so does the advisor who puts a part on an order.
RESERVE_PERMISSIONS = ("parts.issue", "orders.edit")


def _require_reserve(actor: Actor) -> None:
    if not any(actor.can(p) for p in RESERVE_PERMISSIONS):
        raise PermissionDenied(permission=RESERVE_PERMISSIONS[0])


def _reservation(session: Session, part_line_id: int) -> StockReservation | None:
    return session.scalars(
        select(StockReservation).where(StockReservation.part_line_id == part_line_id)
        .execution_options(populate_existing=True)
    ).one_or_none()


def reserve_for_line(session: Session, actor: Actor, part_line_id: int) -> StockReservation:
    """Hold the line's un-issued quantity in stock (``parts.issue`` or ``orders.edit``).

    Calling it again brings an existing reservation in line with the line's quantity (up or
    down). Raises ``InsufficientStock`` when not enough is available.
    """
    _require_reserve(actor)
    locked = lock_line(session, part_line_id)
    line = locked.line
    if locked.order_status in FINISHED_STATUSES:
        raise DomainError(_("Parts cannot be reserved for order {number} in status {status}."),
                          number=locked.order_number, status=locked.order_status)
    part_id = stocked_part_id(locked)
    wanted = line.quantity - line.issued_qty
    if wanted <= 0:
        raise DomainError(_("Nothing is left to reserve on this line."))
    existing = _reservation(session, line.id)
    if existing is not None and existing.part_id != part_id:
        # The line now names another part: give the old part's stock back first.
        unhold(session, existing.part_id, existing.quantity)
        session.delete(existing)
        session.flush()
        existing = None
    held = existing.quantity if existing is not None else ZERO_QTY
    if wanted > held:
        hold(session, part_id, wanted - held)
    elif wanted < held:
        unhold(session, part_id, held - wanted)
    if existing is None:
        existing = StockReservation(part_id=part_id, repair_order_id=line.repair_order_id,
                                    part_line_id=line.id, quantity=wanted, created_at=now())
        session.add(existing)
    else:
        existing.quantity = wanted
    session.flush()
    return existing


def reserve_as_available(session: Session, actor: Actor, part_line_id: int) -> Decimal:
    """``reserve_for_line``, with a shortage reported instead of raised: how much is missing.

    Returns 0 when the line's un-issued quantity is now held. When the stock cannot cover it,
    nothing changes (an existing reservation keeps its quantity) and the result is what is
    missing — the line stays on the order and the parts counter sees it as short. The check
    and the hold are one conditional update, so two desks cannot both take the last unit.
    """
    try:
        reserve_for_line(session, actor, part_line_id)
    except InsufficientStock:
        line = session.get(PartLine, part_line_id)
        assert line is not None  # reserve_for_line locked it
        existing = _reservation(session, part_line_id)
        held = existing.quantity if existing is not None else ZERO_QTY
        part_id = existing.part_id if existing is not None else line.part_id
        assert part_id is not None  # a stocked part line (reserve_for_line checked it)
        _part_no, on_hand, reserved = counters(session, part_id)
        need = line.quantity - line.issued_qty - held
        return max(need - max(on_hand - reserved, ZERO_QTY), ZERO_QTY)
    return ZERO_QTY


def release_reservation(session: Session, actor: Actor, part_line_id: int) -> None:
    """Give a line's reserved stock back (``parts.issue`` or ``orders.edit``); no-op if none."""
    _require_reserve(actor)
    locked = lock_line(session, part_line_id)
    existing = _reservation(session, locked.line.id)
    if existing is None:
        return
    unhold(session, existing.part_id, existing.quantity)
    session.delete(existing)
    session.flush()


def release_order_reservations(session: Session, repair_order_id: int) -> int:
    """Give back every reservation of an order (e.g. when it is cancelled); how many.

    For other services that have already checked their own permission (``orders.cancel``).
    The order's lines are locked first and parts are updated in id order, like every other
    stock operation, so concurrent terminals queue up rather than deadlock.
    """
    session.execute(select(PartLine.id).where(PartLine.repair_order_id == repair_order_id)
                    .order_by(PartLine.id).with_for_update()).all()
    held = list(session.scalars(
        select(StockReservation).where(StockReservation.repair_order_id == repair_order_id)
        .order_by(StockReservation.part_id, StockReservation.id)
        .execution_options(populate_existing=True)))
    for reservation in held:
        unhold(session, reservation.part_id, reservation.quantity)
        session.delete(reservation)
    session.flush()
    return len(held)
