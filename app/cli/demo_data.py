"""``demo-data``: fill an empty database with deterministic demo data."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from types import ModuleType

from app.cli import devtools_cli, open_database, refuse_foreign, require_current_schema
from db.engine import Database
from db.migrate import SchemaState, schema_status, upgrade

NAME = "demo-data"
HELP = ("fill an EMPTY database with deterministic demo data (customers, vehicles, parts, a "
        "year of orders, invoices and payments, one user per role)")
# The bulk benchmark data sets live in app.devtools (app/devtools/cli/_bulk.py), which the
# installed product does not have; their names are known here only to say so.
BULK_SIZES = ("store", "large", "bulk-tiny")


def _bulk() -> ModuleType | None:
    """``app.devtools.cli._bulk`` (the benchmark data sets) when the developer tools are
    present, else None."""
    if devtools_cli() is None:
        return None
    from app.devtools.cli import _bulk

    return _bulk


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    if _bulk() is None:
        parser.add_argument("--size", default="demo",
                            help="data set size: tiny or demo (default; through the services)")
        return
    parser.add_argument("--size", default="demo",
                        help="data set size: tiny, demo (default; through the services), or "
                             "the bulk benchmark sets (developer tools) store (one 4S store, "
                             "10 years, 300,000 orders), large (a dealer group: 1,000,000 "
                             "vehicles, 1,000,000 orders) and bulk-tiny (for tests)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="bulk sizes: the day the history ends (default: today)")


def upgrade_demo(database: Database) -> tuple[int, bool]:
    """Bring the demo database's schema up to date: (exit code, True when it has no users
    yet and needs its demo data)."""
    from app.security.users import user_count

    if schema_status(database).state is SchemaState.AHEAD:
        return require_current_schema(database) or 2, False
    upgrade(database)
    with database.reading() as session:
        return 0, user_count(session) == 0


def prepare_demo(database: Database, *, seed: int = 2026, size: str = "demo") -> int:
    """Upgrade the demo database and fill it if it has no users yet; returns an exit code."""
    from app.demo.generate import generate_demo_data

    code, empty = upgrade_demo(database)
    if code or not empty:
        return code
    started = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        print(f"\r  {stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

    print(f"Filling {database.describe()} with demo data (seed {seed}) …", file=sys.stderr)
    summary = generate_demo_data(database, seed=seed, size=size, progress=progress)
    print(f"\n  done in {time.perf_counter() - started:.1f} s: {summary}", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    from app.security.users import user_count

    bulk = _bulk() if args.size in BULK_SIZES else None
    if args.size in BULK_SIZES and bulk is None:
        print(f"demo-data: --size {args.size} is a benchmark data set of the developer tools "
              "(app/devtools), which this installation does not include.", file=sys.stderr)
        return 2
    refuse_foreign(args)
    database = open_database(args)
    if schema_status(database).state is SchemaState.CURRENT:
        with database.reading() as session:
            if user_count(session):
                print("Refusing: this database already has users. Demo data goes only into "
                      "an empty database.", file=sys.stderr)
                return 2
    if bulk is not None:
        return bulk.prepare_bulk(database, seed=args.seed, size=args.size, today=args.today)
    return prepare_demo(database, seed=args.seed, size=args.size)
