"""Shared pieces of the cashier: locking an invoice, what has been paid, issuing a payment row.

Lock order (so concurrent terminals never deadlock): the repair order or the invoice first,
then the till session, then the document series counter, and the chain head last.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cashier.chain import append_to_chain
from app.clock import now
from app.errors import DomainError, NotFound, ValidationError
from app.i18n import _, translate
from app.money import ZERO
from app.numbering import next_number
from app.security.actor import Actor, require
from db.enums import DocumentType, InvoiceKind, Payer, PaymentMethod
from db.models import Invoice, Payment

PAYER_LABELS: dict[str, str] = {
    Payer.CUSTOMER: _("customer"),
    Payer.INSURER: _("insurer"),
    Payer.WARRANTY: _("warranty"),
    Payer.INTERNAL: _("internal"),
}
METHOD_LABELS: dict[str, str] = {
    PaymentMethod.CASH: _("cash"),
    PaymentMethod.CARD: _("bank card"),
    PaymentMethod.BANK_TRANSFER: _("bank transfer"),
    PaymentMethod.WECHAT_PAY: _("WeChat Pay"),
    PaymentMethod.ALIPAY: _("Alipay"),
    PaymentMethod.ACCOUNT: _("on account"),
}
KEY_MAX = 56  # room for ":<part index>" inside payment.idempotency_key (64)
_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_.\-]+$")


class SettlementError(DomainError):
    """A cashier rule refused the action; payer and method names are shown translated."""

    _TRANSLATED = ("payer", "method", "status")

    def _translated_params(self, lang: str) -> dict[str, Any]:
        return {k: translate(v, lang) if k in self._TRANSLATED and isinstance(v, str) else v
                for k, v in self.params.items()}


def payer_label(payer: str) -> str:
    """The translatable label of a payer code."""
    return PAYER_LABELS.get(payer, payer)


def method_label(method: str) -> str:
    """The translatable label of a payment method code."""
    return METHOD_LABELS.get(method, method)


def clean_key(key: object) -> str:
    """Validate a client-generated idempotency key (letters, digits, ``_.-``; ≤ 56 chars)."""
    text = key.strip() if isinstance(key, str) else ""
    if not text or len(text) > KEY_MAX or not _KEY_PATTERN.match(text):
        raise ValidationError("idempotency_key", _("Payment key"),
                              _("Use 1 to {max} letters, digits, '-', '_' or '.'."),
                              max=KEY_MAX)
    return text


def clean_payer(payer: object) -> str:
    """A payer code, or ``ValidationError``."""
    if not isinstance(payer, str) or payer not in Payer._value2member_map_:
        raise ValidationError("payer", _("Payer"), _("Choose who pays."))
    return str(payer)


def clean_method(method: object) -> str:
    """A payment method code, or ``ValidationError``."""
    if not isinstance(method, str) or method not in PaymentMethod._value2member_map_:
        raise ValidationError("method", _("Payment method"), _("Choose a payment method."))
    return str(method)


def lock_invoice(session: Session, invoice_id: int) -> Invoice:
    """The invoice (or credit note), row-locked until the transaction ends, read fresh."""
    invoice = session.execute(
        select(Invoice).where(Invoice.id == invoice_id).with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if invoice is None:
        raise NotFound(_("Invoice {ref} not found."), ref=invoice_id)
    return invoice


def get_invoice(session: Session, invoice_id: int) -> Invoice:
    """The invoice (or credit note) without locking; issued documents never change."""
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(_("Invoice {ref} not found."), ref=invoice_id)
    return invoice


def shares(invoice: Invoice) -> dict[str, Decimal]:
    """What each payer owes on ``invoice`` (negative on a credit note)."""
    return {Payer.CUSTOMER: invoice.customer_share, Payer.INSURER: invoice.insurer_share,
            Payer.WARRANTY: invoice.warranty_share, Payer.INTERNAL: invoice.internal_share}


def paid_by_payer(session: Session, invoice_id: int) -> dict[str, Decimal]:
    """Sum of payments (refunds negative) on ``invoice_id`` per payer; every payer present."""
    paid = {str(p): ZERO for p in Payer}
    for payer, total in session.execute(
        select(Payment.payer, func.sum(Payment.amount)).where(Payment.invoice_id == invoice_id)
        .group_by(Payment.payer)
    ):
        paid[payer] = Decimal(total)
    return paid


def credit_note_for(session: Session, invoice_id: int) -> Invoice | None:
    """The credit note reversing ``invoice_id``, if there is one."""
    return session.scalar(select(Invoice).where(Invoice.kind == InvoiceKind.CREDIT_NOTE,
                                                Invoice.original_invoice_id == invoice_id))


def payments_with_key_prefix(session: Session, prefix: str) -> list[Payment]:
    """Payments whose idempotency key starts with ``prefix``, in issue order."""
    return list(session.scalars(
        select(Payment).where(Payment.idempotency_key.startswith(prefix, autoescape=True))
        .order_by(Payment.chain_seq)))


def payment_with_key(session: Session, key: str) -> Payment | None:
    """The payment stored under exactly ``key``, if any."""
    return session.scalar(select(Payment).where(Payment.idempotency_key == key))


def issue_payment(session: Session, actor: Actor, *, invoice_id: int, number: str, method: str,
                  payer: str, amount: Decimal, tendered: Decimal | None, reference: str,
                  key: str, till_session_id: int | None) -> Payment:
    """Write one payment (or refund, negative) with a number already taken, and chain it
    (needs ``cashier.payment``)."""
    require(actor, "cashier.payment")
    payment = Payment(number=number, invoice_id=invoice_id, method=method, payer=payer,
                      amount=amount, tendered=tendered, reference=reference,
                      idempotency_key=key, till_session_id=till_session_id,
                      received_at=now(), received_by_id=actor.user_id)
    append_to_chain(session, payment)
    return payment


def receipt_numbers(session: Session, count: int) -> list[str]:
    """Take ``count`` receipt numbers (before the chain head is locked: see lock order)."""
    return [next_number(session, DocumentType.RECEIPT) for _i in range(count)]
