"""Repair orders with their check-in record, lines, approvals and status history."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, in_values
from db.enums import ApprovalMethod, JobStatus, OrderStatus, Payer, WaitReason
from db.models._common import IdMixin
from db.models.customers import Customer
from db.models.vehicles import Vehicle
from db.types import Hours, Money, Quantity, Rate, UTCDateTime


class RepairOrder(IdMixin, Base):
    """One vehicle visit (委托书 / 工单): check-in record, jobs, parts, charges, status."""

    __tablename__ = "repair_order"
    __table_args__ = (
        CheckConstraint(in_values("status", OrderStatus), name="status"),
        CheckConstraint(
            "wait_reason IS NULL OR " + in_values("wait_reason", WaitReason), name="wait_reason"
        ),
        CheckConstraint("fuel_level >= 0 AND fuel_level <= 8", name="fuel_range"),
        CheckConstraint("mileage_in >= 0", name="mileage_nonneg"),
        Index("ix_repair_order_status_opened", "status", "opened_at"),
    )

    number: Mapped[str] = mapped_column(String(30), unique=True)
    status: Mapped[str] = mapped_column(String(12), default=OrderStatus.OPEN)
    wait_reason: Mapped[str | None] = mapped_column(String(10), nullable=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"), index=True)
    advisor_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    promised_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # check-in record (接车)
    mileage_in: Mapped[int] = mapped_column(Integer, default=0)
    fuel_level: Mapped[int] = mapped_column(Integer, default=4)  # eighths of a tank
    damage_notes: Mapped[str] = mapped_column(Text, default="")
    valuables: Mapped[str] = mapped_column(Text, default="")
    warning_lights: Mapped[str] = mapped_column(Text, default="")
    customer_description: Mapped[str] = mapped_column(Text, default="")
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    contact_preference: Mapped[str] = mapped_column(String(20), default="phone")
    customer_waiting: Mapped[bool] = mapped_column(Boolean, default=False)  # in the lounge
    customer_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    comeback_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("repair_order.id"), nullable=True, index=True
    )
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    rework_count: Mapped[int] = mapped_column(Integer, default=0)
    # touched by every change of the order or its lines: bumps ``version`` for optimistic locking
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # completion review, customer called, gate pass (出门条)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    customer_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    gate_pass_number: Mapped[str | None] = mapped_column(String(30), unique=True, nullable=True)
    gate_pass_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    gate_pass_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    customer: Mapped[Customer] = relationship()
    vehicle: Mapped[Vehicle] = relationship()
    attachments: Mapped[list[OrderAttachment]] = relationship(
        order_by="OrderAttachment.id", cascade="all, delete-orphan"
    )
    labour_lines: Mapped[list[LabourLine]] = relationship(
        back_populates="repair_order", order_by="LabourLine.position"
    )
    part_lines: Mapped[list[PartLine]] = relationship(
        back_populates="repair_order", order_by="PartLine.position"
    )
    charge_lines: Mapped[list[ChargeLine]] = relationship(
        back_populates="repair_order", order_by="ChargeLine.position"
    )
    approvals: Mapped[list[WorkApproval]] = relationship(order_by="WorkApproval.approved_at")
    status_changes: Mapped[list[OrderStatusChange]] = relationship(
        order_by="OrderStatusChange.id"
    )

    __mapper_args__ = {"version_id_col": version}


class OrderAttachment(IdMixin, Base):
    """A file kept with the order, e.g. a check-in photo of existing damage."""

    __tablename__ = "order_attachment"
    __table_args__ = (CheckConstraint("size_bytes > 0", name="size_positive"),)

    repair_order_id: Mapped[int] = mapped_column(
        ForeignKey("repair_order.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(60))
    size_bytes: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class WorkApproval(IdMixin, Base):
    """A customer's recorded consent to additional work (追加项目): who, when, how, amount."""

    __tablename__ = "work_approval"
    __table_args__ = (CheckConstraint(in_values("method", ApprovalMethod), name="method"),)

    repair_order_id: Mapped[int] = mapped_column(ForeignKey("repair_order.id"), index=True)
    approved_by: Mapped[str] = mapped_column(String(100))
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime())
    method: Mapped[str] = mapped_column(String(12))
    amount: Mapped[Decimal] = mapped_column(Money())
    extra_minutes: Mapped[int] = mapped_column(Integer, default=0)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    notes: Mapped[str] = mapped_column(Text, default="")


