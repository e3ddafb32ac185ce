"""``crash-test``: kill a working terminal again and again; the database must stay whole."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from db.engine import normalise_url

NAME = "crash-test"
HELP = ("kill -9 a TEST terminal at random moments of settlement, payment and stock issue "
        "(and on PostgreSQL terminate its backend mid-transaction), checking the database "
        "after each; exit 1 on any anomaly")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kills", type=int, default=200, help="SIGKILLs (default 200)")
    parser.add_argument("--terminations", type=int,
                        help="PostgreSQL backend terminations (default: kills / 4, at least 2)")
    parser.add_argument("--seed", type=int, help="random seed (default: random)")
    parser.add_argument("--max-delay", type=float, default=0.6,
                        help="longest time the worker runs before it is killed (s)")
    parser.add_argument("--json", metavar="FILE", help="also write the summary to FILE")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def run(args: argparse.Namespace) -> int:
    from app.torture.crash import print_progress, run_crash_test

    if not args.db:
        print("crash-test writes test data: name the database explicitly with --db URL.",
              file=sys.stderr)
        return 2
    url = normalise_url(args.db).render_as_string(hide_password=False)
    summary = run_crash_test(url, kills=args.kills, terminations=args.terminations,
                             seed=args.seed, max_delay=args.max_delay,
                             progress=None if args.quiet else print_progress)
    if not args.quiet:
        print(file=sys.stderr)
    text = json.dumps(summary, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 1 if summary["anomalies"] else 0
