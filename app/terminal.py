"""Per-terminal configuration: which database this PC uses (and later printers, role).

Resolution order for the database URL: the ``--db`` flag, the ``BAYLINE_DB_URL`` environment
variable, ``[database] url`` in the terminal file (``terminal.ini`` in the user's config
directory), and finally the SQLite file in the user's data directory.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

from platformdirs import user_config_dir

from db.engine import default_sqlite_path

ENV_VAR = "BAYLINE_DB_URL"


def config_path() -> Path:
    """Where this terminal's settings file lives."""
    return Path(user_config_dir("Bayline", "Bayline")) / "terminal.ini"


def read_config(path: Path | None = None) -> configparser.ConfigParser:
    """The terminal file's contents (empty when there is none)."""
    parser = configparser.ConfigParser()
    parser.read(path or config_path(), encoding="utf-8")
    return parser


def resolve_database_url(flag: str | None, *, demo: bool = False,
                         config: Path | None = None) -> str:
    """The database this process should open (see the module docstring)."""
    if flag:
        return flag
    if demo:
        return str(default_sqlite_path("demo.sqlite"))
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    url = read_config(config).get("database", "url", fallback="").strip()
    return url or str(default_sqlite_path())
