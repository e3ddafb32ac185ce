"""A database guard's refusal (db.guards) turned into the DomainError the user understands.

The services check their rules before writing; a guard fires only when another terminal wrote
between that check and this write. The transaction is then unusable (PostgreSQL aborts it),
which is what raising a DomainError means anyway: the caller rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError

from app.errors import DomainError
from db.guards import violated_guard


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
