"""Business rules over the issued documents, checked from raw rows (not only the hashes).

A forger with SQL access can append documents with the project's own chain functions, so the
chain alone proves nothing about them. These rules hold for everything the services write:

* every number series runs gapless from its first number to the counter, each number once;
* payer shares sum to the gross total, and the lines sum to the totals;
* payments to an invoice are positive and never exceed a payer's share; refunds (negative
  payments) go only against credit notes, never beyond what the payer paid on the original;
* a credit note cites an invoice and never exceeds what is left of it;
* a payment's till session exists, and cash was received while it was open;
* an order marked invoiced has its (not reversed) invoice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.fiscal.findings import Findings
from app.fiscal.raw import RawTable, Row
from app.i18n import Label, _
from db.enums import DocumentType, InvoiceKind, OrderStatus, Payer, PaymentMethod
from db.models import DocumentSeries, RepairOrder, TillSession

ZERO = Decimal("0.00")
SHARES = {Payer.CUSTOMER.value: "customer_share", Payer.INSURER.value: "insurer_share",
          Payer.WARRANTY.value: "warranty_share", Payer.INTERNAL.value: "internal_share"}
MAX_LISTED = 50  # per series: missing numbers listed one by one, then one summary


@dataclass
class _Invoice:
    id: int
    number: str
    kind: str
    order_id: int | None
    original_id: int | None
    totals: dict[str, Decimal | None]
    shares: dict[str, Decimal | None]
    line_sums: dict[str, Decimal] = field(default_factory=dict)
    line_payers: dict[str, Decimal] = field(default_factory=dict)
    lines_clean: bool = True


@dataclass
class _Payment:
    id: int
    number: str
    invoice_id: int | None
    method: str | None
    payer: str | None
    amount: Decimal | None
    till_id: int | None
    received_at: datetime | None


class RuleCollector:
    """Collects what the rules need while the chain walk reads the rows."""

    def __init__(self) -> None:
        self.invoices: dict[int, _Invoice] = {}
        self.payments: list[_Payment] = []

    def __call__(self, kind: str, row: Row, lines: list[Row]) -> None:
        if kind == "invoice":
            self._invoice(row, lines)
        else:
            self.payments.append(_Payment(
                row["id"], str(row["number"]), row["invoice_id"], row["method"], row["payer"],
                row["amount"], row["till_session_id"], row["received_at"]))

    def _invoice(self, row: Row, lines: list[Row]) -> None:
        doc = _Invoice(row["id"], str(row["number"]), str(row["kind"]), row["repair_order_id"],
                       row["original_invoice_id"],
                       {k: row[f"{k}_total"] for k in ("net", "tax", "gross")},
                       {payer: row[col] for payer, col in SHARES.items()})
        sums = dict.fromkeys(("net", "tax", "gross"), ZERO)
        payers: dict[str, Decimal] = {}
        for line in lines:
            values = [line["net"], line["tax"], line["gross"]]
            if any(v is None for v in values) or line["payer"] is None:
                doc.lines_clean = False
                continue
            for key, value in zip(("net", "tax", "gross"), values, strict=True):
                sums[key] += value
            payers[line["payer"]] = payers.get(line["payer"], ZERO) + line["gross"]
        doc.line_sums, doc.line_payers = sums, payers
        self.invoices[doc.id] = doc


def check_rules(session: Session, collected: RuleCollector, findings: Findings) -> None:
    """Run every business rule over what the walk collected (and a few more tables)."""
    raw = RawTable(session, RepairOrder, ("id", "number", "status", "gate_pass_number"))
    orders = {row["id"]: row for row, _ok in raw.rows(findings)}
    _series(session, collected, orders, findings)
    _totals(collected, findings)
    _credit_notes(collected, findings)
    _payments(session, collected, findings)
    _orders(collected, orders, findings)


# -- number series ---------------------------------------------------------------------------

def _series_numbers(collected: RuleCollector, orders: dict[Any, Row]) -> dict[str, list[str]]:
    numbers: dict[str, list[str]] = defaultdict(list)
    for doc in collected.invoices.values():
        code = DocumentType.CREDIT_NOTE if doc.kind == InvoiceKind.CREDIT_NOTE \
            else DocumentType.INVOICE
        numbers[code.value].append(doc.number)
    numbers[DocumentType.RECEIPT.value] = [p.number for p in collected.payments]
    for row in orders.values():
        if isinstance(row["number"], str):
            numbers[DocumentType.REPAIR_ORDER.value].append(row["number"])
        if isinstance(row["gate_pass_number"], str) and row["gate_pass_number"]:
            numbers[DocumentType.GATE_PASS.value].append(row["gate_pass_number"])
    return numbers


def _series(session: Session, collected: RuleCollector, orders: dict[Any, Row],
            findings: Findings) -> None:
    known = _series_numbers(collected, orders)
    checked = {DocumentType.INVOICE.value, DocumentType.CREDIT_NOTE.value,
               DocumentType.RECEIPT.value, DocumentType.REPAIR_ORDER.value,
               DocumentType.GATE_PASS.value}
    for row, ok in RawTable(session, DocumentSeries).rows(findings, order_by="code"):
        code = row["code"]
        if not ok or code not in checked:
            continue
        prefix, width, after = row["prefix"], row["width"], row["next_number"]
        seen: Counter[int] = Counter()
        for number in known.get(code, []):
            digits = number[len(prefix):] if number.startswith(prefix) else ""
            if not digits.isdigit() or not digits.isascii() or (
                    len(digits) != width and not (len(digits) > width and digits[0] != "0")):
                findings.add("number_format", number,
                             _("{document}: the number does not belong to series {series} "
                               "(prefix {prefix}, {width} digits)."),
                             series=code, prefix=prefix, width=width)
                if not digits.isdigit() or not digits.isascii():
                    continue
            value = int(digits)
            seen[value] += 1
            if value >= after or value < 1:
                findings.add("number_beyond_counter", number,
                             _("{document}: number beyond the counter of series {series} "
                               "(next number {next})."), series=code, next=after)
        for value, count in sorted(seen.items()):
            if count > 1:
                findings.add("number_twice", f"{prefix}{value:0{width}d}",
                             _("{document}: number {value} of series {series} is issued {count} "
                               "times."), value=value, series=code, count=count)
        missing = [n for n in range(1, after) if n not in seen]
        for value in missing[:MAX_LISTED]:
            findings.add("number_missing", f"{prefix}{value:0{width}d}",
                         _("{document}: this number of series {series} was issued (the counter "
                           "is at {next}) but no document carries it."), series=code, next=after)
        if len(missing) > MAX_LISTED:
            findings.add("number_missing", code,
                         _("{document}: {count} more numbers are missing."),
                         count=len(missing) - MAX_LISTED)


# -- totals and shares -----------------------------------------------------------------------

def _totals(collected: RuleCollector, findings: Findings) -> None:
    for doc in collected.invoices.values():
        gross = doc.totals["gross"]
        shares = list(doc.shares.values())
        if gross is not None and all(s is not None for s in shares):
            total = sum((s for s in shares if s is not None), ZERO)
            if total != gross:
                findings.add("shares_sum", doc.number,
                             _("{document}: the payer shares add up to {shares}, not the gross "
                               "total {gross}."), shares=total, gross=gross)
        if not doc.lines_clean:
            continue
        for key, label in (("net", Label(_("net"))), ("tax", Label(_("tax"))),
                           ("gross", Label(_("gross")))):
            stored = doc.totals[key]
            if stored is not None and doc.line_sums[key] != stored:
                findings.add("lines_sum", doc.number,
                             _("{document}: the lines add up to {lines} {what}, the total says "
                               "{total}."), lines=doc.line_sums[key], what=label, total=stored)
        for payer in SHARES:
            share = doc.shares[payer]
            if share is not None and doc.line_payers.get(payer, ZERO) != share:
                findings.add("share_lines", doc.number,
                             _("{document}: the lines billed to {payer} add up to {lines}, the "
                               "share says {share}."), payer=payer,
                             lines=doc.line_payers.get(payer, ZERO), share=share)


# -- credit notes ----------------------------------------------------------------------------

def _credit_notes(collected: RuleCollector, findings: Findings) -> None:
    credited: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for doc in collected.invoices.values():
        if doc.kind == InvoiceKind.INVOICE:
            if doc.original_id is not None:
                findings.add("invoice_cites", doc.number,
                             _("{document}: an invoice cites an original invoice."))
            continue
        original = collected.invoices.get(doc.original_id) if doc.original_id else None
        if original is None or original.kind != InvoiceKind.INVOICE:
            findings.add("credit_without_original", doc.number,
                         _("{document}: the credit note does not cite an issued invoice."))
            continue
        gross, left = doc.totals["gross"], original.totals["gross"]
        if gross is None or left is None:
            continue
        if gross > 0:
            findings.add("credit_positive", doc.number,
                         _("{document}: a credit note with a positive total ({gross})."),
                         gross=gross)
        credited[original.id] += -gross
        if credited[original.id] > left:
            findings.add("credit_exceeds", doc.number,
                         _("{document}: credits {credited} against {original}, which has only "
                           "{left} to credit."), credited=credited[original.id],
                         original=original.number, left=left)
        for payer in SHARES:
            mine, theirs = doc.shares[payer], original.shares[payer]
            if mine is not None and theirs is not None and -mine > theirs:
                findings.add("credit_share_exceeds", doc.number,
                             _("{document}: credits {amount} to {payer}, whose share of "
                               "{original} is {share}."), amount=-mine, payer=payer,
                             original=original.number, share=theirs)


# -- payments and refunds --------------------------------------------------------------------

def _tills(session: Session, findings: Findings) -> dict[Any, Row]:
    raw = RawTable(session, TillSession,
                   ("id", "terminal", "status", "opened_at", "closed_at"))
    return {row["id"]: row for row, _ok in raw.rows(findings)}


def _payments(session: Session, collected: RuleCollector, findings: Findings) -> None:
    tills = _tills(session, findings)
    paid: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    for pay in sorted(collected.payments, key=lambda p: p.id):
        _till_rule(pay, tills, findings)
        doc = collected.invoices.get(pay.invoice_id) if pay.invoice_id is not None else None
        if doc is None:
            findings.add("payment_orphan", pay.number,
                         _("{document}: the payment is not against an issued invoice."))
            continue
        if pay.amount is None or pay.payer is None:
            continue
        if pay.payer not in SHARES:
            findings.add("payment_payer", pay.number,
                         _("{document}: unknown payer {payer}."), payer=pay.payer)
            continue
        paid[(doc.id, pay.payer)] += pay.amount
        if doc.kind == InvoiceKind.INVOICE:
            _invoice_payment(pay, doc, paid, findings)
        else:
            _refund(pay, doc, collected, paid, findings)


def _invoice_payment(pay: _Payment, doc: _Invoice, paid: dict[tuple[int, str], Decimal],
                     findings: Findings) -> None:
    assert pay.amount is not None and pay.payer is not None
    if pay.amount < 0:
        findings.add("refund_not_credit", pay.number,
                     _("{document}: a refund ({amount}) against invoice {invoice}; refunds go "
                       "only against credit notes."), amount=pay.amount, invoice=doc.number)
        return
    share = doc.shares[pay.payer]
    if share is not None and paid[(doc.id, pay.payer)] > share:
        findings.add("payment_exceeds", pay.number,
                     _("{document}: {payer} has now paid {paid} on {invoice}, more than the "
                       "share of {share}."), payer=pay.payer, paid=paid[(doc.id, pay.payer)],
                     invoice=doc.number, share=share)


def _refund(pay: _Payment, note: _Invoice, collected: RuleCollector,
            paid: dict[tuple[int, str], Decimal], findings: Findings) -> None:
    assert pay.amount is not None and pay.payer is not None
    if pay.amount > 0:
        findings.add("payment_on_credit", pay.number,
                     _("{document}: a payment ({amount}) against credit note {invoice}."),
                     amount=pay.amount, invoice=note.number)
        return
    original = collected.invoices.get(note.original_id) if note.original_id else None
    if original is None:
        return
    refunded = -paid[(note.id, pay.payer)]
    had = paid[(original.id, pay.payer)]
    if refunded > had:
        findings.add("refund_exceeds", pay.number,
                     _("{document}: {refunded} refunded to {payer} on {invoice}, who paid only "
                       "{paid} on {original}."), refunded=refunded, payer=pay.payer,
                     invoice=note.number, paid=had, original=original.number)


def _till_rule(pay: _Payment, tills: dict[Any, Row], findings: Findings) -> None:
    if pay.till_id is None:
        if pay.method == PaymentMethod.CASH:
            findings.add("cash_without_till", pay.number,
                         _("{document}: cash without a till session."))
        return
    till = tills.get(pay.till_id)
    if till is None:
        findings.add("till_missing", pay.number,
                     _("{document}: till session {till} does not exist."), till=pay.till_id)
        return
    if pay.method != PaymentMethod.CASH or pay.received_at is None:
        return
    opened, closed = till["opened_at"], till["closed_at"]
    if (opened is not None and pay.received_at < opened) or (
            closed is not None and pay.received_at > closed):
        findings.add("till_closed", pay.number,
                     _("{document}: cash received at {at} while till session {till} was not "
                       "open."), at=pay.received_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
                     till=pay.till_id)


# -- orders ----------------------------------------------------------------------------------

def _orders(collected: RuleCollector, orders: dict[Any, Row], findings: Findings) -> None:
    reversed_ids = {d.original_id for d in collected.invoices.values()
                    if d.kind == InvoiceKind.CREDIT_NOTE}
    invoiced = {d.order_id for d in collected.invoices.values()
                if d.kind == InvoiceKind.INVOICE and d.id not in reversed_ids}
    for order_id, row in orders.items():
        if row["status"] == OrderStatus.INVOICED and order_id not in invoiced:
            findings.add("order_without_invoice", row["number"],
                         _("{document}: the order is marked invoiced but has no invoice."))
