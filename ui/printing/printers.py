"""The printer this terminal last used for each kind of document ([printers] in terminal.ini)."""

from __future__ import annotations

import configparser
import os
import tempfile
from pathlib import Path

from app.terminal import config_path

SECTION = "printers"


def _read(path: Path) -> configparser.ConfigParser:
    # No interpolation: printer names may contain '%'.
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    return parser


def remembered_printer(kind: str, path: Path | None = None) -> str:
    """The printer chosen last time for documents of ``kind`` on this terminal ('' if none)."""
    try:
        parser = _read(path or config_path())
    except configparser.Error:
        return ""
    return parser.get(SECTION, kind, fallback="").strip()


def remember_printer(kind: str, printer: str, path: Path | None = None) -> None:
    """Store ``printer`` for ``kind``; the rest of the terminal file is kept as it was."""
    target = path or config_path()
    parser = _read(target)
    if not parser.has_section(SECTION):
        parser.add_section(SECTION)
    parser.set(SECTION, kind, printer.strip())
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".terminal-", suffix=".ini", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            parser.write(fh)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
