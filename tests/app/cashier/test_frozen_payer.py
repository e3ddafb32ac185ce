"""An invoice keeps (and hashes) its payer as issued; documents of canonical version 1 — issued
before the payer was kept — still verify with the fields of their own version."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.cashier.chain import (
    CANONICAL_VERSION,
    _invoice_bytes,
    _payment_bytes,
    document_hash,
)
from app.cashier.payments import PaymentPart, take_payments
from app.fiscal.verify import verify_chain
from db.models import Invoice, InvoiceLine, Payment
from tests.app.cashier.helpers import settled_invoice
from tests.tampering import tamper


def _rows(session, invoice_id: int):
    row = session.execute(select(Invoice.__table__).where(Invoice.id == invoice_id)) \
        .mappings().one()
    lines = session.execute(select(InvoiceLine.__table__)
                            .where(InvoiceLine.invoice_id == invoice_id)).mappings().all()
    return dict(row), [dict(x) for x in lines]


def test_new_documents_are_version_2_and_hash_the_payer(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    (payment,) = take_payments(session, cashier, invoice.id, [PaymentPart("card", "872.00")],
                               idempotency_key="fp")
    session.commit()
    assert CANONICAL_VERSION == 2
    assert (invoice.canonical_version, payment.canonical_version) == (2, 2)
    row, lines = _rows(session, invoice.id)
    doc = json.loads(_invoice_bytes(row, lines))
    assert doc["v"] == 2 and doc["payer_name"] == "张伟" == invoice.payer_name
    assert {"payer_address", "payer_tax_id"} <= doc.keys()
    assert document_hash(_invoice_bytes(row, lines)) == invoice.hash
    pay_row = dict(session.execute(select(Payment.__table__)).mappings().one())
    assert document_hash(_payment_bytes(pay_row)) == payment.hash


def test_a_changed_payer_is_reported(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    tamper(session, "UPDATE invoice SET payer_name = '别人' WHERE id = :i", {"i": invoice.id})
    session.commit()
    (problem,) = verify_chain(session)
    assert invoice.number in problem and "does not match its contents" in problem


def test_version_1_leaves_the_payer_out(session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    row, lines = _rows(session, invoice.id)
    old = {**row, "canonical_version": 1}
    doc = json.loads(_invoice_bytes(old, lines))
    assert doc["v"] == 1 and "payer_name" not in doc and "payer_tax_id" not in doc
    # so a version-1 row's payer (filled in by migration 0005) is outside its hash
    assert _invoice_bytes({**old, "payer_name": "任何"}, lines) == _invoice_bytes(old, lines)
    # and claiming version 1 for a version-2 row breaks its hash
    tamper(session, "UPDATE invoice SET canonical_version = 1 WHERE id = :i",
           {"i": invoice.id})
    session.commit()
    (problem,) = verify_chain(session)
    assert invoice.number in problem
