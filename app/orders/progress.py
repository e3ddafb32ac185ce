"""The order's way through the workshop: estimate, signature, dispatch, clocking, QC,
completion, delivery, cancellation — each step guarded and recorded.

Every step takes the ``expected_version`` of the order the user read (a required keyword) and
refuses with ``ConflictError`` when someone else changed the order since. Job-level steps
(``clock_on``, ``clock_off``, ``finish_job``, ``dispatch_job``) check the version of the job's
*order* too: a job has no version of its own, and what the technician or foreman looked at —
which jobs are still on the order, who they are dispatched to, whether the customer still
wants them — is the order. A job step does not bump the order's version itself (only a status
change of the order does), so two technicians clocking on jobs of the same order do not get
in each other's way, while a job dropped or re-dispatched by the advisor meanwhile is refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.clock import now
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import _
from app.orders import status
from app.orders.queries import check_version, load_order
from app.orders.status import is_billable
from app.orders.workflow import change_status
from app.security.actor import Actor, require
from app.validation.text import TEXT_LIMIT, clean_text
from db.enums import JobStatus, OrderStatus, WaitReason
from db.models import (
    Bay,
    ChargeLine,
    ClockEntry,
    LabourLine,
    PartLine,
    QCRecord,
    RepairOrder,
    Technician,
)


def _order(session: Session, order_id: int, expected_version: int, *,
           for_update: bool = False) -> RepairOrder:
    order = load_order(session, order_id, for_update=for_update)
    check_version(order, expected_version)
    return order


def submit_estimate(session: Session, actor: Actor, order_id: int, *,
                    expected_version: int) -> RepairOrder:
    """Open → estimated: the itemised estimate is ready for the customer."""
    require(actor, "orders.edit")
    order = _order(session, order_id, expected_version)
    lines: list[LabourLine | PartLine | ChargeLine] = [
        *order.labour_lines, *order.part_lines, *order.charge_lines]
    if not any(is_billable(line) for line in lines):
        raise DomainError(_("Add at least one job, part or charge before estimating."))
    change_status(session, actor, order, OrderStatus.ESTIMATED)
    return order


def record_customer_signature(session: Session, actor: Actor, order_id: int, *,
                              expected_version: int) -> RepairOrder:
    """Estimated → approved: the customer signed the work order."""
    require(actor, "orders.edit")
    order = _order(session, order_id, expected_version)
    change_status(session, actor, order, OrderStatus.APPROVED, reason="customer signed")
    order.customer_signed_at = now()
    return order


def dispatch_job(session: Session, actor: Actor, job_id: int, *, technician_id: int,
                 bay_id: int | None = None, expected_version: int) -> LabourLine:
    """Send a job to a technician (and bay); the order moves to *in progress* (派工).

    ``expected_version`` is the version of the job's order the foreman read."""
    require(actor, "orders.dispatch")
    job = _job(session, job_id)
    order = _order(session, job.repair_order_id, expected_version)
    return _dispatch(session, actor, order, job, technician_id, bay_id)


def dispatch_jobs(session: Session, actor: Actor, order_id: int,
                  assignments: Sequence[tuple[int, int, int | None]], *,
                  expected_version: int) -> list[LabourLine]:
    """Dispatch several jobs of one order at once, all or nothing (the dispatch dialog).

    ``assignments`` holds ``(job_id, technician_id, bay_id)``; the order version is checked
    once, before the first job (dispatching the first job may move the order to *in progress*,
    which bumps its version)."""
    require(actor, "orders.dispatch")
    order = _order(session, order_id, expected_version)
    if not assignments:
        raise ValidationError("jobs", _("Jobs"), _("Choose a technician for at least one job."))
    done = []
    for job_id, technician_id, bay_id in assignments:
        job = _job(session, job_id)
        if job.repair_order_id != order.id:
            raise NotFound(_("Job not found."))
        done.append(_dispatch(session, actor, order, job, technician_id, bay_id))
    return done


def can_dispatch(job: LabourLine) -> bool:
    """The job may go (again) to a technician: billable, not started, not cancelled."""
    return is_billable(job) and job.status in status.DISPATCHABLE_JOBS


