"""Reprints of issued invoices show the payer as issued, are marked as copies and are audited."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.cashier.invoicing import issue_credit_note, settle_order
from app.customers.service import CustomerData, update_customer
from app.printing import render_document, render_invoice
from app.printing.copies import ACTION
from db.models import AuditEntry, Customer
from tests.app.printing.conftest import pdf_text, squash
from tests.factories import make_completed_order

ISSUED_NAME, ISSUED_TAX_ID = "深圳湾线物流有限公司", "91440300MA5FABCD1Q"
NEW_NAME, NEW_TAX_ID = "北京新名称科技有限公司", "91110108MA01ABCD2H"
ADDRESS = "深圳市南山区科技园南区1栋"


def _rename(session, actor, customer_id: int, name: str, tax_id: str, address: str) -> None:
    customer = session.get(Customer, customer_id)
    update_customer(session, actor, customer_id,
                    CustomerData(name=name, kind="company", tax_id=tax_id, address=address),
                    expected_version=customer.version)


def _prints(session, invoice_id: int) -> list[dict]:
    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.action == ACTION, AuditEntry.entity_id == str(invoice_id))
        .order_by(AuditEntry.id)).all()
    return [{"user_id": e.user_id, "at": e.at, **json.loads(e.after)} for e in entries]


def test_a_reprint_shows_the_payer_as_issued_and_is_marked_as_a_copy(session, actors) -> None:
    advisor, cashier, manager = actors["advisor"], actors["cashier"], actors["service_manager"]
    order = make_completed_order(session, advisor, customer_name="临时名")
    _rename(session, advisor, order.customer_id, ISSUED_NAME, ISSUED_TAX_ID, ADDRESS)
    invoice = settle_order(session, cashier, order.id)
    session.commit()
    assert (invoice.payer_name, invoice.payer_tax_id, invoice.payer_address) == (
        ISSUED_NAME, ISSUED_TAX_ID, ADDRESS)

    original = squash("\n".join(pdf_text(render_invoice(session, cashier, invoice.id))))
    assert ISSUED_NAME in original and ISSUED_TAX_ID in original and "副本" not in original
    session.commit()

    # the customer's record changes through the ordinary service, after the invoice
    _rename(session, advisor, order.customer_id, NEW_NAME, NEW_TAX_ID, "北京市海淀区")
    session.commit()
    reprint = squash("\n".join(pdf_text(render_document(session, advisor, "settlement",
                                                        order.id))))
    assert ISSUED_NAME in reprint and ISSUED_TAX_ID in reprint and squash(ADDRESS) in reprint
    assert NEW_NAME not in reprint and NEW_TAX_ID not in reprint
    assert "副本" in reprint and "第1次补印" in reprint
    tw = squash("\n".join(pdf_text(render_invoice(session, cashier, invoice.id,
                                                  lang="zh_TW"))))
    assert "副本" in tw and "第2次補印" in tw
    session.commit()

    prints = _prints(session, invoice.id)
    assert [(p["print"], p["copy"], p["user_id"]) for p in prints] == [
        (1, 0, cashier.user_id), (2, 1, advisor.user_id), (3, 2, cashier.user_id)]
    assert all(p["document"] == invoice.number for p in prints)
    assert prints[0]["at"] <= prints[1]["at"] <= prints[2]["at"]

    # the credit note carries the original's payer, and its own first print is an original
    note = issue_credit_note(session, manager, invoice.id, reason="抬头开错")
    assert (note.payer_name, note.payer_tax_id) == (ISSUED_NAME, ISSUED_TAX_ID)
    text = squash("\n".join(pdf_text(render_invoice(session, cashier, note.id))))
    assert ISSUED_NAME in text and NEW_NAME not in text and "副本" not in text
    assert [p["print"] for p in _prints(session, note.id)] == [1]


def test_a_print_that_is_rolled_back_does_not_count(session, actors) -> None:
    cashier = actors["cashier"]
    order = make_completed_order(session, actors["advisor"])
    invoice = settle_order(session, cashier, order.id)
    session.commit()
    render_invoice(session, cashier, invoice.id)
    session.rollback()  # e.g. the printer dialog's operation failed before commit
    text = squash("\n".join(pdf_text(render_invoice(session, cashier, invoice.id))))
    assert "副本" not in text
    assert [p["print"] for p in _prints(session, invoice.id)] == [1]
