"""Sign-in, user creation, argon2id parameters and role permissions."""

from __future__ import annotations

import pytest
from argon2 import extract_parameters
from sqlalchemy import select

from app.errors import AuthenticationError, PermissionDenied, ValidationError
from app.security.actor import require
from app.security.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from app.security.permissions import PERMISSIONS, ROLE_PERMISSIONS
from app.security.users import authenticate, create_user, sign_in
from app.transactions import run_in_transaction
from db.enums import RoleCode
from db.models import AuditEntry, User
from tests.factories import TEST_PASSWORD


def test_password_hash_meets_owasp_minimum_and_the_dummy_hash_is_current() -> None:
    stored = hash_password("correct horse battery")
    params = extract_parameters(stored)
    assert stored.startswith("$argon2id$")
    assert params.memory_cost >= 19456 and params.time_cost >= 2 and params.parallelism >= 1
    assert verify_password(stored, "correct horse battery")
    assert not verify_password(stored, "Correct horse battery")
    assert not verify_password("not-a-hash", "x")
    # the hash checked for unknown user names costs what a real one costs
    assert extract_parameters(DUMMY_HASH) == params and not needs_rehash(DUMMY_HASH)


def test_short_password_is_refused_naming_the_field(session, actors) -> None:
    with pytest.raises(ValidationError) as err:
        create_user(session, actors["admin"], username="zhao", full_name="赵", password="short",
                    role="advisor")
    assert err.value.field == "password"
    assert "密码" in err.value.message("zh_CN")


def test_sign_in_returns_the_role_and_permissions(session) -> None:
    actor = authenticate(session, " Cashier ", TEST_PASSWORD)
    assert actor.role == RoleCode.CASHIER
    assert actor.permissions == ROLE_PERMISSIONS[RoleCode.CASHIER]
    assert session.scalar(select(User.last_login_at).where(User.username == "cashier"))


@pytest.mark.parametrize(("username", "password"), [
    ("cashier", "wrong-password"), ("nobody", TEST_PASSWORD), ("", "")])
def test_sign_in_failure_says_nothing_about_which_part_was_wrong(session, username,
                                                                 password) -> None:
    with pytest.raises(AuthenticationError) as err:
        authenticate(session, username, password)
    assert err.value.message("en") == "Wrong user name or password."


def test_disabled_user_cannot_sign_in(session) -> None:
    user = session.scalar(select(User).where(User.username == "advisor"))
    user.active = False
    with pytest.raises(AuthenticationError):
        authenticate(session, "advisor", TEST_PASSWORD)


def test_only_user_managers_create_users_and_it_is_audited(session, actors) -> None:
    with pytest.raises(PermissionDenied):
        create_user(session, actors["service_manager"], username="x1", full_name="X",
                    password="Ferry-orchid-windmill-4", role="advisor")
    user = create_user(session, actors["admin"], username="Wang.Fang", full_name="王芳",
                       password="Ferry-orchid-windmill-4", role="advisor")
    assert user.username == "wang.fang"
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "user.create")
                           .order_by(AuditEntry.id.desc()).limit(1))
    assert entry.user_id == actors["admin"].user_id and "wang.fang" in entry.after
    with pytest.raises(ValidationError) as err:
        create_user(session, actors["admin"], username="WANG.FANG", full_name="重复",
                    password="Ferry-orchid-windmill-4", role="advisor")
    assert err.value.field == "username"


def test_permission_catalogue_is_consistent() -> None:
    for role, perms in ROLE_PERMISSIONS.items():
        assert perms <= set(PERMISSIONS), role
    assert "users.manage" not in ROLE_PERMISSIONS[RoleCode.SERVICE_MANAGER]
    assert ROLE_PERMISSIONS[RoleCode.ADMIN] == frozenset(PERMISSIONS)


def test_require_denies_with_the_permission_named(actors) -> None:
    with pytest.raises(PermissionDenied) as err:
        require(actors["technician"], "cashier.settle")
    assert "cashier.settle" in err.value.message("zh_CN")


def test_a_failed_sign_in_is_counted_in_a_transaction_that_commits(database) -> None:
    result = run_in_transaction(database, lambda s: sign_in(s, "cashier", "wrong-password"))
    assert not result.ok and result.actor is None
    assert result.error is not None and result.error.message("en") == \
        "Wrong user name or password."
    result = run_in_transaction(database, lambda s: sign_in(s, "cashier", "wrong-again"))
    with database.reading() as s:
        assert s.scalar(select(User.failed_logins).where(User.username == "cashier")) == 2
    unknown = run_in_transaction(database, lambda s: sign_in(s, "nobody", TEST_PASSWORD))
    assert unknown.error is not None and unknown.error.message("en") == result.error.message(
        "en")  # nothing tells which part was wrong
    ok = run_in_transaction(database, lambda s: sign_in(s, " Cashier ", TEST_PASSWORD))
    assert ok.ok and ok.actor is not None and ok.actor.username == "cashier"
    with database.reading() as s:
        user = s.scalar(select(User).where(User.username == "cashier"))
        assert user.failed_logins == 0 and user.last_login_at is not None


def test_authenticate_writes_nothing_when_it_refuses(session) -> None:
    with pytest.raises(AuthenticationError):
        authenticate(session, "cashier", "wrong-password")
    assert not session.dirty and not session.new
    assert session.scalar(select(User.failed_logins).where(User.username == "cashier")) == 0
