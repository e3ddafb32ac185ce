"""Shop profile, tax and labour rates, settings, document number series, fiscal chain head."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, in_values
from db.enums import DocumentType, LineType
from db.models._common import IdMixin
from db.types import Money, Rate


class ShopProfile(IdMixin, Base):
    """The one shop this database belongs to (single row, id = 1)."""

    __tablename__ = "shop_profile"

    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(400), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    tax_id: Mapped[str] = mapped_column(String(40), default="")
    country: Mapped[str] = mapped_column(String(2), default="CN")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    prices_include_tax: Mapped[bool] = mapped_column(Boolean, default=True)
    document_footer: Mapped[str] = mapped_column(Text, default="")
    job_card_terms: Mapped[str] = mapped_column(Text, default="")
    default_language: Mapped[str] = mapped_column(String(10), default="zh_CN")
    timezone: Mapped[str] = mapped_column(String(40), default="Asia/Shanghai")


class TaxRate(IdMixin, Base):
    """A VAT rate and the line type it applies to by default."""

    __tablename__ = "tax_rate"
    __table_args__ = (
        CheckConstraint("rate >= 0 AND rate < 10000", name="rate_range"),
        CheckConstraint(in_values("line_type", LineType), name="line_type"),
    )

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    rate: Mapped[Decimal] = mapped_column(Rate())
    line_type: Mapped[str] = mapped_column(String(10))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class LabourRate(IdMixin, Base):
    """An hourly labour rate (normal, body, electrical, warranty ...)."""

    __tablename__ = "labour_rate"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    hourly_rate: Mapped[Decimal] = mapped_column(Money())
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class Setting(Base):
    """A typed key/value setting (stored as text, parsed by app/settings.py)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DocumentSeries(Base):
    """Gapless counter for one document type; incremented inside the committing transaction."""

    __tablename__ = "document_series"
    __table_args__ = (
        CheckConstraint(in_values("code", DocumentType), name="code"),
        CheckConstraint("next_number >= 1", name="next_positive"),
    )

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(10))
    next_number: Mapped[int] = mapped_column(Integer, default=1)
    width: Mapped[int] = mapped_column(Integer, default=6)


class ChainHead(Base):
    """The last link of the fiscal-document hash chain (single row, id = 1); locked to append."""

    __tablename__ = "chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="0" * 64)
