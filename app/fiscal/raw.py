"""Read table rows raw and convert them column by column: a bad stored value is a finding.

The ORM types (Money, UTCDateTime, ...) would raise on text in a money column or a NULL where a
number belongs; here each value goes through the column type's own result processor inside a
``try``, so one bad cell is reported with its table, row and column and the rest is checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, Integer, String, Table, column, select, table
from sqlalchemy.orm import Session

from app.fiscal.findings import Findings
from app.i18n import _
from db.types import ScaledDecimal

Row = dict[str, Any]
_Processor = Callable[[Any], Any] | None


class RawTable:
    """One model's table read without result types, converted per value."""

    def __init__(self, session: Session, model: type,
                 names: Sequence[str] | None = None) -> None:
        model_table = cast(Table, model.__table__)  # type: ignore[attr-defined]
        dialect = session.get_bind().dialect
        self.session = session
        self.name = model_table.name
        self.columns = [c for c in model_table.c if names is None or c.name in names]
        self.raw = table(self.name, *[column(c.name) for c in self.columns])
        self.processors: dict[str, _Processor] = {
            c.name: c.type.dialect_impl(dialect).result_processor(dialect, None)
            for c in self.columns}
        self.required = {c.name for c in self.columns if not c.nullable}
        self.kinds: dict[str, type] = {c.name: int for c in self.columns
                                       if isinstance(c.type, Integer)}
        self.kinds.update({c.name: str for c in self.columns if isinstance(c.type, String)})
        # exact numbers are stored as integers of their smallest unit: a REAL that SQLite
        # accepted (29000.5) would otherwise be truncated silently
        self.kinds.update({c.name: int for c in self.columns
                           if isinstance(c.type, ScaledDecimal)})

    def c(self, name: str) -> ColumnElement[Any]:
        """The raw column ``name`` (for WHERE and ORDER BY)."""
        return self.raw.c[name]

    def rows(self, findings: Findings, *where: ColumnElement[bool],
             order_by: str = "id") -> Iterator[tuple[Row, bool]]:
        """Every row matching ``where`` as (converted row, clean?); bad values are reported and
        left as ``None`` in the row."""
        stmt = select(self.raw).where(*where).order_by(self.raw.c[order_by])
        for raw in self.session.execute(stmt).mappings():
            yield self.convert(dict(raw), findings)

    def convert(self, raw: Row, findings: Findings) -> tuple[Row, bool]:
        """``raw`` with every value converted by its column type; (row, clean?)."""
        row: Row = {}
        clean = True
        for name, value in raw.items():
            processor = self.processors.get(name)
            try:
                if value is None and name in self.required:
                    raise ValueError("NULL")
                kind = self.kinds.get(name)
                if kind is not None and value is not None and (
                        not isinstance(value, kind) or isinstance(value, bool)):
                    raise TypeError(name)
                row[name] = processor(value) if processor is not None and value is not None \
                    else value
            except Exception:
                clean = False
                row[name] = None
                findings.add("bad_value", f"{self.name} #{raw.get('id', '?')}",
                             _("{document}: column {column} holds a value that is not valid "
                               "({value})."), column=name, value=_shown(value))
        return row, clean


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
