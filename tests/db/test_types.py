"""Exact columns store integers and give back Decimal on both databases; floats are refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import StatementError

from app.clock import now
from db.models import LabourRate


def test_money_round_trips_exactly_as_integer_fen(database) -> None:
    with database.transaction() as s:
        s.add(LabourRate(code="X", name="x", hourly_rate=Decimal("1234567.89")))
    with database.reading() as s:
        stored = s.execute(text("SELECT hourly_rate FROM labour_rate WHERE code='X'")).scalar()
        value = s.scalar(select(LabourRate.hourly_rate).where(LabourRate.code == "X"))
    assert stored == 123456789
    assert value == Decimal("1234567.89") and isinstance(value, Decimal)


@pytest.mark.parametrize("bad", [Decimal("1.001"), 1.5, Decimal("NaN"), Decimal("Infinity")])
def test_money_refuses_float_nan_and_extra_decimals(database, bad) -> None:
    with database.session() as s:
        s.add(LabourRate(code="Y", name="y", hourly_rate=bad))
        with pytest.raises(StatementError):
            s.flush()
        s.rollback()


def test_timestamps_come_back_aware_utc(database) -> None:
    from db.models import AuditEntry

    at = now()
    with database.transaction() as s:
        s.add(AuditEntry(at=at, action="t", entity="e", entity_id="1"))
    with database.reading() as s:
        got = s.scalar(select(AuditEntry.at).where(AuditEntry.action == "t"))
    assert got == at and got.tzinfo is not None
