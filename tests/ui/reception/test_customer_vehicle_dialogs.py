"""Customer and vehicle dialogs: inline messages per field, nothing lost, nothing half-saved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.customers.search import search
from app.customers.service import CustomerData, update_customer
from app.validation.vin import vin_check_digit
from tests.ui.conftest import gone, settle_operations
from tests.ui.reception.conftest import Known, add_vehicle, valid_vin
from ui.operations import read_data
from ui.reception.customer_dialog import CustomerDialog
from ui.reception.owner_dialog import ChangeOwnerDialog
from ui.reception.page import CARD_TAB
from ui.reception.vehicle_dialog import NewCustomerDialog, VehicleDialog


def found(database, actor, text: str) -> list:
    return read_data(database, lambda s: search(s, actor, text))


def wrong_check_digit(vin: str) -> str:
    digit = vin_check_digit(vin)
    return vin[:8] + ("1" if digit != "1" else "2") + vin[9:]


def fill_new_customer(qtbot, dialog: NewCustomerDialog, *, vin: str) -> None:
    dialog.customer.name.setText("李娜")  # non-ASCII: set directly (keyClicks would abort)
    qtbot.keyClicks(dialog.customer.phones[0], "139 1234 5678")
    dialog.vehicle.plate.setText("粤A12345")
    qtbot.keyClicks(dialog.vehicle.vin, vin)
    dialog.vehicle.brand.setText("本田")
    qtbot.keyClicks(dialog.vehicle.mileage, "35200")


def test_new_customer_with_a_bad_vin_shows_the_message_under_the_vin_and_saves_nothing(
        qtbot, page, database, advisor) -> None:
    page.new_customer()
    settle_operations()
    dialog = page.dialog
    assert isinstance(dialog, NewCustomerDialog)
    good = valid_vin()
    fill_new_customer(qtbot, dialog, vin=wrong_check_digit(good))

    qtbot.keyClick(dialog.customer.name, Qt.Key.Key_Return)  # Enter saves
    settle_operations()
    vin_field = dialog.fields["vin"]
    assert dialog.isVisible()
    assert vin_field.has_error()
    assert "check digit" in vin_field.error()
    assert not vin_field.message.isHidden()
    assert dialog.fields["name"].error() == ""
    assert found(database, advisor, "李娜") == []  # not even the customer
    assert dialog.customer.name.text() == "李娜"  # nothing typed is lost

    dialog.vehicle.vin.clear()
    qtbot.keyClicks(dialog.vehicle.vin, good)
    assert not vin_field.has_error()  # typing clears the message
    dialog.save_button.click()
    settle_operations()
    assert gone(dialog)
    hits = found(database, advisor, "李娜")
    assert [(h.plate, h.vin, h.owner) for h in hits] == [("粤A12345", good, "李娜")]
    assert page.card.vehicle_id == hits[0].vehicle_id
    assert page.tabs.currentIndex() == CARD_TAB
    assert page.card.values["mileage"].text() == "35,200 km"


def test_required_fields_and_a_bad_phone_are_shown_at_their_fields(
        qtbot, page, database, advisor) -> None:
    page.new_customer()
    settle_operations()
    dialog = page.dialog
    qtbot.keyClicks(dialog.customer.phones[1], "12345")
    dialog.save_button.click()
    settle_operations()
    assert dialog.fields["name"].error() == "This field is required."
    assert dialog.fields["phones.1"].has_error()  # every problem found here at once
    assert dialog.fields["plate"].has_error()
    assert dialog.customer.name.hasFocus() or not dialog.isActiveWindow()
    dialog.customer.phones[1].clear()
    dialog.customer.name.setText("王芳")
    qtbot.keyClicks(dialog.customer.phones[0], "12345")
    dialog.save_button.click()
    settle_operations()
    assert dialog.fields["phones.0"].has_error()
    assert not dialog.fields["name"].has_error()
    dialog.customer.phones[0].clear()
    qtbot.keyClicks(dialog.customer.phones[0], "13700001234")
    dialog.vehicle.plate.setText("WJ12345")
    dialog.save_button.click()
    settle_operations()
    assert dialog.fields["plate"].has_error()
    assert "special plate" in dialog.fields["plate"].error()
    dialog.vehicle.special_plate.setChecked(True)
    dialog.save_button.click()
    settle_operations()
    assert gone(dialog)
    assert [h.plate for h in found(database, advisor, "王芳")] == ["WJ12345"]


def test_a_vin_warning_is_a_note_and_does_not_block_saving(qtbot, page, database,
                                                            advisor) -> None:
    known = add_vehicle(database, advisor)
    page.card.show_vehicle(known.vehicle_id, known.customer_id)
    settle_operations()
    page.add_vehicle()
    dialog = page.dialog
    assert isinstance(dialog, VehicleDialog)
    european = wrong_check_digit("WVWZZZ1JZXW000001")
    dialog.vehicle.plate.setText("粤B99999")
    qtbot.keyClicks(dialog.vehicle.vin, european)
    dialog.vehicle.vin.editingFinished.emit()
    assert not dialog.vehicle.vin_note.isHidden()
    dialog.save_button.click()
    settle_operations()
    assert gone(dialog)
    assert page.card.data.vehicle.vin == european
    assert "check digit" in page.card.note.text()
    assert not page.card.note.isHidden()


def test_escape_asks_before_throwing_typed_changes_away(qtbot, page, monkeypatch) -> None:
    page.new_customer()
    settle_operations()
    dialog = page.dialog
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "confirm_discard", lambda: asked.append(True) or False)
    qtbot.keyClicks(dialog.customer.phones[0], "13800000000")
    qtbot.keyClick(dialog.customer.phones[0], Qt.Key.Key_Escape)
    assert asked == [True]
    assert dialog.isVisible()
    monkeypatch.setattr(dialog, "confirm_discard", lambda: True)
    qtbot.keyClick(dialog.customer.phones[0], Qt.Key.Key_Escape)
    assert gone(dialog)


def test_escape_on_an_untouched_form_just_closes(qtbot, page, monkeypatch) -> None:
    page.new_customer()
    settle_operations()
    dialog = page.dialog
    monkeypatch.setattr(dialog, "confirm_discard", lambda: (_ for _ in ()).throw(AssertionError))
    qtbot.keyClick(dialog.customer.name, Qt.Key.Key_Escape)
    assert gone(dialog)


def test_someone_elses_save_offers_reload(qtbot, page, database, advisor, manager,
                                          monkeypatch) -> None:
    known = add_vehicle(database, advisor, name="张伟")
    page.card.show_vehicle(known.vehicle_id, known.customer_id)
    settle_operations()
    page.edit_customer()
    settle_operations()
    dialog = page.dialog
    assert isinstance(dialog, CustomerDialog)
    with database.transaction() as session:  # the manager saves first
        update_customer(session, manager, known.customer_id,
                        CustomerData(name="张伟汽修公司", phones=["13812345678"]),
                        expected_version=dialog.version)
    qtbot.keyClicks(dialog.customer.address, "Tianhe Road 1")
    offered: list[bool] = []
    monkeypatch.setattr(dialog, "ask_reload", lambda: offered.append(True) or True)
    dialog.save_button.click()
    settle_operations()
    assert offered == [True]
    assert dialog.isVisible()
    assert dialog.customer.name.text() == "张伟汽修公司"  # their version, reloaded
    assert dialog.customer.address.text() == ""
    qtbot.keyClicks(dialog.customer.address, "Tianhe Road 1")
    dialog.save_button.click()
    settle_operations()
    assert gone(dialog)
    assert page.card.values["address"].text() == "Tianhe Road 1"
    assert page.card.values["name"].text() == "张伟汽修公司"


def _change_owner_dialog(page, database, advisor) -> tuple[ChangeOwnerDialog, Known]:
    """The change-of-owner dialog open on 张伟's car; returns it and 李娜 (phone 13911112222)."""
    known = add_vehicle(database, advisor, name="张伟")
    other = add_vehicle(database, advisor, plate="粤C55555", name="李娜",
                        phone="13911112222")
    page.card.show_vehicle(known.vehicle_id, known.customer_id)
    settle_operations()
    page.change_owner()
    settle_operations()
    dialog = page.dialog
    assert isinstance(dialog, ChangeOwnerDialog)
    return dialog, other


