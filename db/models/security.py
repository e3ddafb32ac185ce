"""Users, roles, permissions and the audit log."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base
from db.models._common import CreatedMixin, IdMixin
from db.types import Rate, UTCDateTime

role_permission = Table(
    "role_permission",
    Base.metadata,
    Column("role_id", ForeignKey("role.id", ondelete="CASCADE"), primary_key=True),
    Column("permission_code", ForeignKey("permission.code", ondelete="CASCADE"), primary_key=True),
)


class Permission(Base):
    """A right to do one kind of thing (``orders.edit``, ``invoices.credit`` ...)."""

    __tablename__ = "permission"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    description: Mapped[str] = mapped_column(String(200), default="")


class Role(IdMixin, Base):
    """A job in the shop (advisor, cashier ...) with its permissions and limits."""

    __tablename__ = "role"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    max_discount: Mapped[Decimal] = mapped_column(Rate(), default=Decimal("0"))
    permissions: Mapped[list[Permission]] = relationship(secondary=role_permission)


class User(IdMixin, CreatedMixin, Base):
    """A person who signs in to a terminal."""

    __tablename__ = "user_account"

    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(10), default="")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Lock-out (app/security/lockout.py): the last failure in a row, and until when it locks.
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Set for a new account and after an administrator's reset: the next sign-in must choose
    # a new password before anything else.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False,
                                                       server_default=false())
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    role: Mapped[Role] = relationship()


class UnknownSignIn(Base):
    """Failed sign-ins under a user name that does not exist, counted like a real account's
    (so a lock-out does not tell which user names exist); pruned a day after the last one."""

    __tablename__ = "unknown_sign_in"

    username: Mapped[str] = mapped_column(String(60), primary_key=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True,
                                                            index=True)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AuditEntry(IdMixin, Base):
    """Who did what sensitive thing when, with the values before and after (JSON text)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)

    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
