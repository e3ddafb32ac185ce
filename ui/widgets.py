"""Small widgets shared by the screens: the language chooser and a form field with its message."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.i18n import LANGUAGE_NAMES, LANGUAGES

ERROR_COLOUR = "#c62828"
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


class FormField(QWidget):
    """A line edit with a message under it; ``set_error`` outlines it in red."""

    def __init__(self, name: str, *, password: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"field_{name}")
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        if password:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setStyleSheet(FIELD_STYLE)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.edit.textEdited.connect(lambda _text: self.clear_error())

    def text(self) -> str:
        """The text typed in."""
        return self.edit.text()

    def error(self) -> str:
        """The message shown under the field ('' when the field is fine)."""
        return self.message.text() if not self.message.isHidden() else ""

    def has_error(self) -> bool:
        """True while the field is outlined in red."""
        return bool(self.edit.property("invalid"))

    def set_error(self, message: str) -> None:
        """Outline the field in red and show ``message`` under it."""
        self.message.setText(message)
        self.message.show()
        self._mark(True)

    def clear_error(self) -> None:
        """Back to normal."""
        self.message.clear()
        self.message.hide()
        self._mark(False)

    def _mark(self, invalid: bool) -> None:
        self.edit.setProperty("invalid", invalid)
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
