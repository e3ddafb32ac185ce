"""Cold-start probe for ``main.py bench``: start, show the login window, print when it paints.

``python -m ui.devtools.bench_probe --db URL`` starts the client through ``main.main`` itself
(argument parsing, command discovery, opening the database, the schema check, logging, fonts,
translations, the first-start check, the login window) and prints one line ``shown_ms=<ms>``
when the login window's first paint event arrives, then quits. ``--bare`` instead shows a bare
PySide6 window with a table, the baseline.

The milliseconds count from the moment in ``BAYLINE_PROBE_T0_NS`` (a ``time.monotonic_ns()``
value the parent took just before starting this process; the monotonic clock is system-wide),
or, without it, from the moment the interpreter began running this module.
"""

from __future__ import annotations

import os
import time

_MODULE_START_NS = time.monotonic_ns()
T0_ENV = "BAYLINE_PROBE_T0_NS"

import argparse  # noqa: E402 - the clock above must start before any import
import sys  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def elapsed_ms() -> float:
    """Milliseconds since the start moment (see the module docstring)."""
    start = int(os.environ.get(T0_ENV) or _MODULE_START_NS)
    return (time.monotonic_ns() - start) / 1e6


class _FirstPaint(QObject):
    """Prints the elapsed time at the first paint of the window (or a widget in it), then
    quits the event loop."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__()
        self.app = app
        self.window = window
        self.done = False
        self.painted_at = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self.done and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.window() is self.window):
            self.done = True
            self.painted_at = elapsed_ms()
            print(f"shown_ms={self.painted_at:.1f}", flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False


def _watch(app: QApplication, window: QWidget) -> _FirstPaint:
    watcher = _FirstPaint(app, window)
    app.installEventFilter(watcher)
    return watcher


def run_bare() -> int:
    """Show a bare window holding a 20×6 table; returns the exit code."""
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout

    app = QApplication(sys.argv[:1])
    window = QWidget()
    table = QTableWidget(20, 6, window)
    for row in range(20):
        for column in range(6):
            table.setItem(row, column, QTableWidgetItem(f"{row}:{column}"))
    QVBoxLayout(window).addWidget(table)
    window.resize(480, 420)
    watcher = _watch(app, window)
    window.show()
    app.exec()
    return 0 if watcher.done else 1


def run_login(url: str, lang: str | None, *, stages: bool = False) -> int:
    """Start the desktop client through ``main.py``'s own entry point and stop once the
    login window has painted; returns the exit code (2 when the first-start set-up would
    show instead, i.e. the database has no users).

    Only two seams are patched: ``TerminalFlow.show_login`` (to watch the window it shows)
    and ``FirstStartSetup.exec`` (refused, so a database without users cannot hang the
    probe on a modal dialog).
    """
    marks = [("start", elapsed_ms())]
    from PySide6.QtWidgets import QDialog

    import main as entry  # the real entry point: argument parsing, command discovery ...
    from ui import app as ui_app

    marks.append(("imports", elapsed_ms()))
    original = ui_app.TerminalFlow.show_login
    watchers: list[_FirstPaint] = []
    refused: list[bool] = []

    def show_login(flow: ui_app.TerminalFlow) -> QWidget:
        marks.append(("show_login", elapsed_ms()))
        login = original(flow)
        marks.append(("login_built", elapsed_ms()))
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        watchers.append(_watch(app, login))
        return login

    def refuse_setup(_dialog: QDialog) -> int:
        refused.append(True)
        return int(QDialog.DialogCode.Rejected.value)

    ui_app.TerminalFlow.show_login = show_login  # type: ignore[method-assign,assignment]
    ui_app.FirstStartSetup.exec = refuse_setup  # type: ignore[method-assign]
    code = entry.main(["--db", url, *(["--lang", lang] if lang else [])])
    if refused:
        print("error=no users: the first-start set-up would show instead", flush=True)
        return 2
    if stages and watchers:
        marks.append(("painted", watchers[0].painted_at))
        print("stages=" + ",".join(f"{name}:{ms:.1f}" for name, ms in marks), file=sys.stderr)
    return code if watchers and watchers[0].done else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.devtools.bench_probe", description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--db", metavar="URL", help="database URL or SQLite file path")
    group.add_argument("--bare", action="store_true", help="the bare PySide6 baseline window")
    parser.add_argument("--lang", choices=["zh_CN", "zh_TW", "en"], default="zh_CN")
    parser.add_argument("--stages", action="store_true",
                        help="also print (to stderr) when each stage of the start was reached")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run_bare() if args.bare else run_login(args.db, args.lang, stages=args.stages)


if __name__ == "__main__":
    sys.exit(main())
