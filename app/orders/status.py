"""The named sets of repair-order, appointment and job statuses, and the rules on order lines.

One home for this vocabulary (the state machine itself is app/orders/state.py): services,
read models, prints and screens ask here which orders are open, in the workshop, editable,
waiting to be picked up …, and whether a line is pending additional work (追加项目 not yet
approved by the customer) or billable. ``OrderStatus`` is a ``StrEnum``, so every set also
answers for the plain strings read models carry (``"completed" in WORK_DONE``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, not_

from db.enums import AppointmentStatus, JobStatus
from db.enums import OrderStatus as S

# -- order statuses --------------------------------------------------------------------------

ALL = frozenset(S)
#: Not invoiced yet: the order may still be cancelled and its parts may still change.
PRE_INVOICE = frozenset({S.DRAFT, S.OPEN, S.ESTIMATED, S.APPROVED, S.IN_PROGRESS, S.WAITING,
                         S.QC, S.COMPLETED})
#: Billed, handed over, archived or called off: parts may no longer change.
FINISHED = ALL - PRE_INVOICE
#: Invoiced or later (the order has a current invoice).
INVOICED_OR_LATER = frozenset({S.INVOICED, S.DELIVERED, S.CLOSED})
#: Lines may be added or changed only while the work is still being agreed or done.
EDITABLE = frozenset({S.DRAFT, S.OPEN, S.ESTIMATED, S.APPROVED, S.IN_PROGRESS, S.WAITING})
#: The customer has signed and the work is under way: new lines are additional work needing
#: recorded consent, and jobs may be dispatched.
SIGNED = frozenset({S.APPROVED, S.IN_PROGRESS, S.WAITING})
#: The car is in the workshop (signed, in the bays, waiting or in quality inspection).
IN_WORKSHOP = SIGNED | {S.QC}
#: The work is finished (completed, and everything after it except cancellation).
WORK_DONE = frozenset({S.COMPLETED, S.INVOICED, S.DELIVERED, S.CLOSED})
#: Finished cars waiting for the customer to pick them up.
AWAITING_PICKUP = frozenset({S.COMPLETED, S.INVOICED})
#: Still in the shop's hands (not delivered, closed or cancelled), drafts included.
OPEN = PRE_INVOICE | {S.INVOICED}
#: Checked in and still on site (open, without drafts).
ON_SITE = OPEN - {S.DRAFT}
#: Orders on the workshop board: in the workshop, and finished cars waiting to be picked up.
BOARD = IN_WORKSHOP | {S.COMPLETED}
#: Orders that can no longer be late (the promised time no longer matters).
NOT_LATE = WORK_DONE | {S.CANCELLED}
#: Parts go out only to an order that has been checked in and is not finished.
NO_PART_ISSUE = FINISHED | {S.DRAFT}
#: A return needs the order not yet billed (a billed part comes back with a credit note).
NO_PART_RETURN = INVOICED_OR_LATER

# -- appointment statuses ------------------------------------------------------------------

#: Bookings still expected to arrive (not arrived, no-show or cancelled).
APPOINTMENTS_EXPECTED = frozenset({AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED})
#: Bookings that take (or took) a place in the book.
APPOINTMENTS_TAKING_PLACE = APPOINTMENTS_EXPECTED | {AppointmentStatus.ARRIVED}

# -- job statuses ----------------------------------------------------------------------------

#: A job whose hours, rate and description may still change (not dispatched yet).
EDITABLE_JOBS = frozenset({JobStatus.OPEN, JobStatus.PENDING})
#: A job that may be dispatched to a technician.
DISPATCHABLE_JOBS = frozenset({JobStatus.OPEN, JobStatus.DISPATCHED})
#: A job the technician has finished (self-inspected or passed QC).
FINISHED_JOBS = frozenset({JobStatus.DONE, JobStatus.QC_PASSED})


def values(statuses: frozenset[Any]) -> list[str]:
    """The plain string values of ``statuses``, sorted (for SQL ``IN`` lists)."""
    return sorted(str(s) for s in statuses)


def is_late(status: str, promised_at: datetime | None, at: datetime) -> bool:
    """True when the promised time has passed and the car is not ready (nor cancelled)."""
    return promised_at is not None and status not in NOT_LATE and promised_at < at


# -- rules on lines ---------------------------------------------------------------------------


class _Line(Protocol):
    additional: bool
    approval_id: int | None


def is_cancelled_job(line: Any) -> bool:
    """A labour line (anything with a job ``status``) that has been cancelled."""
    return getattr(line, "status", None) == JobStatus.CANCELLED


def awaits_approval(line: _Line) -> bool:
    """Additional work (追加项目) whose approval by the customer is not recorded yet."""
    return bool(line.additional and line.approval_id is None)


def is_pending_additional_work(line: _Line) -> bool:
    """Additional work still waiting for the customer's consent (not a cancelled job).

    ``line`` is a LabourLine, PartLine or ChargeLine (or anything with ``additional``,
    ``approval_id`` and, for jobs, ``status``).
    """
    return awaits_approval(line) and not is_cancelled_job(line)


def is_billable(line: _Line) -> bool:
    """A line is billable unless it is unapproved additional work or a cancelled job."""
    return not awaits_approval(line) and not is_cancelled_job(line)


def not_pending_clause(line: Any) -> ColumnElement[bool]:
    """SQL for ``not awaits_approval(line)``: the line (a LabourLine or PartLine class) is not
    additional work still waiting for the customer's consent."""
    return not_(and_(line.additional.is_(True), line.approval_id.is_(None)))
