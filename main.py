#!/usr/bin/env python3
"""Bayline — after-sales point of service for car dealerships and repair shops.

Run without a command to start the desktop app; the commands below run without Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.cli import close_databases, command_modules, open_database, require_current_schema
from db.migrate import SchemaState, schema_status, upgrade

EPILOG = """\
database selection: --db URL, else $BAYLINE_DB_URL, else [database] url in the terminal file
(terminal.ini in the user config directory), else a SQLite file in the user data directory.
URLs: a file path or sqlite:///path for SQLite; postgresql://user@host/dbname for a LAN server.
Each command has its own --help.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=__doc__, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", metavar="URL", help="database URL or SQLite file path")
    parser.add_argument("--demo", action="store_true",
                        help="use the separate demo database (filled with demo data on first "
                             "start)")
    parser.add_argument("--lang", choices=["zh_CN", "zh_TW", "en"],
                        help="language of the interface and messages (default: the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        module.configure(sub.add_parser(module.NAME, help=module.HELP, description=module.HELP))
    return parser


def run_gui(args: argparse.Namespace) -> int:
    """Open the database (preparing it when it is new) and start the desktop app."""
    database = open_database(args)
    fill_demo = False
    if args.demo:
        from app.cli.demo_data import upgrade_demo

        code, fill_demo = upgrade_demo(database)
        if code:
            return code
    else:
        status = schema_status(database)
        if status.state is SchemaState.EMPTY or (
                status.state is SchemaState.BEHIND and database.backend == "sqlite"):
            # A single PC upgrades its own file; a LAN server is upgraded deliberately with
            # `db upgrade`, never by whichever terminal starts first.
            upgrade(database)
        elif (failed := require_current_schema(database)) is not None:
            return failed
    from ui.app import run_gui as start

    return start(database, demo=args.demo, language=args.lang, fill_demo=fill_demo)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return run_gui(args)
        module = next(m for m in command_modules() if args.command == m.NAME)
        return module.run(args)
    finally:
        close_databases()  # an unclosed connection is left to the garbage collector otherwise


if __name__ == "__main__":
    sys.exit(main())
