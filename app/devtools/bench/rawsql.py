"""The bare-driver baseline: record the SQL a service sends, replay it on a raw DBAPI cursor.

``capture`` listens to the engine's ``before_cursor_execute`` event, so it records exactly the
statements and bound parameters that reached the driver — including SQLite's ``BEGIN`` and
the expanded ``IN`` lists. ``replay`` sends them again on a connection from
``engine.raw_connection()``, fetches every row and rolls back: the same work for the database,
none of the ORM's (compiling, type conversion, identity map, objects).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event


@dataclass(frozen=True)
class Statement:
    """One statement as the driver received it."""

    sql: str
    parameters: Any


@contextmanager
def capture(engine: Engine) -> Iterator[list[Statement]]:
    """Record every statement sent through ``engine`` while the block runs."""
    recorded: list[Statement] = []

    def listener(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                 executemany: bool) -> None:
        recorded.append(Statement(statement, parameters))

    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield recorded
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def replay(connection: Any, statements: Sequence[Statement]) -> int:
    """Run ``statements`` on a raw DBAPI ``connection``, fetch all rows, roll back; rows read."""
    rows = 0
    cursor = connection.cursor()
    try:
        for statement in statements:
            if statement.parameters:
                cursor.execute(statement.sql, statement.parameters)
            else:
                cursor.execute(statement.sql)
            if cursor.description is not None:
                rows += len(cursor.fetchall())
    finally:
        cursor.close()
        connection.rollback()
    return rows
