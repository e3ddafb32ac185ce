"""The window never waits for the database: what a user does at reception runs no statement
on the GUI thread (saves on the writer thread, refreshes on background readers)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.clock import now
from db import models as m
from tests.ui.conftest import gone, settle_operations
from tests.ui.reception.conftest import MORNING, add_vehicle
from tests.ui.reception.test_customer_vehicle_dialogs import fill_new_customer
from ui.operations import read_data
from ui.reception.vehicle_dialog import NewCustomerDialog
from ui.thread_guard import GuiThreadGuard


def test_the_guard_sees_a_read_on_the_gui_thread(database) -> None:
    with GuiThreadGuard(database) as guard:
        read_data(database, lambda s: s.get(m.ShopProfile, 1))
    assert guard.found and "test_gui_thread.py" in guard.found[0]


def test_new_customer_and_the_card_that_follows(qtbot, page, database) -> None:
    with GuiThreadGuard(database) as guard:
        page.new_customer()
        settle_operations()
        dialog = page.dialog
        assert isinstance(dialog, NewCustomerDialog)
        fill_new_customer(qtbot, dialog, vin="")
        qtbot.keyClick(dialog.customer.name, Qt.Key.Key_Return)
        settle_operations()
    assert gone(dialog)
    assert page.card.values["name"].text() == "李娜"
    assert guard.found == []


def test_booking_confirming_and_another_terminals_change(qtbot, morning, page, database,
                                                         advisor) -> None:
    known = add_vehicle(database, advisor)
    page.card.show_vehicle(known.vehicle_id, known.customer_id)
    settle_operations()
    with GuiThreadGuard(database) as guard:
        page.book()
        settle_operations()
        dialog = page.dialog
        dialog.set_start(MORNING + timedelta(hours=2))
        dialog.save_button.click()
        settle_operations()
        page.show_book()
        settle_operations()
        line = next(i for i, x in enumerate(page.book_view.day_model.rows) if x.booking)
        page.book_view.day_table.selectRow(line)
        page.book_view.confirm_selected()
        settle_operations()
    assert page.book_view.day_model.rows[line].booking.status == "confirmed"
    assert guard.found == []

    # Another terminal renames the customer: the card follows without a GUI-thread read.
    from ui.change_feed import Watcher

    watcher = Watcher(database)
    watcher.start()
    try:
        with GuiThreadGuard(database) as guard:
            with database.transaction() as s:  # "another terminal": a foreign change-log row
                s.get(m.Customer, known.customer_id).name = "张伟强"
                s.add(m.ChangeLogEntry(at=now(), origin="terminal-2",
                                       changes=f'{{"customers":[{known.customer_id}]}}'))
            guard.found.clear()  # the other terminal's own statements above
            qtbot.waitUntil(lambda: page.card.values["name"].text() == "张伟强", timeout=10_000)
    finally:
        watcher.stop()
    assert guard.found == []
