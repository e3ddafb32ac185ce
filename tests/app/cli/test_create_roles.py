"""``create-roles`` refuses what it cannot do with a one-line message (the PostgreSQL work
itself is tested in tests/db/test_append_only.py)."""

from __future__ import annotations

import pytest

from main import main


def test_a_sqlite_database_has_no_roles(tmp_path, capsys) -> None:
    assert main(["--db", str(tmp_path / "shop.sqlite"), "create-roles",
                 "--keep-passwords"]) == 3  # exit_codes.DATABASE
    assert "PostgreSQL" in capsys.readouterr().err
    assert not (tmp_path / "shop.sqlite").exists()


@pytest.mark.parametrize("arguments, message", [
    (["--owner", "Bad-Name"], "lower-case letters"),
    (["--owner", "same", "--app", "same"], "must differ"),
])
def test_bad_role_names_are_refused(database_url, capsys, arguments, message) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("roles exist on PostgreSQL only")
    assert main(["--db", database_url, "create-roles", *arguments,
                 "--owner-password", "x1", "--app-password", "x2"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_no_password_without_a_terminal(database_url, capsys, monkeypatch) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("roles exist on PostgreSQL only")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--db", database_url, "create-roles", "--owner", "bayline_never_made"]) == 2
    assert "No password" in capsys.readouterr().err
