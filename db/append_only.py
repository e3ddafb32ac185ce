"""Tables the database itself keeps append-only: issued documents, payments, the stock ledger,
the audit log and closed tills.

A row of ``invoice`` (credit notes too), ``invoice_line``, ``payment``, ``stock_movement`` or
``audit_entry`` is written once and never changed or deleted: a mistake is reversed by a new
row (a credit note, a reversing movement). A ``till_session`` row is changed while the till is
open (closing it fills in the count) and never again once closed; no till row is deleted.
No column of these tables changes after insert, so nothing is left out of the hash chain.

Triggers refuse the rest on both databases (on PostgreSQL also ``TRUNCATE``); they are
created by migration 0005, which holds its own frozen copy of this DDL; the models carry the
same (``db/models/__init__.py``) and tests/db/test_schema_rules.py checks that both agree.
On PostgreSQL the application role has no UPDATE/DELETE/TRUNCATE privilege on them either
(``app/cli/create_roles.py``); a superuser or the tables' owner can still disable triggers,
which is what the hash chain and its anchors are for.

``refused_change`` recognises the refusal behind an ``IntegrityError`` on both databases.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

GUARD = "append_only"
#: Never changed, never deleted.
TABLES = ("invoice", "invoice_line", "payment", "stock_movement", "audit_entry")
#: Changed while ``status = 'open'``; never once closed; never deleted.
TILL = "till_session"
ALL_TABLES = (*TABLES, TILL)


def _changed(table: str) -> str:
    return f"{GUARD}: {table} rows are never changed"


def _deleted(table: str) -> str:
    return f"{GUARD}: {table} rows are never deleted"


_CLOSED_TILL = f"{GUARD}: a closed till_session is never changed"


def _sqlite(table: str) -> tuple[str, ...]:
    update_when = " WHEN OLD.status <> 'open'" if table == TILL else ""
    update_message = _CLOSED_TILL if table == TILL else _changed(table)
    return (
        f"CREATE TRIGGER {GUARD}_{table}_bu BEFORE UPDATE ON {table}{update_when} "
        f"BEGIN SELECT RAISE(ABORT, '{update_message}'); END",
        f"CREATE TRIGGER {GUARD}_{table}_bd BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{_deleted(table)}'); END",
    )


#: table -> the SQLite triggers created with it.
SQLITE_TRIGGERS: dict[str, tuple[str, ...]] = {t: _sqlite(t) for t in ALL_TABLES}



def _raise(indent: int) -> str:
    pad = " " * indent
    return (f"{pad}RAISE EXCEPTION USING ERRCODE = 'restrict_violation', CONSTRAINT = '{GUARD}',\n"
            f"{pad}  MESSAGE = ")


#: Created before the tables (the triggers call them).
POSTGRESQL_FUNCTIONS = (
    f"CREATE FUNCTION {GUARD}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    f"{_raise(2)}format('{GUARD}: %s rows are never %s', TG_TABLE_NAME,\n"
    "        CASE TG_OP WHEN 'UPDATE' THEN 'changed' WHEN 'DELETE' THEN 'deleted'\n"
    "        ELSE 'truncated' END);\n"
    "END $$",
    f"CREATE FUNCTION {GUARD}_till_session() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_OP = 'UPDATE' AND OLD.status = 'open' THEN\n"
    "    RETURN NEW;\n"
    "  END IF;\n"
    "  IF TG_OP = 'UPDATE' THEN\n"
    f"{_raise(4)}'{_CLOSED_TILL}';\n"
    "  END IF;\n"
    f"{_raise(2)}'{_deleted(TILL)}';\n"
    "END $$",
)


def _postgresql(table: str) -> tuple[str, ...]:
    row_function = f"{GUARD}_till_session" if table == TILL else f"{GUARD}_refuse"
    return (
        f"CREATE TRIGGER {GUARD}_{table} BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {row_function}()",
        f"CREATE TRIGGER {GUARD}_{table}_truncate BEFORE TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {GUARD}_refuse()",
    )


#: table -> the PostgreSQL triggers created with it.
POSTGRESQL_TRIGGERS: dict[str, tuple[str, ...]] = {t: _postgresql(t) for t in ALL_TABLES}

POSTGRESQL_DROP = (
    f"DROP FUNCTION IF EXISTS {GUARD}_till_session() CASCADE",
    f"DROP FUNCTION IF EXISTS {GUARD}_refuse() CASCADE",
)


def refused_change(error: IntegrityError) -> bool:
    """True when ``error`` is an append-only trigger refusing an UPDATE, DELETE or TRUNCATE."""
    orig = error.orig
    diag = getattr(orig, "diag", None)
    if diag is not None:  # psycopg: the trigger's CONSTRAINT
        return bool(diag.constraint_name == GUARD)
    return str(orig).startswith(f"{GUARD}:")
