"""After quality inspection: the advisor's completion review, the call to the customer and the
hand-over (交车) with its gate pass (出门条). Each step takes the ``expected_version`` of the
order the user read and refuses with ``ConflictError`` when it changed since.

The car leaves only when the order is invoiced and the invoice is settled (the customer's share
paid; insurer, warranty and internal shares recorded). An order whose lines are all warranty
or internal still gets an invoice, so delivery always follows invoicing.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.orm import Session

from app import audit
from app.cashier.invoicing import current_invoice, is_settled
from app.clock import now
from app.errors import DomainError, InvalidTransition
from app.i18n import Label, _
from app.numbering import next_number
from app.orders.queries import check_version, load_order
from app.orders.status import AWAITING_PICKUP
from app.orders.workflow import change_status, status_label
from app.security.actor import Actor, require
from db.enums import DocumentType, OrderStatus
from db.models import RepairOrder


def _require(order: RepairOrder, statuses: Collection[OrderStatus], msgid: str) -> None:
    if OrderStatus(order.status) not in statuses:
        raise InvalidTransition(msgid, number=order.number,
                                status=Label(status_label(order.status)))


def review_completed(session: Session, actor: Actor, order_id: int, *,
                     expected_version: int) -> RepairOrder:
    """The advisor checked the completed work against the order (``orders.edit``).

    Reviewing again keeps the first review.
    """
    require(actor, "orders.edit")
    order = load_order(session, order_id)
    check_version(order, expected_version)
    _require(order, (OrderStatus.COMPLETED,),
             _("Order {number} is {status}; only completed work can be reviewed."))
    if order.reviewed_at is None:
        order.reviewed_at = now()
        order.reviewed_by_id = actor.user_id
        audit.record(session, actor, "order.review", "repair_order", order.id)
    session.flush()
    return order


def mark_customer_called(session: Session, actor: Actor, order_id: int, *,
                         expected_version: int) -> RepairOrder:
    """The customer was told the car is ready (``orders.edit``); the latest call is kept."""
    require(actor, "orders.edit")
    order = load_order(session, order_id)
    check_version(order, expected_version)
    _require(order, AWAITING_PICKUP,
             _("Order {number} is {status}; the customer is called once the work is "
               "completed."))
    order.customer_called_at = now()
    session.flush()
    return order


def deliver(session: Session, actor: Actor, order_id: int, *,
            expected_version: int) -> RepairOrder:
    """Hand the car over (``orders.deliver``): invoiced and settled → delivered, gate pass.

    The gate pass number comes from the GATE_PASS series in this transaction; the order is
    row-locked so two desks cannot hand the same car over twice.
    """
    require(actor, "orders.deliver")
    order = load_order(session, order_id, for_update=True)
    check_version(order, expected_version)
    _require(order, (OrderStatus.INVOICED,),
             _("Order {number} is {status}; a car is handed over after its order is "
               "invoiced."))
    if not is_settled(session, order.id):
        raise DomainError(_("Order {number} is not paid yet; the car cannot leave."),
                          number=order.number)
    at = now()
    change_status(session, actor, order, OrderStatus.DELIVERED, reason="handed over")
    order.delivered_at = at
    order.gate_pass_number = next_number(session, DocumentType.GATE_PASS)
    order.gate_pass_at = at
    order.gate_pass_by_id = actor.user_id
    session.flush()
    invoice = current_invoice(session, order.id)
    audit.record(session, actor, "order.deliver", "repair_order", order.id,
                 after={"gate_pass": order.gate_pass_number,
                        "invoice": invoice.number if invoice else None})
    return order
