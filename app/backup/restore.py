"""Restore a backup into a NEW database (never over one that holds data), then check it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL

from app.backup import pg_tools, sqlite_copy
from app.backup.checks import verify_restored
from app.backup.errors import DATABASE, USAGE, BackupError
from app.backup.folder import PARTIAL_SUFFIX, read_manifest
from app.backup.take import sha256_of
from app.i18n import _
from db.engine import Database, normalise_url
from db.migrate import SchemaState, schema_status

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


@dataclass(frozen=True)
class Restored:
    target: str  # described
    counts: dict[str, int]
    expected_counts: dict[str, int] | None  # the manifest's, when the backup is listed
    document_problems: list[str] = field(default_factory=list)
    ledger_problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        counts_match = self.expected_counts is None or self.expected_counts == self.counts
        return counts_match and not self.document_problems and not self.ledger_problems


def backup_kind(path: Path) -> str:
    """``sqlite`` or ``postgresql`` from the file's first bytes; BackupError otherwise."""
    if path.is_dir() or not path.exists():
        raise BackupError(USAGE, _("There is no backup file at {path}."), path=str(path))
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "postgresql"
    raise BackupError(USAGE, _("{path} is not a Bayline backup (neither a SQLite file nor a "
                               "pg_dump archive)."), path=str(path))


def _listed_counts(path: Path) -> dict[str, int] | None:
    """The row counts the manifest next to the backup records; BackupError when the file's
    checksum differs from the one recorded (a damaged or altered backup)."""
    for record in read_manifest(path.parent):
        if record.file == path.name:
            if sha256_of(path) != record.sha256:
                raise BackupError(DATABASE, _("The backup {path} does not match the checksum "
                                              "in its manifest: it is damaged or was changed."),
                                  path=str(path))
            return dict(record.counts)
    return None


def restore_backup(backup: Path, target: str | Path, lang: str = "en") -> Restored:
    """Restore ``backup`` into ``target`` (a new SQLite file, or an empty or not yet existing
    PostgreSQL database) and check the result. Refuses a target that holds anything."""
    kind = backup_kind(backup)
    url = normalise_url(target)
    if url.get_backend_name() != kind:
        raise BackupError(USAGE, _("A {kind} backup restores only into a {kind} database."),
                          kind="SQLite" if kind == "sqlite" else "PostgreSQL")
    expected = _listed_counts(backup)
    if kind == "sqlite":
        _restore_sqlite(backup, Path(url.database or ""))
    else:
        _restore_postgresql(backup, url)
    database = Database(url)
    try:
        state = schema_status(database).state
        if state is not SchemaState.CURRENT:
            raise BackupError(DATABASE, _("The restored database is not usable by this "
                                          "program (schema {state})."), state=state.value)
        counts = _counts(database)
        documents, ledger = verify_restored(database, lang)
    finally:
        database.dispose()
    return Restored(database.describe(), counts, expected, documents, ledger)


def _counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as conn:
        tables = pg_tools.table_names(conn)
        return {t: int(conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() or 0)
                for t in tables}


def _refuse(target: str) -> BackupError:
    return BackupError(USAGE, _("Refusing to restore into {target}: it already holds data. "
                                "Restore into a new database."), target=target)


def _restore_sqlite(backup: Path, target: Path) -> None:
    if target.is_dir() or (target.exists() and target.stat().st_size > 0):
        raise _refuse(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    partial.unlink(missing_ok=True)
    try:
        sqlite_copy.copy_database(backup, partial)
        sqlite_copy.check_copy(partial)
        if target.exists() and target.stat().st_size > 0:  # appeared meanwhile
            raise _refuse(str(target))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _restore_postgresql(backup: Path, url: URL) -> None:
    pg_tools.tool("pg_restore")
    _create_if_missing(url)
    database = Database(url)
    try:
        with database.engine.connect() as conn:
            tables = pg_tools.table_names(conn)
    finally:
        database.dispose()
    if tables:
        raise _refuse(f"PostgreSQL {url.host or 'localhost'}/{url.database}")
    pg_tools.restore(backup, url)


def _create_if_missing(url: URL) -> None:
    """CREATE DATABASE when the server does not have it (needs the CREATEDB privilege)."""
    maintenance = Database(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with maintenance.engine.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                  {"n": url.database}).scalar()
            if not exists:
                quoted = (url.database or "").replace('"', '""')
                conn.execute(text(f'CREATE DATABASE "{quoted}"'))
    finally:
        maintenance.dispose()
