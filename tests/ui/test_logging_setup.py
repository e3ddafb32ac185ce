"""Rotating log file and the last-resort exception hook."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.logging_setup import BACKUPS, MAX_BYTES, install_excepthook, setup_logging


@pytest.fixture
def log_file(tmp_path: Path):
    root = logging.getLogger()
    before = list(root.handlers)
    path = setup_logging(tmp_path / "logs")
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_logging_goes_to_a_rotating_file_once(log_file: Path) -> None:
    assert log_file.name == "bayline.log"
    assert setup_logging(log_file.parent) == log_file
    ours = [h for h in logging.getLogger().handlers
            if isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == log_file]
    assert len(ours) == 1
    assert (ours[0].maxBytes, ours[0].backupCount) == (MAX_BYTES, BACKUPS)
    logging.getLogger("ui.test").warning("车牌 粤B12345 not found")
    ours[0].flush()
    assert "车牌 粤B12345 not found" in log_file.read_text(encoding="utf-8")


def test_uncaught_exception_is_logged_and_shown(qtbot, log_file: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    try:
        raise RuntimeError("kaputt")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1 and "kaputt" in boxes[0].informativeText()
    boxes[0].close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: kaputt" in text
