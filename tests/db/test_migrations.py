"""The migration history produces exactly the models' schema, and newer schemas are refused."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from db.base import Base
from db.engine import Database
from db.migrate import SchemaState, SchemaTooNewError, head_revision, schema_status, upgrade
from db.search_index import is_search_accelerator
from tests.conftest import drop_pg_database


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path):
    if request.param == "sqlite":
        db = Database(tmp_path / "empty.sqlite")
        yield db
        db.dispose()
    else:
        from tests.conftest import _PREFIX, PG_ADMIN_URL, _pg_admin, _pg_problem

        if _pg_problem:
            pytest.skip(f"PostgreSQL unreachable: {_pg_problem}")
        from sqlalchemy.engine import make_url

        name = f"{_PREFIX}empty_{id(request)}"
        admin = _pg_admin()
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = make_url(PG_ADMIN_URL).set(database=name)
        db = Database(url)
        yield db
        db.dispose()
        drop_pg_database(url.render_as_string(hide_password=False))


def test_upgrade_from_empty_equals_models(empty_database: Database) -> None:
    assert schema_status(empty_database).state is SchemaState.EMPTY
    upgrade(empty_database)
    with empty_database.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True,
            "include_object": lambda obj, name, type_, *_: not is_search_accelerator(name, type_),
        })
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []
    status = schema_status(empty_database)
    assert status.state is SchemaState.CURRENT
    assert status.database_revision == head_revision()


def test_database_newer_than_code_is_refused(empty_database: Database) -> None:
    upgrade(empty_database)
    with empty_database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    status = schema_status(empty_database)
    assert status.state is SchemaState.AHEAD
    with pytest.raises(SchemaTooNewError):
        upgrade(empty_database)


def test_foreign_database_is_recognised(empty_database: Database) -> None:
    with empty_database.engine.begin() as conn:
        conn.execute(text("CREATE TABLE something_else (id INTEGER PRIMARY KEY)"))
    assert schema_status(empty_database).state is SchemaState.FOREIGN


def test_downgrade_to_first_revision_and_back(empty_database: Database) -> None:
    from alembic import command

    from db.migrate import alembic_config

    upgrade(empty_database)
    with empty_database.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001")
    assert schema_status(empty_database).state is SchemaState.BEHIND
    upgrade(empty_database)
    assert schema_status(empty_database).state is SchemaState.CURRENT


def test_search_accelerator_follows_inserts_updates_and_deletes(database) -> None:
    """The trigram accelerator is maintained by the database for every change."""
    from app.customers.search import search
    from tests import builders
    from tests.conftest import load_actor

    with database.reading() as s:
        advisor = load_actor(s, "advisor")
    with database.transaction() as s:
        veh = builders.vehicle(s, advisor, plate="粤B9X7Y6")
        vid = veh.id
    with database.reading() as s:
        assert vid in [h.vehicle_id for h in search(s, advisor, "9X7Y")]
    with database.transaction() as s:
        from db.models import Vehicle

        s.get(Vehicle, vid).plate = "粤B5Q4W3"
    with database.reading() as s:
        assert vid not in [h.vehicle_id for h in search(s, advisor, "9X7Y")]
        assert vid in [h.vehicle_id for h in search(s, advisor, "Q4W3")]


def test_code_head_constant_is_the_newest_migration() -> None:
    # schema_status compares with CODE_HEAD to avoid importing Alembic at start-up; a new
    # migration must move it, or every current database would look "behind".
    from db.migrate import CODE_HEAD

    assert head_revision() == CODE_HEAD
