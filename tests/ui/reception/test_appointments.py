"""Appointments: book a slot, see it in the day and week views, confirm, arrive → check-in."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.appointments.service import (
    AppointmentData,
    book,
    load_appointment,
    reschedule,
    todays_arrivals,
)
from app.orders.queries import load_order
from tests.ui.conftest import gone, settle_operations
from tests.ui.reception.conftest import MORNING, add_vehicle
from ui.operations import read_data
from ui.reception.appointment_dialog import AppointmentDialog, MoveAppointmentDialog, show_time
from ui.reception.checkin_dialog import CheckInDialog
from ui.reception.page import BOOK_TAB, ORDER_TAB


def booking_rows(page) -> list:
    return [line.booking for line in page.book_view.day_model.rows if line.booking]


def test_book_a_slot_see_it_in_the_day_view_and_arrive_into_a_new_order(
        morning, qtbot, page, database, advisor) -> None:
    known = add_vehicle(database, advisor, mileage=30_000)
    page.card.show_vehicle(known.vehicle_id, known.customer_id)
    settle_operations()
    page.book()
    settle_operations()
    dialog = page.dialog
    assert isinstance(dialog, AppointmentDialog)
    assert dialog.customer_label.text().startswith("张伟")
    assert dialog.vehicle_label.text() == "粤B12345"
    dialog.set_start(MORNING + timedelta(hours=2))  # 11:00
    dialog.requested.setPlainText("30000公里保养")
    dialog.save_button.click()
    settle_operations()
    assert gone(dialog)

    page.show_book()
    settle_operations()
    assert page.tabs.currentIndex() == BOOK_TAB
    [row] = booking_rows(page)
    assert (row.plate, row.customer, row.status, row.requested_work) == (
        "粤B12345", "张伟", "booked", "30000公里保养")
    line = next(i for i, x in enumerate(page.book_view.day_model.rows) if x.booking)
    assert page.book_view.day_model.rows[line].starts_at.hour == 11
    assert page.book_view.day_model.data(page.book_view.day_model.index(line, 1)) \
        == "1 of 2 free"
    qtbot.waitUntil(lambda: page.today.count("appointments_due") == 1)  # refreshed by signal
    assert page.book_view.arrivals_model.rowCount() == 1

    page.book_view.day_table.selectRow(line)
    page.book_view.confirm_selected()
    settle_operations()
    assert booking_rows(page)[0].status == "confirmed"

    page.book_view.day_table.selectRow(line)
    page.book_view.arrive_selected()
    settle_operations()
    check_in = page.dialog
    assert isinstance(check_in, CheckInDialog)
    assert check_in.description.toPlainText() == "30000公里保养"  # from the booking
    assert "Booked for 11:00" in check_in.header.text()
    qtbot.keyClicks(check_in.mileage, "30500")
    check_in.save_button.click()
    settle_operations()
    assert gone(check_in)

    order_id = page.orders.order_id
    assert order_id is not None and page.tabs.currentIndex() == ORDER_TAB

    def stored(session) -> tuple:
        booking = load_appointment(session, row.id)
        order = load_order(session, order_id)
        return booking.status, booking.repair_order_id, order.mileage_in, \
            order.customer_description
    assert read_data(database, stored) == ("arrived", order_id, 30500, "30000公里保养")
    page.refresh()
    settle_operations()
    assert page.today.count("appointments_due") == 0


def test_f4_on_a_booked_vehicle_checks_in_its_booking(
        morning, qtbot, page, database, advisor) -> None:
    known = add_vehicle(database, advisor)
    with database.transaction() as session:
        appointment_id = book(session, advisor, AppointmentData(
            customer_id=known.customer_id, vehicle_id=known.vehicle_id,
            advisor_id=advisor.user_id, starts_at=MORNING + timedelta(minutes=30),
            requested_work="换机油")).id
    page.refresh()
    settle_operations()
    page.today._fill_menu("appointments_due")
    [action] = page.today.menus["appointments_due"].actions()
    action.trigger()  # chosen in the today strip
    assert page.card.vehicle_id == known.vehicle_id
    assert "Press F4" in page.card.note.text()
    page.check_in()
    settle_operations()
    dialog = page.dialog
    assert dialog.appointment is not None and dialog.appointment.id == appointment_id
    qtbot.keyClicks(dialog.mileage, "10500")
    dialog.save_button.click()
    settle_operations()
    assert read_data(database, lambda s: load_appointment(s, appointment_id).status) \
        == "arrived"


def test_a_full_slot_is_refused_at_the_time_field(morning, qtbot, page, database, advisor) -> None:
    first = add_vehicle(database, advisor, plate="粤B00001", phone="13800000001")
    second = add_vehicle(database, advisor, plate="粤B00002", phone="13800000002")
    at = MORNING + timedelta(hours=5)
    with database.transaction() as session:
        for vehicle in (first, second):
            book(session, advisor, AppointmentData(
                customer_id=vehicle.customer_id, vehicle_id=vehicle.vehicle_id,
                advisor_id=advisor.user_id, starts_at=at))
    third = add_vehicle(database, advisor, plate="粤B00003", phone="13800000003")
    page.card.show_vehicle(third.vehicle_id, third.customer_id)
    settle_operations()
    page.book(at, "outbound")
    settle_operations()
    dialog = page.dialog
    assert dialog.windowTitle() == "Invite a customer"
    assert dialog.direction.currentData() == "outbound"
    dialog.save_button.click()
    settle_operations()
    assert dialog.isVisible()
    assert "slot is full" in dialog.fields["starts_at"].error()


def test_cancel_needs_a_reason_and_the_week_view_counts_places(
        morning, qtbot, page, database, advisor, monkeypatch) -> None:
    known = add_vehicle(database, advisor)
    at = datetime(2026, 3, 4, 15, 0, tzinfo=MORNING.tzinfo)  # Wednesday 15:00
    with database.transaction() as session:
        book(session, advisor, AppointmentData(customer_id=known.customer_id,
                                               vehicle_id=known.vehicle_id,
                                               advisor_id=advisor.user_id, starts_at=at))
    book_view = page.book_view
    book_view.show_mode("week")
    settle_operations()
    model = book_view.week_model
    assert model.columnCount() == 7 and model.rowCount() == 10
    assert model.data(model.index(7, 2)).startswith("1/")  # Wed, 15:00
    assert model.data(model.index(7, 1)).startswith("0/")
    book_view._week_activated(model.index(7, 2))  # opens that day
    settle_operations()
    assert book_view.mode == "day" and book_view.day.isoformat() == "2026-03-04"
    monkeypatch.setattr(book_view, "ask_cancel_reason", lambda booking: "客户出差")
    line = next(i for i, x in enumerate(book_view.day_model.rows) if x.booking)
    book_view.day_table.selectRow(line)
    assert book_view.actions["cancel"].isEnabled()
    book_view.cancel_selected()
    settle_operations()
    assert booking_rows(page) == []  # cancelled bookings leave the book


def _booked(database, advisor, known, at: datetime) -> int:
    with database.transaction() as session:
        return book(session, advisor, AppointmentData(
            customer_id=known.customer_id, vehicle_id=known.vehicle_id,
            advisor_id=advisor.user_id, starts_at=at)).id


def test_move_a_booking_to_another_hour(morning, qtbot, page, database, advisor) -> None:
    known = add_vehicle(database, advisor)
    appointment_id = _booked(database, advisor, known, MORNING + timedelta(hours=2))  # 11:00
    page.show_book()
    settle_operations()
    book_view = page.book_view
    line = next(i for i, x in enumerate(book_view.day_model.rows) if x.booking)
    book_view.day_table.selectRow(line)
    assert book_view.actions["move"].isEnabled()
    book_view.actions["move"].click()
    dialog = page.dialog
    assert isinstance(dialog, MoveAppointmentDialog)
    assert dialog.summary.text() == "张伟 · 粤B12345: booked for 2026-03-02 11:00"
    assert dialog.starts_at() == MORNING + timedelta(hours=2)
    show_time(dialog.starts, MORNING + timedelta(hours=6), dialog.ctx.zone)  # 15:00
    dialog.save_button.click()
    settle_operations()
    assert gone(dialog)
    with database.reading() as session:
        moved = load_appointment(session, appointment_id)
        assert moved.starts_at == MORNING + timedelta(hours=6)
        assert moved.ends_at - moved.starts_at == timedelta(hours=1)  # same length
    [row] = booking_rows(page)  # the book shows it at its new hour
    assert row.starts_at.hour == 15


def test_moving_into_the_past_is_refused_at_the_time_field(morning, qtbot, page, database,
                                                           advisor) -> None:
    known = add_vehicle(database, advisor)
    appointment_id = _booked(database, advisor, known, MORNING + timedelta(hours=2))
    [row] = read_data(database, lambda s: todays_arrivals(s, advisor, MORNING.date()))
    page.move_booking(row)
    dialog = page.dialog
    show_time(dialog.starts, MORNING - timedelta(hours=1), dialog.ctx.zone)  # 08:00, gone
    dialog.save_button.click()
    settle_operations()
    assert dialog.isVisible()
    assert "already passed" in dialog.fields["starts_at"].error()
    with database.reading() as session:  # nothing was written
        assert load_appointment(session, appointment_id).starts_at == row.starts_at


def test_a_booking_moved_meanwhile_is_a_conflict_with_reload(morning, qtbot, page, database,
                                                             advisor, monkeypatch) -> None:
    known = add_vehicle(database, advisor)
    appointment_id = _booked(database, advisor, known, MORNING + timedelta(hours=2))
    [row] = read_data(database, lambda s: todays_arrivals(s, advisor, MORNING.date()))
    page.move_booking(row)
    dialog = page.dialog
    with database.transaction() as session:  # another desk moves it to 14:00 first
        reschedule(session, advisor, appointment_id, MORNING + timedelta(hours=5),
                   expected_version=row.version)
    monkeypatch.setattr(dialog, "ask_reload", lambda: True)
    show_time(dialog.starts, MORNING + timedelta(hours=6), dialog.ctx.zone)
    dialog.save_button.click()
    settle_operations()
    assert dialog.isVisible()  # refused, not overwritten
    assert dialog.summary.text().endswith("booked for 2026-03-02 14:00")  # reloaded
    with database.reading() as session:
        assert load_appointment(session, appointment_id).starts_at \
            == MORNING + timedelta(hours=5)
    dialog.save_button.click()  # now with the current version: moved to 14:00 as shown
    settle_operations()
    assert gone(dialog)


def test_the_advisor_filter_lists_every_advisor_before_any_booking(qtbot, page) -> None:
    box = page.book_view.advisor_box
    names = [box.itemText(i) for i in range(box.count())]
    assert names[:2] == ["All advisors", "My bookings"]
    assert "Test service_manager" in names  # receives cars too, and has no booking yet
    assert "Test technician" not in names
