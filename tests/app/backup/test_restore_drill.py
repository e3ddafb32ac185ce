"""The restore drill, on both databases: back up while another process writes, wipe the
database, restore into a new one, and check that the result is whole and is exactly the
snapshot the backup recorded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.cli import exit_codes
from db.engine import Database
from main import main
from tests.conftest import BACKENDS, PG_ADMIN_URL, drop_pg_database, new_pg_database

ROOT = Path(__file__).resolve().parents[3]
STEPS_BEFORE = 3  # commits the writer makes before the backup starts
STEPS_AFTER = 3  # and after it has finished

# Rows whose references must all be there (child table, column, parent table).
REFERENCES = [("vehicle", "owner_id", "customer"), ("repair_order", "vehicle_id", "vehicle"),
              ("invoice", "repair_order_id", "repair_order"),
              ("stock_movement", "part_id", "part")]


@pytest.fixture(params=BACKENDS)
def source(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database of its own (the drill wipes it), a copy of the test template."""
    if request.param == "sqlite":
        import shutil

        path = tmp_path / "shop.sqlite"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite+pysqlite:///{path}"
        return
    url = new_pg_database(request.getfixturevalue("pg_template"))
    yield url
    drop_pg_database(url)


def _wait_for_steps(writer: subprocess.Popen[str], count: int) -> None:
    assert writer.stdout is not None
    for _ in range(count):
        line = writer.stdout.readline()
        assert line.strip().isdigit(), f"the writer stopped: {line!r}"


def _count(url: str, table: str) -> int:
    database = Database(url)
    try:
        with database.engine.connect() as conn:
            return int(conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() or 0)
    finally:
        database.dispose()


def _wipe(url: str) -> None:
    if url.startswith("sqlite"):
        path = Path(make_url(url).database or "")
        for companion in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            companion.unlink(missing_ok=True)
    else:
        drop_pg_database(url)


def _target(source: str, tmp_path: Path) -> str:
    if source.startswith("sqlite"):
        return str(tmp_path / "restored" / "shop.sqlite")
    name = f"bayline_t{os.getpid()}_restored_{uuid.uuid4().hex[:8]}"
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def test_a_backup_taken_while_another_process_writes_restores_whole(
        source: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.app.backup.drill_writer", source, str(stop)], cwd=ROOT,
        stdout=subprocess.PIPE, text=True)
    try:
        _wait_for_steps(writer, STEPS_BEFORE)
        assert main(["--db", source, "backup", "--out", str(tmp_path / "backups")]) == 0
        taken = json.loads(capsys.readouterr().out.splitlines()[-1])
        _wait_for_steps(writer, STEPS_AFTER)
    finally:
        stop.touch()
        writer.communicate(timeout=60)
    assert writer.returncode == 0
    manifest = json.loads((tmp_path / "backups" / "manifest.json").read_text("utf-8"))
    record = manifest["backups"][-1]
    assert record["file"] == Path(taken["backup"]).name and record["sha256"] == taken["sha256"]
    snapshot = record["counts"]
    assert snapshot["customer"] >= STEPS_BEFORE and snapshot["invoice"] >= STEPS_BEFORE
    assert _count(source, "invoice") > snapshot["invoice"]  # the writer went on afterwards

    _wipe(source)
    target = _target(source, tmp_path)
    try:
        assert main(["restore", taken["backup"], "--to", target]) == exit_codes.OK
        report = json.loads(capsys.readouterr().out.splitlines()[-1])
        assert report["document_chain_problems"] == 0 and report["stock_ledger_problems"] == 0
        assert report["rows"] == report["rows_as_backed_up"] == sum(snapshot.values())
        restored = Database(target)
        with restored.engine.connect() as conn:
            for table, expected in snapshot.items():
                assert conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() == \
                    expected, table
            for child, column, parent in REFERENCES:
                orphans = conn.execute(text(
                    f'SELECT count(*) FROM "{child}" c WHERE c."{column}" IS NOT NULL AND NOT '
                    f'EXISTS (SELECT 1 FROM "{parent}" p WHERE p.id = c."{column}")')).scalar()
                assert orphans == 0, f"{child}.{column}"
        restored.dispose()
        # and it is refused a second time: the target now holds data
        assert main(["--lang", "en", "restore", taken["backup"], "--to", target]) == \
            exit_codes.USAGE
        assert "already holds data" in capsys.readouterr().err
    finally:
        if not target.startswith("/"):
            drop_pg_database(target)
