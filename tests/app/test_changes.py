"""Change sets: collected from what an operation wrote, logged in its transaction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, text

from app import changes
from app.changes import ChangeSet, belongs_to
from app.clock import now
from app.errors import DatabaseBusy, OperationCancelled, ValidationError
from app.orders.lines import add_labour_line
from app.parts.stock import issue_to_order, receive_stock
from app.transactions import perform
from db import models as m
from tests import builders
from tests.factories import make_order_with_part_line, make_part


def test_change_set_merges_and_round_trips_through_json() -> None:
    a = ChangeSet.of(orders=[1, 2], parts=[7])
    b = ChangeSet.of(orders=[3], shop=True)
    merged = a | b
    assert merged.orders == {1, 2, 3} and merged.parts == {7} and merged.shop
    assert merged.kinds() == {"orders", "parts", "shop"}
    assert merged.touches("parts") and not merged.touches("invoices")
    assert ChangeSet.from_json(merged.to_json()) == merged
    assert not ChangeSet() and merged
    assert ChangeSet.of(orders=[None, 4]).orders == {4}


def test_unknown_kinds_from_a_newer_terminal_are_ignored() -> None:
    assert ChangeSet.from_json('{"orders":[5],"warranty_claims":[1]}') == ChangeSet.of(orders=[5])


def test_every_model_knows_what_it_belongs_to() -> None:
    # A new table must say which screens it concerns (or be listed as bookkeeping).
    for mapper in m.Base.registry.mappers:
        cls = mapper.class_
        obj = cls(**{attr.key: 1 for attr in mapper.column_attrs})
        assert isinstance(belongs_to(obj), ChangeSet)  # TypeError for an unknown model

    class Unknown:
        pass

    with pytest.raises(TypeError):
        belongs_to(Unknown())


def test_perform_collects_what_the_operation_wrote_and_logs_it(database, advisor) -> None:
    with database.transaction() as s:
        order_id = builders.checked_in_order(s, advisor).id

    done = perform(database, lambda s: add_labour_line(
        s, advisor, order_id, description="更换机油", hours="0.50").id)

    assert done.changes.orders == {order_id}
    assert done.changes.jobs == {done.value}
    with database.reading() as s:
        logged = changes.read_after(s, done.log_id - 1)
    assert [entry.id for entry in logged] == [done.log_id]
    assert logged[0].origin == changes.ORIGIN
    assert logged[0].changes == done.changes


def test_core_stock_updates_are_noted_too(database, parts_clerk, advisor) -> None:
    with database.transaction() as s:
        part = make_part(s, parts_clerk, on_hand=5)
        line = make_order_with_part_line(s, advisor, part, 2)
        part_id, line_id, order_id = part.id, line.id, line.repair_order_id

    done = perform(database, lambda s: issue_to_order(s, parts_clerk, line_id))

    assert part_id in done.changes.parts
    assert order_id in done.changes.orders


def test_a_refused_operation_logs_nothing(database, parts_clerk) -> None:
    with database.transaction() as s:
        part_id = make_part(s, parts_clerk).id
        before = changes.latest_id(s)

    def receive_twice(s):  # the first receipt is written, the second refused: all rolls back
        receive_stock(s, parts_clerk, part_id, "2", unit_cost="10.00")
        receive_stock(s, parts_clerk, part_id, "-3", unit_cost="10.00")

    with pytest.raises(ValidationError):
        perform(database, receive_twice)

    with database.reading() as s:
        assert changes.latest_id(s) == before


def test_an_operation_that_changes_nothing_logs_nothing(database) -> None:
    with database.reading() as s:
        before = changes.latest_id(s)
    done = perform(database, lambda s: s.scalar(select(func.count()).select_from(m.Customer)))
    assert not done.changes and done.log_id is None
    with database.reading() as s:
        assert changes.latest_id(s) == before


def test_prune_keeps_recent_rows(database) -> None:
    with database.transaction() as s:
        s.add(m.ChangeLogEntry(at=now() - timedelta(days=5), origin="old", changes="{}"))
        s.add(m.ChangeLogEntry(at=now(), origin="new", changes="{}"))
    with database.transaction() as s:
        assert changes.prune(s) == 1
        assert list(s.scalars(select(m.ChangeLogEntry.origin))) == ["new"]


def test_postgresql_announces_the_log_id_on_commit_only(database, advisor) -> None:
    if database.backend != "postgresql":
        pytest.skip("NOTIFY is PostgreSQL's; SQLite terminals poll the log")
    import psycopg

    url = database.url.set(drivername="postgresql")
    listener = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
    try:
        listener.execute(f"LISTEN {changes.CHANNEL}")
        with pytest.raises(ValidationError):
            perform(database, lambda s: (add_labour_line(
                s, advisor, builders.checked_in_order(s, advisor).id, description="x",
                hours="0.5"), builders.customer(s, advisor, name="")))
        done = perform(database, lambda s: builders.customer(s, advisor).id)
        got = [n.payload for n in listener.notifies(timeout=5, stop_after=1)]
    finally:
        listener.close()
    assert got == [str(done.log_id)]


def test_busy_database_is_retried_then_reported(database, advisor, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    attempts: list[int] = []

    def locked(_s):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    with pytest.raises(DatabaseBusy):
        perform(database, locked, attempts=3, on_retry=attempts.append)
    assert attempts == [2, 3]

    with pytest.raises(OperationCancelled):
        perform(database, locked, attempts=3, cancelled=lambda: True)


def test_lock_waits_are_bounded(database, advisor) -> None:
    """Another terminal holding the lock makes the operation fail with DatabaseBusy, in time."""
    import time

    with database.transaction() as s:
        customer_id = builders.customer(s, advisor).id
    holder = database.session()
    try:
        # SQLite: the holder's BEGIN IMMEDIATE takes the write lock; PostgreSQL: a row lock.
        holder.execute(text("UPDATE customer SET notes = 'held' WHERE id = :id"),
                       {"id": customer_id})

        def touch(s):
            s.execute(text("UPDATE customer SET notes = 'x' WHERE id = :id"), {"id": customer_id})

        started = time.monotonic()
        with pytest.raises(DatabaseBusy):
            perform(database, touch, attempts=2)
        assert time.monotonic() - started < 10  # two attempts of a 2 s lock wait, not 15 s each
    finally:
        holder.rollback()
        holder.close()
