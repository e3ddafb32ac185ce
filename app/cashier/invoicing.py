"""Settling a completed repair order into an invoice, reversing it by a credit note, balances.

An invoice freezes the order's billable lines (InvoiceLine) with their rounded money, the
totals and each payer's share, the rounding rule and the tax handling in force. It is never
changed afterwards: a mistake is reversed by one credit note (a negative copy citing the
original) which sends the order back to *completed* to be corrected and invoiced again.
The payer's name, address and tax id are copied onto the invoice as issued (a credit note
copies its original's) and hashed with it: a reprint shows those, whatever the customer's
record says later.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.cashier.chain import append_to_chain
from app.cashier.ledger import (
    SettlementError,
    clean_key,
    clean_method,
    clean_payer,
    credit_note_for,
    get_invoice,
    issue_payment,
    lock_invoice,
    paid_by_payer,
    payer_label,
    payment_with_key,
    receipt_numbers,
    shares,
)
from app.cashier.payments import clean_reference
from app.cashier.till import lock_open_till
from app.clock import now
from app.errors import ConflictError, NotFound, ValidationError
from app.formatting import quantity as quantity_text
from app.i18n import _
from app.money import ROUNDING_RULE, ZERO, parse_money
from app.numbering import next_number
from app.orders.queries import load_order
from app.orders.totals import PricedLine, price_order
from app.orders.workflow import change_status, status_label
from app.security.actor import Actor, require
from app.shop import get_profile
from app.validation.text import normalise_text
from db.enums import DocumentType, InvoiceKind, LineType, OrderStatus, Payer, PaymentMethod
from db.models import Invoice, InvoiceLine, Payment, RepairOrder

REASON_MAX = 2000


def _neg(value: Decimal) -> Decimal:
    return -value if value else value


def _check_parts_issued(order: RepairOrder, billable: tuple[PricedLine, ...]) -> None:
    """Parts billed must equal parts issued (and unbilled lines must have none issued)."""
    billed = {p.line_id for p in billable if p.line_type == LineType.PART}
    for part in order.part_lines:
        to_bill = part.quantity if part.id in billed else Decimal(0)
        if part.issued_qty != to_bill:
            name = f"{part.part_no} {part.description}".strip()
            raise SettlementError(
                _("Part {part} on order {number}: {issued} issued but {quantity} to bill. "
                  "Issue or return parts until they match, then invoice."),
                part=name, number=order.number, issued=quantity_text(part.issued_qty),
                quantity=quantity_text(to_bill))


def current_invoice(session: Session, order_id: int) -> Invoice | None:
    """The order's latest invoice that no credit note has reversed, if any."""
    credited = select(Invoice.original_invoice_id).where(
        Invoice.kind == InvoiceKind.CREDIT_NOTE, Invoice.original_invoice_id.is_not(None))
    return session.scalar(
        select(Invoice).where(Invoice.repair_order_id == order_id,
                              Invoice.kind == InvoiceKind.INVOICE,
                              Invoice.id.not_in(credited))
        .order_by(Invoice.chain_seq.desc()).limit(1))


def settle_order(session: Session, actor: Actor, order_id: int) -> Invoice:
    """Invoice the completed order ``order_id`` and move it to *invoiced*, in one transaction.

    The order is row-locked; it must be completed, have something billable, and every part
    line must have exactly its billed quantity issued. Totals and payer shares are the sums of
    the rounded lines (``app.orders.totals.price_order``).
    """
    require(actor, "cashier.settle")
    order = load_order(session, order_id, for_update=True)
    if order.status != OrderStatus.COMPLETED:
        raise SettlementError(_("Repair order {number} is {status}: only completed orders can "
                                "be invoiced."),
                              number=order.number, status=status_label(order.status))
    existing = current_invoice(session, order.id)
    if existing is not None:
        raise SettlementError(_("Repair order {number} is already invoiced ({invoice})."),
                              number=order.number, invoice=existing.number)
    priced = price_order(session, order)
    billable = priced.billable_lines
    if not billable:
        raise SettlementError(_("Repair order {number} has nothing to invoice."),
                              number=order.number)
    _check_parts_issued(order, billable)

    number = next_number(session, DocumentType.INVOICE)
    lines = [InvoiceLine(position=i, line_type=p.line_type.value, code=p.code,
                         description=p.description, quantity=p.quantity,
                         unit_price=p.unit_price, discount=p.discount, payer=p.payer,
                         tax_rate=p.tax_rate, net=p.amounts.net, tax=p.amounts.tax,
                         gross=p.amounts.gross)
             for i, p in enumerate(billable, start=1)]
    totals = priced.totals
    by_payer = totals.by_payer
    invoice = Invoice(
        number=number, kind=InvoiceKind.INVOICE, repair_order_id=order.id,
        customer_id=order.customer_id, issued_at=now(), issued_by_id=actor.user_id,
        currency=get_profile(session).currency, prices_include_tax=priced.prices_include_tax,
        rounding_rule=ROUNDING_RULE, net_total=totals.net, tax_total=totals.tax,
        gross_total=totals.gross,
        customer_share=by_payer.get(Payer.CUSTOMER, ZERO),
        insurer_share=by_payer.get(Payer.INSURER, ZERO),
        warranty_share=by_payer.get(Payer.WARRANTY, ZERO),
        internal_share=by_payer.get(Payer.INTERNAL, ZERO),
        original_invoice_id=None, reason="", lines=lines,
        payer_name=order.customer.name, payer_address=order.customer.address,
        payer_tax_id=order.customer.tax_id)
    append_to_chain(session, invoice)
    change_status(session, actor, order, OrderStatus.INVOICED)
    session.flush()
    return invoice


