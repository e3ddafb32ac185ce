"""Schema migrations (Alembic), driven from code: upgrade, and the check that the code fits.

Opening a database whose schema is newer than this code is refused: an old terminal must not
write into a schema it does not understand.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from db.engine import Database

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class SchemaState(StrEnum):
    EMPTY = "empty"  # no tables at all: a new database
    BEHIND = "behind"  # older revision: run ``db upgrade``
    CURRENT = "current"
    AHEAD = "ahead"  # revision unknown to this code: newer software wrote it
    FOREIGN = "foreign"  # tables but no Bayline revision: not a Bayline database


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    database_revision: str | None
    code_revision: str


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config pointing at db/migrations, optionally bound to a live connection."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision this code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def schema_status(database: Database) -> SchemaStatus:
    """Compare the database's revision with the code's."""
    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    with database.engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
        conn.rollback()
    if rev is None:
        state = SchemaState.FOREIGN if tables - {"alembic_version"} else SchemaState.EMPTY
    elif rev == head:
        state = SchemaState.CURRENT
    else:
        try:
            script.get_revision(rev)
        except Exception:
            state = SchemaState.AHEAD
        else:
            state = SchemaState.BEHIND
    return SchemaStatus(state, rev, head)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Bayline."""


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema up to ``revision``; refuses a database newer than the code."""
    status = schema_status(database)
    if status.state is SchemaState.AHEAD:
        raise SchemaTooNewError(status.database_revision)
    with database.engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
