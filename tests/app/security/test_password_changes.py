"""Changing one's password, an administrator's reset, the forced change of a new account."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.security.lockout import AccountLocked
from app.security.users import (
    WrongCurrentPassword,
    actor_for,
    change_password,
    create_user,
    reset_password,
    sign_in,
)
from app.transactions import run_in_transaction
from db.models import AuditEntry, User
from tests.factories import TEST_PASSWORD

NEW = "Velvet-canyon-oyster-81"
TEMPORARY = "Temporary-Kiwi-lantern-55"


def audit_actions(session, user_id: int) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).where(
        AuditEntry.entity == "user", AuditEntry.entity_id == str(user_id))
        .order_by(AuditEntry.id)))


def test_a_new_account_must_change_its_password_at_the_first_sign_in(session,
                                                                     actors) -> None:
    create_user(session, actors["admin"], username="zhou.li", full_name="周丽",
                password=TEMPORARY, role="advisor")
    first = sign_in(session, "zhou.li", TEMPORARY)
    assert first.ok and first.must_change_password
    assert first.actor is not None
    change_password(session, first.actor, current=TEMPORARY, new=NEW)
    again = sign_in(session, "zhou.li", NEW)
    assert again.ok and not again.must_change_password
    assert not sign_in(session, "zhou.li", TEMPORARY).ok
    user = session.scalar(select(User).where(User.username == "zhou.li"))
    assert user.password_changed_at is not None
    assert audit_actions(session, user.id) == ["user.create", "user.change_password"]
    entry = session.scalar(select(AuditEntry).where(
        AuditEntry.action == "user.change_password"))
    assert NEW not in entry.after + entry.before and TEMPORARY not in entry.after


def test_changing_needs_the_current_password_and_a_new_one_the_policy_accepts(
        session, actors) -> None:
    cashier = actors["cashier"]
    refused = change_password(session, cashier, current="not-it", new=NEW)
    assert isinstance(refused, WrongCurrentPassword)
    assert refused.message("zh_CN") == "这不是您的当前密码。"
    with pytest.raises(ValidationError) as err:
        change_password(session, cashier, current=TEST_PASSWORD, new="cashier12345")
    assert err.value.field == "password" and "12" in err.value.message("en")
    with pytest.raises(ValidationError) as err:
        change_password(session, cashier, current=TEST_PASSWORD, new=TEST_PASSWORD)
    assert err.value.field == "password"
    assert change_password(session, cashier, current=TEST_PASSWORD, new=NEW) is None
    assert sign_in(session, "cashier", NEW).ok


def test_guessing_the_current_password_locks_the_account_like_sign_in(database,
                                                                       actors) -> None:
    advisor = actors["advisor"]
    results = [run_in_transaction(database, lambda s, n=n: change_password(
        s, advisor, current=f"guess-{n}", new=NEW)) for n in range(5)]
    assert all(isinstance(r, WrongCurrentPassword) for r in results[:4])
    assert isinstance(results[4], AccountLocked)  # the count was committed each time
    right = run_in_transaction(database, lambda s: change_password(
        s, advisor, current=TEST_PASSWORD, new=NEW))
    assert isinstance(right, AccountLocked)  # even the right one, while locked
    assert not run_in_transaction(database, lambda s: sign_in(s, "advisor", NEW)).ok


def test_an_admin_resets_a_password_to_a_temporary_one_audited(database, actors) -> None:
    target = actors["technician"].user_id
    for n in range(5):
        run_in_transaction(database, lambda s, n=n: sign_in(s, "technician", f"wrong-{n}"))
    with pytest.raises(PermissionDenied):
        run_in_transaction(database, lambda s: reset_password(
            s, actors["service_manager"], target, TEMPORARY))
    with pytest.raises(ValidationError):
        run_in_transaction(database, lambda s: reset_password(s, actors["admin"], target,
                                                              "12345678"))
    run_in_transaction(database, lambda s: reset_password(s, actors["admin"], target,
                                                          TEMPORARY))
    result = run_in_transaction(database, lambda s: sign_in(s, "technician", TEMPORARY))
    assert result.ok and result.must_change_password  # and the lock-out was lifted
    assert not run_in_transaction(database, lambda s: sign_in(s, "technician",
                                                              TEST_PASSWORD)).ok
    with database.reading() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "user.reset_password"))
        assert entry.user_id == actors["admin"].user_id and TEMPORARY not in entry.after


def test_the_demo_generators_flag_alone_bypasses_the_policy(session, actors) -> None:
    with pytest.raises(ValidationError):
        create_user(session, actors["admin"], username="demo.user", full_name="演示",
                    password="demo1234", role="admin")
    user = create_user(session, actors["admin"], username="demo.user", full_name="演示",
                       password="demo1234", role="admin", demo_password=True,
                       must_change_password=False)
    result = sign_in(session, "demo.user", "demo1234")
    assert result.ok and not result.must_change_password
    assert actor_for(user).role == "admin"
