"""Substring-search accelerators that live beside the models (created by migration 0002).

Plates, VINs, phone numbers and customer names are searched by any fragment of 3 or more
characters. A plain ``LIKE '%…%'`` scans the whole table (60+ ms at a million vehicles), so:

* SQLite: one FTS5 table with the ``trigram`` tokenizer, kept in step by triggers. Its rowid
  encodes what a row points at: ``id * 4 + KIND`` (0 vehicle, 1 customer, 2 phone → customer),
  so triggers update it by rowid (no scan) and a hit decodes without a join.
* PostgreSQL: the ``pg_trgm`` extension and GIN trigram indexes on the same columns; the
  planner uses them for ``LIKE '%…%'`` directly.

These objects are not SQLAlchemy models; ``is_search_accelerator`` tells the schema
comparison (tests/db/test_migrations.py, Alembic autogenerate) to leave them alone.
"""

from __future__ import annotations

FTS_TABLE = "search_trigram"
KIND_VEHICLE, KIND_CUSTOMER, KIND_PHONE = 0, 1, 2
PG_INDEXES = {
    "trgm_vehicle_plate": ("vehicle", "plate"),
    "trgm_vehicle_vin": ("vehicle", "vin"),
    "trgm_customer_name": ("customer", "name"),
    "trgm_customer_phone_number": ("customer_phone", "number"),
}

_SQLITE_SOURCES = {
    # table: (kind, text expression over NEW/OLD row as {r})
    "vehicle": (KIND_VEHICLE, "{r}.plate || ' ' || coalesce({r}.vin, '')"),
    "customer": (KIND_CUSTOMER, "{r}.name"),
    "customer_phone": (KIND_PHONE, "{r}.number"),
}


def is_search_accelerator(name: str | None, type_: str) -> bool:
    """True for the objects this module creates (FTS5 tables and shadow tables, trgm indexes)."""
    if not name:
        return False
    return name.startswith(FTS_TABLE) or name in PG_INDEXES


def sqlite_statements() -> list[str]:
    """DDL creating and back-filling the FTS5 trigram table and its triggers."""
    stmts = [f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, tokenize='trigram')"]
    for table, (kind, expr) in _SQLITE_SOURCES.items():
        rowid = "{r}.id * 4 + " + str(kind)
        new_row, old_row = rowid.format(r="new"), rowid.format(r="old")
        stmts += [
            f"CREATE TRIGGER {FTS_TABLE}_{table}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES ({new_row}, {expr.format(r='new')}); "
            "END",
            f"CREATE TRIGGER {FTS_TABLE}_{table}_au AFTER UPDATE ON {table} BEGIN "
            f"DELETE FROM {FTS_TABLE} WHERE rowid = {old_row}; "
            f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES ({new_row}, {expr.format(r='new')}); "
            "END",
            f"CREATE TRIGGER {FTS_TABLE}_{table}_ad AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM {FTS_TABLE} WHERE rowid = {old_row}; END",
            f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT {rowid.format(r=table)}, "
            f"{expr.format(r=table)} FROM {table}",
        ]
    return stmts


def sqlite_drop_statements() -> list[str]:
    stmts = [f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{t}_{s}" for t in _SQLITE_SOURCES
             for s in ("ai", "au", "ad")]
    return [*stmts, f"DROP TABLE IF EXISTS {FTS_TABLE}"]


def postgresql_statements() -> list[str]:
    """DDL creating the pg_trgm extension and the GIN trigram indexes."""
    stmts = ["CREATE EXTENSION IF NOT EXISTS pg_trgm"]
    stmts += [f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
              for name, (table, column) in PG_INDEXES.items()]
    return stmts


def postgresql_drop_statements() -> list[str]:
    return [f"DROP INDEX IF EXISTS {name}" for name in PG_INDEXES]
