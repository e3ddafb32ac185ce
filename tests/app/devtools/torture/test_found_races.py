"""Races the torture run found, replayed deterministically with two sessions (PostgreSQL).

Two desks interleave: the first one's statements run, the second desk (a thread) does its
whole action — or waits for the first one's row lock — then the first commits. On SQLite
``BEGIN IMMEDIATE`` serialises the two whole transactions, so these interleavings cannot
happen there.
"""

from __future__ import annotations

import random
import threading

import pytest
from sqlalchemy import text

from app.devtools.marker import mark
from app.devtools.torture.invariants import check_database
from app.devtools.torture.world import load_actors, new_order, plate_for, prepare_world
from app.errors import ConflictError, DomainError
from app.orders.lines import add_charge_line
from app.orders.progress import (
    dispatch_job,
    finish_job,
    record_customer_signature,
    send_to_qc,
    submit_estimate,
)
from app.orders.queries import job_order_version, load_order, order_version
from app.transactions import run_in_transaction
from db.enums import OrderStatus


def _someone_waits_for_a_lock(database) -> bool:
    with database.engine.connect() as conn:
        return bool(conn.scalar(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'")))


def test_additional_work_added_while_the_order_goes_to_qc(database) -> None:
    """Torture on PostgreSQL (8 terminals): an order reached QC, completion and delivery with
    an additional line nobody approved — add_*_line did not touch the order, so send_to_qc's
    guard read the lines before the new one was committed and nothing conflicted."""
    if database.backend != "postgresql":
        pytest.skip("needs two concurrent transactions (SQLite serialises them)")
    mark(database, tool="test")  # a throw-away copy of the template: the tools may use it
    world = prepare_world(database, terminals=1, seed=9, completed_orders=0)
    rng = random.Random(1)
    with database.transaction() as s:
        actors = load_actors(s, world.usernames)
        order_id = new_order(s, actors, world, rng, plate_for(world, 997, 1)).id
        submit_estimate(s, actors["advisor"], order_id,
                        expected_version=order_version(s, order_id))
        record_customer_signature(s, actors["advisor"], order_id,
                                  expected_version=order_version(s, order_id))
        for job in list(load_order(s, order_id).labour_lines):
            dispatch_job(s, actors["foreman"], job.id, technician_id=world.technician_ids[0],
                         expected_version=job_order_version(s, job.id))
            finish_job(s, actors["technician"], job.id,
                       expected_version=job_order_version(s, job.id))

    adding = database.session()
    outcome: dict[str, object] = {}

    def qc() -> None:
        try:
            run_in_transaction(database, lambda s: send_to_qc(
                s, actors["foreman"], order_id, expected_version=order_version(s, order_id)),
                               attempts=1)
            outcome["sent"] = True
        except DomainError as exc:
            outcome["sent"] = exc

    try:
        add_charge_line(adding, actors["advisor"], order_id, description="追加：洗车",
                        amount="30.00")  # written, not yet committed
        desk = threading.Thread(target=qc)
        desk.start()
        # the other desk either finishes (nothing stops it) or waits for our row lock
        while desk.is_alive() and not _someone_waits_for_a_lock(database):
            desk.join(0.01)
        try:
            adding.commit()
            added = True
        except ConflictError:
            added = False
        desk.join(60)
        assert not desk.is_alive()
    finally:
        adding.close()
    sent = outcome.get("sent") is True

    with database.reading() as s:
        order = load_order(s, order_id)
        status = OrderStatus(order.status)
        pending = [c.description for c in order.charge_lines
                   if c.additional and c.approval_id is None]
    # Either one desk is told about the conflict, or the line lands before the QC guard reads.
    assert not (sent and added), (status, pending, outcome)
    assert not (status is OrderStatus.QC and pending)
    assert check_database(database) == []
