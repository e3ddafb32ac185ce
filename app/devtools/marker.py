"""Which databases the developer tools may write into: only those they created themselves.

``torture`` and ``crash-test`` issue real invoices into a database's series and hash chain.
Pointed at a copy of a shop's database they would add test documents to it, so they take only
a database that is

* **empty** (no tables at all: a new SQLite file, a new PostgreSQL database) — they build the
  schema and write the mark, a ``setting`` row ``devtools.created_by`` holding the tool and a
  random token, in the same step; or
* **marked** that way by an earlier run.

Anything else — a shop database, a demo database, a database of another program — is refused
with :class:`NotADevtoolsDatabase` before anything is written.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db.engine import Database
from db.migrate import SchemaState, schema_status, upgrade
from db.models import Setting

MARKER_KEY = "devtools.created_by"


class NotADevtoolsDatabase(Exception):
    """The database was not created by the developer tools; nothing has been written."""


def marker(database: Database) -> str | None:
    """The mark's value, or None when the database has none (or no ``setting`` table)."""
    try:
        with database.reading() as session:
            return session.execute(text("SELECT value FROM setting WHERE key = :key"),
                                   {"key": MARKER_KEY}).scalar()
    except DBAPIError:  # no setting table: not ours either
        return None


def claim(database: Database, *, tool: str) -> str:
    """Make sure ``database`` is one the developer tools created; returns its mark.

    An empty database is brought to the current schema and marked for ``tool``; a marked one
    is accepted as it is. Any other raises :class:`NotADevtoolsDatabase` having written
    nothing.
    """
    state = schema_status(database).state
    if state is not SchemaState.EMPTY:
        if state is not SchemaState.FOREIGN and (found := marker(database)) is not None:
            return found
        raise NotADevtoolsDatabase(
            f"{tool} refuses {database.describe()}: it was not created by the developer tools "
            f"(no {MARKER_KEY!r} setting) and may be a real shop's database; {tool} would "
            "issue test invoices into its series and hash chain. Nothing was written. Point "
            "--db at a new, empty database (a new SQLite file or an empty PostgreSQL "
            "database).")
    upgrade(database)
    return mark(database, tool=tool)


def mark(database: Database, *, tool: str) -> str:
    """Write the mark (``tool``, the time and a random token) into a migrated database and
    return it. ``claim`` calls this for the empty databases it sets up; tests call it to hand
    a throw-away copy of their template to the tools."""
    value = (f"{tool} {datetime.now(UTC).isoformat(timespec='seconds')} "
             f"{secrets.token_hex(8)}")
    with database.transaction() as session:
        session.merge(Setting(key=MARKER_KEY, value=value))
    return value
