"""``bench``: time the main scenarios against a database, each beside a bare baseline."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import open_database, require_current_schema

NAME = "bench"
HELP = ("time search, order, board, parts issue, settlement, invoice PDF, Excel export and cold "
        "start (p50/p95 ms, bare baselines in the same run); writes JSON and prints a table. "
        "Adds committed test orders and invoices of its own: use a benchmark database")


def configure(parser: argparse.ArgumentParser) -> None:
    from app.devtools.bench.names import SCENARIO_NAMES

    parser.add_argument("--db", dest="bench_db", metavar="URL",
                        help="database URL or SQLite file path (same as the global --db)")
    parser.add_argument("--size", choices=["store", "large"],
                        help="which benchmark data set the database holds (recorded in the "
                             "JSON)")
    parser.add_argument("--json", metavar="FILE", type=Path, help="write the results here")
    parser.add_argument("--scenarios", metavar="A,B",
                        help="run only these (default all): " + ", ".join(SCENARIO_NAMES))
    parser.add_argument("--quick", action="store_true",
                        help="a few iterations only (to check that everything runs)")
    parser.add_argument("--seed", type=int, default=1, help="sampling seed (default 1)")
    parser.add_argument("--verify", action="store_true",
                        help="afterwards re-check the document chain and the stock ledger")


def run(args: argparse.Namespace) -> int:
    from app.devtools.bench.fixtures import BenchError
    from app.devtools.bench.runner import format_table, run_bench

    if args.bench_db:
        args.db = args.bench_db
    database = open_database(args, must_exist=True)
    if (code := require_current_schema(database)) is not None:
        return code
    chosen = [s.strip() for s in args.scenarios.split(",") if s.strip()] \
        if args.scenarios else None
    print(f"bench on {database.describe()}", file=sys.stderr)
    try:
        report = run_bench(database, scenarios=chosen, quick=args.quick, size=args.size,
                           seed=args.seed,
                           progress=lambda key: print(f"  {key} …", file=sys.stderr,
                                                      flush=True))
    except (BenchError, ValueError) as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    finally:
        database.dispose()
    code = 0
    if args.verify:
        report["integrity"] = _verify(database)
        code = 1 if any(report["integrity"].values()) else 0
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    print(format_table(report))
    return code


def _verify(database: object) -> dict[str, int]:
    from app.fiscal.verify import verify_chain
    from app.parts.stock import verify_ledger

    with database.reading() as session:  # type: ignore[attr-defined]
        return {"document_chain_problems": len(verify_chain(session)),
                "stock_ledger_problems": len(verify_ledger(session))}
