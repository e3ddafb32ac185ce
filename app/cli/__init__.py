"""Command-line commands (no Qt). Each module here defines one command:

``NAME`` (the command word), ``HELP`` (one line), ``configure(parser)`` adding its arguments,
and ``run(args) -> int``. main.py discovers the modules, so adding a command is adding a file.
The developer commands (``bench``, ``torture``, ``crash-test``) live in ``app.devtools.cli``
and are added only when ``app.devtools`` is importable: a source checkout has it, the wheel a
shop PC installs leaves it out.
Shared options (``--db``, ``--demo``, ``--lang``) are parsed by main.py; ``open_database(args)``
gives the Database they select.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from types import ModuleType

from app.terminal import resolve_database_url
from db.engine import Database
from db.migrate import SchemaState, schema_status


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


def open_database(args: argparse.Namespace) -> Database:
    """The Database selected by ``--db``/``--demo``/environment/terminal file (its connections
    are closed by ``close_databases`` when main() ends the command)."""
    database = Database(resolve_database_url(getattr(args, "db", None),
                                             demo=getattr(args, "demo", False)))
    _opened.append(database)
    return database


def close_databases() -> None:
    """Close the pooled connections of every Database ``open_database`` gave out."""
    while _opened:
        _opened.pop().dispose()


def require_current_schema(database: Database) -> int | None:
    """None when the schema is current; else print why and return an exit code."""
    status = schema_status(database)
    if status.state is SchemaState.CURRENT:
        return None
    msg = {
        SchemaState.AHEAD: "was written by a newer Bayline ({rev}); update this program",
        SchemaState.BEHIND: "needs `main.py db upgrade` (at {rev})",
        SchemaState.EMPTY: "is empty; run `main.py db upgrade` first",
        SchemaState.FOREIGN: "is not a Bayline database",
    }[status.state].format(rev=status.database_revision)
    print(f"The database {database.describe()} {msg}.", file=sys.stderr)
    return 2
