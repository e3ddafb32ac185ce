"""The low-level moves of the stock ledger shared by the parts services (private).

Every change of a part's cached counters is one atomic, conditional SQL ``UPDATE … RETURNING``:
the database checks the condition and applies the change in one statement, holding the row
lock (PostgreSQL) or the write lock (SQLite, ``BEGIN IMMEDIATE``) until the caller commits. A
value is never read into Python, changed and written back, so two terminals or processes can
not both take the last unit. Each of them first locks the stock chain head
(app/fiscal/stock_chain.py), which ``write_movement`` then moves on. ``balance_after`` is
written from the value the ``UPDATE`` returned, inside the same transaction as the movement
row.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from app import settings
from app.changes import ChangeSet, note
from app.clock import now
from app.errors import DomainError, InsufficientStock, NotFound
from app.fiscal.stock_chain import append_movement, lock_stock_head
from app.i18n import _
from app.orders import status
from app.security.actor import Actor
from db.enums import MovementKind
from db.models import Part, PartLine, RepairOrder, StockMovement

ZERO_QTY = Decimal("0.000")
QTY = Decimal("0.001")

# Orders whose parts may no longer change: billed, handed over, archived or called off.
FINISHED_STATUSES = status.FINISHED
# Parts go out only to an order that has been checked in and is not finished.
NO_ISSUE_STATUSES = status.NO_PART_ISSUE
# A return needs the order not yet billed (a billed part comes back with a credit note).
NO_RETURN_STATUSES = status.NO_PART_RETURN


def shown(quantity: Decimal) -> Decimal:
    """``quantity`` without trailing zeros for messages (2.000 → 2, 1.500 → 1.5)."""
    if quantity == quantity.to_integral_value():
        return quantity.quantize(Decimal(1))
    return quantity.normalize()


def negative_allowed(session: Session) -> bool:
    """True when the shop lets stock go below zero (setting ``stock.allow_negative``)."""
    return settings.get_bool(session, settings.ALLOW_NEGATIVE_STOCK)


def get_part(session: Session, part_id: int) -> Part:
    """The part with ``part_id`` or ``NotFound``."""
    part = session.get(Part, part_id)
    if part is None:
        raise NotFound(_("Part not found."))
    return part


def _sync(session: Session, part_id: int, **values: Decimal) -> None:
    """Copy values a statement returned onto the Part loaded in ``session``, if any, and
    note the part as changed (a Core UPDATE is not seen by the unit of work)."""
    note(session, ChangeSet.of(parts=[part_id]))
    part = session.identity_map.get(identity_key(Part, part_id))
    if part is not None:
        for key, value in values.items():
            set_committed_value(part, key, value)


def counters(session: Session, part_id: int) -> tuple[str, Decimal, Decimal]:
    """Fresh ``(part_no, on_hand, reserved)`` of a part straight from the database."""
    row = session.execute(select(Part.part_no, Part.on_hand, Part.reserved)
                          .where(Part.id == part_id)).one_or_none()
    if row is None:
        raise NotFound(_("Part not found."))
    return row.part_no, row.on_hand, row.reserved


def take_out(session: Session, part_id: int, quantity: Decimal, *,
             release_reserved: Decimal = ZERO_QTY) -> Decimal:
    """Take ``quantity`` off on-hand (and ``release_reserved`` off reserved); the new on-hand.

    Stock reserved for *other* lines stays untouched: the update only succeeds when
    ``on_hand - quantity >= reserved - release_reserved``, unless negative stock is allowed.
    Raises ``InsufficientStock`` and writes nothing otherwise.
    """
    lock_stock_head(session)
    stmt = (update(Part).where(Part.id == part_id)
            .values(on_hand=Part.on_hand - quantity,
                    reserved=Part.reserved - release_reserved)
            .returning(Part.on_hand, Part.reserved)
            .execution_options(synchronize_session=False))
    if not negative_allowed(session):
        stmt = stmt.where(Part.on_hand >= Part.reserved + (quantity - release_reserved))
    row = session.execute(stmt).one_or_none()
    if row is None:
        part_no, on_hand, reserved = counters(session, part_id)
        available = on_hand - reserved + release_reserved
        raise InsufficientStock(part_no=part_no, available=shown(max(available, ZERO_QTY)),
                                requested=shown(quantity))
    _sync(session, part_id, on_hand=row.on_hand, reserved=row.reserved)
    return row.on_hand


def put_in(session: Session, part_id: int, quantity: Decimal) -> Decimal:
    """Add ``quantity`` to on-hand; the new on-hand."""
    lock_stock_head(session)
    row = session.execute(
        update(Part).where(Part.id == part_id)
        .values(on_hand=Part.on_hand + quantity)
        .returning(Part.on_hand)
        .execution_options(synchronize_session=False)
    ).one_or_none()
    if row is None:
        raise NotFound(_("Part not found."))
    _sync(session, part_id, on_hand=row.on_hand)
    return row.on_hand


def set_on_hand(session: Session, part_id: int, before: Decimal, counted: Decimal) -> bool:
    """Move on-hand from ``before`` to ``counted`` only if it still is ``before``."""
    lock_stock_head(session)
    row = session.execute(
        update(Part).where(Part.id == part_id, Part.on_hand == before)
        .values(on_hand=counted)
        .returning(Part.on_hand)
        .execution_options(synchronize_session=False)
    ).one_or_none()
    if row is None:
        return False
    _sync(session, part_id, on_hand=row.on_hand)
    return True


def hold(session: Session, part_id: int, quantity: Decimal) -> Decimal:
    """Add ``quantity`` to reserved if that much is available (or negative stock allowed)."""
    stmt = (update(Part).where(Part.id == part_id)
            .values(reserved=Part.reserved + quantity)
            .returning(Part.reserved)
            .execution_options(synchronize_session=False))
    if not negative_allowed(session):
        stmt = stmt.where(Part.on_hand >= Part.reserved + quantity)
    row = session.execute(stmt).one_or_none()
    if row is None:
        part_no, on_hand, reserved = counters(session, part_id)
        raise InsufficientStock(part_no=part_no,
                                available=shown(max(on_hand - reserved, ZERO_QTY)),
                                requested=shown(quantity))
    _sync(session, part_id, reserved=row.reserved)
    return row.reserved


def unhold(session: Session, part_id: int, quantity: Decimal) -> Decimal:
    """Take ``quantity`` off reserved (it must be there: the cache follows the reservations)."""
    row = session.execute(
        update(Part).where(Part.id == part_id, Part.reserved >= quantity)
        .values(reserved=Part.reserved - quantity)
        .returning(Part.reserved)
        .execution_options(synchronize_session=False)
    ).one_or_none()
    if row is None:
        raise DomainError(_("The reserved quantity of this part is out of step; "
                            "run the ledger check."))
    _sync(session, part_id, reserved=row.reserved)
    return row.reserved


@dataclass(frozen=True)
class LockedLine:
    """A part line locked for this transaction, with its order's number and status."""

    line: PartLine
    order_number: str
    order_status: str


