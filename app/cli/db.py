"""``db upgrade`` / ``db status``: schema migrations."""

from __future__ import annotations

import argparse

from app.cli import exit_codes, open_database, refuse_foreign
from db.migrate import SchemaState, schema_status, upgrade

NAME = "db"
HELP = ("schema migrations: `db upgrade` (sets up an empty database or brings a Bayline "
        "database up to date; refuses any other), `db status`")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["upgrade", "status"])


def run(args: argparse.Namespace) -> int:
    if args.action == "status":
        database = open_database(args, read_only=True)
        status = schema_status(database)
        print(f"{database.describe()}: {status.state.value} (database "
              f"{status.database_revision or '-'}, code {status.code_revision})")
        return exit_codes.OK if status.state is SchemaState.CURRENT else exit_codes.FINDINGS
    refuse_foreign(args)
    database = open_database(args)
    upgrade(database)  # refuses a newer or a foreign database (main.py says why, exit 3)
    from app.setup.reference import ensure_reference_data

    with database.transaction() as session:
        ensure_reference_data(session)
    print(f"{database.describe()}: schema at {schema_status(database).code_revision}")
    return exit_codes.OK
