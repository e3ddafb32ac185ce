"""Database.dispose() waits for connections still used on other threads (a background read)."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from db.engine import Database


def test_dispose_waits_for_a_read_still_running_on_another_thread(database_url: str) -> None:
    database = Database(database_url)
    started, release = threading.Event(), threading.Event()
    raw: list[object] = []

    def read() -> None:
        with database.reading() as session:
            session.execute(text("SELECT 1"))
            raw.append(session.connection().connection.dbapi_connection)
            started.set()
            release.wait(5)

    worker = threading.Thread(target=read)
    worker.start()
    assert started.wait(5)
    threading.Timer(0.3, release.set).start()
    began = time.monotonic()
    database.dispose()
    waited = time.monotonic() - began
    worker.join(5)
    assert 0.2 < waited < 5  # it waited for the read, and not for the whole timeout
    # the connection the read used is closed, not left to the garbage collector
    dbapi = raw[0]
    closed = getattr(dbapi, "closed", None)
    if closed is None:  # sqlite3 has no flag: a closed connection refuses to run anything
        try:
            dbapi.execute("SELECT 1")  # type: ignore[attr-defined]
        except Exception:
            closed = True
        else:
            closed = False
    assert closed


def test_dispose_does_not_wait_when_nothing_is_in_use(database_url: str) -> None:
    database = Database(database_url)
    with database.reading() as session:
        session.execute(text("SELECT 1"))
    began = time.monotonic()
    database.dispose()
    assert time.monotonic() - began < 1
