"""``torture`` and ``crash-test`` write only into a database they created themselves.

A copy of a shop's database (real invoices, no devtools mark) is refused and left exactly as
it was; an empty database is set up and marked; a marked one is taken again.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from app.cashier.invoicing import settle_order
from app.cashier.payments import PaymentPart, take_payments
from app.devtools.marker import MARKER_KEY, NotADevtoolsDatabase, claim, mark, marker
from app.devtools.torture.world import prepare_world
from db.base import Base
from db.engine import Database
from db.migrate import SchemaState, head_revision, schema_status
from db.models import DocumentSeries, Invoice, Setting
from main import main
from tests.factories import make_completed_order


def _state(database: Database) -> dict[str, object]:
    """Every table's row count, the document series, the settings and the schema revision."""
    with database.reading() as s:
        return {
            "rows": {t.name: s.scalar(select(func.count()).select_from(t))
                     for t in Base.metadata.sorted_tables},
            "series": sorted(tuple(r) for r in s.execute(
                select(DocumentSeries.code, DocumentSeries.next_number))),
            "settings": sorted(tuple(r) for r in s.execute(select(Setting.key, Setting.value))),
            "revision": s.scalar(text("SELECT version_num FROM alembic_version")),
        }


@pytest.fixture
def shop_database(database: Database, advisor, cashier) -> Database:
    """A copy of the template with real business: an invoice issued and paid."""
    with database.transaction() as s:
        order = make_completed_order(s, advisor)
        invoice = settle_order(s, cashier, order.id)
        take_payments(s, cashier, invoice.id, [PaymentPart("card", "100.00")],
                      idempotency_key="shop-1")
    return database


@pytest.mark.parametrize("command", [
    ["torture", "--terminals", "2", "--ops", "10", "--seed", "1", "--quiet"],
    ["crash-test", "--kills", "1", "--terminations", "2", "--seed", "1", "--quiet"],
])
def test_a_shop_database_is_refused_and_left_unchanged(shop_database, database_url, command,
                                                       capsys) -> None:
    before = _state(shop_database)
    assert before["rows"]["invoice"] == 1 and before["series"]
    assert main(["--db", database_url, *command]) == 2
    captured = capsys.readouterr()
    assert "refuses" in captured.err and MARKER_KEY in captured.err
    assert captured.out == ""  # no summary: nothing ran
    after = _state(shop_database)
    assert after == before
    with shop_database.reading() as s:
        assert s.scalar(select(func.count(Invoice.id))) == 1


def test_prepare_world_refuses_an_unmarked_database_itself(shop_database) -> None:
    before = _state(shop_database)
    with pytest.raises(NotADevtoolsDatabase):
        prepare_world(shop_database, terminals=1, seed=1, completed_orders=0)
    assert _state(shop_database) == before


def test_an_older_unmarked_database_is_refused_before_any_upgrade(database) -> None:
    """A shop database one migration behind is not upgraded either."""
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    older = ScriptDirectory.from_config(alembic_config()).get_revision(head_revision())
    assert isinstance(older.down_revision, str)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"),
                     {"r": older.down_revision})
    assert schema_status(database).state is SchemaState.BEHIND
    with pytest.raises(NotADevtoolsDatabase):
        claim(database, tool="torture")
    assert schema_status(database).state is SchemaState.BEHIND


def test_a_database_of_another_program_is_refused(blank_database_url) -> None:
    db = Database(blank_database_url)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE their_data (id INTEGER PRIMARY KEY)"))
        conn.execute(text("INSERT INTO their_data (id) VALUES (1)"))
    try:
        with pytest.raises(NotADevtoolsDatabase):
            claim(db, tool="crash-test")
        with db.engine.connect() as conn:
            tables = set(db.engine.dialect.get_table_names(conn))
            assert tables == {"their_data"}
            assert conn.scalar(text("SELECT count(*) FROM their_data")) == 1
    finally:
        db.dispose()


def test_an_empty_database_is_set_up_marked_and_taken_again(blank_database_url) -> None:
    db = Database(blank_database_url)
    try:
        assert marker(db) is None
        value = claim(db, tool="torture")
        assert schema_status(db).state is SchemaState.CURRENT
        assert value.startswith("torture ") and marker(db) == value
        first_token = value.rsplit(" ", 1)[1]
        assert len(first_token) == 16
        assert claim(db, tool="crash-test") == value  # marked: accepted as it is
        with db.transaction() as s:
            s.delete(s.get(Setting, MARKER_KEY))
        with pytest.raises(NotADevtoolsDatabase):  # the same database without its mark
            claim(db, tool="torture")
    finally:
        db.dispose()


def test_a_marked_copy_runs_and_keeps_its_mark(database, database_url, capsys) -> None:
    value = mark(database, tool="test")
    assert main(["--db", database_url, "torture", "--terminals", "1", "--ops", "5",
                 "--seed", "3", "--quiet"]) == 0
    assert '"anomalies": []' in capsys.readouterr().out
    assert marker(database) == value
