"""Short, non-blocking message boxes for domain errors and unexpected failures."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import DomainError
from ui.i18n import current_language

_open_boxes: set[QMessageBox] = set()


def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
          detail: str = "") -> QMessageBox | None:
    if QApplication.instance() is None:
        return None
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    if detail:
        box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Without a parent only this reference keeps the box alive until it is closed.
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


def show_domain_error(parent: QWidget | None, error: DomainError,
                      lang: str | None = None) -> QMessageBox | None:
    """Tell the user, in their language, why the action was refused (nothing was saved)."""
    return _show(parent, QMessageBox.Icon.Warning,
                 QCoreApplication.translate("Dialogs", "Not saved"),
                 error.message(lang or current_language()))


def show_unexpected_error(parent: QWidget | None, error: BaseException) -> QMessageBox | None:
    """A short apology for a failure nobody foresaw; the details are in the log file."""
    from ui.logging_setup import log_directory

    detail = QCoreApplication.translate("Dialogs", "Details were written to the log in {folder}.")
    return _show(parent, QMessageBox.Icon.Critical,
                 QCoreApplication.translate("Dialogs", "Unexpected error"),
                 QCoreApplication.translate(
                     "Dialogs", "Something went wrong and the action was not completed."),
                 detail.format(folder=log_directory()) + f"\n{type(error).__name__}: {error}")
