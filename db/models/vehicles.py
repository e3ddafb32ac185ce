"""Vehicles, their owners over time and their mileage readings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    DDL,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db import guards
from db.base import Base
from db.models._common import CreatedMixin, IdMixin
from db.models.customers import Customer
from db.types import UTCDateTime


class Vehicle(IdMixin, CreatedMixin, Base):
    """A car known to the shop. ``plate`` and ``vin`` are stored normalised (upper case)."""

    __tablename__ = "vehicle"
    __table_args__ = (
        CheckConstraint("mileage_km >= 0", name="mileage_nonneg"),
        # no two vehicles share a plate; an empty one (not registered yet) is allowed (db.guards)
        Index(guards.PLATE, "plate", unique=True, sqlite_where=text("plate <> ''"),
              postgresql_where=text("plate <> ''")),
    )

    plate: Mapped[str] = mapped_column(String(12), index=True)
    vin: Mapped[str | None] = mapped_column(String(17), unique=True, nullable=True)
    vin_reversed: Mapped[str | None] = mapped_column(String(17), index=True, nullable=True)
    brand: Mapped[str] = mapped_column(String(60), default="")
    model: Mapped[str] = mapped_column(String(60), default="")
    series: Mapped[str] = mapped_column(String(60), default="")
    model_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    colour: Mapped[str] = mapped_column(String(40), default="")
    engine_no: Mapped[str] = mapped_column(String(40), default="")
    first_registration: Mapped[date | None] = mapped_column(Date, nullable=True)
    warranty_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    mileage_km: Mapped[int] = mapped_column(Integer, default=0)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    owner: Mapped[Customer | None] = relationship()
    ownerships: Mapped[list[VehicleOwnership]] = relationship(
        back_populates="vehicle", order_by="VehicleOwnership.since"
    )

    __mapper_args__ = {"version_id_col": version}


class VehicleOwnership(IdMixin, Base):
    """A period during which a customer owned a vehicle (``until`` is null for the current).

    At most one open ownership per vehicle, and it is the vehicle's ``owner_id`` (enforced by
    the database, db.guards).
    """

    __tablename__ = "vehicle_ownership"
    __table_args__ = (
        Index(guards.OPEN_OWNERSHIP, "vehicle_id", unique=True,
              sqlite_where=text("until IS NULL"), postgresql_where=text("until IS NULL")),
    )

    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    since: Mapped[datetime] = mapped_column(UTCDateTime())
    until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    vehicle: Mapped[Vehicle] = relationship(back_populates="ownerships")
    customer: Mapped[Customer] = relationship()


# The current-owner triggers (db.guards) look at both tables: created with the later one.
for _statement in guards.SQLITE_TRIGGERS:
    event.listen(VehicleOwnership.__table__, "after_create",
                 DDL(_statement).execute_if(dialect="sqlite"))
for _statement in guards.POSTGRESQL_TRIGGERS:
    event.listen(VehicleOwnership.__table__, "after_create",
                 DDL(_statement).execute_if(dialect="postgresql"))
for _statement in guards.POSTGRESQL_DROP:
    event.listen(VehicleOwnership.__table__, "before_drop",
                 DDL(_statement).execute_if(dialect="postgresql"))


class MileageReading(IdMixin, Base):
    """An odometer reading, from a check-in or a correction (with its reason)."""

    __tablename__ = "mileage_reading"
    __table_args__ = (CheckConstraint("km >= 0", name="km_nonneg"),)

    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"), index=True)
    km: Mapped[int] = mapped_column(Integer)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime())
    repair_order_id: Mapped[int | None] = mapped_column(
        ForeignKey("repair_order.id"), nullable=True, index=True
    )
    reason: Mapped[str] = mapped_column(String(200), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
