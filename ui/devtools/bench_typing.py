"""Search-as-you-type probe for ``main.py bench``: type into the reception search box the way a
person does and time the last keystroke to the results shown.

``python -m ui.devtools.bench_typing --db URL --n 100`` (the ``search_typing`` scenario of
``main.py bench``) builds the reception screen's search panel (offscreen) for the demo
advisor, then for each of ``n`` fragments of real plates, VINs,
phones and names (``app.devtools.bench.samples``) clears the box and types the fragment one key
event per ``--interval-ms`` (the keys go through the same event path as a keyboard's, so the
scanner detection sees them too). It measures, from the moment the last key event was
delivered, until the panel shows the results for exactly the text now in the box. A 5 ms
heartbeat timer on the GUI thread records the longest gap between its ticks while typing
and waiting: how long the window ever stopped answering.

Prints one JSON line: ``{"samples_ms": [...], "max_stall_ms": X, "stale_shown": N}`` where
``stale_shown`` counts result lists shown for a text no longer in the box (must be 0).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

HEARTBEAT_MS = 5
ANSWER_TIMEOUT_MS = 10_000


def _type_key(widget: QObject, char: str) -> None:
    """Deliver ``char`` as a key press and release, as a keyboard (or a wedge scanner) does."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))


class _Heartbeat:
    """Longest gap between ticks of a fast GUI-thread timer (the window's worst stall)."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self.clock.start()
        self._last = 0.0
        self.timer.start()

    def _tick(self) -> None:
        at = self.clock.nsecsElapsed() / 1e6
        self.longest = max(self.longest, at - self._last - HEARTBEAT_MS)
        self._last = at


def open_as_advisor(url: str) -> tuple[Any, Any]:
    """The probe's database and the demo advisor on it, with the client's language set up."""
    from app.devtools.bench.fixtures import load_actors
    from db.engine import Database
    from ui.app import prepare

    database = Database(url)
    with database.reading() as session:
        advisor = load_actors(session).advisor
    prepare("zh_CN")
    return database, advisor


def run(url: str, n: int, interval_ms: int, seed: int, warmup: int = 3) -> dict[str, object]:
    """Type ``warmup`` fragments untimed, then ``n`` timed, into a search panel on ``url``."""
    from app.devtools.bench.fixtures import load_actors
    from app.devtools.bench.samples import fragment, sample_vehicles
    from db.engine import Database
    from ui.app import prepare, settle_memory
    from ui.reception.common import Context
    from ui.reception.search_panel import SearchPanel

    database = Database(url)
    with database.reading() as session:
        advisor = load_actors(session).advisor
        fragments = [fragment(v, random.Random(seed + i)) for i, v in
                     enumerate(sample_vehicles(session, n + warmup, random.Random(seed)))]
    prepare("zh_CN")
    panel = SearchPanel(Context.create(database, advisor))
    panel.resize(320, 640)
    panel.show()
    settle_memory()  # as the client does once the user's window is up
    stale = 0
    answered_at: dict[str, float] = {}

    def shown(text: str) -> None:
        nonlocal stale
        if text and text != panel.box.text().strip():
            stale += 1
        answered_at[text] = time.perf_counter()

    panel.results_shown.connect(shown)
    heartbeat = _Heartbeat()
    samples: list[float] = []
    loop = QEventLoop()
    for i, text in enumerate(fragments):
        if i == warmup:  # first results drawn, fonts loaded, threads started: now measure
            heartbeat.start()
            samples.clear()
        panel.box.clear()
        panel.search_in_background()  # empty box: drops what was still running
        answered_at.clear()
        for char in text:
            QTimer.singleShot(interval_ms, loop.quit)  # a person's pause between keys
            loop.exec()
            _type_key(panel.box, char)
        last_key = time.perf_counter()
        target = text.strip()
        deadline = QElapsedTimer()
        deadline.start()
        while target not in answered_at and deadline.elapsed() < ANSWER_TIMEOUT_MS:
            QTimer.singleShot(1, loop.quit)
            loop.exec(QEventLoop.ProcessEventsFlag.AllEvents)
        if target not in answered_at:
            raise SystemExit(f"no results shown for {target!r} within {ANSWER_TIMEOUT_MS} ms")
        samples.append((answered_at[target] - last_key) * 1000)
    panel.reader.wait_idle(ANSWER_TIMEOUT_MS)
    database.dispose()
    return {"samples_ms": [round(s, 3) for s in samples],
            "max_stall_ms": round(heartbeat.longest, 3), "stale_shown": stale}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.devtools.bench_typing", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", metavar="URL", required=True)
    parser.add_argument("--n", type=int, default=100, help="fragments to type (default 100)")
    parser.add_argument("--interval-ms", type=int, default=100,
                        help="pause between keys (default 100: a quick typist)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed fragments first")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    result = run(args.db, args.n, args.interval_ms, args.seed, args.warmup)
    print(json.dumps(result), flush=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
