"""The one way the UI changes data: one user action = one operation, off the GUI thread.

``run_operation(database, fn, ...)`` runs ``fn(session)`` on a background thread through
``app.transactions.perform`` (one transaction, change set logged, bounded retries) and returns
an ``OperationTask`` at once; the window keeps painting and answering. While it runs:

- the ``control`` that started it (a button, a dialog) is disabled, so a second click cannot
  submit twice;
- after ``BUSY_DELAY_MS`` a busy indicator appears (nothing flickers for a quick save); when
  the database is locked by another terminal it says "busy, retrying…" and offers Cancel;
- afterwards, on the GUI thread: the change set goes to ``ui.change_feed.feed`` (every open
  screen refreshes what it names), then ``on_done(value)``; a ``DomainError`` goes to
  ``on_error`` or to a message box in the user's language; anything unexpected is logged with
  its traceback and reported in a short dialog.

Operations of one terminal run one after the other (one writer thread), in the order the user
started them. ``with_progress=True`` passes ``report(percent)`` as a second argument for long
work; ``report`` raises ``OperationCancelled`` once the user pressed Cancel (all rolls back).
``read_data`` runs a short read-only query; screens use ``ui.reads`` to keep it off the GUI
thread.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.errors import DomainError, OperationCancelled
from app.transactions import MAX_ATTEMPTS, Done, perform
from db.engine import Database
from ui.change_feed import feed
from ui.dialogs import show_domain_error, show_unexpected_error
from ui.logging_setup import log_exception

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL

T = TypeVar("T")
log = logging.getLogger(__name__)
BUSY_DELAY_MS = 400

__all__ = ["OperationCancelled", "OperationTask", "read_data", "run_operation",
           "start_operation", "wait_for_operations", "writer_pool"]


class _Relay(QObject):
    """Carries the worker's news to the GUI thread (it lives there: queued connections)."""

    succeeded = Signal(object)  # Done
    failed = Signal(object)
    progressed = Signal(int)
    retrying = Signal(int)


