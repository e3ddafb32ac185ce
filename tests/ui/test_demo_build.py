"""The demo's first start: a progress window while the data is built, then the login window
listing the demo users."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.demo.accounts import DEMO_PASSWORD, STAFF
from app.security.users import user_count
from db.engine import Database
from db.migrate import upgrade
from tests.ui.conftest import settle_operations
from ui.app import TerminalFlow, show_demo_build
from ui.demo_build import DemoBuildWindow
from ui.login import LoginWindow


def test_the_demo_is_built_with_progress_and_the_login_window_follows(
        qtbot, empty_database: Database) -> None:
    flow = TerminalFlow(empty_database, demo=True)
    window = show_demo_build(empty_database, flow, size="tiny")
    qtbot.addWidget(window)
    assert window.isVisible() and window.heading.text() == "Preparing the demo database"
    seen: list[int] = []
    window.bar.valueChanged.connect(seen.append)
    # the build's news reaches the window through queued signals, i.e. only inside the wait
    with qtbot.waitSignal(window.built, timeout=120_000):
        pass
    assert window.wait(10)
    assert flow.login is not None and flow.login.isVisible()
    assert flow.login.demo_users is not None
    assert seen, "the progress bar never moved"
    with empty_database.reading() as session:
        assert user_count(session) == len(STAFF)
    flow.login.close()


def test_a_failed_build_says_why_in_the_window(qtbot, database: Database) -> None:
    window = DemoBuildWindow(database, size="tiny")  # this database already has users
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.wait(60)
    qtbot.waitUntil(lambda: window.error.isVisible())
    assert "already has users" in window.error.text()
    assert window.failed_message == window.error.text()


def test_closing_during_the_build_removes_the_half_built_file(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    database = Database(path)
    upgrade(database)
    window = DemoBuildWindow(database, size="tiny")
    qtbot.addWidget(window)
    window.show()
    window._cancel.set()  # the user closes it before the first stage is done
    window.start()
    window.close()
    assert not window.is_built
    assert not path.exists()
    database.dispose()


def test_the_demo_login_lists_every_demo_user_and_a_click_fills_the_name(
        qtbot, database: Database) -> None:
    login = LoginWindow(database, "en", demo=True)
    qtbot.addWidget(login)
    login.show()
    settle_operations()
    panel = login.demo_users
    assert panel is not None and DEMO_PASSWORD in panel.heading.text()
    model = panel.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == \
        [role.value for role in STAFF]
    assert model.index(0, 2).data() == "Service advisor"
    cashier = [role.value for role in STAFF].index("cashier")
    rect = panel.table.visualRect(model.index(cashier, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert login.username.text() == "cashier" and login.password.text() == ""
    chosen: list[tuple[str, str]] = []
    panel.chosen.connect(lambda u, p: chosen.append((u, p)))
    panel._choose(model.index(cashier, 0), signs_in=True)
    assert chosen == [("cashier", DEMO_PASSWORD)]
    settle_operations()  # the sign-in it started (test users have another password)
    assert "Wrong user name or password" in login.error_text()


def test_an_ordinary_login_has_no_demo_list(qtbot, database: Database) -> None:
    login = LoginWindow(database, "en")
    qtbot.addWidget(login)
    assert login.demo_users is None