def issue_credit_note(session: Session, actor: Actor, invoice_id: int, *,
                      reason: str) -> Invoice:
    """Reverse invoice ``invoice_id`` in full by a credit note (negative copy, cites it).

    One credit note per invoice; a second one is refused. The order goes back from
    *invoiced* to *completed* so it can be corrected and invoiced again. Money already paid
    is given back only by explicit ``refund_payment`` calls. Audited.
    """
    require(actor, "cashier.credit")
    why = normalise_text(reason) if isinstance(reason, str) else ""
    if not why or len(why) > REASON_MAX:
        raise ValidationError("reason", _("Reason"),
                              _("Say why the invoice is reversed (at most {max} characters)."),
                              max=REASON_MAX)
    original = lock_invoice(session, invoice_id)
    if original.kind != InvoiceKind.INVOICE:
        raise SettlementError(_("{number} is a credit note itself; it cannot be reversed."),
                              number=original.number)
    earlier = credit_note_for(session, original.id)
    if earlier is not None:
        raise SettlementError(_("Invoice {number} was already reversed by credit note "
                                "{credit}."), number=original.number, credit=earlier.number)
    if original.repair_order_id is not None:
        order = load_order(session, original.repair_order_id, for_update=True)
        if order.status != OrderStatus.INVOICED:
            raise SettlementError(
                _("Repair order {number} is {status}: only the invoice of an order that is "
                  "invoiced and not yet delivered can be reversed here."),
                number=order.number, status=status_label(order.status))
        change_status(session, actor, order, OrderStatus.COMPLETED,
                      reason=f"{original.number}: {why}")

    number = next_number(session, DocumentType.CREDIT_NOTE)
    lines = [InvoiceLine(position=line.position, line_type=line.line_type, code=line.code,
                         description=line.description, quantity=_neg(line.quantity),
                         unit_price=line.unit_price, discount=line.discount, payer=line.payer,
                         tax_rate=line.tax_rate, net=_neg(line.net), tax=_neg(line.tax),
                         gross=_neg(line.gross))
             for line in original.lines]
    note = Invoice(
        number=number, kind=InvoiceKind.CREDIT_NOTE, repair_order_id=original.repair_order_id,
        customer_id=original.customer_id, issued_at=now(), issued_by_id=actor.user_id,
        currency=original.currency, prices_include_tax=original.prices_include_tax,
        rounding_rule=original.rounding_rule, net_total=_neg(original.net_total),
        tax_total=_neg(original.tax_total), gross_total=_neg(original.gross_total),
        customer_share=_neg(original.customer_share),
        insurer_share=_neg(original.insurer_share),
        warranty_share=_neg(original.warranty_share),
        internal_share=_neg(original.internal_share),
        original_invoice_id=original.id, reason=why, lines=lines,
        payer_name=original.payer_name, payer_address=original.payer_address,
        payer_tax_id=original.payer_tax_id)
    append_to_chain(session, note)
    session.flush()
    audit.record(session, actor, "cashier.credit_note", "invoice", original.id,
                 before={"invoice": original.number, "gross_total": str(original.gross_total)},
                 after={"credit_note": note.number, "gross_total": str(note.gross_total)},
                 reason=why)
    return note


