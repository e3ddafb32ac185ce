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

# What Qt's window system plugin (xcb) loads on Linux: shared library -> Debian/Ubuntu package.
QT_LINUX_LIBRARIES = {
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


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


def installed_libraries() -> set[str]:
    """Shared libraries the dynamic linker knows (``ldconfig -p``); empty if it cannot say."""
    for ldconfig in ("ldconfig", "/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True,
                                 check=False, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        found = {line.split()[0] for line in out.splitlines()[1:] if line.strip()}
        if found:
            return found
    return set()


def missing_qt_packages(known: set[str]) -> list[str]:
    """Debian/Ubuntu packages Qt needs on Linux that ``known`` (library names) lacks."""
    return sorted({pkg for lib, pkg in QT_LINUX_LIBRARIES.items() if lib not in known})


def check_desktop() -> int:
    """On Linux, stop at once (before any download) when Qt cannot open a window: 0 if fine.

    Qt itself would abort only after the install, with a raw message about one library."""
    if not sys.platform.startswith("linux"):
        return 0
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return 0
    known = installed_libraries()
    missing = missing_qt_packages(known) if known else []
    if missing:
        print("Bayline's window needs these system libraries, which are not installed:\n"
              f"  {' '.join(missing)}\n"
              "Install them with this one command, then run tasks.py again:\n"
              f"  sudo apt-get install {' '.join(missing)}\n"
              "(on other distributions, install the packages that provide "
              + ", ".join(lib for lib, pkg in QT_LINUX_LIBRARIES.items() if pkg in missing)
              + ")")
        return 3
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("There is no screen to open Bayline's window on (neither DISPLAY nor "
              "WAYLAND_DISPLAY is set). Start it from a desktop session.")
        return 3
    return 0


def run(args: list[str]) -> int:
    if code := check_desktop():
        return code
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
