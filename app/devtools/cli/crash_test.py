"""``crash-test``: kill a working terminal again and again; the database must stay whole."""

from __future__ import annotations

import argparse

from app.devtools.cli._stress import (
    add_report_options,
    explicit_database_url,
    positive,
    refuse,
    report,
)

NAME = "crash-test"
HELP = ("kill -9 a TEST terminal at random moments of settlement, payment and stock issue "
        "(and on PostgreSQL terminate its backend mid-transaction), checking the database "
        "after each; exit 1 on any anomaly. Takes only an empty database or one it created "
        "(refuses any other, exit 2)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kills", type=positive, default=200, help="SIGKILLs (default 200)")
    parser.add_argument("--terminations", type=positive,
                        help="PostgreSQL backend terminations (default: kills / 4, at least 2)")
    parser.add_argument("--max-delay", type=float, default=0.6,
                        help="longest time the worker runs before it is killed (s)")
    add_report_options(parser)


def run(args: argparse.Namespace) -> int:
    from app.devtools.marker import NotADevtoolsDatabase
    from app.devtools.torture.crash import print_progress, run_crash_test

    url = explicit_database_url(args, NAME)
    if url is None:
        return 2
    try:
        summary = run_crash_test(url, kills=args.kills, terminations=args.terminations,
                                 seed=args.seed, max_delay=args.max_delay,
                                 progress=None if args.quiet else print_progress)
    except NotADevtoolsDatabase as exc:
        return refuse(exc)
    return report(args, summary)
