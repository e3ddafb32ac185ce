#!/usr/bin/env python3
"""Bayline — after-sales point of service for car dealerships and repair shops.

Run without a command to start the desktop app; the commands below run without Qt.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.terminal import resolve_database_url  # noqa: E402
from db.engine import Database  # noqa: E402
from db.migrate import SchemaState, SchemaTooNewError, schema_status, upgrade  # noqa: E402

EPILOG = """\
database selection: --db URL, else $BAYLINE_DB_URL, else [database] url in the terminal file
(terminal.ini in the user config directory), else a SQLite file in the user data directory.
URLs: a file path or sqlite:///path for SQLite; postgresql://user@host/dbname for a LAN server.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=__doc__, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", metavar="URL", help="database URL or SQLite file path")
    parser.add_argument("--demo", action="store_true",
                        help="use the separate demo database (filled with demo data on first "
                             "start)")
    parser.add_argument("--lang", choices=["zh_CN", "zh_TW", "en"],
                        help="user-interface language (default: the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_db = sub.add_parser("db", help="schema migrations: `db upgrade`, `db status`")
    p_db.add_argument("action", choices=["upgrade", "status"])

    p_demo = sub.add_parser("demo-data", help="fill an EMPTY database with deterministic demo "
                                              "data (customers, vehicles, parts, a year of "
                                              "orders, invoices and payments, one user per role)")
    p_demo.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    p_demo.add_argument("--size", default="demo", help="data set size (default: demo)")

    p_user = sub.add_parser("create-user", help="create a user account (the first one may be "
                                                "created on an empty database)")
    p_user.add_argument("--username", required=True)
    p_user.add_argument("--full-name", required=True)
    p_user.add_argument("--role", required=True,
                        help="advisor, cashier, parts_clerk, foreman, technician, "
                             "warranty_clerk, customer_care, service_manager or admin")
    p_user.add_argument("--password-stdin", action="store_true",
                        help="read the password from standard input instead of prompting")

    sub.add_parser("verify-documents", help="re-check the hash chain over every issued "
                                            "invoice, credit note and payment, and the stock "
                                            "ledger; exit 1 on any break")
    sub.add_parser("doctor", help="check the installation: database reachable, schema "
                                  "current, CJK font found, SQLite file not on a network share")
    return parser


def _open(args: argparse.Namespace) -> Database:
    return Database(resolve_database_url(args.db, demo=args.demo))


def _require_current(database: Database) -> int | None:
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


def cmd_db(args: argparse.Namespace) -> int:
    database = _open(args)
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
    with database.transaction() as session:
        from app.setup.reference import ensure_reference_data

        ensure_reference_data(session)
    print(f"{database.describe()}: schema at {schema_status(database).code_revision}")
    return 0


def prepare_demo(database: Database, *, seed: int = 2026, size: str = "demo") -> int:
    """Upgrade and fill the demo database if it is new; returns an exit code."""
    from app.demo.generate import generate_demo_data

    status = schema_status(database)
    if status.state is SchemaState.AHEAD:
        return _require_current(database) or 2
    upgrade(database)
    from app.security.users import user_count

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


def cmd_demo_data(args: argparse.Namespace) -> int:
    database = _open(args)
    from app.security.users import user_count

    if schema_status(database).state is SchemaState.CURRENT:
        with database.reading() as session:
            if user_count(session):
                print("Refusing: this database already has users. Demo data goes only into an "
                      "empty database.", file=sys.stderr)
                return 2
    return prepare_demo(database, seed=args.seed, size=args.size)


def cmd_create_user(args: argparse.Namespace) -> int:
    from app.errors import DomainError
    from app.security.users import SYSTEM_ACTOR, create_user
    from app.setup.reference import ensure_reference_data
    from app.transactions import run_in_transaction

    database = _open(args)
    if (code := _require_current(database)) is not None:
        return code
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Repeat: ") != password:
            print("The passwords differ.", file=sys.stderr)
            return 2

    def action(session):
        ensure_reference_data(session)
        return create_user(session, SYSTEM_ACTOR, username=args.username,
                           full_name=args.full_name, password=password, role=args.role).id

    try:
        user_id = run_in_transaction(database, action)
    except DomainError as exc:
        print(exc.message(args.lang or "en"), file=sys.stderr)
        return 2
    print(f"created user {args.username} (id {user_id}, role {args.role})")
    return 0


def cmd_verify_documents(args: argparse.Namespace) -> int:
    from app.cashier.chain import verify_chain
    from app.parts.stock import verify_ledger

    database = _open(args)
    if (code := _require_current(database)) is not None:
        return code
    with database.reading() as session:
        chain = verify_chain(session)
        ledger = verify_ledger(session)
    for problem in chain + ledger:
        print(problem)
    print(json.dumps({"document_chain_problems": len(chain), "stock_ledger_problems":
                      len(ledger)}))
    return 1 if chain or ledger else 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from app.doctor import run_checks

    failed = 0
    for check in run_checks(_open(args)):
        mark = "ok  " if check.ok else ("warn" if check.warning_only else "FAIL")
        failed += 0 if check.ok or check.warning_only else 1
        print(f"[{mark}] {check.name}: {check.detail}")
    return 1 if failed else 0


def cmd_gui(args: argparse.Namespace) -> int:
    database = _open(args)
    if args.demo:
        code = prepare_demo(database)
        if code:
            return code
    else:
        status = schema_status(database)
        if status.state is SchemaState.EMPTY or (
                status.state is SchemaState.BEHIND and database.backend == "sqlite"):
            upgrade(database)  # a single PC upgrades its own file; a LAN server is upgraded
            # deliberately with `db upgrade`
        elif (code := _require_current(database)) is not None:
            return code
    from ui.app import run_gui

    return run_gui(database, demo=args.demo, language=args.lang)


COMMANDS = {"db": cmd_db, "demo-data": cmd_demo_data, "create-user": cmd_create_user,
            "verify-documents": cmd_verify_documents, "doctor": cmd_doctor}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return COMMANDS.get(args.command, cmd_gui)(args)


if __name__ == "__main__":
    sys.exit(main())
