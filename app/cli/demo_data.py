"""``demo-data``: fill an empty database with deterministic demo data."""

from __future__ import annotations

import argparse
import sys
import time

from app.cli import open_database, require_current_schema
from db.engine import Database
from db.migrate import SchemaState, schema_status, upgrade

NAME = "demo-data"
HELP = ("fill an EMPTY database with deterministic demo data (customers, vehicles, parts, a "
        "year of orders, invoices and payments, one user per role)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--size", default="demo", help="data set size (default: demo)")


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


def run(args: argparse.Namespace) -> int:
    from app.security.users import user_count

    database = open_database(args)
    if schema_status(database).state is SchemaState.CURRENT:
        with database.reading() as session:
            if user_count(session):
                print("Refusing: this database already has users. Demo data goes only into "
                      "an empty database.", file=sys.stderr)
                return 2
    return prepare_demo(database, seed=args.seed, size=args.size)
