"""Read-only queries off the GUI thread where only the newest request matters (as-you-type).

Every keystroke in a search box asks for a new result; the window must never wait for the
database, and an answer to an older question must never overwrite the answer to the newer
one. ``LatestRead`` runs each request at once on its own small thread pool (two threads, so
a new search does not wait for an old one still running), keeps at most one request waiting
when both are busy (a newer one replaces it: nobody needs the results for "粤B1" once "粤B12"
was typed), and drops the results of every request but the newest.
"""

from __future__ import annotations

import contextvars
import logging
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from db.engine import Database

log = logging.getLogger(__name__)
THREADS = 2
_readers: weakref.WeakSet[LatestRead] = weakref.WeakSet()


def reads_pending() -> bool:
    """True while any reader still owes its newest answer (closing, tests)."""
    return (any((reader.pending or reader._busy) and shiboken6.isValid(reader)
                for reader in list(_readers))  # a deleted reader's answer never comes
            or one_shots_pending())


class _Relay(QObject):
    """Carries a worker's outcome to the GUI thread (queued: it lives on the GUI thread)."""

    done = Signal(int, object, bool, object)  # generation, key, ok, value or exception


class _ReadWorker(QRunnable):
    def __init__(self, database: Database, generation: int, key: object,
                 fn: Callable[[Any], object], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._database = database
        self._generation = generation
        self._key = key
        self._fn = fn
        self._relay = relay  # a reference: the relay outlives the reader if it must
        self._context = contextvars.copy_context()  # e.g. a pinned clock

    def run(self) -> None:
        try:
            value = self._context.run(self._read)
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            self._relay.done.emit(self._generation, self._key, False, exc)
            return
        self._relay.done.emit(self._generation, self._key, True, value)

    def _read(self) -> object:
        with self._database.reading() as session:
            return self._fn(session)


class LatestRead(QObject):
    """Runs ``fn(session)`` read-only in the background; reports only the newest request.

    ``answered(key, value)`` arrives on the GUI thread for the newest request submitted (``key``
    is whatever the caller passed, e.g. the search text); ``failed(key, exception)`` when it
    raised. ``fn`` must return plain data, not ORM objects.
    """

    answered = Signal(object, object)
    failed = Signal(object, object)

    def __init__(self, database: Database, parent: QObject | None = None, *,
                 threads: int = THREADS) -> None:
        super().__init__(parent)
        self._database = database
        self._threads = threads
        self._pool = reader_pool()
        self._relay = _Relay()
        self._relay.done.connect(self._done)
        self._generation = 0
        self._waiting: tuple[int, object, Callable[[Any], object]] | None = None
        self._busy = 0
        self._newest_running = False
        _readers.add(self)

    @property
    def pending(self) -> bool:
        """True while the newest request has not been answered yet."""
        return self._waiting is not None or self._newest_running

    def submit(self, key: object, fn: Callable[[Any], object]) -> None:
        """Ask for ``fn``'s result; everything asked before is no longer wanted."""
        self._generation += 1
        self._waiting = (self._generation, key, fn)
        self._newest_running = False
        self._start_waiting()

    def discard(self) -> None:
        """Drop every request made so far (their results will not be reported)."""
        self._generation += 1
        self._waiting = None
        self._newest_running = False

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until no query of this reader runs (shutting down, tests); True when none
        is left. Answers are delivered meanwhile (the GUI thread keeps handling events)."""
        import time

        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + msecs / 1000 if msecs >= 0 else float("inf")
        while self._busy and time.monotonic() < deadline:
            self._pool.waitForDone(10)
            QCoreApplication.processEvents()
        return not self._busy

    def _start_waiting(self) -> None:
        if self._waiting is None or self._busy >= self._threads:
            return
        generation, key, fn = self._waiting
        self._waiting = None
        self._busy += 1
        self._newest_running = generation == self._generation
        self._pool.start(_ReadWorker(self._database, generation, key, fn, self._relay))

    @Slot(int, object, bool, object)
    def _done(self, generation: int, key: object, ok: bool, value: object) -> None:
        self._busy -= 1
        newest = generation == self._generation
        if newest:
            self._newest_running = False
        self._start_waiting()
        if not newest:
            return
        if ok:
            self.answered.emit(key, value)
        else:
            log.warning("background read failed: %r", value)
            self.failed.emit(key, value)


class Refresh(QObject):
    """A screen part's own read: ``request(fn)`` reads off the GUI thread, and the newest
    answer goes to ``on_answer(value)`` on the GUI thread (older ones are dropped)."""

    def __init__(self, database: Database, on_answer: Callable[[Any], None],
                 parent: QObject | None = None,
                 on_error: Callable[[BaseException], None] | None = None) -> None:
        super().__init__(parent)
        self._reader = LatestRead(database, self, threads=1)
        self._reader.answered.connect(lambda _key, value: on_answer(value))
        if on_error is not None:
            self._reader.failed.connect(lambda _key, error: on_error(error))

    def request(self, fn: Callable[[Any], object]) -> None:
        """Read ``fn(session)`` now; a request still running is no longer wanted."""
        self._reader.submit(None, fn)

    @property
    def pending(self) -> bool:
        """True until the newest request has been answered."""
        return self._reader.pending


class _OneShotRelay(QObject):
    """Lives on the GUI thread: the worker's ``done`` is queued to ``deliver`` there."""

    done = Signal(bool, object)

    def __init__(self, on_answer: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self._on_answer, self._on_error = on_answer, on_error
        self.delivered = False
        self.done.connect(self.deliver)

    @Slot(bool, object)
    def deliver(self, ok: bool, value: object) -> None:
        # Marked done, not dropped here: dropping the last reference inside its own slot
        # would delete the object while Qt is still calling it. The next read sweeps it.
        self.delivered = True
        if ok:
            self._on_answer(value)
        elif self._on_error is not None:
            self._on_error(value)  # type: ignore[arg-type]
        else:
            log.warning("background read failed: %r", value)


_one_shots: set[_OneShotRelay] = set()
_one_shot_pool: QThreadPool | None = None
_reader_pool: QThreadPool | None = None
READER_THREADS = 4  # all screens' readers together; each keeps to its own ``threads``


def reader_pool() -> QThreadPool:
    """The threads every ``LatestRead`` runs its queries on, for the whole session.

    Not a pool per reader: a reader's own pool would be destroyed with its screen, and its
    destructor waits for a running query while the GUI thread holds the interpreter lock
    the query's worker needs to hand its answer over — the window would hang for ever (seen
    when a window closed during a search). This pool is never destroyed while the app runs.
    """
    global _reader_pool
    if _reader_pool is None:
        _reader_pool = QThreadPool()
        _reader_pool.setMaxThreadCount(READER_THREADS)
        _reader_pool.setExpiryTimeout(-1)  # keep the threads: no start-up cost per keystroke
    return _reader_pool


def one_shots_pending() -> bool:
    """True while a ``read_later`` answer is still owed."""
    return any(not relay.delivered for relay in _one_shots)


def read_later(database: Database, fn: Callable[[Any], object],
               on_answer: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> None:
    """Read ``fn(session)`` off the GUI thread and hand the answer to ``on_answer`` on it
    (opening a dialog with what it shows, a lookup after Enter); errors go to ``on_error``
    or the log."""
    def read() -> object:
        with database.reading() as session:
            return fn(session)

    run_later(read, on_answer, on_error)


def run_later(fn: Callable[[], object], on_answer: Callable[[Any], None],
              on_error: Callable[[BaseException], None] | None = None) -> None:
    """Run ``fn()`` (plain Python that may read the database, no Qt) off the GUI thread;
    ``on_answer(value)`` or ``on_error(exception)`` follow on the GUI thread."""
    global _one_shot_pool
    if _one_shot_pool is None:
        _one_shot_pool = QThreadPool()
        _one_shot_pool.setMaxThreadCount(THREADS)
    _one_shots.difference_update([r for r in _one_shots if r.delivered])
    relay = _OneShotRelay(on_answer, on_error)
    _one_shots.add(relay)
    _one_shot_pool.start(_OneShotWorker(fn, relay))


class _OneShotWorker(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _OneShotRelay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._relay = fn, relay
        self._context = contextvars.copy_context()

    def run(self) -> None:
        try:
            value = self._context.run(self._fn)
        except Exception as exc:
            self._relay.done.emit(False, exc)
            return
        self._relay.done.emit(True, value)
