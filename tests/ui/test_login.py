"""The login window: sign in, wrong credentials, language switch, Enter and Escape."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from app.security.actor import Actor
from db.models import User
from tests.factories import TEST_PASSWORD
from tests.ui.conftest import settle_operations
from ui.app import build_login_window
from ui.login import LoginWindow


@pytest.fixture
def login(qtbot, database) -> LoginWindow:
    window = build_login_window(database, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def failed_logins(database, username: str) -> int:
    with database.session() as s:
        return s.scalar(select(User.failed_logins).where(User.username == username))


def test_login_window_shows_shop_and_a_hidden_password_field(login: LoginWindow) -> None:
    settle_operations()  # the shop's name is read off the GUI thread
    assert login.shop.text() == "湾线汽车服务中心 Bayline Motors"
    assert login.password.echoMode() == QLineEdit.EchoMode.Password
    assert login.sign_in_button.text() == "Sign in"
    assert login.language.language() == "en"
    assert login.database.describe() in login.database_label.text()
    assert not login.message.isVisible()


def test_wrong_password_shows_the_translated_error_and_clears_the_password(
        qtbot, database) -> None:
    window = build_login_window(database, "zh_CN")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    with qtbot.assertNotEmitted(window.signed_in):
        qtbot.keyClicks(window.username, "advisor")
        qtbot.keyClicks(window.password, "not-the-password")
        qtbot.keyClick(window.password, Qt.Key.Key_Return)
        settle_operations()
    assert window.error_text() == "用户名或密码错误。"
    assert window.message.isVisible()
    assert window.password.text() == ""
    assert window.username.text() == "advisor"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.password)
    assert failed_logins(database, "advisor") == 1  # the refusal was committed


def test_correct_login_emits_the_actor(qtbot, login: LoginWindow, database) -> None:
    qtbot.keyClicks(login.username, "advisor")
    qtbot.keyClicks(login.password, TEST_PASSWORD)
    with qtbot.waitSignal(login.signed_in, timeout=5000) as blocker:
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
        settle_operations()
    actor = blocker.args[0]
    assert isinstance(actor, Actor)
    assert (actor.username, actor.role) == ("advisor", "advisor")
    assert actor.can("orders.edit") and not actor.can("cashier.payment")
    assert login.password.text() == "" and login.error_text() == ""
    assert failed_logins(database, "advisor") == 0


def test_enter_in_the_user_name_moves_to_the_password(qtbot, login: LoginWindow) -> None:
    qtbot.keyClicks(login.username, "advisor")
    with qtbot.assertNotEmitted(login.signed_in):
        qtbot.keyClick(login.username, Qt.Key.Key_Return)
        settle_operations()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is login.password)


def test_sign_in_without_a_user_name_asks_for_it(qtbot, login: LoginWindow) -> None:
    with qtbot.assertNotEmitted(login.signed_in):
        qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
    assert login.error_text() == "Enter your user name."


def test_language_switch_changes_the_visible_texts(qtbot, login: LoginWindow) -> None:
    assert login.sign_in_button.text() == "Sign in"
    login.username.setText("advisor")
    login.password.setText("wrong-password")
    login.submit()
    settle_operations()
    assert login.error_text() == "Wrong user name or password."

    login.language.setCurrentIndex(login.language.findData("zh_CN"))
    assert login.sign_in_button.text() == "登录"
    assert login.windowTitle() == "Bayline — 登录"
    assert login.username_label.text() == "用户名(&U)"
    assert login.error_text() == "用户名或密码错误。"  # the shown message follows too

    login.language.setCurrentIndex(login.language.findData("zh_TW"))
    assert login.sign_in_button.text() == "登入"
    assert login.error_text() == "使用者名稱或密碼錯誤。"

    login.language.setCurrentIndex(login.language.findData("en"))
    assert login.sign_in_button.text() == "Sign in"
    assert login.lang == "en"


def test_language_chooser_offers_the_three_languages_in_their_own_names(
        login: LoginWindow) -> None:
    names = [login.language.itemText(i) for i in range(login.language.count())]
    assert names == ["简体中文", "繁體中文", "English"]


def test_escape_clears_the_form_then_closes(qtbot, login: LoginWindow) -> None:
    login.username.setText("advisor")
    login.password.setText("secret")
    qtbot.keyClick(login.password, Qt.Key.Key_Escape)
    assert login.username.text() == "" and login.password.text() == ""
    assert login.isVisible()
    qtbot.keyClick(login.username, Qt.Key.Key_Escape)
    assert not login.isVisible()
