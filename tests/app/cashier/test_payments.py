"""Taking payments: split across methods and payers, no overpayment, idempotent keys."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.cashier.invoicing import invoice_balance, is_settled, open_by_payer
from app.cashier.payments import PaymentPart, change_due, take_payments
from app.cashier.till import open_till
from app.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from app.numbering import next_number
from db.enums import DocumentType
from tests.app.cashier.helpers import SPLIT_LINES, head, payment_count, settled_invoice, total_paid


def test_split_across_cash_wechat_and_insurer_on_account(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor, lines=SPLIT_LINES)
    till = open_till(session, cashier, terminal="收银台1", opening_float="200.00")
    payments = take_payments(
        session, cashier, invoice.id,
        [PaymentPart("cash", "200.00", tendered="300"),
         PaymentPart("wechat_pay", "90.00", reference="4200001234"),
         PaymentPart("account", Decimal("2000.00"), payer="insurer", reference="PICC-778")],
        idempotency_key="split-1", till_session_id=till.id)
    session.commit()

    assert [p.number for p in payments] == ["RC000001", "RC000002", "RC000003"]
    assert [p.idempotency_key for p in payments] == ["split-1:0", "split-1:1", "split-1:2"]
    assert [p.payer for p in payments] == ["customer", "customer", "insurer"]
    cash = payments[0]
    assert (cash.tendered, change_due(cash)) == (Decimal("300.00"), Decimal("100.00"))
    assert change_due(payments[1]) == 0
    assert all(p.till_session_id == till.id for p in payments)
    assert invoice_balance(session, invoice.id) == Decimal("0.00")
    assert is_settled(session, invoice.repair_order_id)
    assert [p.chain_seq for p in payments] == [2, 3, 4]
    assert payments[1].prev_hash == payments[0].hash


def test_customer_paid_but_insurer_unrecorded_is_not_settled(session, cashier,
                                                             advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor, lines=SPLIT_LINES)
    take_payments(session, cashier, invoice.id, [PaymentPart("card", "290.00")],
                  idempotency_key="c1")
    session.commit()
    assert open_by_payer(session, invoice.id)["customer"] == 0
    assert open_by_payer(session, invoice.id)["insurer"] == Decimal("2000.00")
    assert not is_settled(session, invoice.repair_order_id)


def test_overpayment_is_refused_and_nothing_is_written(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor, lines=SPLIT_LINES)
    before = head(session)
    session.rollback()
    for parts in (
        [PaymentPart("card", "2290.01")],  # more than the invoice, and than the customer owes
        [PaymentPart("card", "100.00"), PaymentPart("alipay", "190.01")],  # customer 290.01
        [PaymentPart("card", "100.00"),
         PaymentPart("account", "2000.01", payer="insurer")],  # second part over
        [PaymentPart("account", "1.00", payer="warranty")],  # warranty owes nothing
    ):
        with pytest.raises(DomainError, match="Too much for"):
            take_payments(session, cashier, invoice.id, parts, idempotency_key="over")
        session.rollback()
    assert payment_count(session) == 0
    assert head(session) == before
    assert next_number(session, DocumentType.RECEIPT) == "RC000001"  # no number was used
    session.rollback()
    # the exact balance goes through
    take_payments(session, cashier, invoice.id,
                  [PaymentPart("card", "290.00"),
                   PaymentPart("bank_transfer", "2000.00", payer="insurer")],
                  idempotency_key="exact")
    session.commit()
    assert total_paid(session, invoice.id) == invoice.gross_total
    with pytest.raises(DomainError, match=r"0\.00 is still open"):
        take_payments(session, cashier, invoice.id, [PaymentPart("card", "0.01")],
                      idempotency_key="more")


def test_retry_with_the_same_key_returns_the_same_payments(database, session, cashier,
                                                           advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    parts = [PaymentPart("card", "500.00"), PaymentPart("alipay", "372")]
    first = take_payments(session, cashier, invoice.id, parts, idempotency_key="dbl-click")
    session.commit()
    with database.session() as other:  # the retry comes from a fresh session
        again = take_payments(other, cashier, invoice.id, parts, idempotency_key="dbl-click")
        other.commit()
        assert [p.id for p in again] == [p.id for p in first]
    assert payment_count(session) == 2
    assert total_paid(session, invoice.id) == Decimal("872.00")


def test_same_key_for_a_different_payment_is_a_conflict(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    other = settled_invoice(session, cashier, advisor, plate="粤A00001")
    take_payments(session, cashier, invoice.id, [PaymentPart("card", "100.00")],
                  idempotency_key="k1")
    session.commit()
    for invoice_id, parts in (
        (invoice.id, [PaymentPart("card", "100.01")]),
        (invoice.id, [PaymentPart("alipay", "100.00")]),
        (invoice.id, [PaymentPart("card", "50.00"), PaymentPart("card", "50.00")]),
        (other.id, [PaymentPart("card", "100.00")]),
    ):
        with pytest.raises(ConflictError, match="k1 was already used"):
            take_payments(session, cashier, invoice_id, parts, idempotency_key="k1")
        session.rollback()
    assert payment_count(session) == 1


BAD_PARTS = [
    (PaymentPart("bitcoin", "1.00"), "method"),
    (PaymentPart("card", "0"), "amount"),
    (PaymentPart("card", "-5"), "amount"),
    (PaymentPart("card", "1.005"), "amount"),
    (PaymentPart("card", 1.5), "amount"),
    (PaymentPart("card", "1", payer="neighbour"), "payer"),
    (PaymentPart("card", "1", tendered="5"), "tendered"),
    (PaymentPart("cash", "10", tendered="9.99"), "tendered"),
    (PaymentPart("card", "1", reference="x" * 81), "reference"),
]
BAD_KEYS = ["", "  ", "a:b", "x" * 57, "键", None]


def test_bad_input_names_the_field(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    for part, field in BAD_PARTS:
        with pytest.raises(ValidationError) as info:
            take_payments(session, cashier, invoice.id, [part], idempotency_key="v")
        assert info.value.field == field, part
        session.rollback()
    for key in BAD_KEYS:
        with pytest.raises(ValidationError) as info:
            take_payments(session, cashier, invoice.id, [PaymentPart("card", "1")],
                          idempotency_key=key)
        assert info.value.field == "idempotency_key", key
    with pytest.raises(ValidationError) as info:
        take_payments(session, cashier, invoice.id, [], idempotency_key="empty")
    assert info.value.field == "parts"
    session.rollback()
    assert payment_count(session) == 0


def test_cash_needs_an_open_till(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    with pytest.raises(ValidationError) as info:
        take_payments(session, cashier, invoice.id, [PaymentPart("cash", "100")],
                      idempotency_key="cash-1")
    assert info.value.field == "till_session_id"
    session.rollback()
    assert payment_count(session) == 0


def test_permission_to_take_payments(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    with pytest.raises(PermissionDenied):
        take_payments(session, advisor, invoice.id, [PaymentPart("card", "1")],
                      idempotency_key="adv")
