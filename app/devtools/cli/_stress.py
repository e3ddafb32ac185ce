"""What the ``torture`` and ``crash-test`` commands share: their report options, the explicit
test database they insist on (and the refusal of one they did not create, exit 2), and the
JSON summary they print (exit 1 on any anomaly)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1 (argparse reports anything else)."""
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """``--seed``, ``--json FILE`` and ``--quiet``."""
    parser.add_argument("--seed", type=int, help="random seed (default: random)")
    parser.add_argument("--json", metavar="FILE", help="also write the summary to FILE")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def explicit_database_url(args: argparse.Namespace, command: str) -> str | None:
    """The URL named with ``--db`` (never a default: these commands write test data); an
    address Bayline cannot use raises CliError (exit 2)."""
    from app.cli import open_database

    if not args.db:
        print(f"{command} writes test data: name the database explicitly with --db URL.",
              file=sys.stderr)
        return None
    return open_database(args).url.render_as_string(hide_password=False)


def refuse(exc: Exception) -> int:
    """Say why the database was refused (``app.devtools.marker``); the exit code 2."""
    print(exc, file=sys.stderr)
    return 2


def report(args: argparse.Namespace, summary: dict[str, Any]) -> int:
    """Print the summary as JSON (and write it to ``--json``); 1 when it lists anomalies."""
    if not args.quiet:
        print(file=sys.stderr)
    text = json.dumps(summary, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 1 if summary["anomalies"] else 0
