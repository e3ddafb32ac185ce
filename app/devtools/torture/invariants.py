"""The invariants a database must satisfy after any number of terminals and crashes.

Each check returns a list of sentences, one per violation (empty: sound):

* ``payment_problems`` — no invoice paid beyond its amount, per payer and in total; refunds
  never beyond what was paid; one payment request per idempotency key (parts ``key:0..n-1``
  on one invoice).
* ``series_problems`` — every document series (repair orders, invoices, credit notes,
  receipts, gate passes) holds exactly the numbers 1 … next_number − 1, unique, no gaps.
* ``document_problems`` — every document is whole: an invoice has its lines and its totals
  and payer shares are their sums, a credit note mirrors its original, an order's status
  matches its history and its (un-credited) invoice, billed parts equal issued parts, the
  invoice bills every billable line, and no order past the workshop still has additional work
  waiting for the customer's approval.
* ``verify_ledger`` and ``verify_chain`` from the parts area and app.fiscal.
* ``sqlite_integrity`` — ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``.
* ``shared_order_problems`` — no lost update on the order every terminal edited.
* ``submission_problems`` — a double-submitted payment key paid once.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, func, literal, select, text
from sqlalchemy.orm import Session

from app.devtools.torture.world import World
from app.fiscal.verify import verify_chain
from app.parts.stock import verify_ledger
from db.engine import Database
from db.enums import DocumentType, InvoiceKind, JobStatus, LineType, OrderStatus, Payer
from db.models import (
    ChargeLine,
    DocumentSeries,
    Invoice,
    InvoiceLine,
    LabourLine,
    OrderStatusChange,
    PartLine,
    Payment,
    RepairOrder,
)

ZERO = Decimal("0.00")
_BILLED = {OrderStatus.INVOICED.value, OrderStatus.DELIVERED.value, OrderStatus.CLOSED.value}
_PAST_WORKSHOP = _BILLED | {OrderStatus.QC.value, OrderStatus.COMPLETED.value}
_MAX_LISTED = 5
_KEY_PART = re.compile(r"^(.*):(\d+)$")


@contextmanager
def snapshot(database: Database) -> Iterator[Session]:
    """A read-only session seeing one consistent state of the database."""
    if database.backend == "postgresql":
        engine = database.engine.execution_options(isolation_level="REPEATABLE READ")
        with Session(engine) as session:
            session.execute(text("SET TRANSACTION READ ONLY"))
            try:
                yield session
            finally:
                session.rollback()
    else:
        with database.reading() as session:
            yield session


def _listed(items: Iterable[Any]) -> str:
    items = sorted(items)
    more = f" … (+{len(items) - _MAX_LISTED})" if len(items) > _MAX_LISTED else ""
    return ", ".join(str(i) for i in items[:_MAX_LISTED]) + more


def payment_problems(session: Session) -> list[str]:
    """Overpaid invoices, over-refunded credit notes and keys used for two requests."""
    problems: list[str] = []
    paid: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    signs: dict[int, set[int]] = defaultdict(set)
    for invoice_id, payer, amount in session.execute(
            select(Payment.invoice_id, Payment.payer, Payment.amount)):
        paid[invoice_id][payer] += amount
        signs[invoice_id].add(1 if amount > 0 else -1)
    invoices = {row.id: row for row in session.execute(select(
        Invoice.id, Invoice.number, Invoice.kind, Invoice.gross_total, Invoice.customer_share,
        Invoice.insurer_share, Invoice.warranty_share, Invoice.internal_share,
        Invoice.original_invoice_id))}
    for invoice_id in paid.keys() - invoices.keys():
        problems.append(f"payments reference invoice id {invoice_id}, which does not exist")
    for inv in invoices.values():
        share = {Payer.CUSTOMER.value: inv.customer_share, Payer.INSURER.value: inv.insurer_share,
                 Payer.WARRANTY.value: inv.warranty_share, Payer.INTERNAL.value: inv.internal_share}
        got = paid.get(inv.id, {})
        if inv.kind == InvoiceKind.INVOICE.value:
            if -1 in signs.get(inv.id, set()):
                problems.append(f"invoice {inv.number}: a negative payment against an invoice")
            for payer, amount in got.items():
                if amount > share.get(payer, ZERO):
                    problems.append(f"invoice {inv.number}: {payer} paid {amount}, share is "
                                    f"{share.get(payer, ZERO)} (overpaid)")
            total = sum(got.values(), ZERO)
            if total > inv.gross_total:
                problems.append(f"invoice {inv.number}: paid {total} of {inv.gross_total} "
                                "(overpaid)")
        else:
            if 1 in signs.get(inv.id, set()):
                problems.append(f"credit note {inv.number}: a positive payment against it")
            original = paid.get(inv.original_invoice_id or 0, {})
            for payer, amount in got.items():
                if -amount > original.get(payer, ZERO):
                    problems.append(f"credit note {inv.number}: {-amount} refunded to {payer}, "
                                    f"only {original.get(payer, ZERO)} was paid (over-refund)")
    by_base: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    for key, invoice_id in session.execute(select(Payment.idempotency_key, Payment.invoice_id)):
        match = _KEY_PART.match(key)
        by_base[match.group(1) if match else key].append(
            (invoice_id, int(match.group(2)) if match else None))
    for base, uses in by_base.items():
        if len({i for i, _n in uses}) > 1:
            problems.append(f"payment key {base} used on {len({i for i, _ in uses})} invoices")
        indexes = sorted(n for _i, n in uses if n is not None)
        if indexes and indexes != list(range(len(indexes))):
            problems.append(f"payment key {base}: parts {indexes} (a request paid twice or "
                            "half-written)")
        if indexes and len(indexes) != len(uses):
            problems.append(f"payment key {base} used both with and without part numbers")
    return problems


def _series_numbers(session: Session, code: str) -> list[str] | None:
    if code == DocumentType.REPAIR_ORDER.value:
        stmt: Select[str | None] = select(RepairOrder.number)
    elif code == DocumentType.INVOICE.value:
        stmt = select(Invoice.number).where(Invoice.kind == InvoiceKind.INVOICE.value)
    elif code == DocumentType.CREDIT_NOTE.value:
        stmt = select(Invoice.number).where(Invoice.kind == InvoiceKind.CREDIT_NOTE.value)
    elif code == DocumentType.RECEIPT.value:
        stmt = select(Payment.number)
    elif code == DocumentType.GATE_PASS.value:
        stmt = select(RepairOrder.gate_pass_number).where(
            RepairOrder.gate_pass_number.is_not(None))
    else:
        return None  # a series whose documents are not kept by this version (purchase orders)
    return list(session.scalars(stmt))


def series_problems(session: Session) -> list[str]:
    """Each series' numbers: parseable, unique, exactly 1 … next_number − 1."""
    problems: list[str] = []
    for series in session.scalars(select(DocumentSeries).order_by(DocumentSeries.code)):
        numbers = _series_numbers(session, series.code)
        if numbers is None:
            continue
        values: list[int] = []
        for number in numbers:
            rest = number[len(series.prefix):] if number.startswith(series.prefix) else ""
            if not rest.isdigit():
                problems.append(f"series {series.code}: number {number!r} does not have the "
                                f"form {series.prefix}<digits>")
                continue
            values.append(int(rest))
        counts = Counter(values)
        seen = set(counts)
        doubled = {v for v, n in counts.items() if n > 1}
        if doubled:
            problems.append(f"series {series.code}: numbers used twice: {_listed(doubled)}")
        expected = set(range(1, series.next_number))
        missing, beyond = expected - seen, seen - expected
        if missing:
            problems.append(f"series {series.code}: gap, {len(missing)} number(s) missing: "
                            f"{_listed(missing)} (next number {series.next_number})")
        if beyond:
            problems.append(f"series {series.code}: numbers beyond the counter "
                            f"(next number {series.next_number}): {_listed(beyond)}")
    return problems


