"""``verify_documents``: the whole check of the books, as ``verify-documents`` runs it.

1. the fiscal chain and the stock chain (app/fiscal/chains.py), read raw row by row;
2. the business rules (app/fiscal/rules.py);
3. the stock ledger's running balances and cached counters (app.parts.ledger);
4. the database against every anchor given (app/fiscal/anchors.py).

Nothing here raises on what is stored: a bad value is a finding naming its row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.fiscal.anchors import Anchor, database_id
from app.fiscal.chains import Head, document_chain, stock_chain
from app.fiscal.findings import Findings
from app.fiscal.raw import RawTable
from app.fiscal.rules import RuleCollector, check_rules
from app.i18n import Label, _
from db.models import DocumentSeries, Invoice, Payment, StockMovement


@dataclass
class Report:
    """What one verification found, by area, and the heads it saw."""

    chain: Findings = field(default_factory=Findings)
    stock: Findings = field(default_factory=Findings)
    rules: Findings = field(default_factory=Findings)
    anchors: Findings = field(default_factory=Findings)
    document_head: Head = field(default_factory=lambda: Head(0, None))
    stock_head: Head = field(default_factory=lambda: Head(0, None))

    @property
    def findings(self) -> Findings:
        """Every finding, area by area."""
        out = Findings()
        for part in (self.chain, self.stock, self.rules, self.anchors):
            out.extend(part)
        return out

    @property
    def clean(self) -> bool:
        return not self.findings


def verify_documents(session: Session, *, anchors: Sequence[Anchor] = (),
                     lang: str = "en") -> Report:
    """Check the books (see the module docstring) and every anchor in ``anchors``.

    ``lang`` is only for the stock ledger's own messages (app.parts.ledger words them);
    every other finding is translated when shown (``Finding.text(lang)``)."""
    report = Report()
    collected = RuleCollector()
    report.document_head = document_chain(session, report.chain, collected)
    report.stock_head = stock_chain(session, report.stock)
    check_rules(session, collected, report.rules)
    _stock_ledger(session, report.stock, lang)
    own_id = database_id(session) if anchors else None
    for anchor in anchors:
        if anchor.database_id != own_id:
            report.anchors.add("anchor_foreign", f"anchor {anchor.at}",
                               _("Anchor of {at}: it belongs to database {anchored}, this one "
                                 "is {own}."), at=anchor.at, anchored=anchor.database_id,
                               own=own_id or "?")
        check_anchor(session, anchor, report, report.anchors)
    return report


def verify_chain(session: Session, lang: str = "en") -> list[str]:
    """Only the fiscal hash chain, as messages in ``lang`` (empty: intact)."""
    findings = Findings()
    document_chain(session, findings, lambda *_args: None)
    return [f.text(lang) for f in findings]


def _stock_ledger(session: Session, findings: Findings, lang: str) -> None:
    from app.parts.ledger import verify_ledger

    try:
        problems = verify_ledger(session, lang=lang)
    except Exception:
        session.rollback()
        findings.add("ledger_unreadable", "stock_movement",
                     _("{document}: the running balances cannot be re-added (bad stored "
                       "values, see above)."))
        return
    for problem in problems:
        findings.add("ledger", "stock_movement", _("{document}: {problem}"), problem=problem)


# -- anchors ---------------------------------------------------------------------------------

def _hash_at(session: Session, seq: int, tables: Sequence[type]) -> list[object]:
    hashes: list[object] = []
    for model in tables:
        raw = RawTable(session, model, ("id", "chain_seq", "hash"))
        hashes += [row["hash"] for row, _ok in raw.rows(Findings(), raw.c("chain_seq") == seq)]
    return hashes


def check_anchor(session: Session, anchor: Anchor, report: Report, findings: Findings) -> None:
    """The database against one anchor: anchored links still there with the same hash, heads
    at or beyond them, series counters not lower."""
    ref = f"anchor {anchor.at}"
    for what, seq, digest, head, tables in (
            (Label(_("documents")), anchor.document_seq, anchor.document_hash, report.document_head,
             (Invoice, Payment)),
            (Label(_("stock ledger")), anchor.stock_seq, anchor.stock_hash, report.stock_head,
             (StockMovement,))):
        if seq <= 0:
            continue
        if head.seq is None or head.seq < seq:
            findings.add("anchor_truncated", ref,
                         _("Anchor of {at}: the {what} chain ends at sequence {head}, the "
                           "anchor recorded {seq} (removed from the end)."),
                         at=anchor.at, what=what, head=head.seq, seq=seq)
        found = _hash_at(session, seq, tables)
        if not found:
            findings.add("anchor_missing", ref,
                         _("Anchor of {at}: the anchored {what} link {seq} is gone."),
                         at=anchor.at, what=what, seq=seq)
        elif digest not in found:
            findings.add("anchor_hash", ref,
                         _("Anchor of {at}: the {what} link {seq} has a different hash than "
                           "anchored (history rewritten)."), at=anchor.at, what=what, seq=seq)
    series = RawTable(session, DocumentSeries).rows(Findings(), order_by="code")
    current = {row["code"]: row for row, _ok in series}
    for code, mark in sorted(anchor.series.items()):
        row = current.get(code)
        nxt = row["next_number"] if row else None
        if not isinstance(nxt, int) or nxt - 1 < mark.issued:
            findings.add("anchor_series", ref,
                         _("Anchor of {at}: series {series} is back at {now} numbers issued, "
                           "the anchor recorded {issued} (last {last})."),
                         at=anchor.at, series=code, now=(nxt - 1) if isinstance(nxt, int) else "?",
                         issued=mark.issued, last=mark.last)

