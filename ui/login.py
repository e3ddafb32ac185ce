"""The login window: shop name, user name, password, language, Sign in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, NotFound
from app.security.actor import Actor
from app.security.users import SignInResult, sign_in
from app.shop import ShopFacts, get_profile
from db.engine import Database
from ui.demo_users import DemoUsersPanel
from ui.i18n import current_language, switch_language
from ui.operations import read_data, run_operation
from ui.shop_facts import known, load_then
from ui.widgets import ERROR_COLOUR, LanguageChooser, make_heading

if TYPE_CHECKING:
    from ui.password_dialog import ChangePasswordDialog

PRODUCT_NAME = "Bayline"


def shop_name(database: Database) -> str:
    """The shop's name from its profile, or the product name before the set-up."""
    try:
        return read_data(database, lambda s: get_profile(s).name)
    except NotFound:
        return PRODUCT_NAME


class LoginWindow(QWidget):
    """Sign in to Bayline. Emits ``signed_in(Actor)``; Escape clears the form, then quits."""

    signed_in = Signal(object)

    def __init__(self, database: Database, lang: str | None = None,
                 parent: QWidget | None = None, *, demo: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("loginWindow")
        self.database = database
        self.demo = demo
        self.lang = lang or current_language()
        self._error: Callable[[], str] | None = None
        self.password_dialog: ChangePasswordDialog | None = None  # forced after sign-in
        self._build()
        self.retranslate()
        self.resize(960 if demo else 480, 480 if demo else 420)

    def _build(self) -> None:
        cached = known(self.database)
        self.shop = QLabel(cached.name if cached else PRODUCT_NAME, self)
        if cached is None:  # the name follows from a background read
            load_then(self.database, self._show_shop)
        self.shop.setObjectName("shopName")
        self.shop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shop.setWordWrap(True)
        make_heading(self.shop, 1.6)
        self.subtitle = QLabel(self)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = LanguageChooser(self.lang, self)
        self.username_label = QLabel(self)
        self.password_label = QLabel(self)
        self.language_label = QLabel(self)
        for label, buddy in ((self.username_label, self.username),
                             (self.password_label, self.password),
                             (self.language_label, self.language)):
            label.setBuddy(buddy)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        form.addRow(self.language_label, self.language)

        self.message = QLabel(self)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.hide()
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.database_label.setStyleSheet("color: palette(mid);")
        self.database_label.setWordWrap(True)

        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(12)
        inner.addWidget(self.shop)
        inner.addWidget(self.subtitle)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.sign_in_button)
        outer = QVBoxLayout()
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(card)
        outer.addWidget(self.database_label)
        outer.addStretch(1)
        self.demo_users: DemoUsersPanel | None = None
        if self.demo:  # the demo's users beside the form, so both are seen whole
            self.demo_users = DemoUsersPanel(self)
            self.demo_users.chosen.connect(self._demo_user_chosen)
            beside = QHBoxLayout(self)
            beside.addLayout(outer, 1)
            column = QVBoxLayout()
            column.setContentsMargins(0, 24, 24, 24)
            column.addStretch(1)
            column.addWidget(self.demo_users)
            column.addStretch(1)
            beside.addLayout(column, 1)
        else:
            self.setLayout(outer)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.language)
        self.setTabOrder(self.language, self.sign_in_button)

        self.username.returnPressed.connect(self._enter_in_username)
        self.password.returnPressed.connect(self.submit)
        self.sign_in_button.clicked.connect(self.submit)
        self.language.language_chosen.connect(self.choose_language)
        self.username.setFocus()

    def retranslate(self) -> None:
        """Set every text in the current language (also called on ``LanguageChange``)."""
        self.setWindowTitle(self.tr("Bayline — Sign in"))
        self.subtitle.setText(self.tr("Sign in to continue"))
        self.username_label.setText(self.tr("&User name"))
        self.password_label.setText(self.tr("&Password"))
        self.language_label.setText(self.tr("&Language"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.username.setPlaceholderText(self.tr("e.g. wang.li"))
        self.database_label.setText(
            self.tr("Database: {database}").format(database=self.database.describe()))
        if self._error is not None:
            self.message.setText(self._error())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.lang = current_language()
            self.language.set_language(self.lang)
            self.retranslate()
        super().changeEvent(event)

    def choose_language(self, lang: str) -> None:
        """Switch the whole UI to ``lang`` (the window re-translates itself)."""
        self.lang = switch_language(lang)
        self.retranslate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape()
            return
        super().keyPressEvent(event)

    def escape(self) -> None:
        """Clear the form; when it is already empty, close the window."""
        if self.username.text() or self.password.text() or self._error is not None:
            self.clear()
        else:
            self.close()

    def clear(self) -> None:
        """Empty both fields and the message; focus the user name."""
        self.username.clear()
        self.password.clear()
        self._set_error(None)
        self.username.setFocus()

    def _demo_user_chosen(self, username: str, password: str) -> None:
        """A demo user was clicked (fill the name) or double-clicked (sign in as them)."""
        self.username.setText(username)
        self.password.setText(password)
        if password:
            self.submit()
        else:
            self.password.setFocus()

    def _enter_in_username(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        """Check the user name and password; emit ``signed_in`` or show why not."""
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self._set_error(lambda: self.tr("Enter your user name."))
            self.username.setFocus()
            return
        if not password:
            self._set_error(lambda: self.tr("Enter your password."))
            self.password.setFocus()
            return
        run_operation(self.database, lambda s: sign_in(s, username, password),
                      on_done=lambda result: self._signed_in(result, password),
                      on_error=self._domain_error, parent=self, lang=self.lang,
                      control=self.sign_in_button)

    def _show_shop(self, found: ShopFacts) -> None:
        if shiboken6.isValid(self.shop):  # the window may have closed meanwhile
            self.shop.setText(found.name)

    def _signed_in(self, result: SignInResult, password: str = "") -> None:
        """The sign-in ran (and was committed): let the user in, or say it was refused (a
        wrong user name or password, or a lock-out with the minutes left). A new account or
        a reset password must first choose its own: the user is let in only after that."""
        if result.actor is None:
            error = result.error
            self._set_error(lambda: error.message(self.lang) if error is not None
                            else self.tr("Wrong user name or password."))
            self._refused()
            return
        self._set_error(None)
        self.password.clear()
        if result.must_change_password:
            self._force_new_password(result.actor, password)
            return
        self.signed_in.emit(result.actor)

    def _force_new_password(self, actor: Actor, password: str) -> None:
        from ui.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.database, actor, forced=True, current=password,
                                      parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.password_dialog = dialog

        def finished(result: int) -> None:
            self.password_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.signed_in.emit(actor)
                return
            self._set_error(lambda: self.tr(
                "Choose your own password to sign in; the temporary one is not enough."))
            self.password.setFocus()

        dialog.finished.connect(finished)
        dialog.open()

    def _domain_error(self, error: DomainError) -> None:
        self._set_error(lambda: error.message(self.lang))
        self._refused()

    def _refused(self) -> None:
        self.password.clear()
        self.password.setFocus()

    def _set_error(self, text: Callable[[], str] | None) -> None:
        self._error = text
        if text is None:
            self.message.clear()
            self.message.hide()
        else:
            self.message.setText(text())
            self.message.show()

    def error_text(self) -> str:
        """The message under the form ('' when none is shown)."""
        return self.message.text() if self._error is not None else ""