def _invoice_problems(session: Session) -> list[str]:
    problems: list[str] = []
    lines: dict[int, list[Any]] = defaultdict(list)
    for line in session.execute(select(
            InvoiceLine.invoice_id, InvoiceLine.position, InvoiceLine.line_type,
            InvoiceLine.code, InvoiceLine.quantity, InvoiceLine.payer, InvoiceLine.net,
            InvoiceLine.tax, InvoiceLine.gross)):
        lines[line.invoice_id].append(line)
    invoices = {row["id"]: row for row in session.execute(select(Invoice.__table__)).mappings()}
    for inv in invoices.values():
        mine = sorted(lines.get(inv["id"], []), key=lambda x: x.position)
        label = f"{inv['kind']} {inv['number']}"
        if not mine:
            problems.append(f"{label}: has no lines (not whole)")
            continue
        if [x.position for x in mine] != list(range(1, len(mine) + 1)):
            problems.append(f"{label}: line positions {[x.position for x in mine]}")
        for name in ("net", "tax", "gross"):
            total = sum((getattr(x, name) for x in mine), ZERO)
            if total != inv[f"{name}_total"]:
                problems.append(f"{label}: lines' {name} add up to {total}, "
                                f"the {name} total says {inv[f'{name}_total']}")
        for x in mine:
            if x.net + x.tax != x.gross:
                problems.append(f"{label} line {x.position}: net + tax != gross")
        by_payer: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for x in mine:
            by_payer[x.payer] += x.gross
        for payer in Payer:
            share = inv[f"{payer.value}_share"]
            if by_payer.get(payer.value, ZERO) != share:
                problems.append(f"{label}: {payer.value} share {share}, its lines add up to "
                                f"{by_payer.get(payer.value, ZERO)}")
        if inv["kind"] == InvoiceKind.CREDIT_NOTE.value:
            original = invoices.get(inv["original_invoice_id"])
            if original is None:
                problems.append(f"{label}: cites an invoice that does not exist")
            elif original["gross_total"] != -inv["gross_total"]:
                problems.append(f"{label}: reverses {original['gross_total']} with "
                                f"{inv['gross_total']}")
    return problems


