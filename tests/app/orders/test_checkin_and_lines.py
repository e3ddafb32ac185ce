"""Check-in and order lines: validation, totals, additional work, discounts, locking."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.clock import now
from app.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from app.orders.checkin import CheckInData, open_order, update_check_in
from app.orders.lines import (
    LineRef,
    add_charge_line,
    add_labour_line,
    record_approval,
    remove_line,
)
from app.orders.progress import record_customer_signature, submit_estimate
from app.orders.queries import load_order, order_version
from app.orders.totals import price_order
from db.enums import JobStatus, LineType, OrderStatus
from db.models import AuditEntry, RepairOrder
from tests import builders

D = Decimal


def test_check_in_opens_a_numbered_order_and_records_mileage(session, advisor) -> None:
    veh = builders.vehicle(session, advisor, mileage_km=30000)
    order = open_order(session, advisor, veh.id, CheckInData(
        mileage_in="３１５００", fuel_level=3, damage_notes="左前门划痕", valuables="行车记录仪",
        warning_lights="胎压", customer_description="空调不凉",
        promised_at=now() + timedelta(hours=4)))
    assert order.number == "RO000001"
    assert order.status == OrderStatus.OPEN
    assert order.mileage_in == 31500 and veh.mileage_km == 31500
    assert order.customer_id == veh.owner_id and order.advisor_id == advisor.user_id
    assert [c.to_status for c in load_order(session, order.id).status_changes] == ["open"]


@pytest.mark.parametrize(("fields", "field"), [
    ({"fuel_level": 9}, "fuel_level"),
    ({"customer_description": "  "}, "customer_description"),
    ({"contact_preference": "pigeon"}, "contact_preference"),
    ({"mileage_in": "lots"}, "mileage"),
    ({"mileage_in": 100}, "mileage"),  # lower than the last reading without a reason
])
def test_bad_check_in_names_the_field_and_writes_nothing(session, advisor, fields,
                                                         field) -> None:
    veh = builders.vehicle(session, advisor, mileage_km=30000)
    data = {"mileage_in": 31000, "customer_description": "保养", **fields}
    with pytest.raises(ValidationError) as err:
        open_order(session, advisor, veh.id, CheckInData(**data))
    assert err.value.field == field
    session.rollback()
    assert session.scalar(select(func.count()).select_from(RepairOrder)) == 0


def test_totals_follow_the_rounding_rule(session, advisor) -> None:
    order = builders.order_with_lines(session, advisor)
    totals = price_order(session, order)
    # 1.5 h × 180 = 270.00; 0.8 h × 200 = 160.00; charge 15.00 — all tax-inclusive 13 %
    assert totals.totals.gross == D("445.00")
    expected_tax = sum((round(x * D("0.13") / D("1.13"), 2) for x in
                        (D("270.00"), D("160.00"), D("15.00"))), D("0"))
    assert totals.totals.tax == expected_tax
    assert totals.totals.net + totals.totals.tax == totals.totals.gross


def test_lines_after_signature_are_additional_until_approved(session, advisor) -> None:
    order = builders.order_with_lines(session, advisor)
    submit_estimate(session, advisor, order.id, expected_version=order_version(session, order.id))
    record_customer_signature(session, advisor, order.id,
                              expected_version=order_version(session, order.id))
    extra = add_labour_line(session, advisor, order.id, description="更换空调滤芯", hours="0.30")
    charge = add_charge_line(session, advisor, order.id, description="空调管路清洗剂",
                             amount="88.00")
    assert extra.additional and extra.status == JobStatus.PENDING
    before = price_order(session, order)
    assert before.totals.gross == D("445.00")
    assert before.pending.gross == D("54.00") + D("88.00")
    approval = record_approval(session, advisor, order.id,
                               [LineRef(LineType.LABOUR, extra.id),
                                LineRef(LineType.CHARGE, charge.id)],
                               approved_by="车主陈先生", method="phone", extra_minutes=20,
                               expected_version=order_version(session, order.id))
    assert approval.amount == D("142.00")
    assert extra.status == JobStatus.OPEN
    after = price_order(session, load_order(session, order.id))
    assert after.totals.gross == D("587.00") and after.pending.gross == 0
    assert session.scalar(select(AuditEntry.action).where(
        AuditEntry.action == "order.additional_approved"))


def test_approval_needs_who_and_how(session, advisor) -> None:
    order = builders.order_with_lines(session, advisor)
    submit_estimate(session, advisor, order.id, expected_version=order_version(session, order.id))
    record_customer_signature(session, advisor, order.id,
                              expected_version=order_version(session, order.id))
    extra = add_labour_line(session, advisor, order.id, description="补胎", hours="0.5")
    with pytest.raises(ValidationError) as err:
        record_approval(session, advisor, order.id, [LineRef(LineType.LABOUR, extra.id)],
                        approved_by=" ", method="phone",
                        expected_version=order_version(session, order.id))
    assert err.value.field == "approved_by"
    with pytest.raises(ValidationError) as err:
        record_approval(session, advisor, order.id, [LineRef(LineType.LABOUR, extra.id)],
                        approved_by="车主", method="telepathy",
                        expected_version=order_version(session, order.id))
    assert err.value.field == "method"


def test_discount_above_the_role_limit_needs_a_manager(session, advisor, manager) -> None:
    order = builders.checked_in_order(session, advisor)
    with pytest.raises(PermissionDenied):
        add_labour_line(session, advisor, order.id, description="四轮定位", hours="1",
                        discount="25%")
    line = add_labour_line(session, advisor, order.id, description="四轮定位", hours="1",
                           discount="25%", approved_by=manager)
    assert line.discount == D("0.2500")
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "discount.approve"))
    assert entry.user_id == manager.user_id and "advisor" in entry.after
    ok = add_labour_line(session, advisor, order.id, description="洗车", hours="0.2",
                         discount="10%")
    assert ok.discount == D("0.1000")


def test_lines_cannot_change_after_completion(session, advisor) -> None:
    order = builders.order_with_lines(session, advisor)
    order.status = OrderStatus.COMPLETED
    session.flush()
    with pytest.raises(DomainError):
        add_charge_line(session, advisor, order.id, description="x", amount="1")


def test_removing_a_signed_line_needs_a_reason(session, advisor) -> None:
    order = builders.order_with_lines(session, advisor)
    submit_estimate(session, advisor, order.id, expected_version=order_version(session, order.id))
    record_customer_signature(session, advisor, order.id,
                              expected_version=order_version(session, order.id))
    job = order.labour_lines[0]
    with pytest.raises(ValidationError):
        remove_line(session, advisor, LineType.LABOUR, job.id)
    remove_line(session, advisor, LineType.LABOUR, job.id, reason="客户取消保养")
    assert len(load_order(session, order.id).labour_lines) == 1


def test_second_save_of_a_stale_order_is_refused(database, advisor) -> None:
    with database.transaction() as s:
        order = builders.checked_in_order(s, advisor)
        order_id, version = order.id, order.version
    data = CheckInData(mileage_in=0, customer_description="改为：空调异味")
    with database.transaction() as s:
        update_check_in(s, advisor, order_id, data, expected_version=version)
    with database.session() as s, pytest.raises(ConflictError):
        update_check_in(s, advisor, order_id, data, expected_version=version)


def test_technician_cannot_edit_orders(session, advisor, technician_actor) -> None:
    order = builders.checked_in_order(session, advisor)
    with pytest.raises(PermissionDenied):
        add_labour_line(session, technician_actor, order.id, description="x", hours="1")


def test_two_desks_adding_lines_from_the_same_version_conflict(database, advisor) -> None:
    with database.transaction() as s:
        order = builders.checked_in_order(s, advisor)
        order_id, version = order.id, order.version
    with database.transaction() as s:
        add_charge_line(s, advisor, order_id, description="洗车", amount="30",
                        expected_version=version)
    with database.session() as s, pytest.raises(ConflictError):
        add_charge_line(s, advisor, order_id, description="打蜡", amount="80",
                        expected_version=version)


def test_removing_a_reserved_part_line_gives_the_stock_back(session, advisor,
                                                            parts_clerk) -> None:
    from app.orders.lines import add_part_line
    from app.parts.stock import reserve_for_line, stock_position
    from tests.factories import make_part

    part = make_part(session, parts_clerk, "RES-1", on_hand=D("5"))
    order = builders.checked_in_order(session, advisor)
    line = add_part_line(session, advisor, order.id, part_id=part.id, quantity="2").line
    reserve_for_line(session, advisor, line.id)
    assert stock_position(session, part.id).reserved == D("2")
    remove_line(session, advisor, LineType.PART, line.id)
    assert stock_position(session, part.id).reserved == 0


def test_a_passed_promise_does_not_block_other_check_in_edits(session, advisor) -> None:
    order = builders.checked_in_order(session, advisor)
    order.promised_at = now() - timedelta(hours=2)  # the promise was made earlier today
    session.flush()
    data = CheckInData(mileage_in=0, customer_description="刹车异响，另加空调异味",
                       promised_at=order.promised_at)
    update_check_in(session, advisor, order.id, data, expected_version=order.version)
    assert order.customer_description.endswith("空调异味")
    with pytest.raises(ValidationError):
        update_check_in(session, advisor, order.id, CheckInData(
            mileage_in=0, customer_description="x", promised_at=now() - timedelta(hours=1)),
            expected_version=order.version)
