"""The next workflow step of a repair order, as a person at the screen would take it.

The step is decided from the order as it was read a moment ago (it may be stale by the time
the step runs: then the service refuses it, which is an expected conflict). Estimate,
signature, approval of additional work, dispatch, clock-on, finish, waiting, resume, sending
to QC and the QC result (10 % fail, sending the order back for rework).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from app.devtools.torture.world import World
from app.orders.lines import LineRef, record_approval
from app.orders.progress import (
    clock_on,
    dispatch_job,
    finish_job,
    record_customer_signature,
    record_qc,
    resume,
    send_to_qc,
    set_waiting,
    submit_estimate,
)
from app.security.actor import Actor
from db.enums import JobStatus, LineType, OrderStatus, RoleCode, WaitReason
from db.models import RepairOrder

Step = Callable[[Session], Any]


def next_step(order: RepairOrder, actors: dict[str, Actor], world: World,
              rng: random.Random) -> tuple[str, Step]:
    """The next step for ``order`` as it was read: its name and the service call."""
    advisor, foreman = actors[RoleCode.ADVISOR], actors[RoleCode.FOREMAN]
    tech = actors[RoleCode.TECHNICIAN]
    w, oid, ver = world, order.id, order.version
    status = OrderStatus(order.status)
    pending = [LineRef(t, x.id) for t, lines in ((LineType.LABOUR, order.labour_lines),
                                                 (LineType.PART, order.part_lines),
                                                 (LineType.CHARGE, order.charge_lines))
               for x in lines if x.additional and x.approval_id is None
               and getattr(x, "status", None) != JobStatus.CANCELLED]
    if status is OrderStatus.OPEN:
        return "estimate", lambda s: submit_estimate(s, advisor, oid, expected_version=ver).id
    if status is OrderStatus.ESTIMATED:
        return "sign", lambda s: record_customer_signature(s, advisor, oid,
                                                           expected_version=ver).id
    if status is OrderStatus.QC:
        if rng.random() < 0.1:
            return "qc_fail", lambda s: record_qc(s, foreman, oid, passed=False,
                                                  notes="刹车仍有异响，返工",
                                                  expected_version=ver).id
        return "qc_pass", lambda s: record_qc(s, foreman, oid, passed=True,
                                              expected_version=ver).id
    if status is OrderStatus.WAITING:
        return "resume", lambda s: resume(s, advisor, oid, expected_version=ver).id
    if pending:
        return "approve_extra", lambda s: record_approval(
            s, advisor, oid, pending, approved_by="客户本人", method="phone",
            expected_version=ver).id
    jobs = [j for j in order.labour_lines
            if j.status not in (JobStatus.CANCELLED, JobStatus.PENDING)]
    todo = [j for j in jobs if j.status == JobStatus.OPEN]
    if todo:
        job_id = rng.choice(todo).id
        tech_id, bay_id = rng.choice(w.technician_ids), rng.choice(w.bay_ids)
        return "dispatch", lambda s: dispatch_job(s, foreman, job_id, technician_id=tech_id,
                                                  bay_id=bay_id, expected_version=ver).id
    working = [j for j in jobs if j.status in (JobStatus.DISPATCHED, JobStatus.IN_PROGRESS)]
    if working:
        job = rng.choice(working)
        if status is OrderStatus.IN_PROGRESS and rng.random() < 0.05:
            return "wait", lambda s: set_waiting(s, advisor, oid, WaitReason.PARTS,
                                                 expected_version=ver).id
        if job.status == JobStatus.DISPATCHED and rng.random() < 0.3:
            job_id, tech_id = job.id, job.technician_id or w.technician_ids[0]
            return "clock_on", lambda s: clock_on(s, tech, job_id, tech_id,
                                                  expected_version=ver).id
        return "finish", lambda s, job_id=job.id: finish_job(s, tech, job_id,
                                                             expected_version=ver).id
    return "qc_send", lambda s: send_to_qc(s, foreman, oid, expected_version=ver).id