def _dispatch(session: Session, actor: Actor, order: RepairOrder, job: LabourLine,
              technician_id: int, bay_id: int | None) -> LabourLine:
    if OrderStatus(order.status) not in status.SIGNED:
        raise DomainError(_("Order {number} must be signed by the customer before its jobs "
                            "are dispatched."), number=order.number)
    if not can_dispatch(job):
        raise DomainError(_("Job “{job}” cannot be dispatched now (approval pending, already "
                            "started or cancelled)."), job=job.description)
    tech = session.get(Technician, technician_id)
    if tech is None or not tech.active:
        raise ValidationError("technician", _("Technician"), _("Choose an active technician."))
    if bay_id is not None:
        bay = session.get(Bay, bay_id)
        if bay is None or not bay.active:
            raise ValidationError("bay", _("Bay"), _("Choose an active bay."))
    job.technician_id, job.bay_id, job.team_id = tech.id, bay_id, tech.team_id
    job.status = JobStatus.DISPATCHED
    if order.status == OrderStatus.APPROVED:
        change_status(session, actor, order, OrderStatus.IN_PROGRESS, reason="dispatched")
    session.flush()
    return job


def clock_on(session: Session, actor: Actor, job_id: int, technician_id: int, *,
             expected_version: int) -> ClockEntry:
    """A technician starts (or resumes) a job; any other running job of theirs stops.

    ``expected_version`` is the version of the job's order (see the module docstring)."""
    require(actor, "orders.work")
    job = _job(session, job_id)
    _job_order(session, job, expected_version)
    if job.status not in (JobStatus.DISPATCHED, JobStatus.IN_PROGRESS, JobStatus.WAITING):
        raise DomainError(_("Job “{job}” is not dispatched."), job=job.description)
    at = now()
    for entry in session.scalars(select(ClockEntry).where(
            ClockEntry.technician_id == technician_id, ClockEntry.ended_at.is_(None))):
        entry.ended_at = at
    entry = ClockEntry(labour_line_id=job.id, technician_id=technician_id, started_at=at)
    session.add(entry)
    job.status = JobStatus.IN_PROGRESS
    _flush_clock_on(session)
    return entry


def clock_off(session: Session, actor: Actor, job_id: int, technician_id: int, *,
              expected_version: int) -> None:
    """Stop the technician's running clock on the job (order version as for ``clock_on``)."""
    require(actor, "orders.work")
    _job_order(session, _job(session, job_id), expected_version)
    for entry in session.scalars(select(ClockEntry).where(
            ClockEntry.labour_line_id == job_id, ClockEntry.technician_id == technician_id,
            ClockEntry.ended_at.is_(None))):
        entry.ended_at = now()


def finish_job(session: Session, actor: Actor, job_id: int, *,
               expected_version: int) -> LabourLine:
    """The technician self-inspected the job and passes it on (自检合格); order version as
    for ``clock_on``."""
    require(actor, "orders.work")
    job = _job(session, job_id)
    _job_order(session, job, expected_version)
    if job.status not in (JobStatus.DISPATCHED, JobStatus.IN_PROGRESS):
        raise DomainError(_("Job “{job}” is not being worked on."), job=job.description)
    at = now()
    for entry in session.scalars(select(ClockEntry).where(
            ClockEntry.labour_line_id == job.id, ClockEntry.ended_at.is_(None))):
        entry.ended_at = at
    job.status = JobStatus.DONE
    session.flush()
    return job


def set_waiting(session: Session, actor: Actor, order_id: int, wait_reason: WaitReason,
                reason: str = "", *, expected_version: int) -> RepairOrder:
    """The order waits (for parts, the customer's approval or a sublet)."""
    if not actor.can("orders.dispatch"):
        require(actor, "orders.edit")
    order = _order(session, order_id, expected_version)
    change_status(session, actor, order, OrderStatus.WAITING, reason=reason,
                  wait_reason=WaitReason(wait_reason))
    return order


def resume(session: Session, actor: Actor, order_id: int, *,
           expected_version: int) -> RepairOrder:
    """Waiting → in progress."""
    if not actor.can("orders.dispatch"):
        require(actor, "orders.edit")
    order = _order(session, order_id, expected_version)
    change_status(session, actor, order, OrderStatus.IN_PROGRESS, reason="resumed")
    return order


