"""verify_ledger finds every kind of break in the stock books."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import update

from app.parts.stock import issue_to_order, reserve_for_line, stock_position, verify_ledger
from db.models import Part, PartLine, StockMovement
from tests.factories import make_order_with_part_line, make_part
from tests.tampering import triggers_bypassed


def _sound_books(session, actor):
    part = make_part(session, actor, "P-LEDGER", on_hand=10)
    line = make_order_with_part_line(session, actor, part, 4)
    reserve_for_line(session, actor, line.id)
    issue_to_order(session, actor, line.id, 1)
    session.commit()
    assert verify_ledger(session) == []
    return part, line


def test_cached_on_hand_differing_from_the_ledger_is_reported(session, parts_clerk) -> None:
    part, _ = _sound_books(session, parts_clerk)
    session.execute(update(Part).where(Part.id == part.id).values(on_hand=Decimal("8")))
    problems = verify_ledger(session)
    assert len(problems) == 1
    assert "P-LEDGER" in problems[0] and "9" in problems[0] and "8" in problems[0]
    pos = stock_position(session, part.id)
    assert (pos.on_hand, pos.ledger_sum) == (8, 9)
    assert "P-LEDGER" in verify_ledger(session, "zh_CN")[0]


def test_reserved_differing_from_reservations_is_reported(session, parts_clerk) -> None:
    part, _ = _sound_books(session, parts_clerk)
    session.execute(update(Part).where(Part.id == part.id).values(reserved=Decimal("1")))
    problems = verify_ledger(session)
    assert len(problems) == 1 and "reserv" in problems[0]


def test_broken_balance_chain_is_reported(session, parts_clerk) -> None:
    _sound_books(session, parts_clerk)
    with triggers_bypassed(session):  # the ledger is append-only: an insider's rewrite
        session.execute(update(StockMovement).where(StockMovement.quantity < 0)
                        .values(balance_after=Decimal("5")))
    problems = verify_ledger(session)
    assert len(problems) == 1 and "balance" in problems[0]


def test_issued_quantity_not_matching_the_ledger_is_reported(session, parts_clerk) -> None:
    _, line = _sound_books(session, parts_clerk)
    session.execute(update(PartLine).where(PartLine.id == line.id)
                    .values(issued_qty=Decimal("2")))
    problems = verify_ledger(session)
    assert len(problems) == 1 and f"Part line {line.id}" in problems[0]


def test_negative_stock_is_reported_when_not_allowed(session, parts_clerk) -> None:
    part, _ = _sound_books(session, parts_clerk)
    session.execute(update(Part).where(Part.id == part.id).values(on_hand=Decimal("-1")))
    problems = verify_ledger(session)
    assert any("negative" in p for p in problems)