def _order_problems(session: Session) -> list[str]:
    problems: list[str] = []
    credited = select(Invoice.original_invoice_id).where(
        Invoice.original_invoice_id.is_not(None))
    current: dict[int, list[int]] = defaultdict(list)
    for order_id, invoice_id in session.execute(
            select(Invoice.repair_order_id, Invoice.id).where(
                Invoice.kind == InvoiceKind.INVOICE.value, Invoice.repair_order_id.is_not(None),
                Invoice.id.not_in(credited))):
        assert order_id is not None  # the query keeps only invoices of an order
        current[order_id].append(invoice_id)
    last_change = {order_id: status for order_id, status in session.execute(
        select(OrderStatusChange.repair_order_id, OrderStatusChange.to_status)
        .where(OrderStatusChange.id.in_(select(func.max(OrderStatusChange.id))
                                        .group_by(OrderStatusChange.repair_order_id))))}
    billed: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for invoice_id, code, quantity in session.execute(
            select(InvoiceLine.invoice_id, InvoiceLine.code, InvoiceLine.quantity)
            .where(InvoiceLine.line_type == LineType.PART.value)):
        billed[invoice_id][code] += quantity
    issued: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for order_id, part_no, quantity, issued_qty, line_id in session.execute(
            select(PartLine.repair_order_id, PartLine.part_no, PartLine.quantity,
                   PartLine.issued_qty, PartLine.id)):
        if not ZERO <= issued_qty <= quantity:
            problems.append(f"part line {line_id}: issued {issued_qty} of {quantity}")
        if issued_qty:
            issued[order_id][part_no] += issued_qty
    for order_id, number, status in session.execute(
            select(RepairOrder.id, RepairOrder.number, RepairOrder.status)):
        invoices = current.get(order_id, [])
        if status in _BILLED and len(invoices) != 1:
            problems.append(f"order {number} is {status} with {len(invoices)} current invoices")
        elif status not in _BILLED and invoices:
            problems.append(f"order {number} is {status} but has a current invoice")
        if order_id in last_change and last_change[order_id] != status:
            problems.append(f"order {number} is {status}, its history ends at "
                            f"{last_change[order_id]} (a half-written status change)")
        if status in _BILLED and len(invoices) == 1:
            bill = {k: v for k, v in billed.get(invoices[0], {}).items() if v}
            out = {k: v for k, v in issued.get(order_id, {}).items() if v}
            if bill != out:
                problems.append(f"order {number}: parts billed {dict(sorted(bill.items()))} "
                                f"but issued {dict(sorted(out.items()))}")
    return problems


def _line_counts(session: Session) -> tuple[dict[int, Counter], set[int]]:
    """Per order: billable lines per line type; and the orders with pending additional work
    (added after the customer signed, not yet agreed to)."""
    billable: dict[int, Counter] = defaultdict(Counter)
    pending: set[int] = set()
    for model, line_type in ((LabourLine, LineType.LABOUR), (PartLine, LineType.PART),
                             (ChargeLine, LineType.CHARGE)):
        cancelled = (model.status == JobStatus.CANCELLED.value if model is LabourLine
                     else literal(False))
        waiting = and_(model.additional.is_(True), model.approval_id.is_(None))
        for order_id, is_cancelled, is_waiting in session.execute(
                select(model.repair_order_id, cancelled, waiting)):
            if is_cancelled:
                continue
            if is_waiting:
                pending.add(order_id)
            else:
                billable[order_id][line_type.value] += 1
    return billable, pending


