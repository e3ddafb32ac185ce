"""run_operation / start_operation: commit and announce, or roll back and tell the user."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import ConflictError, DomainError
from app.shop import get_profile, save_profile
from ui.operations import OperationCancelled, read_data, run_operation, start_operation
from ui.signals import signals

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


def test_success_commits_announces_and_calls_on_done(qtbot, database, manager) -> None:
    done: list[object] = []
    with qtbot.waitSignal(signals.data_changed) as blocker:
        outcome = run_operation(database,
                                lambda s: save_profile(s, manager, name="新店名").name,
                                areas=("shop",), on_done=done.append)
    assert outcome.ok and outcome.value == "新店名" and outcome.error is None
    assert blocker.args == ["shop"]
    assert done == ["新店名"]
    assert shop_name(database) == "新店名"


def test_domain_error_is_shown_in_the_users_language_and_rolled_back(
        qtbot, database, manager) -> None:
    with qtbot.assertNotEmitted(signals.data_changed):
        outcome = run_operation(database, rename_then_fail(manager), areas=("shop",),
                                lang="en")
    assert not outcome.ok and isinstance(outcome.error, ConflictError)
    boxes = visible_boxes()
    assert len(boxes) == 1
    assert boxes[0].text() == ConflictError().message("en")
    assert boxes[0].text().startswith("This record was changed by someone else")
    assert boxes[0].icon() == QMessageBox.Icon.Warning
    assert shop_name(database) == ORIGINAL


def test_domain_error_goes_to_on_error_instead_of_a_box(database, manager) -> None:
    seen: list[DomainError] = []
    outcome = run_operation(database, rename_then_fail(manager), on_error=seen.append)
    assert not outcome.ok and len(seen) == 1 and isinstance(seen[0], ConflictError)
    assert visible_boxes() == []
    assert shop_name(database) == ORIGINAL


def test_permission_is_checked_by_the_service(database, advisor) -> None:
    seen: list[DomainError] = []
    run_operation(database, lambda s: save_profile(s, advisor, name="x"),
                  on_error=seen.append)
    assert "shop.configure" in seen[0].message("en")
    assert shop_name(database) == ORIGINAL


def test_unexpected_error_is_logged_and_reported(database, manager, caplog) -> None:
    def broken(session):
        save_profile(session, manager, name="坏了")
        raise KeyError("surprise")

    with caplog.at_level(logging.ERROR):
        outcome = run_operation(database, broken)
    assert not outcome.ok and isinstance(outcome.error, KeyError)
    assert "Traceback" in caplog.text and "surprise" in caplog.text
    boxes = visible_boxes()
    assert len(boxes) == 1 and boxes[0].icon() == QMessageBox.Icon.Critical
    assert shop_name(database) == ORIGINAL


def test_background_operation_reports_progress_and_commits(qtbot, database, manager) -> None:
    def long_work(session, report):
        for percent in (0, 50, 100):
            report(percent)
        return save_profile(session, manager, name="后台改名").name

    progress: list[int] = []
    task = start_operation(database, long_work, areas=("shop",), with_progress=True)
    task.progress.connect(progress.append)
    with qtbot.waitSignal(task.finished, timeout=10000) as blocker:
        pass
    assert blocker.args == ["后台改名"]
    assert progress[-1] == 100
    assert not task.running
    assert shop_name(database) == "后台改名"


def test_background_domain_error_rolls_back(qtbot, database, manager) -> None:
    seen: list[DomainError] = []
    task = start_operation(database, rename_then_fail(manager), on_error=seen.append)
    with qtbot.waitSignal(task.failed, timeout=10000) as blocker:
        pass
    assert isinstance(blocker.args[0], ConflictError)
    assert len(seen) == 1
    assert shop_name(database) == ORIGINAL


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
    assert issubclass(OperationCancelled, Exception)
