"""PostgreSQL: ``pg_dump --format=custom`` of one snapshot, ``pg_restore`` of a dump."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import URL

from app.backup.errors import DISK, BackupError
from app.i18n import _

TOOL_TIMEOUT_S = 3600.0


def tool(name: str) -> str:
    """The path of ``pg_dump`` / ``pg_restore`` on PATH; BackupError when it is missing."""
    found = shutil.which(name)
    if found is None:
        raise BackupError(DISK, _("{program} was not found: install the PostgreSQL client "
                                  "tools (Debian/Ubuntu: postgresql-client) or put them on "
                                  "PATH."), program=name)
    return found


def libpq_environment(url: URL) -> dict[str, str]:
    """The process environment naming ``url``'s server for libpq (the password travels in
    ``PGPASSWORD``, never on a command line)."""
    env = dict(os.environ)
    parts: dict[str, object] = {"PGHOST": url.host, "PGPORT": url.port,
                                "PGUSER": url.username, "PGPASSWORD": url.password,
                                "PGDATABASE": url.database}
    for key, option in url.query.items():
        if key.startswith("ssl") and isinstance(option, str):
            parts[f"PG{key.upper()}"] = option
    env.update({key: str(value) for key, value in parts.items() if value is not None})
    return env


def run_tool(args: list[str], url: URL) -> None:
    """Run a client tool; BackupError with its first line of stderr when it fails."""
    try:
        done = subprocess.run(args, env=libpq_environment(url), capture_output=True,
                              text=True, timeout=TOOL_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(DISK, _("{program} failed: {problem}"), program=Path(args[0]).name,
                          problem=str(exc)) from exc
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise BackupError(DISK, _("{program} failed: {problem}"), program=Path(args[0]).name,
                          problem=lines[0] if lines else f"exit {done.returncode}")


def dump(database_url: URL, snapshot: str, target: Path) -> None:
    """``pg_dump --format=custom`` of the exported ``snapshot`` into ``target``."""
    run_tool([tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}", "--no-password",
              f"--file={target}"], database_url)


def check_dump(path: Path, database_url: URL) -> None:
    """``pg_restore --list`` reads the whole table of contents of the dump."""
    run_tool([tool("pg_restore"), "--list", str(path)], database_url)


def restore(path: Path, database_url: URL) -> None:
    """``pg_restore`` into the (empty) database ``database_url``, stopping at the first
    error; ownership and grants are left out (the restoring role owns the objects)."""
    run_tool([tool("pg_restore"), "--exit-on-error", "--no-owner", "--no-privileges",
              "--single-transaction", "--no-password", f"--dbname={database_url.database}",
              str(path)], database_url)


def table_names(connection: object) -> list[str]:
    return sorted(inspect(connection).get_table_names())
