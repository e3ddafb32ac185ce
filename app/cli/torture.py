"""``torture``: many terminal processes on one database at once, then the invariants."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from db.engine import normalise_url

NAME = "torture"
HELP = ("stress a TEST database with several terminal processes (reception, parts, cashier) "
        "doing real work at once, then check the invariants; exit 1 on any anomaly")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--terminals", type=int, default=8,
                        help="terminal processes (default 8)")
    parser.add_argument("--ops", type=int, default=5000,
                        help="operations (transactions) in all (default 5000)")
    parser.add_argument("--seed", type=int, help="random seed (default: random)")
    parser.add_argument("--json", metavar="FILE", help="also write the summary to FILE")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def run(args: argparse.Namespace) -> int:
    from app.torture.run import print_progress, run_torture

    if not args.db:
        print("torture writes test data: name the database explicitly with --db URL.",
              file=sys.stderr)
        return 2
    url = normalise_url(args.db).render_as_string(hide_password=False)
    summary = run_torture(url, terminals=args.terminals, ops=args.ops, seed=args.seed,
                          progress=None if args.quiet else print_progress)
    if not args.quiet:
        print(file=sys.stderr)
    text = json.dumps(summary, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 1 if summary["anomalies"] else 0
