"""First start: the shop profile and the first administrator, saved in one transaction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.security.policy import check_password
from app.setup.first_start import create_shop
from db.engine import Database
from db.enums import RoleCode
from ui.i18n import current_language, switch_language
from ui.operations import run_operation
from ui.widgets import (
    FormField,
    LanguageChooser,
    error_message,
    make_heading,
    ok_cancel,
)

# Service field name -> the form field that shows its message.
SERVICE_FIELDS = {"name": "shop_name", "address": "address", "phone": "phone",
                  "tax_id": "tax_id", "username": "username", "full_name": "full_name",
                  "password": "password"}


class FirstStartSetup(QDialog):
    """Shown while the database has no users. Emits ``completed(username)`` after saving."""

    completed = Signal(str)

    def __init__(self, database: Database, lang: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartSetup")
        self.database = database
        self.lang = lang or current_language()
        self.created_username = ""
        self._errors: dict[str, Callable[[], str]] = {}
        self._build()
        self.retranslate()
        self.resize(640, self.sizeHint().height())

    def _build(self) -> None:
        self.heading = QLabel(self)
        make_heading(self.heading, 1.4)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.language = LanguageChooser(self.lang, self)
        self.language.language_chosen.connect(self._choose_language)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)

        self.fields: dict[str, FormField] = {}
        self.labels: dict[str, QLabel] = {}
        self.shop_box = QGroupBox(self)
        shop_form = QFormLayout(self.shop_box)
        for name in ("shop_name", "address", "phone", "tax_id"):
            self._add_field(shop_form, name)
        self.admin_box = QGroupBox(self)
        admin_form = QFormLayout(self.admin_box)
        for name in ("username", "full_name", "password", "password_again"):
            self._add_field(admin_form, name, password=name.startswith("password"))

        self.message = error_message(self, "setupMessage")
        self.buttons, self.save_button, self.cancel_button = ok_cancel(
            self, "saveButton", self.save, self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.shop_box)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.fields["shop_name"].edit.setFocus()

    def _add_field(self, form: QFormLayout, name: str, *, password: bool = False) -> None:
        field = FormField(name, password=password, parent=self)
        label = QLabel(self)
        label.setBuddy(field.edit)
        form.addRow(label, field)
        self.fields[name] = field
        self.labels[name] = label
        field.edit.editingFinished.connect(lambda: self._check_field(name))
        field.edit.textEdited.connect(lambda _t: self._errors.pop(name, None))

    def retranslate(self) -> None:
        """Set every text in the current language (also called on ``LanguageChange``)."""
        self.setWindowTitle(self.tr("Bayline — First start"))
        self.heading.setText(self.tr("Welcome to Bayline"))
        self.intro.setText(self.tr(
            "This database is new. Enter your shop's details and create the first "
            "administrator account; you can add the other users after signing in."))
        self.shop_box.setTitle(self.tr("Shop"))
        self.admin_box.setTitle(self.tr("First administrator"))
        texts = {
            "shop_name": self.tr("Shop name *"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "tax_id": self.tr("Tax ID"),
            "username": self.tr("User name *"),
            "full_name": self.tr("Full name *"),
            "password": self.tr("Password *"),
            "password_again": self.tr("Password again *"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        width = max(label.sizeHint().width() for label in self.labels.values())
        for label in self.labels.values():
            label.setMinimumWidth(width)
        self.fields["password"].edit.setPlaceholderText(
            self.tr("at least 12 characters, hard to guess"))
        self.fields["tax_id"].edit.setPlaceholderText(
            self.tr("unified social credit code, 18 characters"))
        self.save_button.setText(self.tr("Create shop"))
        self.cancel_button.setText(self.tr("Cancel"))
        for name, message in self._errors.items():
            self.fields[name].set_error(message())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.lang = current_language()
            self.language.set_language(self.lang)
            self.retranslate()
        super().changeEvent(event)

    def _choose_language(self, lang: str) -> None:
        self.lang = switch_language(lang)
        self.retranslate()

    # -- validation at the field ------------------------------------------------------------

    def set_field_error(self, name: str, text: Callable[[], str]) -> None:
        """Outline ``name`` in red with the message ``text()`` (re-translated on a switch)."""
        self._errors[name] = text
        self.fields[name].set_error(text())

    def clear_field_error(self, name: str) -> None:
        """Remove the message of ``name``."""
        self._errors.pop(name, None)
        self.fields[name].clear_error()

    def field_error(self, name: str) -> str:
        """The message shown under ``name`` ('' when none)."""
        return self.fields[name].error()

    def _local_problem(self, name: str) -> Callable[[], str] | None:
        value = self.fields[name].text()
        required = {"shop_name": lambda: self.tr("Enter the shop's name."),
                    "username": lambda: self.tr("Choose a user name."),
                    "full_name": lambda: self.tr("Enter the administrator's name."),
                    "password": lambda: self.tr("Choose a password.")}
        if name in required and not value.strip():
            return required[name]
        if name == "password":
            try:
                check_password(value, role=RoleCode.ADMIN.value,
                               username=self.fields["username"].text().strip(),
                               full_name=self.fields["full_name"].text())
            except ValidationError as exc:
                return self._service_message(exc)
        if name == "password_again" and value != self.fields["password"].text():
            return lambda: self.tr("The two passwords differ.")
        return None

    def _service_message(self, error: ValidationError) -> Callable[[], str]:
        return lambda: error.problem(self.lang)

    def _check_field(self, name: str) -> bool:
        problem = self._local_problem(name)
        if problem is None:
            self.clear_field_error(name)
            return True
        self.set_field_error(name, problem)
        return False

    def _show_service_error(self, error: DomainError) -> None:
        if isinstance(error, ValidationError) and error.field in SERVICE_FIELDS:
            field = SERVICE_FIELDS[error.field]
            self.set_field_error(field, self._service_message(error))
            self.fields[field].edit.setFocus()
            return
        self.message.setText(error.message(self.lang))
        self.message.show()

    # -- saving -----------------------------------------------------------------------------

    def values(self) -> tuple[dict[str, str], dict[str, str]]:
        """The shop profile and the administrator as typed."""
        f = {name: field.text() for name, field in self.fields.items()}
        shop = {"name": f["shop_name"], "address": f["address"], "phone": f["phone"],
                "tax_id": f["tax_id"]}
        admin = {"username": f["username"], "full_name": f["full_name"],
                 "password": f["password"]}
        return shop, admin

    def save(self) -> bool:
        """Check the form, then create everything in one background operation; True when it
        was started (``completed`` follows the commit)."""
        self.message.hide()
        bad = [name for name in self.fields if not self._check_field(name)]
        if bad:
            self.fields[bad[0]].edit.setFocus()
            return False
        shop, admin = self.values()
        lang = self.lang
        self.task = run_operation(
            self.database, lambda s: create_shop(s, shop=shop, admin=admin, lang=lang),
            on_done=self._created, on_error=self._show_service_error, parent=self,
            lang=self.lang, control=self.save_button)
        return True

    def _created(self, username: object) -> None:
        self.created_username = str(username)
        self.completed.emit(self.created_username)
        self.accept()
