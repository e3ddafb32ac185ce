"""Parts catalogue, suppliers, bins, the stock ledger and reservations."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, in_values
from db.enums import MovementKind
from db.models._common import IdMixin
from db.types import Money, Quantity, Rate, UTCDateTime


class Supplier(IdMixin, Base):
    """Where parts come from (the manufacturer's channel, local distributors)."""

    __tablename__ = "supplier"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    is_genuine_channel: Mapped[bool] = mapped_column(Boolean, default=True)


class BinLocation(IdMixin, Base):
    """A shelf place in the parts store (e.g. A-03-2)."""

    __tablename__ = "bin_location"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    description: Mapped[str] = mapped_column(String(100), default="")


class Part(IdMixin, Base):
    """A stocked part. ``on_hand`` caches the ledger sum and is updated in the same transaction."""

    __tablename__ = "part"
    __table_args__ = (
        CheckConstraint("sale_price >= 0", name="price_nonneg"),
        CheckConstraint("reserved >= 0", name="reserved_nonneg"),
    )

    part_no: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    brand: Mapped[str] = mapped_column(String(60), default="")
    unit: Mapped[str] = mapped_column(String(10), default="pc")
    sale_price: Mapped[Decimal] = mapped_column(Money())
    cost_price: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    tax_rate: Mapped[Decimal] = mapped_column(Rate(), default=Decimal("0.13"))
    bin_id: Mapped[int | None] = mapped_column(ForeignKey("bin_location.id"))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("supplier.id"))
    min_qty: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    max_qty: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    on_hand: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    reserved: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    bin: Mapped[BinLocation | None] = relationship()
    supplier: Mapped[Supplier | None] = relationship()


class StockMovement(IdMixin, Base):
    """One line of the stock ledger; ``quantity`` is signed (+ in, - out)."""

    __tablename__ = "stock_movement"
    __table_args__ = (
        CheckConstraint(in_values("kind", MovementKind), name="kind"),
        CheckConstraint("quantity <> 0", name="qty_nonzero"),
        Index("ix_stock_movement_part_at", "part_id", "at"),
    )

    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"))
    kind: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[Decimal] = mapped_column(Quantity())
    balance_after: Mapped[Decimal] = mapped_column(Quantity())
    unit_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    repair_order_id: Mapped[int | None] = mapped_column(ForeignKey("repair_order.id"), index=True)
    part_line_id: Mapped[int | None] = mapped_column(ForeignKey("part_line.id"), index=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("supplier.id"))
    reference: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # the stock ledger's own hash chain (app/fiscal/stock_chain.py), head in stock_chain_head
    chain_seq: Mapped[int] = mapped_column(Integer, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class StockChainHead(Base):
    """The last link of the stock ledger's hash chain (single row, id = 1); locked to append."""

    __tablename__ = "stock_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class StockReservation(IdMixin, Base):
    """Stock held back for an order's part line until it is issued or released."""

    __tablename__ = "stock_reservation"
    __table_args__ = (CheckConstraint("quantity > 0", name="qty_positive"),)

    part_id: Mapped[int] = mapped_column(ForeignKey("part.id"), index=True)
    repair_order_id: Mapped[int] = mapped_column(ForeignKey("repair_order.id"), index=True)
    part_line_id: Mapped[int] = mapped_column(ForeignKey("part_line.id"), unique=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
