"""The workshop board read model, on both databases: which orders, what a card says, and
that it costs the same few queries whatever the number of cards."""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

import pytest

from app.clock import now
from app.devtools.bench.rawsql import capture
from app.errors import PermissionDenied
from app.orders import progress
from app.orders.checkin import link_comeback
from app.orders.lines import add_labour_line, add_part_line
from app.orders.queries import job_order_version, load_order, order_version
from app.parts.stock import issue_to_order
from app.security.actor import Actor
from app.workshop.board import BoardCard, PartsStatus, board_snapshot
from db.enums import JobStatus, OrderStatus
from db.models import Bay, LabourLine, RepairOrder
from tests import builders
from tests.factories import make_part


def _signed(session, advisor, manager, *, plate: str, promised_hours: int | None = None,
            jobs: tuple[str, ...] = ("常规保养",), part=None, owner_name: str = "陈晓明",
            phone: str = "13812345678") -> RepairOrder:
    """An order signed by the customer and dispatched to T01 in bay B01."""
    owner = builders.customer(session, advisor, name=owner_name, phone=phone)
    veh = builders.vehicle(session, advisor, owner, plate=plate)
    promised = now() + timedelta(hours=promised_hours) if promised_hours else None
    order = builders.checked_in_order(session, advisor, veh, promised_at=promised)
    for job in jobs:
        add_labour_line(session, advisor, order.id, description=job, hours="1.00")
    if part is not None:
        add_part_line(session, advisor, order.id, part_id=part.id, quantity="2")
    progress.submit_estimate(session, advisor, order.id,
                             expected_version=order_version(session, order.id))
    progress.record_customer_signature(session, advisor, order.id,
                                       expected_version=order_version(session, order.id))
    tech = builders.technician(session)
    bay = session.query(Bay).filter_by(code="B01").one()
    for line in load_order(session, order.id).labour_lines:
        progress.dispatch_job(session, manager, line.id, technician_id=tech.id, bay_id=bay.id,
                              expected_version=job_order_version(session, line.id))
    return order


def test_cards_show_the_workshop_and_no_personal_data(session, advisor, manager,
                                                      parts_clerk, foreman) -> None:
    part = make_part(session, parts_clerk, "04152-YZZA6", on_hand=10, name="机油滤清器")
    waiting = _signed(session, advisor, manager, plate="粤BK1001", promised_hours=5,
                      jobs=("常规保养", "四轮定位"), part=part, owner_name="欧阳娜娜",
                      phone="13911112222")
    issued = _signed(session, advisor, manager, plate="粤BK1002", promised_hours=2, part=part)
    for line in load_order(session, issued.id).part_lines:
        issue_to_order(session, parts_clerk, line.id)
    no_parts = _signed(session, advisor, manager, plate="粤BK1003")
    builders.checked_in_order(session, advisor)  # only checked in: not on the board yet
    # additional work the customer has not agreed to, and a cancelled job: not on the card
    add_labour_line(session, advisor, waiting.id, description="更换雨刮片", hours="0.20")
    job = session.query(LabourLine).filter_by(repair_order_id=waiting.id,
                                              description="四轮定位").one()
    job.status = JobStatus.CANCELLED
    session.flush()

    cards = board_snapshot(session, foreman)

    assert [c.order_id for c in cards] == [issued.id, waiting.id, no_parts.id]
    first, second, third = cards
    assert first.plate == "粤BK1002" and first.model == "丰田 卡罗拉"
    assert first.parts_status is PartsStatus.ISSUED
    assert second.parts_status is PartsStatus.WAITING
    assert third.parts_status is PartsStatus.NONE and third.promised_at is None
    assert second.job_summary == "常规保养"
    assert second.technician == builders.technician(session).name
    assert second.bay == "1号工位"
    assert second.status is OrderStatus.IN_PROGRESS and not second.comeback
    assert second.promised_at is not None
    text = " ".join(str(getattr(card, f.name)) for card in cards for f in fields(BoardCard))
    assert "欧阳娜娜" not in text and "1391111" not in text and "2222" not in text


def test_waiting_qc_completed_and_comebacks(session, advisor, manager, foreman) -> None:
    original = _signed(session, advisor, manager, plate="粤BM2001")
    for job in load_order(session, original.id).labour_lines:
        progress.finish_job(session, manager, job.id,
                            expected_version=job_order_version(session, job.id))
    progress.send_to_qc(session, manager, original.id,
                        expected_version=order_version(session, original.id))
    progress.record_qc(session, manager, original.id, passed=True,
                       expected_version=order_version(session, original.id))
    again = builders.checked_in_order(session, advisor, load_order(session, original.id).vehicle)
    link_comeback(session, advisor, again, original.id)
    add_labour_line(session, advisor, again.id, description="异响复查", hours="0.50")
    progress.submit_estimate(session, advisor, again.id,
                             expected_version=order_version(session, again.id))
    progress.record_customer_signature(session, advisor, again.id,
                                       expected_version=order_version(session, again.id))
    waiting = _signed(session, advisor, manager, plate="粤BM2002")
    from db.enums import WaitReason

    progress.set_waiting(session, manager, waiting.id, WaitReason.PARTS,
                         expected_version=order_version(session, waiting.id))
    session.flush()

    by_id = {c.order_id: c for c in board_snapshot(session, foreman)}

    assert by_id[original.id].status is OrderStatus.COMPLETED
    assert by_id[again.id].comeback and by_id[again.id].status is OrderStatus.APPROVED
    assert by_id[again.id].technician == ""  # not dispatched yet
    assert by_id[waiting.id].wait_reason == "parts"


def test_the_number_of_queries_does_not_grow_with_the_cards(database, session, advisor,
                                                            manager, foreman) -> None:
    for i in range(12):
        _signed(session, advisor, manager, plate=f"粤BN{i:04d}", promised_hours=i + 1,
                jobs=("常规保养", "更换刹车片"))
    session.commit()
    with capture(database.engine) as few, database.reading() as s:
        assert len(board_snapshot(s, foreman, limit=2)) == 2
    with capture(database.engine) as many, database.reading() as s:
        cards = board_snapshot(s, foreman)
    assert len(cards) == 12
    assert [c.plate for c in cards] == [f"粤BN{i:04d}" for i in range(12)]
    assert len(many) == len(few) <= 5  # (SQLite's BEGIN) + orders, vehicles, jobs, parts


def test_the_board_needs_orders_view(session) -> None:
    nobody = Actor(user_id=1, username="x", full_name="x", role="x", permissions=frozenset())
    with pytest.raises(PermissionDenied):
        board_snapshot(session, nobody)
