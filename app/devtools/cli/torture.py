"""``torture``: many terminal processes on one database at once, then the invariants."""

from __future__ import annotations

import argparse

from app.devtools.cli._stress import (
    add_report_options,
    explicit_database_url,
    positive,
    refuse,
    report,
)

NAME = "torture"
HELP = ("stress a TEST database with several terminal processes (reception, parts, cashier) "
        "doing real work at once, then check the invariants; exit 1 on any anomaly. Takes only "
        "an empty database or one it created (refuses any other, exit 2)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--terminals", type=positive, default=8,
                        help="terminal processes (default 8)")
    parser.add_argument("--ops", type=positive, default=5000,
                        help="operations (transactions) in all (default 5000)")
    add_report_options(parser)


def run(args: argparse.Namespace) -> int:
    from app.devtools.marker import NotADevtoolsDatabase
    from app.devtools.torture.run import print_progress, run_torture

    url = explicit_database_url(args, NAME)
    if url is None:
        return 2
    try:
        summary = run_torture(url, terminals=args.terminals, ops=args.ops, seed=args.seed,
                              progress=None if args.quiet else print_progress)
    except NotADevtoolsDatabase as exc:
        return refuse(exc)
    return report(args, summary)
