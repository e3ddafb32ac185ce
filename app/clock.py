"""The one place that reads the time (aware UTC), so tests and the demo generator can pin it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

_pinned: ContextVar[datetime | None] = ContextVar("bayline_pinned_now", default=None)


def now() -> datetime:
    """The current time as an aware UTC datetime (or the pinned time inside ``pinned``)."""
    value = _pinned.get()
    return value if value is not None else datetime.now(UTC)


@contextmanager
def pinned(at: datetime) -> Iterator[None]:
    """Make ``now()`` return ``at`` inside the block (this thread/context only)."""
    if at.tzinfo is None:
        raise ValueError("pin an aware datetime")
    token = _pinned.set(at.astimezone(UTC))
    try:
        yield
    finally:
        _pinned.reset(token)