def _line_problems(session: Session) -> list[str]:
    """Past the workshop no additional work may wait for approval, and an invoice bills
    every billable line of its order (nothing added behind a guard's back)."""
    problems: list[str] = []
    billable, pending = _line_counts(session)
    credited = select(Invoice.original_invoice_id).where(
        Invoice.original_invoice_id.is_not(None))
    invoiced: dict[int, Counter] = defaultdict(Counter)
    for order_id, line_type, count in session.execute(
            select(Invoice.repair_order_id, InvoiceLine.line_type, func.count(InvoiceLine.id))
            .join(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
            .where(Invoice.kind == InvoiceKind.INVOICE.value, Invoice.id.not_in(credited),
                   Invoice.repair_order_id.is_not(None))
            .group_by(Invoice.repair_order_id, InvoiceLine.line_type)):
        assert order_id is not None  # the query keeps only invoices of an order
        invoiced[order_id][line_type] = count
    for order_id, number, status in session.execute(
            select(RepairOrder.id, RepairOrder.number, RepairOrder.status)):
        if status in _PAST_WORKSHOP and order_id in pending:
            problems.append(f"order {number} is {status} with additional work still waiting "
                            "for the customer's approval (changed behind a guard's back)")
        if status in _BILLED and order_id in invoiced \
                and +billable.get(order_id, Counter()) != +invoiced[order_id]:
            problems.append(f"order {number}: billable lines {dict(billable.get(order_id, {}))}"
                            f" but its invoice bills {dict(invoiced[order_id])}")
    return problems


def document_problems(session: Session) -> list[str]:
    """Documents that are not whole (see the module docstring)."""
    return _invoice_problems(session) + _order_problems(session) + _line_problems(session)


def sqlite_integrity(session: Session) -> list[str]:
    """SQLite's own checks of the file: page structure, indexes, foreign keys."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    problems = [f"integrity_check: {row}" for (row,) in
                session.execute(text("PRAGMA integrity_check")) if row != "ok"]
    problems += [f"foreign_key_check: {tuple(row)}"
                 for row in session.execute(text("PRAGMA foreign_key_check"))]
    return problems


def check_database(database: Database) -> list[str]:
    """Every database-wide invariant on one consistent snapshot."""
    with snapshot(database) as session:
        problems = [*sqlite_integrity(session), *payment_problems(session),
                    *series_problems(session), *document_problems(session)]
        problems += [f"stock ledger: {p}" for p in verify_ledger(session)]
        problems += [f"hash chain: {p}" for p in verify_chain(session)]
    return problems


def shared_order_problems(session: Session, world: World,
                          edits: Iterable[tuple[str, int]]) -> list[str]:
    """No lost update: each saved edit got its own version, every version bump is a
    reported save, and the order holds the text of the last one."""
    problems: list[str] = []
    saved = list(edits)
    version, notes = session.execute(
        select(RepairOrder.version, RepairOrder.damage_notes)
        .where(RepairOrder.id == world.shared_order_id)).one()
    by_version: dict[int, list[str]] = defaultdict(list)
    for token, v in saved:
        by_version[v].append(token)
    for v, tokens in sorted(by_version.items()):
        if len(tokens) > 1:
            problems.append(f"shared order: version {v} was saved by {len(tokens)} terminals "
                            f"({_listed(tokens)}): a lost update")
    expected = list(range(world.shared_version + 1, version + 1))
    if sorted(by_version) != expected:
        unreported = sorted(set(expected) - set(by_version))
        problems.append(
            f"shared order: versions {world.shared_version}→{version} but saves reported "
            f"{len(by_version)} distinct versions (unreported: {_listed(unreported)}; "
            f"impossible: {_listed(set(by_version) - set(expected))})")
    last = by_version.get(version, [])
    if saved and (len(last) != 1 or notes != last[0]):
        problems.append(f"shared order: holds {notes!r}, but the last reported save "
                        f"(version {version}) wrote {_listed(last) or 'nothing'}")
    if not saved and version != world.shared_version:
        problems.append("shared order: changed although no save was reported")
    return problems


def submission_problems(session: Session,
                        payments: Iterable[tuple[str, Iterable[int]]]) -> list[str]:
    """Every submission of one key got the same payments, and those are all there are."""
    problems: list[str] = []
    answers: dict[str, set[tuple[int, ...]]] = defaultdict(set)
    for key, ids in payments:
        answers[key].add(tuple(ids))
    for key, results in sorted(answers.items()):
        if len(results) > 1:
            problems.append(f"payment key {key}: submissions got different payments "
                            f"{sorted(results)} (paid twice)")
    keys = list(answers)
    stored: dict[str, set[int]] = defaultdict(set)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for pid, key in session.execute(select(Payment.id, Payment.idempotency_key).where(
                Payment.idempotency_key.in_(chunk + [f"{k}:{i}" for k in chunk
                                                     for i in range(8)]))):
            match = _KEY_PART.match(key)
            stored[match.group(1) if match and match.group(1) in answers else key].add(pid)
    for key, results in answers.items():
        for ids in results:
            if set(ids) != stored.get(key, set()):
                problems.append(f"payment key {key}: a terminal was given {sorted(ids)}, the "
                                f"database holds {sorted(stored.get(key, set()))}")
    return problems
