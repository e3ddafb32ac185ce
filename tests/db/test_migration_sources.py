"""Migrations are frozen history: they hold their own DDL and import nothing from live code.

A migration that imports ``db.search_index`` or ``db.types`` changes what it does (and what an
old database is upgraded through) whenever that live module is edited; so none may.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from db.migrate import MIGRATIONS_DIR

LIVE_PACKAGES = frozenset({"app", "db", "ui"})
MIGRATION_FILES = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))


def live_imports(source: str) -> list[str]:
    """The modules of the project's own packages that ``source`` imports (anywhere in it)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # a relative import inside versions/ would reach into db.migrations: live code too
            names = [("." * node.level) + (node.module or "")]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
              and getattr(node.func, "id", getattr(node.func, "attr", "")) in
              ("import_module", "__import__") and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names = [node.args[0].value]
        else:
            continue
        found += [n for n in names if n.startswith(".") or n.split(".")[0] in LIVE_PACKAGES]
    return found


def test_there_are_migrations_to_check() -> None:
    assert len(MIGRATION_FILES) >= 2


@pytest.mark.parametrize("path", MIGRATION_FILES, ids=lambda p: p.name)
def test_migration_imports_no_live_code(path: Path) -> None:
    assert live_imports(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("source", [
    "import db.types",
    "from db import search_index",
    "from app.vehicles.service import change_owner",
    "import ui",
    "from . import helpers",
    "def upgrade():\n    from db.search_index import sqlite_statements\n",
    "import importlib\nimportlib.import_module('db.types')",
])
def test_the_import_check_sees_live_imports(source: str) -> None:
    assert live_imports(source) != []


def test_the_import_check_allows_libraries() -> None:
    source = "import sqlalchemy as sa\nfrom alembic import op\nimport dbm\nimport application\n"
    assert live_imports(source) == []
