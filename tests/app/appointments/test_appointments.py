"""Appointments: booking rules (capacity, past, opening hours, time zone), status changes with
optimistic locking, arrival opening the repair order, and the day/week views."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from app.appointments import service
from app.appointments.service import AppointmentData
from app.appointments.slots import CAPACITY_SETTING, capacity_per_hour, get_int
from app.clock import pinned
from app.errors import (
    ConflictError,
    DomainError,
    InvalidTransition,
    PermissionDenied,
    ValidationError,
)
from app.orders.checkin import CheckInData
from app.settings import set_value
from db.enums import AppointmentStatus, OrderStatus
from db.models import Appointment, AuditEntry, RepairOrder, ShopProfile, User
from tests import builders

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2025, 3, 10, 10, 0, tzinfo=SH)  # Monday 10:00 in Guangzhou
TOMORROW = date(2025, 3, 11)


@pytest.fixture(autouse=True)
def _fixed_clock():
    with pinned(NOW):
        yield


def at(hour: int, minute: int = 0, day: date = TOMORROW, zone=SH) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def _user_id(session, username: str) -> int:
    return session.scalar(select(User.id).where(User.username == username))


def _book(session, actor, starts_at, *, customer=None, vehicle_id=None, advisor_id=None,
          **fields) -> Appointment:
    customer = customer or builders.customer(session, actor)
    return service.book(session, actor, AppointmentData(
        customer_id=customer.id, vehicle_id=vehicle_id, advisor_id=advisor_id,
        starts_at=starts_at, **fields))


def test_a_nine_oclock_shanghai_booking_is_stored_as_one_oclock_utc(session, advisor) -> None:
    veh = builders.vehicle(session, advisor)
    appt = _book(session, advisor, at(9), customer=veh.owner, vehicle_id=veh.id,
                 advisor_id=advisor.user_id, requested_work="  做 5000 公里保养 ")
    session.commit()
    session.expire_all()
    stored = session.get(Appointment, appt.id)
    assert stored.starts_at == datetime(2025, 3, 11, 1, 0, tzinfo=UTC)
    assert stored.starts_at.tzinfo is not None and stored.starts_at.utcoffset() == timedelta(0)
    assert stored.ends_at - stored.starts_at == timedelta(minutes=60)
    assert stored.status == AppointmentStatus.BOOKED and stored.version == 1
    assert stored.requested_work == "做 5000 公里保养"
    view = service.day_view(session, advisor, TOMORROW)
    nine = next(s for s in view.slots if s.starts_at.hour == 9)
    assert [b.id for b in nine.bookings] == [appt.id]
    assert nine.bookings[0].starts_at.hour == 9  # shown in shop time
    assert session.scalar(select(AuditEntry.action).where(AuditEntry.entity == "appointment"))\
        == "appointment.book"


def test_capacity_per_advisor_and_hour(session, advisor, manager) -> None:
    set_value(session, CAPACITY_SETTING, 2)
    _book(session, advisor, at(9), advisor_id=advisor.user_id)
    _book(session, advisor, at(9, 40), advisor_id=advisor.user_id)  # same hourly slot
    with pytest.raises(ValidationError) as err:
        _book(session, advisor, at(9, 15), advisor_id=advisor.user_id)
    assert err.value.field == "starts_at"
    assert "09:00" in err.value.message("en")
    assert "预约时间" in err.value.message("zh_CN")
    assert "預約時間" in err.value.message("zh_TW")
    # another advisor, or the next hour, still has room
    _book(session, advisor, at(9), advisor_id=_user_id(session, "service_manager"))
    _book(session, advisor, at(10), advisor_id=advisor.user_id)
    assert capacity_per_hour(session) == 2


def test_a_cancelled_booking_frees_its_place(session, advisor) -> None:
    set_value(session, CAPACITY_SETTING, 1)
    first = _book(session, advisor, at(14), advisor_id=advisor.user_id)
    with pytest.raises(ValidationError):
        _book(session, advisor, at(14), advisor_id=advisor.user_id)
    service.cancel(session, advisor, first.id, reason="客户改期")
    assert first.cancel_reason == "客户改期"
    _book(session, advisor, at(14), advisor_id=advisor.user_id)


def test_unassigned_bookings_share_the_whole_desk(session, advisor) -> None:
    set_value(session, CAPACITY_SETTING, 1)
    # advisor, service_manager and admin may receive cars: the desk takes 3 an hour
    for _ in range(3):
        _book(session, advisor, at(11))
    with pytest.raises(ValidationError) as err:
        _book(session, advisor, at(11))
    assert err.value.field == "starts_at"
    with pytest.raises(ValidationError):  # the advisor's own place is gone too
        _book(session, advisor, at(11), advisor_id=advisor.user_id)
    assert service.day_view(session, advisor, TOMORROW).slots[3].capacity == 3


@pytest.mark.parametrize("starts_at", [
    NOW - timedelta(minutes=1),  # in the past
    at(7, 59),  # before opening
    at(18),  # the last slot starts at 17:00
    datetime(2025, 3, 11, 9, 0),  # naive: no time zone
])
def test_times_outside_the_book_are_refused(session, advisor, starts_at) -> None:
    with pytest.raises(ValidationError) as err:
        _book(session, advisor, starts_at)
    assert err.value.field == "starts_at"
    assert err.value.message("zh_CN") != err.value.message("en")


def test_the_last_slot_and_the_shop_time_zone(session, advisor) -> None:
    _book(session, advisor, at(17, 30))
    # Shop in Los Angeles: 17:00 local on the 11th is already the 12th in UTC.
    session.get(ShopProfile, 1).timezone = "America/Los_Angeles"
    la = ZoneInfo("America/Los_Angeles")
    late = _book(session, advisor, at(17, 0, zone=la))
    assert late.starts_at.astimezone(UTC).date() == date(2025, 3, 12)
    eleventh = service.day_view(session, advisor, TOMORROW)
    assert late.id in [b.id for b in eleventh.slots[-1].bookings]
    assert eleventh.slots[0].starts_at == at(8, zone=la)
    twelfth = service.day_view(session, advisor, date(2025, 3, 12))
    assert all(not s.bookings for s in twelfth.slots)
    # 09:00 in Shanghai is 18:00 the day before in Los Angeles: outside opening hours
    with pytest.raises(ValidationError):
        _book(session, advisor, at(9))


@pytest.mark.parametrize(("change", "field"), [
    ({"customer_id": 999999}, "customer_id"),
    ({"vehicle_id": 999999}, "vehicle_id"),
    ({"advisor_id": 999999}, "advisor_id"),
    ({"duration_minutes": 5}, "duration_minutes"),
    ({"direction": "sideways"}, "direction"),
])
def test_bad_booking_data_names_the_field(session, advisor, change, field) -> None:
    customer = builders.customer(session, advisor)
    data = {"customer_id": customer.id, "vehicle_id": None, "advisor_id": None,
            "starts_at": at(9), **change}
    with pytest.raises(ValidationError) as err:
        service.book(session, advisor, AppointmentData(**data))
    assert err.value.field == field
    assert err.value.message("zh_CN") != err.value.message("en")
    assert err.value.message("zh_TW") != err.value.message("en")


def test_a_technician_is_not_an_advisor_and_may_not_book(session, advisor,
                                                         technician_actor) -> None:
    with pytest.raises(ValidationError) as err:
        _book(session, advisor, at(9), advisor_id=_user_id(session, "technician"))
    assert err.value.field == "advisor_id"
    with pytest.raises(PermissionDenied):
        _book(session, technician_actor, at(9), customer=builders.customer(session, advisor))


def test_someone_else_may_bring_the_car_and_we_may_invite(session, advisor, actors) -> None:
    owner = builders.customer(session, advisor, name="车主王先生")
    veh = builders.vehicle(session, advisor, owner)
    driver = builders.customer(session, advisor, name="司机李师傅", phone="13900001111")
    care = actors["customer_care"]
    appt = _book(session, care, at(10), customer=driver, vehicle_id=veh.id,
                 direction="outbound", requested_work="首保邀约")
    assert appt.customer_id == driver.id and appt.direction == "outbound"
    # one expected booking per car and day
    with pytest.raises(ValidationError) as err:
        _book(session, advisor, at(15), customer=owner, vehicle_id=veh.id)
    assert err.value.field == "vehicle_id" and "10:00" in err.value.message("en")


def test_status_rules_and_stale_versions(session, advisor) -> None:
    appt = _book(session, advisor, at(9))
    seen = appt.version
    service.confirm(session, advisor, appt.id, expected_version=seen)
    assert appt.status == AppointmentStatus.CONFIRMED and appt.version == seen + 1
    with pytest.raises(ConflictError):  # the screen still shows the old version
        service.reschedule(session, advisor, appt.id, at(10), expected_version=seen)
    with pytest.raises(ConflictError):
        service.cancel(session, advisor, appt.id, reason="x", expected_version=seen)
    service.reschedule(session, advisor, appt.id, at(10), expected_version=appt.version)
    assert appt.starts_at == at(10) and appt.ends_at == at(11)
    with pytest.raises(InvalidTransition) as err:
        service.confirm(session, advisor, appt.id)  # already confirmed
    assert "已确认" in err.value.message("zh_CN")
    with pytest.raises(DomainError):  # not yet its time
        service.mark_no_show(session, advisor, appt.id)
    with pytest.raises(ValidationError) as no_reason:
        service.cancel(session, advisor, appt.id, reason="  ")
    assert no_reason.value.field == "reason"
    with pinned(at(11)):
        service.mark_no_show(session, advisor, appt.id, expected_version=appt.version)
    assert appt.status == AppointmentStatus.NO_SHOW
    for final_step in (lambda: service.confirm(session, advisor, appt.id),
                       lambda: service.cancel(session, advisor, appt.id, reason="x")):
        with pytest.raises(InvalidTransition):
            final_step()
    with pytest.raises(DomainError):
        service.reschedule(session, advisor, appt.id, at(12), expected_version=appt.version)


def test_a_concurrent_change_found_at_save_is_a_conflict(session, advisor) -> None:
    appt = _book(session, advisor, at(9))
    session.flush()
    # Another desk saved meanwhile: the row's version moved on behind this session's back.
    session.execute(update(Appointment).where(Appointment.id == appt.id)
                    .values(version=Appointment.version + 1)
                    .execution_options(synchronize_session=False))
    with pytest.raises(ConflictError):
        service.confirm(session, advisor, appt.id)


def test_arrival_opens_the_order_with_the_requested_work(session, advisor) -> None:
    owner = builders.customer(session, advisor, name="车主")
    veh = builders.vehicle(session, advisor, owner, mileage_km=20000)
    driver = builders.customer(session, advisor, name="送修人")
    appt = _book(session, advisor, at(9), customer=driver, vehicle_id=veh.id,
                 advisor_id=advisor.user_id, requested_work="更换前刹车片")
    with pinned(at(9, 5)):
        order = service.arrive(session, advisor, appt.id,
                               CheckInData(mileage_in=21000, customer_description=""),
                               expected_version=appt.version)
    assert isinstance(order, RepairOrder) and order.status == OrderStatus.OPEN
    assert order.customer_description == "更换前刹车片"
    assert order.customer_id == driver.id and order.vehicle_id == veh.id
    assert order.advisor_id == advisor.user_id and order.mileage_in == 21000
    assert appt.status == AppointmentStatus.ARRIVED and appt.repair_order_id == order.id
    with pytest.raises(InvalidTransition):
        service.arrive(session, advisor, appt.id, CheckInData(mileage_in=21000,
                                                              customer_description="x"))


def test_arrival_needs_a_vehicle_and_both_permissions(session, advisor, actors) -> None:
    appt = _book(session, advisor, at(9), requested_work="空调异味")
    data = CheckInData(mileage_in=25000, customer_description="空调有异味顺便做保养")
    with pytest.raises(ValidationError) as err:
        service.arrive(session, advisor, appt.id, data)
    assert err.value.field == "vehicle_id"
    with pytest.raises(PermissionDenied):  # customer care books but cannot check cars in
        service.arrive(session, actors["customer_care"], appt.id, data)
    assert appt.status == AppointmentStatus.BOOKED
    veh = builders.vehicle(session, advisor)
    order = service.arrive(session, advisor, appt.id, data, vehicle_id=veh.id)
    assert order.customer_description == "空调有异味顺便做保养"  # the advisor's words win
    assert appt.vehicle_id == veh.id


def test_day_and_week_views(session, advisor, foreman, technician_actor) -> None:
    set_value(session, CAPACITY_SETTING, 3)
    customer = builders.customer(session, advisor, phone="13812345678")
    mine = _book(session, advisor, at(9), customer=customer, advisor_id=advisor.user_id)
    other = _book(session, advisor, at(9), advisor_id=_user_id(session, "service_manager"))
    gone = _book(session, advisor, at(16), advisor_id=advisor.user_id)
    service.cancel(session, advisor, gone.id, reason="取消")
    thursday = _book(session, advisor, at(10, day=date(2025, 3, 13)),
                     advisor_id=advisor.user_id)

    day = service.day_view(session, advisor, TOMORROW)
    assert day.day == TOMORROW
    assert [s.starts_at.hour for s in day.slots] == list(range(8, 18))
    assert all(s.ends_at - s.starts_at == timedelta(hours=1) for s in day.slots)
    nine = day.slots[1]
    assert {b.id for b in nine.bookings} == {mine.id, other.id}
    assert nine.capacity == 9 and nine.taken == 2 and nine.free == 7
    assert not day.slots[8].bookings  # the cancelled 16:00 booking is not shown

    own = service.day_view(session, advisor, TOMORROW, advisor_id=advisor.user_id)
    assert [b.id for b in own.slots[1].bookings] == [mine.id] and own.slots[1].capacity == 3
    row = own.slots[1].bookings[0]
    assert row.phone == "+8613812345678" and row.customer == customer.name
    assert row.advisor == row.advisor_name == "Test advisor" and row.version == mine.version

    masked = service.day_view(session, foreman, TOMORROW).slots[1].bookings
    assert {b.phone for b in masked if b.id == mine.id} == {"138****5678"}
    with pytest.raises(PermissionDenied):
        service.day_view(session, technician_actor, TOMORROW)

    week = service.week_view(session, advisor, date(2025, 3, 10), advisor_id=advisor.user_id)
    assert [d.day for d in week] == [date(2025, 3, 10) + timedelta(days=i) for i in range(7)]
    assert [b.id for d in week for s in d.slots for b in s.bookings] == [mine.id, thursday.id]

    arrivals = service.todays_arrivals(session, advisor, TOMORROW)
    assert [r.id for r in arrivals] == [mine.id, other.id]


def test_integer_settings_fall_back_to_the_default(session) -> None:
    assert get_int(session, "no.such.key", 7) == 7
    set_value(session, CAPACITY_SETTING, "lots")
    assert capacity_per_hour(session) == 2
    set_value(session, CAPACITY_SETTING, " 4 ")
    assert capacity_per_hour(session) == 4