def lock_line(session: Session, part_line_id: int) -> LockedLine:
    """Lock a part line's order (``FOR SHARE``) and then the line (``FOR UPDATE``), fresh.

    Every line-level operation (issue, return, reserve, release) starts here, so two
    terminals working on the same line queue up instead of interleaving, and the order cannot
    change status (e.g. be invoiced) while parts move on it. Locks are always taken in the
    order repair order → part line → part, the same hierarchy the order services follow, so
    that terminals do not deadlock each other.
    """
    order_id = session.scalar(select(PartLine.repair_order_id)
                              .where(PartLine.id == part_line_id))
    if order_id is None:
        raise NotFound(_("Part line not found."))
    order = session.execute(
        select(RepairOrder.number, RepairOrder.status)
        .where(RepairOrder.id == order_id).with_for_update(read=True)
    ).one()
    line = session.scalars(
        select(PartLine).where(PartLine.id == part_line_id).with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    return LockedLine(line, order.number, order.status)


def stocked_part_id(locked: LockedLine) -> int:
    """The line's part id, or a ``DomainError`` for a line that is not a stocked part."""
    if locked.line.part_id is None:
        raise DomainError(_("“{description}” is not a stocked part."),
                          description=locked.line.description)
    return locked.line.part_id


def write_movement(session: Session, actor: Actor, part_id: int, kind: MovementKind,
                   quantity: Decimal, balance_after: Decimal, *, unit_cost: Decimal,
                   repair_order_id: int | None = None, part_line_id: int | None = None,
                   supplier_id: int | None = None, reference: str = "",
                   note: str = "") -> StockMovement:
    """Add one ledger row (signed ``quantity``), linked into the stock chain, and flush it
    inside the caller's transaction."""
    movement = StockMovement(part_id=part_id, kind=kind.value, quantity=quantity,
                             balance_after=balance_after, unit_cost=unit_cost, at=now(),
                             user_id=actor.user_id, repair_order_id=repair_order_id,
                             part_line_id=part_line_id, supplier_id=supplier_id,
                             reference=reference, note=note)
    append_movement(session, movement)
    session.flush()
    return movement
