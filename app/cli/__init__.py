"""Command-line commands (no Qt). Each module here defines one command:

``NAME`` (the command word), ``HELP`` (one line), ``configure(parser)`` adding its arguments,
and ``run(args) -> int``. main.py discovers the modules, so adding a command is adding a file.
The developer commands (``bench``, ``torture``, ``crash-test``) live in ``app.devtools.cli``
and are added only when ``app.devtools`` is importable: a source checkout has it, the wheel a
shop PC installs leaves it out.
Shared options (``--db``, ``--demo``, ``--lang``) are parsed by main.py; ``open_database(args)``
gives the Database they select (``read_only=True`` for a command that only reads: a missing
SQLite file is then an error, never a new empty database). A command that cannot do its work
raises ``app.cli.failures.CliError``; main.py prints its one line and exits with its code
(``app.cli.exit_codes``).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from app.cli import exit_codes
from app.cli.failures import NEWER_SCHEMA, CliError
from app.i18n import _, normalise_language, system_language
from app.terminal import resolve_database_url
from db.engine import Database, normalise_url
from db.migrate import ForeignDatabaseError, SchemaState, schema_status


def command_modules() -> list[ModuleType]:
    """Every command module in this package and, when installed, in ``app.devtools.cli``,
    sorted by command word."""
    modules = _modules_in(sys.modules[__name__])
    if (dev := devtools_cli()) is not None:
        modules += _modules_in(dev)
    return sorted(modules, key=lambda m: m.NAME)


def _modules_in(package: ModuleType) -> list[ModuleType]:
    modules = [importlib.import_module(f"{package.__name__}.{info.name}")
               for info in pkgutil.iter_modules(package.__path__)
               if not info.name.startswith("_")]
    return [m for m in modules if hasattr(m, "NAME")]


def devtools_cli() -> ModuleType | None:
    """``app.devtools.cli`` when the developer tools are present, else None (an installed
    product: the wheel leaves ``app.devtools`` out). Any other import error still raises."""
    try:
        importlib.import_module("app.devtools")
        return importlib.import_module("app.devtools.cli")
    except ModuleNotFoundError as exc:
        if exc.name in ("app.devtools", "app.devtools.cli"):
            return None
        raise


_opened: list[Database] = []  # by open_database, until close_databases


def message_language(args: argparse.Namespace | None) -> str:
    """The language of messages: ``--lang``, else the system's (as the app does)."""
    chosen = getattr(args, "lang", None) if args is not None else None
    return normalise_language(chosen) if chosen else system_language()


def open_database(args: argparse.Namespace, *, read_only: bool = False,
                  must_exist: bool = False) -> Database:
    """The Database selected by ``--db``/``--demo``/environment/terminal file (its connections
    are closed by ``close_databases`` when main() ends the command). ``read_only``: see the
    module docstring; ``must_exist``: a missing SQLite file is an error (for a command that
    writes into an existing database) instead of a new empty file. Raises CliError for an
    address Bayline cannot use."""
    url = resolve_database_url(getattr(args, "db", None), demo=getattr(args, "demo", False))
    database = connect(url, read_only=read_only, must_exist=must_exist)
    _opened.append(database)
    return database


def connect(url: str | Path, *, read_only: bool = False, must_exist: bool = False) -> Database:
    """A Database on ``url``; CliError (exit 2) for an unparseable address or an unknown
    driver, (exit 3) for a missing SQLite file when ``read_only`` or ``must_exist``."""
    parsed = parse_address(url)
    if (read_only or must_exist) and parsed.get_backend_name() == "sqlite":
        _require_file(Path(parsed.database or ""))
    try:
        return Database(parsed, read_only=read_only)
    except (ArgumentError, ValueError) as exc:  # NoSuchModuleError is an ArgumentError
        raise CliError(exit_codes.USAGE, BAD_ADDRESS, address=_shown(url)) from exc


def parse_address(url: str | Path) -> URL:
    """``url`` as a SQLAlchemy URL with Bayline's driver; CliError (exit 2) when it cannot be
    parsed or names a database or driver Bayline does not use."""
    try:
        parsed = normalise_url(url)
        if parsed.get_backend_name() not in ("sqlite", "postgresql"):
            raise ValueError(parsed.get_backend_name())
        parsed.get_dialect()  # an unknown driver: NoSuchModuleError
    except (ArgumentError, ValueError) as exc:
        raise CliError(exit_codes.USAGE, BAD_ADDRESS, address=_shown(url)) from exc
    return parsed


def refuse_foreign(args: argparse.Namespace) -> None:
    """Raise ForeignDatabaseError when the selected database is an existing SQLite file of
    another program — checked read-only, before a writing connection would switch the file
    to WAL (which changes its header)."""
    url = resolve_database_url(getattr(args, "db", None), demo=getattr(args, "demo", False))
    parsed = parse_address(url)
    if parsed.get_backend_name() != "sqlite" or not Path(parsed.database or "").is_file():
        return
    probe = Database(parsed, read_only=True)
    try:
        if schema_status(probe).state is SchemaState.FOREIGN:
            raise ForeignDatabaseError(probe.describe())
    finally:
        probe.dispose()


def _require_file(path: Path) -> None:
    if path.is_dir():
        raise CliError(exit_codes.DATABASE, _("{path} is a folder, not a database file."),
                       path=str(path))
    if not path.is_file():
        raise CliError(exit_codes.DATABASE, _("There is no database at {path}."),
                       path=str(path))


def _shown(url: str | Path) -> str:
    """``url`` for a message, with any password hidden."""
    try:
        return normalise_url(url).render_as_string(hide_password=True)
    except Exception:
        return str(url)


def last_database() -> str:
    """The description of the database the command opened last (for messages)."""
    return _opened[-1].describe() if _opened else "-"


def close_databases() -> None:
    """Close the pooled connections of every Database ``open_database`` gave out."""
    while _opened:
        _opened.pop().dispose()


def require_current_schema(database: Database) -> int | None:
    """None when the schema is current; else raises CliError (exit 3) saying why. (Returns
    ``int | None`` so that the commands' ``if code := ...: return code`` keeps working.)"""
    status = schema_status(database)
    if status.state is SchemaState.CURRENT:
        return None
    raise CliError(exit_codes.DATABASE, SCHEMA_MESSAGES[status.state],
                   database=database.describe(), revision=status.database_revision or "-")


BAD_ADDRESS = _("{address} is not a database address Bayline can use; give a SQLite file path "
                "or postgresql://user@host/database.")
FOREIGN = _("{database} is not a Bayline database (it has tables of another program and no "
            "Bayline revision).")
SCHEMA_MESSAGES = {
    SchemaState.AHEAD: NEWER_SCHEMA,
    SchemaState.BEHIND: _("The database {database} needs `main.py db upgrade` (it is at "
                          "revision {revision})."),
    SchemaState.EMPTY: _("The database {database} is empty; run `main.py db upgrade` first."),
    SchemaState.FOREIGN: FOREIGN,
}
