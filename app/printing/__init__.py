"""Printed documents of a repair order as PDF (reportlab; no Qt).

``render_document(session, actor, kind, order_id, lang=...)`` builds one of the order's
documents — job card (委托书), technician copy (派工单), estimate (估价单), settlement
statement (结算单) or gate pass (出门条) — and ``render_invoice`` the statement of an issued
invoice or credit note. Both return the PDF bytes; the caller prints, saves or opens them.
Labels are in the document language (``zh_CN``, ``zh_TW`` or ``en``), times in the shop's
time zone, money as stored (see app/money.py for the rounding rule).

The statement of an issued invoice or credit note (``render_invoice``, and ``render_document``'s
settlement of an invoiced order) is a *print* of a fiscal document: it is counted and audited
in the caller's transaction (``app.printing.copies``) — the first is the original, every later
one is marked as a copy — so the caller must commit (the UI runs it as an operation, not as a
read). ``RECORDED_KINDS`` names the order documents that may do so. Every other document only
reads.
"""

from __future__ import annotations

from typing import Literal, get_args

from sqlalchemy.orm import Session

from app.cashier.invoicing import current_invoice
from app.cashier.ledger import get_invoice
from app.clock import now
from app.errors import ValidationError
from app.i18n import _
from app.orders.queries import load_order
from app.printing.copies import record_print
from app.printing.data import load_order_data, require_invoice_view, require_order_view
from app.printing.formatting import money, money_with_symbol
from app.printing.layout import Context, build_pdf
from app.printing.sections import qr_payload
from app.security.actor import Actor
from app.shop import get_profile

DocumentKind = Literal["job_card", "technician_copy", "estimate", "settlement", "gate_pass"]
DOCUMENT_KINDS: tuple[str, ...] = get_args(DocumentKind)
RECORDED_KINDS: frozenset[str] = frozenset({"settlement"})  # prints of an issued invoice
DOCUMENT_TITLES: dict[str, str] = {
    "job_card": _("Repair order"),
    "technician_copy": _("Technician copy"),
    "estimate": _("Estimate"),
    "settlement": _("Settlement statement"),
    "gate_pass": _("Gate pass"),
}

__all__ = ["DOCUMENT_KINDS", "DOCUMENT_TITLES", "RECORDED_KINDS", "DocumentKind", "money",
           "money_with_symbol", "qr_payload", "render_document", "render_invoice"]


def render_document(session: Session, actor: Actor, kind: DocumentKind, order_id: int, *,
                    lang: str = "zh_CN") -> bytes:
    """The PDF of document ``kind`` of repair order ``order_id`` (needs ``orders.view``).

    The settlement statement is the current invoice's when the order is invoiced — a print
    of that invoice, counted and audited (see the module docstring) — otherwise a provisional
    statement marked as such. A gate pass exists only once the car has been handed over
    (``DomainError`` before).
    """
    from app.printing import gate_pass, order_documents, settlement

    require_order_view(actor)
    if kind not in DOCUMENT_KINDS:
        raise ValidationError("kind", _("Document"), _("Unknown document “{kind}”."),
                              kind=str(kind))
    ctx = Context.create(get_profile(session), lang, now())
    data = load_order_data(session, order_id)
    if kind == "job_card":
        page, story = order_documents.job_card(ctx, data)
    elif kind == "technician_copy":
        page, story = order_documents.technician_copy(ctx, data)
    elif kind == "estimate":
        page, story = order_documents.estimate(
            ctx, data, valid_days=order_documents.estimate_valid_days(session))
    elif kind == "settlement":
        invoice = current_invoice(session, order_id)
        if invoice is not None:
            printed = record_print(session, actor, invoice, lang=ctx.lang)
            statement = settlement.from_invoice(session, invoice, data.order,
                                                copy_no=printed.copy_no)
        else:
            statement = settlement.provisional(data)
        page, story = settlement.settlement(ctx, statement)
    else:
        page, story = gate_pass.gate_pass(ctx, data, current_invoice(session, order_id),
                                          session)
        return build_pdf(ctx, page, story, pagesize=gate_pass.PAGESIZE, subject=kind)
    return build_pdf(ctx, page, story, subject=kind)


def render_invoice(session: Session, actor: Actor, invoice_id: int, *,
                   lang: str = "zh_CN") -> bytes:
    """The settlement statement of issued invoice (or credit note) ``invoice_id`` as PDF.

    Printed from the invoice's own frozen lines, totals, shares and payer; a credit note shows
    its negative amounts, the original invoice and the reason. Needs ``orders.view`` (a credit
    note also prints for cashier roles). Counted and audited: every print after the first is
    marked as a copy (the caller commits).
    """
    from app.printing import settlement

    invoice = get_invoice(session, invoice_id)
    require_invoice_view(actor, invoice)
    ctx = Context.create(get_profile(session), lang, now())
    order = load_order(session, invoice.repair_order_id) if invoice.repair_order_id else None
    printed = record_print(session, actor, invoice, lang=ctx.lang)
    page, story = settlement.settlement(ctx, settlement.from_invoice(
        session, invoice, order, copy_no=printed.copy_no))
    return build_pdf(ctx, page, story, subject=invoice.kind)
