"""The stock ledger services: receive, issue to an order, return from an order, stocktake.

The ledger is the truth: every change of stock is one ``StockMovement`` row, and the cached
``Part.on_hand`` moves in the same transaction through an atomic conditional update (see
app/parts/_ledger.py). Stock never goes below zero unless the shop allows negative stock.
A service never commits: the caller commits all of it or nothing.

Reservations, stock positions and the ledger check live in app/parts/reservations.py and
app/parts/ledger.py and are re-exported here.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from app import audit
from app.errors import ConflictError, DomainError, NotFound, ValidationError
from app.fiscal.stock_chain import lock_stock_head
from app.i18n import _
from app.money import parse_decimal, parse_money, parse_quantity
from app.parts._ledger import (
    NO_ISSUE_STATUSES,
    NO_RETURN_STATUSES,
    ZERO_QTY,
    get_part,
    lock_line,
    put_in,
    set_on_hand,
    shown,
    stocked_part_id,
    take_out,
    unhold,
    write_movement,
)
from app.parts.ledger import StockPosition, stock_position, verify_ledger
from app.parts.reservations import (
    release_order_reservations,
    release_reservation,
    reserve_for_line,
)
from app.security.actor import Actor, require
from app.validation.text import clean_text
from db.enums import MovementKind
from db.models import Part, PartLine, StockMovement, StockReservation, Supplier

__all__ = [
    "StockPosition", "adjust_stock", "issue_to_order", "receive_stock",
    "release_order_reservations", "release_reservation", "reserve_for_line",
    "return_from_order", "stock_position", "verify_ledger",
]

MAX_COUNT = Decimal("1000000")


def _text(value: str, *, field: str, label: str, max_len: int, required: bool = False) -> str:
    return clean_text(value, field=field, label=label, max_length=max_len, required=required)


def receive_stock(session: Session, actor: Actor, part_id: int, quantity: object, *,
                  unit_cost: object, supplier_id: int | None = None,
                  reference: str = "") -> StockMovement:
    """Book goods received into stock (``parts.receive``): one RECEIPT movement.

    ``supplier_id`` defaults to the part's usual supplier; ``reference`` is the delivery note
    or purchase order number.
    """
    require(actor, "parts.receive")
    qty = parse_quantity(quantity)
    cost = parse_money(unit_cost, field="unit_cost", label=_("Unit cost"))
    ref = _text(reference, field="reference", label=_("Reference"), max_len=60)
    part = get_part(session, part_id)
    if supplier_id is not None and session.get(Supplier, supplier_id) is None:
        raise NotFound(_("Supplier not found."))
    balance = put_in(session, part.id, qty)
    return write_movement(session, actor, part.id, MovementKind.RECEIPT, qty, balance,
                          unit_cost=cost, supplier_id=supplier_id or part.supplier_id,
                          reference=ref)


def _consume_reservation(session: Session, part_line_id: int, amount: Decimal,
                         held: Decimal) -> None:
    """Take ``amount`` off the line's reservation of ``held`` (delete it when used up)."""
    if amount <= 0:
        return
    if amount == held:
        result = session.execute(
            delete(StockReservation).where(StockReservation.part_line_id == part_line_id,
                                           StockReservation.quantity == amount)
            .execution_options(synchronize_session="fetch"))
    else:
        result = session.execute(
            update(StockReservation).where(StockReservation.part_line_id == part_line_id,
                                           StockReservation.quantity >= amount)
            .values(quantity=StockReservation.quantity - amount)
            .execution_options(synchronize_session="fetch"))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError()


def _line_reservation(session: Session, part_line_id: int, part_id: int) -> Decimal:
    """What the line holds of ``part_id``; a reservation of a part the line no longer
    names is released first."""
    row = session.execute(select(StockReservation.part_id, StockReservation.quantity)
                          .where(StockReservation.part_line_id == part_line_id)).one_or_none()
    if row is None:
        return ZERO_QTY
    if row.part_id != part_id:
        unhold(session, row.part_id, row.quantity)
        _consume_reservation(session, part_line_id, row.quantity, row.quantity)
        return ZERO_QTY
    return row.quantity


