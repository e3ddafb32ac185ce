"""What Alembic's comparison cannot see: CHECK constraints, server defaults, index predicates
and triggers, reflected from a live database so that two schemas can be compared.

``tests/db/test_schema_rules.py`` builds the models' schema (``create_all``) in one empty
database and the migrations' (``upgrade head``) in another, and compares what the database
itself reports for both, by name and normalised SQL text. Letting the same database render both
sides makes the comparison exact: PostgreSQL rewrites ``kind IN ('a', 'b')`` into
``(kind)::text = ANY (...)`` on both alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import Connection, inspect, text

from db.search_index import FTS_TABLE, is_search_accelerator

SKIPPED_TABLES = frozenset({"alembic_version"})


def normalise_sql(sql: object) -> str:
    """Collapse whitespace, drop spaces inside parentheses and redundant outer parentheses."""
    out = re.sub(r"\s+", " ", str(sql)).strip()
    out = re.sub(r"\(\s+", "(", out)
    out = re.sub(r"\s+\)", ")", out)
    while out.startswith("(") and out.endswith(")") and _wraps_whole(out):
        out = out[1:-1].strip()
    return out


def _wraps_whole(sql: str) -> bool:
    depth = 0
    quoted = False
    for i, char in enumerate(sql):
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
            if depth == 0 and i != len(sql) - 1:
                return False
    return True


@dataclass
class SchemaRules:
    """The rules a database enforces beyond tables, columns and foreign keys."""

    checks: dict[tuple[str, str], str] = field(default_factory=dict)  # (table, name) -> sql
    defaults: dict[tuple[str, str], str | None] = field(default_factory=dict)  # (table, column)
    indexes: dict[tuple[str, str], str] = field(default_factory=dict)  # (table, name) -> shape
    triggers: dict[str, str] = field(default_factory=dict)  # name -> definition


def reflect_rules(conn: Connection) -> SchemaRules:
    """Reflect the CHECK constraints, server defaults, indexes and triggers of ``conn``."""
    insp = inspect(conn)
    dialect = conn.dialect.name
    rules = SchemaRules()
    for table in sorted(insp.get_table_names()):
        if table in SKIPPED_TABLES or is_search_accelerator(table, "table"):
            continue
        for check in insp.get_check_constraints(table):
            rules.checks[(table, check["name"] or "?")] = normalise_sql(check["sqltext"])
        for column in insp.get_columns(table):
            default = column.get("default")
            rules.defaults[(table, column["name"])] = (None if default is None
                                                       else normalise_sql(default))
        for index in insp.get_indexes(table):
            name = index["name"] or "?"
            if is_search_accelerator(name, "index"):
                continue
            where = (index.get("dialect_options") or {}).get(f"{dialect}_where")
            shape = (f"{'UNIQUE ' if index['unique'] else ''}"
                     f"({', '.join(str(c) for c in index['column_names'])})")
            if where is not None:
                shape += f" WHERE {normalise_sql(where)}"
            rules.indexes[(table, name)] = shape
    rules.triggers = _triggers(conn)
    return rules


def _triggers(conn: Connection) -> dict[str, str]:
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        return {name: normalise_sql(sql) for name, sql in rows
                if not name.startswith(FTS_TABLE)}
    rows = conn.execute(text(
        "SELECT t.tgname, pg_get_triggerdef(t.oid), p.proname, p.prosrc "
        "FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
        "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE NOT t.tgisinternal AND n.nspname = current_schema()"))
    return {name: normalise_sql(f"{definition}; FUNCTION {function}: {source}")
            for name, definition, function, source in rows}


def compare_rules(database: SchemaRules, models: SchemaRules) -> list[str]:
    """Every difference between the two, as readable lines (empty when they agree)."""
    problems: list[str] = []
    for kind in ("checks", "defaults", "indexes", "triggers"):
        ours: dict = getattr(database, kind)
        theirs: dict = getattr(models, kind)
        for key in sorted(ours.keys() | theirs.keys(), key=str):
            if key not in theirs:
                problems.append(f"{kind} {key}: only in the database: {ours[key]!r}")
            elif key not in ours:
                problems.append(f"{kind} {key}: only in the models: {theirs[key]!r}")
            elif ours[key] != theirs[key]:
                problems.append(f"{kind} {key}: database {ours[key]!r} != models {theirs[key]!r}")
    return problems
