"""Reservations hold stock for an order line; the reserved cache follows them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app import settings
from app.errors import DomainError, InsufficientStock, PermissionDenied
from app.parts.stock import (
    issue_to_order,
    release_order_reservations,
    release_reservation,
    reserve_for_line,
    stock_position,
    verify_ledger,
)
from db.enums import OrderStatus
from db.models import PartLine, StockReservation
from tests.factories import make_order_with_part_line, make_part


def _reservations(session) -> list[StockReservation]:
    return list(session.scalars(select(StockReservation).order_by(StockReservation.id)))


def test_reservation_math(session, parts_clerk, advisor) -> None:
    part = make_part(session, parts_clerk, on_hand=10)
    a = make_order_with_part_line(session, parts_clerk, part, 4)
    b = make_order_with_part_line(session, parts_clerk, part, "5.5")
    c = make_order_with_part_line(session, parts_clerk, part, 1)

    res_a = reserve_for_line(session, advisor, a.id)
    assert res_a.quantity == 4 and res_a.repair_order_id == a.repair_order_id
    reserve_for_line(session, parts_clerk, b.id)
    pos = stock_position(session, part.id)
    assert (pos.on_hand, pos.reserved, pos.available) == (10, Decimal("9.5"), Decimal("0.5"))
    assert part.reserved == Decimal("9.5")

    with pytest.raises(InsufficientStock) as err:
        reserve_for_line(session, parts_clerk, c.id)
    assert err.value.params["available"] == Decimal("0.5")
    # Stock held for a and b is not free for c either.
    with pytest.raises(InsufficientStock):
        issue_to_order(session, parts_clerk, c.id)

    # Issuing a line uses its own reservation first.
    issue_to_order(session, parts_clerk, a.id, 3)
    assert session.scalars(select(StockReservation.quantity)
                           .where(StockReservation.part_line_id == a.id)).one() == 1
    assert res_a.quantity == 1  # the loaded object follows the database
    pos = stock_position(session, part.id)
    assert (pos.on_hand, pos.reserved, pos.available) == (7, Decimal("6.5"), Decimal("0.5"))
    issue_to_order(session, parts_clerk, a.id)
    assert [r.part_line_id for r in _reservations(session)] == [b.id]

    release_reservation(session, advisor, b.id)
    release_reservation(session, advisor, b.id)  # releasing twice is harmless
    assert _reservations(session) == []
    pos = stock_position(session, part.id)
    assert (pos.on_hand, pos.reserved, pos.available) == (6, 0, 6)
    reserve_for_line(session, parts_clerk, c.id)
    session.commit()
    assert part.reserved == 1
    assert verify_ledger(session) == []


def test_reserving_again_follows_the_line_quantity(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=10)
    line = make_order_with_part_line(session, parts_clerk, part, 2)
    reserve_for_line(session, parts_clerk, line.id)
    line.quantity = Decimal("6")
    session.flush()
    assert reserve_for_line(session, parts_clerk, line.id).quantity == 6
    line.quantity = Decimal("1")
    session.flush()
    assert reserve_for_line(session, parts_clerk, line.id).quantity == 1
    assert stock_position(session, part.id).reserved == 1
    assert len(_reservations(session)) == 1
    assert verify_ledger(session) == []


def test_issue_beyond_own_reservation_needs_free_stock(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=3)
    mine = make_order_with_part_line(session, parts_clerk, part, 2)
    other = make_order_with_part_line(session, parts_clerk, part, 1)
    reserve_for_line(session, parts_clerk, mine.id)
    reserve_for_line(session, parts_clerk, other.id)
    mine.quantity = Decimal("3")
    session.flush()
    with pytest.raises(InsufficientStock) as err:
        issue_to_order(session, parts_clerk, mine.id)
    assert err.value.params["available"] == 2  # its own 2, not the other line's 1
    assert stock_position(session, part.id).reserved == 3
    issue_to_order(session, parts_clerk, mine.id, 2)
    pos = stock_position(session, part.id)
    assert (pos.on_hand, pos.reserved) == (1, 1)
    assert verify_ledger(session) == []


def test_over_reservation_allowed_with_negative_stock(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=1)
    line = make_order_with_part_line(session, parts_clerk, part, 3)
    with pytest.raises(InsufficientStock):
        reserve_for_line(session, parts_clerk, line.id)
    assert stock_position(session, part.id).reserved == 0
    settings.set_value(session, settings.ALLOW_NEGATIVE_STOCK, True)
    session.flush()
    assert reserve_for_line(session, parts_clerk, line.id).quantity == 3
    assert stock_position(session, part.id).available == -2
    assert verify_ledger(session) == []


def test_reservation_rules(session, parts_clerk, cashier) -> None:
    part = make_part(session, parts_clerk, on_hand=5)
    line = make_order_with_part_line(session, parts_clerk, part, 1)
    with pytest.raises(PermissionDenied):
        reserve_for_line(session, cashier, line.id)
    with pytest.raises(PermissionDenied):
        release_reservation(session, cashier, line.id)
    issue_to_order(session, parts_clerk, line.id)
    with pytest.raises(DomainError):
        reserve_for_line(session, parts_clerk, line.id)  # nothing left to reserve
    closed = make_order_with_part_line(session, parts_clerk, part, 1,
                                       status=OrderStatus.INVOICED)
    with pytest.raises(DomainError):
        reserve_for_line(session, parts_clerk, closed.id)
    assert _reservations(session) == [] and stock_position(session, part.id).reserved == 0


def test_issue_after_the_line_changed_part_frees_the_old_reservation(session,
                                                                     parts_clerk) -> None:
    old = make_part(session, parts_clerk, "OLD-1", on_hand=2)
    new = make_part(session, parts_clerk, "NEW-1", on_hand=2)
    line = make_order_with_part_line(session, parts_clerk, old, 2)
    reserve_for_line(session, parts_clerk, line.id)
    line.part_id, line.part_no = new.id, new.part_no
    session.flush()
    issue_to_order(session, parts_clerk, line.id)
    assert stock_position(session, old.id).reserved == 0
    assert stock_position(session, new.id).on_hand == 0
    assert _reservations(session) == []
    assert verify_ledger(session) == []


def test_reserving_after_the_line_changed_part_moves_the_reservation(session,
                                                                      parts_clerk) -> None:
    old = make_part(session, parts_clerk, "OLD-1", on_hand=2)
    new = make_part(session, parts_clerk, "NEW-1", on_hand=2)
    line = make_order_with_part_line(session, parts_clerk, old, 2)
    reserve_for_line(session, parts_clerk, line.id)
    line.part_id, line.part_no = new.id, new.part_no
    session.flush()
    assert reserve_for_line(session, parts_clerk, line.id).part_id == new.id
    assert stock_position(session, old.id).reserved == 0
    assert stock_position(session, new.id).reserved == 2
    assert verify_ledger(session) == []


def test_release_order_reservations_frees_every_line_of_the_order(session,
                                                                 parts_clerk) -> None:
    oil = make_part(session, parts_clerk, "OIL", on_hand=8)
    filt = make_part(session, parts_clerk, "FILTER", on_hand=2)
    first = make_order_with_part_line(session, parts_clerk, oil, 4)
    second = PartLine(repair_order_id=first.repair_order_id, description=filt.name,
                      quantity=Decimal("1"), unit_price=filt.sale_price,
                      tax_rate=Decimal("0.13"), part_id=filt.id, part_no=filt.part_no)
    session.add(second)
    session.flush()
    other = make_order_with_part_line(session, parts_clerk, oil, 1)
    for line in (first, second, other):
        reserve_for_line(session, parts_clerk, line.id)
    assert release_order_reservations(session, first.repair_order_id) == 2
    assert [r.part_line_id for r in _reservations(session)] == [other.id]
    assert stock_position(session, oil.id).reserved == 1
    assert stock_position(session, filt.id).reserved == 0
    assert release_order_reservations(session, first.repair_order_id) == 0
    assert verify_ledger(session) == []
