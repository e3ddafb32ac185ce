"""``doctor``: check the installation."""

from __future__ import annotations

import argparse

from app.cli import open_database

NAME = "doctor"
HELP = ("check the installation: database reachable, schema current, CJK font found, SQLite "
        "file not on a network share")


def configure(parser: argparse.ArgumentParser) -> None:
    """No options of its own."""


def run(args: argparse.Namespace) -> int:
    from app.doctor import run_checks

    failed = 0
    for check in run_checks(open_database(args, read_only=True)):
        mark = "ok  " if check.ok else ("warn" if check.warning_only else "FAIL")
        failed += 0 if check.ok or check.warning_only else 1
        print(f"[{mark}] {check.name}: {check.detail}")
    return 1 if failed else 0
