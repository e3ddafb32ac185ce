"""The last line of defence for text: nothing a flush writes can crash the database.

Services clean their free text with ``app.validation.text.clean_text``; this ``before_flush``
listener catches what a service forgot. Before every flush it looks at the text columns of
each new or changed object and refuses, with a ``ValidationError`` naming the column,

* a value longer than a ``String(n)`` column (PostgreSQL raises on it, SQLite stores it),
* a NUL character (PostgreSQL cannot store one in text) or a lone surrogate (neither driver
  can encode one) in any ``String``/``Text`` column.

It is installed once on SQLAlchemy's ``Session`` class when ``app`` is imported, so every
session of the process is covered (the application's, the CLI's and the tests'), whoever made
it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapper, Session, UOWTransaction

from app.errors import ValidationError
from app.i18n import _

GENERIC_LABEL = _("Entered text")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_columns_of: dict[Mapper[Any], tuple[tuple[str, str, int | None], ...]] = {}


def _text_columns(mapper: Mapper[Any]) -> tuple[tuple[str, str, int | None], ...]:
    """``(attribute key, "table.column", length or None)`` of every text column, cached."""
    found = _columns_of.get(mapper)
    if found is None:
        out = []
        for prop in mapper.column_attrs:
            column = prop.columns[0]
            kind = column.type
            kind = getattr(kind, "impl_instance", kind)  # a TypeDecorator over String
            if isinstance(kind, String):
                table = getattr(column.table, "name", mapper.class_.__name__)
                out.append((prop.key, f"{table}.{column.name}", kind.length))
        found = _columns_of[mapper] = tuple(out)
    return found


def check_value(field: str, column: str, value: str, length: int | None) -> None:
    """Raise ``ValidationError(field, …)`` if ``value`` cannot be stored in ``column``."""
    if _UNSTORABLE.search(value):
        raise ValidationError(field, GENERIC_LABEL,
                              _("“{column}” contains a character that cannot be stored (a NUL "
                                "or a broken character); remove it and try again."),
                              column=column)
    if length is not None and len(value) > length:
        raise ValidationError(field, GENERIC_LABEL,
                              _("“{column}” takes at most {max_length} characters (this has "
                                "{count})."),
                              column=column, max_length=length, count=len(value))


def check_objects(new: Iterable[object], dirty: Iterable[object]) -> None:
    """Check the text columns of objects about to be inserted (``new``) or updated
    (``dirty``: only the attributes that changed)."""
    for changed, objects in ((False, new), (True, dirty)):
        for obj in objects:
            state = inspect(obj)
            loaded = state.dict
            for key, name, length in _text_columns(state.mapper):
                value = loaded.get(key)
                if not isinstance(value, str):
                    continue
                if changed and not state.attrs[key].history.added:
                    continue
                check_value(key, name, value, length)


def _before_flush(session: Session, _context: UOWTransaction, _instances: object) -> None:
    check_objects(list(session.new), list(session.dirty))


def install() -> None:
    """Listen on every Session of the process (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
