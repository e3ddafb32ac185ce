"""Engine and session factory for SQLite (one PC) and PostgreSQL (LAN).

SQLite is configured for money that must survive a power cut and for several processes on one
PC: WAL, ``synchronous=FULL``, foreign keys on, a busy timeout, and every transaction started
with ``BEGIN IMMEDIATE`` so that a transaction which reads and then writes waits for the write
lock instead of failing with SQLITE_BUSY half-way. Sessions opened with ``readonly=True`` begin
DEFERRED and never block writers.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 2_000
"""How long one attempt waits for SQLite's write lock; ``app.transactions`` retries a few
times and the screen says "busy, retrying…", so a locked database never freezes anything."""
PG_LOCK_TIMEOUT_MS = 2_000
"""How long one PostgreSQL statement waits for a row or table lock before the attempt fails."""
PG_STATEMENT_TIMEOUT_MS = 30_000
"""The longest one PostgreSQL statement may run (0 turns it off, e.g. for bulk loads)."""
READONLY_OPTION = "bayline_readonly"
DISPOSE_WAIT_S = 10.0  # for connections still out (a background read finishing)


def normalise_url(url: str | URL | Path) -> URL:
    """Turn a user-given database URL into one with the driver Bayline uses.

    ``postgresql://`` and ``postgres://`` mean psycopg 3; a bare path means a SQLite file.
    """
    if isinstance(url, Path) or (isinstance(url, str) and "://" not in url):
        return URL.create("sqlite+pysqlite", database=str(Path(url).expanduser()))
    u = make_url(url)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    elif u.drivername == "sqlite":
        u = u.set(drivername="sqlite+pysqlite")
    return u


def make_engine(url: str | URL | Path, *, statement_timeout_ms: int = PG_STATEMENT_TIMEOUT_MS,
                lock_timeout_ms: int = PG_LOCK_TIMEOUT_MS, read_only: bool = False,
                **kwargs: Any) -> Engine:
    """Create an engine configured as described in this module's docstring.

    PostgreSQL sessions get ``lock_timeout`` and ``statement_timeout`` (milliseconds; 0 = none)
    so that no wait is unbounded. ``read_only`` opens a SQLite file with ``mode=ro`` (a
    missing file is an error, never a new empty database; no folder is created) and
    PostgreSQL sessions with ``default_transaction_read_only``.
    """
    u = normalise_url(url)
    if u.get_backend_name() == "sqlite":
        connect_args: dict[str, Any] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                        "check_same_thread": False}
        if read_only:
            path = u.database or ""
            connect_args["uri"] = True
            kwargs["creator"] = lambda: sqlite3.connect(
                f"file:{quote(path)}?mode=ro", **connect_args)
        elif u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u, connect_args=connect_args, **kwargs)
        _configure_sqlite(engine, read_only=read_only)
        return engine
    if u.get_backend_name() == "postgresql":
        kwargs.setdefault("pool_pre_ping", True)
        pg_args: dict[str, Any] = dict(kwargs.pop("connect_args", {}))
        options = (f"-c lock_timeout={int(lock_timeout_ms)} "
                   f"-c statement_timeout={int(statement_timeout_ms)}")
        if read_only:
            options += " -c default_transaction_read_only=on"
        pg_args["options"] = f"{pg_args.get('options', '')} {options}".strip()
        # A server that vanished (cable pulled, server restarted) is noticed within ~30 s
        # instead of never: TCP keep-alives on every connection, and a bounded connect.
        for key, value in (("connect_timeout", 5), ("keepalives", 1), ("keepalives_idle", 10),
                           ("keepalives_interval", 5), ("keepalives_count", 3)):
            pg_args.setdefault(key, value)
        return create_engine(u, connect_args=pg_args, **kwargs)
    raise ValueError(f"unsupported database: {u.get_backend_name()}")


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's own transaction handling is disabled).
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        if not read_only:  # a read-only file keeps the journal mode it has
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if read_only or conn.get_execution_options().get(READONLY_OPTION):
            conn.exec_driver_sql("BEGIN DEFERRED")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """One database: its engine and the sessions callers open on it."""

    def __init__(self, url: str | URL | Path, **engine_kwargs: Any) -> None:
        """``engine_kwargs`` go to ``make_engine`` (e.g. ``statement_timeout_ms=0``)."""
        self.url = normalise_url(url)
        self.engine = make_engine(self.url, **engine_kwargs)
        self._readonly_engine = self.engine.execution_options(**{READONLY_OPTION: True})
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readonly_sessions = sessionmaker(self._readonly_engine, expire_on_commit=False)
        self._checked_out = 0  # pooled connections in use, on any thread
        self._returned = threading.Condition()
        event.listen(self.engine, "checkout", self._on_checkout)
        event.listen(self.engine, "checkin", self._on_checkin)

    def _on_checkout(self, *_args: Any) -> None:
        with self._returned:
            self._checked_out += 1

    def _on_checkin(self, *_args: Any) -> None:
        with self._returned:
            self._checked_out -= 1
            self._returned.notify_all()

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.url.get_backend_name()

    def describe(self) -> str:
        """A short human description for the status bar (file path or host/database)."""
        if self.backend == "sqlite":
            return f"SQLite {self.url.database}"
        return f"PostgreSQL {self.url.host or 'localhost'}/{self.url.database}"

    def session(self, *, readonly: bool = False) -> Session:
        """A new Session; the caller commits or rolls back (one user action = one transaction)."""
        return (self._readonly_sessions if readonly else self._sessions)()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A Session that commits when the block ends normally and rolls back otherwise."""
        with self.session() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only Session (never takes SQLite's write lock)."""
        with self.session(readonly=True) as session:
            try:
                yield session
            finally:
                session.rollback()

    def watch_statements(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback()`` before every statement sent to this database (diagnostics:
        ``ui.thread_guard`` uses it to catch database calls on the GUI thread); returns the
        function that stops watching."""
        def before(*_args: Any) -> None:
            callback()

        event.listen(self.engine, "before_cursor_execute", before)
        return lambda: event.remove(self.engine, "before_cursor_execute", before)

    def dispose(self, *, wait: float = DISPOSE_WAIT_S) -> None:
        """Close every pooled connection, first waiting up to ``wait`` seconds for those still
        in use (a background read on another thread) to come back: a connection returned
        after the pool is disposed is never closed, only dropped with an unclosed socket."""
        with self._returned:
            self._returned.wait_for(lambda: self._checked_out <= 0, timeout=wait)
        self.engine.dispose()


def default_sqlite_path(name: str = "bayline.sqlite") -> Path:
    """The SQLite file in the user's data directory (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Bayline", "Bayline")) / name


def is_network_path(path: Path) -> bool:
    """True when ``path`` looks like it sits on a network share (WAL does not work there)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if os.name != "posix":
        return False
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs"}
