"""Catch database calls on the GUI thread: the window must never wait for the database.

``GuiThreadGuard(database)`` records where each statement sent from the GUI thread came from
(the innermost frames of our own code). The tests hold every user action of a screen to it;
the client installs it in log mode, so a regression shows in the log file with its call site.
"""

from __future__ import annotations

import logging
import threading
import traceback
from types import TracebackType

from db.engine import Database

log = logging.getLogger(__name__)
OUR_CODE = ("/app/", "/ui/", "/db/")


def _call_site() -> str:
    frames = [f for f in traceback.extract_stack()[:-3]
              if any(part in f.filename for part in OUR_CODE)
              and not f.filename.endswith(("thread_guard.py", "db/engine.py"))]
    return " <- ".join(f"{f.filename.rsplit('/', 2)[-2]}/{f.filename.rsplit('/', 1)[-1]}:"
                       f"{f.lineno} {f.name}" for f in reversed(frames[-4:]))


class GuiThreadGuard:
    """Records (and with ``log_only`` logs) statements run on the main thread while active."""

    def __init__(self, database: Database, *, log_only: bool = False) -> None:
        self.database = database
        self.log_only = log_only
        self.found: list[str] = []
        self._stop: object = None

    def _check(self) -> None:
        if threading.current_thread() is threading.main_thread():
            site = _call_site()
            self.found.append(site)
            if self.log_only:
                log.warning("database call on the GUI thread: %s", site)

    def start(self) -> GuiThreadGuard:
        """Begin watching (idempotent)."""
        if self._stop is None:
            self._stop = self.database.watch_statements(self._check)
        return self

    def stop(self) -> None:
        """Stop watching."""
        if callable(self._stop):
            self._stop()
        self._stop = None

    def __enter__(self) -> GuiThreadGuard:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
