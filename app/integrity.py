"""A database guard's refusal (db.guards, db.append_only) turned into the DomainError the user
understands.

The services check their rules before writing; a guard fires only when another terminal wrote
between that check and this write. The transaction is then unusable (PostgreSQL aborts it),
which is what raising a DomainError means anyway: the caller rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError

from app.errors import ConflictError, DomainError
from app.i18n import _
from db.append_only import refused_change
from db.guards import violated_guard


class RecordFrozen(ConflictError):
    """The database refused to change or delete an issued document, a payment, a stock
    movement, an audit entry or a closed till (db.append_only)."""

    default_msgid = _("This record is issued or closed and can no longer be changed or deleted. "
                      "A mistake is corrected by a new document (a credit note or a reversing "
                      "entry).")


@contextmanager
def frozen_errors() -> Iterator[None]:
    """Raise ``RecordFrozen`` when an append-only trigger refuses a statement inside."""
    try:
        yield
    except IntegrityError as exc:
        if not refused_change(exc):
            raise
        raise RecordFrozen() from exc


@contextmanager
def guard_errors(errors: Mapping[str, Callable[[], DomainError]]) -> Iterator[None]:
    """Raise ``errors[guard]()`` when the guard of that name refuses a statement inside."""
    try:
        yield
    except IntegrityError as exc:
        make = errors.get(violated_guard(exc) or "")
        if make is None:
            raise
        raise make() from exc
