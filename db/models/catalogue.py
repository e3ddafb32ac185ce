"""The labour operation catalogue (工时项目): codes, standard hours, default rate."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.models._common import IdMixin
from db.types import Hours


class LabourOperation(IdMixin, Base):
    """A standard labour operation the advisor picks when writing an order."""

    __tablename__ = "labour_operation"
    __table_args__ = (CheckConstraint("standard_hours >= 0", name="hours_nonneg"),)

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    category: Mapped[str] = mapped_column(String(40), default="")
    standard_hours: Mapped[Decimal] = mapped_column(Hours())
    labour_rate_id: Mapped[int | None] = mapped_column(ForeignKey("labour_rate.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
