"""``gallery``: every screen and dialog on demo data, and every document, as PNG per language.

The pictures are taken by ``python -m ui.devtools.gallery`` (app/ never imports Qt): this
command checks the database, then runs that module offscreen and passes its exit code on.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from app.cli import open_database, require_current_schema
from app.devtools.bench.scenarios import PROJECT_ROOT, probe_env

NAME = "gallery"
HELP = ("open every screen and dialog on demo data in each language at 1366x768 and save a "
        "PNG of each, every document too, and list the layout problems found")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for <lang>/<screen>.png and layout-problems.txt")
    parser.add_argument("--only", default="", metavar="TEXT",
                        help="only the screens whose name contains TEXT (e.g. order, doc)")
    parser.add_argument("--languages", default="zh_CN,zh_TW,en", metavar="LIST",
                        help="comma-separated languages (default zh_CN,zh_TW,en)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when a layout problem was found")


def run(args: argparse.Namespace) -> int:
    database = open_database(args, must_exist=True)  # never a new empty file
    if (code := require_current_schema(database)) is not None:
        return code
    url = database.url.render_as_string(hide_password=False)
    database.dispose()
    command = [sys.executable, "-m", "ui.devtools.gallery", "--db", url, "--out",
               str(args.out), "--only", args.only, "--languages", args.languages]
    if args.strict:
        command.append("--strict")
    return subprocess.call(command, cwd=PROJECT_ROOT, env=probe_env())
