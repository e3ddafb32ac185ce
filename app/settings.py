"""Shop-wide settings stored as text in the ``setting`` table, read with a type."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import Setting

ALLOW_NEGATIVE_STOCK = "stock.allow_negative"
# Minutes without keyboard or mouse before a terminal locks itself (app/security/idle_lock.py).
IDLE_LOCK_CASHIER = "security.idle_lock_minutes.cashier"
IDLE_LOCK_OTHERS = "security.idle_lock_minutes.others"


def get_bool(session: Session, key: str, default: bool = False) -> bool:
    """A boolean setting (``"1"``/``"true"`` are true)."""
    row = session.get(Setting, key)
    if row is None:
        return default
    return row.value.strip().lower() in ("1", "true", "yes", "on")


def get_int(session: Session, key: str, default: int) -> int:
    """A whole-number setting (``default`` when missing or not a number)."""
    row = session.get(Setting, key)
    try:
        return int(row.value.strip()) if row is not None else default
    except ValueError:
        return default


def set_value(session: Session, key: str, value: object) -> None:
    """Store a setting (callers check permissions and audit)."""
    text = ("1" if value else "0") if isinstance(value, bool) else str(value)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text
