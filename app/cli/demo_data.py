"""``demo-data``: fill an empty database with deterministic demo data."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from app.cli import open_database, require_current_schema
from db.engine import Database
from db.migrate import SchemaState, schema_status, upgrade

NAME = "demo-data"
HELP = ("fill an EMPTY database with deterministic demo data (customers, vehicles, parts, a "
        "year of orders, invoices and payments, one user per role); --size store|large writes "
        "the benchmark data sets in bulk")
BULK_SIZES = ("store", "large", "bulk-tiny")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--size", default="demo",
                        help="data set size: tiny, demo (default; through the services), or "
                             "the bulk benchmark sets store (one 4S store, 10 years, 300,000 "
                             "orders), large (a dealer group: 1,000,000 vehicles, 1,000,000 "
                             "orders) and bulk-tiny (for tests)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="bulk sizes: the day the history ends (default: today)")


def prepare_demo(database: Database, *, seed: int = 2026, size: str = "demo") -> int:
    """Upgrade the demo database and fill it if it has no users yet; returns an exit code."""
    from app.demo.generate import generate_demo_data
    from app.security.users import user_count

    if schema_status(database).state is SchemaState.AHEAD:
        return require_current_schema(database) or 2
    upgrade(database)
    with database.reading() as session:
        if user_count(session):
            return 0
    started = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        print(f"\r  {stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

    print(f"Filling {database.describe()} with demo data (seed {seed}) …", file=sys.stderr)
    summary = generate_demo_data(database, seed=seed, size=size, progress=progress)
    print(f"\n  done in {time.perf_counter() - started:.1f} s: {summary}", file=sys.stderr)
    return 0


def prepare_bulk(database: Database, *, seed: int, size: str, today: date | None) -> int:
    """Upgrade an empty database and bulk-write a benchmark data set; returns an exit code."""
    from app.bulkdata.generate import database_size, generate_bulk_data

    if schema_status(database).state is SchemaState.AHEAD:
        return require_current_schema(database) or 2
    upgrade(database)
    shown = [""]

    def progress(stage: str, done: int, total: int, rows_per_second: float) -> None:
        if stage != shown[0]:
            if shown[0]:
                print(file=sys.stderr)
            shown[0] = stage
        print(f"\r  {stage}: {done:,}/{total:,}  {rows_per_second:,.0f} rows/s   ", end="",
              file=sys.stderr, flush=True)

    print(f"Writing the {size} benchmark data (seed {seed}) into {database.describe()} …",
          file=sys.stderr)
    summary = generate_bulk_data(database, size=size, seed=seed, today=today,
                                 progress=progress)
    print(f"\n  done: {summary}; {database_size(database) / 2**20:,.0f} MiB on disk",
          file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    from app.security.users import user_count

    database = open_database(args)
    if schema_status(database).state is SchemaState.CURRENT:
        with database.reading() as session:
            if user_count(session):
                print("Refusing: this database already has users. Demo data goes only into "
                      "an empty database.", file=sys.stderr)
                return 2
    if args.size in BULK_SIZES:
        return prepare_bulk(database, seed=args.seed, size=args.size, today=args.today)
    return prepare_demo(database, seed=args.seed, size=args.size)
