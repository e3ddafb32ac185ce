"""Every command, run against a broken environment, ends with one line in the user's language
and a documented exit code (app/cli/exit_codes.py) — never a traceback — and creates nothing.

The environments: an address Bayline cannot use (unknown scheme, unknown driver, unparseable),
a PostgreSQL server on a closed port, a file that is not a database (random bytes, text, a
folder), another program's SQLite file, a missing SQLite file, a database written by a newer
Bayline (both databases), and a full disk. A full disk is simulated honestly at the layer that
meets it: SQLite's own SQLITE_FULL by capping the file with ``PRAGMA max_page_count`` on the
connection (exactly the error a full disk gives), and the kernel's ENOSPC by writing a PDF to
``/dev/full``.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event, text

import app.cli
from app.cli import command_modules, exit_codes
from main import main

ROOT = Path(__file__).resolve().parents[3]
HAN = ("資料", "磁碟", "無法", "沒有", "拒絕")  # zh_TW words the messages below use

COMMANDS: dict[str, list[str]] = {
    "account": ["account", "unlock", "advisor"],
    "backup": ["backup", "--out", "{tmp}/backups"],
    "bench": ["bench", "--quick", "--scenarios", "search"],
    "crash-test": ["crash-test", "--kills", "1", "--quiet"],
    "create-roles": ["create-roles", "--keep-passwords"],
    "create-user": ["create-user", "--username", "wang", "--full-name", "王芳", "--role",
                    "advisor", "--password-stdin"],
    "db status": ["db", "status"],
    "gallery": ["gallery", "--out", "{tmp}/gallery", "--only", "login", "--languages", "en"],
    "db upgrade": ["db", "upgrade"],
    "demo-data": ["demo-data", "--size", "tiny"],
    "doctor": ["doctor"],
    "print": ["print", "job-card", "--latest", "--out", "{tmp}/out.pdf"],
    "torture": ["torture", "--ops", "1", "--terminals", "1", "--quiet"],
    "verify-documents": ["verify-documents"],
}
CREATES_A_NEW_DATABASE = {"db upgrade", "demo-data", "torture", "crash-test"}
REPORTS = {"doctor", "db status"}  # print a report; a failed check is a finding (exit 1)
DEVTOOLS_CLAIM = {"torture", "crash-test"}  # refuse a database they did not create (exit 2)
POSTGRESQL_ONLY = {"create-roles"}  # a SQLite address is refused as such (exit 3)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _random_bytes(tmp: Path) -> str:
    path = tmp / "random.bin"
    path.write_bytes(os.urandom(8192))
    return str(path)


def _text_file(tmp: Path) -> str:
    path = tmp / "notes.txt"
    path.write_text("这不是数据库\n" * 200, encoding="utf-8")
    return str(path)


def _folder(tmp: Path) -> str:
    (tmp / "a-folder").mkdir()
    return str(tmp / "a-folder")


def _foreign(tmp: Path) -> str:
    path = tmp / "other-program.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE stuff (a)")
    con.execute("INSERT INTO stuff VALUES (1)")
    con.commit()
    con.close()
    return str(path)


# name -> (make the --db value, exit code, zh_TW fragment of the message)
ENVIRONMENTS: dict[str, tuple[Callable[[Path], str], int, str]] = {
    "unknown scheme": (lambda tmp: "foo://nowhere/x", exit_codes.USAGE, "資料庫位址"),
    "unknown driver": (lambda tmp: "postgresql+nodriver://h/db", exit_codes.USAGE, "資料庫位址"),
    "unparseable": (lambda tmp: "postgresql://u@h:notaport/db", exit_codes.USAGE, "資料庫位址"),
    "closed port": (lambda tmp: f"postgresql://postgres@127.0.0.1:{_closed_port()}/bayline",
                    exit_codes.DATABASE, "無法連線"),
    "random bytes": (_random_bytes, exit_codes.DATABASE, "不是資料庫檔案"),
    "text file": (_text_file, exit_codes.DATABASE, "不是資料庫檔案"),
    "folder": (_folder, exit_codes.DATABASE, "a-folder"),
    "another program's file": (_foreign, exit_codes.DATABASE, "不是 Bayline 資料庫"),
    "missing file": (lambda tmp: str(tmp / "nowhere" / "bayline.sqlite"), exit_codes.DATABASE,
                     "沒有資料庫"),
}


def _expected(command: str, env: str, code: int, fragment: str) -> tuple[int, str | None]:
    """The exit code and message fragment for one cell (None: a report on stdout)."""
    if code == exit_codes.USAGE:
        return code, fragment
    if command in REPORTS and env not in ("missing file", "folder"):
        if command == "db status" and env in ("closed port", "random bytes", "text file"):
            return code, fragment  # cannot even read the status
        return exit_codes.FINDINGS, None
    if command in DEVTOOLS_CLAIM and env == "another program's file":
        return exit_codes.USAGE, None  # the developer tools' own refusal (English)
    if env == "another program's file" and command in ("db upgrade", "demo-data"):
        return code, "拒絕初始化"
    if command in POSTGRESQL_ONLY and code == exit_codes.DATABASE and env != "closed port":
        return exit_codes.DATABASE, "PostgreSQL"  # said before the file is looked at
    return code, fragment


def _argv(command: str, tmp: Path) -> list[str]:
    return [part.format(tmp=tmp) for part in COMMANDS[command]]


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _quiet_stdin_and_log(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))
    monkeypatch.setattr("ui.logging_setup.log_directory", lambda: tmp_path.parent / "log")


def test_every_command_is_in_the_matrix() -> None:
    names = {m.NAME for m in command_modules()}
    # restore has its own tests; permissions reads the code, never a database
    assert names == {c.split()[0] for c in COMMANDS} | {"restore", "permissions"}


@pytest.mark.parametrize("env", list(ENVIRONMENTS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_broken_environment_ends_with_one_line_and_its_exit_code(
        command: str, env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make, code, fragment = ENVIRONMENTS[env]
    if env == "missing file" and command in CREATES_A_NEW_DATABASE:
        pytest.skip(f"{command} creates a new database by design")
    url = make(tmp_path)
    before = _tree(tmp_path)
    want_code, want_text = _expected(command, env, code, fragment)
    got, out, err = _run(capsys, ["--db", url, "--lang", "zh_TW", *_argv(command, tmp_path)])
    assert got == want_code, (out, err)
    assert "Traceback" not in out + err
    if want_text is None and command == "doctor":
        assert "[FAIL] database reachable" in out or "[FAIL] schema current" in out
    elif want_text is None and command == "db status":
        assert out.count("\n") == 1 and ": foreign (" in out
    elif want_text is None:
        assert err.count("\n") == 1 and "refuses" in err
    else:
        assert err.count("\n") == 1 and want_text in err, err
    assert _tree(tmp_path) == before, "the command created or removed files"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_newer_schema_is_refused_on_both_databases(
        command: str, database_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from db.engine import Database

    database = Database(database_url)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()
    got, out, err = _run(capsys, ["--db", database_url, "--lang", "zh_TW",
                                  *_argv(command, tmp_path)])
    assert "Traceback" not in out + err
    if command in REPORTS:
        assert got == exit_codes.FINDINGS and ("FAIL" in out or "ahead" in out)
    elif command in DEVTOOLS_CLAIM:
        assert got == exit_codes.USAGE and "refuses" in err
    elif command in POSTGRESQL_ONLY and database_url.endswith(".sqlite"):
        assert got == exit_codes.DATABASE and "PostgreSQL" in err
    else:
        assert got == exit_codes.DATABASE
        assert err.count("\n") == 1 and "較新版本" in err and "9999_future" in err
    assert not (tmp_path / "backups").exists() and not (tmp_path / "out.pdf").exists()


def test_the_message_follows_the_system_language_without_lang(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(app.cli, "system_language", lambda: "zh_CN")
    code, _out, err = _run(capsys, ["--db", "foo://x", "doctor"])
    assert code == exit_codes.USAGE and "数据库地址" in err
    code, _out, err = _run(capsys, ["--lang", "en", "--db", "foo://x", "doctor"])
    assert code == exit_codes.USAGE and "not a database address" in err


def test_db_upgrade_refuses_another_programs_file_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _foreign(tmp_path)
    before = Path(path).read_bytes()
    code, _out, err = _run(capsys, ["--lang", "en", "--db", path, "db", "upgrade"])
    assert code == exit_codes.DATABASE and "not a Bayline database" in err
    assert Path(path).read_bytes() == before
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["stuff"]
    con.close()


def test_db_upgrade_still_sets_up_an_empty_file_and_upgrades_a_bayline_one(
        tmp_path: Path, sqlite_template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "new.sqlite"
    sqlite3.connect(empty).close()  # an empty file: zero bytes
    assert _run(capsys, ["--db", str(empty), "db", "upgrade"])[0] == exit_codes.OK
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(sqlite_template, copy)
    assert _run(capsys, ["--db", str(copy), "db", "upgrade"])[0] == exit_codes.OK
    assert _run(capsys, ["--db", str(copy), "db", "status"])[0] == exit_codes.OK


def _shop_with_an_order(tmp_path: Path, template: Path) -> Path:
    """A copy of the template database with one checked-in repair order."""
    from app.security.users import actor_for
    from db.engine import Database
    from db.models import User
    from tests.builders import checked_in_order

    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(template, copy)
    database = Database(copy)
    with database.transaction() as session:
        advisor = actor_for(session.query(User).filter_by(username="advisor").one())
        checked_in_order(session, advisor)
    database.dispose()
    return copy


def _cap_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every database the commands open gets ``max_page_count`` = its current size: the next
    page SQLite needs fails with SQLITE_FULL, the error of a full disk."""
    original = app.cli.Database

    def capped(*args, **kwargs):  # type: ignore[no-untyped-def]
        database = original(*args, **kwargs)

        @event.listens_for(database.engine, "connect")
        def _cap(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

        return database

    monkeypatch.setattr(app.cli, "Database", capped)


@pytest.mark.parametrize("command", ["db upgrade", "demo-data"])
def test_a_full_disk_while_writing_the_database_is_exit_4(
        command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _cap_sqlite(monkeypatch)
    path = tmp_path / "new.sqlite"
    code, out, err = _run(capsys, ["--lang", "zh_TW", "--db", str(path),
                                   *_argv(command, tmp_path)])
    assert code == exit_codes.DISK, (out, err)
    assert err.splitlines()[-1].startswith("磁碟已滿") and "Traceback" not in out + err


@pytest.mark.parametrize("command", ["doctor", "verify-documents", "db status"])
def test_read_only_commands_work_on_a_full_disk(
        command: str, tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(sqlite_template, copy)
    _cap_sqlite(monkeypatch)
    before = copy.read_bytes()
    code, out, err = _run(capsys, ["--db", str(copy), *_argv(command, tmp_path)])
    assert code == exit_codes.OK, (out, err)
    assert copy.read_bytes() == before  # they write nothing


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_while_writing_a_pdf_is_exit_4(
        tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    copy = _shop_with_an_order(tmp_path, sqlite_template)
    partial = tmp_path / ".print-partial.pdf"
    monkeypatch.setattr("app.cli.print_document.tempfile.mkstemp",
                        lambda **_kw: (os.open("/dev/full", os.O_WRONLY), str(partial)))
    code, out, err = _run(capsys, ["--lang", "zh_TW", "--db", str(copy),
                                   *_argv("print", tmp_path)])
    assert code == exit_codes.DISK, (out, err)
    assert "磁碟已滿" in err and not (tmp_path / "out.pdf").exists()


def test_an_unwritable_output_folder_is_exit_4(
        tmp_path: Path, sqlite_template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = _shop_with_an_order(tmp_path, sqlite_template)
    code, _out, err = _run(capsys, ["--lang", "en", "--db", str(copy), "print", "job-card",
                                   "--latest", "--out", str(tmp_path / "no" / "such" / "x.pdf")])
    assert code == exit_codes.DISK and err.count("\n") == 1 and "Traceback" not in err


def test_a_postgresql_disk_full_error_is_exit_4() -> None:
    import psycopg.errors
    from sqlalchemy.exc import OperationalError

    from app.cli.failures import explain

    exc = OperationalError("INSERT …", {}, psycopg.errors.DiskFull(
        "could not extend file: No space left on device"))
    failure = explain(exc, "PostgreSQL h/db")
    assert failure is not None and failure.code == exit_codes.DISK
    assert failure.message("zh_TW") == "磁碟已滿：無法寫入 PostgreSQL h/db。"
    assert explain(OSError(errno.ENOSPC, "No space left", "/x"), "-").code == exit_codes.DISK


def test_an_unexpected_error_is_one_line_naming_the_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("a bug deep inside")

    monkeypatch.setattr("app.cli.doctor.run", broken)
    code, _out, err = _run(capsys, ["--lang", "en", "doctor"])
    log = tmp_path.parent / "log" / "bayline.log"
    assert code == exit_codes.INTERNAL and err.count("\n") == 1 and "Traceback" not in err
    assert str(log) in err and "RuntimeError" in err
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert "a bug deep inside" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("argv", [["doctor", "--no-such-option"], ["db", "frobnicate"],
                                  ["demo-data", "--today", "yesterday"],
                                  ["backup", "--keep-daily", "-3"],
                                  ["torture", "--terminals", "0"], ["torture", "--ops", "-5"],
                                  ["crash-test", "--kills", "-1"], ["restore", "x.sqlite"]])
def test_bad_arguments_are_argparse_usage_errors(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, argv)
    assert code == exit_codes.USAGE and "usage:" in err and "Traceback" not in err


def test_create_user_without_a_password_is_a_usage_error(
        tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(sqlite_template, copy)

    def no_terminal(_prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("getpass.getpass", no_terminal)
    code, _out, err = _run(capsys, ["--lang", "zh_CN", "--db", str(copy), "create-user",
                                    "--username", "li", "--full-name", "李四", "--role",
                                    "advisor"])
    assert code == exit_codes.USAGE and "未提供密码" in err and err.count("\n") == 1


def _subprocess(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(cwd), "XDG_DATA_HOME": str(cwd / "data"),
           "XDG_STATE_HOME": str(cwd / "state"), "XDG_CONFIG_HOME": str(cwd / "config")}
    env.pop("BAYLINE_DB_URL", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_no_traceback_reaches_stderr_of_a_real_process(tmp_path: Path) -> None:
    bad_url = _subprocess("--lang", "zh_CN", "--db", "foo://x", "verify-documents",
                          cwd=tmp_path)
    assert bad_url.returncode == exit_codes.USAGE
    assert bad_url.stderr.count("\n") == 1 and "数据库地址" in bad_url.stderr
    not_a_db = _subprocess("--db", _random_bytes(tmp_path), "db", "upgrade", cwd=tmp_path)
    assert not_a_db.returncode == exit_codes.DATABASE and "Traceback" not in not_a_db.stderr
    assert not_a_db.stderr.count("\n") == 1
    missing = _subprocess("--db", str(tmp_path / "gone" / "x.sqlite"), "doctor", cwd=tmp_path)
    assert missing.returncode == exit_codes.DATABASE and "Traceback" not in missing.stderr
    assert not (tmp_path / "gone").exists()
    usage = _subprocess("db", "frobnicate", cwd=tmp_path)
    assert usage.returncode == exit_codes.USAGE and "Traceback" not in usage.stderr
