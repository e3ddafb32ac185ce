"""The migrated database enforces exactly the models' CHECK constraints, server defaults,
index predicates and triggers (Alembic's comparison in test_migrations.py cannot see them)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import count

import pytest
from sqlalchemy import CheckConstraint, Column, Index, Integer, MetaData, String, Table, text
from sqlalchemy.engine import make_url

from db.base import Base
from db.engine import Database
from db.migrate import upgrade
from tests.conftest import drop_pg_database
from tests.db.schema_rules import SchemaRules, compare_rules, normalise_sql, reflect_rules

_names = count(1)
MakeDatabase = Callable[[], Database]


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request: pytest.FixtureRequest, tmp_path) -> Iterator[MakeDatabase]:
    """Makes empty databases on one backend (dropped afterwards)."""
    made: list[tuple[Database, str | None]] = []
    if request.param == "postgresql":
        from tests.conftest import _PREFIX, PG_ADMIN_URL, _pg_admin, _pg_problem

        if _pg_problem:
            pytest.skip(f"PostgreSQL unreachable: {_pg_problem}")

    def make() -> Database:
        if request.param == "sqlite":
            database = Database(tmp_path / f"scratch{next(_names)}.sqlite")
            made.append((database, None))
            return database
        name = f"{_PREFIX}rules_{next(_names)}"
        admin = _pg_admin()
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = make_url(PG_ADMIN_URL).set(database=name)
        database = Database(url)
        made.append((database, url.render_as_string(hide_password=False)))
        return database

    yield make
    for database, url in made:
        database.dispose()
        if url is not None:
            drop_pg_database(url)


def rules_of_metadata(make: MakeDatabase, metadata: MetaData) -> SchemaRules:
    database = make()
    with database.engine.begin() as conn:
        metadata.create_all(conn)
        return reflect_rules(conn)


def rules_of_migrations(make: MakeDatabase) -> SchemaRules:
    database = make()
    upgrade(database)
    with database.engine.connect() as conn:
        return reflect_rules(conn)


def test_migrated_database_enforces_the_models_rules(new_database: MakeDatabase) -> None:
    migrated = rules_of_migrations(new_database)
    models = rules_of_metadata(new_database, Base.metadata)
    assert migrated.checks, "no CHECK constraint reflected: the comparison would prove nothing"
    assert ("payment", "ck_payment_method") in migrated.checks
    assert any(v is not None for v in migrated.defaults.values())
    assert "WHERE" in migrated.indexes[("clock_entry", "uq_clock_entry_running_technician")]
    assert {"guard_vehicle_owner", "guard_vehicle_owner_bu"} & migrated.triggers.keys()
    assert compare_rules(migrated, models) == []


def test_a_model_rule_the_migrations_lack_is_reported(new_database: MakeDatabase,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The case that motivated the check: a payment method added to the model only."""
    migrated = rules_of_migrations(new_database)
    payment = Base.metadata.tables["payment"]
    (method,) = [c for c in payment.constraints
                 if isinstance(c, CheckConstraint) and "method IN" in str(c.sqltext)]
    monkeypatch.setattr(method, "sqltext", text(
        "method IN ('cash', 'card', 'bank_transfer', 'wechat_pay', 'alipay', 'account', "
        "'digital_rmb')"))
    models = rules_of_metadata(new_database, Base.metadata)
    problems = compare_rules(migrated, models)
    assert len(problems) == 1, problems
    assert "ck_payment_method" in problems[0] and "digital_rmb" in problems[0]


def _toy(check: str, default: str, where: str, column: str = "kind") -> MetaData:
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    Table("toy", metadata, Column("id", Integer, primary_key=True),
          Column(column, String(10), nullable=False, server_default=default),
          CheckConstraint(check, name="kind"),
          Index("uq_toy_kind", column, unique=True, sqlite_where=text(where),
                postgresql_where=text(where)))
    return metadata


@pytest.mark.parametrize(("changed", "expected"), [
    (dict(check="kind IN ('a', 'b', 'c')"), "checks ('toy', 'ck_toy_kind')"),
    (dict(default="b"), "defaults ('toy', 'kind')"),
    (dict(where="kind <> 'b'"), "indexes ('toy', 'uq_toy_kind')"),
])
def test_each_kind_of_difference_is_reported(new_database: MakeDatabase, changed: dict,
                                             expected: str) -> None:
    base = dict(check="kind IN ('a', 'b')", default="a", where="kind <> 'a'")
    one = rules_of_metadata(new_database, _toy(**base))
    assert compare_rules(one, rules_of_metadata(new_database, _toy(**base))) == []
    other = rules_of_metadata(new_database, _toy(**{**base, **changed}))
    problems = compare_rules(one, other)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_missing_trigger_is_reported(new_database: MakeDatabase) -> None:
    plain = rules_of_metadata(new_database, _toy("kind IN ('a')", "a", "kind <> 'a'"))
    database = new_database()
    with database.engine.begin() as conn:
        _toy("kind IN ('a')", "a", "kind <> 'a'").create_all(conn)
        if conn.dialect.name == "sqlite":
            conn.execute(text("CREATE TRIGGER toy_guard BEFORE UPDATE ON toy BEGIN "
                              "SELECT RAISE(ABORT, 'no'); END"))
        else:
            conn.execute(text("CREATE FUNCTION toy_guard() RETURNS trigger LANGUAGE plpgsql "
                              "AS $$ BEGIN RAISE EXCEPTION 'no'; END $$"))
            conn.execute(text("CREATE TRIGGER toy_guard BEFORE UPDATE ON toy "
                              "FOR EACH ROW EXECUTE FUNCTION toy_guard()"))
        with_trigger = reflect_rules(conn)
    assert compare_rules(with_trigger, plain) == [
        f"triggers toy_guard: only in the database: {with_trigger.triggers['toy_guard']!r}"]


@pytest.mark.parametrize(("raw", "normal"), [
    ("((a >= 0))", "a >= 0"),
    ("(a > 0) AND (b > 0)", "(a > 0) AND (b > 0)"),
    ("  kind IN ( 'x',\n  'y' ) ", "kind IN ('x', 'y')"),
    ("(')' = a)", "')' = a"),
])
def test_normalise_sql(raw: str, normal: str) -> None:
    assert normalise_sql(raw) == normal
