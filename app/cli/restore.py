"""``restore``: restore a backup into a new database, then check it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.cli import exit_codes, message_language

NAME = "restore"
HELP = ("restore BACKUP into a NEW database (--to; refuses one that holds data), then re-check "
        "the document chain and the stock ledger on it; exit 1 on any problem")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, metavar="BACKUP", help="a backup file")
    parser.add_argument("--to", required=True, metavar="URL_OR_PATH",
                        help="the new database: a SQLite file that does not exist yet, or a "
                             "PostgreSQL database that is empty or does not exist yet")


def run(args: argparse.Namespace) -> int:
    from app.backup.restore import restore_backup
    from app.cli import parse_address

    parse_address(args.to)  # an address Bayline cannot use is a usage error (exit 2)
    lang = message_language(args)
    restored = restore_backup(args.backup, args.to, lang)
    for problem in restored.document_problems + restored.ledger_problems:
        print(problem)
    print(json.dumps({
        "restored_into": restored.target,
        "rows": sum(restored.counts.values()),
        "rows_as_backed_up": None if restored.expected_counts is None
        else sum(restored.expected_counts.values()),
        "document_chain_problems": len(restored.document_problems),
        "stock_ledger_problems": len(restored.ledger_problems)}, ensure_ascii=False))
    return exit_codes.OK if restored.clean else exit_codes.FINDINGS
