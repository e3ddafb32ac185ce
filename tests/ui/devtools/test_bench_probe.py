"""The cold-start probe, run as ``main.py bench`` runs it: a fresh process each time."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _probe(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               BAYLINE_PROBE_T0_NS=str(time.monotonic_ns()))
    return subprocess.run([sys.executable, "-m", "ui.devtools.bench_probe", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120, check=False)


def _shown_ms(done: subprocess.CompletedProcess[str]) -> float:
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("shown_ms=")]
    assert len(lines) == 1, done.stdout + done.stderr
    return float(lines[0].split("=", 1)[1])


@pytest.mark.gui
def test_the_bare_window_reports_its_first_paint() -> None:
    done = _probe("--bare")
    assert done.returncode == 0, done.stderr
    assert 0 < _shown_ms(done) < 120_000


@pytest.mark.gui
def test_the_login_window_reports_its_first_paint(database_url) -> None:
    done = _probe("--db", database_url)
    assert done.returncode == 0, done.stderr
    assert 0 < _shown_ms(done) < 120_000


@pytest.mark.gui
def test_a_database_without_users_is_no_cold_start(empty_database) -> None:
    done = _probe("--db", empty_database.url.render_as_string(hide_password=False))
    assert done.returncode == 2
    assert "no users" in done.stdout and "shown_ms" not in done.stdout
