"""Appointments: inbound bookings and outbound invitations (双向预约)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, in_values
from db.enums import AppointmentDirection, AppointmentStatus
from db.models._common import CreatedMixin, IdMixin
from db.types import UTCDateTime


class Appointment(IdMixin, CreatedMixin, Base):
    """A slot booked for a customer's vehicle with an advisor."""

    __tablename__ = "appointment"
    __table_args__ = (
        CheckConstraint(in_values("status", AppointmentStatus), name="status"),
        CheckConstraint(in_values("direction", AppointmentDirection), name="direction"),
        CheckConstraint("ends_at > starts_at", name="slot_order"),
        Index("ix_appointment_advisor_start", "advisor_id", "starts_at"),
    )

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id"), index=True)
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    direction: Mapped[str] = mapped_column(String(10), default=AppointmentDirection.INBOUND)
    status: Mapped[str] = mapped_column(String(12), default=AppointmentStatus.BOOKED)
    requested_work: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    repair_order_id: Mapped[int | None] = mapped_column(ForeignKey("repair_order.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
