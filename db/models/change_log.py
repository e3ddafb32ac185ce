"""The change log: one row per committed user action, read by every other terminal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.models._common import IdMixin
from db.types import UTCDateTime


class ChangeLogEntry(IdMixin, Base):
    """What one committed operation changed (``changes``: a JSON change set, see app.changes).

    ``id`` is the feed's sequence: terminals remember the highest id they have seen and read
    the rows after it. ``origin`` names the process that wrote it, so a terminal can skip its
    own changes (it announced them itself right after its commit).
    """

    __tablename__ = "change_log"

    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    origin: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[int | None] = mapped_column(nullable=True)
    changes: Mapped[str] = mapped_column(Text)
