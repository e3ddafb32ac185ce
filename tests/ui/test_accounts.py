"""Accounts on screen: the lock-out message at sign-in, the forced password change of a new
account, Change password from the Session menu, and the idle lock per role."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.security.idle_lock import set_idle_lock
from app.security.users import SYSTEM_ACTOR, create_user, sign_in
from app.transactions import run_in_transaction
from db.models import User
from tests.factories import TEST_PASSWORD
from tests.ui.conftest import settle_operations
from tests.ui.test_main_window import open_window
from ui.app import build_login_window
from ui.login import LoginWindow

TEMPORARY = "Temporary-Kiwi-lantern-55"
OWN = "Velvet-canyon-oyster-81"


def show_login(qtbot, database, lang: str = "en") -> LoginWindow:
    window = build_login_window(database, lang)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def submit(login: LoginWindow, username: str, password: str) -> None:
    login.username.setText(username)
    login.password.setText(password)
    login.submit()
    settle_operations()


def test_a_locked_account_is_refused_at_the_login_with_the_minutes_left(qtbot,
                                                                        database) -> None:
    for n in range(5):
        run_in_transaction(database, lambda s, n=n: sign_in(s, "advisor", f"wrong-{n}"))
    login = show_login(qtbot, database, "zh_CN")
    with qtbot.assertNotEmitted(login.signed_in):
        submit(login, "advisor", TEST_PASSWORD)
    assert login.error_text() == "尝试失败次数过多，请 1 分钟后再试。"
    login.choose_language("zh_TW")
    assert login.error_text() == "嘗試失敗次數過多，請 1 分鐘後再試。"


def test_an_unknown_user_name_gets_the_same_lock_out_message(qtbot, database) -> None:
    login = show_login(qtbot, database)
    messages = {}
    for username in ("advisor", "nobody"):
        for n in range(6):
            submit(login, username, f"wrong-{n}")
        messages[username] = login.error_text()
    assert messages["advisor"] == messages["nobody"] == (
        "Too many failed attempts. Try again in 1 min.")


@pytest.fixture
def new_account(database) -> str:
    run_in_transaction(database, lambda s: create_user(
        s, SYSTEM_ACTOR, username="zhou.li", full_name="周丽", password=TEMPORARY,
        role="advisor"))
    return "zhou.li"


def test_a_new_account_chooses_its_own_password_before_it_is_let_in(
        qtbot, database, new_account) -> None:
    login = show_login(qtbot, database)
    with qtbot.assertNotEmitted(login.signed_in):
        submit(login, new_account, TEMPORARY)
    dialog = login.password_dialog
    assert dialog is not None and dialog.isVisible() and dialog.forced
    assert not dialog.fields["current"].isVisible()  # typed a moment ago at the sign-in
    dialog.fields["new"].edit.setText("zhou.li12345")
    dialog.fields["again"].edit.setText("zhou.li12345")
    with qtbot.assertNotEmitted(login.signed_in):
        assert dialog.save() is False
    assert dialog.field_error("new").startswith("It contains your user name or your name.")
    dialog.fields["new"].edit.setText(OWN)
    dialog.fields["again"].edit.setText(OWN)
    with qtbot.waitSignal(login.signed_in) as blocker:
        assert dialog.save() is True
        settle_operations()
    assert blocker.args[0].username == new_account
    with database.reading() as s:
        assert not s.scalar(select(User.must_change_password).where(
            User.username == new_account))


def test_the_forced_change_cannot_be_skipped(qtbot, database, new_account) -> None:
    login = show_login(qtbot, database, "zh_CN")
    submit(login, new_account, TEMPORARY)
    dialog = login.password_dialog
    assert dialog is not None
    assert dialog.cancel_button.text() == "返回登录"
    with qtbot.assertNotEmitted(login.signed_in):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert login.password_dialog is None
    assert "密码" in login.error_text()
    with database.reading() as s:  # still to be changed at the next sign-in
        assert s.scalar(select(User.must_change_password).where(User.username == new_account))


def test_change_password_from_the_session_menu(qtbot, database, cashier) -> None:
    window = open_window(qtbot, database, cashier)
    assert window.change_password_action in window.session_menu.actions()
    window.change_password_action.trigger()
    dialog = window.password_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.forced
    assert "12" in dialog.rules.text()  # a cashier's rule
    dialog.fields["current"].edit.setText("not-my-password")
    dialog.fields["new"].edit.setText(OWN)
    dialog.fields["again"].edit.setText(OWN)
    assert dialog.save() is True
    settle_operations()
    assert dialog.field_error("current") == "This is not your current password."
    dialog.fields["current"].edit.setText(TEST_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
        settle_operations()
    assert run_in_transaction(database, lambda s: sign_in(s, "cashier", OWN)).ok


def test_the_change_password_dialog_in_chinese(qtbot, database, advisor) -> None:
    window = open_window(qtbot, database, advisor, "zh_CN")
    assert window.change_password_action.text() == "修改密码(&P)…"
    dialog = window.change_password()
    assert dialog is not None
    assert dialog.windowTitle() == "修改密码"
    assert "8" in dialog.rules.text() and "个字符" in dialog.rules.text()
    dialog.fields["new"].edit.setText("password")
    dialog.fields["new"].edit.editingFinished.emit()
    assert dialog.field_error("new").startswith("这是最常见的密码之一。")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(("role", "minutes"), [("cashier", 5), ("advisor", 15),
                                               ("service_manager", 15)])
def test_the_idle_lock_minutes_follow_the_role(qtbot, database, actors, role,
                                               minutes) -> None:
    window = open_window(qtbot, database, actors[role])
    assert window.idle_watch.minutes == minutes
    assert window.idle_watch.timer.isActive()
    assert window.idle_watch.timer.interval() == minutes * 60_000


def test_an_idle_terminal_locks_itself_and_activity_postpones_it(qtbot, database,
                                                                 cashier) -> None:
    window = open_window(qtbot, database, cashier)
    watch = window.idle_watch
    clock = watch.clock = FakeClock()
    watch.restart()
    clock.now += 4 * 60
    QApplication.sendEvent(window.nav, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down,
                                                 Qt.KeyboardModifier.NoModifier))
    clock.now += 2 * 60  # 6 minutes since the start, but only 2 since the key
    watch.timer.timeout.emit()
    assert not window.is_locked()
    assert watch.timer.isActive() and watch.timer.interval() == 3 * 60_000  # what is left
    clock.now += 3 * 60
    watch.timer.timeout.emit()
    assert window.is_locked()
    assert not watch.timer.isActive()  # no counting behind the lock
    window.lock_overlay.password.setText(TEST_PASSWORD)
    with qtbot.waitSignal(window.lock_overlay.unlocked):
        window.lock_overlay.try_unlock()
        settle_operations()
    assert watch.timer.isActive() and watch.timer.interval() == 5 * 60_000


def test_the_shop_setting_changes_the_idle_lock(qtbot, database, actors) -> None:
    run_in_transaction(database, lambda s: set_idle_lock(s, actors["admin"], cashier=1,
                                                         others=0))
    cashier = open_window(qtbot, database, actors["cashier"])
    assert cashier.idle_watch.timer.interval() == 60_000
    advisor = open_window(qtbot, database, actors["advisor"])
    assert advisor.idle_watch.minutes == 0 and not advisor.idle_watch.timer.isActive()


def test_the_lock_screen_is_locked_out_too_after_five_wrong_passwords(qtbot, database,
                                                                      advisor) -> None:
    window = open_window(qtbot, database, advisor)
    window.lock()
    overlay = window.lock_overlay
    for n in range(4):
        overlay.password.setText(f"wrong-{n}")
        overlay.try_unlock()
        settle_operations()
        assert overlay.error_text() == "Wrong password."
    overlay.password.setText("wrong-5")
    overlay.try_unlock()
    settle_operations()
    assert overlay.error_text() == "Too many failed attempts. Try again in 1 min."
    with qtbot.assertNotEmitted(overlay.unlocked):
        overlay.password.setText(TEST_PASSWORD)
        overlay.try_unlock()
        settle_operations()
    assert window.is_locked()
