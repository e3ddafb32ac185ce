"""Small widgets shared by the screens: the language chooser and form fields with their
message (any input widget: ``FieldBox``; a line edit: ``FormField``)."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import LANGUAGE_NAMES, LANGUAGES
from ui.palette import ERROR_COLOUR as ERROR_COLOUR  # re-exported: the shop-wide palette

FIELD_STYLE = (
    f"QLineEdit[invalid=\"true\"] {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px;"
    " padding: 2px; }"
)


def make_heading(label: QLabel, scale: float) -> QLabel:
    """Make ``label`` a bold heading ``scale`` times the normal text size."""
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class LanguageChooser(QComboBox):
    """简体中文 / 繁體中文 / English, each shown in its own language; emits the code chosen."""

    language_chosen = Signal(str)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageChooser")
        for code in LANGUAGES:
            self.addItem(LANGUAGE_NAMES[code], code)
        self.set_language(lang)
        self.currentIndexChanged.connect(self._changed)

    def language(self) -> str:
        """The code of the language shown as chosen."""
        return str(self.currentData())

    def set_language(self, lang: str) -> None:
        """Show ``lang`` as chosen without emitting ``language_chosen``."""
        index = self.findData(lang)
        self.blockSignals(True)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def _changed(self, _index: int) -> None:
        self.language_chosen.emit(self.language())


def error_message(parent: QWidget, name: str) -> QLabel:
    """A hidden, word-wrapped label in the error colour for a form's message."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def ok_cancel(parent: QWidget, ok_name: str, on_ok: Any, on_cancel: Any
              ) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """OK and Cancel buttons wired to ``on_ok`` / ``on_cancel``: (box, OK, Cancel)."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setObjectName(ok_name)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(on_ok)
    box.rejected.connect(on_cancel)
    return box, ok, cancel


class FieldBox(QWidget):
    """An input widget with the message under it; ``set_error`` outlines it in red."""

    def __init__(self, key: str, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"field_{key}")
        self.widget = widget
        widget.setParent(self)
        if not widget.objectName():
            widget.setObjectName(key)
        self.message = QLabel(self)
        self.message.setObjectName(f"{key}_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.message)
        layout.addStretch(1)  # extra height goes below the message, not around the field
        self.setFocusProxy(widget)
        for signal in _edit_signals(widget):
            signal.connect(self.clear_error)

    def error(self) -> str:
        """The message shown under the field ('' when the field is fine)."""
        return self.message.text() if not self.message.isHidden() else ""

    def has_error(self) -> bool:
        """True while the field is outlined in red."""
        return bool(self.widget.property("invalid"))

    def set_error(self, message: str) -> None:
        """Outline the field in red and show ``message`` under it (the window grows when
        the message needs more lines than there is room for)."""
        self.message.setText(message)
        self.message.show()
        self._mark(True)
        QTimer.singleShot(0, self._make_room)

    def _make_room(self) -> None:
        """Grow the window to the height its layout needs at its width: a top-level window
        does not follow the height-for-width of a wrapped message by itself."""
        if not shiboken6.isValid(self) or self.message.isHidden():
            return
        window = self.window()
        layout = window.layout()
        if layout is None:
            return
        layout.activate()
        wanted = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        screen = window.screen()
        limit = screen.availableGeometry().height() if screen is not None else wanted
        if wanted > window.height():
            window.resize(window.width(), min(wanted, limit))

    def clear_error(self, *_args: object) -> None:
        """Back to normal."""
        if self.message.isHidden() and not self.has_error():
            return
        self.message.clear()
        self.message.hide()
        self._mark(False)

    def _mark(self, invalid: bool) -> None:
        self.widget.setProperty("invalid", invalid)
        self.widget.style().unpolish(self.widget)
        self.widget.style().polish(self.widget)
        self.widget.update()


def _edit_signals(widget: QWidget) -> list[Any]:
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QPlainTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled]
    signal = getattr(widget, "valueChanged", None) or getattr(widget, "dateTimeChanged", None)
    return [signal] if signal is not None else []


class FormField(FieldBox):
    """A line edit with a message under it (login and first-start forms)."""

    def __init__(self, name: str, *, password: bool = False,
                 parent: QWidget | None = None) -> None:
        edit = QLineEdit()
        edit.setObjectName(name)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setStyleSheet(FIELD_STYLE)
        super().__init__(name, edit, parent)
        self.edit = edit

    def text(self) -> str:
        """The text typed in."""
        return self.edit.text()
