"""Prints of issued invoices and credit notes: the first is the original, every later one a
copy, and each one is in the audit log (who, when, which document, which print).

The count comes from the audit log itself (append-only, db/append_only.py), so nothing on the
invoice row has to change. The invoice is row-locked while its print is counted, so two
terminals printing at once get print 1 and print 2, never two originals.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.cashier.ledger import lock_invoice
from app.security.actor import Actor
from db.models import AuditEntry, Invoice

ACTION = "printing.invoice"


@dataclass(frozen=True)
class PrintRecord:
    """The ``print_no``-th print of a document; print 1 is the original."""

    print_no: int

    @property
    def is_copy(self) -> bool:
        return self.print_no > 1

    @property
    def copy_no(self) -> int:
        """0 for the original, 1 for the first reprint …"""
        return self.print_no - 1


def prints_so_far(session: Session, invoice_id: int) -> int:
    """How often the invoice (or credit note) ``invoice_id`` has been printed."""
    return session.scalar(select(func.count(AuditEntry.id)).where(
        AuditEntry.action == ACTION, AuditEntry.entity == "invoice",
        AuditEntry.entity_id == str(invoice_id))) or 0


def record_print(session: Session, actor: Actor, invoice: Invoice, *, lang: str) -> PrintRecord:
    """Count one more print of ``invoice`` and audit it, in the caller's transaction."""
    lock_invoice(session, invoice.id)
    record = PrintRecord(prints_so_far(session, invoice.id) + 1)
    audit.record(session, actor, ACTION, "invoice", invoice.id,
                 after={"document": invoice.number, "kind": invoice.kind,
                        "print": record.print_no, "copy": record.copy_no, "lang": lang})
    return record
