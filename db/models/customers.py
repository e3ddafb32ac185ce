"""Customers (people and companies) and their phone numbers."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, in_values
from db.enums import CustomerKind
from db.models._common import CreatedMixin, IdMixin


class Customer(IdMixin, CreatedMixin, Base):
    """A vehicle owner or payer: a person or a company."""

    __tablename__ = "customer"
    __table_args__ = (CheckConstraint(in_values("kind", CustomerKind), name="kind"),)

    kind: Mapped[str] = mapped_column(String(10), default=CustomerKind.PERSON)
    name: Mapped[str] = mapped_column(String(200), index=True)
    tax_id: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    consent_followup: Mapped[bool] = mapped_column(Boolean, default=True)
    consent_marketing: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    phones: Mapped[list[CustomerPhone]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="CustomerPhone.id"
    )

    __mapper_args__ = {"version_id_col": version}


class CustomerPhone(IdMixin, Base):
    """One phone number of a customer, stored in E.164 (+8613812345678)."""

    __tablename__ = "customer_phone"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(20), index=True)
    digits_reversed: Mapped[str] = mapped_column(String(20), index=True)
    label: Mapped[str] = mapped_column(String(20), default="mobile")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    customer: Mapped[Customer] = relationship(back_populates="phones")
