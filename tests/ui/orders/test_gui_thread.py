"""The order editor never makes the window wait for the database: catalogue look-ups, saves,
workflow steps, printing and another terminal's change all run their statements elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.changes import ChangeSet
from app.orders.catalogue import create_operation
from db.enums import LineType, OrderStatus
from tests.factories import make_part
from tests.ui.conftest import settle_operations
from tests.ui.orders.test_editor import build_order
from ui.change_feed import feed
from ui.thread_guard import GuiThreadGuard


def test_a_working_session_in_the_editor_runs_nothing_on_the_gui_thread(
        qtbot, database, advisor, manager, open_editor, no_printing) -> None:
    order_id = build_order(database, advisor)
    with database.transaction() as s:
        create_operation(s, manager, code="ZQ-BRK", name="更换前刹车片(含检测)",
                         standard_hours="1.20")
        make_part(s, manager, "BP-2024", 5, name="前刹车片", sale_price="320.00")
    editor = open_editor(advisor, order_id)
    with GuiThreadGuard(database) as guard:
        entry = editor.job_entry
        entry.search.setFocus()
        qtbot.keyClicks(entry.search, "ZQ-BRK")
        qtbot.keyClick(entry.search, Qt.Key.Key_Return)  # the catalogue look-up, then the hours
        settle_operations()
        qtbot.keyClick(entry.hours, Qt.Key.Key_Return)  # save the job
        settle_operations()
        editor.tabs.setCurrentIndex(1)
        scan = editor.part_entry.search
        scan.setFocus()
        qtbot.keyClicks(scan, "BP-2024")
        qtbot.keyClick(scan, Qt.Key.Key_Return)  # a scanned part: look-up and save
        settle_operations()
        editor.actions.print_actions["job_card"].trigger()
        settle_operations()
        editor.run_action("estimate")
        settle_operations()
        feed.announce(ChangeSet.of(orders=[order_id]), foreign=True)  # another terminal
        settle_operations()
    codes = [row.code for row in editor.tabs_by_type[LineType.LABOUR].model.rows]
    assert "ZQ-BRK" in codes
    assert [row.code for row in editor.tabs_by_type[LineType.PART].model.rows] == ["BP-2024"]
    assert editor.state is not None and editor.state.status == OrderStatus.ESTIMATED
    assert [kind for kind, _pdf in no_printing] == ["job_card"]
    assert editor.conflict_shown()
    assert guard.found == []
