"""The command-line commands, run through main.main() as a user would."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import text

from main import main


def test_help_lists_every_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for word in ("db", "demo-data", "create-user", "verify-documents", "doctor"):
        assert word in out


def test_db_status_upgrade_doctor_and_verify(database_url, capsys) -> None:
    assert main(["--db", database_url, "db", "status"]) == 0
    assert "current" in capsys.readouterr().out
    assert main(["--db", database_url, "db", "upgrade"]) == 0
    assert main(["--db", database_url, "doctor"]) == 0
    out = capsys.readouterr().out
    assert "[ok  ] schema current" in out and "FAIL" not in out
    assert main(["--db", database_url, "verify-documents"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1]) == {
        "document_chain_problems": 0, "stock_ledger_problems": 0, "rule_problems": 0,
        "anchor_problems": 0, "anchors_checked": 0}


def test_create_user_reads_the_password_from_stdin(database_url, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))
    assert main(["--db", database_url, "create-user", "--username", "zhang", "--full-name",
                 "张三", "--role", "advisor", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--db", database_url, "--lang", "zh_CN", "create-user", "--username", "li",
                 "--full-name", "李四", "--role", "advisor", "--password-stdin"]) == 2
    assert "密码" in capsys.readouterr().err


def test_a_database_from_a_newer_version_is_refused(database, capsys) -> None:
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    url = database.url.render_as_string(hide_password=False)
    assert main(["--db", url, "verify-documents"]) == 3
    assert "newer Bayline" in capsys.readouterr().err
    assert main(["--db", url, "db", "upgrade"]) == 3
    assert main(["--db", url, "doctor"]) == 1


def test_demo_data_refuses_a_database_with_users(database_url, capsys) -> None:
    assert main(["--db", database_url, "demo-data"]) == 2
    assert "already has users" in capsys.readouterr().err
