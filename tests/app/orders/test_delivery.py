"""Completion review, calling the customer, and the hand-over with its gate pass."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.cashier.invoicing import settle_order
from app.cashier.payments import PaymentPart, take_payments
from app.errors import DomainError, InvalidTransition, PermissionDenied
from app.orders import delivery, progress
from app.orders.queries import order_version
from db.enums import OrderStatus
from db.models import AuditEntry
from tests import builders
from tests.factories import make_completed_order


def _pay(session, cashier, invoice, *, payer="customer", method="wechat_pay", key="pay-1"):
    share = {"customer": invoice.customer_share, "warranty": invoice.warranty_share}[payer]
    take_payments(session, cashier, invoice.id, [PaymentPart(method, share, payer=payer)],
                  idempotency_key=key)


def test_review_and_call_after_completion(session, advisor, cashier) -> None:
    order = make_completed_order(session, advisor)
    called = delivery.mark_customer_called(session, advisor, order.id,
                                           expected_version=order_version(session, order.id))
    assert called.customer_called_at is not None
    reviewed = delivery.review_completed(session, advisor, order.id,
                                         expected_version=order_version(session, order.id))
    first = reviewed.reviewed_at
    assert first is not None and reviewed.reviewed_by_id == advisor.user_id
    again = delivery.review_completed(session, advisor, order.id,
                                      expected_version=order_version(session, order.id))
    assert again.reviewed_at == first
    settle_order(session, cashier, order.id)
    called = delivery.mark_customer_called(session, advisor, order.id,
                                           expected_version=order_version(session, order.id))
    assert called.status == "invoiced"
    with pytest.raises(InvalidTransition) as err:
        delivery.review_completed(session, advisor, order.id,
                                  expected_version=order_version(session, order.id))
    assert "“已结算”" in err.value.message("zh_CN")


def test_nothing_to_review_or_call_before_completion(session, advisor,
                                                    technician_actor) -> None:
    order = builders.order_with_lines(session, advisor)
    for step in (delivery.review_completed, delivery.mark_customer_called):
        with pytest.raises(InvalidTransition):
            step(session, advisor, order.id, expected_version=order_version(session, order.id))
        with pytest.raises(PermissionDenied):
            step(session, technician_actor, order.id,
                 expected_version=order_version(session, order.id))


def test_the_car_leaves_only_when_paid_with_a_gate_pass(session, advisor, cashier) -> None:
    order = make_completed_order(session, advisor)
    with pytest.raises(InvalidTransition):  # completed but not invoiced
        delivery.deliver(session, advisor, order.id,
                         expected_version=order_version(session, order.id))
    invoice = settle_order(session, cashier, order.id)
    with pytest.raises(DomainError) as err:
        delivery.deliver(session, advisor, order.id,
                         expected_version=order_version(session, order.id))
    assert "尚未结清" in err.value.message("zh_CN")
    assert order.status == OrderStatus.INVOICED and order.gate_pass_number is None
    _pay(session, cashier, invoice)
    done = delivery.deliver(session, advisor, order.id,
                            expected_version=order_version(session, order.id))
    assert done.status == OrderStatus.DELIVERED
    assert done.gate_pass_number == "GP000001"
    assert done.gate_pass_by_id == advisor.user_id
    assert done.gate_pass_at is not None and done.delivered_at == done.gate_pass_at
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "order.deliver"))
    assert "GP000001" in entry.after and invoice.number in entry.after
    with pytest.raises(InvalidTransition):
        delivery.deliver(session, advisor, order.id,
                         expected_version=order_version(session, order.id))
    assert done.gate_pass_number == "GP000001"


def test_the_progress_name_still_delivers(session, advisor, cashier) -> None:
    first = make_completed_order(session, advisor, plate="粤B11111")
    second = make_completed_order(session, advisor, plate="粤B22222")
    for i, order in enumerate((first, second)):
        _pay(session, cashier, settle_order(session, cashier, order.id), key=f"k{i}")
    delivery.deliver(session, advisor, first.id, expected_version=order_version(session, first.id))
    handed = progress.deliver(session, advisor, second.id,
                              expected_version=order_version(session, second.id))
    assert handed.gate_pass_number == "GP000002"


def test_a_warranty_only_order_is_invoiced_and_covered_before_it_leaves(
        session, advisor, cashier, actors) -> None:
    order = make_completed_order(session, advisor, lines=[
        {"type": "labour", "description": "保修更换水泵", "hours": "2.00", "payer": "warranty"}])
    invoice = settle_order(session, cashier, order.id)
    assert invoice.customer_share == 0 and invoice.warranty_share > 0
    with pytest.raises(DomainError):
        delivery.deliver(session, advisor, order.id,
                         expected_version=order_version(session, order.id))
    _pay(session, cashier, invoice, payer="warranty", method="account")
    with pytest.raises(PermissionDenied):
        delivery.deliver(session, actors["technician"], order.id,
                         expected_version=order_version(session, order.id))
    handed = delivery.deliver(session, advisor, order.id,
                              expected_version=order_version(session, order.id))
    assert handed.status == OrderStatus.DELIVERED
