"""SQLite: copy a live database file with the online backup API, and check a copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import inspect

from app.backup.errors import DATABASE, BackupError
from app.i18n import _

BUSY_TIMEOUT_S = 10.0


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection (never creates the file)."""
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True,
                           timeout=BUSY_TIMEOUT_S)


def open_copy(path: Path) -> sqlite3.Connection:
    """The connection a copy is written through (tests use it to fill the disk)."""
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)


def copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` into the new file ``target`` in one step of the backup API: the copy
    is the database as of one moment, however much other connections write meanwhile (in WAL
    mode they are not blocked). The copy is a single file (rollback journal), not WAL."""
    src = open_read_only(source)
    try:
        dst = open_copy(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()


def check_copy(path: Path) -> None:
    """Raise BackupError unless ``PRAGMA integrity_check`` says ``ok``."""
    con = open_read_only(path)
    try:
        result = [row[0] for row in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()
    if result != ["ok"]:
        raise BackupError(DATABASE, _("The backup {path} failed its check: {problem}"),
                          path=str(path), problem="; ".join(map(str, result[:3])))


def row_counts(path: Path) -> dict[str, int]:
    """Rows per table of the SQLite file ``path``."""
    from db.engine import Database

    database = Database(path, read_only=True)
    try:
        with database.engine.connect() as conn:
            tables = sorted(inspect(conn).get_table_names())
            return {t: int(conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() or 0)
                    for t in tables}
    finally:
        database.dispose()
