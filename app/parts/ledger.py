"""Reading the stock ledger: a part's stock position and a consistency check of the books.

``verify_ledger`` is what the torture tests and the ``doctor`` command run: it re-adds the
ledger and compares it with every cached figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import _, translate
from app.parts._ledger import ZERO_QTY, counters, negative_allowed
from db.enums import MovementKind
from db.models import Part, PartLine, StockMovement, StockReservation


@dataclass(frozen=True)
class StockPosition:
    """A part's stock: cached on-hand and reserved, what is free, and the ledger's own sum."""

    on_hand: Decimal
    reserved: Decimal
    available: Decimal
    ledger_sum: Decimal


def _ledger_sum(session: Session, part_id: int) -> Decimal:
    total = session.scalar(select(func.coalesce(func.sum(StockMovement.quantity), ZERO_QTY))
                           .where(StockMovement.part_id == part_id))
    return Decimal(total or 0).quantize(Decimal("0.001"))


def stock_position(session: Session, part_id: int) -> StockPosition:
    """The current stock position of a part, read fresh from the database."""
    _, on_hand, reserved = counters(session, part_id)
    return StockPosition(on_hand=on_hand, reserved=reserved, available=on_hand - reserved,
                         ledger_sum=_ledger_sum(session, part_id))


def verify_ledger(session: Session, lang: str = "en") -> list[str]:
    """Every inconsistency in the stock books as a sentence in ``lang``; empty when sound.

    Checks: cached on-hand equals the sum of the part's movements; no negative stock unless
    allowed; cached reserved equals the sum of the part's reservations; each movement's
    ``balance_after`` equals the previous balance plus its quantity; each part line's
    ``issued_qty`` equals what the ledger issued to it minus what came back.
    """
    problems: list[str] = []

    def report(msgid: str, **params: object) -> None:
        problems.append(translate(msgid, lang, **params))

    moved = (select(StockMovement.part_id, func.sum(StockMovement.quantity).label("total"))
             .group_by(StockMovement.part_id).subquery())
    held = (select(StockReservation.part_id,
                   func.sum(StockReservation.quantity).label("total"))
            .group_by(StockReservation.part_id).subquery())
    rows = session.execute(
        select(Part.id, Part.part_no, Part.on_hand, Part.reserved,
               func.coalesce(moved.c.total, ZERO_QTY),
               func.coalesce(held.c.total, ZERO_QTY))
        .outerjoin(moved, moved.c.part_id == Part.id)
        .outerjoin(held, held.c.part_id == Part.id)
        .order_by(Part.part_no)
    ).all()
    allow_negative = negative_allowed(session)
    scale = Decimal("0.001")
    part_nos: dict[int, str] = {}
    for part_id, part_no, on_hand, reserved, moved_raw, held_raw in rows:
        part_nos[part_id] = part_no
        ledger = Decimal(moved_raw).quantize(scale)
        reservations = Decimal(held_raw).quantize(scale)
        if on_hand != ledger:
            report(_("Part {part_no}: on-hand {on_hand} but the ledger adds up to {ledger}."),
                   part_no=part_no, on_hand=on_hand, ledger=ledger)
        if not allow_negative and min(on_hand, ledger) < 0:
            report(_("Part {part_no}: negative stock {on_hand} is not allowed."),
                   part_no=part_no, on_hand=min(on_hand, ledger))
        if reserved != reservations:
            report(_("Part {part_no}: reserved {reserved} but the reservations add up to "
                     "{reservations}."),
                   part_no=part_no, reserved=reserved, reservations=reservations)

    current: int | None = None
    balance = ZERO_QTY
    movements = session.execute(
        select(StockMovement.id, StockMovement.part_id, StockMovement.quantity,
               StockMovement.balance_after)
        .order_by(StockMovement.part_id, StockMovement.id)
        .execution_options(yield_per=2000))
    for movement_id, part_id, quantity, balance_after in movements:
        if part_id != current:
            current, balance = part_id, ZERO_QTY
        balance += quantity
        if balance_after != balance:
            report(_("Part {part_no}: movement {movement} says balance {recorded}, "
                     "the ledger gives {expected}."),
                   part_no=part_nos.get(part_id, part_id), movement=movement_id,
                   recorded=balance_after, expected=balance)
            balance = balance_after  # report each break once, not every row after it

    out_kinds = (MovementKind.ISSUE.value, MovementKind.RETURN.value)
    by_line = (select(StockMovement.part_line_id,
                      func.sum(StockMovement.quantity).label("total"))
               .where(StockMovement.kind.in_(out_kinds),
                      StockMovement.part_line_id.is_not(None))
               .group_by(StockMovement.part_line_id).subquery())
    lines = session.execute(
        select(PartLine.id, PartLine.part_no, PartLine.issued_qty,
               func.coalesce(by_line.c.total, ZERO_QTY))
        .outerjoin(by_line, by_line.c.part_line_id == PartLine.id)
        .where(PartLine.part_id.is_not(None))
        .order_by(PartLine.id))
    for line_id, part_no, issued_qty, total_raw in lines:
        issued = -Decimal(total_raw).quantize(scale)
        if issued_qty != issued:
            report(_("Part line {line} ({part_no}): issued {issued_qty} but the ledger "
                     "issued {issued}."),
                   line=line_id, part_no=part_no, issued_qty=issued_qty, issued=issued)
    return problems
