"""How long a terminal may sit untouched before it locks itself, per role (a shop setting).

A cashier's terminal has the till open: 5 minutes; every other role 15. An administrator
(``shop.configure``) may change both; 0 turns the idle lock off for those roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import audit
from app.errors import ValidationError
from app.i18n import _
from app.security.actor import Actor, require
from app.settings import IDLE_LOCK_CASHIER, IDLE_LOCK_OTHERS, get_int, set_value
from db.enums import RoleCode

CASHIER_DEFAULT, OTHERS_DEFAULT = 5, 15
LONGEST = 240


@dataclass(frozen=True)
class IdleLock:
    """The idle lock's minutes for cashiers and for every other role (0: never)."""

    cashier: int = CASHIER_DEFAULT
    others: int = OTHERS_DEFAULT

    def minutes_for(self, role: str) -> int:
        """The minutes of ``role``."""
        return self.cashier if role == RoleCode.CASHIER.value else self.others


def idle_lock(session: Session) -> IdleLock:
    """The shop's idle-lock setting."""
    return IdleLock(get_int(session, IDLE_LOCK_CASHIER, CASHIER_DEFAULT),
                    get_int(session, IDLE_LOCK_OTHERS, OTHERS_DEFAULT))


def set_idle_lock(session: Session, actor: Actor, *, cashier: int, others: int) -> IdleLock:
    """Change the idle lock (needs ``shop.configure``); audited."""
    require(actor, "shop.configure")
    for field, value in (("cashier", cashier), ("others", others)):
        if not 0 <= value <= LONGEST:
            raise ValidationError(field, _("Idle lock"),
                                  _("Enter 0 to {count} minutes (0: never)."), count=LONGEST)
    before = idle_lock(session)
    set_value(session, IDLE_LOCK_CASHIER, cashier)
    set_value(session, IDLE_LOCK_OTHERS, others)
    audit.record(session, actor, "settings.idle_lock", "setting", "security.idle_lock_minutes",
                 before={"cashier": before.cashier, "others": before.others},
                 after={"cashier": cashier, "others": others})
    return IdleLock(cashier, others)
