"""Schema migrations (Alembic), driven from code: upgrade, and the check that the code fits.

Opening a database whose schema is newer than this code is refused: an old terminal must not
write into a schema it does not understand.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from db.engine import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest revision in db/migrations/versions. Kept here so that starting the app on a
# current database does not import Alembic (~0.1 s); tests check it equals Alembic's head.
CODE_HEAD = "0007"


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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision this code knows (read from the migration scripts)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _stored_revision(conn: Connection, tables: set[str]) -> str | None:
    if "alembic_version" not in tables:
        return None
    revisions = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    return revisions[0] if len(revisions) == 1 else None


def schema_status(database: Database) -> SchemaStatus:
    """Compare the database's revision with the code's."""
    with database.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        rev = _stored_revision(conn, tables)
        conn.rollback()
    if rev is None:
        state = SchemaState.FOREIGN if tables - {"alembic_version"} else SchemaState.EMPTY
    elif rev == CODE_HEAD:
        state = SchemaState.CURRENT
    else:
        from alembic.script import ScriptDirectory

        try:
            ScriptDirectory.from_config(alembic_config()).get_revision(rev)
        except Exception:
            state = SchemaState.AHEAD
        else:
            state = SchemaState.BEHIND
    return SchemaStatus(state, rev, CODE_HEAD)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Bayline."""


class ForeignDatabaseError(RuntimeError):
    """The database has tables of another program and no Bayline revision."""


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema up to ``revision``; refuses a database newer than the code and a
    non-empty one that is not Bayline's (nothing is written to either)."""
    status = schema_status(database)
    if status.state is SchemaState.AHEAD:
        raise SchemaTooNewError(status.database_revision)
    if status.state is SchemaState.FOREIGN:
        raise ForeignDatabaseError(database.describe())
    from alembic import command

    with database.engine.begin() as conn:
        if database.backend == "postgresql":  # building indexes on a big shop takes a while
            conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
        command.upgrade(alembic_config(conn), revision)
