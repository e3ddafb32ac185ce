"""The lock screen: covers the window until the same user's password is typed again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.security.actor import Actor
from app.security.lockout import AccountLocked
from app.security.users import SignInResult, sign_in
from db.engine import Database
from ui.i18n import current_language
from ui.operations import run_operation
from ui.widgets import ERROR_COLOUR, make_heading


class LockOverlay(QWidget):
    """An opaque cover over the main window. Emits ``unlocked`` or ``sign_out_requested``."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("overlay", True)  # covers the window on purpose (layout check)
        self.setObjectName("lockOverlay")
        self.database = database
        self.actor = actor
        self._wrong = False
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Dark))
        self.setPalette(palette)

        card = QFrame(self)
        card.setObjectName("lockCard")
        card.setAutoFillBackground(True)
        card_palette = card.palette()
        card_palette.setColor(QPalette.ColorRole.Window,
                              parent.palette().color(QPalette.ColorRole.Window))
        card.setPalette(card_palette)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumWidth(420)
        self.heading = QLabel(card)
        make_heading(self.heading, 1.5)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = QLabel(card)
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(card)
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(card)
        self.message.setObjectName("unlockMessage")
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setWordWrap(True)
        self.message.hide()
        self.unlock_button = QPushButton(card)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(card)
        self.sign_out_button.setObjectName("lockSignOutButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.heading)
        inner.addWidget(self.explanation)
        inner.addWidget(self.password)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        self.password.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.heading.setText(self.tr("Terminal locked"))
        self.explanation.setText(self.tr(
            "{name} is signed in. Enter the password to unlock, or sign out so someone else "
            "can sign in.").format(name=self.actor.full_name))
        self.password.setPlaceholderText(self.tr("Password of {user}").format(
            user=self.actor.username))
        self.unlock_button.setText(self.tr("Unlock"))
        self.sign_out_button.setText(self.tr("Sign out"))
        if self._wrong:
            self.message.setText(self.tr("Wrong password."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.password.clear()
            return
        super().keyPressEvent(event)

    def show_over_parent(self) -> None:
        """Cover the whole parent window and take the focus."""
        parent = self.parentWidget()
        assert parent is not None  # the overlay is made with its window as parent
        self.setGeometry(parent.rect())
        self._set_wrong(False)
        self.password.clear()
        self.show()
        self.raise_()
        self.password.setFocus()

    def try_unlock(self) -> None:
        """Unlock when the password is the signed-in user's."""
        password = self.password.text()
        username = self.actor.username
        self.password.clear()
        run_operation(self.database, lambda s: sign_in(s, username, password),
                      on_done=self._checked, on_error=self._domain_error, parent=self,
                      lang=current_language(), control=self.password)

    def _checked(self, result: SignInResult) -> None:
        if result.actor is not None and result.actor.user_id == self.actor.user_id:
            self._set_wrong(False)
            self.hide()
            self.unlocked.emit()
            return
        if isinstance(result.error, AccountLocked):
            self._domain_error(result.error)  # too many tries: says for how long
            return
        self._set_wrong(True)
        self.password.setFocus()

    def _domain_error(self, error: DomainError) -> None:
        self._wrong = False
        self.message.setText(error.message(current_language()))
        self.message.show()
        self.password.setFocus()

    def _set_wrong(self, wrong: bool) -> None:
        self._wrong = wrong
        self.message.setVisible(wrong)
        if wrong:
            self.message.setText(self.tr("Wrong password."))

    def error_text(self) -> str:
        """The message under the password ('' when none)."""
        return self.message.text() if not self.message.isHidden() else ""
