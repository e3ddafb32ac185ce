"""A new, truly empty database on each backend: what ``torture`` and ``crash-test`` set up
for themselves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

import tests.conftest as root


@pytest.fixture(params=root.BACKENDS)
def blank_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a database with no tables at all (a new SQLite file, a new PostgreSQL
    database, dropped afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite+pysqlite:///{tmp_path / 'blank.sqlite'}"
        return
    if root._pg_problem:
        pytest.skip(f"PostgreSQL unreachable: {root._pg_problem}")
    name = f"{root._PREFIX}blank_{next(root._counter)}"
    admin = root._pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(root.PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    root.drop_pg_database(url)
