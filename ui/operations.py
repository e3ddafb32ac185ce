"""The one way the UI changes data: one user action = one service call = one transaction.

``run_operation`` runs ``fn(session)`` through ``app.transactions.run_in_transaction`` (commit,
rollback, bounded retries), then announces the changed areas on ``ui.signals.signals`` so open
screens refresh. A ``DomainError`` is shown to the user in their language (or handed to
``on_error``); anything unexpected is logged with its traceback and reported in a short dialog.
``start_operation`` does the same on a worker thread for long work, with progress and cancel.
``read_data`` runs a read-only query in a short session that is closed before it returns.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.errors import DomainError
from app.transactions import run_in_transaction
from db.engine import Database
from ui.dialogs import show_domain_error, show_unexpected_error
from ui.logging_setup import log_exception
from ui.signals import signals

if TYPE_CHECKING:
    from db.engine import Session  # for annotations only: ui/ never builds SQL

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What became of an operation: ``ok`` with its ``value``, or the ``error`` raised."""

    ok: bool
    value: T | None = None
    error: BaseException | None = None


def _announce(areas: Iterable[str]) -> None:
    for area in areas:
        signals.data_changed.emit(area)


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__qualname__", repr(fn))


def run_operation(database: Database, fn: Callable[[Session], T], *,
                  areas: Iterable[str] = (),
                  on_done: Callable[[T], None] | None = None,
                  on_error: Callable[[DomainError], None] | None = None,
                  parent: QWidget | None = None, lang: str | None = None) -> Outcome[T]:
    """Run ``fn(session)`` in one committed transaction on the GUI thread.

    On success: emits ``signals.data_changed(area)`` for each of ``areas``, then calls
    ``on_done(value)``. A ``DomainError`` rolls everything back and goes to ``on_error`` or, if
    none is given, to a message box in ``lang``. Other exceptions are logged and reported.
    """
    try:
        value = run_in_transaction(database, fn)
    except DomainError as exc:
        _handle_domain_error(exc, on_error, parent, lang)
        return Outcome(False, error=exc)
    except Exception as exc:
        log_exception(exc, _name(fn))
        show_unexpected_error(parent, exc)
        return Outcome(False, error=exc)
    _announce(areas)
    if on_done is not None:
        on_done(value)
    return Outcome(True, value)


def _handle_domain_error(exc: DomainError, on_error: Callable[[DomainError], None] | None,
                         parent: QWidget | None, lang: str | None) -> None:
    if on_error is not None:
        on_error(exc)
    else:
        show_domain_error(parent, exc, lang)


def read_data(database: Database, fn: Callable[[Session], T]) -> T:
    """Run a read-only query ``fn(session)``; it must return plain data, not ORM objects."""
    with database.reading() as session:
        return fn(session)


class OperationCancelled(Exception):
    """Raised inside a background operation when the user pressed Cancel."""


class _WorkerSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int)


class _Worker(QRunnable):
    def __init__(self, database: Database, fn: Callable[..., Any], with_progress: bool,
                 cancelled: threading.Event, relay: _WorkerSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._database = database
        self._fn = fn
        self._with_progress = with_progress
        self._cancelled = cancelled
        self._relay = relay

    def _report(self, percent: int) -> None:
        if self._cancelled.is_set():
            raise OperationCancelled()
        self._relay.progressed.emit(max(0, min(100, int(percent))))

    def run(self) -> None:
        try:
            if self._with_progress:
                value = run_in_transaction(self._database,
                                           lambda s: self._fn(s, self._report))
            else:
                value = run_in_transaction(self._database, self._fn)
        except BaseException as exc:
            self._relay.failed.emit(exc)
            return
        self._relay.succeeded.emit(value)


_running: set[OperationTask] = set()


class OperationTask(QObject):
    """A background operation; its signals arrive on the GUI thread.

    ``finished(value)`` after the commit, ``failed(error)`` after the rollback (a DomainError
    has already been shown or passed to ``on_error``), ``cancelled()`` when the user stopped
    it, ``progress(percent)`` while it runs.
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progress = Signal(int)

    def __init__(self, areas: Iterable[str], on_done: Callable[[Any], None] | None,
                 on_error: Callable[[DomainError], None] | None, parent: QWidget | None,
                 lang: str | None) -> None:
        super().__init__()
        self._areas = tuple(areas)
        self._on_done = on_done
        self._on_error = on_error
        self._parent = parent
        self._lang = lang
        self._cancel = threading.Event()
        self.relay = _WorkerSignals()
        self.relay.succeeded.connect(self._succeeded)
        self.relay.failed.connect(self._failed)
        self.relay.progressed.connect(self.progress)
        self.running = True

    def cancel(self) -> None:
        """Ask the operation to stop at its next progress report (it then rolls back)."""
        self._cancel.set()

    @Slot(object)
    def _succeeded(self, value: object) -> None:
        self.running = False
        _running.discard(self)
        _announce(self._areas)
        if self._on_done is not None:
            self._on_done(value)
        self.finished.emit(value)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self.running = False
        _running.discard(self)
        if isinstance(exc, OperationCancelled):
            self.cancelled.emit()
            return
        if isinstance(exc, DomainError):
            _handle_domain_error(exc, self._on_error, self._parent, self._lang)
        elif isinstance(exc, BaseException):
            log_exception(exc, "background operation")
            show_unexpected_error(self._parent, exc)
        self.failed.emit(exc)


def start_operation(database: Database, fn: Callable[..., Any], *,
                    areas: Iterable[str] = (),
                    on_done: Callable[[Any], None] | None = None,
                    on_error: Callable[[DomainError], None] | None = None,
                    parent: QWidget | None = None, lang: str | None = None,
                    with_progress: bool = False,
                    pool: QThreadPool | None = None) -> OperationTask:
    """Run ``fn(session)`` (or ``fn(session, report)`` with ``with_progress``) off the GUI thread.

    ``report(percent)`` emits ``progress`` and raises ``OperationCancelled`` once ``cancel()``
    was called, which rolls the transaction back. Returns the task; keep the GUI responsive
    and react to its ``finished`` / ``failed`` / ``cancelled`` signals.
    """
    task = OperationTask(areas, on_done, on_error, parent, lang)
    _running.add(task)
    worker = _Worker(database, fn, with_progress, task._cancel, task.relay)
    (pool or QThreadPool.globalInstance()).start(worker)
    return task
