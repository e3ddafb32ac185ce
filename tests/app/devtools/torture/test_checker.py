"""The checker must catch planted anomalies — otherwise a clean torture run proves nothing."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select, text

from app.cashier.invoicing import settle_order
from app.cashier.payments import PaymentPart, take_payments
from app.devtools.marker import mark
from app.devtools.torture.invariants import (
    check_database,
    shared_order_problems,
    snapshot,
    submission_problems,
)
from app.devtools.torture.payplan import payment_plan
from app.devtools.torture.world import SHARED_DESCRIPTION, World, load_actors, prepare_world
from app.orders.checkin import CheckInData, update_check_in
from app.parts.stock import issue_to_order
from db.engine import Database
from db.enums import OrderStatus
from db.models import Invoice, PartLine, Payment, RepairOrder
from tests.tampering import tamper


@pytest.fixture
def world(database: Database) -> World:
    """A prepared world with one order invoiced and paid in part (everything sound)."""
    mark(database, tool="test")  # a throw-away copy of the template: the tools may use it
    w = prepare_world(database, terminals=1, seed=5, completed_orders=1)
    with database.transaction() as s:
        actors = load_actors(s, w.usernames)
        order_id = s.scalar(select(RepairOrder.id).where(
            RepairOrder.status == OrderStatus.COMPLETED.value).order_by(RepairOrder.id))
        for line_id in s.scalars(select(PartLine.id).where(PartLine.repair_order_id == order_id)):
            issue_to_order(s, actors["parts_clerk"], line_id)
        invoice = settle_order(s, actors["cashier"], order_id)
        take_payments(s, actors["cashier"], invoice.id, [PaymentPart("card", "10.00")],
                      idempotency_key="plant-1")
    return w


def _plant(database: Database, sql: str) -> list[str]:
    with database.engine.begin() as conn:
        tamper(conn, sql)  # past the append-only triggers, as a superuser could
    return check_database(database)


def test_a_sound_database_has_no_anomaly(database, world) -> None:
    assert check_database(database) == []


def test_a_ledger_out_of_step_is_caught(database, world) -> None:
    found = _plant(database, "UPDATE part SET on_hand = on_hand + 1000 "
                             "WHERE part_no = 'TT-HOT-1'")
    assert any(p.startswith("stock ledger:") and "TT-HOT-1" in p for p in found), found


def test_a_gap_in_a_series_is_caught(database, world) -> None:
    found = _plant(database, "UPDATE document_series SET next_number = next_number + 1 "
                             "WHERE code = 'invoice'")
    assert any("series invoice: gap" in p for p in found), found


def test_a_number_beyond_the_counter_is_caught(database, world) -> None:
    found = _plant(database, "UPDATE document_series SET next_number = next_number - 1 "
                             "WHERE code = 'receipt'")
    assert any("series receipt: numbers beyond the counter" in p for p in found), found


def test_an_overpaid_invoice_is_caught(database, world) -> None:
    found = _plant(database, "UPDATE payment SET amount = amount + 100000000")
    assert any("overpaid" in p for p in found), found
    assert any(p.startswith("hash chain:") for p in found), found


def test_a_half_written_invoice_is_caught(database, world) -> None:
    found = _plant(database, "DELETE FROM invoice_line")
    assert any("has no lines (not whole)" in p for p in found), found


def test_a_status_without_its_invoice_is_caught(database, world) -> None:
    found = _plant(database, "UPDATE repair_order SET status = 'completed' "
                             "WHERE status = 'invoiced'")
    assert any("has a current invoice" in p for p in found), found
    assert any("half-written status change" in p for p in found), found


def test_a_payment_key_used_twice_is_caught(database, world) -> None:
    with snapshot(database) as s:
        ids = tuple(s.scalars(select(Payment.id)))
        assert submission_problems(s, [("plant-1", ids)]) == []
        found = submission_problems(s, [("plant-1", ids), ("plant-1", (*ids, 999))])
    assert any("paid twice" in p for p in found), found


def _save(database: Database, world: World, token: str, version: int) -> int:
    with database.transaction() as s:
        actors = load_actors(s, world.usernames)
        mileage = s.get(RepairOrder, world.shared_order_id).mileage_in
        return update_check_in(s, actors["advisor"], world.shared_order_id, CheckInData(
            mileage_in=mileage, customer_description=SHARED_DESCRIPTION, damage_notes=token),
            expected_version=version).version


def test_lost_updates_are_caught(database, world) -> None:
    first = _save(database, world, "A-1", world.shared_version)
    second = _save(database, world, "B-1", first)
    edits = [("A-1", first), ("B-1", second)]
    with snapshot(database) as s:
        assert shared_order_problems(s, world, edits) == []
        # a save nobody was told about, or two terminals claiming one version
        assert any("unreported" in p for p in shared_order_problems(s, world, edits[1:]))
        assert any("lost update" in p for p in shared_order_problems(
            s, world, [*edits, ("C-1", second)]))
    # a silent overwrite that bypassed the version check
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE repair_order SET damage_notes = 'overwritten' WHERE id = :i"),
                     {"i": world.shared_order_id})
    with snapshot(database) as s:
        assert any("holds 'overwritten'" in p for p in shared_order_problems(s, world, edits))


def test_payment_plans_agree_between_terminals(database, world) -> None:
    """Two terminals reading one state build the same request under the same key."""
    with snapshot(database) as s:
        invoice_id = s.scalar(select(Invoice.id))
        first = payment_plan(s, world, invoice_id)
        second = payment_plan(s, world, invoice_id)
    assert first is not None and first == second
    key, parts = first
    assert key.endswith(f"-i{invoice_id}-a1")  # one request (plant-1) came before
    assert all(p.amount > 0 for p in parts)


def test_a_broken_foreign_key_is_caught_on_sqlite(database, world) -> None:
    if database.backend != "sqlite":
        pytest.skip("SQLite's own integrity check")
    raw = database.engine.raw_connection()  # autocommit: PRAGMA foreign_keys works here
    try:
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("DROP TRIGGER append_only_payment_bu")  # append-only: the holder of the file
        raw.execute("UPDATE payment SET invoice_id = 987654")
        raw.execute("PRAGMA foreign_keys=ON")
    finally:
        raw.close()
    found = check_database(database)
    assert any(p.startswith("foreign_key_check:") for p in found), found
    assert any("does not exist" in p for p in found), found


def test_plates_of_a_run_are_unique_and_valid() -> None:
    from app.devtools.torture.world import plate_for
    from app.validation.plates import validate_plate

    w = World(url="", tag="t", usernames={}, technician_ids=(), bay_ids=(), hot_part_ids=(),
              shared_order_id=0, shared_version=0, orders_after=0, invoices_after=0,
              till_ids=(), plate_base=random.Random(3).randrange(34 ** 5))
    plates = {plate_for(w, t, s) for t in (*range(9), 999) for s in range(300)}
    assert len(plates) == 10 * 300
    assert all(validate_plate(p) == p for p in plates)
