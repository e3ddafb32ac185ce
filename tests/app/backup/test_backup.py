"""``main.py backup`` / ``restore``, rotation, the daily automatic backup and doctor's check."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.backup.due import backup_if_due, backup_on_exit, is_due
from app.backup.folder import BackupRecord, Rotation, read_manifest, to_keep, write_manifest
from app.backup.take import sha256_of, take_backup
from app.cli import exit_codes
from app.doctor import backup_check
from db.engine import Database
from main import main

NOON = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def _record(when: datetime, name: str = "shop") -> BackupRecord:
    return BackupRecord(file=f"{name}-{when:%Y%m%d%H%M}.sqlite", time=when.isoformat(), size=1,
                        sha256="-", source="-", database=name, backend="sqlite", verified="-")


def test_rotation_keeps_the_newest_of_each_recent_day_and_month() -> None:
    # two backups a day for 90 days
    records = [_record(NOON - timedelta(days=d, hours=h)) for d in range(90) for h in (0, 6)]
    kept = to_keep(records, Rotation(daily=7, monthly=3))
    newest_per_day = {r.time[:10]: r for r in sorted(records, key=lambda r: r.time)}
    expected_days = sorted(newest_per_day)[-7:]
    newest_per_month = {r.time[:7]: r for r in sorted(records, key=lambda r: r.time)}
    expected_months = sorted(newest_per_month)[-3:]
    assert kept == {newest_per_day[d].file for d in expected_days} | \
        {newest_per_month[m].file for m in expected_months}
    assert to_keep(records, Rotation(daily=0, monthly=0)) == {max(records,
                                                               key=lambda r: r.time).file}


@pytest.fixture
def shop(tmp_path: Path, sqlite_template: Path) -> Database:
    path = tmp_path / "shop.sqlite"
    shutil.copyfile(sqlite_template, path)
    database = Database(path)
    yield database
    database.dispose()


def test_a_backup_is_verified_recorded_and_rotated(shop: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    for days in (3, 2, 1, 0):
        taken = take_backup(shop, folder, Rotation(daily=2, monthly=0),
                            now=NOON - timedelta(days=days))
    records = read_manifest(folder)
    assert [r.time for r in records] == [(NOON - timedelta(days=d)).isoformat() for d in (1, 0)]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [r.file for r in records] + ["manifest.json"])
    last = records[-1]
    assert last == taken.record and last.sha256 == sha256_of(folder / last.file)
    assert last.verified == "PRAGMA integrity_check: ok" and last.counts["user_account"] > 0
    con = sqlite3.connect(folder / last.file)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
    con.close()


def test_backup_folder_and_rotation_from_the_command_line(
        shop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = str(shop.url.database)
    out = tmp_path / "out"
    assert main(["--db", url, "backup", "--out", str(out), "--keep-daily", "1",
                 "--keep-monthly", "0"]) == exit_codes.OK
    first = json.loads(capsys.readouterr().out)
    assert main(["--db", url, "backup", "--out", str(out), "--keep-daily", "1",
                 "--keep-monthly", "0"]) == exit_codes.OK
    second = json.loads(capsys.readouterr().out)
    assert second["rotated"] == [Path(first["backup"]).name]
    assert [r.file for r in read_manifest(out)] == [Path(second["backup"]).name]


def test_a_full_disk_during_the_backup_leaves_no_file(
        shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.backup import sqlite_copy

    folder = tmp_path / "backups"
    take_backup(shop, folder)
    before = sorted(p.name for p in folder.iterdir())
    original = sqlite_copy.open_copy

    def full(path: Path) -> sqlite3.Connection:  # SQLITE_FULL, as on a full disk
        con = original(path)
        con.execute("PRAGMA max_page_count = 2")
        return con

    monkeypatch.setattr(sqlite_copy, "open_copy", full)
    code = main(["--lang", "zh_CN", "--db", str(shop.url.database), "backup", "--out",
                 str(folder)])
    err = capsys.readouterr().err
    assert code == exit_codes.DISK and "磁盘已满" in err and err.count("\n") == 1
    assert sorted(p.name for p in folder.iterdir()) == before


def test_postgresql_without_pg_dump_is_a_clear_message(
        database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    if database.backend != "postgresql":
        pytest.skip("pg_dump is PostgreSQL's")
    monkeypatch.setattr("app.backup.pg_tools.shutil.which", lambda _name: None)
    url = database.url.render_as_string(hide_password=False)
    code = main(["--lang", "en", "--db", url, "backup", "--out", str(tmp_path / "b")])
    err = capsys.readouterr().err
    assert code == exit_codes.DISK and "pg_dump was not found" in err
    assert "postgresql-client" in err and not list((tmp_path / "b").glob("*.pgdump"))


def test_restore_refuses_what_it_cannot_restore(
        shop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = take_backup(shop, tmp_path / "backups")
    backup = str(taken.path)
    occupied = tmp_path / "occupied.sqlite"
    occupied.write_bytes(b"something")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00" * 100)
    cases = [
        ([backup, "--to", str(occupied)], exit_codes.USAGE, "already holds data"),
        ([backup, "--to", str(tmp_path)], exit_codes.USAGE, "already holds data"),
        ([str(junk), "--to", str(tmp_path / "new1.sqlite")], exit_codes.USAGE,
         "not a Bayline backup"),
        ([str(tmp_path / "none.sqlite"), "--to", str(tmp_path / "new2.sqlite")],
         exit_codes.USAGE, "no backup file"),
        ([backup, "--to", "postgresql://u@127.0.0.1:1/x"], exit_codes.USAGE,
         "restores only into a SQLite database"),
        ([backup, "--to", "foo://x"], exit_codes.USAGE, "not a database address"),
    ]
    for argv, code, text in cases:
        assert main(["--lang", "en", "restore", *argv]) == code, argv
        err = capsys.readouterr().err
        assert text in err and err.count("\n") == 1, err
    assert occupied.read_bytes() == b"something"
    assert not (tmp_path / "new1.sqlite").exists() and not (tmp_path / "new2.sqlite").exists()
    # a backup changed after it was written is refused by its manifest checksum
    with taken.path.open("r+b") as fh:
        fh.seek(200)
        fh.write(b"\xff")
    assert main(["--lang", "en", "restore", backup, "--to",
                 str(tmp_path / "new3.sqlite")]) == exit_codes.DATABASE
    assert "checksum" in capsys.readouterr().err
    assert not (tmp_path / "new3.sqlite").exists()


def test_a_full_disk_during_restore_leaves_no_database(
        shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.backup import sqlite_copy

    taken = take_backup(shop, tmp_path / "backups")
    original = sqlite_copy.open_copy

    def full(path: Path) -> sqlite3.Connection:
        con = original(path)
        con.execute("PRAGMA max_page_count = 2")
        return con

    monkeypatch.setattr(sqlite_copy, "open_copy", full)
    target = tmp_path / "restored" / "shop.sqlite"
    assert main(["restore", str(taken.path), "--to", str(target)]) == exit_codes.DISK
    assert not target.exists() and list(target.parent.iterdir()) == []
    assert "Traceback" not in capsys.readouterr().err


def test_the_daily_backup_is_due_once_per_local_day() -> None:
    assert is_due(None, NOON)
    last = _record(NOON)
    assert not is_due(last, NOON + timedelta(minutes=5))
    next_local_day = datetime.combine(NOON.astimezone().date() + timedelta(days=1),
                                      datetime.min.time()).astimezone()
    assert not is_due(last, next_local_day - timedelta(seconds=1))
    assert is_due(last, next_local_day)


def test_backup_if_due_takes_one_backup_a_day(shop: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    first = backup_if_due(shop, folder=folder, now=NOON)
    assert first is not None and first.path.is_file()
    assert backup_if_due(shop, folder=folder, now=NOON + timedelta(hours=3)) is None
    later = backup_if_due(shop, folder=folder, now=NOON + timedelta(days=1))
    assert later is not None and len(read_manifest(folder)) == 2
    # a backup whose file has gone does not count
    later.path.unlink()
    assert backup_if_due(shop, folder=folder, now=NOON + timedelta(days=1, hours=1)) is not None


def test_backup_if_due_never_raises_and_logs_the_failure(
        shop: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with caplog.at_level(logging.ERROR, logger="app.backup.due"):
        assert backup_if_due(shop, folder=blocked / "backups", now=NOON) is None
    assert "automatic backup" in caplog.text


def test_backup_on_exit_waits_for_the_backup(shop: Database, tmp_path: Path) -> None:
    assert backup_on_exit(shop, folder=tmp_path / "b", now=NOON)
    assert len(read_manifest(tmp_path / "b")) == 1


def test_a_lan_server_is_not_backed_up_by_a_terminal(database: Database,
                                                     tmp_path: Path) -> None:
    if database.backend != "postgresql":
        pytest.skip("PostgreSQL only")
    assert backup_if_due(database, folder=tmp_path / "b", now=NOON) is None
    assert not (tmp_path / "b").exists()


def test_doctor_reports_the_age_of_the_last_good_backup(shop: Database,
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    none = backup_check(shop, folder, now=NOON)
    assert not none.ok and none.warning_only and "none" in none.detail
    taken = take_backup(shop, folder, now=NOON)
    fresh = backup_check(shop, folder, now=NOON + timedelta(hours=25))
    assert fresh.ok and "25.0 h ago" in fresh.detail and taken.record.file in fresh.detail
    stale = backup_check(shop, folder, now=NOON + timedelta(hours=27))
    assert not stale.ok and stale.warning_only
    write_manifest(folder, [])  # a backup missing from the manifest is not a good one
    assert not backup_check(shop, folder, now=NOON).ok
