"""Run one user action as one transaction, with bounded, visible retries on transient conflicts.

``perform`` is the unit of work every caller uses (the UI's background runner, the CLI, the
tests): it calls ``action(session)``, appends what the action changed to the change log
(``app.changes``) in the same transaction, commits, and returns the action's value together
with its ``ChangeSet``.

PostgreSQL may abort a transaction with a serialization failure (40001), a deadlock (40P01) or
a lock wait longer than the session's ``lock_timeout`` (55P03); SQLite reports ``database is
locked`` after its (short) busy timeout. Those are retried a bounded number of times with a
short back-off; ``on_retry`` lets a screen say "the database is busy, retrying…" and
``cancelled`` lets the user stop. When the attempts run out the user gets ``DatabaseBusy``;
a statement over the PostgreSQL ``statement_timeout`` becomes ``DatabaseTimeout``. An
optimistic-lock failure (someone else saved the same record) is *not* retried: it becomes
``ConflictError`` so the user decides, and so does the database's refusal to change an issued
document or a closed till (``app.integrity.RecordFrozen``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import changes as change_log
from app.changes import ChangeSet
from app.errors import ConflictError, DatabaseBusy, DatabaseTimeout, OperationCancelled
from app.integrity import RecordFrozen
from db.append_only import refused_change
from db.engine import Database

T = TypeVar("T")
RETRYABLE_PG_CODES = {"40001", "40P01", "55P03"}
STATEMENT_TIMEOUT_CODE = "57014"
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class Done(Generic[T]):
    """A committed operation: what the action returned and what it changed."""

    value: T
    changes: ChangeSet
    log_id: int | None = None


def _sqlstate(exc: DBAPIError) -> str | None:
    orig = exc.orig
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


def is_transient(exc: BaseException) -> bool:
    """True for serialization failures, deadlocks, lock time-outs and SQLite's busy lock."""
    if not isinstance(exc, DBAPIError):
        return False
    if _sqlstate(exc) in RETRYABLE_PG_CODES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


def perform(database: Database, action: Callable[[Session], T], *,
            attempts: int = MAX_ATTEMPTS, actor_id: int | None = None,
            on_retry: Callable[[int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Done[T]:
    """Call ``action(session)``, log its change set, commit; roll back on any error.

    Transient database conflicts are retried up to ``attempts`` times in all; ``on_retry(n)``
    is told before attempt ``n`` (2, 3 …) and ``cancelled()`` is asked before each retry —
    when it says True the work stops with ``OperationCancelled`` and nothing is written.
    """
    for attempt in range(1, attempts + 1):
        session = database.session()
        try:
            value = action(session)
            session.flush()
            found = change_log.collected(session)
            log_id = change_log.append(session, found, actor_id=actor_id) if found else None
            session.commit()
            return Done(value, found, log_id)
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError() from exc
        except IntegrityError as exc:
            session.rollback()
            if refused_change(exc):
                raise RecordFrozen() from exc
            raise
        except DBAPIError as exc:
            session.rollback()
            if _sqlstate(exc) == STATEMENT_TIMEOUT_CODE:
                raise DatabaseTimeout() from exc
            if not is_transient(exc):
                raise
            if attempt >= attempts:
                raise DatabaseBusy() from exc
            if cancelled is not None and cancelled():
                raise OperationCancelled() from exc
            if on_retry is not None:
                on_retry(attempt + 1)
            time.sleep(random.uniform(0.01, 0.05) * attempt)
        except BaseException:
            session.rollback()
            raise
        finally:
            change_log.reset(session)
            session.close()
    raise AssertionError("unreachable")


def run_in_transaction(database: Database, action: Callable[[Session], T], *,
                       attempts: int = MAX_ATTEMPTS) -> T:
    """``perform`` for callers that only need the value (CLI commands, tools, tests)."""
    return perform(database, action, attempts=attempts).value
