"""Run one user action as one transaction, with bounded retries on transient conflicts.

PostgreSQL may abort a transaction with a serialization failure (40001) or a deadlock (40P01);
SQLite may report ``database is locked`` after its busy timeout. Those are retried a bounded
number of times with a short back-off. An optimistic-lock failure (someone else saved the same
record) is *not* retried: it becomes ``ConflictError`` so the user decides.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.errors import ConflictError
from db.engine import Database

T = TypeVar("T")
RETRYABLE_PG_CODES = {"40001", "40P01"}
MAX_ATTEMPTS = 5


def is_transient(exc: BaseException) -> bool:
    """True for serialization failures, deadlocks and SQLite lock time-outs."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if code in RETRYABLE_PG_CODES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(orig)


def run_in_transaction(database: Database, action: Callable[[Session], T], *,
                       attempts: int = MAX_ATTEMPTS) -> T:
    """Call ``action(session)`` and commit; roll back on any error.

    Transient database conflicts are retried up to ``attempts`` times in all.
    """
    for attempt in range(1, attempts + 1):
        session = database.session()
        try:
            result = action(session)
            session.commit()
            return result
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError() from exc
        except DBAPIError as exc:
            session.rollback()
            if attempt < attempts and is_transient(exc):
                time.sleep(random.uniform(0.01, 0.05) * attempt)
                continue
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
    raise AssertionError("unreachable")
