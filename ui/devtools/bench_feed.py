"""Change-propagation probe for ``main.py bench``: another terminal's open reception screen.

``python -m ui.devtools.bench_feed --db URL --vehicle ID`` (the ``change_propagation``
scenario) opens the reception screen offscreen for the demo advisor with the vehicle's card
shown, and follows other terminals' changes through the real change feed (``ui.change_feed``
watcher, as a signed-in terminal does). It prints ``ready`` once the card is up.

The bench (another process) then renames the vehicle's owner and commits, and writes one line
``<name>\\t<commit time>`` per change to this probe's standard input. The probe notes when the
card first shows each name (a 2 ms check of the label on the GUI thread) and answers
``seen <ms>``: the time from that commit to the name on screen. A 5 ms heartbeat records the
longest the window stopped answering; ``stall <ms>`` is printed at the end of input.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.devtools.bench_typing import _Heartbeat, open_as_advisor

CHECK_MS = 2


def run(url: str, vehicle_id: int) -> int:
    """Serve expectations from stdin until it closes."""
    from ui.app import settle_memory
    from ui.change_feed import Watcher
    from ui.reception.page import ReceptionPage

    database, advisor = open_as_advisor(url)
    page = ReceptionPage(database, advisor, "zh_CN")
    page.resize(1156, 690)
    page.show()
    page.card.show_vehicle(vehicle_id, None)
    watcher = Watcher(database)
    watcher.start()
    settle_memory()
    heartbeat = _Heartbeat()
    seen_at: dict[str, float] = {}
    expected: queue.Queue[tuple[str, float] | None] = queue.Queue()
    waiting: list[tuple[str, float]] = []
    app = QApplication.instance()
    assert app is not None

    def read_stdin() -> None:
        for line in sys.stdin:
            name, _tab, committed = line.rstrip("\n").partition("\t")
            expected.put((name, float(committed)))
        expected.put(None)

    def check() -> None:
        label = page.card.values["name"].text()
        seen_at.setdefault(label, time.time())
        while True:
            try:
                item = expected.get_nowait()
            except queue.Empty:
                break
            if item is None:
                print(f"stall {heartbeat.longest:.3f}", flush=True)
                app.quit()
                return
            waiting.append(item)
        for item in list(waiting):
            name, committed = item
            if name in seen_at:
                waiting.remove(item)
                print(f"seen {(seen_at[name] - committed) * 1000:.3f}", flush=True)

    def ready() -> None:
        if page.card.values["name"].text():
            print("ready", flush=True)
            heartbeat.start()
            threading.Thread(target=read_stdin, daemon=True).start()
            timer.timeout.disconnect(ready)
            timer.timeout.connect(check)

    timer = QTimer()
    timer.setInterval(CHECK_MS)
    timer.timeout.connect(ready)
    timer.start()
    code = app.exec()
    watcher.stop()
    database.dispose()
    return int(code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.devtools.bench_feed", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", metavar="URL", required=True)
    parser.add_argument("--vehicle", type=int, required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    code = run(args.db, args.vehicle)
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())
