"""Lock-out after repeated failed sign-ins, with a back-off that grows.

Each failed sign-in counts against the user name typed. The fifth failure in a row locks it
for 1 minute, and every failure after an expired lock locks it again for twice as long (2, 4,
8 … minutes, at most an hour). While locked, sign-ins are refused, even with the right
password, and are not counted (the legitimate user retrying does not make it longer).
Failures are forgotten a day after the last one, and at a successful sign-in.

An unknown user name is counted in the ``unknown_sign_in`` table by the same rules, so an
attacker cannot tell a real user name from an invented one by its lock-out either.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import AuthenticationError
from app.i18n import _
from db.models import UnknownSignIn

THRESHOLD = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(hours=1)
FORGET_AFTER = timedelta(days=1)


class AccountLocked(AuthenticationError):
    """Too many failed sign-ins under this user name; ``minutes`` until the next try."""

    default_msgid = _("Too many failed attempts. Try again in {minutes} min.")

    def __init__(self, minutes: int) -> None:
        self.minutes = minutes
        super().__init__(self.default_msgid, minutes=minutes)


class Counter(Protocol):
    """A row that counts failed sign-ins (a user account or an unknown user name)."""

    failed_logins: int
    last_failed_at: datetime | None
    locked_until: datetime | None


def lock_length(failures: int) -> timedelta:
    """How long the ``failures``-th failure in a row locks (zero below the threshold)."""
    if failures < THRESHOLD:
        return timedelta(0)
    return min(FIRST_LOCK * 2 ** min(failures - THRESHOLD, 12), LONGEST_LOCK)


def locked(counter: Counter, at: datetime) -> AccountLocked | None:
    """The refusal to give while ``counter`` is locked at ``at``, else None."""
    if counter.locked_until is None or counter.locked_until <= at:
        return None
    return AccountLocked(max(1, math.ceil((counter.locked_until - at).total_seconds() / 60)))


def count_failure(counter: Counter, at: datetime) -> AuthenticationError:
    """Count one failure at ``at``; the refusal to show (locked from now on, or not)."""
    if counter.last_failed_at is not None and at - counter.last_failed_at > FORGET_AFTER:
        counter.failed_logins = 0
    counter.failed_logins = (counter.failed_logins or 0) + 1
    counter.last_failed_at = at
    length = lock_length(counter.failed_logins)
    if not length:
        return AuthenticationError()
    counter.locked_until = at + length
    return AccountLocked(math.ceil(length.total_seconds() / 60))


def clear(counter: Counter) -> None:
    """Forget the failures (a successful sign-in, an administrator's unlock)."""
    counter.failed_logins = 0
    counter.last_failed_at = None
    counter.locked_until = None


def unknown_counter(session: Session, name: str, at: datetime) -> UnknownSignIn:
    """The counter of an unknown user name (made when missing); stale ones are pruned."""
    key = name[:60]
    session.execute(delete(UnknownSignIn).where(UnknownSignIn.last_failed_at < at - FORGET_AFTER))
    row = session.get(UnknownSignIn, key)
    if row is not None:
        return row
    try:
        with session.begin_nested():  # another terminal may be counting the same name
            row = UnknownSignIn(username=key, failed_logins=0)
            session.add(row)
    except IntegrityError:
        row = session.get(UnknownSignIn, key, populate_existing=True)
        assert row is not None
    return row
