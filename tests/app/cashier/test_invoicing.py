"""Settling completed orders into invoices, credit notes and refunds, balances."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.cashier.chain import GENESIS_HASH
from app.cashier.invoicing import (
    current_invoice,
    invoice_balance,
    is_settled,
    issue_credit_note,
    order_balance,
    refund_payment,
    settle_order,
)
from app.cashier.payments import PaymentPart, take_payments
from app.errors import DomainError, NotFound, PermissionDenied, ValidationError
from app.money import ROUNDING_RULE
from app.orders.totals import price_order
from app.security.permissions import ROLE_PERMISSIONS
from db.enums import InvoiceKind, OrderStatus, RoleCode
from db.models import AuditEntry, Invoice, InvoiceLine, OrderStatusChange, RepairOrder
from tests.app.cashier.helpers import SPLIT_LINES, payment_count, settled_invoice
from tests.factories import make_completed_order


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_settling_freezes_lines_totals_and_shares(session, cashier, advisor) -> None:
    order = make_completed_order(session, advisor)
    expected = price_order(session, order)
    invoice = settle_order(session, cashier, order.id)
    session.commit()

    assert invoice.number == "INV000001"
    assert invoice.kind == InvoiceKind.INVOICE
    assert (invoice.chain_seq, invoice.prev_hash) == (1, GENESIS_HASH)
    assert len(invoice.hash) == 64
    # 2 × 270.00 labour + 4 × 78.00 oil + 20.00 fee, prices include 13 % VAT
    assert invoice.gross_total == Decimal("872.00")
    assert invoice.tax_total == Decimal("100.31")
    assert invoice.net_total == Decimal("771.69")
    assert (invoice.net_total, invoice.tax_total, invoice.gross_total) == (
        expected.totals.net, expected.totals.tax, expected.totals.gross)
    lines = session.scalars(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)
                            .order_by(InvoiceLine.position)).all()
    assert [line.description for line in lines] == ["更换机油机滤", "四轮定位",
                                                   "0W-20 全合成机油", "环保处理费"]
    assert sum(line.net for line in lines) == invoice.net_total
    assert sum(line.tax for line in lines) == invoice.tax_total
    assert sum(line.gross for line in lines) == invoice.gross_total
    assert all(line.net + line.tax == line.gross for line in lines)
    assert invoice.customer_share == Decimal("872.00")
    assert invoice.insurer_share == invoice.warranty_share == invoice.internal_share == 0
    assert invoice.rounding_rule == ROUNDING_RULE
    assert invoice.prices_include_tax is True
    assert invoice.currency == "CNY"

    session.expire_all()
    reloaded = session.get(RepairOrder, order.id)
    assert reloaded.status == OrderStatus.INVOICED
    change = session.scalars(select(OrderStatusChange)
                             .where(OrderStatusChange.repair_order_id == order.id)).all()[-1]
    assert (change.from_status, change.to_status) == ("completed", "invoiced")
    assert current_invoice(session, order.id).id == invoice.id
    assert order_balance(session, order.id) == Decimal("872.00")
    assert not is_settled(session, order.id)


def test_payer_shares_follow_the_lines(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor, lines=SPLIT_LINES)
    assert invoice.gross_total == Decimal("2290.00")
    assert invoice.customer_share == Decimal("290.00")
    assert invoice.insurer_share == Decimal("2000.00")


def test_only_completed_orders_are_settled(session, cashier, advisor) -> None:
    order = make_completed_order(session, advisor)
    order.status = OrderStatus.IN_PROGRESS
    session.commit()
    with pytest.raises(DomainError, match="only completed orders"):
        settle_order(session, cashier, order.id)
    session.rollback()
    assert _count(session, Invoice) == 0


def test_parts_billed_must_equal_parts_issued(session, cashier, advisor) -> None:
    lines = [{"type": "labour", "description": "更换刹车片"},
             {"type": "part", "part_no": "BRK-PAD-F", "description": "前刹车片",
              "quantity": "2", "unit_price": "260.00", "issued_qty": "1"}]
    order = make_completed_order(session, advisor, lines=lines)
    session.commit()
    with pytest.raises(DomainError) as info:
        settle_order(session, cashier, order.id)
    session.rollback()
    assert "BRK-PAD-F 前刹车片" in str(info.value)
    assert "1 issued but 2 to bill" in str(info.value)
    assert _count(session, Invoice) == 0
    assert session.get(RepairOrder, order.id).status == OrderStatus.COMPLETED
    # the refused attempt used no invoice number: the next one is still INV000001
    other = make_completed_order(session, advisor, plate="粤A00001")
    assert settle_order(session, cashier, other.id).number == "INV000001"


def test_an_order_with_nothing_billable_is_refused(session, cashier, advisor) -> None:
    order = make_completed_order(session, advisor, lines=[])
    session.commit()
    with pytest.raises(DomainError, match="nothing to invoice"):
        settle_order(session, cashier, order.id)


def test_advisor_cannot_settle(session, advisor) -> None:
    order = make_completed_order(session, advisor)
    session.commit()
    with pytest.raises(PermissionDenied):
        settle_order(session, advisor, order.id)


def test_only_managers_and_admins_issue_credit_notes(session, actors) -> None:
    holders = {role for role, perms in ROLE_PERMISSIONS.items() if "cashier.credit" in perms}
    assert holders == {RoleCode.SERVICE_MANAGER, RoleCode.ADMIN}
    assert actors["service_manager"].can("cashier.credit")
    assert actors["admin"].can("cashier.credit")
    assert not actors["cashier"].can("cashier.credit")


def test_cashier_cannot_credit(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    with pytest.raises(PermissionDenied):
        issue_credit_note(session, cashier, invoice.id, reason="写错了")


def test_credit_note_reverses_once_and_reopens_the_order(session, cashier, advisor,
                                                         manager) -> None:
    invoice = settled_invoice(session, cashier, advisor, lines=SPLIT_LINES)
    take_payments(session, cashier, invoice.id,
                  [PaymentPart("card", "100.00"), PaymentPart("account", "2000", "insurer")],
                  idempotency_key="pay-1")
    session.commit()

    with pytest.raises(ValidationError):
        issue_credit_note(session, manager, invoice.id, reason="  ")
    session.rollback()

    note = issue_credit_note(session, manager, invoice.id, reason="保险定损金额变更")
    session.commit()
    assert note.number == "CN000001"
    assert note.kind == InvoiceKind.CREDIT_NOTE
    assert note.original_invoice_id == invoice.id
    assert note.gross_total == -invoice.gross_total
    assert note.net_total == -invoice.net_total and note.tax_total == -invoice.tax_total
    assert note.customer_share == Decimal("-290.00")
    assert note.insurer_share == Decimal("-2000.00")
    assert note.warranty_share == Decimal("0")
    assert [(line.quantity, line.gross) for line in note.lines] == [
        (-line.quantity, -line.gross) for line in invoice.lines]
    assert note.chain_seq == invoice.chain_seq + 3  # after the two payments
    entry = session.scalars(select(AuditEntry)
                            .where(AuditEntry.action == "cashier.credit_note")).one()
    assert entry.reason == "保险定损金额变更" and "CN000001" in entry.after

    session.expire_all()
    order = session.get(RepairOrder, invoice.repair_order_id)
    assert order.status == OrderStatus.COMPLETED
    assert current_invoice(session, order.id) is None
    with pytest.raises(NotFound):
        order_balance(session, order.id)
    assert not is_settled(session, order.id)

    with pytest.raises(DomainError, match="already reversed by credit note CN000001"):
        issue_credit_note(session, manager, invoice.id, reason="again")
    session.rollback()
    with pytest.raises(DomainError, match="credit note itself"):
        issue_credit_note(session, manager, note.id, reason="again")
    session.rollback()
    with pytest.raises(DomainError, match="reversed by credit note"):
        take_payments(session, cashier, invoice.id, [PaymentPart("card", "1.00")],
                      idempotency_key="pay-2")
    session.rollback()
    assert _count(session, Invoice) == 2

    # corrected and invoiced again: a new invoice number, the old one stays reversed
    again = settle_order(session, cashier, order.id)
    session.commit()
    assert again.number == "INV000002"
    assert current_invoice(session, order.id).id == again.id
    assert order_balance(session, order.id) == again.gross_total


def test_refunds_are_bounded_by_what_was_paid(session, cashier, advisor, manager) -> None:
    invoice = settled_invoice(session, cashier, advisor, lines=SPLIT_LINES)
    take_payments(session, cashier, invoice.id,
                  [PaymentPart("wechat_pay", "290.00"),
                   PaymentPart("account", "2000.00", "insurer")], idempotency_key="p1")
    note = issue_credit_note(session, manager, invoice.id, reason="重开发票")
    session.commit()
    assert invoice_balance(session, note.id) == Decimal("-2290.00")

    refund = refund_payment(session, cashier, note.id, amount="200.00", method="wechat_pay",
                            idempotency_key="r1", reference="WX-REFUND-1")
    session.commit()
    assert refund.amount == Decimal("-200.00")
    assert refund.invoice_id == note.id
    assert refund.number == "RC000003"
    # a retry returns the same refund
    assert refund_payment(session, cashier, note.id, amount="200.00", method="wechat_pay",
                          idempotency_key="r1").id == refund.id
    with pytest.raises(DomainError, match="already used"):
        refund_payment(session, cashier, note.id, amount="50.00", method="wechat_pay",
                       idempotency_key="r1")
    session.rollback()
    with pytest.raises(DomainError, match="Too much to refund"):
        refund_payment(session, cashier, note.id, amount="90.01", method="wechat_pay",
                       idempotency_key="r2")
    session.rollback()
    refund_payment(session, cashier, note.id, amount="-90.00", method="wechat_pay",
                   idempotency_key="r2")
    refund_payment(session, cashier, note.id, amount="2000.00", method="account",
                   payer="insurer", idempotency_key="r3")
    session.commit()
    assert invoice_balance(session, note.id) == Decimal("0.00")
    with pytest.raises(DomainError, match="not a credit note"):
        refund_payment(session, cashier, invoice.id, amount="1", method="card",
                       idempotency_key="r4")
    session.rollback()
    assert payment_count(session) == 5
    audits = session.scalar(select(func.count(AuditEntry.id))
                            .where(AuditEntry.action == "cashier.refund"))
    assert audits == 3


def test_credit_of_a_delivered_order_is_refused_clearly(session, cashier, advisor,
                                                        manager) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    order = session.get(RepairOrder, invoice.repair_order_id)
    order.status = OrderStatus.DELIVERED
    session.commit()
    with pytest.raises(DomainError, match="not yet delivered"):
        issue_credit_note(session, manager, invoice.id, reason="x")
    session.rollback()
    assert _count(session, Invoice) == 1