def send_to_qc(session: Session, actor: Actor, order_id: int, *,
               expected_version: int) -> RepairOrder:
    """In progress → quality inspection, once every billable job is done and nothing waits
    for the customer's approval."""
    if not (actor.can("orders.work") or actor.can("orders.dispatch")):
        require(actor, "orders.qc")
    order = _order(session, order_id, expected_version)
    open_jobs = [j.description for j in order.labour_lines
                 if is_billable(j) and j.status != JobStatus.DONE]
    if open_jobs:
        raise DomainError(_("These jobs are not finished yet: {jobs}."),
                          jobs="、".join(open_jobs))
    every: list[LabourLine | PartLine | ChargeLine] = [
        *order.labour_lines, *order.part_lines, *order.charge_lines]
    pending = [x.description for x in every if status.is_pending_additional_work(x)]
    if pending:
        raise DomainError(_("Additional work still awaits the customer's decision: {items}."),
                          items="、".join(pending))
    change_status(session, actor, order, OrderStatus.QC)
    return order


def record_qc(session: Session, actor: Actor, order_id: int, *, passed: bool,
              notes: str = "", expected_version: int) -> QCRecord:
    """Quality inspection result: pass completes the order; fail sends it back for rework
    (counted against first-time fix)."""
    require(actor, "orders.qc")
    order = _order(session, order_id, expected_version)
    text = clean_text(notes, field="notes", label=_("Findings"), max_length=TEXT_LIMIT,
                      multiline=True)
    if not passed and not text:
        raise ValidationError("notes", _("Findings"), _("Describe what failed inspection."))
    if order.status != OrderStatus.QC:
        raise DomainError(_("Order {number} is not waiting for inspection."),
                          number=order.number)
    record = QCRecord(repair_order_id=order.id, inspector_id=actor.user_id, passed=passed,
                      notes=text, inspected_at=now())
    session.add(record)
    jobs = [j for j in order.labour_lines if is_billable(j)]
    if passed:
        for job in jobs:
            job.status = JobStatus.QC_PASSED
        change_status(session, actor, order, OrderStatus.COMPLETED, reason="QC passed")
        order.completed_at = record.inspected_at
    else:
        for job in jobs:
            job.status = JobStatus.DISPATCHED
        order.rework_count += 1
        change_status(session, actor, order, OrderStatus.IN_PROGRESS, reason=f"QC failed: {text}")
    session.flush()
    return record


def cancel_order(session: Session, actor: Actor, order_id: int, *, reason: str,
                 expected_version: int) -> RepairOrder:
    """Cancel an order that has not been invoiced; parts issued must be returned first.
    Audited with the status it had and the reason."""
    require(actor, "orders.cancel")
    order = _order(session, order_id, expected_version)
    issued = [p.part_no for p in order.part_lines if p.issued_qty > 0]
    if issued:
        raise DomainError(_("Return the parts issued to this order first: {parts}."),
                          parts=", ".join(issued))
    reason = clean_text(reason, field="reason", label=_("Reason"), max_length=TEXT_LIMIT)
    before = order.status
    change_status(session, actor, order, OrderStatus.CANCELLED, reason=reason)
    order.cancel_reason = reason
    audit.record(session, actor, "order.cancel", "repair_order", order.id,
                 before={"status": before}, after={"status": order.status},
                 reason=order.cancel_reason)
    from app.parts.stock import release_order_reservations

    release_order_reservations(session, order.id)
    session.flush()
    return order


def deliver(session: Session, actor: Actor, order_id: int, *,
            expected_version: int) -> RepairOrder:
    """Hand the car over (交车); see ``app.orders.delivery.deliver`` (kept under this name)."""
    from app.orders.delivery import deliver as hand_over

    return hand_over(session, actor, order_id, expected_version=expected_version)


def close_order(session: Session, actor: Actor, order_id: int, *,
                expected_version: int) -> RepairOrder:
    """Delivered → closed (follow-up done, documents filed)."""
    require(actor, "orders.edit")
    order = _order(session, order_id, expected_version)
    change_status(session, actor, order, OrderStatus.CLOSED)
    return order


def _job_order(session: Session, job: LabourLine, expected_version: int) -> RepairOrder:
    return _order(session, job.repair_order_id, expected_version)


def _job(session: Session, job_id: int) -> LabourLine:
    job = session.get(LabourLine, job_id)
    if job is None:
        raise NotFound(_("Job not found."))
    return job


def _flush_clock_on(session: Session) -> None:
    """Write a clock-on; another terminal clocking the same technician on first is a conflict
    (the database allows one running clock per technician, db.guards)."""
    from app.errors import ConflictError
    from app.integrity import guard_errors
    from db.guards import CLOCK_RUNNING

    with guard_errors({CLOCK_RUNNING: lambda: ConflictError(
            _("The technician was clocked on another job meanwhile. Reload and try again."))}):
        session.flush()