class _LineMixin:
    """Columns every billable line shares."""

    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(300))
    payer: Mapped[str] = mapped_column(String(10), default=Payer.CUSTOMER)
    discount: Mapped[Decimal] = mapped_column(Rate(), default=Decimal("0"))
    tax_rate: Mapped[Decimal] = mapped_column(Rate())
    additional: Mapped[bool] = mapped_column(Boolean, default=False)
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("work_approval.id"), nullable=True)


def _line_checks(table: str) -> tuple[CheckConstraint, ...]:
    return (
        CheckConstraint(in_values("payer", Payer), name="payer"),
        CheckConstraint("discount >= 0 AND discount <= 10000", name="discount_range"),
    )


class LabourLine(IdMixin, _LineMixin, Base):
    """A job: one labour operation with its standard hours, rate, technician and bay."""

    __tablename__ = "labour_line"
    __table_args__ = (
        *_line_checks("labour_line"),
        CheckConstraint(in_values("status", JobStatus), name="status"),
        CheckConstraint("hours >= 0", name="hours_nonneg"),
        CheckConstraint("hourly_rate >= 0", name="rate_nonneg"),
    )

    repair_order_id: Mapped[int] = mapped_column(ForeignKey("repair_order.id"), index=True)
    operation_code: Mapped[str] = mapped_column(String(30), default="")
    hours: Mapped[Decimal] = mapped_column(Hours())
    hourly_rate: Mapped[Decimal] = mapped_column(Money())
    status: Mapped[str] = mapped_column(String(12), default=JobStatus.OPEN)
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    bay_id: Mapped[int | None] = mapped_column(ForeignKey("bay.id"))

    repair_order: Mapped[RepairOrder] = relationship(back_populates="labour_lines")


class PartLine(IdMixin, _LineMixin, Base):
    """A part billed on an order; ``issued_qty`` is what the parts counter has handed out."""

    __tablename__ = "part_line"
    __table_args__ = (
        *_line_checks("part_line"),
        CheckConstraint("quantity > 0", name="qty_positive"),
        CheckConstraint("unit_price >= 0", name="price_nonneg"),
        CheckConstraint("issued_qty >= 0", name="issued_nonneg"),
    )

    repair_order_id: Mapped[int] = mapped_column(ForeignKey("repair_order.id"), index=True)
    part_id: Mapped[int | None] = mapped_column(ForeignKey("part.id"), index=True)
    part_no: Mapped[str] = mapped_column(String(40), default="")
    quantity: Mapped[Decimal] = mapped_column(Quantity())
    unit_price: Mapped[Decimal] = mapped_column(Money())
    issued_qty: Mapped[Decimal] = mapped_column(Quantity(), default=Decimal("0"))

    repair_order: Mapped[RepairOrder] = relationship(back_populates="part_lines")


class ChargeLine(IdMixin, _LineMixin, Base):
    """Another charge: sublet work, consumables, disposal fee, towing ..."""

    __tablename__ = "charge_line"
    __table_args__ = (*_line_checks("charge_line"),)

    repair_order_id: Mapped[int] = mapped_column(ForeignKey("repair_order.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Money())

    repair_order: Mapped[RepairOrder] = relationship(back_populates="charge_lines")


class OrderStatusChange(IdMixin, Base):
    """One move of an order through the state machine, with who, when and why."""

    __tablename__ = "order_status_change"

    repair_order_id: Mapped[int] = mapped_column(ForeignKey("repair_order.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
