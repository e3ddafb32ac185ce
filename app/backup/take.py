"""Take one backup: copy, check, record in the manifest, rotate."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from app.backup import pg_tools, sqlite_copy
from app.backup.errors import DATABASE, BackupError
from app.backup.folder import (
    PARTIAL_SUFFIX,
    BackupRecord,
    Rotation,
    backup_file_name,
    database_name,
    read_manifest,
    rotate,
    write_manifest,
)
from app.i18n import _
from db.engine import Database


@dataclass(frozen=True)
class Taken:
    record: BackupRecord
    path: Path
    rotated: list[str]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def take_backup(database: Database, folder: Path, rotation: Rotation | None = None, *,
                now: datetime | None = None) -> Taken:
    """Back ``database`` up into ``folder`` (created when missing): the copy is written
    under a temporary name, checked, renamed, recorded in the manifest, then old backups of
    the same database are rotated. Raises BackupError, OSError (a full disk) or a database
    error; a failed backup leaves no file behind and the manifest unchanged."""
    taken_at = (now or datetime.now(UTC)).astimezone(UTC)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_partials(folder)
    name = backup_file_name(database, taken_at)
    final = folder / name
    partial = folder / (name + PARTIAL_SUFFIX)
    try:
        if database.backend == "sqlite":
            counts, verified = _sqlite(database, partial)
        else:
            counts, verified = _postgresql(database, partial)
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    record = BackupRecord(
        file=name, time=taken_at.isoformat(), size=final.stat().st_size,
        sha256=sha256_of(final), source=database.describe(), database=database_name(database),
        backend=database.backend, verified=verified, counts=counts)
    try:
        write_manifest(folder, [*read_manifest(folder), record])
    except BaseException:
        final.unlink(missing_ok=True)
        raise
    rotated = rotate(folder, record.database, rotation or Rotation())
    return Taken(record, final, rotated)


def _remove_partials(folder: Path) -> None:
    """Files left by a backup that was cut off (the terminal closed, the power went)."""
    for stale in folder.glob(f"*{PARTIAL_SUFFIX}"):
        stale.unlink(missing_ok=True)


def _sqlite(database: Database, target: Path) -> tuple[dict[str, int], str]:
    source = Path(database.url.database or "")
    if not source.is_file():
        raise BackupError(DATABASE, _("There is no database at {path}."), path=str(source))
    sqlite_copy.copy_database(source, target)
    sqlite_copy.check_copy(target)
    return sqlite_copy.row_counts(target), "PRAGMA integrity_check: ok"


def _postgresql(database: Database, target: Path) -> tuple[dict[str, int], str]:
    """Count the rows and dump them in ONE snapshot: a REPEATABLE READ transaction exports
    it and stays open while pg_dump reads with ``--snapshot``."""
    pg_tools.tool("pg_dump")
    pg_tools.tool("pg_restore")
    with database.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            conn.execute(text("SET LOCAL statement_timeout = 0"))
            snapshot = str(conn.execute(text("SELECT pg_export_snapshot()")).scalar())
            counts = {t: int(conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() or 0)
                      for t in pg_tools.table_names(conn)}
            pg_tools.dump(database.url, snapshot, target)
    pg_tools.check_dump(target, database.url)
    return counts, "pg_restore --list: ok"
