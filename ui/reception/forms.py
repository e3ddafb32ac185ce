"""Form building blocks: a field with its message, and a dialog that never loses what was typed.

``FormDialog`` maps a ``ValidationError`` to the widget of its field (red outline and the
translated message under it), keeps the typed values on a failed save, saves on Enter, asks
before Escape throws changes away, and offers "Reload" when someone else saved meanwhile.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from app.errors import ConflictError, DomainError, ValidationError
from ui.reception.common import Context, field_problem
from ui.widgets import ERROR_COLOUR, FieldBox

INVALID_STYLE = (
    f'*[invalid="true"] {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; }}'
)


def caption(text: str, *, required: bool = False) -> str:
    """A field caption; required fields carry a red asterisk."""
    mark = f' <span style="color:{ERROR_COLOUR}">*</span>' if required else ""
    return f"{html.escape(text)}{mark}"


def value_of(widget: QWidget) -> Any:
    """What an input widget holds, for comparing before and after (unsaved changes)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData() if widget.currentData() is not None else \
            widget.currentText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    for getter in ("value", "dateTime"):
        fn = getattr(widget, getter, None)
        if callable(fn):
            return fn()
    return None


_DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_day(text: str) -> date | None:
    """``2021-05-31``, ``2021/5/31``, ``2021年5月31日`` or ``20210531`` → date; '' → None.

    Raises ``ValueError`` for anything else.
    """
    text = text.strip()
    if not text:
        return None
    match = _DATE_RE.match(text)
    if match:
        return date(int(match[1]), int(match[2]), int(match[3]))
    if len(text) == 8 and text.isdigit():
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    raise ValueError(text)


class FormDialog(QDialog):
    """A dialog with fields, Save (Enter) and Cancel (Escape, asking about unsaved changes)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fields: dict[str, FieldBox] = {}
        self.setStyleSheet(INVALID_STYLE)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("generalError")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.general_error.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self._initial: tuple[Any, ...] = ()
        self.saved_value: Any = None
        self.checks: dict[str, Callable[[str], object]] = {}
        self.required: set[str] = set()
        self.captions: dict[str, QLabel] = {}

    # -- building -----------------------------------------------------------------------------

    def add_field(self, form: QFormLayout, key: str, label: str, widget: QWidget, *,
                  required: bool = False,
                  check: Callable[[str], object] | None = None) -> FieldBox:
        """Add a captioned field to ``form``; ``check(text)`` validates it as the user leaves."""
        box = FieldBox(key, widget, self)
        title = QLabel(caption(label, required=required), self)
        title.setObjectName(f"{key}_label")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setBuddy(widget)
        form.addRow(title, box)
        self.fields[key] = box
        self.captions[key] = title
        if check is not None and isinstance(widget, QLineEdit):
            self.checks[key] = check
            if required:
                self.required.add(key)
            widget.editingFinished.connect(lambda: self._check_now(box, check))
        return box

    def _check_now(self, box: FieldBox, check: Callable[[str], object], *,
                   empty_too: bool = False) -> bool:
        widget = box.widget
        assert isinstance(widget, QLineEdit)
        if not widget.isEnabled() or widget.isReadOnly() \
                or not (widget.text().strip() or empty_too):
            return True
        try:
            check(widget.text())
        except ValidationError as exc:
            box.set_error(field_problem(exc, self.ctx.lang))
            return False
        return True

    def check_fields(self) -> bool:
        """Check every field that can be checked here, showing all the problems at once."""
        ok = True
        first: FieldBox | None = None
        for key, check in self.checks.items():
            box = self.fields[key]
            if not self._check_now(box, check, empty_too=key in self.required):
                ok = False
                first = first or box
        if first is not None:
            first.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return ok

    def form_widgets(self) -> list[QWidget]:
        """The widgets whose values make up the form (for unsaved-changes tracking)."""
        return [box.widget for box in self.fields.values()]

    def snapshot(self) -> tuple[Any, ...]:
        """The values shown now."""
        return tuple(value_of(w) for w in self.form_widgets())

    def mark_clean(self) -> None:
        """The values shown now are the saved ones."""
        self._initial = self.snapshot()

    def is_dirty(self) -> bool:
        """True when something was typed since the form was filled."""
        return self.snapshot() != self._initial

    # -- errors -------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        """Remove every red outline and message."""
        for box in self.fields.values():
            box.clear_error()
        self.general_error.clear()
        self.general_error.hide()

    def field_for(self, key: str) -> FieldBox | None:
        """The field a service's error names (``phones.1`` → the second phone field)."""
        if key in self.fields:
            return self.fields[key]
        head = key.split(".", 1)[0]
        for name, box in self.fields.items():
            if name == head or name.startswith(head + "."):
                return box
        return None

    def show_error(self, error: DomainError) -> None:
        """Show ``error`` at its field, or above the form when it names no field here."""
        box = self.field_for(error.field) if isinstance(error, ValidationError) else None
        if box is not None:
            box.set_error(field_problem(error, self.ctx.lang))
            box.widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.general_error.setText(error.message(self.ctx.lang))
        self.general_error.show()

    def handle_error(self, error: DomainError) -> None:
        """A failed save: conflicts offer to reload, everything else is shown at the field."""
        if isinstance(error, ConflictError):
            self.show_error(error)
            if self.ask_reload():
                self.reload()
            return
        self.show_error(error)

    def ask_reload(self) -> bool:
        """Someone else saved meanwhile: reload their version?"""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed by someone else"),
                          self.tr("Someone else saved this record while you were editing it. "
                                  "Reload their version? Your changes in this form will be "
                                  "replaced."), QMessageBox.StandardButton.NoButton, self)
        reload_button = box.addButton(self.tr("&Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload_button)
        box.exec()
        return box.clickedButton() is reload_button

    def reload(self) -> None:
        """Refill the form from the database (subclasses that edit a record)."""

    # -- saving and leaving -------------------------------------------------------------------

    def save(self) -> None:
        """Validate and save (subclasses): end with ``submit(work)``."""

    def submit(self, work: Callable[[Any], Any]) -> None:
        """Run ``work(session)`` as one operation in the background: on success the dialog
        closes with its value; a refusal is shown on the form. The buttons are disabled
        meanwhile, so a second Enter cannot save twice."""
        self.ctx.run(work, on_done=self.accept_with, on_error=self.handle_error, parent=self,
                     control=self.buttons)

    def accept_with(self, value: Any) -> None:
        """Close the dialog after a successful save."""
        self.saved_value = value
        self.mark_clean()
        self.accept()

    def confirm_discard(self) -> bool:
        """Ask before throwing typed changes away."""
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Discard the changes you made in this form?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        # Escape, Cancel and the window's close button all come here.
        if self.is_dirty() and not self.confirm_discard():
            return
        super().reject()
