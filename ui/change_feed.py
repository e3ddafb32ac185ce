"""The change feed: this terminal's and every other terminal's committed changes, as one signal.

Screens connect to ``feed.changed`` and refresh only what a ``Change`` names. Two sources:

- this process: ``ui.operations`` calls ``announce(changes)`` right after its commit, so the
  screen that made the change updates at once;
- other terminals: a ``Watcher`` thread reads the ``change_log`` table (``app.changes``). On
  PostgreSQL it LISTENs for the NOTIFY each commit sends and also polls every few seconds as a
  safety net; on SQLite it polls the log's newest id (one indexed look-up) several times a
  second (every 100 ms). Rows this process wrote are skipped (announced already).

PostgreSQL hands out ids before commit, so a slower transaction can commit a lower id after
a higher one was read. The watcher therefore remembers the ids it has not seen below the
newest one for a while (``GAP_WAIT``) and reads them again, instead of trusting "everything up
to the newest id".
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from app import changes as change_log
from app.changes import ChangeSet
from db.engine import Database

log = logging.getLogger(__name__)
SQLITE_POLL_S = 0.1
PG_POLL_S = 2.0
GAP_WAIT_S = 30.0


@dataclass(frozen=True)
class Change:
    """What changed, and whether another terminal did it (``foreign``)."""

    changes: ChangeSet
    foreign: bool


class ChangeFeed(QObject):
    """The one change signal of the process (``feed``); emitted on the GUI thread."""

    changed = Signal(object)  # Change
    _arrived = Signal(object)  # from the watcher thread; queued onto the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self._arrived.connect(self._relay)

    def announce(self, changes: ChangeSet, *, foreign: bool = False) -> None:
        """Tell every screen about ``changes`` (a no-op for an empty change set)."""
        if changes:
            self.changed.emit(Change(changes, foreign))

    def _relay(self, changes: ChangeSet) -> None:
        self.announce(changes, foreign=True)

    def deliver_from_thread(self, changes: ChangeSet) -> None:
        """Called by a watcher thread: the signal is queued to the GUI thread."""
        self._arrived.emit(changes)


feed = ChangeFeed()


def is_open(widget: object) -> bool:
    """True while ``widget``'s window is open: a screen in a closed window ignores changes
    (it is about to go; reading for it would only show stale errors)."""
    window = getattr(widget, "window", None)
    return bool(window is not None and window().isVisible())


class LogReader:
    """Reads the change log after what it has seen, remembering gaps (no Qt, testable)."""

    def __init__(self, database: Database, start_after: int | None = None) -> None:
        self.database = database
        with database.reading() as s:
            self.floor = change_log.latest_id(s) if start_after is None else start_after
        self._seen_above: set[int] = set()
        self._gaps: dict[int, float] = {}  # missing id -> when it was first missed

    def newest(self) -> int:
        """The newest id in the log (cheap: one index look-up)."""
        with self.database.reading() as s:
            return change_log.latest_id(s)

    def read(self) -> ChangeSet:
        """Everything other processes logged since the last call, merged into one set."""
        with self.database.reading() as s:
            rows = change_log.read_after(s, self.floor)
        found = ChangeSet()
        now = time.monotonic()
        for row in rows:
            if row.id in self._seen_above:
                continue
            self._seen_above.add(row.id)
            self._gaps.pop(row.id, None)
            if row.origin != change_log.ORIGIN:
                found = found | row.changes
        top = max(self._seen_above, default=self.floor)
        for missing in range(self.floor + 1, top):
            if missing not in self._seen_above:
                self._gaps.setdefault(missing, now)
        # Move the floor up over seen ids and over gaps that waited long enough (ids of
        # rolled-back transactions never appear; pruned rows neither).
        while True:
            nxt = self.floor + 1
            if nxt in self._seen_above:
                self._seen_above.discard(nxt)
            elif nxt in self._gaps and now - self._gaps[nxt] > GAP_WAIT_S:
                del self._gaps[nxt]
            else:
                break
            self.floor = nxt
        return found

    def has_unread(self, newest: int) -> bool:
        """True when ``newest`` is above what was read, or gaps are still open."""
        top = max(self._seen_above, default=self.floor)
        return newest > top or bool(self._gaps)


class Watcher:
    """A background thread feeding other terminals' changes into ``target``."""

    def __init__(self, database: Database, target: ChangeFeed = feed) -> None:
        self.database = database
        self.target = target
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.reader: LogReader | None = None  # made on the watcher thread (it reads)

    def start(self) -> None:
        """Start watching (idempotent)."""
        if self._thread is not None:
            return
        loop = self._listen if self.database.backend == "postgresql" else self._poll
        self._thread = threading.Thread(target=self._guarded, args=(loop,),
                                        name="bayline-change-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _deliver(self) -> None:
        assert self.reader is not None
        found = self.reader.read()
        if found:
            self.target.deliver_from_thread(found)

    def _guarded(self, loop) -> None:  # type: ignore[no-untyped-def]
        while not self._stop.is_set():
            try:
                if self.reader is None:  # from the log's newest entry at the start on
                    self.reader = LogReader(self.database)
                loop()
                return
            except Exception:  # the database went away: try again shortly, never crash
                log.warning("change feed interrupted; retrying", exc_info=True)
                self._stop.wait(2.0)

    def _poll(self) -> None:
        assert self.reader is not None
        while not self._stop.is_set():
            if self.reader.has_unread(self.reader.newest()):
                self._deliver()
            self._stop.wait(SQLITE_POLL_S)

    def _listen(self) -> None:
        import psycopg

        url = self.database.url.set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False),
                             autocommit=True) as conn:
            conn.execute(f"LISTEN {change_log.CHANNEL}")
            self._deliver()  # anything committed between start and LISTEN
            last_poll = time.monotonic()
            while not self._stop.is_set():
                got = False
                for _note in conn.notifies(timeout=0.5, stop_after=1):
                    got = True
                if got or time.monotonic() - last_poll > PG_POLL_S:
                    last_poll = time.monotonic()
                    self._deliver()
