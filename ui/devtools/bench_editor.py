"""Write-stall probe for ``main.py bench``: save lines in the order editor, watch the window.

``python -m ui.devtools.bench_editor --db URL --order ID --n 30`` (the ``write_stall``
scenario) opens the order editor offscreen on the order for the demo advisor and adds ``n``
other charges to it through the editor's own add action, one after the other, the way the
advisor types them (the save runs on the writer thread, the order is read again in the
background). A 5 ms heartbeat on the GUI thread records, per save, the longest time between
two of its ticks from the click until the new line is shown (about 5 ms when the window never
stopped answering).

Prints one JSON line: ``{"stall_ms": [...], "save_ms": [...]}`` (per timed save).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from ui.devtools.bench_typing import HEARTBEAT_MS, _Heartbeat, open_as_advisor

SAVE_TIMEOUT_S = 30


def run(url: str, order_id: int, n: int, warmup: int) -> dict[str, object]:
    """Add ``warmup`` charges untimed, then ``n`` timed."""
    from db.enums import LineType
    from ui.app import settle_memory
    from ui.operations import wait_for_operations
    from ui.orders.editor import OrderEditor
    from ui.orders.line_entry import ChargeInput

    database, advisor = open_as_advisor(url)
    editor = OrderEditor(database, advisor, "zh_CN")
    editor.resize(1366, 768)
    editor.show()
    editor.open_order(order_id)
    wait_for_operations(SAVE_TIMEOUT_S * 1000)
    settle_memory()
    charges = editor.tabs_by_type[LineType.CHARGE].model
    loop = QEventLoop()
    stalls: list[float] = []
    saves: list[float] = []
    for i in range(warmup + n):
        before = charges.rowCount()
        heartbeat = _Heartbeat()
        heartbeat.start()
        started = time.perf_counter()
        editor.add_charge(ChargeInput(description=f"bench charge {i}", amount="12.50",
                                      discount="", payer="customer"))
        deadline = started + SAVE_TIMEOUT_S
        while charges.rowCount() <= before or editor._busy:
            if time.perf_counter() > deadline:
                raise SystemExit(f"save {i} was not shown within {SAVE_TIMEOUT_S} s")
            QTimer.singleShot(1, loop.quit)
            loop.exec()
        shown = time.perf_counter()
        heartbeat.timer.stop()
        if i >= warmup:
            # the longest time between two heartbeats (a quiet window: about 5 ms)
            stalls.append(round(heartbeat.longest + HEARTBEAT_MS, 3))
            saves.append(round((shown - started) * 1000, 3))
    wait_for_operations(SAVE_TIMEOUT_S * 1000)
    database.dispose()
    return {"stall_ms": stalls, "save_ms": saves}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.devtools.bench_editor",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", metavar="URL", required=True)
    parser.add_argument("--order", type=int, required=True)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(json.dumps(run(args.db, args.order, args.n, args.warmup)), flush=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
