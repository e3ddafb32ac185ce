"""Taking payments against an invoice: split across methods and payers, idempotent, no overpay.

The invoice row is locked before anything is checked, so two terminals settling the same
invoice run one after the other: the second sees the first's payments and cannot overpay.
The client generates one idempotency key per attempt; a retry or a double click with the same
key returns the payments already written instead of paying twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.cashier.ledger import (
    SettlementError,
    clean_key,
    clean_method,
    clean_payer,
    credit_note_for,
    issue_payment,
    lock_invoice,
    paid_by_payer,
    payer_label,
    payment_with_key,
    payments_with_key_prefix,
    receipt_numbers,
    shares,
)
from app.cashier.till import lock_open_till
from app.errors import ConflictError, ValidationError
from app.i18n import _
from app.money import ZERO, parse_money
from app.security.actor import Actor, require
from app.validation.text import clean_text
from db.enums import InvoiceKind, Payer, PaymentMethod
from db.models import Payment

REFERENCE_MAX = 80


@dataclass(frozen=True)
class PaymentPart:
    """One part of a settlement: so much, by this method, from this payer.

    ``amount`` and ``tendered`` may be user text or Decimal. ``tendered`` is for cash only:
    what the customer handed over (change due = tendered − amount).
    """

    method: str
    amount: object
    payer: str = Payer.CUSTOMER
    reference: str = ""
    tendered: object = None


@dataclass(frozen=True)
class _Clean:
    method: str
    amount: Decimal
    payer: str
    reference: str
    tendered: Decimal | None


def change_due(payment: Payment) -> Decimal:
    """Cash to hand back: tendered − amount (zero when nothing extra was tendered)."""
    if payment.tendered is None:
        return ZERO
    return payment.tendered - payment.amount


def clean_reference(reference: object) -> str:
    """A payment reference (card slip, WeChat transaction no.), at most 80 characters."""
    text = clean_text(reference if isinstance(reference, str) else "", field="reference",
                      label=_("Reference"), max_length=REFERENCE_MAX)
    return text


def _clean_part(part: PaymentPart) -> _Clean:
    method = clean_method(part.method)
    payer = clean_payer(part.payer)
    amount = parse_money(part.amount)
    if amount <= 0:
        raise ValidationError("amount", _("Amount"), _("Must be greater than zero."))
    tendered = None
    if part.tendered is not None and part.tendered != "":
        if method != PaymentMethod.CASH:
            raise ValidationError("tendered", _("Tendered"),
                                  _("Only cash is tendered; leave it empty for other "
                                    "methods."))
        tendered = parse_money(part.tendered, field="tendered", label=_("Tendered"))
        if tendered < amount:
            raise ValidationError("tendered", _("Tendered"),
                                  _("Less than the amount ({amount})."), amount=amount)
    return _Clean(method, amount, payer, clean_reference(part.reference), tendered)


def _same_request(existing: list[Payment], invoice_id: int, parts: list[_Clean]) -> bool:
    return len(existing) == len(parts) and all(
        p.invoice_id == invoice_id and p.method == c.method and p.payer == c.payer
        and p.amount == c.amount for p, c in zip(existing, parts, strict=True))


def take_payments(session: Session, actor: Actor, invoice_id: int, parts: list[PaymentPart],
                  *, idempotency_key: str, till_session_id: int | None = None) -> list[Payment]:
    """Record ``parts`` against invoice ``invoice_id``: all of them or none.

    Part ``i`` is stored with key ``f"{idempotency_key}:{i}"``. Calling again with the same
    key returns the payments already written (a retry never pays twice); the same key with a
    different invoice or amounts raises ``ConflictError``. Each payer's payments never exceed
    that payer's share (so the total never exceeds the invoice). Cash needs the open till
    session ``till_session_id``.
    """
    require(actor, "cashier.payment")
    key = clean_key(idempotency_key)
    if not parts:
        raise ValidationError("parts", _("Payments"), _("Add at least one payment."))
    clean = [_clean_part(p) for p in parts]
    invoice = lock_invoice(session, invoice_id)

    # Part 0 exists whenever an earlier call with this key wrote anything (all or none), so
    # one lookup on the unique index answers the common case; the prefix scan runs on a retry.
    existing = (payments_with_key_prefix(session, f"{key}:")
                if payment_with_key(session, f"{key}:0") is not None else [])
    if existing:
        existing.sort(key=lambda p: int(p.idempotency_key.rsplit(":", 1)[1]))
        if _same_request(existing, invoice.id, clean):
            return existing
        raise ConflictError(_("Payment key {key} was already used for a different payment."),
                            key=key)

    if invoice.kind != InvoiceKind.INVOICE:
        raise SettlementError(_("{number} is a credit note: refund it instead of taking "
                                "a payment."), number=invoice.number)
    note = credit_note_for(session, invoice.id)
    if note is not None:
        raise SettlementError(_("Invoice {number} was reversed by credit note {credit}; "
                                "no more payments can be taken on it."),
                              number=invoice.number, credit=note.number)
    needs_till = any(c.method == PaymentMethod.CASH for c in clean)
    if needs_till and till_session_id is None:
        raise ValidationError("till_session_id", _("Till session"),
                              _("Cash needs an open till on this terminal."))
    if till_session_id is not None:
        lock_open_till(session, till_session_id)

    owed = shares(invoice)
    paid = paid_by_payer(session, invoice.id)
    offered: dict[str, Decimal] = {}
    for c in clean:
        offered[c.payer] = offered.get(c.payer, ZERO) + c.amount
    for payer, amount in offered.items():
        open_amount = owed[payer] - paid[payer]
        if amount > open_amount:
            raise SettlementError(
                _("Too much for {payer}: {open_amount} is still open on invoice {number}, "
                  "{amount} offered."),
                payer=payer_label(payer), open_amount=open_amount, number=invoice.number,
                amount=amount)

    numbers = receipt_numbers(session, len(clean))
    payments: list[Payment] = []
    try:
        with session.begin_nested():
            for i, (c, number) in enumerate(zip(clean, numbers, strict=True)):
                payments.append(issue_payment(
                    session, actor, invoice_id=invoice.id, number=number, method=c.method,
                    payer=c.payer, amount=c.amount, tendered=c.tendered,
                    reference=c.reference, key=f"{key}:{i}", till_session_id=till_session_id))
            session.flush()
    except IntegrityError as exc:
        if "idempotency_key" not in str(exc.orig):
            raise
        # The same key was used at the same moment on another invoice and committed first.
        raise ConflictError(_("Payment key {key} was already used for a different payment."),
                            key=key) from exc
    return payments
