"""Re-check the two hash chains from raw rows: fiscal documents and the stock ledger.

Each chain must run 1, 2, 3 … without gaps or doubles, every ``prev_hash`` must be the hash of
the document before it, every stored hash must match the document's contents recomputed with
the canonical serialisation (app/cashier/chain.py ``_invoice_bytes``/``_payment_bytes``,
app/fiscal/stock_chain.py ``movement_bytes``), and the head row must point at the last link.
While walking the documents the rows are handed to a collector (the business rules).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cashier.chain import GENESIS_HASH, _invoice_bytes, _payment_bytes, document_hash
from app.fiscal.findings import Findings
from app.fiscal.raw import RawTable, Row
from app.fiscal.stock_chain import movement_hash
from app.i18n import _
from db.models import ChainHead, Invoice, InvoiceLine, Payment, StockChainHead, StockMovement

BATCH = 500
_LIMIT = 2**31 - 1  # an INTEGER column's range
_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass
class Link:
    """One chained row as the walk sees it."""

    seq: int
    label: str
    stored: Any
    prev_hash: Any
    compute: Callable[[], str] | None  # None: a bad value made it impossible to recompute


@dataclass(frozen=True)
class Head:
    """Where a chain ends: the head row's sequence and hash (``None``: row missing/bad)."""

    seq: int | None
    hash: str | None


def _seq_bounds(session: Session, *columns: Any) -> tuple[int, int]:
    low, top = 1, 0
    for col in columns:
        # SQLite sorts text above every number: keep a stray text value out of the bounds
        # (it is reported by the row reader as a bad value).
        sane = (col >= -_LIMIT, col <= _LIMIT)
        lo = session.scalar(select(func.min(col)).where(*sane))
        hi = session.scalar(select(func.max(col)).where(*sane))
        if isinstance(lo, int):
            low = min(low, lo)
        if isinstance(hi, int):
            top = max(top, hi)
    return low, top


def _read_head(session: Session, model: Any, findings: Findings, label: str) -> Head:
    raw = RawTable(session, model)
    rows = list(raw.rows(findings, raw.c("id") == 1))
    if not rows:
        findings.add("head_missing", label, _("The chain head is missing ({document})."))
        return Head(None, None)
    row, _clean = rows[0]
    return Head(row["last_seq"], row["last_hash"])


def _walk(links: Iterator[Link], head: Head, findings: Findings, head_label: str,
          head_msgid: str) -> Head:
    """Check sequence, links and hashes; returns the last link (seq, hash)."""
    expected = 1
    last_seq, last_hash, last_label = 0, GENESIS_HASH, ""
    for link in links:
        if link.seq == last_seq:
            findings.add("seq_twice", link.label,
                         _("Chain sequence {seq} is used twice ({first} and {second})."),
                         seq=link.seq, first=last_label, second=link.label)
        elif link.seq < expected:
            findings.add("seq_order", link.label,
                         _("Chain sequence {seq} is out of order ({document})."), seq=link.seq)
        else:
            for missing in range(expected, link.seq):
                findings.add("seq_missing", f"#{missing}",
                             _("Chain sequence {seq} is missing."), seq=missing)
        stored_ok = isinstance(link.stored, str) and bool(_HEX.fullmatch(link.stored))
        if not stored_ok:
            findings.add("hash_malformed", link.label,
                         _("{document}: the stored hash is not a SHA-256 hex digest."))
        if link.prev_hash != last_hash:
            findings.add("prev_mismatch", link.label,
                         _("{document}: the previous hash does not match the document before "
                           "it."))
        if link.compute is None:
            findings.add("unverifiable", link.label,
                         _("{document}: its hash cannot be recomputed (bad stored values)."))
        else:
            try:
                recomputed = link.compute()
            except Exception:
                findings.add("unverifiable", link.label,
                             _("{document}: its hash cannot be recomputed (bad stored values)."))
            else:
                if stored_ok and recomputed != link.stored:
                    findings.add("hash_mismatch", link.label,
                                 _("{document}: the hash does not match its contents (changed "
                                   "after issue)."))
        expected = max(expected, link.seq + 1)
        last_seq, last_hash, last_label = link.seq, link.stored, link.label
    if head.seq is not None and (head.seq != last_seq or head.hash != last_hash):
        findings.add("head_mismatch", head_label, head_msgid, head_seq=head.seq, seq=last_seq)
    return Head(last_seq, last_hash if isinstance(last_hash, str) else None)


