"""Background reads where only the newest request counts (the search box's engine)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent

from db.engine import Database
from ui.latest_read import LatestRead


def _collect(reader: LatestRead) -> tuple[list[tuple[object, object]], list[tuple[object, object]]]:
    answers: list[tuple[object, object]] = []
    failures: list[tuple[object, object]] = []
    reader.answered.connect(lambda key, value: answers.append((key, value)))
    reader.failed.connect(lambda key, error: failures.append((key, error)))
    return answers, failures


def _deliver_queued() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def test_an_answer_to_an_older_request_is_never_reported(qtbot, database: Database) -> None:
    reader = LatestRead(database)
    answers, _failures = _collect(reader)
    gate = threading.Event()
    threads: list[threading.Thread] = []

    def old(_session: object) -> str:
        threads.append(threading.current_thread())
        gate.wait(10)
        return "old"

    def new(_session: object) -> str:
        threads.append(threading.current_thread())
        return "new"

    reader.submit("粤B1", old)
    with qtbot.waitSignal(reader.answered, timeout=5000):
        reader.submit("粤B12", new)  # runs beside the old one, which is still busy
    assert answers == [("粤B12", "new")]
    assert threading.main_thread() not in threads
    gate.set()
    assert reader.wait_idle(5000)
    _deliver_queued()
    assert answers == [("粤B12", "new")]  # "old" arrived later and was dropped
    assert not reader.pending


def test_a_waiting_request_is_replaced_by_a_newer_one(qtbot, database: Database) -> None:
    reader = LatestRead(database, threads=1)
    answers, _failures = _collect(reader)
    gate = threading.Event()
    ran: list[str] = []

    def job(name: str, *, blocking: bool = False):
        def fn(_session: object) -> str:
            ran.append(name)
            if blocking:
                gate.wait(10)
            return name
        return fn

    reader.submit(1, job("first", blocking=True))
    reader.submit(2, job("second"))
    reader.submit(3, job("third"))
    assert reader.pending
    with qtbot.waitSignal(reader.answered, timeout=5000) as blocker:
        gate.set()
    assert blocker.args == [3, "third"]
    assert ran == ["first", "third"]  # "second" was no longer wanted: never ran
    assert answers == [(3, "third")]


def test_a_failing_read_reports_the_error_for_the_newest_request(qtbot,
                                                                 database: Database) -> None:
    reader = LatestRead(database)
    answers, failures = _collect(reader)

    def broken(_session: object) -> None:
        raise RuntimeError("server went away")

    with qtbot.waitSignal(reader.failed, timeout=5000):
        reader.submit("x", broken)
    assert answers == []
    assert [(key, str(error)) for key, error in failures] == [("x", "server went away")]


def test_discard_drops_what_is_running(qtbot, database: Database) -> None:
    reader = LatestRead(database)
    answers, _failures = _collect(reader)
    gate = threading.Event()

    def slow(_session: object) -> str:
        gate.wait(10)
        return "late"

    reader.submit("a", slow)
    reader.discard()
    assert not reader.pending
    gate.set()
    assert reader.wait_idle(5000)
    _deliver_queued()
    assert answers == []


def test_the_read_sees_the_database(qtbot, database: Database) -> None:
    from sqlalchemy import text

    reader = LatestRead(database)
    with qtbot.waitSignal(reader.answered, timeout=5000) as blocker:
        reader.submit("q", lambda session: session.execute(text("SELECT 40 + 2")).scalar_one())
    assert blocker.args == ["q", 42]


def test_closing_the_window_while_a_read_runs_is_safe(qtbot, database: Database) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    reader = LatestRead(database, window)
    answers, _failures = _collect(reader)
    gate, started = threading.Event(), threading.Event()

    def slow(_session: object) -> str:
        started.set()
        gate.wait(10)
        return "late"

    reader.submit("a", slow)
    assert started.wait(5)
    # The read finishes while the reader is being destroyed: its thread pool (a child, deleted
    # after ``destroyed`` is emitted) waits for it.
    reader.destroyed.connect(lambda *_args: gate.set())
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert gate.is_set()  # the reader is gone
    _deliver_queued()  # the finished read's report, if any, would arrive now
    assert answers == []  # nothing reported to a reader that is gone, and no crash


def test_closing_a_screen_while_its_read_runs_does_not_wait_for_the_read(
        qtbot, database: Database) -> None:
    """A screen (and its reader) deleted during a query: the deletion must not wait for the
    query — the worker needs the GUI thread's interpreter lock to hand over its answer, so
    waiting there hung the window. The worker here is released only after the deletion."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    screen = QWidget()
    reader = LatestRead(database, screen)
    gate = threading.Event()
    released: list[bool] = []

    def slow(_session: object) -> str:
        released.append(gate.wait(20))  # False: nobody opened the gate (the deletion waited)
        return "late"

    reader.submit("a", slow)
    screen.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()  # reached only once the deletion returned
    from ui.latest_read import reader_pool

    assert reader_pool().waitForDone(25_000)
    _deliver_queued()
    assert released == [True]
