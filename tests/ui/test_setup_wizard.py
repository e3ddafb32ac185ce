"""First start on an empty database: field messages, then shop + admin in one transaction."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.errors import NotFound
from app.security.users import authenticate, user_count
from app.shop import get_profile
from db.models import Role
from tests.ui.conftest import settle_operations
from ui.app import build_setup_wizard, needs_first_start
from ui.setup_wizard import FirstStartSetup

PASSWORD = "Granite-willow-teapot-63"


@pytest.fixture
def wizard(qtbot, empty_database) -> FirstStartSetup:
    dialog = build_setup_wizard(empty_database, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(wizard: FirstStartSetup, **values: str) -> None:
    """Set the texts directly (qtbot.keyClicks aborts on non-ASCII)."""
    defaults = {"shop_name": "湾线汽车服务中心", "address": "广州市天河区车陂路88号",
                "phone": "020-8888 6666", "tax_id": "91440101MA59ABCD1X",
                "username": "boss", "full_name": "王老板", "password": PASSWORD,
                "password_again": PASSWORD}
    for name, value in {**defaults, **values}.items():
        wizard.fields[name].edit.setText(value)


def nothing_written(database) -> bool:
    with database.session() as s:
        try:
            get_profile(s)
        except NotFound:
            return user_count(s) == 0 and not s.scalar(select(func.count()).select_from(Role))
        return False


def test_empty_database_needs_the_first_start(empty_database) -> None:
    assert needs_first_start(empty_database)


def test_a_database_with_users_does_not(database) -> None:
    assert not needs_first_start(database)


def test_missing_shop_name_is_shown_at_the_field_then_the_shop_is_created(
        qtbot, wizard: FirstStartSetup, empty_database) -> None:
    fill(wizard, shop_name="")
    with qtbot.assertNotEmitted(wizard.completed):
        qtbot.mouseClick(wizard.save_button, Qt.MouseButton.LeftButton)
    assert wizard.field_error("shop_name") == "Enter the shop's name."
    assert wizard.fields["shop_name"].has_error()
    assert wizard.fields["shop_name"].message.isVisible()
    assert not wizard.fields["address"].has_error()
    assert wizard.isVisible()
    assert nothing_written(empty_database)

    wizard.fields["shop_name"].edit.setText("湾线汽车服务中心")
    wizard.fields["shop_name"].edit.textEdited.emit("湾线汽车服务中心")
    assert not wizard.fields["shop_name"].has_error()
    with qtbot.waitSignal(wizard.completed) as blocker:
        qtbot.mouseClick(wizard.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["boss"]
    assert not wizard.isVisible()

    assert not needs_first_start(empty_database)
    with empty_database.transaction() as s:
        profile = get_profile(s)
        assert (profile.name, profile.tax_id) == ("湾线汽车服务中心", "91440101MA59ABCD1X")
        assert profile.default_language == "en"
        admin = authenticate(s, "boss", PASSWORD)
    assert (admin.role, admin.full_name) == ("admin", "王老板")
    assert admin.can("users.manage") and admin.can("reports.view")


def test_service_validation_lands_on_its_field_and_nothing_is_kept(
        qtbot, wizard: FirstStartSetup, empty_database) -> None:
    """The profile is saved before the user name is refused: one transaction undoes both."""
    fill(wizard, username="wang li")
    with qtbot.assertNotEmitted(wizard.completed):
        assert wizard.save() is True  # the form is fine: the service refuses the user name
        settle_operations()
    assert wizard.field_error("username") == (
        "Use 2–60 characters: letters a–z, digits 0–9, dot, underscore or hyphen.")
    assert wizard.fields["username"].has_error()
    assert not wizard.fields["shop_name"].has_error()
    assert nothing_written(empty_database)


def test_password_rules_are_checked_as_the_field_is_left(wizard: FirstStartSetup) -> None:
    wizard.fields["password"].edit.setText("short")
    wizard.fields["password"].edit.editingFinished.emit()
    assert wizard.field_error("password") == "Use at least 12 characters."
    wizard.fields["password"].edit.setText("password1234")  # long enough, but common
    wizard.fields["password"].edit.editingFinished.emit()
    assert wizard.field_error("password").startswith("It is one of the most common passwords.")
    wizard.fields["password"].edit.setText(PASSWORD)
    wizard.fields["password"].edit.editingFinished.emit()
    assert wizard.field_error("password") == ""
    wizard.fields["password_again"].edit.setText(PASSWORD + "x")
    wizard.fields["password_again"].edit.editingFinished.emit()
    assert wizard.field_error("password_again") == "The two passwords differ."


def test_field_messages_follow_the_language(wizard: FirstStartSetup) -> None:
    fill(wizard, shop_name="", password_again="different-pw")
    assert wizard.save() is False
    wizard.language.setCurrentIndex(wizard.language.findData("zh_CN"))
    assert wizard.field_error("shop_name") == "请填写门店名称。"
    assert wizard.field_error("password_again") == "两次输入的密码不一致。"
    assert wizard.save_button.text() == "创建门店"
    wizard.language.setCurrentIndex(wizard.language.findData("zh_TW"))
    assert wizard.field_error("shop_name") == "請填寫門市名稱。"
