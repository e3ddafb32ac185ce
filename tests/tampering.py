"""Tampering as an insider would: with the append-only triggers (db.append_only) out of the way.

The database refuses UPDATE and DELETE on issued documents, payments, the stock ledger and the
audit log. Someone with full access to the database can still get past that — a PostgreSQL
superuser skips ordinary triggers with ``session_replication_role = replica``, whoever holds
the SQLite file can drop the triggers — and the verifiers must catch what such a person
changes. ``tamper`` does exactly that, inside the caller's transaction, and puts the triggers
back afterwards (on SQLite the DDL is part of the transaction too).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from db.append_only import SQLITE_TRIGGERS


def _dialect(executor: Session | Connection) -> str:
    if isinstance(executor, Session):
        return executor.get_bind().dialect.name
    return executor.dialect.name


@contextmanager
def triggers_bypassed(executor: Session | Connection) -> Iterator[None]:
    """Within this block, statements on ``executor`` skip the append-only triggers."""
    if _dialect(executor) == "postgresql":
        executor.execute(text("SET LOCAL session_replication_role = replica"))
        yield
        executor.execute(text("SET LOCAL session_replication_role = origin"))
        return
    statements = [s for table in SQLITE_TRIGGERS.values() for s in table]
    for statement in statements:
        executor.execute(text(f"DROP TRIGGER {statement.split()[2]}"))
    yield
    for statement in statements:
        executor.execute(text(statement))


def tamper(executor: Session | Connection, statement: str, params: Any = None) -> None:
    """Run ``statement`` past the append-only triggers (as a superuser / the file's holder)."""
    with triggers_bypassed(executor):
        executor.execute(text(statement), params or {})
