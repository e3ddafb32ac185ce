"""The repair order state machine (architecture.md) as data, with a guard-free check.

draft → open → estimated → approved → in_progress ⇄ waiting → qc → completed → invoiced
→ delivered → closed; qc fail → in_progress (rework); any pre-invoice state → cancelled.
Guards that need data (lines present, jobs done, paid ...) live in app/orders/workflow.py.
"""

from __future__ import annotations

from app.orders.status import EDITABLE, PRE_INVOICE, SIGNED
from db.enums import OrderStatus as S

__all__ = ["EDITABLE", "PRE_INVOICE", "SIGNED", "TRANSITIONS", "allowed"]  # sets: status.py

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


def allowed(from_status: str, to_status: str) -> bool:
    """True when the state machine has an edge from ``from_status`` to ``to_status``."""
    return S(to_status) in TRANSITIONS[S(from_status)]
