"""``db upgrade`` / ``db status``: schema migrations."""

from __future__ import annotations

import argparse
import sys

from app.cli import open_database
from db.migrate import SchemaState, SchemaTooNewError, schema_status, upgrade

NAME = "db"
HELP = "schema migrations: `db upgrade`, `db status`"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["upgrade", "status"])


def run(args: argparse.Namespace) -> int:
    database = open_database(args)
    status = schema_status(database)
    if args.action == "status":
        print(f"{database.describe()}: {status.state.value} (database "
              f"{status.database_revision or '-'}, code {status.code_revision})")
        return 0 if status.state is SchemaState.CURRENT else 1
    try:
        upgrade(database)
    except SchemaTooNewError as exc:
        print(f"Refusing: the database is at revision {exc}, newer than this program.",
              file=sys.stderr)
        return 2
    from app.setup.reference import ensure_reference_data

    with database.transaction() as session:
        ensure_reference_data(session)
    print(f"{database.describe()}: schema at {schema_status(database).code_revision}")
    return 0
