"""Moving repair orders through the state machine, with guards and recorded reasons."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.clock import now
from app.errors import DomainError, InvalidTransition, ValidationError
from app.i18n import Label, _
from app.orders.state import allowed
from app.security.actor import Actor
from app.validation.text import TEXT_LIMIT, clean_text
from db.enums import OrderStatus, WaitReason
from db.models import OrderStatusChange, RepairOrder


def change_status(session: Session, actor: Actor, order: RepairOrder, to_status: OrderStatus,
                  *, reason: str = "", wait_reason: WaitReason | None = None) -> None:
    """Move ``order`` along one edge of the state machine and record who, when and why.

    Callers check permissions and data guards; this checks only that the edge exists.
    """
    from_status = OrderStatus(order.status)
    if not allowed(from_status, to_status):
        raise InvalidTransition(from_status=Label(status_label(from_status)),
                                to_status=Label(status_label(to_status)))
    if to_status is OrderStatus.WAITING and wait_reason is None:
        raise ValidationError("wait_reason", _("Waiting for"),
                              _("Say what the order is waiting for (parts, approval, sublet)."))
    reason = clean_text(reason, field="reason", label=_("Reason"), max_length=TEXT_LIMIT)
    if to_status is OrderStatus.CANCELLED and not reason:
        raise ValidationError("reason", _("Reason"), _("Give a reason for cancelling."))
    order.status = to_status
    order.wait_reason = wait_reason.value if to_status is OrderStatus.WAITING and wait_reason \
        else None
    session.add(OrderStatusChange(repair_order_id=order.id, from_status=from_status.value,
                                  to_status=to_status.value, at=now(), user_id=actor.user_id,
                                  reason=reason))


STATUS_LABELS: dict[OrderStatus, str] = {
    OrderStatus.DRAFT: _("draft"),
    OrderStatus.OPEN: _("checked in"),
    OrderStatus.ESTIMATED: _("estimated"),
    OrderStatus.APPROVED: _("approved by customer"),
    OrderStatus.IN_PROGRESS: _("in progress"),
    OrderStatus.WAITING: _("waiting"),
    OrderStatus.QC: _("quality inspection"),
    OrderStatus.COMPLETED: _("completed"),
    OrderStatus.INVOICED: _("invoiced"),
    OrderStatus.DELIVERED: _("delivered"),
    OrderStatus.CLOSED: _("closed"),
    OrderStatus.CANCELLED: _("cancelled"),
}


def status_label(status: str) -> str:
    """The translatable label (a msgid) of an order status."""
    return STATUS_LABELS[OrderStatus(status)]


def require_status(order: RepairOrder, allowed_statuses: frozenset[OrderStatus],
                   msgid: str) -> None:
    """Raise ``DomainError(msgid)`` unless the order is in one of ``allowed_statuses``."""
    if OrderStatus(order.status) not in allowed_statuses:
        raise DomainError(msgid, number=order.number, status=Label(status_label(order.status)))
