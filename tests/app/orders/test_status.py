"""The named status sets and the line rules of app/orders/status.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.orders import state, status
from db.enums import JobStatus, OrderStatus

S = OrderStatus


def test_the_sets_partition_the_order_life_as_documented() -> None:
    assert frozenset(S) == status.PRE_INVOICE | status.FINISHED
    assert not status.PRE_INVOICE & status.FINISHED
    assert {S.INVOICED, S.DELIVERED, S.CLOSED, S.CANCELLED} == status.FINISHED
    assert frozenset(S) - {S.DELIVERED, S.CLOSED, S.CANCELLED} == status.OPEN
    assert status.OPEN - {S.DRAFT} == status.ON_SITE
    assert {S.APPROVED, S.IN_PROGRESS, S.WAITING, S.QC} == status.IN_WORKSHOP
    assert {S.COMPLETED, S.INVOICED} == status.AWAITING_PICKUP
    assert status.IN_WORKSHOP | {S.COMPLETED} == status.BOARD
    assert {S.COMPLETED, S.INVOICED, S.DELIVERED, S.CLOSED} == status.WORK_DONE
    assert status.SIGNED < status.EDITABLE < status.PRE_INVOICE
    assert status.FINISHED | {S.DRAFT} == status.NO_PART_ISSUE
    assert {S.INVOICED, S.DELIVERED, S.CLOSED} == status.NO_PART_RETURN


def test_the_state_machine_uses_the_same_sets() -> None:
    assert state.EDITABLE is status.EDITABLE and state.SIGNED is status.SIGNED
    assert all(S.CANCELLED in state.TRANSITIONS[s] for s in status.PRE_INVOICE)
    assert not any(S.CANCELLED in state.TRANSITIONS[s] for s in status.FINISHED)


def test_sets_answer_for_plain_strings_and_give_sorted_values() -> None:
    assert "completed" in status.WORK_DONE and "draft" not in status.ON_SITE
    assert status.values(status.AWAITING_PICKUP) == ["completed", "invoiced"]


def _line(additional: bool, approval_id: int | None, job: JobStatus | None = None):
    fields = {"additional": additional, "approval_id": approval_id}
    if job is not None:
        fields["status"] = job
    return SimpleNamespace(**fields)


@pytest.mark.parametrize(("line", "pending", "billable"), [
    (_line(False, None), False, True),
    (_line(True, None), True, False),
    (_line(True, 7), False, True),
    (_line(True, None, JobStatus.PENDING), True, False),
    (_line(True, None, JobStatus.CANCELLED), False, False),
    (_line(False, None, JobStatus.CANCELLED), False, False),
    (_line(False, None, JobStatus.DONE), False, True),
])
def test_pending_additional_work_and_billable(line, pending: bool, billable: bool) -> None:
    assert status.is_pending_additional_work(line) is pending
    assert status.is_billable(line) is billable


def test_late_only_before_the_work_is_done() -> None:
    at = datetime(2026, 5, 1, 12, tzinfo=UTC)
    before = at - timedelta(minutes=1)
    assert status.is_late("in_progress", before, at)
    assert not status.is_late("in_progress", at + timedelta(minutes=1), at)
    assert not status.is_late("in_progress", None, at)
    assert not any(status.is_late(s, before, at) for s in status.NOT_LATE)
    assert status.WORK_DONE | {S.CANCELLED} == status.NOT_LATE


def test_appointment_and_job_sets() -> None:
    from db.enums import AppointmentStatus as A

    assert {A.BOOKED, A.CONFIRMED} == status.APPOINTMENTS_EXPECTED
    assert status.APPOINTMENTS_EXPECTED | {A.ARRIVED} == status.APPOINTMENTS_TAKING_PLACE
    assert "confirmed" in status.APPOINTMENTS_EXPECTED
    assert {JobStatus.OPEN, JobStatus.PENDING} == status.EDITABLE_JOBS
    assert {JobStatus.OPEN, JobStatus.DISPATCHED} == status.DISPATCHABLE_JOBS
    assert {JobStatus.DONE, JobStatus.QC_PASSED} == status.FINISHED_JOBS
