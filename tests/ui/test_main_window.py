"""The main window: areas by role, status bar, lock with Ctrl+L, sign-out, layout at 1366×768."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.security.actor import Actor
from app.security.permissions import ROLE_PERMISSIONS
from app.shop import save_profile
from db.enums import RoleCode
from tests.factories import TEST_PASSWORD
from tests.ui.conftest import settle_operations
from ui.app import build_main_window
from ui.areas import areas_for
from ui.main_window import MainWindow
from ui.operations import run_operation


def actor_of(role: RoleCode) -> Actor:
    return Actor(user_id=1, username=role.value, full_name="x", role=role.value,
                 permissions=ROLE_PERMISSIONS[role])


@pytest.mark.parametrize(("role", "expected"), [
    (RoleCode.ADVISOR, ["reception"]),
    (RoleCode.CASHIER, ["cashier"]),
    (RoleCode.PARTS_CLERK, ["parts"]),
    (RoleCode.FOREMAN, ["workshop"]),
    (RoleCode.TECHNICIAN, ["workshop"]),
    (RoleCode.WARRANTY_CLERK, ["reception"]),
    (RoleCode.CUSTOMER_CARE, ["reception"]),
    (RoleCode.SERVICE_MANAGER, ["reception", "cashier", "parts", "workshop", "manager"]),
    (RoleCode.ADMIN, ["reception", "cashier", "parts", "workshop", "manager"]),
])
def test_areas_follow_the_role_permissions(role: RoleCode, expected: list[str]) -> None:
    assert areas_for(actor_of(role)) == expected


def open_window(qtbot, database, actor: Actor, lang: str = "en") -> MainWindow:
    window = build_main_window(database, actor, lang)
    qtbot.addWidget(window, before_close_func=lambda w: w.lock_overlay.hide())
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settle_operations()  # the pages' first background reads have answered
    return window


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_advisor_sees_reception_and_not_cashier(qtbot, database, advisor) -> None:
    window = open_window(qtbot, database, advisor)
    assert nav_texts(window) == ["Reception"]
    assert list(window.pages) == ["reception"]
    assert window.current_area() == "reception"
    from ui.reception.page import ReceptionPage

    page = window.pages["reception"]
    assert isinstance(page, ReceptionPage)  # the real screen, not the overview page
    assert page.tabs.count() == 3  # vehicle and customer, repair order, appointments


def test_advisor_window_in_chinese(qtbot, database, advisor) -> None:
    window = open_window(qtbot, database, advisor, "zh_CN")
    assert nav_texts(window) == ["前台接待"]
    assert "收银" not in nav_texts(window)
    assert window.windowTitle() == "Bayline — 湾线汽车服务中心 Bayline Motors"
    assert window.user_label.text().startswith("Test advisor · ")
    assert window.database_label.text() == f"数据库：{database.describe()}"


def test_manager_sees_every_area_and_the_shop_profile(qtbot, database, manager) -> None:
    window = open_window(qtbot, database, manager)
    assert nav_texts(window) == ["Reception", "Cashier", "Parts counter", "Workshop board",
                                 "Manager reports"]
    window.nav.setCurrentRow(4)
    assert window.stack.currentWidget() is window.pages["manager"]
    values = window.pages["manager"].profile_values
    assert values["name"].text() == "湾线汽车服务中心 Bayline Motors"
    assert values["tax_id"].text() == "91440101MA59ABCD1X"
    assert values["users"].text() == str(len(RoleCode))


def test_status_bar_shows_user_role_and_database(qtbot, database, cashier) -> None:
    window = open_window(qtbot, database, cashier)
    assert window.user_label.text() == "Test cashier · Cashier"
    assert window.database_label.text() == f"Database: {database.describe()}"
    assert database.describe().split()[0] in ("SQLite", "PostgreSQL")
    assert len(window.clock_label.text()) == len("2026-01-01 08:00")
    assert window.windowTitle() == "Bayline — 湾线汽车服务中心 Bayline Motors"


def test_ctrl_l_locks_and_the_right_password_unlocks(qtbot, database, advisor) -> None:
    window = open_window(qtbot, database, advisor)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked()
    assert not window.centralWidget().isEnabled()
    assert window.lock_overlay.geometry() == window.rect()
    overlay = window.lock_overlay
    qtbot.waitUntil(lambda: QApplication.focusWidget() is overlay.password)

    qtbot.keyClicks(overlay.password, "wrong-password")
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    settle_operations()
    assert window.is_locked()
    assert overlay.error_text() == "Wrong password."
    assert overlay.password.text() == ""
    window.show_area_row(0)  # navigation is refused while locked
    assert window.close() is False  # a locked terminal cannot be closed either

    with qtbot.waitSignal(overlay.unlocked):
        qtbot.keyClicks(overlay.password, TEST_PASSWORD)
        qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
        settle_operations()
    assert not window.is_locked()
    assert window.centralWidget().isEnabled()


def test_another_users_password_does_not_unlock(qtbot, database, advisor) -> None:
    window = open_window(qtbot, database, advisor)
    window.lock()
    window.lock_overlay.password.setText(TEST_PASSWORD)
    window.lock_overlay.actor = Actor(**{**advisor.__dict__, "user_id": advisor.user_id + 1})
    window.lock_overlay.try_unlock()
    settle_operations()
    assert window.is_locked()


def test_someone_else_can_sign_out_of_a_locked_terminal(qtbot, database, advisor) -> None:
    window = open_window(qtbot, database, advisor)
    window.lock()
    with qtbot.waitSignal(window.signed_out):
        qtbot.mouseClick(window.lock_overlay.sign_out_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_sign_out_action(qtbot, database, advisor) -> None:
    window = open_window(qtbot, database, advisor)
    with qtbot.waitSignal(window.signed_out):
        window.sign_out_action.trigger()
    assert not window.isVisible()


def test_a_committed_profile_change_refreshes_title_and_manager_page(
        qtbot, database, manager) -> None:
    window = open_window(qtbot, database, manager)
    run_operation(database, lambda s: save_profile(s, manager, name="新名字汽修"))
    settle_operations()  # the change feed told the window
    assert window.windowTitle() == "Bayline — 新名字汽修"
    assert window.pages["manager"].profile_values["name"].text() == "新名字汽修"


def test_language_menu_retranslates_the_window(qtbot, database, manager) -> None:
    window = open_window(qtbot, database, manager)
    window.language_actions["zh_TW"].trigger()
    assert nav_texts(window)[0] == "前台接待"
    assert window.pages["cashier"].title.text() == "收銀"
    assert window.lock_overlay.unlock_button.text() == "解鎖"
    window.language_actions["en"].trigger()
    assert window.pages["cashier"].title.text() == "Cashier"


def clipped_labels(window) -> list[str]:
    """Visible single-line labels narrower than their text."""
    return [label.text() for label in window.findChildren(QLabel)
            if label.isVisible() and not label.wordWrap() and label.text()
            and label.width() < label.minimumSizeHint().width()]


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW", "en"])
def test_fits_at_1366x768_without_clipping(qtbot, database, manager, lang: str,
                                           tmp_path: Path) -> None:
    window = open_window(qtbot, database, manager, lang)
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() <= 768
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        assert not clipped_labels(window), (lang, row)
        assert window.stack.currentWidget().rect().width() > 900
    shot = tmp_path / f"main_{lang}.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 5000


def test_the_status_bar_clock_is_in_the_shops_zone_not_the_pcs(
        qtbot, database, cashier, monkeypatch: pytest.MonkeyPatch) -> None:
    import time as _time
    from datetime import UTC, datetime

    from app.clock import pinned

    monkeypatch.setenv("TZ", "America/New_York")  # this PC's own zone
    _time.tzset()
    try:
        window = open_window(qtbot, database, cashier)
        with pinned(datetime(2026, 3, 2, 19, 30, tzinfo=UTC)):
            window.update_clock()
        # the test shop is in China (UTC+8): 03:30 the next morning, not New York's 14:30
        assert window.clock_label.text() == "2026-03-03 03:30"
    finally:
        monkeypatch.delenv("TZ")
        _time.tzset()


def test_the_area_list_shows_only_when_there_is_more_than_one_area(
        qtbot, database, advisor, manager) -> None:
    single = open_window(qtbot, database, advisor)
    assert len(single.areas) == 1 and not single.nav.isVisible()
    assert single.stack.width() >= 1366 - 10  # the screen gets the whole width
    several = open_window(qtbot, database, manager)
    assert len(several.areas) > 1 and several.nav.isVisible()
