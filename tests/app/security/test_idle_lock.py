"""The idle lock setting: cashier 5 minutes, others 15, changed by the shop's configurer."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.security.idle_lock import IdleLock, idle_lock, set_idle_lock
from app.settings import IDLE_LOCK_CASHIER, set_value
from app.shop import shop_facts
from db.models import AuditEntry


def test_the_defaults_are_five_minutes_for_a_cashier_and_fifteen_for_the_rest(session) -> None:
    lock = idle_lock(session)
    assert lock == IdleLock(5, 15)
    assert lock.minutes_for("cashier") == 5
    assert {lock.minutes_for(r) for r in ("advisor", "admin", "technician")} == {15}
    assert shop_facts(session).idle_lock == lock  # what the screens get at sign-in


def test_only_the_shop_configurer_changes_it_audited(session, actors) -> None:
    with pytest.raises(PermissionDenied):
        set_idle_lock(session, actors["cashier"], cashier=60, others=60)
    with pytest.raises(ValidationError) as err:
        set_idle_lock(session, actors["admin"], cashier=-1, others=15)
    assert err.value.field == "cashier"
    set_idle_lock(session, actors["admin"], cashier=3, others=0)
    assert idle_lock(session) == IdleLock(3, 0)
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "settings.idle_lock"))
    assert entry.user_id == actors["admin"].user_id
    assert '"cashier": 5' in entry.before and '"cashier": 3' in entry.after


def test_a_setting_that_is_not_a_number_falls_back_to_the_default(session) -> None:
    set_value(session, IDLE_LOCK_CASHIER, "five")
    assert idle_lock(session).cashier == 5