def refund_payment(session: Session, actor: Actor, credit_note_id: int, *, amount: object,
                   method: str, idempotency_key: str, till_session_id: int | None = None,
                   payer: str = Payer.CUSTOMER, reference: str = "") -> Payment:
    """Give money back against credit note ``credit_note_id``: a negative payment.

    ``amount`` is the sum handed back (given positive; a leading minus means the same). The
    refunds to a payer never exceed what that payer paid on the original invoice. Cash needs
    the open till ``till_session_id``. A retry with the same ``idempotency_key`` returns the
    same refund. Audited.
    """
    require(actor, "cashier.payment")
    key = clean_key(idempotency_key)
    method = clean_method(method)
    payer = clean_payer(payer)
    value = abs(parse_money(amount, allow_negative=True))
    if not value:
        raise ValidationError("amount", _("Amount"), _("Must be greater than zero."))
    ref = clean_reference(reference)
    note = lock_invoice(session, credit_note_id)

    p = payment_with_key(session, key)
    if p is not None:
        if (p.invoice_id, p.method, p.payer, p.amount) == (note.id, method, payer, -value):
            return p
        raise ConflictError(_("Payment key {key} was already used for a different payment."),
                            key=key)

    if note.kind != InvoiceKind.CREDIT_NOTE or note.original_invoice_id is None:
        raise SettlementError(_("{number} is not a credit note: refunds go against the credit "
                                "note that reverses an invoice."), number=note.number)
    paid = paid_by_payer(session, note.original_invoice_id)[payer]
    refunded = paid_by_payer(session, note.id)[payer]
    refundable = paid + refunded
    if value > refundable:
        raise SettlementError(
            _("Too much to refund to {payer}: {refundable} can still be refunded on "
              "{number}, {amount} asked."),
            payer=payer_label(payer), refundable=refundable, number=note.number, amount=value)
    if method == PaymentMethod.CASH and till_session_id is None:
        raise ValidationError("till_session_id", _("Till session"),
                              _("Cash needs an open till on this terminal."))
    if till_session_id is not None:
        lock_open_till(session, till_session_id)
    (number,) = receipt_numbers(session, 1)
    refund = issue_payment(session, actor, invoice_id=note.id, number=number, method=method,
                           payer=payer, amount=-value, tendered=None, reference=ref, key=key,
                           till_session_id=till_session_id)
    session.flush()
    audit.record(session, actor, "cashier.refund", "payment", refund.id,
                 after={"credit_note": note.number, "amount": str(-value), "method": method,
                        "payer": payer})
    return refund


def invoice_balance(session: Session, invoice_id: int) -> Decimal:
    """What is still open on a document.

    Invoice: gross total − payments on it. Credit note: minus what can still be refunded
    (what was paid on the original − refunds so far), i.e. zero or negative.
    """
    invoice = get_invoice(session, invoice_id)
    if invoice.kind == InvoiceKind.CREDIT_NOTE and invoice.original_invoice_id is not None:
        paid = sum(paid_by_payer(session, invoice.original_invoice_id).values(), ZERO)
        refunded = sum(paid_by_payer(session, invoice.id).values(), ZERO)
        return -(paid + refunded)
    return invoice.gross_total - sum(paid_by_payer(session, invoice.id).values(), ZERO)


def order_balance(session: Session, order_id: int) -> Decimal:
    """Gross of the order's current (un-credited) invoice minus payments on it.

    Raises ``NotFound`` when the order has no current invoice.
    """
    invoice = current_invoice(session, order_id)
    if invoice is None:
        raise NotFound(_("Repair order {ref} has no invoice."), ref=order_id)
    return invoice_balance(session, invoice.id)


def open_by_payer(session: Session, invoice_id: int) -> dict[str, Decimal]:
    """Each payer's share of an invoice minus what that payer has paid."""
    invoice = get_invoice(session, invoice_id)
    paid = paid_by_payer(session, invoice.id)
    return {payer: share - paid[payer] for payer, share in shares(invoice).items()}


def is_settled(session: Session, order_id: int) -> bool:
    """True when the order's current invoice is fully covered, so the car may be handed over.

    The customer's share must be paid; the insurer's, warranty and internal shares count as
    covered once recorded as payments (typically by method ``account``: a receivable).
    False when the order has no current invoice.
    """
    invoice = current_invoice(session, order_id)
    if invoice is None:
        return False
    return all(v == 0 for v in open_by_payer(session, invoice.id).values())
