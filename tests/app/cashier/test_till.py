"""Till sessions: one open drawer per terminal, expected cash, variance at the close."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.cashier.invoicing import issue_credit_note, refund_payment
from app.cashier.payments import PaymentPart, take_payments
from app.cashier.till import close_till, current_till, open_till
from app.errors import DomainError, PermissionDenied, ValidationError
from db.enums import TillStatus
from db.models import AuditEntry, TillSession
from tests.app.cashier.helpers import head, settled_invoice


def test_close_counts_expected_cash_and_audits_the_variance(session, cashier, advisor,
                                                            manager) -> None:
    till = open_till(session, cashier, terminal="收银台1", opening_float="200.00")
    session.commit()
    assert current_till(session, " 收银台1 ").id == till.id
    first = settled_invoice(session, cashier, advisor)
    take_payments(session, cashier, first.id,
                  [PaymentPart("cash", "500.00", tendered="600"), PaymentPart("card", "372.00")],
                  idempotency_key="t1", till_session_id=till.id)
    second = settled_invoice(session, cashier, advisor, plate="粤A00001")
    take_payments(session, cashier, second.id, [PaymentPart("cash", "872.00")],
                  idempotency_key="t2", till_session_id=till.id)
    note = issue_credit_note(session, manager, second.id, reason="开错车主")
    refund_payment(session, cashier, note.id, amount="72.00", method="cash",
                   idempotency_key="t3", till_session_id=till.id)
    session.commit()

    summary = close_till(session, cashier, till.id, counted_cash="1489.50")
    session.commit()
    # 200 float + 500 + 872 cash − 72 cash refund = 1500.00 expected; 1489.50 counted
    assert summary.expected_cash == Decimal("1500.00")
    assert summary.counted_cash == Decimal("1489.50")
    assert summary.variance == Decimal("-10.50")
    assert summary.by_method == {"cash": Decimal("1300.00"), "card": Decimal("372.00")}
    assert summary.payment_count == 4
    # the anchor of the books at the close, for the Z report and the anchor file
    assert (summary.anchor.reason, summary.anchor.terminal) == ("till_close", "收银台1")
    assert (summary.anchor.document_seq, summary.anchor.document_hash) == head(session)
    assert summary.anchor.series["receipt"].last == "RC000004"
    stored = session.get(TillSession, till.id)
    assert stored.status == TillStatus.CLOSED
    assert (stored.expected_cash, stored.counted_cash) == (Decimal("1500.00"),
                                                           Decimal("1489.50"))
    assert stored.closed_by_id == cashier.user_id and stored.closed_at is not None
    entry = session.scalars(select(AuditEntry)
                            .where(AuditEntry.action == "cashier.till_close")).one()
    assert json.loads(entry.after)["variance"] == "-10.50"
    assert current_till(session, "收银台1") is None

    with pytest.raises(DomainError, match="already closed"):
        close_till(session, cashier, till.id, counted_cash="0")
    session.rollback()
    third = settled_invoice(session, cashier, advisor, plate="粤A00002")
    with pytest.raises(DomainError, match="is closed"):
        take_payments(session, cashier, third.id, [PaymentPart("cash", "10")],
                      idempotency_key="t4", till_session_id=till.id)
    session.rollback()
    assert open_till(session, cashier, terminal="收银台1", opening_float="0").id != till.id


def test_one_open_till_per_terminal(session, cashier) -> None:
    open_till(session, cashier, terminal="POS-1", opening_float="100")
    session.commit()
    with pytest.raises(DomainError, match="already has an open till"):
        open_till(session, cashier, terminal="POS-1", opening_float="100")
    session.rollback()
    assert open_till(session, cashier, terminal="POS-2", opening_float="0").terminal == "POS-2"


def test_till_input_and_permissions(session, cashier, advisor) -> None:
    with pytest.raises(PermissionDenied):
        open_till(session, advisor, terminal="POS-1", opening_float="0")
    for terminal in ("", "   ", "x" * 61):
        with pytest.raises(ValidationError) as info:
            open_till(session, cashier, terminal=terminal, opening_float="0")
        assert info.value.field == "terminal"
    with pytest.raises(ValidationError) as info:
        open_till(session, cashier, terminal="POS-1", opening_float="-1")
    assert info.value.field == "opening_float"
    till = open_till(session, cashier, terminal="POS-1", opening_float="0")
    with pytest.raises(ValidationError) as info:
        close_till(session, cashier, till.id, counted_cash="abc")
    assert info.value.field == "counted_cash"
    with pytest.raises(PermissionDenied):
        close_till(session, advisor, till.id, counted_cash="0")
