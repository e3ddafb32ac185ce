"""``account unlock`` and ``account reset``: an administrator's way out of a lock-out or a
forgotten password before the admin screens exist; both audited."""

from __future__ import annotations

import io

from sqlalchemy import select

from app.security.users import sign_in
from db.models import AuditEntry, User
from main import main
from tests.factories import TEST_PASSWORD


def _lock(database, username: str) -> None:
    for _attempt in range(6):
        with database.transaction() as s:
            sign_in(s, username, "wrong password")


def test_unlock_lets_the_right_password_in_again(database, database_url, capsys) -> None:
    _lock(database, "cashier")
    with database.transaction() as s:
        assert not sign_in(s, "cashier", TEST_PASSWORD).ok  # locked: even the right one
    assert main(["--db", database_url, "--lang", "zh_CN", "account", "unlock", "cashier"]) == 0
    assert "已解锁" in capsys.readouterr().out
    with database.transaction() as s:
        assert sign_in(s, "cashier", TEST_PASSWORD).ok
    with database.reading() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "user.unlock"))
        assert entry is not None and entry.user_id is None  # the system administrator
        assert '"failed_logins": 0' in entry.after


def test_reset_sets_a_temporary_password_that_must_be_changed(
        database, database_url, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Lantern-river-morning-64\n"))
    assert main(["--db", database_url, "account", "reset", "advisor", "--password-stdin"]) == 0
    assert "temporary password" in capsys.readouterr().out
    with database.transaction() as s:
        result = sign_in(s, "advisor", "Lantern-river-morning-64")
        assert result.ok and result.must_change_password
        assert s.scalar(select(User.must_change_password).where(User.username == "advisor"))


def test_unknown_names_and_weak_passwords_are_refused_with_a_message(
        database_url, monkeypatch, capsys) -> None:
    assert main(["--db", database_url, "account", "unlock", "nobody"]) == 2
    assert "There is no user “nobody”" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("12345678\n"))
    assert main(["--db", database_url, "account", "reset", "advisor", "--password-stdin"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Password" in err
