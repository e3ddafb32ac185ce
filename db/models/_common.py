"""Shared column helpers for the models."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from db.types import UTCDateTime


class IdMixin:
    """Integer surrogate primary key."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class CreatedMixin:
    """When the row was created (set by the service, always UTC)."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
