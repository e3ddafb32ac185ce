"""run_operation: off the GUI thread, one transaction, then the change feed and on_done — or a
rollback and the user told why."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import text

from app.changes import ChangeSet
from app.errors import ConflictError, DatabaseBusy, DomainError
from app.shop import get_profile, save_profile
from ui import operations
from ui.change_feed import feed
from ui.operations import OperationCancelled, read_data, run_operation, start_operation

ORIGINAL = "湾线汽车服务中心 Bayline Motors"


def shop_name(database) -> str:
    return read_data(database, lambda s: get_profile(s).name)


def visible_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture(autouse=True)
def close_boxes():
    yield
    for box in visible_boxes():
        box.close()


def rename_then_fail(manager):
    def action(session):
        save_profile(session, manager, name="改了又失败")
        raise ConflictError()
    return action


def test_the_work_runs_off_the_gui_thread(qtbot, database, manager) -> None:
    threads: list[threading.Thread] = []

    def work(session):
        threads.append(threading.current_thread())
        return save_profile(session, manager, name="新店名").name

    task = run_operation(database, work)
    assert task.running  # returned at once: the window goes on painting
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert threads and threads[0] is not threading.main_thread()


def test_success_commits_announces_the_change_set_then_calls_on_done(
        qtbot, database, manager) -> None:
    order: list[object] = []
    feed.changed.connect(order.append)
    try:
        task = run_operation(database, lambda s: save_profile(s, manager, name="新店名").name,
                             on_done=lambda value: order.append(("done", value)))
        with qtbot.waitSignal(task.finished, timeout=10_000) as blocker:
            pass
    finally:
        feed.changed.disconnect(order.append)
    assert blocker.args == ["新店名"]
    change, done = order[-2], order[-1]
    assert change.changes == ChangeSet(shop=True) and not change.foreign
    assert done == ("done", "新店名")
    assert task.ok and task.value == "新店名"
    assert shop_name(database) == "新店名"


def test_the_control_is_disabled_while_it_runs(qtbot, database, manager) -> None:
    button = QPushButton("Save")
    qtbot.addWidget(button)
    release = threading.Event()

    def slow(session):
        assert release.wait(10)
        return save_profile(session, manager, name="慢").name

    task = run_operation(database, slow, control=button)
    assert not button.isEnabled()  # a second click cannot submit twice
    release.set()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert button.isEnabled()


def test_a_slow_operation_shows_the_busy_indicator_a_quick_one_does_not(
        qtbot, database, manager, monkeypatch) -> None:
    monkeypatch.setattr(operations, "BUSY_DELAY_MS", 50)
    release = threading.Event()

    def slow(session):
        assert release.wait(10)
        return 1

    task = run_operation(database, slow)
    qtbot.waitUntil(lambda: task.indicator is not None and task.indicator.isVisible())
    assert "Working" in task.indicator.labelText()
    release.set()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert task.indicator is None

    quick = run_operation(database, lambda s: 2)
    with qtbot.waitSignal(quick.finished, timeout=10_000):
        pass
    assert quick.indicator is None


def test_a_busy_database_says_so_and_can_be_cancelled(qtbot, database, manager) -> None:
    holder = database.session()
    try:
        # SQLite: the holder's BEGIN IMMEDIATE has the write lock; PostgreSQL: a row lock.
        holder.execute(text("UPDATE shop_profile SET name = 'held' WHERE id = 1"))
        task = run_operation(database, lambda s: save_profile(s, manager, name="等不到").name)
        qtbot.waitUntil(lambda: task.indicator is not None
                        and "busy" in task.indicator.labelText(), timeout=15_000)
        with qtbot.waitSignal(task.cancelled, timeout=15_000):
            task.indicator.findChild(QPushButton).click()  # the user presses Cancel
    finally:
        holder.rollback()
        holder.close()
    assert shop_name(database) == ORIGINAL
    assert visible_boxes() == []


def test_domain_error_is_shown_in_the_users_language_and_rolled_back(
        qtbot, database, manager) -> None:
    with qtbot.assertNotEmitted(feed.changed):
        task = run_operation(database, rename_then_fail(manager), lang="en")
        with qtbot.waitSignal(task.failed, timeout=10_000):
            pass
    assert not task.ok and isinstance(task.error, ConflictError)
    boxes = visible_boxes()
    assert len(boxes) == 1
    assert boxes[0].text() == ConflictError().message("en")
    assert boxes[0].text().startswith("This record was changed by someone else")
    assert boxes[0].icon() == QMessageBox.Icon.Warning
    assert shop_name(database) == ORIGINAL


def test_domain_error_goes_to_on_error_instead_of_a_box(qtbot, database, manager) -> None:
    seen: list[DomainError] = []
    task = run_operation(database, rename_then_fail(manager), on_error=seen.append)
    with qtbot.waitSignal(task.failed, timeout=10_000):
        pass
    assert len(seen) == 1 and isinstance(seen[0], ConflictError)
    assert visible_boxes() == []
    assert shop_name(database) == ORIGINAL


def test_permission_is_checked_by_the_service(qtbot, database, advisor) -> None:
    seen: list[DomainError] = []
    task = run_operation(database, lambda s: save_profile(s, advisor, name="x"),
                         on_error=seen.append)
    with qtbot.waitSignal(task.failed, timeout=10_000):
        pass
    assert "shop.configure" in seen[0].message("en")
    assert shop_name(database) == ORIGINAL


def test_unexpected_error_is_logged_and_reported(qtbot, database, manager, caplog) -> None:
    def broken(session):
        save_profile(session, manager, name="坏了")
        raise KeyError("surprise")

    with caplog.at_level(logging.ERROR):
        task = run_operation(database, broken)
        with qtbot.waitSignal(task.failed, timeout=10_000):
            pass
    assert not task.ok and isinstance(task.error, KeyError)
    assert "Traceback" in caplog.text and "surprise" in caplog.text
    boxes = visible_boxes()
    assert len(boxes) == 1 and boxes[0].icon() == QMessageBox.Icon.Critical
    assert shop_name(database) == ORIGINAL


def test_operations_of_one_terminal_run_in_the_order_started(qtbot, database, manager) -> None:
    names = [f"店{i}" for i in range(5)]
    tasks = [run_operation(database, lambda s, n=n: save_profile(s, manager, name=n).name)
             for n in names]
    qtbot.waitUntil(lambda: not any(t.running for t in tasks), timeout=20_000)
    assert shop_name(database) == names[-1]


def test_background_operation_reports_progress_and_commits(qtbot, database, manager) -> None:
    def long_work(session, report):
        for percent in (0, 50, 100):
            report(percent)
        return save_profile(session, manager, name="后台改名").name

    progress: list[int] = []
    task = start_operation(database, long_work, with_progress=True)
    task.progress.connect(progress.append)
    with qtbot.waitSignal(task.finished, timeout=10000) as blocker:
        pass
    assert blocker.args == ["后台改名"]
    assert progress[-1] == 100
    assert not task.running
    assert shop_name(database) == "后台改名"


def test_background_operation_can_be_cancelled(qtbot, database, manager) -> None:
    started, cancelled = threading.Event(), threading.Event()

    def long_work(session, report):
        save_profile(session, manager, name="不该保存")
        report(10)
        started.set()
        assert cancelled.wait(10)
        report(20)  # raises OperationCancelled: the rename is rolled back
        return "finished"

    task = start_operation(database, long_work, with_progress=True)
    assert started.wait(10)
    with qtbot.waitSignal(task.cancelled, timeout=10000), \
            qtbot.assertNotEmitted(task.finished):
        task.cancel()
        cancelled.set()
    assert shop_name(database) == ORIGINAL
    assert issubclass(OperationCancelled, DomainError)
    assert DatabaseBusy().message("zh_CN") != DatabaseBusy().message("en")


def test_a_finished_task_is_dropped_only_when_the_next_one_starts(qtbot, database,
                                                                  manager) -> None:
    """Dropping the last reference to a task inside its own slot deleted it while Qt was
    still calling it: the editor probe crashed after ~20 unreferenced saves. A finished task
    stays registered until the next operation starts; a delivered read likewise."""
    from ui import latest_read

    first = run_operation(database, lambda s: save_profile(s, manager, name="一").name)
    with qtbot.waitSignal(first.finished, timeout=10_000):
        pass
    assert first in operations._running and not first.running
    second = run_operation(database, lambda s: save_profile(s, manager, name="二").name)
    assert first not in operations._running and second in operations._running
    with qtbot.waitSignal(second.finished, timeout=10_000):
        pass

    answers: list[object] = []
    latest_read.read_later(database, lambda s: get_profile(s).name, answers.append)
    qtbot.waitUntil(lambda: answers == ["二"], timeout=10_000)
    [relay] = [r for r in latest_read._one_shots if r.delivered]
    assert not latest_read.one_shots_pending()
    latest_read.read_later(database, lambda s: 1, answers.append)
    assert relay not in latest_read._one_shots
    qtbot.waitUntil(lambda: answers[-1] == 1, timeout=10_000)
