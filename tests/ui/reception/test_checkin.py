"""Check-in (接车): the dialog opens the order with what was recorded, in one operation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.orders.attachments import list_attachments
from app.orders.lookup import find_orders
from app.orders.queries import load_order
from tests.ui.conftest import gone, settle_operations
from tests.ui.reception.conftest import add_vehicle
from ui.operations import read_data
from ui.reception.checkin_dialog import CheckInDialog
from ui.reception.page import ORDER_TAB

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def stored_order(database, order_id: int) -> dict:
    def read(session) -> dict:
        o = load_order(session, order_id)
        return {"mileage_in": o.mileage_in, "fuel_level": o.fuel_level,
                "complaint": o.customer_description, "waiting": o.customer_waiting,
                "lights": o.warning_lights, "contact": o.contact_preference,
                "vehicle_km": o.vehicle.mileage_km, "promised": o.promised_at is not None,
                "status": o.status}
    return read_data(database, read)


def start_check_in(page, database, advisor, **kwargs) -> CheckInDialog:
    known = add_vehicle(database, advisor, **kwargs)
    page.card.show_vehicle(known.vehicle_id, known.customer_id)
    settle_operations()
    page.check_in()
    settle_operations()
    dialog = page.dialog
    assert isinstance(dialog, CheckInDialog)
    return dialog


def test_check_in_opens_an_order_with_mileage_fuel_and_complaint(
        morning, qtbot, page, database, advisor, tmp_path: Path) -> None:
    dialog = start_check_in(page, database, advisor, mileage=10_000)
    assert "10,000 km" in dialog.header.text()
    qtbot.keyClicks(dialog.mileage, "12345")
    dialog.fuel.setCurrentIndex(dialog.fuel.findData(6))
    dialog.description.setPlainText("冷车启动时发动机有异响")
    dialog.light_boxes["engine"].setChecked(True)
    qtbot.keyClicks(dialog.lights_other, "DPF")
    dialog.waiting.setChecked(True)
    dialog.contact.setCurrentIndex(dialog.contact.findData("wechat"))
    photo = tmp_path / "front-left.png"
    photo.write_bytes(PNG)
    dialog.add_photos([photo])

    qtbot.keyClick(dialog.mileage, Qt.Key.Key_Return)
    settle_operations()
    assert gone(dialog)
    order_id = page.orders.order_id
    assert order_id is not None
    assert page.tabs.currentIndex() == ORDER_TAB
    stored = stored_order(database, order_id)
    assert stored == {"mileage_in": 12345, "fuel_level": 6, "complaint": "冷车启动时发动机有异响",
                      "waiting": True, "lights": "Check engine, DPF", "contact": "wechat",
                      "vehicle_km": 12345, "promised": True, "status": "open"}
    files = read_data(database, lambda s: list_attachments(s, advisor, order_id))
    assert [(f.filename, f.content_type) for f in files] == [("front-left.png", "image/png")]

    qtbot.waitUntil(lambda: page.today.count("waiting_in_lounge") == 1)  # the today strip
    page.tabs.setCurrentIndex(0)
    [entry] = page.today.menus["waiting_in_lounge"].actions()
    assert "粤B12345" in entry.text()
    entry.trigger()
    assert page.tabs.currentIndex() == ORDER_TAB and page.orders.order_id == order_id


def test_a_lower_mileage_needs_the_reason(morning, qtbot, page, database, advisor) -> None:
    dialog = start_check_in(page, database, advisor, mileage=50_000)
    assert not dialog.reason_needed()
    qtbot.keyClicks(dialog.mileage, "49000")
    dialog.mileage.editingFinished.emit()  # leaving the field
    assert dialog.reason_needed()
    dialog.description.setPlainText("保养")
    dialog.save_button.click()
    settle_operations()
    assert dialog.isVisible()
    message = dialog.fields["mileage"].error()
    assert "lower than the last reading (50000 km)" in message
    assert page.orders.order_id is None

    qtbot.keyClicks(dialog.reason, "instrument cluster replaced")
    dialog.save_button.click()
    settle_operations()
    assert gone(dialog)
    stored = stored_order(database, page.orders.order_id)
    assert (stored["mileage_in"], stored["vehicle_km"]) == (49000, 49000)


def test_the_service_message_offers_the_reason_field_too(
        morning, qtbot, page, database, advisor) -> None:
    dialog = start_check_in(page, database, advisor, mileage=50_000)
    dialog.mileage.setText("100")  # set without leaving the field
    dialog.description.setPlainText("保养")
    dialog.save_button.click()
    settle_operations()
    assert dialog.fields["mileage"].has_error()
    assert dialog.reason_needed()


def test_a_missing_complaint_is_shown_at_its_field_and_nothing_is_opened(
        morning, qtbot, page, database, advisor, tmp_path: Path) -> None:
    dialog = start_check_in(page, database, advisor)
    qtbot.keyClicks(dialog.mileage, "10100")
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"not a photo")
    dialog.add_photos([bad])
    dialog.save_button.click()
    settle_operations()
    assert dialog.fields["customer_description"].has_error()
    dialog.description.setPlainText("换轮胎")
    dialog.save_button.click()
    settle_operations()
    assert dialog.fields["attachment"].has_error()  # the whole check-in was rolled back
    assert page.orders.order_id is None
    assert read_data(database, lambda s: find_orders(s, advisor, "RO")) == []
    assert dialog.mileage.text() == "10100"
