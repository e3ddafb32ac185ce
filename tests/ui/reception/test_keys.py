"""The order's function keys work wherever the focus is on the reception screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.security.actor import Actor
from db.engine import Database
from tests.ui.conftest import settle_operations
from tests.ui.reception.conftest import add_vehicle, open_order_for
from ui.reception.page import BOOK_TAB, ORDER_TAB, ReceptionPage


@pytest.fixture
def order_from_search(qtbot, page: ReceptionPage, database: Database,
                      advisor: Actor) -> ReceptionPage:
    """An order opened the way an advisor does: its number typed in the search box, Enter."""
    known = add_vehicle(database, advisor)
    _order_id, number = open_order_for(database, advisor, known.vehicle_id)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.search.box.setFocus()
    qtbot.keyClicks(page.search.box, number)
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
    settle_operations()
    qtbot.waitUntil(lambda: page.orders.editor.state is not None)
    assert page.tabs.currentIndex() == ORDER_TAB
    return page


def test_the_orders_keys_work_with_the_focus_left_in_the_search_box(
        qtbot, order_from_search: ReceptionPage) -> None:
    page = order_from_search
    editor = page.orders.editor
    ran: list[str] = []
    editor.run_action = ran.append  # type: ignore[method-assign]
    menus: list[str] = []
    editor.actions.buttons["print"].showMenu = lambda: menus.append("print")  # type: ignore
    page.search.box.setFocus()
    assert editor.actions.buttons["estimate"].isVisibleTo(editor)
    qtbot.keyClick(page.search.box, Qt.Key.Key_F5)
    assert ran == ["estimate"]
    qtbot.keyClick(page.search.box, Qt.Key.Key_F12)
    assert menus == ["print"]
    assert page.tabs.currentIndex() == ORDER_TAB


def test_a_key_the_order_does_not_offer_stays_the_screens(
        qtbot, order_from_search: ReceptionPage) -> None:
    page = order_from_search
    editor = page.orders.editor
    assert not editor.actions.buttons["dispatch"].isVisibleTo(editor)  # nothing to dispatch
    page.search.box.setFocus()
    qtbot.keyClick(page.search.box, Qt.Key.Key_F7)
    assert page.tabs.currentIndex() == BOOK_TAB  # F7: the appointment book, as the tab says


def test_no_two_tabs_of_the_screen_share_a_mnemonic(page: ReceptionPage) -> None:
    from PySide6.QtWidgets import QTabWidget

    letters: dict[str, list[str]] = {}
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            text = tabs.tabText(index)
            at = text.replace("&&", "").find("&")
            if at >= 0:
                letters.setdefault(text.replace("&&", "")[at + 1].lower(), []).append(text)
    assert all(len(texts) == 1 for texts in letters.values()), letters


def test_f1_lists_every_key_of_the_screen_and_of_the_order(qtbot, page: ReceptionPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.search.box.setFocus()
    qtbot.keyClick(page.search.box, Qt.Key.Key_F1)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    listed = {(r.keys, r.does) for r in dialog.model.rows}
    bound = {keys for keys, _slot, _does in page.key_table()}
    assert bound <= {keys for keys, _does in listed}  # every binding of the screen is listed
    assert ("F12", "Order: Print") in listed and ("F7", "Order: Dispatch") in listed
    assert ("Ctrl+F", "Search box (also F3)") in listed
    dialog.reject()
