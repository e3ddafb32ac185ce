"""Teams, technicians, bays, clock entries and quality-inspection records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db import guards
from db.base import Base
from db.models._common import IdMixin
from db.types import UTCDateTime


class Team(IdMixin, Base):
    """A workshop team (班组); its leader is the technician flagged ``is_team_leader``."""

    __tablename__ = "team"

    name: Mapped[str] = mapped_column(String(60), unique=True)


class Technician(IdMixin, Base):
    """A technician; may be linked to a user account to clock on at a terminal."""

    __tablename__ = "technician"

    name: Mapped[str] = mapped_column(String(60))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
    grade: Mapped[str] = mapped_column(String(30), default="")
    is_team_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    team: Mapped[Team | None] = relationship(foreign_keys=[team_id])


class Bay(IdMixin, Base):
    """A work bay / lift (工位)."""

    __tablename__ = "bay"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(30), default="general")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ClockEntry(IdMixin, Base):
    """A technician clocked on a job from ``started_at`` to ``ended_at`` (null while running)."""

    __tablename__ = "clock_entry"
    __table_args__ = (
        # one running clock per technician (db.guards)
        Index(guards.CLOCK_RUNNING, "technician_id", unique=True,
              sqlite_where=text("ended_at IS NULL"), postgresql_where=text("ended_at IS NULL")),
    )

    labour_line_id: Mapped[int] = mapped_column(ForeignKey("labour_line.id"), index=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("technician.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class QCRecord(IdMixin, Base):
    """The result of a quality inspection of an order (or one of its jobs)."""

    __tablename__ = "qc_record"

    repair_order_id: Mapped[int] = mapped_column(ForeignKey("repair_order.id"), index=True)
    labour_line_id: Mapped[int | None] = mapped_column(ForeignKey("labour_line.id"))
    inspector_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    passed: Mapped[bool] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    inspected_at: Mapped[datetime] = mapped_column(UTCDateTime())
