"""Changing one's password: from the Session menu, or forced right after signing in with a
new account's or a reset (temporary) password, before anything else can be done."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import AuthenticationError, DomainError, ValidationError
from app.security.actor import Actor
from app.security.policy import check_password, rule_for
from app.security.users import WrongCurrentPassword, change_password
from db.engine import Database
from ui.i18n import current_language
from ui.operations import run_operation
from ui.widgets import FormField, error_message, make_heading, ok_cancel


class ChangePasswordDialog(QDialog):
    """Asks for the current password (not when ``forced``: it was just typed at the sign-in),
    then the new one twice; checks it against the role's policy at the field, then saves.

    Forced, the dialog cannot be skipped: closing it (Escape, Back to sign-in) leaves the
    user signed out. Accepted once the new password is committed.
    """

    def __init__(self, database: Database, actor: Actor, *, forced: bool = False,
                 current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.database = database
        self.actor = actor
        self.forced = forced
        self._current = current
        self._errors: dict[str, Callable[[], str]] = {}
        self._service_error: Callable[[], str] | None = None
        self.setModal(True)
        self._build()
        self.retranslate()
        self.setMinimumWidth(520)
        self.resize(560, 0)
        self._fit()

    def _build(self) -> None:
        self.heading = QLabel(self)
        make_heading(self.heading, 1.3)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.rules = QLabel(self)
        self.rules.setObjectName("passwordRules")
        self.rules.setWordWrap(True)
        self.fields: dict[str, FormField] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in ("current", "new", "again"):
            field = FormField(f"{name}_password", password=True, parent=self)
            label = QLabel(self)
            label.setBuddy(field.edit)
            form.addRow(label, field)
            self.fields[name] = field
            self.labels[name] = label
            field.edit.textEdited.connect(lambda _t, n=name: self._errors.pop(n, None))
        if self.forced:
            self.fields["current"].hide()
            self.labels["current"].hide()
        self.fields["new"].edit.editingFinished.connect(lambda: self._check_field("new"))
        self.message = error_message(self, "passwordMessage")
        self.buttons, self.save_button, self.cancel_button = ok_cancel(
            self, "changePasswordButton", self.save, self.reject)
        layout = self.main_layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.rules)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        first = self.fields["new" if self.forced else "current"]
        first.edit.setFocus()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Change password"))
        self.heading.setText(self.tr("Choose your own password") if self.forced
                             else self.tr("Change your password"))
        self.explanation.setText(
            self.tr("{name}, you signed in with a temporary password. Choose your own "
                    "password now; only you should know it.").format(name=self.actor.full_name)
            if self.forced else
            self.tr("Enter your current password, then the new one twice."))
        self.rules.setText(self.tr(
            "At least {count} characters and hard to guess: for example three or four "
            "unrelated words. Not your name, your user name, a date or a keyboard pattern."
        ).format(count=rule_for(self.actor.role).min_length))
        self.labels["current"].setText(self.tr("Current password"))
        self.labels["new"].setText(self.tr("New password"))
        self.labels["again"].setText(self.tr("New password again"))
        self.save_button.setText(self.tr("Change password"))
        self.cancel_button.setText(self.tr("Back to sign-in") if self.forced
                                   else self.tr("Cancel"))
        for name, message in self._errors.items():
            self.fields[name].set_error(message())
        if self._service_error is not None:
            self.message.setText(self._service_error())
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- checking at the field -----------------------------------------------------------

    def field_error(self, name: str) -> str:
        """The message shown under ``name`` ('' when none)."""
        return self.fields[name].error()

    def _set_field_error(self, name: str, text: Callable[[], str]) -> None:
        self._errors[name] = text
        self.fields[name].set_error(text())
        self._fit()

    def _fit(self) -> None:
        """Grow to what the texts need at this width (a message under a field, or a
        language with longer texts, must never be clipped)."""
        layout = self.main_layout
        layout.activate()
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _problem(self, name: str) -> Callable[[], str] | None:
        value = self.fields[name].text()
        if name == "current" and not self.forced and not value:
            return lambda: self.tr("Enter your current password.")
        if name == "new":
            if not value:
                return lambda: self.tr("Choose a new password.")
            try:
                check_password(value, role=self.actor.role, username=self.actor.username,
                               full_name=self.actor.full_name)
            except ValidationError as exc:
                refused = exc
                return lambda: refused.problem(current_language())
        if name == "again" and value != self.fields["new"].text():
            return lambda: self.tr("The two passwords differ.")
        return None

    def _check_field(self, name: str) -> bool:
        problem = self._problem(name)
        if problem is None:
            self._errors.pop(name, None)
            self.fields[name].clear_error()
            return True
        self._set_field_error(name, problem)
        return False

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> bool:
        """Check the form, then change the password in the background; True when started
        (the dialog is accepted after the commit)."""
        self._service_error = None
        self.message.hide()
        bad = [name for name in ("current", "new", "again") if not self._check_field(name)]
        if bad:
            self.fields[bad[0]].edit.setFocus()
            return False
        actor = self.actor
        current = self._current if self.forced else self.fields["current"].text()
        new = self.fields["new"].text()
        run_operation(self.database,
                      lambda s: change_password(s, actor, current=current, new=new),
                      on_done=self._done, on_error=self._refused, parent=self,
                      lang=current_language(), control=self.save_button)
        return True

    def _done(self, refusal: AuthenticationError | None) -> None:
        """Changed (and committed): close. Else the current password was wrong (counted like
        a failed sign-in) or the account is locked."""
        if refusal is None:
            self.accept()
            return
        if isinstance(refusal, WrongCurrentPassword) and not self.forced:
            self.fields["current"].edit.clear()
            self._set_field_error("current", lambda: refusal.message(current_language()))
            self.fields["current"].edit.setFocus()
            return
        self._refused(refusal)

    def _refused(self, error: DomainError) -> None:
        if isinstance(error, ValidationError) and error.field == "password":
            self._set_field_error("new", lambda: error.problem(current_language()))
            self.fields["new"].edit.setFocus()
            return
        self._service_error = lambda: error.message(current_language())
        self.message.setText(self._service_error())
        self.message.show()
        self._fit()
