"""The repair order state machine (architecture.md) as data, with a guard-free check.

draft → open → estimated → approved → in_progress ⇄ waiting → qc → completed → invoiced
→ delivered → closed; qc fail → in_progress (rework); any pre-invoice state → cancelled.
Guards that need data (lines present, jobs done, paid ...) live in app/orders/workflow.py.
"""

from __future__ import annotations

from db.enums import OrderStatus as S

PRE_INVOICE = frozenset({S.DRAFT, S.OPEN, S.ESTIMATED, S.APPROVED, S.IN_PROGRESS, S.WAITING,
                         S.QC, S.COMPLETED})

TRANSITIONS: dict[S, frozenset[S]] = {
    S.DRAFT: frozenset({S.OPEN}),
    S.OPEN: frozenset({S.ESTIMATED}),
    S.ESTIMATED: frozenset({S.APPROVED, S.OPEN}),
    S.APPROVED: frozenset({S.IN_PROGRESS}),
    S.IN_PROGRESS: frozenset({S.WAITING, S.QC}),
    S.WAITING: frozenset({S.IN_PROGRESS}),
    S.QC: frozenset({S.COMPLETED, S.IN_PROGRESS}),
    S.COMPLETED: frozenset({S.INVOICED, S.IN_PROGRESS}),
    S.INVOICED: frozenset({S.DELIVERED, S.COMPLETED}),  # back to completed: credit note
    S.DELIVERED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.CANCELLED: frozenset(),
}
for _state in PRE_INVOICE:
    TRANSITIONS[_state] = TRANSITIONS[_state] | {S.CANCELLED}

# Lines may be added or changed only while the work is still being agreed or done.
EDITABLE = frozenset({S.DRAFT, S.OPEN, S.ESTIMATED, S.APPROVED, S.IN_PROGRESS, S.WAITING})
# Once the customer has signed, new lines are additional work needing recorded consent.
SIGNED = frozenset({S.APPROVED, S.IN_PROGRESS, S.WAITING})


def allowed(from_status: str, to_status: str) -> bool:
    """True when the state machine has an edge from ``from_status`` to ``to_status``."""
    return S(to_status) in TRANSITIONS[S(from_status)]
