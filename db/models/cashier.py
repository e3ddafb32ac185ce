"""Till sessions, invoices and credit notes with their lines, and payments.

Issued fiscal documents (invoices, credit notes, payments) are never updated or deleted (the
database refuses it: db/append_only.py); an invoice keeps its payer as issued. Each
carries ``chain_seq``, ``prev_hash`` and ``hash``: one hash chain runs across all of them in
issue order (see app/cashier/chain.py).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, in_values
from db.enums import InvoiceKind, LineType, Payer, PaymentMethod, TillStatus
from db.models._common import IdMixin
from db.types import Money, Quantity, Rate, UTCDateTime


class TillSession(IdMixin, Base):
    """A cash drawer from opening (with its float) to the daily close."""

    __tablename__ = "till_session"
    __table_args__ = (
        CheckConstraint(in_values("status", TillStatus), name="status"),
        # at most one open till per terminal, enforced by the database itself
        Index("uq_till_session_open_terminal", "terminal", unique=True,
              sqlite_where=text("status = 'open'"), postgresql_where=text("status = 'open'")),
    )

    terminal: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(8), default=TillStatus.OPEN)
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    opening_float: Mapped[Decimal] = mapped_column(Money())
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    expected_cash: Mapped[Decimal | None] = mapped_column(Money(), nullable=True)
    counted_cash: Mapped[Decimal | None] = mapped_column(Money(), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class _ChainedMixin:
    chain_seq: Mapped[int] = mapped_column(Integer, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # which fields the hash covers (app/cashier/chain.py); rows issued before 0005 are 1
    canonical_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class Invoice(IdMixin, _ChainedMixin, Base):
    """An issued invoice, or a credit note (negative amounts) that reverses one."""

    __tablename__ = "invoice"
    __table_args__ = (
        CheckConstraint(in_values("kind", InvoiceKind), name="kind"),
        CheckConstraint(
            "(kind = 'invoice' AND original_invoice_id IS NULL AND gross_total >= 0) OR "
            "(kind = 'credit_note' AND original_invoice_id IS NOT NULL AND gross_total <= 0)",
            name="kind_shape",
        ),
    )

    number: Mapped[str] = mapped_column(String(30), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default=InvoiceKind.INVOICE)
    repair_order_id: Mapped[int | None] = mapped_column(ForeignKey("repair_order.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    currency: Mapped[str] = mapped_column(String(3))
    prices_include_tax: Mapped[bool] = mapped_column(Boolean)
    rounding_rule: Mapped[str] = mapped_column(String(120))
    net_total: Mapped[Decimal] = mapped_column(Money())
    tax_total: Mapped[Decimal] = mapped_column(Money())
    gross_total: Mapped[Decimal] = mapped_column(Money())
    customer_share: Mapped[Decimal] = mapped_column(Money())
    insurer_share: Mapped[Decimal] = mapped_column(Money())
    warranty_share: Mapped[Decimal] = mapped_column(Money())
    internal_share: Mapped[Decimal] = mapped_column(Money())
    # unique: an invoice is reversed at most once (NULLs do not collide)
    original_invoice_id: Mapped[int | None] = mapped_column(
        ForeignKey("invoice.id"), nullable=True, unique=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    # the payer (bill-to) as issued: reprints show these, never the customer's current data
    payer_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    payer_address: Mapped[str] = mapped_column(String(400), default="", server_default="")
    payer_tax_id: Mapped[str] = mapped_column(String(40), default="", server_default="")

    lines: Mapped[list[InvoiceLine]] = relationship(order_by="InvoiceLine.position")
    payments: Mapped[list[Payment]] = relationship(order_by="Payment.chain_seq")


class InvoiceLine(IdMixin, Base):
    """A frozen copy of one billed line, with its rounded net, tax and gross."""

    __tablename__ = "invoice_line"
    __table_args__ = (
        CheckConstraint(in_values("line_type", LineType), name="line_type"),
        CheckConstraint(in_values("payer", Payer), name="payer"),
    )

    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    line_type: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[Decimal] = mapped_column(Quantity())
    unit_price: Mapped[Decimal] = mapped_column(Money())
    discount: Mapped[Decimal] = mapped_column(Rate())
    payer: Mapped[str] = mapped_column(String(10))
    tax_rate: Mapped[Decimal] = mapped_column(Rate())
    net: Mapped[Decimal] = mapped_column(Money())
    tax: Mapped[Decimal] = mapped_column(Money())
    gross: Mapped[Decimal] = mapped_column(Money())


class Payment(IdMixin, _ChainedMixin, Base):
    """Money received against an invoice (negative: a refund against a credit note)."""

    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint(in_values("method", PaymentMethod), name="method"),
        CheckConstraint(in_values("payer", Payer), name="payer"),
        CheckConstraint("amount <> 0", name="amount_nonzero"),
    )

    number: Mapped[str] = mapped_column(String(30), unique=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    payer: Mapped[str] = mapped_column(String(10), default=Payer.CUSTOMER)
    amount: Mapped[Decimal] = mapped_column(Money())
    tendered: Mapped[Decimal | None] = mapped_column(Money(), nullable=True)
    reference: Mapped[str] = mapped_column(String(80), default="")
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    till_session_id: Mapped[int | None] = mapped_column(ForeignKey("till_session.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
