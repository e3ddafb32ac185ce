"""Column types that keep money and quantities exact on every database.

SQLite has no exact decimal type (NUMERIC silently becomes REAL), so every exact number is
stored as an integer count of its smallest unit and handed to Python as ``Decimal``. Floats are
refused outright: a float on a money path is a bug, not an input.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect
from sqlalchemy.types import TypeDecorator


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal with a fixed number of decimals, stored as an integer of 10**-scale units.

    Binding a value with more decimals than ``scale`` is an error: callers round at the
    documented points (app/money.py) before anything reaches the database.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int) -> None:
        super().__init__()
        self.scale = scale
        self._quantum = Decimal(1).scaleb(-scale)

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            raise TypeError(f"exact column needs Decimal or int, got {type(value).__name__}")
        value = Decimal(value)
        if not value.is_finite():
            raise ValueError(f"exact column cannot store {value}")
        if value != value.quantize(self._quantum):
            raise ValueError(f"{value} has more than {self.scale} decimals")
        return int(value.scaleb(self.scale))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.scale)

    def copy(self, **kw: Any) -> ScaledDecimal:
        return self.__class__(self.scale)


class Money(ScaledDecimal):
    """Money in the shop currency's minor unit (fen/cents: 2 decimals)."""

    cache_ok = True

    def __init__(self, scale: int = 2) -> None:
        super().__init__(scale)


class Quantity(ScaledDecimal):
    """A quantity of parts (litres of oil, metres of hose): 3 decimals."""

    cache_ok = True

    def __init__(self, scale: int = 3) -> None:
        super().__init__(scale)


class Hours(ScaledDecimal):
    """Labour time in hours (standard hours, clocked time): 2 decimals."""

    cache_ok = True

    def __init__(self, scale: int = 2) -> None:
        super().__init__(scale)


class Rate(ScaledDecimal):
    """A fraction such as a tax rate or a discount (0.1300 = 13 %): 4 decimals."""

    cache_ok = True

    def __init__(self, scale: int = 4) -> None:
        super().__init__(scale)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores it naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError("UTCDateTime needs a datetime")
        if value.tzinfo is None:
            raise ValueError("naive datetime; use an aware one (app.clock.now())")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
