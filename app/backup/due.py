"""The daily automatic backup of a SQLite terminal: at the daily close or on exit, whichever
comes first, once per calendar day. Never raises: a failure is logged (the next close or exit
tries again) and ``doctor`` warns when the last good backup grows old."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.backup.folder import (
    BackupRecord,
    Rotation,
    configured_rotation,
    database_name,
    default_folder,
    last_good,
    local_day,
)
from app.backup.take import Taken, take_backup
from db.engine import Database

log = logging.getLogger(__name__)


def is_due(last: BackupRecord | None, now: datetime) -> bool:
    """True when the terminal has no good backup from today (its local calendar day)."""
    return last is None or local_day(last.taken_at) < local_day(now)


def backup_if_due(database: Database, *, folder: Path | None = None,
                  rotation: Rotation | None = None, now: datetime | None = None) -> Taken | None:
    """Take today's backup of a SQLite ``database`` unless there is one already; the backup
    taken, or None (not due, a PostgreSQL server — backed up by the server's own schedule
    with ``main.py backup`` — or failed: logged)."""
    if database.backend != "sqlite":
        return None
    moment = now or datetime.now(UTC)
    try:
        where = folder or default_folder()
        if not is_due(last_good(where, database_name(database)), moment):
            return None
        taken = take_backup(database, where, rotation or configured_rotation(), now=moment)
    except Exception:
        log.exception("automatic backup of %s failed", database.describe())
        return None
    log.info("automatic backup %s (%s bytes)", taken.path, taken.record.size)
    return taken


ON_EXIT_WAIT_S = 20.0
"""How long closing the app waits for the daily backup; a larger file finishes in the
background until the process ends (a cut-off copy is only a ``.partial`` file, removed by the
next backup, and the next exit tries again)."""


def backup_on_exit(database: Database, *, wait: float = ON_EXIT_WAIT_S,
                   **options: Any) -> bool:
    """``backup_if_due`` on a background thread, waited for at most ``wait`` seconds (the
    app's exit path); True when it finished in time."""
    worker = threading.Thread(target=backup_if_due, args=(database,), kwargs=options,
                              name="daily-backup", daemon=True)
    worker.start()
    worker.join(wait)
    if worker.is_alive():
        log.warning("automatic backup still running after %.0f s at exit", wait)
        return False
    return True
