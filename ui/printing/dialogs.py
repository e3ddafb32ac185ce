"""Print or open a finished PDF: a small choice dialog, the printer dialog, the viewer.

PySide6-Essentials has no QtPdf, so the PDF is not painted onto a QPrinter: the printer dialog
only chooses the printer (remembered per document kind in terminal.ini) and the file goes to
the operating system's print system. "Print to file" in that dialog saves the PDF itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.printing import output
from ui.printing.printers import remember_printer, remembered_printer

PRINTED, OPENED, SAVED, CANCELLED, FAILED = "printed", "opened", "saved", "cancelled", "failed"
_open_boxes: set[QMessageBox] = set()


class PrintChoiceDialog(QDialog):
    """“Print / Open PDF / Cancel” for one document; ``choice`` says which was pressed."""

    PRINT, OPEN = "print", "open"

    def __init__(self, parent: QWidget | None, *, title: str, printer: str) -> None:
        super().__init__(parent)
        self.setObjectName("printChoiceDialog")
        self.choice = ""
        self.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
        self.message = QLabel(self)
        self.message.setObjectName("printChoiceMessage")
        self.message.setWordWrap(True)
        self.message.setText(QCoreApplication.translate(
            "Printing", "“{title}” is ready.").format(title=title))
        self.printer_label = QLabel(self)
        self.printer_label.setObjectName("printChoicePrinter")
        self.printer_label.setWordWrap(True)
        self.printer_label.setText(
            QCoreApplication.translate("Printing", "Printer: {printer}").format(printer=printer)
            if printer else
            QCoreApplication.translate("Printing", "No printer chosen yet for this document."))
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(QCoreApplication.translate("Printing", "&Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.open_button = QPushButton(QCoreApplication.translate("Printing", "&Open PDF"))
        self.open_button.setObjectName("openPdfButton")
        self.cancel_button = QPushButton(QCoreApplication.translate("Printing", "Cancel"))
        self.cancel_button.setObjectName("cancelPrintButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(lambda: self._choose(self.PRINT))
        self.open_button.clicked.connect(lambda: self._choose(self.OPEN))
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.printer_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def _tell(parent: QWidget | None, text: str, *, warning: bool = True) -> None:
    """A non-blocking message box."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, QCoreApplication.translate("Printing", "Print"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("printMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()


def open_pdf(parent: QWidget | None, pdf: bytes, *, kind: str, title: str) -> Path:
    """Write ``pdf`` to a temporary file and open it in the system viewer; returns the file."""
    path = output.write_temp_pdf(pdf, kind=kind, title=title)
    if not output.open_in_viewer(path):
        _tell(parent, QCoreApplication.translate(
            "Printing", "No PDF viewer could be opened. The document was saved as {path}.")
            .format(path=path))
    return path


def choose_printer_and_print(parent: QWidget | None, pdf: bytes, *, kind: str,
                             title: str, config: Path | None = None) -> str:
    """The printer dialog (preset to this kind's last printer), then the print spooler."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    last = remembered_printer(kind, config)
    if last:
        printer.setPrinterName(last)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return CANCELLED
    target = printer.outputFileName()
    if target:  # "Print to file": the PDF is the file
        Path(target).write_bytes(pdf)
        return SAVED
    chosen = printer.printerName()
    if chosen:
        remember_printer(kind, chosen, config)
    return send(parent, pdf, kind=kind, title=title, printer=chosen,
                copies=printer.copyCount())


def send(parent: QWidget | None, pdf: bytes, *, kind: str, title: str, printer: str,
         copies: int = 1) -> str:
    """Spool ``pdf`` to ``printer``; tells the user and falls back to the viewer on failure."""
    if not output.spooler_available():
        _tell(parent, QCoreApplication.translate(
            "Printing", "This computer has no print system that accepts PDF files. The "
            "document opens in the PDF viewer: print it from there."))
        open_pdf(parent, pdf, kind=kind, title=title)
        return OPENED
    path = output.write_temp_pdf(pdf, kind=kind, title=title)
    try:
        output.send_to_printer(path, printer, copies=copies, title=title)
    except output.PrintError as exc:
        _tell(parent, QCoreApplication.translate(
            "Printing", "The document could not be sent to the printer ({error}). It was "
            "saved as {path}.").format(error=exc, path=path))
        return FAILED
    return PRINTED


def print_or_open(parent: QWidget | None, pdf: bytes, *, kind: str, title: str) -> str:
    """Ask “Print / Open PDF / Cancel” for a rendered document and do it.

    Returns what happened: ``printed``, ``saved`` (printed to a file), ``opened``,
    ``cancelled`` or ``failed``.
    """
    dialog = PrintChoiceDialog(parent, title=title, printer=remembered_printer(kind))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return CANCELLED
    if dialog.choice == PrintChoiceDialog.OPEN:
        open_pdf(parent, pdf, kind=kind, title=title)
        return OPENED
    return choose_printer_and_print(parent, pdf, kind=kind, title=title)