def test_change_of_owner_keeps_the_earlier_owner(qtbot, page, database, advisor) -> None:
    dialog, other = _change_owner_dialog(page, database, advisor)
    qtbot.keyClicks(dialog.box, "13911112222")  # searched off the GUI thread as typed
    qtbot.waitUntil(lambda: [r.name for r in dialog.model.rows] == ["李娜"], timeout=5000)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    settle_operations()
    assert gone(dialog)
    assert page.card.customer_id == other.customer_id
    assert page.card.values["name"].text() == "李娜"
    assert "张伟" in page.card.values["owners"].text()
    assert [o.name for o in page.card.data.owners] == ["李娜", "张伟"]


def test_enter_right_after_typing_takes_the_owner_typed(qtbot, page, database, advisor) -> None:
    dialog, other = _change_owner_dialog(page, database, advisor)
    qtbot.keyClicks(dialog.box, "13911112222")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)  # before the background answer arrived
    settle_operations()
    assert dialog.chosen == other.customer_id
    assert page.card.customer_id == other.customer_id


def test_the_card_lists_the_owners_other_vehicles_and_a_click_opens_one(
        qtbot, page, database, advisor) -> None:
    from tests.ui.reception.conftest import add_vehicle

    first = add_vehicle(database, advisor, plate="粤A20001", name="车队甲", phone="13911113333")
    with database.transaction() as session:
        from app.vehicles.service import VehicleData, create_vehicle

        second = create_vehicle(session, advisor, VehicleData(plate="粤A20002", brand="丰田",
                                                              model="汉兰达"),
                                owner_id=first.customer_id, mileage_km=5000).vehicle.id
    page.card.show_vehicle(first.vehicle_id, first.customer_id)
    settle_operations()
    fleet = page.card.values["vehicles"]
    assert "<b>粤A20001</b>" in fleet.text() and f'href="vehicle:{second}"' in fleet.text()
    assert "汉兰达" in fleet.text()
    fleet.linkActivated.emit(f"vehicle:{second}")
    settle_operations()
    assert page.card.vehicle_id == second and page.card.customer_id == first.customer_id
    assert page.card.title.text().startswith("粤A20002")
