"""Gapless document numbers: one counter row per series, taken inside the caller's transaction.

``UPDATE document_series SET next_number = next_number + 1 ... RETURNING`` locks the row until
the transaction ends (PostgreSQL row lock; SQLite's write lock), so two terminals can never get
the same number, and a rollback gives the number back: no gaps, no duplicates.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from db.enums import DocumentType
from db.models import DocumentSeries


def next_number(session: Session, series: DocumentType) -> str:
    """Take the next number of ``series`` (e.g. ``RO000042``)."""
    row = session.execute(
        update(DocumentSeries)
        .where(DocumentSeries.code == series.value)
        .values(next_number=DocumentSeries.next_number + 1)
        .returning(DocumentSeries.prefix, DocumentSeries.next_number, DocumentSeries.width)
    ).one_or_none()
    if row is None:
        raise LookupError(f"document series {series.value} is not set up")
    prefix, after, width = row
    return f"{prefix}{after - 1:0{width}d}"
