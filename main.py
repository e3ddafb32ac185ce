#!/usr/bin/env python3
"""Bayline — after-sales point of service for car dealerships and repair shops.

Run without a command to start the desktop app; the commands below run without Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.cli import (
    close_databases,
    command_modules,
    exit_codes,
    last_database,
    message_language,
    open_database,
    refuse_foreign,
    require_current_schema,
)
from app.cli.failures import INTERRUPTED, UNEXPECTED, CliError, explain
from app.i18n import translate
from db.migrate import SchemaState, schema_status, upgrade

EPILOG = """\
database selection: --db URL, else $BAYLINE_DB_URL, else [database] url in the terminal file
(terminal.ini in the user config directory), else a SQLite file in the user data directory.
URLs: a file path or sqlite:///path for SQLite; postgresql://user@host/dbname for a LAN server.
Each command has its own --help.

exit codes: 0 done, 1 findings (checks failed, problems found), 2 bad arguments or input,
3 database unusable (unreachable, not a database, missing, not Bayline's, schema too old or
too new), 4 disk or file error (full, no permission), 70 unexpected error (details in the log
file), 130 interrupted.
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
    refuse_foreign(args)  # another program's SQLite file is left exactly as it is
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
    """Run the command in ``argv``; its exit code (``app.cli.exit_codes``). A failure ends
    with one line in the user's language, never a traceback (argparse's usage errors exit 2
    through SystemExit, with its usage text)."""
    args: argparse.Namespace | None = None
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            return run_gui(args)
        module = next(m for m in command_modules() if args.command == m.NAME)
        return int(module.run(args))
    except KeyboardInterrupt:
        print(translate(INTERRUPTED, message_language(args)), file=sys.stderr)
        return exit_codes.INTERRUPTED
    except Exception as exc:
        return report_failure(exc, message_language(args))
    finally:
        try:
            close_databases()  # an unclosed connection is left to the garbage collector
        except Exception as exc:  # a server gone away while closing: nothing left to do
            log_failure(exc)


def report_failure(exc: Exception, lang: str) -> int:
    """Print the one-line message for ``exc`` (the traceback goes to the log file); the
    exit code."""
    failure = explain(exc, last_database())
    if failure is None:  # a bug: its traceback goes to the log file, not the terminal
        log = log_failure(exc)
        failure = CliError(exit_codes.INTERNAL, UNEXPECTED, kind=type(exc).__name__,
                           log=str(log) if log else "-")
    print(failure.message(lang), file=sys.stderr)
    return failure.code


def log_failure(exc: BaseException) -> Path | None:
    """Append ``exc`` with its traceback to the app's log file (the one ui.logging_setup
    names); the file's path, or None when it cannot be written (the disk may be the
    problem)."""
    import logging
    import traceback

    try:
        from ui.logging_setup import LOG_FILE_NAME, log_directory

        folder = log_directory()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        handler = logging.FileHandler(path, encoding="utf-8")
    except Exception:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logger = logging.getLogger("cli")
    logger.addHandler(handler)
    try:
        logger.error("command line %s failed\n%s", sys.argv[1:], "".join(
            traceback.format_exception(type(exc), exc, exc.__traceback__)))
    finally:
        logger.removeHandler(handler)
        handler.close()
    return path


if __name__ == "__main__":
    sys.exit(main())
