"""Shared builders for the cashier tests."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cashier.invoicing import settle_order
from app.security.actor import Actor
from db.models import ChainHead, Invoice, Payment
from tests.factories import make_completed_order

# customer 270.00 labour + 20.00 fee = 290.00; insurer 2000.00 bumper; gross 2290.00
SPLIT_LINES = (
    {"type": "labour", "code": "BP-01", "description": "前保险杠拆装喷漆", "hours": "1.50"},
    {"type": "part", "part_no": "BMP-F", "description": "前保险杠总成", "quantity": "1",
     "unit_price": "2000.00", "payer": "insurer"},
    {"type": "charge", "description": "环保处理费", "amount": "20.00"},
)


def settled_invoice(session: Session, cashier: Actor, advisor: Actor, *, lines=None,
                    plate: str | None = None) -> Invoice:
    """A completed order settled into an invoice and committed."""
    order = make_completed_order(session, advisor, lines=lines, plate=plate)
    invoice = settle_order(session, cashier, order.id)
    session.commit()
    return invoice


def payment_count(session: Session) -> int:
    return session.scalar(select(func.count(Payment.id))) or 0


def total_paid(session: Session, invoice_id: int) -> Decimal:
    return session.scalar(select(func.sum(Payment.amount))
                          .where(Payment.invoice_id == invoice_id)) or Decimal("0")


def head(session: Session) -> tuple[int, str]:
    row = session.execute(select(ChainHead.last_seq, ChainHead.last_hash)).one()
    return row.last_seq, row.last_hash
