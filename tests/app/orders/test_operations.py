"""One operation = one complete service: editing lines in place, reserving on add, check-in
with photos, expected versions on every workflow step (sign-in: tests/app/security)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.appointments.service import AppointmentData, book
from app.clock import now, pinned
from app.errors import (
    ConflictError,
    CustomerConsentRequired,
    DomainError,
    PermissionDenied,
    ValidationError,
)
from app.orders import delivery, progress
from app.orders.checkin import CheckInData, Photo, check_in
from app.orders.lines import (
    CustomerConsent,
    LineRef,
    add_labour_line,
    add_part_line,
    record_approval,
    update_line,
)
from app.orders.queries import load_order, order_version
from app.orders.totals import price_order
from app.orders.view import order_view
from app.parts.stock import issue_to_order, stock_position
from app.transactions import run_in_transaction
from db.enums import JobStatus, LineType, OrderStatus
from db.models import AuditEntry, OrderAttachment, RepairOrder, WorkApproval
from tests import builders
from tests.factories import make_part

D = Decimal
JPEG = b"\xff\xd8\xff\xe0" + b"0" * 32
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 32


def _signed_order_with_three_jobs(session, advisor) -> RepairOrder:
    """Jobs 常规保养 (1.5 h × 180), 更换前刹车片 (0.8 h × 200), 检查空调 (0.5 h × 180), a charge of
    15.00; estimated and signed by the customer."""
    order = builders.order_with_lines(session, advisor)
    add_labour_line(session, advisor, order.id, description="检查空调", hours="0.50")
    progress.submit_estimate(session, advisor, order.id,
                             expected_version=order_version(session, order.id))
    progress.record_customer_signature(session, advisor, order.id,
                                       expected_version=order_version(session, order.id))
    return order


def _job_values(line) -> dict:
    return {"description": line.description, "quantity": str(line.hours),
            "price": str(line.hourly_rate), "discount": str(line.discount),
            "payer": line.payer}


@pytest.mark.parametrize("index", [0, 1, 2], ids=["first", "middle", "last"])
def test_editing_a_signed_line_keeps_its_id_position_and_billable_state(session, advisor,
                                                                        index) -> None:
    order = _signed_order_with_three_jobs(session, advisor)
    jobs = sorted(load_order(session, order.id).labour_lines, key=lambda j: j.position)
    before = [(j.id, j.position) for j in jobs]
    assert [p for _i, p in before] == [1, 2, 3]
    target = jobs[index]
    old_hours = target.hours
    values = {**_job_values(target), "quantity": "0.40", "description": "改：" + target.description}
    result = update_line(session, advisor, LineType.LABOUR, target.id,
                         expected_version=order_version(session, order.id),
                         reason="客户只需部分检查", **values)
    assert result.line.id == target.id and result.short_by == 0
    session.expire_all()
    jobs = sorted(load_order(session, order.id).labour_lines, key=lambda j: j.position)
    assert [(j.id, j.position) for j in jobs] == before  # nothing moved, nothing renumbered
    edited = jobs[index]
    assert edited.description.startswith("改：") and edited.hours == D("0.40")
    assert not edited.additional and edited.approval_id is None
    assert edited.status == JobStatus.OPEN
    priced = price_order(session, load_order(session, order.id))
    assert all(p.billable for p in priced.lines)
    expected = {0: D("0.40") * 180 + D("0.8") * 200 + D("0.5") * 180,
                1: D("1.5") * 180 + D("0.40") * 200 + D("0.5") * 180,
                2: D("1.5") * 180 + D("0.8") * 200 + D("0.40") * 180}[index] + D("15.00")
    assert priced.totals.gross == expected.quantize(D("0.01"))
    assert priced.pending.gross == 0
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "line.update"))
    assert entry is not None and entry.entity_id == str(target.id)
    assert "客户只需部分检查" in entry.reason and '"quantity": "0.40"' in entry.after
    assert f'"quantity": "{old_hours}"' in entry.before


def test_a_signed_line_changes_only_with_a_reason(session, advisor) -> None:
    order = _signed_order_with_three_jobs(session, advisor)
    job = load_order(session, order.id).labour_lines[0]
    with pytest.raises(ValidationError) as err:
        update_line(session, advisor, LineType.LABOUR, job.id,
                    expected_version=order_version(session, order.id),
                    **{**_job_values(job), "description": "改名"})
    assert err.value.field == "reason"
    assert "原因" in err.value.message("zh_CN") or "理由" in err.value.message("zh_CN")


def test_raising_a_signed_line_needs_the_customers_consent(session, advisor) -> None:
    order = _signed_order_with_three_jobs(session, advisor)
    job = load_order(session, order.id).labour_lines[1]  # 0.8 h × 200.00 = 160.00
    gross_before = price_order(session, load_order(session, order.id)).totals.gross
    raised = {**_job_values(job), "quantity": "1.20"}  # 240.00
    with pytest.raises(CustomerConsentRequired) as err:
        update_line(session, advisor, LineType.LABOUR, job.id,
                    expected_version=order_version(session, order.id), reason="锈死，工时增加",
                    **raised)
    assert "160.00" in err.value.message("en") and "240.00" in err.value.message("en")
    assert err.value.message("zh_CN") != err.value.message("en")
    session.refresh(job)
    assert job.hours == D("0.80")  # nothing changed
    update_line(session, advisor, LineType.LABOUR, job.id,
                expected_version=order_version(session, order.id), reason="锈死，工时增加",
                consent=CustomerConsent("车主陈先生", "phone"), **raised)
    session.expire_all()
    order = load_order(session, order.id)
    priced = price_order(session, order)
    assert priced.totals.gross == gross_before + D("80.00")  # in the totals, never pending
    assert priced.pending.gross == 0
    [approval] = session.scalars(select(WorkApproval)
                                 .where(WorkApproval.repair_order_id == order.id)).all()
    assert approval.amount == D("80.00") and approval.approved_by == "车主陈先生"
    assert approval.method == "phone"


def test_moving_a_signed_warranty_line_onto_the_customer_needs_consent(session,
                                                                       advisor) -> None:
    order = builders.checked_in_order(session, advisor)
    job = add_labour_line(session, advisor, order.id, description="召回检查", hours="1.00",
                          payer="warranty")
    progress.submit_estimate(session, advisor, order.id,
                             expected_version=order_version(session, order.id))
    progress.record_customer_signature(session, advisor, order.id,
                                       expected_version=order_version(session, order.id))
    with pytest.raises(CustomerConsentRequired):
        update_line(session, advisor, LineType.LABOUR, job.id,
                    expected_version=order_version(session, order.id), reason="不在保修范围",
                    **{**_job_values(job), "payer": "customer"})
    # the other way round lowers what the customer pays: a reason is enough
    other = add_labour_line(session, advisor, order.id, description="四轮定位",
                            hours="1.00")  # additional work: pending, edited freely
    assert update_line(session, advisor, LineType.LABOUR, other.id,
                       expected_version=order_version(session, order.id),
                       **{**_job_values(other), "price": "150.00"}).line.additional


def test_pending_additional_work_is_edited_freely_and_stays_pending(session, advisor) -> None:
    order = _signed_order_with_three_jobs(session, advisor)
    extra = add_labour_line(session, advisor, order.id, description="更换雨刮", hours="0.20")
    update_line(session, advisor, LineType.LABOUR, extra.id,
                expected_version=order_version(session, order.id),
                **{**_job_values(extra), "quantity": "0.30"})
    view = order_view(session, advisor, order.id)
    [pending] = view.pending
    assert pending.line_id == extra.id and not pending.billable and pending.quantity == D("0.30")
    assert pending.position == 4


def test_jobs_in_the_workshop_and_issued_parts_are_refused(session, advisor, actors,
                                                           parts_clerk) -> None:
    order = _signed_order_with_three_jobs(session, advisor)
    job = load_order(session, order.id).labour_lines[0]
    progress.dispatch_jobs(session, actors["foreman"], order.id,
                           [(job.id, builders.technician(session).id, None)],
                           expected_version=order_version(session, order.id))
    with pytest.raises(DomainError) as err:
        update_line(session, advisor, LineType.LABOUR, job.id,
                    expected_version=order_version(session, order.id), reason="x",
                    **{**_job_values(job), "quantity": "1.00"})
    assert "workshop" in err.value.message("en")
    part = make_part(session, parts_clerk, "ISS-1", on_hand=5)
    line = add_part_line(session, advisor, order.id, part_id=part.id, quantity="2").line
    issue_to_order(session, parts_clerk, line.id)
    with pytest.raises(DomainError) as err:
        update_line(session, advisor, LineType.PART, line.id,
                    expected_version=order_version(session, order.id), description="机滤",
                    quantity="1", price="", discount="0", payer="customer")
    assert "parts counter" in err.value.message("en")


def test_update_line_checks_the_version_and_the_discount_limit(session, advisor,
                                                              manager) -> None:
    order = builders.order_with_lines(session, advisor)
    job = load_order(session, order.id).labour_lines[0]
    stale = order_version(session, order.id) - 1
    with pytest.raises(ConflictError):
        update_line(session, advisor, LineType.LABOUR, job.id, expected_version=stale,
                    **_job_values(job))
    with pytest.raises(PermissionDenied):
        update_line(session, advisor, LineType.LABOUR, job.id,
                    expected_version=order_version(session, order.id),
                    **{**_job_values(job), "discount": "30%"})
    update_line(session, advisor, LineType.LABOUR, job.id,
                expected_version=order_version(session, order.id), approved_by=manager,
                **{**_job_values(job), "discount": "30%"})
    session.refresh(job)
    assert job.discount == D("0.3")
    # the manager's discount stays when the advisor later fixes the description
    update_line(session, advisor, LineType.LABOUR, job.id,
                expected_version=order_version(session, order.id),
                **{**_job_values(job), "description": "常规保养（小）"})
    session.refresh(job)
    assert job.discount == D("0.3") and job.description == "常规保养（小）"


def test_adding_a_part_reserves_it_and_reports_a_shortage(session, advisor,
                                                          parts_clerk) -> None:
    order = builders.checked_in_order(session, advisor)
    part = make_part(session, parts_clerk, "RSV-1", on_hand=3)
    first = add_part_line(session, advisor, order.id, part_id=part.id, quantity="2")
    assert first.short_by == 0
    assert stock_position(session, part.id).reserved == D("2")
    second = add_part_line(session, advisor, order.id, part_id=part.id, quantity="4")
    assert second.short_by == D("3")  # 1 available, 4 wanted; the line is still added
    assert second.line.id is not None and stock_position(session, part.id).reserved == D("2")
    # lowering the first line's quantity gives stock back; the second still cannot be covered
    assert update_line(session, advisor, LineType.PART, first.line.id,
                       expected_version=order_version(session, order.id), description="机滤",
                       quantity="1", price="", discount="0", payer="customer").short_by == 0
    assert stock_position(session, part.id).reserved == D("1")
    assert update_line(session, advisor, LineType.PART, second.line.id,
                       expected_version=order_version(session, order.id), description="机滤",
                       quantity="2", price="", discount="0", payer="customer").short_by == 0
    assert stock_position(session, part.id).reserved == D("3")
    view = order_view(session, advisor, order.id)
    assert [line.short_by for line in view.lines if line.line_type is LineType.PART] == [0, 0]


def test_check_in_with_photos_is_one_transaction(database, advisor) -> None:
    with database.transaction() as s:
        vehicle_id = builders.vehicle(s, advisor).id
    data = CheckInData(mileage_in=40000, customer_description="异响")
    order_id = run_in_transaction(database, lambda s: check_in(
        s, advisor, vehicle_id, data, photos=[Photo("front.jpg", JPEG)]).id)
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(OrderAttachment)
                        .where(OrderAttachment.repair_order_id == order_id)) == 1
    with pytest.raises(ValidationError):  # an empty photo: no order either
        run_in_transaction(database, lambda s: check_in(
            s, advisor, vehicle_id, CheckInData(mileage_in=40100, customer_description="再来"),
            photos=[Photo("ok.jpg", JPEG), Photo("empty.jpg", b"")]))
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(RepairOrder)) == 1


@pytest.fixture
def monday_morning():
    """A Monday 09:00 in the shop: a booking an hour from now is inside opening hours."""
    with pinned(datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))):
        yield


def test_check_in_from_a_booking_marks_it_arrived(session, advisor, monday_morning) -> None:
    veh = builders.vehicle(session, advisor)
    booking = book(session, advisor, AppointmentData(
        customer_id=veh.owner_id, vehicle_id=veh.id, advisor_id=advisor.user_id,
        starts_at=now() + timedelta(hours=1), requested_work="保养"))
    with pytest.raises(ConflictError):
        check_in(session, advisor, veh.id, CheckInData(mileage_in=veh.mileage_km + 10,
                                                       customer_description=""),
                 appointment_id=booking.id, appointment_version=booking.version + 1)
    order = check_in(session, advisor, veh.id,
                     CheckInData(mileage_in=veh.mileage_km + 10, customer_description=""),
                     photos=[Photo("a.png", PNG)], appointment_id=booking.id,
                     appointment_version=booking.version)
    assert booking.status == "arrived" and booking.repair_order_id == order.id
    assert order.customer_description == "保养"


def test_every_workflow_step_refuses_a_stale_version(session, advisor, actors) -> None:
    order = _signed_order_with_three_jobs(session, advisor)
    stale = order_version(session, order.id) - 1
    job = load_order(session, order.id).labour_lines[0]
    tech = builders.technician(session).id
    foreman, technician = actors["foreman"], actors["technician"]
    steps = [
        lambda: progress.dispatch_jobs(session, foreman, order.id, [(job.id, tech, None)],
                                       expected_version=stale),
        lambda: progress.dispatch_job(session, foreman, job.id, technician_id=tech,
                                      expected_version=stale),
        lambda: progress.set_waiting(session, foreman, order.id, "parts",
                                     expected_version=stale),
        lambda: progress.send_to_qc(session, foreman, order.id, expected_version=stale),
        lambda: progress.cancel_order(session, advisor, order.id, reason="x",
                                      expected_version=stale),
        lambda: progress.record_qc(session, actors["service_manager"], order.id, passed=True,
                                   expected_version=stale),
        lambda: delivery.review_completed(session, advisor, order.id, expected_version=stale),
        lambda: delivery.mark_customer_called(session, advisor, order.id,
                                              expected_version=stale),
        lambda: delivery.deliver(session, advisor, order.id, expected_version=stale),
        lambda: progress.close_order(session, advisor, order.id, expected_version=stale),
        lambda: record_approval(session, advisor, order.id, [LineRef(LineType.LABOUR, job.id)],
                                approved_by="x", method="phone", expected_version=stale),
    ]
    for step in steps:
        with pytest.raises(ConflictError):
            step()
    assert load_order(session, order.id).status == OrderStatus.APPROVED
    progress.dispatch_jobs(session, foreman, order.id, [(job.id, tech, None)],
                           expected_version=order_version(session, order.id))
    stale = order_version(session, order.id) - 1
    for step in (lambda: progress.clock_on(session, technician, job.id, tech,
                                           expected_version=stale),
                 lambda: progress.clock_off(session, technician, job.id, tech,
                                            expected_version=stale),
                 lambda: progress.finish_job(session, technician, job.id,
                                             expected_version=stale)):
        with pytest.raises(ConflictError):
            step()
    # a job step does not bump the order's version: a second technician is not refused
    version = order_version(session, order.id)
    progress.clock_on(session, technician, job.id, tech, expected_version=version)
    assert order_version(session, order.id) == version


def test_dispatch_jobs_is_all_or_nothing(database, advisor, actors) -> None:
    with database.transaction() as s:
        order = _signed_order_with_three_jobs(s, advisor)
        order_id, version = order.id, order_version(s, order.id)
        first, second = (j.id for j in sorted(order.labour_lines, key=lambda j: j.position)[:2])
        tech = builders.technician(s).id
    with pytest.raises(ValidationError):
        run_in_transaction(database, lambda s: progress.dispatch_jobs(
            s, actors["foreman"], order_id, [(first, tech, None), (second, 999_999, None)],
            expected_version=version))
    with database.reading() as s:
        order = load_order(s, order_id)
        assert order.status == OrderStatus.APPROVED
        assert {j.status for j in order.labour_lines} == {JobStatus.OPEN}
    jobs = run_in_transaction(database, lambda s: [j.id for j in progress.dispatch_jobs(
        s, actors["foreman"], order_id, [(first, tech, None), (second, tech, None)],
        expected_version=version)])
    assert jobs == [first, second]

