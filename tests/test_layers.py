"""The layers ui/ → app/ → db/, checked on every import of every module (also imports inside
functions and under ``if TYPE_CHECKING:``), read with ``ast`` so nothing is imported.

- app/ and db/ never import Qt (PySide6, shiboken6) nor ui/.
- ui/ never imports SQLAlchemy nor the models: it talks to app/ services and gets plain
  read models back. Of db/ it may use only ``db.enums`` and, from ``db.engine``, ``Database``
  (which the screens open sessions on) and ``Session`` for annotations only (under
  ``TYPE_CHECKING``: the operation helper hands a session to the service call).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QT = ("PySide6", "shiboken6")
UI_MAY_USE_FROM_DB = {"db.enums": None, "db.engine": {"Database", "Session"}}
UI_ANNOTATION_ONLY = {("db.engine", "Session")}


@dataclass(frozen=True)
class Import:
    module: str  # absolute dotted name
    names: tuple[str, ...]  # for ``from module import a, b``; empty for ``import module``
    line: int
    type_checking: bool  # inside ``if TYPE_CHECKING:``


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(path: Path, root: Path) -> list[Import]:
    """Every import statement in the file, wherever it stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path, root)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, type_checking: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend(Import(a.name, (), node.lineno, type_checking) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: resolve against this module's package
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            found.append(Import(module, tuple(a.name for a in node.names), node.lineno,
                                type_checking))
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, type_checking)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, type_checking)

    visit(tree, False)
    return found


def _within(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _ui_import_problem(imp: Import) -> str | None:
    if _within(imp.module, "sqlalchemy"):
        return "SQLAlchemy"
    if imp.module == "db" and not imp.names:
        return "the db package"
    if imp.module == "db":  # from db import x: x is a module of db
        modules = [f"db.{name}" for name in imp.names]
    elif _within(imp.module, "db"):
        modules = [imp.module]
    else:
        return None
    for module in modules:
        if module not in UI_MAY_USE_FROM_DB:
            return module
        allowed = UI_MAY_USE_FROM_DB[module]
        if allowed is None or imp.module == "db":
            continue
        for name in imp.names:
            if name not in allowed:
                return f"{module}.{name}"
            if (module, name) in UI_ANNOTATION_ONLY and not imp.type_checking:
                return f"{module}.{name} outside TYPE_CHECKING"
    return None


def violations(root: Path) -> list[str]:
    """``path:line: what`` for every import that crosses a layer the wrong way."""
    problems: list[str] = []
    for layer in ("app", "db", "ui"):
        for path in sorted((root / layer).rglob("*.py")):
            where = path.relative_to(root).as_posix()
            for imp in imports_of(path, root):
                if layer in ("app", "db"):
                    if _within(imp.module, *QT):
                        problems.append(f"{where}:{imp.line}: {layer}/ imports Qt ({imp.module})")
                    elif _within(imp.module, "ui"):
                        problems.append(f"{where}:{imp.line}: {layer}/ imports ui ({imp.module})")
                else:
                    problem = _ui_import_problem(imp)
                    if problem:
                        problems.append(f"{where}:{imp.line}: ui/ imports {problem}")
    return problems


def test_the_code_keeps_its_layers() -> None:
    assert violations(ROOT) == []


def test_the_scan_sees_every_module() -> None:
    """A sanity check that the walk covers the real tree (an empty scan would pass anything)."""
    ui_imports = [i for p in (ROOT / "ui").rglob("*.py") for i in imports_of(p, ROOT)]
    assert len(list((ROOT / "app").rglob("*.py"))) > 50
    assert any(_within(i.module, "PySide6") for i in ui_imports)
    assert any(i.module == "db.engine" and "Database" in i.names for i in ui_imports)


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_checker_finds_each_kind_of_violation(tmp_path: Path) -> None:
    for layer in ("app", "db", "ui"):
        _write(tmp_path, f"{layer}/__init__.py", "")
    _write(tmp_path, "app/fine.py", "import sqlalchemy\nfrom db.models import Order\n")
    _write(tmp_path, "app/qt.py", "def f():\n    from PySide6.QtCore import QObject\n")
    _write(tmp_path, "app/shib.py", "import shiboken6\n")
    _write(tmp_path, "app/up.py", "if True:\n    import ui.widgets\n")
    _write(tmp_path, "db/rel.py", "from ..ui import pages\n")
    _write(tmp_path, "ui/ok.py",
           "from typing import TYPE_CHECKING\nfrom db.engine import Database\n"
           "from db.enums import LineType\nfrom db import enums\nimport PySide6\n"
           "if TYPE_CHECKING:\n    from db.engine import Session\n")
    _write(tmp_path, "ui/sa.py", "class A:\n    def m(self):\n        import sqlalchemy as sa\n")
    _write(tmp_path, "ui/orm.py", "from sqlalchemy.orm import Session\n")
    _write(tmp_path, "ui/models.py", "from db.models.orders import RepairOrder\n")
    _write(tmp_path, "ui/pkg/__init__.py", "from ...db import models\n")
    _write(tmp_path, "ui/session.py", "from db.engine import Session\n")
    _write(tmp_path, "ui/types.py", "from db.types import Money\n")

    assert sorted(violations(tmp_path)) == [
        "app/qt.py:2: app/ imports Qt (PySide6.QtCore)",
        "app/shib.py:1: app/ imports Qt (shiboken6)",
        "app/up.py:2: app/ imports ui (ui.widgets)",
        "db/rel.py:1: db/ imports ui (ui)",
        "ui/models.py:1: ui/ imports db.models.orders",
        "ui/orm.py:1: ui/ imports SQLAlchemy",
        "ui/pkg/__init__.py:1: ui/ imports db.models",
        "ui/sa.py:3: ui/ imports SQLAlchemy",
        "ui/session.py:1: ui/ imports db.engine.Session outside TYPE_CHECKING",
        "ui/types.py:1: ui/ imports db.types",
    ]