# -- fiscal documents ------------------------------------------------------------------------

def _invoice_digest(row: Row, lines: list[Row]) -> str:
    return document_hash(_invoice_bytes(row, lines))


def _payment_digest(row: Row) -> str:
    return document_hash(_payment_bytes(row))


DocumentSink = Callable[[str, Row, list[Row]], None]  # ("invoice"|"payment", row, lines)


def document_chain(session: Session, findings: Findings, sink: DocumentSink) -> Head:
    """Walk the fiscal chain (invoices, credit notes, payments); rows go to ``sink``.

    Returns the last link (what an anchor records)."""
    invoices = RawTable(session, Invoice)
    lines = RawTable(session, InvoiceLine)
    payments = RawTable(session, Payment)
    low, top = _seq_bounds(session, Invoice.chain_seq, Payment.chain_seq)

    def links() -> Iterator[Link]:
        start = low
        while start <= top:
            end = start + BATCH
            batch: list[Link] = []
            inv_rows = list(invoices.rows(findings, invoices.c("chain_seq") >= start,
                                          invoices.c("chain_seq") < end))
            by_invoice: dict[Any, list[Row]] = {row["id"]: [] for row, _c in inv_rows}
            clean_lines: dict[Any, bool] = dict.fromkeys(by_invoice, True)
            if by_invoice:
                for line, ok in lines.rows(findings,
                                           lines.c("invoice_id").in_(list(by_invoice))):
                    by_invoice[line["invoice_id"]].append(line)
                    clean_lines[line["invoice_id"]] &= ok
            for row, ok in inv_rows:
                its = by_invoice[row["id"]]
                sink("invoice", row, its)
                usable = ok and clean_lines[row["id"]]
                batch.append(Link(
                    row["chain_seq"], f"{row['number']} (#{row['chain_seq']})", row["hash"],
                    row["prev_hash"],
                    partial(_invoice_digest, row, its) if usable else None))
            for row, ok in payments.rows(findings, payments.c("chain_seq") >= start,
                                         payments.c("chain_seq") < end):
                sink("payment", row, [])
                batch.append(Link(
                    row["chain_seq"], f"{row['number']} (#{row['chain_seq']})", row["hash"],
                    row["prev_hash"],
                    partial(_payment_digest, row) if ok else None))
            yield from sorted((link for link in batch if isinstance(link.seq, int)),
                              key=lambda link: (link.seq, link.label))
            start = end

    head = _read_head(session, ChainHead, findings, "chain_head")
    return _walk(links(), head, findings, "chain_head",
                 _("The chain head (sequence {head_seq}) does not match the last document "
                   "(sequence {seq})."))


# -- stock ledger ----------------------------------------------------------------------------

MovementSink = Callable[[Row], None]


def stock_chain(session: Session, findings: Findings,
                sink: MovementSink | None = None) -> Head:
    """Walk the stock ledger's chain; returns its last link."""
    movements = RawTable(session, StockMovement)
    low, top = _seq_bounds(session, StockMovement.chain_seq)

    def links() -> Iterator[Link]:
        start = low
        while start <= top:
            end = start + BATCH * 4
            batch: list[Link] = []
            for row, ok in movements.rows(findings, movements.c("chain_seq") >= start,
                                          movements.c("chain_seq") < end,
                                          order_by="chain_seq"):
                if sink is not None:
                    sink(row)
                batch.append(Link(
                    row["chain_seq"], f"stock_movement #{row['id']} (#{row['chain_seq']})",
                    row["hash"], row["prev_hash"],
                    partial(movement_hash, row) if ok else None))
            yield from (link for link in batch if isinstance(link.seq, int))
            start = end

    head = _read_head(session, StockChainHead, findings, "stock_chain_head")
    return _walk(links(), head, findings, "stock_chain_head",
                 _("The stock chain head (sequence {head_seq}) does not match the last "
                   "movement (sequence {seq})."))
