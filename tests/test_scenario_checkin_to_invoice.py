"""Whole workflow through the real services, each step its own committed transaction:
check-in → lines → estimate → signature → dispatch → parts issue → additional work →
work → QC → completed → invoice → split payment → delivery → credit note.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.cashier.invoicing import is_settled, issue_credit_note, settle_order
from app.cashier.payments import PaymentPart, take_payments
from app.cashier.till import close_till, open_till
from app.errors import DomainError
from app.fiscal.verify import verify_chain
from app.orders import progress
from app.orders.lines import LineRef, add_labour_line, add_part_line, record_approval
from app.orders.queries import job_order_version, load_order, order_version
from app.orders.totals import price_order
from app.parts.stock import issue_to_order, stock_position, verify_ledger
from app.transactions import run_in_transaction
from db.enums import LineType, OrderStatus
from db.models import Invoice
from tests import builders
from tests.factories import make_part

D = Decimal


def test_check_in_to_invoice_and_credit_note(database, actors) -> None:
    advisor, foreman, tech_actor = actors["advisor"], actors["foreman"], actors["technician"]
    clerk, cashier, manager = actors["parts_clerk"], actors["cashier"], actors["service_manager"]

    def step(fn):
        return run_in_transaction(database, fn)

    part_id = step(lambda s: make_part(s, clerk, "04152-YZZA6", on_hand=D("10"),
                                       name="机油滤清器", sale_price="68.00").id)
    oil_id = step(lambda s: make_part(s, clerk, "08880-83324", on_hand=D("40"),
                                      name="全合成机油 5W-30", sale_price="95.00", unit="L").id)
    order_id = step(lambda s: builders.checked_in_order(s, advisor, mileage=45210).id)

    def write_lines(s):
        add_labour_line(s, advisor, order_id, description="常规保养（一万公里）", hours="1.2",
                        operation_code="MNT-10K")
        add_part_line(s, advisor, order_id, part_id=part_id, quantity="1")
        add_part_line(s, advisor, order_id, part_id=oil_id, quantity="4.5")
        progress.submit_estimate(s, advisor, order_id, expected_version=order_version(s, order_id))
        progress.record_customer_signature(s, advisor, order_id,
                                           expected_version=order_version(s, order_id))
    step(write_lines)

    def dispatch(s):
        tech = builders.technician(s)
        for job in load_order(s, order_id).labour_lines:
            progress.dispatch_job(s, foreman, job.id, technician_id=tech.id,
                                  expected_version=job_order_version(s, job.id))
            progress.clock_on(s, tech_actor, job.id, tech.id,
                              expected_version=job_order_version(s, job.id))
        return tech.id
    tech_id = step(dispatch)

    def issue(s):
        for line in load_order(s, order_id).part_lines:
            issue_to_order(s, clerk, line.id)
    step(issue)

    # The technician finds worn wipers: additional work, billable only after consent.
    extra_id = step(lambda s: add_labour_line(s, advisor, order_id, description="更换雨刮片",
                                              hours="0.2").id)
    step(lambda s: record_approval(s, advisor, order_id, [LineRef(LineType.LABOUR, extra_id)],
                                   approved_by="车主陈先生", method="phone",
                                   expected_version=order_version(s, order_id)))

    def work(s):
        progress.dispatch_job(s, foreman, extra_id, technician_id=tech_id,
                              expected_version=job_order_version(s, extra_id))
        for job in load_order(s, order_id).labour_lines:
            progress.finish_job(s, tech_actor, job.id,
                                expected_version=job_order_version(s, job.id))
        progress.send_to_qc(s, foreman, order_id, expected_version=order_version(s, order_id))
        progress.record_qc(s, foreman, order_id, passed=True,
                           expected_version=order_version(s, order_id))
    step(work)

    with database.reading() as s:
        order = load_order(s, order_id)
        assert order.status == OrderStatus.COMPLETED
        expected = price_order(s, order).totals
        assert stock_position(s, oil_id).on_hand == D("35.500")
    # 1.2 h × 180 + 0.2 h × 180 + 68.00 + 4.5 × 95.00 = 216 + 36 + 68 + 427.50
    assert expected.gross == D("747.50")

    invoice_id = step(lambda s: settle_order(s, cashier, order_id).id)
    till_id = step(lambda s: open_till(s, cashier, terminal="CASH-1", opening_float="500").id)
    parts = [PaymentPart("cash", D("300.00"), tendered=D("400.00")),
             PaymentPart("wechat_pay", D("447.50"), reference="WX4200001234")]
    payments = step(lambda s: [p.id for p in take_payments(
        s, cashier, invoice_id, parts, idempotency_key="scenario-pay-1",
        till_session_id=till_id)])
    again = step(lambda s: [p.id for p in take_payments(
        s, cashier, invoice_id, parts, idempotency_key="scenario-pay-1",
        till_session_id=till_id)])
    assert again == payments  # a retry pays nothing twice

    with database.reading() as s:
        invoice = s.get(Invoice, invoice_id)
        assert invoice.gross_total == expected.gross
        assert invoice.tax_total == expected.tax
        assert sum(line.gross for line in invoice.lines) == invoice.gross_total
        assert sum(p.amount for p in invoice.payments) == invoice.gross_total
        assert is_settled(s, order_id)

    step(lambda s: progress.deliver(s, advisor, order_id,
                                    expected_version=order_version(s, order_id)))
    summary = step(lambda s: close_till(s, cashier, till_id, counted_cash="800.00"))
    assert summary.expected_cash == D("800.00") and summary.variance == 0

    # Credit notes are for invoices not yet handed over; on a delivered order it is refused.
    with pytest.raises(DomainError):
        step(lambda s: issue_credit_note(s, manager, invoice_id, reason="开票错误"))

    with database.reading() as s:
        assert verify_chain(s) == []
        assert verify_ledger(s) == []


def test_credit_note_reverses_an_undelivered_invoice(database, actors) -> None:
    from tests.factories import make_completed_order

    cashier, manager = actors["cashier"], actors["service_manager"]
    order_id = run_in_transaction(database, lambda s: make_completed_order(s, cashier).id)
    invoice_id = run_in_transaction(database, lambda s: settle_order(s, cashier, order_id).id)
    credit_id = run_in_transaction(database, lambda s: issue_credit_note(
        s, manager, invoice_id, reason="工时单价录错").id)
    with database.reading() as s:
        original, credit = s.get(Invoice, invoice_id), s.get(Invoice, credit_id)
        first_number = original.number
        assert credit.gross_total == -original.gross_total
        assert credit.original_invoice_id == original.id
        assert load_order(s, order_id).status == OrderStatus.COMPLETED
        assert verify_chain(s) == []
    # corrected and invoiced again: a new number, the chain still verifies
    second = run_in_transaction(database, lambda s: settle_order(s, cashier, order_id).number)
    with database.reading() as s:
        assert second != first_number and verify_chain(s) == []
