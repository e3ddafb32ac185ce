"""The tamper suite: an insider with SQL access (and the project's own chain functions) changes
the books in every way we know of; ``verify_documents`` must report each one, on both
databases, and the untampered books must verify clean."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.cashier.chain import append_to_chain
from app.numbering import next_number
from db.enums import DocumentType
from db.models import Invoice, InvoiceLine, Payment
from tests.app.fiscal.books import (
    Books,
    build_books,
    drop_guards,
    rehash_documents,
    rehash_stock,
    restore_guards,
    verify,
)


@pytest.fixture
def books(session, actors, tmp_path) -> Books:
    return build_books(session, actors, tmp_path)


@pytest.fixture
def unguarded(session, books) -> Iterator[None]:
    """The triggers on the tampered tables are off for the test (the attacker owns them)."""
    drop_guards(session)
    yield
    restore_guards(session)


def test_untampered_books_verify_clean(session, books) -> None:
    report = verify(session, books)
    assert report.findings == [], [f.text() for f in report.findings]
    assert report.document_head.seq == 9 and report.stock_head.seq == 4


# -- the tampers ---------------------------------------------------------------------------

Tamper = Callable[[Session, Books], None]


def _sql(session: Session, *statements: str, **params: object) -> None:
    for statement in statements:
        session.execute(text(statement), params)
    session.commit()


def edit_amount(session: Session, books: Books) -> None:
    _sql(session, "UPDATE payment SET amount = amount * 2 WHERE number = 'RC000003'")


def edit_and_rehash(session: Session, books: Books) -> None:
    # 500.00 by card becomes 50.00 and every later document is re-linked: the chain is
    # consistent again, no rule is broken; only the anchor still knows the old hashes.
    _sql(session, "UPDATE payment SET amount = 5000 WHERE number = 'RC000003'")
    rehash_documents(session, 5)


def truncate_tail(session: Session, books: Books) -> None:
    # the newest invoice and its payment vanish, the head and counters move back, the order
    # is put back to completed: internally consistent, only the anchor shows it
    order_id = session.scalar(select(Invoice.repair_order_id).where(Invoice.id == books.paid))
    head = session.execute(select(Payment.chain_seq, Payment.hash)
                           .where(Payment.number == "RC000004")).one()
    _sql(session,
         "DELETE FROM payment WHERE invoice_id = :paid",
         "DELETE FROM invoice_line WHERE invoice_id = :paid",
         "DELETE FROM invoice WHERE id = :paid",
         "UPDATE document_series SET next_number = next_number - 1 "
         "WHERE code IN ('invoice', 'receipt')",
         "UPDATE repair_order SET status = 'completed' WHERE id = :order",
         paid=books.paid, order=order_id)
    _sql(session, "UPDATE chain_head SET last_seq = :seq, last_hash = :hash",
         seq=head.chain_seq, hash=head.hash)


def delete_middle(session: Session, books: Books) -> None:
    _sql(session, "DELETE FROM payment WHERE number = 'RC000003'")


def _forged_payment(session: Session, books: Books, invoice_id: int, amount: str,
                    method: str, till: int | None) -> None:
    cashier_id = session.scalar(select(Payment.received_by_id).limit(1))
    forged = Payment(number=next_number(session, DocumentType.RECEIPT), invoice_id=invoice_id,
                     method=method, payer="customer", amount=Decimal(amount), tendered=None,
                     reference="", idempotency_key="forged:0", till_session_id=till,
                     received_at=datetime.now(UTC), received_by_id=cashier_id)
    append_to_chain(session, forged)
    session.commit()


def forged_cash_refund(session: Session, books: Books) -> None:
    _forged_payment(session, books, books.paid, "-500.00", "cash", books.till)


def forged_refund_beyond_paid(session: Session, books: Books) -> None:
    _forged_payment(session, books, books.credit_note, "-500.00", "card", None)


def forged_overpayment(session: Session, books: Books) -> None:
    _forged_payment(session, books, books.paid, "100.00", "card", None)


def forged_cash_without_till(session: Session, books: Books) -> None:
    _forged_payment(session, books, books.partly_paid, "100.00", "cash", None)


def credit_note_beyond_original(session: Session, books: Books) -> None:
    original = session.get(Invoice, books.partly_paid)
    assert original is not None
    amount = Decimal("-9000.00")
    line = InvoiceLine(position=1, line_type="charge", code="", description="退款",
                       quantity=Decimal("-1.000"), unit_price=Decimal("9000.00"),
                       discount=Decimal("0"), payer="customer", tax_rate=Decimal("0"),
                       net=amount, tax=Decimal("0.00"), gross=amount)
    note = Invoice(number=next_number(session, DocumentType.CREDIT_NOTE), kind="credit_note",
                   repair_order_id=original.repair_order_id, customer_id=original.customer_id,
                   issued_at=datetime.now(UTC), issued_by_id=original.issued_by_id,
                   currency=original.currency, prices_include_tax=original.prices_include_tax,
                   rounding_rule=original.rounding_rule, net_total=amount,
                   tax_total=Decimal("0.00"), gross_total=amount, customer_share=amount,
                   insurer_share=Decimal("0.00"), warranty_share=Decimal("0.00"),
                   internal_share=Decimal("0.00"), original_invoice_id=original.id,
                   reason="伪造", lines=[line])
    append_to_chain(session, note)
    session.commit()


def shares_not_summing(session: Session, books: Books) -> None:
    _sql(session, "UPDATE invoice SET insurer_share = insurer_share - 10000 WHERE id = :i",
         i=books.split)
    rehash_documents(session, 1)


def lines_not_summing(session: Session, books: Books) -> None:
    _sql(session, "UPDATE invoice_line SET gross = gross - 1000, net = net - 1000 "
                  "WHERE invoice_id = :i AND position = 1", i=books.paid)
    rehash_documents(session, 8)


def ledger_rewrite(session: Session, books: Books) -> None:
    # the filter receipt becomes 7 instead of 5, balances and on-hand follow, the stock
    # chain is re-hashed: verify_ledger and the chain agree, only the anchor knows
    _sql(session,
         "UPDATE stock_movement SET quantity = quantity + 2000, balance_after = "
         "balance_after + 2000 WHERE part_id = :p AND kind = 'receipt'",
         "UPDATE stock_movement SET balance_after = balance_after + 2000 "
         "WHERE part_id = :p AND kind = 'adjustment'",
         "UPDATE part SET on_hand = on_hand + 2000 WHERE id = :p", p=books.filter)
    rehash_stock(session, 2)


def stock_edit(session: Session, books: Books) -> None:
    _sql(session, "UPDATE stock_movement SET unit_cost = 1 WHERE chain_seq = 1")


def stock_delete(session: Session, books: Books) -> None:
    _sql(session, "DELETE FROM stock_movement WHERE chain_seq = 2")


def text_in_money(session: Session, books: Books) -> None:
    _sql(session, "UPDATE payment SET amount = 'lots' WHERE number = 'RC000002'")


def real_in_money(session: Session, books: Books) -> None:
    _sql(session, "UPDATE payment SET amount = 29000.5 WHERE number = 'RC000001'")


def text_in_quantity(session: Session, books: Books) -> None:
    _sql(session, "UPDATE stock_movement SET quantity = 'x' WHERE chain_seq = 3")


def hash_not_hex(session: Session, books: Books) -> None:
    _sql(session, "UPDATE payment SET hash = :h WHERE number = 'RC000005'", h="z" * 64)


def swapped_chain_seq(session: Session, books: Books) -> None:
    _sql(session,
         "UPDATE payment SET chain_seq = 0 WHERE number = 'RC000001'",
         "UPDATE payment SET chain_seq = 2 WHERE number = 'RC000002'",
         "UPDATE payment SET chain_seq = 3 WHERE number = 'RC000001'")


def duplicated_number(session: Session, books: Books) -> None:
    _sql(session, "UPDATE invoice SET number = 'INV0000001' WHERE id = :i", i=books.paid)
    rehash_documents(session, 8)


def order_invoiced_without_invoice(session: Session, books: Books) -> None:
    order = session.scalar(select(Invoice.repair_order_id).where(Invoice.id == books.split))
    _sql(session, "UPDATE repair_order SET status = 'invoiced' WHERE id = :o", o=order)


def counter_back(session: Session, books: Books) -> None:
    _sql(session, "UPDATE document_series SET next_number = next_number - 1 "
                  "WHERE code = 'receipt'")


def counter_forward(session: Session, books: Books) -> None:
    _sql(session, "UPDATE document_series SET next_number = next_number + 1 "
                  "WHERE code = 'invoice'")


def head_moved(session: Session, books: Books) -> None:
    _sql(session, "UPDATE chain_head SET last_seq = 7")


# tamper, the finding it must raise (area, kind), sqlite only?
TAMPERS: list[tuple[Tamper, str, str, bool]] = [
    (edit_amount, "chain", "hash_mismatch", False),
    (edit_and_rehash, "anchors", "anchor_hash", False),
    (truncate_tail, "anchors", "anchor_truncated", False),
    (truncate_tail, "anchors", "anchor_series", False),
    (delete_middle, "chain", "seq_missing", False),
    (delete_middle, "rules", "number_missing", False),
    (forged_cash_refund, "rules", "refund_not_credit", False),
    (forged_cash_refund, "rules", "till_closed", False),
    (forged_refund_beyond_paid, "rules", "refund_exceeds", False),
    (forged_overpayment, "rules", "payment_exceeds", False),
    (forged_cash_without_till, "rules", "cash_without_till", False),
    (credit_note_beyond_original, "rules", "credit_exceeds", False),
    (credit_note_beyond_original, "rules", "credit_share_exceeds", False),
    (shares_not_summing, "rules", "shares_sum", False),
    (lines_not_summing, "rules", "lines_sum", False),
    (ledger_rewrite, "anchors", "anchor_hash", False),
    (stock_edit, "stock", "hash_mismatch", False),
    (stock_delete, "stock", "seq_missing", False),
    (stock_delete, "stock", "ledger", False),
    (text_in_money, "chain", "bad_value", True),
    (real_in_money, "chain", "bad_value", True),
    (text_in_quantity, "stock", "bad_value", True),
    (hash_not_hex, "chain", "hash_malformed", False),
    (swapped_chain_seq, "chain", "hash_mismatch", False),
    (duplicated_number, "rules", "number_twice", False),
    (order_invoiced_without_invoice, "rules", "order_without_invoice", False),
    (counter_back, "rules", "number_beyond_counter", False),
    (counter_back, "anchors", "anchor_series", False),
    (counter_forward, "rules", "number_missing", False),
    (head_moved, "chain", "head_mismatch", False),
]


@pytest.mark.parametrize(("tamper", "area", "kind", "sqlite_only"), TAMPERS,
                         ids=[f"{t.__name__}-{k}" for t, _a, k, _s in TAMPERS])
def test_every_tamper_is_reported(database, session, books, tamper, area, kind,
                                  sqlite_only, request) -> None:
    if sqlite_only and database.backend != "sqlite":
        pytest.skip("PostgreSQL refuses text in an integer column by itself")
    request.getfixturevalue("unguarded")
    tamper(session, books)
    report = verify(session, books)
    found = getattr(report, area)
    assert kind in found.kinds(), [f"{f.kind}: {f.text()}" for f in report.findings]
    # every finding names its document or row, in both languages, without a placeholder
    for finding in report.findings:
        assert finding.ref and "{" not in finding.text() and "{" not in finding.text("zh_CN")


def test_rewrites_that_keep_the_chain_consistent_are_caught_only_by_the_anchor(
        session, books, unguarded) -> None:
    edit_and_rehash(session, books)
    report = verify(session, books)
    assert report.chain == [] and report.rules == [] and report.stock == []
    assert report.anchors.kinds() == {"anchor_hash"}


def test_findings_are_translated(session, books, unguarded) -> None:
    edit_amount(session, books)
    (finding,) = verify(session, books).chain
    assert "RC000003" in finding.text("zh_CN") and "does not match" not in finding.text("zh_CN")
    assert "RC000003" in finding.text("zh_TW")
