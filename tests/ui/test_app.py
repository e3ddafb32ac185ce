"""Start-up: factories, the login → main window → sign-out flow, and run_gui itself."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.factories import TEST_PASSWORD
from ui import app as ui_app
from ui.i18n import current_language
from ui.login import LoginWindow
from ui.main_window import MainWindow
from ui.setup_wizard import FirstStartSetup


@pytest.fixture
def quiet_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """run_gui without touching the user's log folder, backup folder or the global
    excepthook."""
    monkeypatch.setattr(ui_app, "setup_logging", lambda: tmp_path / "bayline.log")
    monkeypatch.setattr(ui_app, "install_excepthook", lambda: None)
    monkeypatch.setattr("app.backup.due.default_folder", lambda: tmp_path / "backups")


def visible(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_flow_from_login_to_main_window_and_back(qtbot, database, settle) -> None:
    ui_app.prepare("zh_CN")
    flow = ui_app.TerminalFlow(database)
    login = flow.show_login()
    qtbot.addWidget(login)
    assert login.sign_in_button.text() == "登录"
    login.username.setText("cashier")
    login.password.setText(TEST_PASSWORD)
    login.submit()
    settle()
    main = flow.main
    assert isinstance(main, MainWindow)
    qtbot.addWidget(main)
    assert main.actor.username == "cashier" and main.areas == ["cashier"]
    assert main.isVisible() and flow.login is None
    assert gc.get_freeze_count() > 0  # the signed-in window's objects: out of the GC's way

    main.sign_out()
    assert gc.get_freeze_count() == 0
    assert flow.main is None
    assert isinstance(flow.login, LoginWindow) and flow.login.isVisible()
    qtbot.addWidget(flow.login)
    assert flow.login.username.text() == ""


def test_run_gui_shows_the_login_and_returns_the_exit_code(qtbot, database,
                                                           quiet_start) -> None:
    seen: list[str] = []

    def close_login() -> None:
        windows = visible(LoginWindow)
        seen.extend(w.sign_in_button.text() for w in windows)
        for window in windows:
            window.close()

    QTimer.singleShot(0, close_login)
    assert ui_app.run_gui(database, language="en") == 0
    assert seen == ["Sign in"]
    assert current_language() == "en"


def test_closing_the_app_takes_the_days_backup_of_a_sqlite_terminal(
        qtbot, database, quiet_start, tmp_path: Path) -> None:
    from app.backup.folder import read_manifest

    def close_login() -> None:
        for window in visible(LoginWindow):
            window.close()

    for _ in range(2):  # the second exit the same day finds today's backup
        QTimer.singleShot(0, close_login)
        assert ui_app.run_gui(database, language="en") == 0
    records = read_manifest(tmp_path / "backups")
    assert len(records) == (1 if database.backend == "sqlite" else 0)


def test_run_gui_starts_with_the_set_up_on_an_empty_database(qtbot, empty_database,
                                                             quiet_start) -> None:
    seen: list[str] = []

    def cancel_setup() -> None:
        for dialog in visible(FirstStartSetup):
            seen.append(dialog.windowTitle())
            dialog.reject()

    QTimer.singleShot(0, cancel_setup)
    assert ui_app.run_gui(empty_database, language="zh_TW") == 0
    assert seen == ["Bayline — 首次啟動"]
    assert visible(LoginWindow) == []


def test_demo_never_shows_the_set_up(qtbot, empty_database, quiet_start) -> None:
    seen: list[str] = []

    def close_all() -> None:
        seen.extend(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
        for window in QApplication.topLevelWidgets():
            window.close()

    QTimer.singleShot(0, close_all)
    assert ui_app.run_gui(empty_database, demo=True, language="en") == 0
    assert seen == ["LoginWindow"]


def test_signing_in_builds_the_window_without_a_gui_thread_read(qtbot, database,
                                                                 settle) -> None:
    """From Enter on the login form to the signed-in window (every screen built, the change
    feed started), no statement runs on the GUI thread: what screens need is read first."""
    from ui.shop_facts import _known
    from ui.thread_guard import GuiThreadGuard

    ui_app.prepare("en")
    flow = ui_app.TerminalFlow(database)
    login = flow.show_login()
    qtbot.addWidget(login)
    settle()
    _known.pop(database, None)  # as on a terminal that has not read the shop yet
    login.username.setText("service_manager")  # every area: reception, editor, pages
    login.password.setText(TEST_PASSWORD)
    with GuiThreadGuard(database) as guard:
        login.submit()
        settle()
    try:
        assert isinstance(flow.main, MainWindow) and flow.main.isVisible()
        qtbot.addWidget(flow.main)
        assert flow.main.windowTitle().endswith("湾线汽车服务中心 Bayline Motors")
        assert guard.found == []
    finally:
        flow.stop_watching()
