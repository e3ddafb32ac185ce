"""Real concurrency on both backends: threads with their own sessions start together.

No sleeps: a ``threading.Barrier`` releases every thread at once and the database's locks
decide the order.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from app.cashier.invoicing import issue_credit_note, settle_order
from app.cashier.payments import PaymentPart, take_payments
from app.cashier.till import open_till
from app.errors import ConflictError, DomainError
from app.fiscal.verify import verify_chain
from app.transactions import run_in_transaction
from db.engine import Database
from db.models import Invoice, Payment, TillSession
from tests.app.cashier.helpers import settled_invoice, total_paid
from tests.factories import make_completed_order


def _race(database: Database, actions: list[Callable[[Any], Any]]) -> list[Any]:
    """Run each action in its own thread and transaction, all released at once.

    Returns each thread's result, or the exception it raised.
    """
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def worker(i: int, action: Callable[[Any], Any]) -> None:
        barrier.wait()
        try:
            results[i] = run_in_transaction(database, action)
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=worker, args=(i, a)) for i, a in enumerate(actions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    return results


def test_terminals_settling_at_once_get_gapless_unique_numbers(database, session, cashier,
                                                               advisor) -> None:
    ids = [make_completed_order(session, advisor, plate=f"粤B1234{i}").id for i in range(6)]
    session.commit()
    results = _race(database, [
        (lambda s, oid=oid: settle_order(s, cashier, oid).number) for oid in ids])
    assert all(isinstance(r, str) for r in results), results
    assert sorted(results) == [f"INV{n:06d}" for n in range(1, 7)]
    seqs = session.scalars(select(Invoice.chain_seq).order_by(Invoice.chain_seq)).all()
    assert seqs == list(range(1, 7))
    assert verify_chain(session) == []


def test_two_terminals_paying_the_same_invoice_cannot_overpay(database, session, cashier,
                                                              advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    invoice_id, gross = invoice.id, invoice.gross_total
    results = _race(database, [
        (lambda s, key=key, method=method: [p.id for p in take_payments(
            s, cashier, invoice_id, [PaymentPart(method, gross)], idempotency_key=key)])
        for key, method in (("term-a", "card"), ("term-b", "wechat_pay"))])
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1, results
    assert type(errors[0]) is not ConflictError and isinstance(errors[0], DomainError)
    assert "Too much for" in str(errors[0]) and "0.00 is still open" in str(errors[0])
    assert total_paid(session, invoice_id) == gross
    assert session.scalar(select(func.count(Payment.id))) == 1
    assert verify_chain(session) == []


def test_a_double_click_with_one_key_pays_once(database, session, cashier, advisor) -> None:
    invoice = settled_invoice(session, cashier, advisor)
    invoice_id = invoice.id
    parts = [PaymentPart("card", "500.00"), PaymentPart("alipay", "100.00")]
    results = _race(database, [
        (lambda s: [p.id for p in take_payments(s, cashier, invoice_id, parts,
                                                idempotency_key="click-1")])] * 2)
    assert not any(isinstance(r, Exception) for r in results), results
    assert results[0] == results[1]
    assert session.scalar(select(func.count(Payment.id))) == 2
    assert total_paid(session, invoice_id) == Decimal("600.00")


def test_one_key_on_two_invoices_at_once_is_a_conflict(database, session, cashier,
                                                       advisor) -> None:
    ids = [settled_invoice(session, cashier, advisor, plate=p).id for p in ("粤B1", "粤B2")]
    results = _race(database, [
        (lambda s, iid=iid: [p.id for p in take_payments(
            s, cashier, iid, [PaymentPart("card", "100.00")], idempotency_key="same")])
        for iid in ids])
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ConflictError), results
    assert session.scalar(select(func.count(Payment.id))) == 1


def test_one_terminal_cannot_open_two_tills_at_once(database, session, cashier) -> None:
    session.rollback()
    results = _race(database, [
        (lambda s: open_till(s, cashier, terminal="POS-1", opening_float="100").id)] * 3)
    assert sum(isinstance(r, int) for r in results) == 1, results
    assert all(isinstance(r, (int, DomainError)) for r in results), results
    assert session.scalar(select(func.count(TillSession.id))) == 1


def test_documents_of_every_kind_issued_at_once_form_one_chain(database, session, cashier,
                                                               advisor, manager) -> None:
    orders = [make_completed_order(session, advisor, plate=f"粤C0000{i}").id for i in range(3)]
    invoices = [settled_invoice(session, cashier, advisor, plate=f"粤D0000{i}").id
                for i in range(4)]
    session.commit()
    actions: list[Callable[[Any], Any]] = [
        (lambda s, oid=oid: settle_order(s, cashier, oid).number) for oid in orders]
    actions += [(lambda s, iid=iid: take_payments(
        s, cashier, iid, [PaymentPart("card", "100.00")], idempotency_key=f"mix-{iid}")[0]
        .number) for iid in invoices[:3]]
    actions.append(lambda s: issue_credit_note(s, manager, invoices[3], reason="并发").number)
    results = _race(database, actions)
    assert not any(isinstance(r, Exception) for r in results), results
    seqs = sorted([*session.scalars(select(Invoice.chain_seq)),
                   *session.scalars(select(Payment.chain_seq))])
    assert seqs == list(range(1, 12))  # 4 earlier invoices, then 3 + 3 + 1 at once
    assert verify_chain(session) == []
