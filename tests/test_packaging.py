"""What a shop PC installs: the wheel carries app/, db/ and ui/ but no developer tools.

The packages are built by setuptools from pyproject.toml. With a ``bdist_wheel`` command at
hand (setuptools >= 70.1, or the ``wheel`` package) the test builds the real wheel
(``pip wheel . --no-deps --no-build-isolation --no-index``) and lists the archive; without it
(the shared venv has setuptools 65 and no ``wheel``) it runs ``build_py``, the very step that
fills the wheel's files, into a temporary directory. Either way nothing is written into the
source tree, nothing is downloaded, and the built product is then started from that directory
alone: its ``--help`` lists no developer command and every product module imports.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV_COMMANDS = ("bench", "torture", "crash-test")


def _has_bdist_wheel() -> bool:
    return (importlib.util.find_spec("wheel") is not None
            or importlib.util.find_spec("setuptools.command.bdist_wheel") is not None)


def _run(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", PIP_NO_INDEX="1")
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False, **kwargs)


@pytest.fixture(scope="module")
def product(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """(how it was built, a directory holding exactly the wheel's packages)."""
    out = tmp_path_factory.mktemp("product")
    lib = out / "lib"
    if _has_bdist_wheel():
        done = _run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
                     "--no-build-isolation", "--no-index", "-w", str(out)], cwd=out)
        assert done.returncode == 0, done.stdout + done.stderr
        (wheel,) = out.glob("bayline-*.whl")
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(lib)
        return "wheel", lib
    done = _run([sys.executable, "-c", "from setuptools import setup; setup()", "-q",
                 "egg_info", "--egg-base", str(out), "build_py", "--build-lib", str(lib)],
                cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    return "build_py", lib


def _files(lib: Path) -> set[str]:
    return {p.relative_to(lib).as_posix() for p in lib.rglob("*")
            if p.is_file() and ".dist-info/" not in p.relative_to(lib).as_posix()}


def test_the_wheel_has_the_product_and_no_developer_tools(product) -> None:
    how, lib = product
    files = _files(lib)
    for needed in ("app/__init__.py", "app/cli/__init__.py", "app/cli/demo_data.py",
                   "app/demo/generate.py", "app/cashier/chain.py", "db/models/__init__.py",
                   "db/migrate.py", "ui/app.py", "ui/reception/search_panel.py"):
        assert needed in files, (how, needed)
    assert any(f.startswith("db/migrations/versions/") for f in files), how
    leaked = sorted(f for f in files if "devtools" in f.split("/")
                    or f.split("/")[-1].startswith("bench_")
                    or f.split("/")[1:2] in (["bench"], ["bulkdata"], ["torture"]))
    assert leaked == [], (how, leaked)
    assert {f.split("/")[0] for f in files} == {"app", "db", "ui"}, how


def test_the_built_product_runs_without_developer_tools(product) -> None:
    """main.py beside the wheel's packages only: no dev command, the demo is still there, the
    bulk sizes say they need the developer tools, and every product module imports."""
    _how, lib = product
    shutil.copy(ROOT / "main.py", lib / "main.py")
    shown = _run([sys.executable, "main.py", "--help"], cwd=lib)
    assert shown.returncode == 0, shown.stderr
    commands = shown.stdout.split("positional arguments:")[1].split("options:")[0]
    for name in ("db", "demo-data", "create-user", "verify-documents", "doctor", "print"):
        assert f"    {name} " in commands, name
    for name in DEV_COMMANDS:
        assert f"    {name} " not in commands, name
    demo = _run([sys.executable, "main.py", "demo-data", "--help"], cwd=lib)
    assert demo.returncode == 0 and "--size" in demo.stdout and "store" not in demo.stdout
    bulk = _run([sys.executable, "main.py", "--db", str(lib / "x.sqlite"), "demo-data",
                 "--size", "store"], cwd=lib)
    assert bulk.returncode == 2 and "developer tools" in bulk.stderr
    assert not (lib / "x.sqlite").exists()
    imported = _run([sys.executable, "-c", (
        "import importlib, os, pkgutil, sys\n"
        "import app, db, ui\n"
        "names = [m.name for p in (app, db, ui) for m in pkgutil.walk_packages("
        "p.__path__, p.__name__ + '.') if '.migrations.' not in m.name]\n"
        "[importlib.import_module(n) for n in names]\n"
        "assert not [m for m in sys.modules if 'devtools' in m], 'devtools imported'\n"
        "assert all(sys.modules[n].__file__.startswith(os.getcwd()) for n in names)\n"
        "print(len(names))\n")], cwd=lib)
    assert imported.returncode == 0, imported.stderr
    assert int(imported.stdout.split()[-1]) > 100
