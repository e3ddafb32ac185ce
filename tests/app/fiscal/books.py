"""A realistic set of books for the tamper tests, built through the services, plus the
tools an attacker with SQL access would use (re-hashing with the project's own functions)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from app.cashier.chain import canonical_invoice, canonical_payment, document_hash
from app.cashier.invoicing import issue_credit_note, refund_payment
from app.cashier.payments import PaymentPart, take_payments
from app.cashier.till import close_till, open_till
from app.fiscal.anchors import read_anchors, record_anchor
from app.fiscal.stock_chain import MOVEMENT_FIELDS, movement_hash
from app.fiscal.verify import Report, verify_documents
from app.parts.stock import adjust_stock, issue_to_order
from app.security.actor import Actor
from db.models import ChainHead, Invoice, Payment, StockChainHead, StockMovement
from tests.app.cashier.helpers import SPLIT_LINES, settled_invoice
from tests.factories import make_order_with_part_line, make_part


@dataclass(frozen=True)
class Books:
    """Numbers and ids of what was built (ORM objects are not kept: tests tamper by SQL)."""

    split: int  # INV000001: customer 290.00 + insurer 2000.00, both paid, then credited
    partly_paid: int  # INV000002: 872.00, 500.00 paid by card
    paid: int  # INV000003: 872.00, paid in full by Alipay
    credit_note: int  # CN000001 reversing INV000001, 290.00 refunded in cash
    till: int
    oil: int  # part received 10, 2 issued
    filter: int  # part received 5, counted 4
    anchors: Path


def build_books(session: Session, actors: dict[str, Actor], folder: Path) -> Books:
    """Invoices with split payers, payments, a credit note with a cash refund, stock moves,
    then the till close whose anchor is recorded in ``folder``."""
    cashier, advisor = actors["cashier"], actors["advisor"]
    manager, clerk = actors["service_manager"], actors["parts_clerk"]
    till = open_till(session, cashier, terminal="收银台1", opening_float="200.00")
    session.commit()
    split = settled_invoice(session, cashier, advisor, lines=SPLIT_LINES)
    take_payments(session, cashier, split.id,
                  [PaymentPart("cash", "290.00", tendered="300"),
                   PaymentPart("account", "2000.00", payer="insurer")],
                  idempotency_key="b1", till_session_id=till.id)
    session.commit()
    partly = settled_invoice(session, cashier, advisor, plate="粤A10001")
    take_payments(session, cashier, partly.id, [PaymentPart("card", "500.00")],
                  idempotency_key="b2")
    note = issue_credit_note(session, manager, split.id, reason="开错车主")
    refund_payment(session, cashier, note.id, amount="290.00", method="cash",
                   idempotency_key="b3", till_session_id=till.id)
    session.commit()
    paid = settled_invoice(session, cashier, advisor, plate="粤A10002")
    take_payments(session, cashier, paid.id, [PaymentPart("alipay", "872.00")],
                  idempotency_key="b4")
    oil = make_part(session, clerk, "OIL-5W30", on_hand=10, name="5W-30 机油")
    filt = make_part(session, clerk, "FLT-01", on_hand=5, name="机油滤清器")
    line = make_order_with_part_line(session, clerk, oil, 2, plate="粤A10003")
    issue_to_order(session, clerk, line.id)
    adjust_stock(session, clerk, filt.id, "4", reason="盘点")
    session.commit()
    summary = close_till(session, cashier, till.id, counted_cash="200.00")
    session.commit()
    path = record_anchor(summary.anchor, folder / "anchors.jsonl")
    return Books(split.id, partly.id, paid.id, note.id, till.id, oil.id, filt.id, path)


TAMPERED_TABLES = ("invoice", "invoice_line", "payment", "till_session", "stock_movement",
                   "chain_head", "stock_chain_head", "document_series", "repair_order", "part")


def drop_guards(session: Session) -> None:
    """What an insider who owns the tables does first: switch off every trigger on them
    (append-only guards included), so the suite proves detection, not only refusal.

    On PostgreSQL the test database is shared by the run: ``restore_guards`` afterwards."""
    if session.get_bind().dialect.name == "sqlite":
        names = session.scalars(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ("
            + ", ".join(f"'{t}'" for t in TAMPERED_TABLES) + ")")).all()
        for name in names:
            session.execute(text(f'DROP TRIGGER "{name}"'))
    else:
        for table in TAMPERED_TABLES:
            session.execute(text(f'ALTER TABLE "{table}" DISABLE TRIGGER USER'))
    session.commit()


def restore_guards(session: Session) -> None:
    """Switch the PostgreSQL triggers back on (SQLite test databases are thrown away)."""
    session.rollback()
    if session.get_bind().dialect.name != "sqlite":
        for table in TAMPERED_TABLES:
            session.execute(text(f'ALTER TABLE "{table}" ENABLE TRIGGER USER'))
        session.commit()


def verify(session: Session, books: Books) -> Report:
    """The verifier with the recorded anchors, in a fresh transaction."""
    session.rollback()
    anchors, problems = read_anchors(books.anchors)
    assert problems == []
    return verify_documents(session, anchors=anchors)


def rehash_documents(session: Session, from_seq: int) -> None:
    """What an insider would do after an edit: re-link every document from ``from_seq`` on
    with the project's own chain functions and move the head to the new last hash."""
    session.expire_all()
    docs: list[Invoice | Payment] = [
        *session.scalars(select(Invoice).where(Invoice.chain_seq >= from_seq)),
        *session.scalars(select(Payment).where(Payment.chain_seq >= from_seq))]
    docs.sort(key=lambda d: d.chain_seq)
    prev = _hash_before(session, from_seq, (Invoice, Payment))
    for doc in docs:
        doc.prev_hash = prev
        doc.hash = document_hash(canonical_invoice(doc) if isinstance(doc, Invoice)
                                 else canonical_payment(doc))
        prev = doc.hash
        session.flush()
    session.execute(update(ChainHead).where(ChainHead.id == 1)
                    .values(last_seq=docs[-1].chain_seq, last_hash=prev))
    session.commit()


def rehash_stock(session: Session, from_seq: int) -> None:
    """The same for the stock chain (``movement_hash``), head included."""
    session.expire_all()
    moves = list(session.scalars(select(StockMovement)
                                 .where(StockMovement.chain_seq >= from_seq)
                                 .order_by(StockMovement.chain_seq)))
    prev = _hash_before(session, from_seq, (StockMovement,))
    for move in moves:
        move.prev_hash = prev
        move.hash = movement_hash({name: getattr(move, name) for name in MOVEMENT_FIELDS})
        prev = move.hash
        session.flush()
    session.execute(update(StockChainHead).where(StockChainHead.id == 1)
                    .values(last_seq=moves[-1].chain_seq, last_hash=prev))
    session.commit()


def _hash_before(session: Session, seq: int, models: tuple[type, ...]) -> str:
    if seq == 1:
        return "0" * 64
    for model in models:
        found = session.scalar(select(model.hash)  # type: ignore[attr-defined]
                               .where(model.chain_seq == seq - 1))  # type: ignore[attr-defined]
        if found is not None:
            return found
    raise LookupError(seq)
