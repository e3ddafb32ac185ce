"""The idle lock: a signed-in window locks itself after the role's minutes without a key
press, click, wheel or touch anywhere in the application (the shop's setting,
``app.security.idle_lock``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
})


class IdleWatch(QObject):
    """Emits ``idle`` once nobody touched the application for ``minutes``.

    Activity only records the time (cheap, for every mouse move); the single-shot ``timer``
    wakes when the time could be up and re-arms for what is left. ``clock`` (monotonic
    seconds) can be replaced by a test, which then fires ``timer.timeout`` itself.
    """

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._check)
        self.minutes = 0
        self._last = clock()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """Lock after ``minutes`` idle (0: never); counts from now."""
        self.minutes = max(0, minutes)
        self.restart()

    def restart(self) -> None:
        """Count the idle time from now (after an unlock, say)."""
        self._last = self.clock()
        self.timer.stop()
        if self.minutes:
            self.timer.start(self.minutes * 60_000)

    def pause(self) -> None:
        """Stop counting (while the window is locked anyway)."""
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self.clock()
        return False

    def _check(self) -> None:
        left = self.minutes * 60 - (self.clock() - self._last)
        if left > 0:
            self.timer.start(max(1, int(left * 1000)))
            return
        self.idle.emit()

    def stop(self) -> None:
        """Stop for good (the window closes)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
