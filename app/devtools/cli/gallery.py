"""``gallery``: every screen and dialog on demo data, and every document, as PNG per language."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.cli import open_database, require_current_schema

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
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import prepare
    from ui.devtools.gallery import run_gallery

    prepare("en")
    languages = tuple(lang.strip() for lang in args.languages.split(",") if lang.strip())
    problems = run_gallery(database, args.out, languages, args.only,
                           report=lambda line: print(line, file=sys.stderr))
    print(f"{problems} layout problem(s); pictures in {args.out}")
    return 1 if problems and args.strict else 0
