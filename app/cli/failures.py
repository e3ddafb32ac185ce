"""What the user sees when a command cannot do its work: one line in their language and an
exit code from ``app.cli.exit_codes``, never a traceback.

Commands raise :class:`CliError` for what they detect themselves; ``explain`` turns the
exceptions a broken environment raises (an unreachable server, a file that is not a
database, a full disk ...) into one. Anything else is a bug: main.py logs its traceback to the
log file and shows one line naming that file.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Any

from sqlalchemy.exc import DBAPIError

from app.cli import exit_codes
from app.errors import DomainError
from app.i18n import _, translate
from db.migrate import ForeignDatabaseError, SchemaTooNewError

REASON_MAX = 160


class CliError(Exception):
    """A failure the command explains itself: an exit code and a translatable message."""

    def __init__(self, code: int, msgid: str, **params: Any) -> None:
        super().__init__(msgid.format(**params))
        self.code = code
        self.msgid = msgid
        self.params = params

    def message(self, lang: str) -> str:
        """The one-line message in ``lang``."""
        return " ".join(translate(self.msgid, lang, **self.params).split())


class DomainFailure(CliError):
    """A DomainError (bad input, a refused backup ...) shown with its own message."""

    def __init__(self, code: int, error: DomainError) -> None:
        super().__init__(code, error.msgid, **error.params)
        self.error = error

    def message(self, lang: str) -> str:
        return " ".join(self.error.message(lang).split())


_DOMAIN_CODES = {"usage": exit_codes.USAGE, "database": exit_codes.DATABASE,
                 "disk": exit_codes.DISK}


def reason(exc: BaseException) -> str:
    """The first line of what the driver or the system said, shortened."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return first if len(first) <= REASON_MAX else first[:REASON_MAX - 1] + "…"


def explain(exc: BaseException, database: str) -> CliError | None:
    """The CliError for a broken environment (``database`` describes the database in use),
    or None when ``exc`` is unexpected."""
    if isinstance(exc, CliError):
        return exc
    if isinstance(exc, SchemaTooNewError):
        return CliError(exit_codes.DATABASE, NEWER_SCHEMA, database=database, revision=str(exc))
    if isinstance(exc, DomainError):
        code = _DOMAIN_CODES.get(getattr(exc, "kind", ""), exit_codes.USAGE)
        return DomainFailure(code, exc)
    if isinstance(exc, ForeignDatabaseError):
        return CliError(exit_codes.DATABASE, FOREIGN_REFUSED, database=database)
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return _database_error(exc.orig, reason(exc), database)
    if isinstance(exc, sqlite3.Error):  # the backup API's own connections
        return _database_error(exc, reason(exc), database)
    if isinstance(exc, OSError):
        path = exc.filename or database
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return CliError(exit_codes.DISK, _("Cannot write {path}: the disk is full."),
                            path=path)
        return CliError(exit_codes.DISK, _("Cannot use {path}: {reason}"), path=path,
                        reason=exc.strerror or reason(exc))
    return None


def _database_error(orig: BaseException, why: str, database: str) -> CliError | None:
    sqlite_name = getattr(orig, "sqlite_errorname", None)
    if sqlite_name is not None:
        if sqlite_name == "SQLITE_NOTADB":
            return CliError(exit_codes.DATABASE, NOT_A_DATABASE, database=database)
        if sqlite_name.startswith("SQLITE_CANTOPEN"):
            return CliError(exit_codes.DATABASE, _("Cannot open {database}: {reason}"),
                            database=database, reason=why)
        if sqlite_name == "SQLITE_FULL":
            return CliError(exit_codes.DISK, DISK_FULL, database=database)
        if sqlite_name.startswith(("SQLITE_IOERR", "SQLITE_READONLY")):
            return CliError(exit_codes.DISK, _("Cannot write {database}: {reason}"),
                            database=database, reason=why)
        if sqlite_name.startswith("SQLITE_CORRUPT"):
            return CliError(exit_codes.DATABASE, _("The database {database} is damaged: "
                                                   "{reason}"), database=database, reason=why)
        if sqlite_name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return CliError(exit_codes.DATABASE, BUSY, database=database)
        return None
    state = getattr(orig, "sqlstate", None)
    if state is not None and state.startswith("53"):  # insufficient resources: disk full
        return CliError(exit_codes.DISK, DISK_FULL, database=database)
    if state is None or state.startswith(("08", "28", "3D", "57P")):
        # no SQLSTATE: the connection itself failed (refused, unknown host, timeout)
        return CliError(exit_codes.DATABASE, _("Cannot connect to {database}: {reason}"),
                        database=database, reason=why)
    if state.startswith(("55P03", "40")):
        return CliError(exit_codes.DATABASE, BUSY, database=database)
    if state == "42501":  # insufficient privilege: e.g. CREATE DATABASE for a restore
        return CliError(exit_codes.DATABASE, _("Cannot open {database}: {reason}"),
                        database=database, reason=why)
    return None


NEWER_SCHEMA = _("The database {database} was written by a newer Bayline (revision "
                 "{revision}); update this program.")
FOREIGN_REFUSED = _("Refusing to set up {database}: it is not empty and not a Bayline database "
                    "(tables of another program, no Bayline revision). Nothing was changed.")
NOT_A_DATABASE = _("{database} is not a database file.")
DISK_FULL = _("The disk is full: {database} could not be written.")
BUSY = _("The database {database} is busy; try again in a moment.")
UNEXPECTED = _("Unexpected error ({kind}); the details are in {log}.")
INTERRUPTED = _("Stopped.")
