"""Printing from the desktop: the choice dialog, the printer remembered per document kind,
opening the PDF, handing it to the print system (offscreen; nothing is really printed)."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from ui.i18n import set_language
from ui.printing import (
    PrintChoiceDialog,
    dialogs,
    output,
    print_or_open,
    printers,
    remember_printer,
    remembered_printer,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def terminal_ini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "terminal.ini"
    monkeypatch.setattr(printers, "config_path", lambda: path)
    return path


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    urls: list[str] = []

    def fake_open(url) -> bool:
        urls.append(url.toLocalFile())
        return True

    monkeypatch.setattr(output.QDesktopServices, "openUrl", fake_open)
    monkeypatch.setattr(output.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    return urls


def test_printers_are_remembered_per_kind_and_the_rest_of_the_file_is_kept(
        terminal_ini: Path) -> None:
    terminal_ini.parent.mkdir(parents=True)
    terminal_ini.write_text("[database]\nurl = postgresql://db/bayline\n", encoding="utf-8")
    assert remembered_printer("job_card") == ""
    remember_printer("job_card", "Front-desk HP 100%")
    remember_printer("gate_pass", "Gate EPSON")
    remember_printer("job_card", "Workshop Brother")
    assert remembered_printer("job_card") == "Workshop Brother"
    assert remembered_printer("gate_pass") == "Gate EPSON"
    assert remembered_printer("settlement") == ""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(terminal_ini, encoding="utf-8")
    assert parser.get("database", "url") == "postgresql://db/bayline"
    remember_printer("estimate", "A 100% printer", terminal_ini)
    assert remembered_printer("estimate", terminal_ini) == "A 100% printer"


def test_the_choice_dialog_builds_in_english_and_chinese(qtbot, qapp, terminal_ini) -> None:
    dialog = PrintChoiceDialog(None, title="Repair order RO000001", printer="Office HP")
    qtbot.addWidget(dialog)
    assert "RO000001" in dialog.message.text() and "Office HP" in dialog.printer_label.text()
    assert dialog.print_button.isDefault()
    qtbot.mouseClick(dialog.open_button, dialogs.Qt.MouseButton.LeftButton)
    assert dialog.choice == PrintChoiceDialog.OPEN
    assert dialog.result() == QDialog.DialogCode.Accepted
    set_language(qapp, "zh_CN")
    chinese = PrintChoiceDialog(None, title="维修委托书 RO000001", printer="")
    qtbot.addWidget(chinese)
    assert chinese.windowTitle() == "打印"
    assert "尚未选择打印机" in chinese.printer_label.text()
    assert chinese.open_button.text() == "打开 PDF(&O)"


def test_open_pdf_writes_a_valid_file_and_opens_it(qapp, opened, terminal_ini,
                                                   monkeypatch) -> None:
    monkeypatch.setattr(PrintChoiceDialog, "exec", _press(PrintChoiceDialog.OPEN))
    assert print_or_open(None, PDF, kind="job_card", title="Repair order RO000001") == "opened"
    assert len(opened) == 1
    path = Path(opened[0])
    assert path.read_bytes() == PDF and path.suffix == ".pdf"
    assert "RO000001" in path.name and "job_card" in path.name


def test_no_viewer_tells_where_the_file_is(qapp, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(output.QDesktopServices, "openUrl", lambda url: False)
    monkeypatch.setattr(output.tempfile, "gettempdir", lambda: str(tmp_path))
    path = dialogs.open_pdf(None, PDF, kind="estimate", title="x")
    assert path.read_bytes() == PDF
    assert any(str(path) in box.text() for box in dialogs._open_boxes)
    for box in list(dialogs._open_boxes):
        box.close()


def test_cancel_does_nothing(qapp, opened, terminal_ini, monkeypatch) -> None:
    monkeypatch.setattr(PrintChoiceDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert print_or_open(None, PDF, kind="job_card", title="x") == "cancelled"
    assert opened == [] and not terminal_ini.exists()


class FakePrinter:
    """Stands in for QPrinter: offscreen there are no printers to choose from."""

    PrinterMode = dialogs.QPrinter.PrinterMode
    chosen = "Workshop Brother"
    to_file = ""

    def __init__(self, *_args) -> None:
        self.preset = ""

    def setDocName(self, name: str) -> None:
        self.doc_name = name

    def setPrinterName(self, name: str) -> None:
        self.preset = name

    def printerName(self) -> str:
        return self.chosen

    def outputFileName(self) -> str:
        return self.to_file

    def copyCount(self) -> int:
        return 2


def _fake_print_dialog(result: QDialog.DialogCode, seen: list):
    class FakePrintDialog:
        def __init__(self, printer, parent) -> None:
            seen.append(printer)

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return result

    return FakePrintDialog


def _press(choice: str):
    def exec_(self) -> QDialog.DialogCode:
        self.choice = choice
        return QDialog.DialogCode.Accepted
    return exec_


def test_print_presets_the_last_printer_remembers_the_choice_and_spools(
        qapp, opened, terminal_ini, monkeypatch) -> None:
    remember_printer("technician_copy", "Old printer")
    seen: list[FakePrinter] = []
    sent: list[tuple] = []
    monkeypatch.setattr(dialogs, "QPrinter", FakePrinter)
    monkeypatch.setattr(dialogs, "QPrintDialog",
                        _fake_print_dialog(QDialog.DialogCode.Accepted, seen))
    monkeypatch.setattr(output, "spooler_available", lambda: True)
    monkeypatch.setattr(output, "send_to_printer",
                        lambda path, printer, copies, title: sent.append(
                            (Path(path).read_bytes(), printer, copies, title)))
    monkeypatch.setattr(PrintChoiceDialog, "exec", _press(PrintChoiceDialog.PRINT))
    result = print_or_open(None, PDF, kind="technician_copy", title="Technician copy RO1")
    assert result == "printed"
    assert seen[0].preset == "Old printer"
    assert sent == [(PDF, "Workshop Brother", 2, "Technician copy RO1")]
    assert remembered_printer("technician_copy") == "Workshop Brother"
    assert opened == []


def test_print_to_file_saves_the_pdf_itself(qapp, terminal_ini, tmp_path, monkeypatch) -> None:
    target = tmp_path / "saved.pdf"
    printer = type("ToFile", (FakePrinter,), {"to_file": str(target)})
    monkeypatch.setattr(dialogs, "QPrinter", printer)
    monkeypatch.setattr(dialogs, "QPrintDialog",
                        _fake_print_dialog(QDialog.DialogCode.Accepted, []))
    assert dialogs.choose_printer_and_print(None, PDF, kind="estimate", title="x") == "saved"
    assert target.read_bytes() == PDF
    assert remembered_printer("estimate") == ""


def test_a_refused_job_is_reported_and_no_spooler_opens_the_viewer(
        qapp, opened, monkeypatch) -> None:
    def refuse(*_a, **_k) -> None:
        raise output.PrintError("printer offline")

    monkeypatch.setattr(output, "spooler_available", lambda: True)
    monkeypatch.setattr(output, "send_to_printer", refuse)
    assert dialogs.send(None, PDF, kind="job_card", title="x", printer="P") == "failed"
    assert any("printer offline" in box.text() for box in dialogs._open_boxes)
    monkeypatch.setattr(output, "spooler_available", lambda: False)
    assert dialogs.send(None, PDF, kind="job_card", title="x", printer="P") == "opened"
    assert len(opened) == 1
    for box in list(dialogs._open_boxes):
        box.close()


@pytest.mark.skipif(sys.platform == "win32", reason="lp is the Unix print command")
def test_send_to_printer_calls_lp(tmp_path, monkeypatch) -> None:
    calls: list[list[str]] = []

    class Done:
        returncode, stdout, stderr = 0, "request id is P-1", ""

    monkeypatch.setattr(output.shutil, "which", lambda name: "/usr/bin/lp")
    monkeypatch.setattr(output.subprocess, "run", lambda cmd, **kw: calls.append(cmd) or Done)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(PDF)
    output.send_to_printer(pdf, "Office HP", copies=2, title="RO1")
    assert calls == [["/usr/bin/lp", "-n", "2", "-d", "Office HP", "-t", "RO1", str(pdf)]]
    Done.returncode, Done.stderr = 1, "lp: The printer or class does not exist."
    with pytest.raises(output.PrintError, match="does not exist"):
        output.send_to_printer(pdf, "Nope")
    monkeypatch.setattr(output.shutil, "which", lambda name: None)
    with pytest.raises(output.PrintError):
        output.send_to_printer(pdf, "")


def test_temporary_names_are_safe() -> None:
    assert output.safe_name("维修委托书 RO000001/../x") == "维修委托书_RO000001_x"
    assert output.safe_name("***") == "document"
