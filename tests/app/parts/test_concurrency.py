"""Several terminals at once: the last units are issued exactly once, never below zero.

Each thread is a terminal with its own Session (its own connection and transaction); a
barrier lines them up so they hit the same part at the same moment, and each commits. On
PostgreSQL every thread has also read the stock before the barrier, so a read-modify-write
would oversell; on SQLite ``BEGIN IMMEDIATE`` serialises writers (a read there would already
take the write lock, so the threads start cold).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import DomainError, InsufficientStock
from app.parts.stock import issue_to_order, reserve_for_line, stock_position, verify_ledger
from db.engine import Database
from db.enums import MovementKind
from db.models import PartLine, StockMovement
from tests.factories import make_order_with_part_line, make_part

TIMEOUT = 60


def race(database: Database, count: int,
         work: Callable[[Session, int], object]) -> list[object]:
    """Run ``work(session, i)`` in ``count`` threads at once; each result or exception."""
    barrier = threading.Barrier(count, timeout=TIMEOUT)
    results: list[object] = [None] * count

    def terminal(i: int) -> None:
        with database.session() as s:
            try:
                if database.backend == "postgresql":
                    stock_position(s, 1)  # a snapshot of the stock, taken before the race
                barrier.wait()
                results[i] = work(s, i)
                s.commit()
            except Exception as exc:
                s.rollback()
                results[i] = exc

    threads = [threading.Thread(target=terminal, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    assert not any(t.is_alive() for t in threads), "a terminal hung"
    return results


def test_four_terminals_issue_the_last_two_units(database, session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=2)
    assert part.id == 1
    lines = [make_order_with_part_line(session, parts_clerk, part, 1).id for _ in range(4)]
    session.commit()

    results = race(database, 4, lambda s, i: issue_to_order(s, parts_clerk, lines[i]))

    issued = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(issued) == 2, results
    assert len(refused) == 2 and all(isinstance(r, InsufficientStock) for r in refused), results
    pos = stock_position(session, part.id)
    assert (pos.on_hand, pos.ledger_sum) == (0, 0)
    balances = sorted(session.scalars(select(StockMovement.balance_after)
                                      .where(StockMovement.kind == MovementKind.ISSUE)))
    assert balances == [0, 1]
    assert session.scalar(select(func.sum(PartLine.issued_qty))) == 2
    assert verify_ledger(session) == []


def test_bigger_requests_than_stock_leave_the_remainder(database, session,
                                                        parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=Decimal("5"))
    lines = [make_order_with_part_line(session, parts_clerk, part, 2).id for _ in range(4)]
    session.commit()

    results = race(database, 4, lambda s, i: issue_to_order(s, parts_clerk, lines[i]))

    assert sum(not isinstance(r, Exception) for r in results) == 2, results
    assert sum(isinstance(r, InsufficientStock) for r in results) == 2, results
    assert stock_position(session, part.id).on_hand == 1
    assert verify_ledger(session) == []


def test_two_terminals_issue_the_same_line_once(database, session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=10)
    line = make_order_with_part_line(session, parts_clerk, part, 3)
    session.commit()

    results = race(database, 2, lambda s, i: issue_to_order(s, parts_clerk, line.id))

    assert sum(not isinstance(r, Exception) for r in results) == 1, results
    assert sum(isinstance(r, DomainError) for r in results) == 1, results
    assert stock_position(session, part.id).on_hand == 7
    assert session.scalar(select(PartLine.issued_qty).where(PartLine.id == line.id)) == 3
    assert verify_ledger(session) == []


def test_reservations_race_for_the_last_units(database, session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=3)
    lines = [make_order_with_part_line(session, parts_clerk, part, 1).id for _ in range(4)]
    session.commit()

    results = race(database, 4, lambda s, i: reserve_for_line(s, parts_clerk, lines[i]))

    assert sum(not isinstance(r, Exception) for r in results) == 3, results
    assert sum(isinstance(r, InsufficientStock) for r in results) == 1, results
    pos = stock_position(session, part.id)
    assert (pos.on_hand, pos.reserved, pos.available) == (3, 3, 0)
    assert verify_ledger(session) == []
