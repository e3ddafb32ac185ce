"""``Database(url, read_only=True)``: never creates a file or a folder, never writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from db.engine import Database


def test_a_missing_sqlite_file_is_an_error_not_a_new_database(tmp_path: Path) -> None:
    database = Database(tmp_path / "nowhere" / "shop.sqlite", read_only=True)
    with pytest.raises(OperationalError), database.engine.connect():
        pass
    database.dispose()
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_database_refuses_writes_on_both_databases(database_url: str) -> None:
    database = Database(database_url, read_only=True)
    try:
        with database.reading() as session:
            assert session.execute(text("SELECT count(*) FROM setting")).scalar() is not None
        with pytest.raises(DBAPIError), database.transaction() as session:
            session.execute(text("INSERT INTO setting (key, value) VALUES ('ro.test', 'x')"))
    finally:
        database.dispose()
    writer = Database(database_url)
    with writer.reading() as session:
        assert session.execute(text("SELECT count(*) FROM setting WHERE key = 'ro.test'")
                               ).scalar() == 0
    writer.dispose()


def test_a_read_only_sqlite_connection_keeps_the_files_journal_mode(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    before = path.read_bytes()
    database = Database(path, read_only=True)
    with database.reading() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "delete"
    database.dispose()
    assert path.read_bytes() == before
