"""Lock-out after repeated failed sign-ins: back-off, unknown names alike, admin unlock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.clock import pinned
from app.errors import AuthenticationError, PermissionDenied
from app.security import passwords
from app.security.lockout import AccountLocked, lock_length
from app.security.users import sign_in, unlock_user
from app.transactions import run_in_transaction
from db.models import AuditEntry, UnknownSignIn, User
from tests.factories import TEST_PASSWORD

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def attempt(session, username: str, password: str, at: datetime):
    with pinned(at):
        return sign_in(session, username, password)


def fail_times(session, username: str, count: int, at: datetime = T0) -> list:
    return [attempt(session, username, f"wrong-{n}", at + timedelta(seconds=n)).error
            for n in range(count)]


def test_the_fifth_failure_locks_even_the_right_password(session) -> None:
    errors = fail_times(session, "cashier", 5)
    assert all(type(e) is AuthenticationError for e in errors[:4])
    assert isinstance(errors[4], AccountLocked) and errors[4].minutes == 1
    locked = attempt(session, "cashier", TEST_PASSWORD, T0 + timedelta(seconds=30))
    assert not locked.ok and isinstance(locked.error, AccountLocked)
    assert locked.error.message("en") == "Too many failed attempts. Try again in 1 min."
    assert "1" in locked.error.message("zh_CN") and "Too many" not in locked.error.message(
        "zh_CN")
    # a refused attempt while locked is not counted
    assert session.scalar(select(User.failed_logins).where(User.username == "cashier")) == 5
    later = attempt(session, "cashier", TEST_PASSWORD, T0 + timedelta(minutes=1, seconds=5))
    assert later.ok
    user = session.scalar(select(User).where(User.username == "cashier"))
    assert (user.failed_logins, user.locked_until) == (0, None)


def test_each_failure_after_a_lock_locks_twice_as_long_up_to_an_hour(session) -> None:
    assert [lock_length(n) for n in (4, 5, 6, 7, 8)] == [
        timedelta(0), timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4),
        timedelta(minutes=8)]
    assert lock_length(11) == lock_length(50) == timedelta(hours=1)
    fail_times(session, "advisor", 5)
    at = T0 + timedelta(minutes=2)  # the 1-minute lock is over
    second = attempt(session, "advisor", "wrong-again", at)
    assert isinstance(second.error, AccountLocked) and second.error.minutes == 2
    third = attempt(session, "advisor", "wrong-again", at + timedelta(minutes=3))
    assert isinstance(third.error, AccountLocked) and third.error.minutes == 4
    still = attempt(session, "advisor", TEST_PASSWORD, at + timedelta(minutes=5))
    assert isinstance(still.error, AccountLocked) and still.error.minutes == 2


def test_failures_are_forgotten_a_day_after_the_last(session) -> None:
    fail_times(session, "foreman", 4)
    errors = fail_times(session, "foreman", 4, T0 + timedelta(days=1, minutes=1))
    assert all(type(e) is AuthenticationError for e in errors)  # not locked: 4, not 8


def test_an_unknown_user_name_is_refused_and_locked_exactly_like_a_real_one(session) -> None:
    known = fail_times(session, "advisor", 6)
    unknown = fail_times(session, "nobody.here", 6)
    assert [e.message("en") for e in known] == [e.message("en") for e in unknown]
    assert isinstance(unknown[-1], AccountLocked)
    right = attempt(session, "advisor", TEST_PASSWORD, T0 + timedelta(seconds=20))
    invented = attempt(session, "nobody.here", TEST_PASSWORD, T0 + timedelta(seconds=20))
    assert right.error is not None and invented.error is not None
    assert right.error.message("zh_CN") == invented.error.message("zh_CN")
    # the sixth came while locked: not counted, for either
    assert session.get(UnknownSignIn, "nobody.here").failed_logins == 5
    assert session.scalar(select(User.failed_logins).where(User.username == "advisor")) == 5


class CountingHasher:
    """Counts argon2 verifications, doing the real work."""

    def __init__(self, real) -> None:
        self.real = real
        self.verified: list[str] = []

    def verify(self, stored: str, password: str) -> bool:
        self.verified.append(stored)
        return self.real.verify(stored, password)

    def __getattr__(self, name: str):
        return getattr(self.real, name)


@pytest.mark.parametrize("case", ["wrong password", "unknown", "disabled", "locked"])
def test_every_refusal_does_one_argon2_verification(session, monkeypatch, case) -> None:
    if case == "disabled":
        session.scalar(select(User).where(User.username == "advisor")).active = False
    if case == "locked":
        fail_times(session, "advisor", 5)
    spy = CountingHasher(passwords._HASHER)
    monkeypatch.setattr(passwords, "_HASHER", spy)
    username = "ghost" if case == "unknown" else "advisor"
    password = "wrong-password" if case == "wrong password" else TEST_PASSWORD
    result = attempt(session, username, password, T0 + timedelta(seconds=10))
    assert not result.ok
    assert len(spy.verified) == 1
    real = session.scalar(select(User.password_hash).where(User.username == "advisor"))
    assert spy.verified[0] == (real if case == "wrong password" else passwords.DUMMY_HASH)


def test_the_lock_is_committed_and_only_user_managers_lift_it_audited(database,
                                                                     actors) -> None:
    for n in range(5):
        run_in_transaction(database, lambda s, n=n: sign_in(s, "technician", f"wrong-{n}"))
    refused = run_in_transaction(database, lambda s: sign_in(s, "technician", TEST_PASSWORD))
    assert isinstance(refused.error, AccountLocked)
    user_id = actors["technician"].user_id
    with pytest.raises(PermissionDenied):
        run_in_transaction(database, lambda s: unlock_user(s, actors["service_manager"],
                                                           user_id))
    run_in_transaction(database, lambda s: unlock_user(s, actors["admin"], user_id))
    with database.reading() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "user.unlock"))
        assert entry.user_id == actors["admin"].user_id and entry.entity_id == str(user_id)
        assert '"failed_logins": 5' in entry.before
    assert run_in_transaction(database, lambda s: sign_in(s, "technician", TEST_PASSWORD)).ok
