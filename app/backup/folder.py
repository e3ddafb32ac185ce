"""The backup folder: where it is, the file names, the manifest, and rotation."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.terminal import read_config
from db.engine import Database, default_sqlite_path

MANIFEST = "manifest.json"
KEEP_DAILY = 14
KEEP_MONTHLY = 12
PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class Rotation:
    """Keep the newest backup of each of the last ``daily`` days that have one and of each of
    the last ``monthly`` months; older backups of the same database are deleted."""

    daily: int = KEEP_DAILY
    monthly: int = KEEP_MONTHLY


@dataclass(frozen=True)
class BackupRecord:
    """One verified backup, as listed in the manifest."""

    file: str
    time: str  # ISO 8601, UTC
    size: int
    sha256: str
    source: str  # the database, described (no password)
    database: str  # the database's name (file stem or PostgreSQL name): rotation is per name
    backend: str
    verified: str  # how it was checked
    counts: dict[str, int] = field(default_factory=dict)  # rows per table at the snapshot

    @property
    def taken_at(self) -> datetime:
        return datetime.fromisoformat(self.time)


def default_folder() -> Path:
    """``[backup] folder`` in the terminal file, else ``backups`` in the user data directory
    (next to the default SQLite database)."""
    configured = read_config().get("backup", "folder", fallback="").strip()
    return Path(configured).expanduser() if configured else default_sqlite_path().parent / \
        "backups"


def configured_rotation() -> Rotation:
    """``[backup] keep_daily`` / ``keep_monthly`` in the terminal file, else the defaults."""
    cfg = read_config()
    try:
        return Rotation(daily=cfg.getint("backup", "keep_daily", fallback=KEEP_DAILY),
                        monthly=cfg.getint("backup", "keep_monthly", fallback=KEEP_MONTHLY))
    except ValueError:
        return Rotation()


def database_name(database: Database) -> str:
    """The name backups of ``database`` carry (safe in a file name)."""
    raw = Path(database.url.database or "db").stem if database.backend == "sqlite" \
        else database.url.database or "db"
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", raw).strip("._") or "db"


def backup_file_name(database: Database, taken_at: datetime) -> str:
    """``bayline-<name>-<UTC timestamp>.<sqlite|pgdump>``."""
    stamp = taken_at.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    suffix = "sqlite" if database.backend == "sqlite" else "pgdump"
    return f"bayline-{database_name(database)}-{stamp}.{suffix}"


def read_manifest(folder: Path) -> list[BackupRecord]:
    """The backups listed in ``folder``'s manifest, oldest first (none when it is missing or
    unreadable)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        records = [BackupRecord(**item) for item in data.get("backups", [])]
    except (OSError, ValueError, TypeError, AttributeError):
        return []
    return sorted(records, key=lambda r: r.time)


def write_manifest(folder: Path, records: list[BackupRecord]) -> None:
    """Replace the manifest atomically (a reader never sees half of it)."""
    body = json.dumps({"backups": [asdict(r) for r in sorted(records, key=lambda r: r.time)]},
                      ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".manifest-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / MANIFEST)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def to_keep(records: list[BackupRecord], rotation: Rotation) -> set[str]:
    """The files rotation keeps among ``records`` (all of one database)."""
    newest_first = sorted(records, key=lambda r: r.time, reverse=True)
    keep: set[str] = set()
    for width, count in ((10, rotation.daily), (7, rotation.monthly)):  # YYYY-MM-DD / YYYY-MM
        periods: list[str] = []
        for record in newest_first:
            period = record.time[:width]
            if period not in periods:
                periods.append(period)
                if len(periods) > count:
                    break
                keep.add(record.file)
    if newest_first:
        keep.add(newest_first[0].file)  # the backup just taken, whatever the settings say
    return keep


def rotate(folder: Path, database: str, rotation: Rotation) -> list[str]:
    """Delete the backups of ``database`` that rotation does not keep; their file names."""
    records = read_manifest(folder)
    mine = [r for r in records if r.database == database]
    keep = to_keep(mine, rotation)
    dropped = [r for r in mine if r.file not in keep]
    if not dropped:
        return []
    write_manifest(folder, [r for r in records if r not in dropped])
    for record in dropped:
        (folder / record.file).unlink(missing_ok=True)
    return [r.file for r in dropped]


def last_good(folder: Path, database: str) -> BackupRecord | None:
    """The newest verified backup of ``database`` whose file is still there."""
    for record in reversed(read_manifest(folder)):
        if record.database == database and (folder / record.file).is_file():
            return record
    return None


def local_day(moment: datetime) -> date:
    """The terminal's calendar day of ``moment``."""
    return moment.astimezone().date()


def as_dict(record: BackupRecord) -> dict[str, Any]:
    return asdict(record)
