"""The first start of the demo: a window with progress while the demo data is built.

Building the demo database takes half a minute on a front-desk PC; without this window the
user would see nothing at all meanwhile. The data is written by ``app.demo`` on a background
thread (its own sessions); closing the window stops it and removes the half-built SQLite file,
so the next start builds it again from the beginning.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from app.errors import DomainError, OperationCancelled
from app.i18n import translate
from db.engine import Database
from ui.i18n import current_language
from ui.widgets import ERROR_COLOUR, make_heading

log = logging.getLogger(__name__)


class _Relay(QObject):
    progressed = Signal(str, int, int)  # stage msgid, done, total
    finished = Signal(object)  # None when built, else the message to show


class DemoBuildWindow(QWidget):
    """Builds the demo data with a progress bar; emits ``built`` when the data is ready."""

    built = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None, *,
                 seed: int = 2026, size: str = "demo") -> None:
        super().__init__(parent)
        self.setObjectName("demoBuild")
        self.database = database
        self.seed, self.data_size = seed, size
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.failed_message = ""
        self.is_built = False
        self.heading = QLabel(self)
        make_heading(self.heading, 1.3)
        self.heading.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.stage = QLabel(self)
        self.stage.setObjectName("demoStage")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the first report
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        for widget in (self.heading, self.explanation, self.stage, self.bar, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._relay.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.retranslate()
        self.resize(560, 260)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bayline — preparing the demo"))
        self.heading.setText(self.tr("Preparing the demo database"))
        self.explanation.setText(self.tr(
            "This happens only on the first start and takes about half a minute: a Guangzhou "
            "4S store with its customers, vehicles, parts and a year of repair orders. The "
            "sign-in window opens by itself when it is ready."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self) -> None:
        """Start building on a background thread (once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._work, name="demo-build", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the background build to end (tests); True when it has."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _work(self) -> None:
        from app.demo.generate import generate_demo_data

        def progress(stage: str, done: int, total: int) -> None:
            if self._cancel.is_set():
                raise OperationCancelled()
            self._relay.progressed.emit(stage, done, total)

        outcome: object = None
        try:
            generate_demo_data(self.database, seed=self.seed, size=self.data_size,
                               progress=progress)
            self.is_built = True
        except OperationCancelled:
            outcome = OperationCancelled()
        except DomainError as exc:
            outcome = exc
        except Exception as exc:  # logged with its traceback; the user sees one line
            log.exception("building the demo data failed")
            outcome = exc
        self._relay.finished.emit(outcome)

    def _progressed(self, stage: str, done: int, total: int) -> None:
        self.stage.setText(translate(stage, current_language()))
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _finished(self, outcome: object) -> None:
        if outcome is None:
            self.built.emit()
            return
        if isinstance(outcome, OperationCancelled):
            return  # the window was closed: closeEvent removed the half-built file
        if isinstance(outcome, DomainError):
            self.failed_message = outcome.message(current_language())
        else:
            self.failed_message = self.tr(
                "The demo data could not be built ({error}). The details are in the log "
                "file.").format(error=type(outcome).__name__)
        self.bar.hide()
        self.error.setText(self.failed_message)
        self.error.show()

    def _forget_half_built(self) -> None:
        """Remove a half-built demo SQLite file so the next start builds it again."""
        if self.database.backend != "sqlite" or not self.database.url.database:
            return
        self.database.dispose()
        path = Path(self.database.url.database)
        for leftover in (path, path.with_name(path.name + "-wal"),
                         path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing while building stops the build (what was written is removed)."""
        if self._thread is not None and not self.is_built:
            self._cancel.set()
            self._thread.join(30)
            if not self.is_built:
                self._forget_half_built()
        super().closeEvent(event)
