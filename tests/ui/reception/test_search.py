"""Find as you type, open with Enter, and scan a job card to open its order."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import settle_operations
from tests.ui.reception.conftest import add_vehicle, open_order_for
from ui.reception import search_panel
from ui.reception.page import CARD_TAB, ORDER_TAB
from ui.reception.scanner import ScanDetector, looks_like_order_number


def test_typing_a_plate_fragment_lists_the_vehicle_and_enter_opens_its_card(
        qtbot, page, database, advisor) -> None:
    known = add_vehicle(database, advisor, plate="粤B12345", name="张伟")
    add_vehicle(database, advisor, plate="粤A77777", name="李娜", phone="13900001111")
    page.focus_search()
    qtbot.keyClicks(page.search.box, "B123")
    qtbot.waitUntil(lambda: page.search.model.rowCount() == 1, timeout=2000)
    hit = page.search.model.row_at(0)
    assert (hit.plate, hit.owner, hit.phone) == ("粤B12345", "张伟", "138 1234 5678")
    assert page.search.count.text() == "Results: 1"

    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
    settle_operations()
    assert page.card.vehicle_id == known.vehicle_id
    assert page.card.customer_id == known.customer_id
    assert page.tabs.currentIndex() == CARD_TAB
    assert page.card.title.text() == "粤B12345 · 丰田 凯美瑞"
    assert page.card.values["name"].text() == "张伟"
    assert page.card.values["phones"].text() == "138 1234 5678"


def test_each_keystroke_searches_off_the_gui_thread_and_the_last_text_wins(
        qtbot, page, database, advisor, monkeypatch) -> None:
    add_vehicle(database, advisor, plate="粤B12345")
    add_vehicle(database, advisor, plate="粤B12999", name="李娜", phone="13900001111")
    calls: list[tuple[str, bool]] = []
    real_find = search_panel.find

    def spy(session, actor, text):
        calls.append((text, threading.current_thread() is threading.main_thread()))
        return real_find(session, actor, text)

    monkeypatch.setattr(search_panel, "find", spy)
    with qtbot.waitSignal(page.search.results_shown, timeout=5000,
                          check_params_cb=lambda text: text == "B123"):
        qtbot.keyClicks(page.search.box, "B123")  # no pause in typing is needed
    assert [r.plate for r in page.search.model.rows] == ["粤B12345"]
    assert page.search.count.text() == "Results: 1"
    # From the second key on every keystroke started a search at once (two threads free).
    assert sorted(text for text, _ in calls) == ["B1", "B12", "B123"]
    assert not any(on_gui_thread for _, on_gui_thread in calls)


def test_a_search_that_fails_says_so_and_keeps_the_window_usable(
        qtbot, page, monkeypatch) -> None:
    def broken(_session, _actor, _text):
        raise RuntimeError("connection lost")

    monkeypatch.setattr(search_panel, "find", broken)
    with qtbot.waitSignal(page.search.reader.failed, timeout=5000):
        qtbot.keyClicks(page.search.box, "B1")
    assert page.search.notice.text() == "The search could not run: connection lost"
    assert not page.search.notice.isHidden()


def test_arrow_keys_move_the_highlight_and_enter_opens_that_row(
        qtbot, page, database, advisor) -> None:
    add_vehicle(database, advisor, plate="粤B11111", name="甲", phone="13800000001")
    second = add_vehicle(database, advisor, plate="粤B11112", name="乙", phone="13800000002")
    page.search.box.setText("粤B1111")
    page.search.run_search()
    settle_operations()
    assert page.search.model.rowCount() == 2
    qtbot.keyClick(page.search.box, Qt.Key.Key_Down)
    qtbot.keyClick(page.search.box, Qt.Key.Key_Enter)
    settle_operations()
    assert page.card.vehicle_id == second.vehicle_id


def test_scanning_a_job_card_opens_the_order(qtbot, page, database, advisor) -> None:
    known = add_vehicle(database, advisor)
    order_id, number = open_order_for(database, advisor, known.vehicle_id, "刹车异响")
    page.focus_search()
    qtbot.keyClicks(page.search.box, f"BAYLINE:{number}")  # a wedge scanner types fast
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
    settle_operations()
    assert page.orders.order_id == order_id
    assert page.tabs.currentIndex() == ORDER_TAB
    assert page.search.box.text() == ""  # ready for the next scan
    settle_operations()  # the order is read off the GUI thread
    state = page.orders.editor.state
    assert (state.number, state.check_in.customer_description) == (number, "刹车异响")


def test_a_typed_order_number_is_listed_and_opens_too(qtbot, page, database, advisor) -> None:
    known = add_vehicle(database, advisor)
    order_id, number = open_order_for(database, advisor, known.vehicle_id)
    page.search.box.setText(number.lower())
    page.search.run_search()
    settle_operations()
    rows = page.search.model.rows
    assert [r.kind for r in rows] == ["order"] and rows[0].order_number == number
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
    settle_operations()
    assert page.orders.order_id == order_id


def test_an_unknown_order_number_says_so(qtbot, page, database, advisor) -> None:
    qtbot.keyClicks(page.search.box, "RO999999")
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
    settle_operations()
    assert page.orders.order_id is None
    assert page.search.notice.text() == "No repair order RO999999."
    assert not page.search.notice.isHidden()


def test_ctrl_f_and_f3_put_the_cursor_in_the_search_box(qtbot, page) -> None:
    page.card.buttons["check_in"].setFocus()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.box.hasFocus()
    page.tabs.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F3)
    assert page.search.box.hasFocus()


def test_scanner_bursts_are_told_from_typing() -> None:
    times = iter([0.0, 0.01, 0.02, 0.03, 0.04, 1.0, 1.2, 1.4, 1.6])
    detector = ScanDetector(clock=lambda: next(times))
    for _ in range(5):
        detector.key()
    assert detector.enter() is True
    for _ in range(4):
        detector.key()
    assert detector.enter() is False  # a person typing
    assert looks_like_order_number("BAYLINE:RO000042")
    assert looks_like_order_number(" ro 000042")
    assert not looks_like_order_number("粤B12345")
    assert not looks_like_order_number("ROBERT")


def test_a_scan_while_a_list_has_the_focus_still_opens_the_order(qtbot, page, database,
                                                                   advisor) -> None:
    known = add_vehicle(database, advisor)
    order_id, number = open_order_for(database, advisor, known.vehicle_id)
    page.card.show_vehicle(known.vehicle_id, known.customer_id)
    settle_operations()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.card.history.setFocus()
    code = f"BAYLINE:{number}"
    qtbot.keyClick(page.card.history, code[0])  # the first key moves to the search box
    assert QApplication.focusWidget() is page.search.box
    assert page.search.box.text() == code[0]
    qtbot.keyClicks(QApplication.focusWidget(), code[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle_operations()
    assert page.orders.order_id == order_id


def test_more_hits_than_the_list_holds_says_so_and_a_surname_is_enough(
        qtbot, page, database, advisor, monkeypatch) -> None:
    from ui.reception import search_panel

    monkeypatch.setattr(search_panel, "RESULT_LIMIT", 3)
    for i in range(5):
        add_vehicle(database, advisor, plate=f"粤B8{i}001", name=f"王{i}",
                    phone=f"1390000{i:04d}")
    page.focus_search()
    qtbot.keyClicks(page.search.box, "B8")  # QTest types ASCII only: the plate's letters
    qtbot.waitUntil(lambda: page.search.model.rowCount() == 3, timeout=2000)
    assert page.search.count.text() == "The first 3 results: type more to narrow them down"
    page.search.box.setText("王")  # one Chinese character (as an input method commits it)
    page.search.box.textEdited.emit("王")
    qtbot.waitUntil(lambda: page.search.model.rowCount() == 3, timeout=2000)
    assert page.search.model.row_at(0).owner.startswith("王")
    page.search.box.clear()
    qtbot.keyClicks(page.search.box, "8")
    qtbot.waitUntil(lambda: page.search.model.rowCount() == 0, timeout=2000)
    assert page.search.count.text() == "Type at least 2 characters (1 for a Chinese surname)"
