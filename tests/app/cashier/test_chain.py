"""The hash chain across invoices, credit notes and payments, re-checked from the database."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from app.cashier.chain import (
    append_to_chain,
    canonical_invoice,
    canonical_payment,
    document_hash,
)
from app.cashier.invoicing import issue_credit_note, refund_payment
from app.cashier.payments import PaymentPart, take_payments
from app.fiscal.verify import verify_chain
from db.models import Invoice, Payment
from tests.app.cashier.helpers import SPLIT_LINES, head, settled_invoice
from tests.tampering import tamper


def _mixed_documents(session, cashier, advisor, manager) -> dict[str, object]:
    """invoice 1, its payments, invoice 2, credit note of 1, a refund, a payment on 2."""
    first = settled_invoice(session, cashier, advisor, lines=SPLIT_LINES)
    pays = take_payments(session, cashier, first.id,
                         [PaymentPart("card", "290.00"),
                          PaymentPart("account", "2000.00", payer="insurer")],
                         idempotency_key="m1")
    session.commit()
    second = settled_invoice(session, cashier, advisor, plate="粤A00001")
    note = issue_credit_note(session, manager, first.id, reason="改开")
    refund = refund_payment(session, cashier, note.id, amount="290.00", method="card",
                            idempotency_key="m2")
    last = take_payments(session, cashier, second.id, [PaymentPart("alipay", "872.00")],
                         idempotency_key="m3")
    session.commit()
    return {"first": first, "pays": pays, "second": second, "note": note, "refund": refund,
            "last": last[0]}


def test_documents_form_one_chain_that_verifies_from_the_database(database, session, cashier,
                                                                  advisor, manager) -> None:
    docs = _mixed_documents(session, cashier, advisor, manager)
    order = [docs["first"], *docs["pays"], docs["second"], docs["note"], docs["refund"],
             docs["last"]]
    assert [d.chain_seq for d in order] == list(range(1, 8))
    for before, after in itertools.pairwise(order):
        assert after.prev_hash == before.hash
    assert head(session) == (7, docs["last"].hash)
    in_memory = {d.number: (canonical_invoice(d) if isinstance(d, Invoice)
                            else canonical_payment(d)) for d in order}

    session.rollback()
    with database.reading() as fresh:  # everything re-read from the database
        assert verify_chain(fresh) == []
        for number, canonical in in_memory.items():
            stored = (fresh.scalar(select(Invoice).where(Invoice.number == number))
                      or fresh.scalar(select(Payment).where(Payment.number == number)))
            again = (canonical_invoice(stored) if isinstance(stored, Invoice)
                     else canonical_payment(stored))
            assert again == canonical, number
            assert document_hash(again) == stored.hash


def test_canonical_form_is_deterministic_json(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    raw = canonical_invoice(invoice)
    doc = json.loads(raw)
    assert raw == json.dumps(doc, sort_keys=True, separators=(",", ":"),
                             ensure_ascii=False).encode("utf-8")
    assert doc["gross_total"] == "872.00"
    assert doc["lines"][2]["quantity"] == "4.000"
    assert doc["lines"][0]["tax_rate"] == "0.1300"
    assert doc["issued_at"].endswith("Z") and len(doc["issued_at"]) == 27
    assert doc["prev_hash"] == "0" * 64 and doc["chain_seq"] == 1
    assert document_hash(raw) == invoice.hash


@pytest.mark.parametrize("statement, culprit", [
    ("UPDATE payment SET amount = amount - 1 WHERE number = 'RC000001'", "RC000001"),
    ("UPDATE invoice SET gross_total = gross_total + 10000 WHERE number = 'INV000002'",
     "INV000002"),
    ("UPDATE invoice_line SET description = '赠送' WHERE position = 1 AND invoice_id = "
     "(SELECT id FROM invoice WHERE number = 'INV000001')", "INV000001"),
    ("UPDATE invoice SET reason = '' WHERE number = 'CN000001'", "CN000001"),
    ("UPDATE payment SET received_at = received_at - INTERVAL '1 hour' "
     "WHERE number = 'RC000003'", "RC000003"),
])
def test_tampering_with_a_stored_document_is_reported(database, session, cashier, advisor,
                                                      manager, statement, culprit) -> None:
    _mixed_documents(session, cashier, advisor, manager)
    if database.backend == "sqlite":
        statement = statement.replace("received_at - INTERVAL '1 hour'",
                                      "datetime(received_at, '-1 hour')")
    tamper(session, statement)  # past the append-only triggers, as a superuser could
    session.commit()
    problems = verify_chain(session)
    assert len(problems) == 1, problems
    assert culprit in problems[0] and "does not match its contents" in problems[0]


def test_a_deleted_document_and_a_moved_head_are_reported(session, cashier, advisor,
                                                          manager) -> None:
    docs = _mixed_documents(session, cashier, advisor, manager)
    tamper(session, "DELETE FROM payment WHERE number = 'RC000002'")
    session.commit()
    problems = verify_chain(session)
    assert problems == [
        "Chain sequence 3 is missing.",
        f"{docs['second'].number} (#4): the previous hash does not match the document "
        "before it.",
    ]
    session.execute(text("UPDATE chain_head SET last_seq = 6"))
    session.commit()
    assert verify_chain(session)[-1] == (
        "The chain head (sequence 6) does not match the last document (sequence 7).")


def test_reports_are_translated(session, cashier, advisor) -> None:
    settled_invoice(session, cashier, advisor)
    tamper(session, "UPDATE invoice SET net_total = 0")
    session.commit()
    (problem,) = verify_chain(session, lang="zh_CN")
    assert "INV000001" in problem and "does not match" not in problem


def test_append_moves_the_head_and_refuses_a_chained_document(session, cashier,
                                                              advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    payment = Payment(number="RC-TEST", invoice_id=invoice.id, method="card",
                      payer="customer", amount=Decimal("1.00"), reference="",
                      idempotency_key="t:0", received_at=datetime(2024, 5, 1, 8, 30, tzinfo=UTC),
                      received_by_id=cashier.user_id)
    append_to_chain(session, payment)
    assert (payment.chain_seq, payment.prev_hash) == (2, invoice.hash)
    assert head(session) == (2, payment.hash)
    with pytest.raises(ValueError):
        append_to_chain(session, payment)
    session.commit()
    assert verify_chain(session) == []
