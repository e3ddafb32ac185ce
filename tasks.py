#!/usr/bin/env python3
"""Bayline's two commands, stdlib only, the same on Linux, macOS and Windows.

    python3 tasks.py run    install into .venv (first time) and open Bayline on its demo database
    python3 tasks.py test   install the test tools too and check everything (ruff, mypy, pytest)

On Windows type ``py tasks.py run`` / ``py tasks.py test``. Anything after the command is
passed on: ``tasks.py run --lang en``, ``tasks.py test -k orders -x``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
CONSTRAINTS = ROOT / "constraints.txt"


def requirements(extra: str | None) -> list[str]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    if extra:
        reqs += project["optional-dependencies"][extra]
    return reqs


def ensure_venv(extra: str | None) -> None:
    """Create .venv and install the pinned dependencies unless already done."""
    reqs = requirements(extra)
    stamp_text = "\n".join(reqs) + CONSTRAINTS.read_text(encoding="utf-8")
    stamp = hashlib.sha256(stamp_text.encode()).hexdigest()
    marker = VENV / f".installed-{extra or 'run'}"
    if marker.exists() and marker.read_text() == stamp and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing pinned dependencies (constraints.txt) …", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-c", str(CONSTRAINTS), *reqs], check=True)
    marker.write_text(stamp)


def run(args: list[str]) -> int:
    ensure_venv(None)
    return subprocess.call([str(PYTHON), str(ROOT / "main.py"), "--demo", *args], cwd=ROOT)


def test(args: list[str]) -> int:
    ensure_venv("test")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # All three run (one report of everything wrong); any failure fails the command.
    lint = subprocess.call([str(PYTHON), "-m", "ruff", "check", "."], cwd=ROOT, env=env)
    types = subprocess.call([str(PYTHON), "-m", "mypy"], cwd=ROOT, env=env)  # [tool.mypy]
    tests = subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)
    return tests or types or lint


def main() -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may be started by an old python3
        print("Bayline needs Python 3.11 or newer.")
        return 2
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    return run(rest) if command == "run" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
