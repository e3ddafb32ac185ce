"""Test fixtures: every database test runs on SQLite *and* PostgreSQL.

A migrated template database (schema at head, reference data, the shop profile, one user per
role and a little workshop set-up) is built once per backend and run; each test gets its own
copy (a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL) and it is dropped
afterwards. With ``CI=true`` an unreachable PostgreSQL fails the run; elsewhere the PostgreSQL
half is skipped with a loud line.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.security.actor import Actor
from app.security.users import SYSTEM_ACTOR, actor_for, create_user
from app.setup.reference import ensure_reference_data
from app.shop import save_profile
from db.base import Base
from db.engine import Database, make_engine
from db.enums import RoleCode
from db.migrate import upgrade
from db.models import Bay, Role, Team, Technician, User
from tests.factories import TEST_PASSWORD

PG_ADMIN_URL = os.environ.get("BAYLINE_TEST_PG_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
BACKENDS = ("sqlite", "postgresql")
_PREFIX = f"bayline_t{os.getpid()}_"
_pg_problem: str | None = None


def _pg_admin():
    return make_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", poolclass=None)


def _check_pg() -> str | None:
    try:
        eng = _pg_admin()
        with eng.connect() as conn:
            conn.execute(text("SELECT 1"))
        eng.dispose()
        return None
    except Exception as exc:  # pragma: no cover - depends on the machine
        return f"{type(exc).__name__}: {exc}".splitlines()[0]


def pytest_configure(config: pytest.Config) -> None:
    global _pg_problem
    # anchors written by till closes go to a throwaway folder, never the user's data folder
    os.environ.setdefault("BAYLINE_ANCHOR_DIR", tempfile.mkdtemp(prefix="bayline-anchors-"))
    _pg_problem = _check_pg()
    if _pg_problem:
        line = f"PostgreSQL at {PG_ADMIN_URL} is unreachable: {_pg_problem}"
        if ON_CI:
            raise pytest.UsageError(f"CI=true and {line}")
        sys.stderr.write(f"\n{'!' * 78}\n!!! {line}\n!!! The PostgreSQL half of the suite is "
                         f"SKIPPED. Set CI=true to make this a failure.\n{'!' * 78}\n")


def pytest_report_header(config: pytest.Config) -> str:
    return (f"bayline databases: sqlite + postgresql ({PG_ADMIN_URL})"
            if not _pg_problem
            else f"bayline databases: sqlite ONLY — PostgreSQL unreachable ({_pg_problem})")


def _fill_template(database: Database) -> None:
    upgrade(database)
    with database.transaction() as s:
        ensure_reference_data(s)
        save_profile(s, None, name="湾线汽车服务中心 Bayline Motors",
                     address="广州市天河区车陂路88号",
                     phone="020-8888 6666", tax_id="91440101MA59ABCD1X",
                     document_footer="感谢惠顾", job_card_terms="旧件如客户不带走由本店处理。")
        for role in RoleCode:
            create_user(s, SYSTEM_ACTOR, username=role.value, full_name=f"Test {role.value}",
                        password=TEST_PASSWORD, role=role.value, must_change_password=False)
        team = Team(name="机修一组")
        s.add(team)
        s.flush()
        s.add_all([
            Technician(name="王师傅", code="T01", team_id=team.id, is_team_leader=True),
            Technician(name="李师傅", code="T02", team_id=team.id),
            Bay(code="B01", name="1号工位"),
            Bay(code="B02", name="2号工位"),
        ])
    database.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "template.sqlite"
    _fill_template(Database(path))
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    if _pg_problem:
        pytest.skip(f"PostgreSQL unreachable: {_pg_problem}")
    admin = _pg_admin()
    with admin.connect() as conn:
        stale = conn.scalars(text(
            "SELECT datname FROM pg_database WHERE datname LIKE 'bayline_t%'")).all()
        for name in stale:
            pid = name.removeprefix("bayline_t").split("_")[0]
            if pid.isdigit() and not _pid_alive(int(pid)):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        tpl = f"{_PREFIX}tpl"
        conn.execute(text(f'DROP DATABASE IF EXISTS "{tpl}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{tpl}"'))
    url = make_url(PG_ADMIN_URL).set(database=tpl)
    _fill_template(Database(url))
    created: list[str] = []
    yield tpl
    with admin.connect() as conn:
        rows = conn.scalars(text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                            {"p": f"{_PREFIX}%"}).all()
        for name in rows:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
    del created


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_counter = iter(range(1, 10**9))
_SNAPSHOT = "bayline_template_rows"


def new_pg_database(template: str) -> str:
    """Clone the template into a fresh database; returns its URL (for tests that need one)."""
    name = f"{_PREFIX}{next(_counter)}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    name = make_url(url).database
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def pg_shared(pg_template: str) -> Iterator[str]:
    """One working database per run, reset to the template's rows before every test.

    ``CREATE DATABASE`` costs about a second under load (it checkpoints), so instead the
    template's rows are kept in a snapshot schema and copied back after a DELETE of every
    table; sequences are reset too. A test sees exactly the template either way.
    """
    url = new_pg_database(pg_template)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{_SNAPSHOT}"'))
        for name in [t.name for t in Base.metadata.sorted_tables] + ["alembic_version"]:
            conn.execute(text(f'CREATE TABLE "{_SNAPSHOT}"."{name}" AS '
                              f'SELECT * FROM public."{name}"'))
    engine.dispose()
    yield url


def reset_pg_database(url: str) -> None:
    """Put the shared PostgreSQL test database back to the template's rows."""
    engine = make_engine(url, poolclass=NullPool)
    tables = Base.metadata.sorted_tables
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))  # skip FK triggers
        conn.execute(text("DELETE FROM public.alembic_version"))
        conn.execute(text(f'INSERT INTO public.alembic_version '
                          f'SELECT * FROM "{_SNAPSHOT}".alembic_version'))
        for table in reversed(tables):
            conn.execute(text(f'DELETE FROM public."{table.name}"'))
        for table in tables:
            conn.execute(text(f'INSERT INTO public."{table.name}" '
                              f'SELECT * FROM "{_SNAPSHOT}"."{table.name}"'))
            pk = list(table.primary_key.columns)
            if len(pk) == 1 and pk[0].autoincrement in (True, "auto") and \
                    pk[0].type.python_type is int:
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('public.\"{table.name}\"', "
                    f"'{pk[0].name}'), COALESCE((SELECT MAX(\"{pk[0].name}\") FROM "
                    f'public."{table.name}"), 0) + 1, false)'))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a migrated test database holding exactly the template's rows, on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "bayline.sqlite"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite+pysqlite:///{path}"
    else:
        url = request.getfixturevalue("pg_shared")
        reset_pg_database(url)
        yield url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A Database on a fresh copy of the template (both backends)."""
    db = Database(database_url)
    yield db
    db.dispose()


@pytest.fixture
def session(database: Database) -> Iterator:
    """A Session on the test database; tests commit when they mean to."""
    with database.session() as s:
        yield s
        s.rollback()


def load_actor(session, role: RoleCode | str) -> Actor:
    """The Actor of the template's user for ``role``."""
    from sqlalchemy.orm import selectinload

    user = session.scalar(select(User).where(User.username == str(role))
                          .options(selectinload(User.role).selectinload(Role.permissions)))
    assert user is not None
    return actor_for(user)


@pytest.fixture
def actors(database: Database) -> dict[str, Actor]:
    """One Actor per role, keyed by role code (loaded in a short read-only session)."""
    with database.reading() as s:
        return {r.value: load_actor(s, r) for r in RoleCode}


@pytest.fixture
def advisor(actors: dict[str, Actor]) -> Actor:
    return actors[RoleCode.ADVISOR]


@pytest.fixture
def cashier(actors: dict[str, Actor]) -> Actor:
    return actors[RoleCode.CASHIER]


@pytest.fixture
def parts_clerk(actors: dict[str, Actor]) -> Actor:
    return actors[RoleCode.PARTS_CLERK]


@pytest.fixture
def manager(actors: dict[str, Actor]) -> Actor:
    return actors[RoleCode.SERVICE_MANAGER]


@pytest.fixture
def foreman(actors: dict[str, Actor]) -> Actor:
    return actors[RoleCode.FOREMAN]


@pytest.fixture
def technician_actor(actors: dict[str, Actor]) -> Actor:
    return actors[RoleCode.TECHNICIAN]
