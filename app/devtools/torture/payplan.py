"""Deterministic payment requests, so that two terminals build the very same one."""

from __future__ import annotations

import random
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cashier.ledger import shares
from app.cashier.payments import PaymentPart
from app.devtools.torture.world import World
from app.money import ZERO, round_money
from db.enums import InvoiceKind, Payer, PaymentMethod
from db.models import Invoice, Payment

_METHODS = (PaymentMethod.CARD, PaymentMethod.WECHAT_PAY, PaymentMethod.ALIPAY,
            PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH)


def payment_plan(session: Session, world: World, invoice_id: int
                 ) -> tuple[str, tuple[PaymentPart, ...]] | None:
    """The next payment of an invoice as seen in ``session``: key and parts, or None.

    Deterministic from the snapshot: the attempt number is how many payment requests the
    invoice has had, the key is derived from (invoice, attempt) and the amounts from a
    generator seeded with that key, so every terminal reading the same state builds the same
    request.
    """
    invoice = session.get(Invoice, invoice_id)
    if invoice is None or invoice.kind != InvoiceKind.INVOICE:
        return None
    rows = session.execute(select(Payment.payer, Payment.amount, Payment.idempotency_key)
                           .where(Payment.invoice_id == invoice_id)).all()
    attempt = len({key.rsplit(":", 1)[0] for _p, _a, key in rows})
    paid: dict[str, Decimal] = {str(p): ZERO for p in Payer}
    for payer, amount, _key in rows:
        paid[payer] += amount
    key = f"{world.tag}-i{invoice_id}-a{attempt}"
    gen = random.Random(key)
    parts: list[PaymentPart] = []
    for payer, share in shares(invoice).items():
        open_amount = share - paid[payer]
        if open_amount <= 0:
            continue
        amount = open_amount
        if open_amount >= 1 and gen.random() < 0.5:
            amount = max(round_money(open_amount * Decimal(gen.choice(("0.3", "0.5", "0.7")))),
                         Decimal("0.01"))
        if payer != Payer.CUSTOMER:
            parts.append(PaymentPart(PaymentMethod.ACCOUNT, amount, payer=payer))
            continue
        half = round_money(amount / 2)
        if gen.random() < 0.4 and ZERO < half < amount:
            parts += [PaymentPart(PaymentMethod.CARD, half),
                      PaymentPart(PaymentMethod.WECHAT_PAY, amount - half)]
        else:
            parts.append(PaymentPart(gen.choice(_METHODS), amount))
    return (key, tuple(parts)) if parts else None
