"""Writing millions of rows fast: batched executemany on SQLite, COPY on PostgreSQL.

Rows are plain tuples of storage values (money as integer fen, quantities as thousandths,
rates as basis points, timestamps as the text ``TimeText`` gives), in the column order given
to ``BulkWriter.table``. They bypass the ORM and the column types on purpose: the types would
turn every integer into a Decimal and back. The INSERT/COPY statements name the columns of the
SQLAlchemy tables (checked against ``Base.metadata``) and run on the raw driver connection
(``engine.raw_connection()``) in large transactions.

During the load the database is tuned for one writer and no crash safety (SQLite: no journal,
``synchronous=OFF``, foreign key checks off; PostgreSQL: ``synchronous_commit=off``, foreign
key triggers off via ``session_replication_role``), secondary indexes and the substring-search
accelerators are dropped and rebuilt at the end from their own definitions, and the normal
settings come back before ``ANALYZE``. The guards of db.guards hold again after the load: their
unique indexes are rebuilt, and the current-owner rule (its SQLite triggers are dropped for the
load; PostgreSQL's are skipped with the foreign keys) is checked over all rows. A failed load
leaves a half-filled database: load into a new, empty one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from sqlalchemy import Column, Integer
from sqlalchemy.sql.schema import ScalarElementColumnDefault
from sqlalchemy.types import TypeDecorator

from app.devtools.bulkdata.calendar import TimeText
from db import guards, search_index
from db.base import Base
from db.engine import SQLITE_BUSY_TIMEOUT_MS, Database

Row = tuple[Any, ...]
BATCH_ROWS = 20_000
COMMIT_ROWS = 400_000
Progress = Callable[[str, int, int, float], None]


class BulkWriter:
    """Buffers rows per table and writes them in batches inside long transactions."""

    def __init__(self, database: Database, *, batch: int = BATCH_ROWS) -> None:
        self.database = database
        self.backend = database.backend
        self.time = TimeText(self.backend)
        self.batch = batch
        self.counts: dict[str, int] = {}
        self._columns: dict[str, tuple[str, ...]] = {}
        self._statement: dict[str, str] = {}
        self._rows: dict[str, list[Row]] = {}
        self._fill: dict[str, Row] = {}
        self._since_commit = 0
        self._raw: Any = None
        self._driver: Any = None
        self._saved_indexes: list[str] = []
        self._saved_triggers: list[str] = []
        self.started = time.perf_counter()
        self.rows_written = 0

    # --- set-up and tear-down -------------------------------------------------------------

    def open(self) -> None:
        """Take a connection of our own and tune the database for the load."""
        self.database.engine.dispose()  # no other connection may hold the SQLite file open
        self._raw = self.database.engine.raw_connection()
        self._driver = self._raw.driver_connection
        if self.backend == "sqlite":
            for pragma in ("foreign_keys=OFF", "journal_mode=OFF", "synchronous=OFF",
                           "cache_size=-800000", "temp_store=MEMORY"):
                self._driver.execute(f"PRAGMA {pragma}")
            self._driver.execute("BEGIN")
            for statement in search_index.sqlite_drop_statements():
                self._driver.execute(statement)
            # the current-owner triggers (db.guards) would look up every row; checked at the end
            for name, sql in self._driver.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                    "AND name LIKE 'guard%'").fetchall():
                self._saved_triggers.append(sql)
                self._driver.execute(f'DROP TRIGGER "{name}"')
        else:
            with self._driver.cursor() as cur:
                cur.execute("SET synchronous_commit = off")
                cur.execute("SET statement_timeout = 0")  # one COPY may load millions of rows
                cur.execute("SET lock_timeout = 0")
                cur.execute("SET maintenance_work_mem = '512MB'")
                try:
                    cur.execute("SAVEPOINT replica")
                    cur.execute("SET session_replication_role = replica")
                    cur.execute("RELEASE SAVEPOINT replica")
                except Exception:  # not a superuser: foreign keys are checked as rows arrive
                    cur.execute("ROLLBACK TO SAVEPOINT replica")
                for statement in search_index.postgresql_drop_statements():
                    cur.execute(statement)
        self._drop_secondary_indexes()
        self._commit()

    def _drop_secondary_indexes(self) -> None:
        """Drop plain indexes (and, on PostgreSQL, unique constraints); remember their DDL."""
        if self.backend == "sqlite":
            rows = self._driver.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%'").fetchall()
            for name, sql in rows:
                self._saved_indexes.append(sql)
                self._driver.execute(f'DROP INDEX "{name}"')
            return
        with self._driver.cursor() as cur:
            cur.execute(
                "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
                "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                "WHERE n.nspname = 'public' AND c.contype = 'u' ORDER BY 1, 2")
            for table, name, definition in cur.fetchall():
                self._saved_indexes.append(
                    f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
                cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            cur.execute(
                "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
                "JOIN pg_class i ON i.oid = x.indexrelid "
                "JOIN pg_namespace n ON n.oid = i.relnamespace "
                "WHERE n.nspname = 'public' AND NOT x.indisprimary AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) "
                "AND i.relname NOT IN (SELECT unnest(%s::text[])) ORDER BY 1",
                (list(search_index.PG_INDEXES),))
            for name, definition in cur.fetchall():
                self._saved_indexes.append(definition)
                cur.execute(f'DROP INDEX "{name}"')

    def finish(self, progress: Progress | None = None) -> None:
        """Write what is buffered, rebuild indexes and search, restore settings, ANALYZE."""
        self.flush(force=True)
        self._commit()
        report = progress or (lambda *_args: None)
        total = len(self._saved_indexes) + 1
        for done, statement in enumerate(self._saved_indexes):
            report("indexes", done, total, 0.0)
            self._execute(statement)
            self._commit()
        report("indexes", total - 1, total, 0.0)
        self._check_guards()
        if self.backend == "sqlite":
            for statement in _sqlite_search_statements():
                self._driver.execute(statement)
            self._commit(begin=False)
            self._set_sequences()
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                           "cache_size=-2000", "temp_store=DEFAULT",
                           f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}"):
                self._driver.execute(f"PRAGMA {pragma}")
            report("analyze", 0, 1, 0.0)
            self._driver.execute("ANALYZE")
        else:
            with self._driver.cursor() as cur:
                for statement in search_index.postgresql_statements():
                    cur.execute(statement)
            self._set_sequences()
            with self._driver.cursor() as cur:
                cur.execute("RESET session_replication_role")
                cur.execute("RESET synchronous_commit")
            self._driver.commit()
            report("analyze", 0, 1, 0.0)
            self._driver.autocommit = True
            with self._driver.cursor() as cur:
                cur.execute("VACUUM (ANALYZE)")
            self._driver.autocommit = False
            with self._driver.cursor() as cur:
                cur.execute("RESET maintenance_work_mem")
            self._driver.commit()
        report("analyze", 1, 1, 0.0)
        self.close()

    def _check_guards(self) -> None:
        """Put back the triggers the load skipped (db.guards) and check the rows they guard."""
        for statement in self._saved_triggers:
            self._execute(statement)
        if self.backend == "sqlite":
            bad = self._driver.execute(guards.OWNER_MISMATCHES_SQL).fetchmany(5)
        else:
            with self._driver.cursor() as cur:
                cur.execute(guards.OWNER_MISMATCHES_SQL)
                bad = cur.fetchmany(5)
        if bad:
            raise RuntimeError(f"{guards.CURRENT_OWNER}: vehicles {[r[0] for r in bad]} have "
                               "an open ownership of another customer than their owner")
        self._commit()

    def close(self) -> None:
        """Give the connection back (it is not reused: the pool is disposed)."""
        if self._raw is not None:
            self._raw.close()
            self._raw = None
            self.database.engine.dispose()

    def _set_sequences(self) -> None:
        """PostgreSQL: move every id sequence past the largest id (SQLite needs nothing)."""
        if self.backend != "postgresql":
            return
        with self._driver.cursor() as cur:
            for table in Base.metadata.sorted_tables:
                pk = list(table.primary_key.columns)
                if len(pk) != 1 or not isinstance(pk[0].type, Integer) or \
                        pk[0].autoincrement not in (True, "auto"):
                    continue
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                    f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)")
        self._driver.commit()

    # --- rows -----------------------------------------------------------------------------

    def table(self, name: str, columns: Sequence[str]) -> list[Row]:
        """Declare the columns rows of ``name`` come in; returns the list to append rows to.

        Required columns the rows leave out (added to the schema later) get the model's
        scalar default, appended to every row; one without such a default is an error.
        """
        table = Base.metadata.tables[name]
        unknown = [c for c in columns if c not in table.c]
        if unknown:
            raise KeyError(f"{name} has no columns {unknown}")
        filled = [c for c in table.c if c.name not in columns and not c.nullable
                  and c.server_default is None and not c.primary_key]
        self._fill[name] = tuple(self._storage_default(c) for c in filled)
        columns = (*columns, *(c.name for c in filled))
        self._columns[name] = tuple(columns)
        self.counts.setdefault(name, 0)
        quote = self.database.engine.dialect.identifier_preparer.quote
        names = ", ".join(quote(c) for c in columns)
        if self.backend == "sqlite":
            marks = ", ".join("?" for _ in columns)
            self._statement[name] = f"INSERT INTO {quote(name)} ({names}) VALUES ({marks})"
        else:
            self._statement[name] = f"COPY {quote(name)} ({names}) FROM STDIN"
        return self._rows.setdefault(name, [])

    def flush(self, *, force: bool = False) -> None:
        """Write every table buffer holding a batch or more (everything when ``force``)."""
        for name, rows in self._rows.items():
            if rows and (force or len(rows) >= self.batch):
                self._write(name, rows)
                rows.clear()
        if self._since_commit >= COMMIT_ROWS:
            self._commit()

    def _storage_default(self, column: Column[Any]) -> Any:
        default = column.default
        if not isinstance(default, ScalarElementColumnDefault):
            raise KeyError(f"{column.table.name}.{column.name} needs a value (no scalar default)")
        value = default.arg
        if isinstance(column.type, TypeDecorator):
            value = column.type.process_bind_param(value, self.database.engine.dialect)
        return value.value if isinstance(value, Enum) else value

    def _write(self, name: str, rows: list[Row]) -> None:
        fill = self._fill.get(name)
        if fill:
            rows = [row + fill for row in rows]
        if self.backend == "sqlite":
            self._driver.executemany(self._statement[name], rows)
        else:
            with self._driver.cursor() as cur, cur.copy(self._statement[name]) as copy:
                write = copy.write_row
                for row in rows:
                    write(row)
        self.counts[name] += len(rows)
        self.rows_written += len(rows)
        self._since_commit += len(rows)

    def update_many(self, sql: str, params: list[Row]) -> None:
        """Run a parameterised statement (``?`` placeholders) for each tuple in ``params``."""
        if self.backend == "postgresql":
            sql = sql.replace("?", "%s")
            with self._driver.cursor() as cur:
                cur.executemany(sql, params)
        else:
            self._driver.executemany(sql, params)

    def _execute(self, sql: str) -> None:
        if self.backend == "sqlite":
            self._driver.execute(sql)
        else:
            with self._driver.cursor() as cur:
                cur.execute(sql)

    def _commit(self, *, begin: bool = True) -> None:
        if self.backend == "sqlite":
            self._driver.execute("COMMIT")
            if begin:
                self._driver.execute("BEGIN")
        else:
            self._driver.commit()
        self._since_commit = 0

    def rate(self) -> float:
        """Rows written per second since the writer was made."""
        return self.rows_written / max(time.perf_counter() - self.started, 1e-9)


def _sqlite_search_statements() -> list[str]:
    """``db.search_index.sqlite_statements()`` with its per-table back-fills made into one,
    in rowid order: FTS5 takes ascending rowids in one pass, while each later table's rowids
    falling between the earlier ones' (``id * 4 + kind``) would flush and merge segments."""
    fill = f"INSERT INTO {search_index.FTS_TABLE}(rowid, body) "
    statements = search_index.sqlite_statements()
    selects = [s.removeprefix(fill) for s in statements if s.startswith(fill)]
    others = [s for s in statements if not s.startswith(fill)]
    return [*others, f"{fill}SELECT * FROM ({' UNION ALL '.join(selects)}) ORDER BY 1",
            f"INSERT INTO {search_index.FTS_TABLE}({search_index.FTS_TABLE}) VALUES ('optimize')"]
