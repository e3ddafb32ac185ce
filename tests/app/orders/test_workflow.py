"""The state machine: guards, recorded reasons, dispatch, clocking, QC and rework."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import DomainError, InvalidTransition, PermissionDenied, ValidationError
from app.orders import progress
from app.orders.checkin import link_comeback
from app.orders.lines import add_labour_line
from app.orders.queries import job_order_version, load_order, order_version
from app.orders.state import TRANSITIONS, allowed
from db.enums import JobStatus, OrderStatus, WaitReason
from db.models import ClockEntry, QCRecord
from tests import builders


def test_state_machine_shape() -> None:
    assert allowed("open", "estimated") and not allowed("open", "invoiced")
    for state in ("invoiced", "delivered", "closed"):
        assert OrderStatus.CANCELLED not in TRANSITIONS[OrderStatus(state)]
    assert allowed("qc", "in_progress")  # QC failure → rework
    assert not TRANSITIONS[OrderStatus.CLOSED]


def _signed_order(session, advisor):
    order = builders.order_with_lines(session, advisor)
    progress.submit_estimate(session, advisor, order.id,
                             expected_version=order_version(session, order.id))
    progress.record_customer_signature(session, advisor, order.id,
                                       expected_version=order_version(session, order.id))
    return order


def test_estimate_needs_lines(session, advisor) -> None:
    order = builders.checked_in_order(session, advisor)
    with pytest.raises(DomainError):
        progress.submit_estimate(session, advisor, order.id,
                                 expected_version=order_version(session, order.id))


def test_skipping_states_is_refused_with_translated_message(session, advisor) -> None:
    order = builders.order_with_lines(session, advisor)
    with pytest.raises(InvalidTransition) as err:
        progress.record_customer_signature(session, advisor, order.id,
                                           expected_version=order_version(session, order.id))
    assert "checked in" in err.value.message("en")
    assert "已接车" in err.value.message("zh_CN")


def test_full_workshop_path_with_rework(session, advisor, foreman, technician_actor) -> None:
    order = _signed_order(session, advisor)
    tech = builders.technician(session)
    for job in order.labour_lines:
        progress.dispatch_job(session, foreman, job.id, technician_id=tech.id,
                              bay_id=None, expected_version=job_order_version(session, job.id))
    assert load_order(session, order.id).status == OrderStatus.IN_PROGRESS
    first, second = order.labour_lines
    progress.clock_on(session, technician_actor, first.id, tech.id,
                      expected_version=job_order_version(session, first.id))
    progress.clock_on(session, technician_actor, second.id, tech.id,
                      expected_version=job_order_version(session, second.id))  # stops the first
    running = session.scalars(select(ClockEntry).where(ClockEntry.ended_at.is_(None))).all()
    assert [e.labour_line_id for e in running] == [second.id]
    with pytest.raises(DomainError):
        progress.send_to_qc(session, technician_actor, order.id,
                            expected_version=order_version(session, order.id))
    progress.finish_job(session, technician_actor, first.id,
                        expected_version=job_order_version(session, first.id))
    progress.finish_job(session, technician_actor, second.id,
                        expected_version=job_order_version(session, second.id))
    progress.send_to_qc(session, technician_actor, order.id,
                        expected_version=order_version(session, order.id))
    with pytest.raises(ValidationError):
        progress.record_qc(session, foreman, order.id, passed=False,
                           expected_version=order_version(session, order.id))
    progress.record_qc(session, foreman, order.id, passed=False, notes="刹车异响仍在",
                       expected_version=order_version(session, order.id))
    order = load_order(session, order.id)
    assert order.status == OrderStatus.IN_PROGRESS and order.rework_count == 1
    for job in order.labour_lines:
        progress.finish_job(session, technician_actor, job.id,
                            expected_version=job_order_version(session, job.id))
    progress.send_to_qc(session, foreman, order.id,
                        expected_version=order_version(session, order.id))
    progress.record_qc(session, foreman, order.id, passed=True,
                       expected_version=order_version(session, order.id))
    order = load_order(session, order.id)
    assert order.status == OrderStatus.COMPLETED and order.completed_at is not None
    assert {j.status for j in order.labour_lines} == {JobStatus.QC_PASSED}
    assert [r.passed for r in session.scalars(select(QCRecord).order_by(QCRecord.id))] == [
        False, True]
    path = [c.to_status for c in order.status_changes]
    assert path == ["open", "estimated", "approved", "in_progress", "qc", "in_progress", "qc",
                    "completed"]


def test_pending_additional_work_blocks_qc(session, advisor, foreman, technician_actor) -> None:
    order = _signed_order(session, advisor)
    tech = builders.technician(session)
    for job in list(order.labour_lines):
        progress.dispatch_job(session, foreman, job.id, technician_id=tech.id,
                              expected_version=job_order_version(session, job.id))
        progress.finish_job(session, technician_actor, job.id,
                            expected_version=job_order_version(session, job.id))
    extra = add_labour_line(session, advisor, order.id, description="更换雨刮", hours="0.2")
    with pytest.raises(DomainError) as err:
        progress.dispatch_job(session, foreman, extra.id, technician_id=tech.id,
                              expected_version=job_order_version(session, extra.id))
    with pytest.raises(DomainError) as err:
        progress.send_to_qc(session, foreman, order.id,
                            expected_version=order_version(session, order.id))
    assert "更换雨刮" in err.value.message("en")


def test_waiting_needs_a_reason_and_resumes(session, advisor, foreman) -> None:
    order = _signed_order(session, advisor)
    tech = builders.technician(session)
    progress.dispatch_job(session, foreman, order.labour_lines[0].id, technician_id=tech.id,
                          expected_version=job_order_version(session, order.labour_lines[0].id))
    progress.set_waiting(session, foreman, order.id, WaitReason.PARTS, "等刹车片到货",
                         expected_version=order_version(session, order.id))
    assert load_order(session, order.id).wait_reason == "parts"
    progress.resume(session, foreman, order.id, expected_version=order_version(session, order.id))
    order = load_order(session, order.id)
    assert order.status == OrderStatus.IN_PROGRESS and order.wait_reason is None


def test_cancel_needs_a_reason_and_permission(session, advisor, technician_actor) -> None:
    order = builders.order_with_lines(session, advisor)
    with pytest.raises(PermissionDenied):
        progress.cancel_order(session, technician_actor, order.id, reason="x",
                              expected_version=order_version(session, order.id))
    with pytest.raises(ValidationError):
        progress.cancel_order(session, advisor, order.id, reason=" ",
                              expected_version=order_version(session, order.id))
    progress.cancel_order(session, advisor, order.id, reason="客户改天再来",
                          expected_version=order_version(session, order.id))
    order = load_order(session, order.id)
    assert order.status == OrderStatus.CANCELLED and order.cancel_reason == "客户改天再来"
    with pytest.raises(InvalidTransition):
        progress.submit_estimate(session, advisor, order.id,
                                 expected_version=order_version(session, order.id))


def test_comeback_links_to_a_completed_order_of_the_same_vehicle(session, advisor) -> None:
    veh = builders.vehicle(session, advisor)
    original = builders.checked_in_order(session, advisor, veh)
    later = builders.checked_in_order(session, advisor, veh)
    with pytest.raises(ValidationError):
        link_comeback(session, advisor, later, original.id)  # original never completed
    original.status = OrderStatus.DELIVERED
    link_comeback(session, advisor, later, original.id)
    assert later.comeback_of_id == original.id
    other = builders.checked_in_order(session, advisor)
    with pytest.raises(ValidationError):
        link_comeback(session, advisor, other, original.id)


def test_status_names_inside_messages_are_translated(session, advisor) -> None:
    from app.orders.lines import add_charge_line

    order = builders.order_with_lines(session, advisor)
    order.status = OrderStatus.COMPLETED
    session.flush()
    with pytest.raises(DomainError) as err:
        add_charge_line(session, advisor, order.id, description="x", amount="1")
    assert "已竣工" in err.value.message("zh_CN")
    assert "已竣工" not in err.value.message("en") and "completed" in err.value.message("en")