def issue_to_order(session: Session, actor: Actor, part_line_id: int,
                   quantity: object | None = None) -> StockMovement:
    """Hand parts out to a repair order's part line (``parts.issue``): one ISSUE movement.

    Issues the line's remaining un-issued quantity unless ``quantity`` is given. The line's
    own reservation is used up first; stock reserved for other lines is not touched. Raises
    ``InsufficientStock`` (nothing written) when there is not enough available.
    """
    require(actor, "parts.issue")
    locked = lock_line(session, part_line_id)
    line = locked.line
    if locked.order_status in NO_ISSUE_STATUSES:
        raise DomainError(_("Parts cannot be issued to order {number} in status {status}."),
                          number=locked.order_number, status=locked.order_status)
    part_id = stocked_part_id(locked)
    remaining = line.quantity - line.issued_qty
    if remaining <= 0:
        raise DomainError(_("This line has already been issued in full."))
    qty = remaining if quantity is None else parse_quantity(quantity)
    if qty > remaining:
        raise ValidationError("quantity", _("Quantity"),
                              _("Only {remaining} left to issue on this line."),
                              remaining=shown(remaining))
    part = get_part(session, part_id)
    held = _line_reservation(session, line.id, part_id)
    used = min(held, qty)
    balance = take_out(session, part_id, qty, release_reserved=used)
    issued = session.execute(
        update(PartLine).where(PartLine.id == line.id,
                               PartLine.quantity >= PartLine.issued_qty + qty)
        .values(issued_qty=PartLine.issued_qty + qty)
        .returning(PartLine.issued_qty)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if issued is None:
        raise ConflictError()
    set_committed_value(line, "issued_qty", issued)
    _consume_reservation(session, line.id, used, held)
    return write_movement(session, actor, part_id, MovementKind.ISSUE, -qty, balance,
                          unit_cost=part.cost_price, repair_order_id=line.repair_order_id,
                          part_line_id=line.id, reference=locked.order_number)


def return_from_order(session: Session, actor: Actor, part_line_id: int,
                      quantity: object) -> StockMovement:
    """Take parts back from an order into stock (``parts.issue``): one RETURN movement.

    No more than the line has been issued can come back, and not once the order is invoiced
    (a billed part is returned with a credit note).
    """
    require(actor, "parts.issue")
    qty = parse_quantity(quantity)
    locked = lock_line(session, part_line_id)
    line = locked.line
    if locked.order_status in NO_RETURN_STATUSES:
        raise DomainError(_("Parts cannot be returned from order {number} in status {status}."),
                          number=locked.order_number, status=locked.order_status)
    part_id = stocked_part_id(locked)
    if qty > line.issued_qty:
        raise ValidationError("quantity", _("Quantity"),
                              _("Only {issued} have been issued on this line."),
                              issued=shown(line.issued_qty))
    part = get_part(session, part_id)
    issued = session.execute(
        update(PartLine).where(PartLine.id == line.id, PartLine.issued_qty >= qty)
        .values(issued_qty=PartLine.issued_qty - qty)
        .returning(PartLine.issued_qty)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if issued is None:
        raise ConflictError()
    set_committed_value(line, "issued_qty", issued)
    balance = put_in(session, part_id, qty)
    return write_movement(session, actor, part_id, MovementKind.RETURN, qty, balance,
                          unit_cost=part.cost_price, repair_order_id=line.repair_order_id,
                          part_line_id=line.id, reference=locked.order_number)


def adjust_stock(session: Session, actor: Actor, part_id: int, counted_quantity: object, *,
                 reason: str) -> StockMovement | None:
    """Stocktake (``parts.adjust``): set on-hand to the counted figure with one ADJUSTMENT.

    ``reason`` is required; the change is audited with the figures before and after.
    Returns ``None`` (and writes nothing) when the count matches the books.
    """
    require(actor, "parts.adjust")
    counted = parse_decimal(counted_quantity, field="counted_quantity",
                            label=_("Counted quantity"), places=3, minimum=ZERO_QTY,
                            maximum=MAX_COUNT)
    why = _text(reason, field="reason", label=_("Reason"), max_len=500, required=True)
    part = get_part(session, part_id)
    # Lock the row so the figure we compare with cannot move under us; the conditional
    # update below re-checks it in the same statement (SQLite has no FOR UPDATE). The stock
    # chain head first: every stock move locks head → part, never the other way round.
    lock_stock_head(session)
    before = session.scalar(select(Part.on_hand).where(Part.id == part.id).with_for_update())
    assert before is not None
    difference = counted - before
    if difference == 0:
        return None
    if not set_on_hand(session, part.id, before, counted):
        raise ConflictError()
    movement = write_movement(session, actor, part.id, MovementKind.ADJUSTMENT, difference,
                              counted, unit_cost=part.cost_price, note=why)
    audit.record(session, actor, "stock.adjust", "part", part.id,
                 before={"part_no": part.part_no, "on_hand": str(before)},
                 after={"part_no": part.part_no, "on_hand": str(counted),
                        "movement_id": movement.id},
                 reason=why)
    return movement