class _Worker(QRunnable):
    def __init__(self, database: Database, fn: Callable[..., Any], with_progress: bool,
                 cancel: threading.Event, relay: _Relay, actor_id: int | None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._database = database
        self._fn = fn
        self._with_progress = with_progress
        self._cancel = cancel
        self._relay = relay
        self._actor_id = actor_id
        # The submitting thread's context (e.g. a pinned clock) goes along to the worker.
        self._context = contextvars.copy_context()

    def _report(self, percent: int) -> None:
        if self._cancel.is_set():
            raise OperationCancelled()
        self._relay.progressed.emit(max(0, min(100, int(percent))))

    def run(self) -> None:
        action = ((lambda s: self._fn(s, self._report)) if self._with_progress else self._fn)
        try:
            if self._cancel.is_set():
                raise OperationCancelled()
            done = self._context.run(
                perform, self._database, action, actor_id=self._actor_id,
                on_retry=self._relay.retrying.emit, cancelled=self._cancel.is_set)
        except BaseException as exc:
            self._relay.failed.emit(exc)
            return
        self._relay.succeeded.emit(done)


class BusyIndicator(QProgressDialog):
    """"Working…" with Cancel, shown only once an operation takes longer than a moment."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("busyIndicator")
        self.setWindowTitle(self.tr("Please wait"))
        self.setLabelText(self.tr("Working…"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setRange(0, 0)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(360)

    def show_retry(self, attempt: int) -> None:
        """Say the database is locked by someone else and that we are trying again."""
        self.setLabelText(self.tr("The database is busy with another terminal; retrying "
                                  "(attempt {attempt} of {total})…").format(
                                      attempt=attempt, total=MAX_ATTEMPTS))

    def show_progress(self, percent: int) -> None:
        """A long operation's progress."""
        self.setRange(0, 100)
        self.setValue(percent)


_running: set[OperationTask] = set()
"""Every task started and not yet swept: a task is dropped only at the next start, never in
its own slot (dropping the last reference there would delete it while Qt still calls it)."""


def _busy_tasks() -> list[OperationTask]:
    return [task for task in _running if task.running]


class OperationTask(QObject):
    """A running operation; its signals arrive on the GUI thread.

    ``finished(value)`` after the commit (and after the change feed and ``on_done``),
    ``failed(error)`` after the rollback (a DomainError has been shown or passed to
    ``on_error``), ``cancelled()`` when the user stopped it, ``progress(percent)`` while it runs.
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progress = Signal(int)

    def __init__(self, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[DomainError], None] | None, parent: QWidget | None,
                 lang: str | None, control: QWidget | None, busy: bool) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._parent = parent
        self._lang = lang
        self._control = control
        self._cancel = threading.Event()
        self.relay = _Relay()
        self.relay.succeeded.connect(self._succeeded)
        self.relay.failed.connect(self._failed)
        self.relay.progressed.connect(self._progressed)
        self.relay.retrying.connect(self._retrying)
        self.running = True
        self.value: Any = None
        self.error: BaseException | None = None
        self.changes: Any = None
        self.indicator: BusyIndicator | None = None
        self._busy_timer: QTimer | None = None
        if control is not None:
            control.setEnabled(False)
        if busy:
            self._busy_timer = QTimer(self)
            self._busy_timer.setSingleShot(True)
            self._busy_timer.timeout.connect(self._show_busy)
            self._busy_timer.start(BUSY_DELAY_MS)

    @property
    def ok(self) -> bool:
        """True once it has committed."""
        return not self.running and self.error is None

    def cancel(self) -> None:
        """Stop before the next retry or progress report (everything rolls back)."""
        self._cancel.set()

    def _show_busy(self) -> None:
        if not self.running:
            return
        self.indicator = BusyIndicator(self._parent)
        self.indicator.canceled.connect(self.cancel)
        self.indicator.show()

    @Slot(int)
    def _retrying(self, attempt: int) -> None:
        if self.indicator is None:
            self._show_busy()
        if self.indicator is not None:
            self.indicator.show_retry(attempt)

    @Slot(int)
    def _progressed(self, percent: int) -> None:
        if self.indicator is not None:
            self.indicator.show_progress(percent)
        self.progress.emit(percent)

    def _end(self) -> None:
        self.running = False
        if self._busy_timer is not None:
            self._busy_timer.stop()
        if self.indicator is not None:
            self.indicator.reset()
            self.indicator.hide()
            self.indicator.deleteLater()
            self.indicator = None
        if self._control is not None:
            with contextlib.suppress(RuntimeError):  # the control was closed meanwhile
                self._control.setEnabled(True)

    @Slot(object)
    def _succeeded(self, done: Done[Any]) -> None:
        self._end()
        self.value, self.changes = done.value, done.changes
        feed.announce(done.changes)
        if self._on_done is not None:
            self._on_done(done.value)
        self.finished.emit(done.value)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._end()
        self.error = exc
        if isinstance(exc, OperationCancelled):
            self.cancelled.emit()
            return
        if isinstance(exc, DomainError):
            if self._on_error is not None:
                self._on_error(exc)
            else:
                show_domain_error(self._parent, exc, self._lang)
        else:
            log_exception(exc, "operation")
            show_unexpected_error(self._parent, exc)
        self.failed.emit(exc)


_writer: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """The one thread this terminal's operations run on, in the order they were started."""
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
        _writer.setObjectName("bayline-writer")
    return _writer


def run_operation(database: Database, fn: Callable[..., Any], *,
                  on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[DomainError], None] | None = None,
                  parent: QWidget | None = None, lang: str | None = None,
                  control: QWidget | None = None, actor_id: int | None = None,
                  with_progress: bool = False, busy: bool = True,
                  areas: object = ()) -> OperationTask:
    """Start ``fn(session)`` (``fn(session, report)`` with ``with_progress``) in the background.

    See the module docstring for what happens while it runs and afterwards. ``areas`` is
    accepted and ignored while callers move over: the change set is collected, not declared.
    """
    task = OperationTask(on_done, on_error, parent, lang, control, busy)
    _running.difference_update([t for t in _running if not t.running])
    _running.add(task)
    worker = _Worker(database, fn, with_progress, task._cancel, task.relay, actor_id)
    writer_pool().start(worker)
    return task


start_operation = run_operation  # long work: the same runner, with_progress=True


def wait_for_operations(timeout_ms: int = 30_000) -> bool:
    """Process events until every started operation has finished and every screen's
    background read has answered (closing, tests); False when that took too long."""
    from ui.latest_read import reads_pending

    app = QApplication.instance()
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        while _busy_tasks() or reads_pending():
            if time.monotonic() > deadline:
                return False
            writer_pool().waitForDone(10)
            if app is not None:
                app.processEvents()
        if app is not None:  # what the answers posted (layout requests, repaints) ...
            app.processEvents()
        if not (_busy_tasks() or reads_pending()):
            return True  # ... started nothing new: every worker is idle now



def pending_report() -> str:
    """What is still running (for a timeout message): operations and background reads."""
    import shiboken6

    from ui.latest_read import _one_shots, _readers

    busy = [f"reader of {type(r.parent()).__name__}" for r in list(_readers)
            if (r.pending or r._busy) and shiboken6.isValid(r)]
    owed = sum(1 for relay in _one_shots if not relay.delivered)
    return (f"{len(_busy_tasks())} operation(s), {owed} one-shot read(s), "
            f"readers: {', '.join(busy) or 'none'}")


def read_data(database: Database, fn: Callable[[Session], T]) -> T:
    """Run a short read-only query ``fn(session)``; it must return plain data, not ORM objects."""
    with database.reading() as session:
        return fn(session)
