"""Barcode/QR scanners in keyboard-wedge mode: fast keystrokes that end with Enter.

``ScanDetector`` watches the intervals between keystrokes; a burst typed faster than a person
can type, ending in Enter, is a scan. ``looks_like_order_number`` tells an order number (or the
QR code printed on a job card) from a plate, a VIN or a name.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

ORDER_NUMBER = re.compile(r"^(BAYLINE:|RO\d)", re.IGNORECASE)
SCAN_INTERVAL = 0.035  # seconds between two keystrokes of a scanner (people: 80 ms and more)
MIN_SCAN_LENGTH = 4


def looks_like_order_number(text: str) -> bool:
    """``RO000042``, ``ro 42`` or ``BAYLINE:RO000042`` (the job card's QR code)."""
    return bool(ORDER_NUMBER.match(text.strip().replace(" ", "")))


class ScanDetector:
    """Tells scanner bursts from typing; feed it every printable keystroke and every Enter."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 interval: float = SCAN_INTERVAL) -> None:
        self._clock = clock
        self._interval = interval
        self._last: float | None = None
        self._burst = 0
        self._slow = False

    def key(self) -> None:
        """A printable key was pressed."""
        at = self._clock()
        if self._last is not None and at - self._last > self._interval:
            self._slow = True
        self._last = at
        self._burst += 1

    def enter(self) -> bool:
        """Enter was pressed: True when the keys since the last Enter came from a scanner."""
        scanned = self._burst >= MIN_SCAN_LENGTH and not self._slow
        self.reset()
        return scanned

    def reset(self) -> None:
        """Forget the keystrokes seen so far (the field was cleared)."""
        self._last = None
        self._burst = 0
        self._slow = False
