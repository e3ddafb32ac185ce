"""Document numbers come from per-series counters inside the caller's transaction."""

from __future__ import annotations

from app.numbering import next_number
from db.enums import DocumentType


def test_numbers_are_sequential_and_rollback_returns_them(database) -> None:
    with database.transaction() as s:
        assert next_number(s, DocumentType.INVOICE) == "INV000001"
        assert next_number(s, DocumentType.INVOICE) == "INV000002"
    s = database.session()
    assert next_number(s, DocumentType.INVOICE) == "INV000003"
    s.rollback()
    s.close()
    with database.transaction() as s:
        assert next_number(s, DocumentType.INVOICE) == "INV000003"
        assert next_number(s, DocumentType.REPAIR_ORDER) == "RO000001"
