"""The developer commands are listed only when ``app.devtools`` imports (a source checkout);
without it (the installed wheel: tests/test_packaging.py) the command table is the product's."""

from __future__ import annotations

import sys

import pytest

import app.cli
from app.cli import command_modules, devtools_cli
from main import build_parser, main

DEV_COMMANDS = ("bench", "torture", "crash-test")
PRODUCT_COMMANDS = ("db", "demo-data", "create-user", "verify-documents", "doctor", "print")


def _listed(capsys) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    return capsys.readouterr().out.split("positional arguments:")[1].split("options:")[0]


@pytest.fixture
def without_devtools(monkeypatch: pytest.MonkeyPatch) -> None:
    """``import app.devtools`` fails as it does where the wheel is installed."""
    monkeypatch.setitem(sys.modules, "app.devtools", None)


def test_help_lists_the_dev_commands_when_devtools_is_present(capsys) -> None:
    assert devtools_cli() is not None
    listed = _listed(capsys)
    for name in (*PRODUCT_COMMANDS, *DEV_COMMANDS):
        assert f"    {name} " in listed, name
    modules = {m.NAME: m.__name__ for m in command_modules()}
    assert modules["torture"] == "app.devtools.cli.torture"
    assert modules["crash-test"] == "app.devtools.cli.crash_test"
    assert modules["bench"] == "app.devtools.cli.bench"
    assert modules["demo-data"] == "app.cli.demo_data"


def test_without_devtools_the_command_table_is_the_products(without_devtools, capsys) -> None:
    assert devtools_cli() is None
    assert {m.NAME for m in command_modules()}.isdisjoint(DEV_COMMANDS)
    assert all(not m.__name__.startswith("app.devtools") for m in command_modules())
    listed = _listed(capsys)
    for name in PRODUCT_COMMANDS:
        assert f"    {name} " in listed, name
    for name in DEV_COMMANDS:
        assert f"    {name} " not in listed, name
    with pytest.raises(SystemExit):
        build_parser().parse_args(["torture", "--db", "x.sqlite"])
    assert "invalid choice: 'torture'" in capsys.readouterr().err


def test_without_devtools_demo_data_keeps_the_demo_and_not_the_bulk_sizes(
        without_devtools, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["demo-data", "--help"])
    shown = capsys.readouterr().out
    assert "tiny or demo" in shown and "store" not in shown and "--today" not in shown
    target = tmp_path / "bulk.sqlite"
    assert main(["--db", str(target), "demo-data", "--size", "store"]) == 2
    assert "developer tools" in capsys.readouterr().err
    assert not target.exists()  # refused before the database was opened


def test_with_devtools_demo_data_offers_the_bulk_sizes(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["demo-data", "--help"])
    shown = capsys.readouterr().out
    assert "store" in shown and "large" in shown and "--today" in shown


def test_a_broken_devtools_import_is_not_hidden(monkeypatch) -> None:
    """Only the absence of app.devtools hides the commands; a dependency it lacks raises."""
    real = app.cli.importlib.import_module

    def failing(name: str, *args):
        if name == "app.devtools.cli":
            raise ModuleNotFoundError("No module named 'scipy'", name="scipy")
        return real(name, *args)

    monkeypatch.setattr(app.cli.importlib, "import_module", failing)
    with pytest.raises(ModuleNotFoundError, match="scipy"):
        devtools_cli()
