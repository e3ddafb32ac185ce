"""The reception strip: today's due appointments, the advisor's cars in the workshop, cars
ready for pickup and customers waiting in the lounge."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.appointments import service as appointments
from app.appointments.service import AppointmentData
from app.clock import pinned
from app.errors import PermissionDenied
from app.orders import progress
from app.orders.queries import job_order_version, order_version
from app.reception.today import MINE, SHOP, today_strip
from app.security.actor import Actor
from db.enums import OrderStatus
from db.models import ShopProfile, User
from tests import builders
from tests.factories import make_completed_order

SH = ZoneInfo("Asia/Shanghai")
TODAY = date(2025, 3, 11)


def _book(session, actor, hour: int, *, day: date = TODAY, advisor_id=None):
    customer = builders.customer(session, actor)
    return appointments.book(session, actor, AppointmentData(
        customer_id=customer.id, vehicle_id=None, advisor_id=advisor_id,
        starts_at=datetime(day.year, day.month, day.day, hour, tzinfo=SH)))


def _in_progress(session, actor, foreman):
    order = builders.order_with_lines(session, actor)
    progress.submit_estimate(session, actor, order.id,
                             expected_version=order_version(session, order.id))
    progress.record_customer_signature(session, actor, order.id,
                                       expected_version=order_version(session, order.id))
    progress.dispatch_job(session, foreman, order.labour_lines[0].id,
                          technician_id=builders.technician(session).id,
                          expected_version=job_order_version(session, order.labour_lines[0].id))
    return order


def test_the_four_buckets(session, advisor, manager, foreman) -> None:
    manager_id = session.scalar(select(User.id).where(User.username == "service_manager"))
    with pinned(datetime(2025, 3, 11, 7, 30, tzinfo=SH)):  # 23:30 UTC the day before
        mine = _book(session, advisor, 9, advisor_id=advisor.user_id)
        nobodys = _book(session, advisor, 8)
        _book(session, advisor, 10, advisor_id=manager_id)  # another advisor's
        _book(session, advisor, 9, day=date(2025, 3, 12), advisor_id=advisor.user_id)
        gone = _book(session, advisor, 11, advisor_id=advisor.user_id)
        appointments.cancel(session, advisor, gone.id, reason="改天")
        confirmed = _book(session, advisor, 17, advisor_id=advisor.user_id)
        appointments.confirm(session, advisor, confirmed.id)

        working = _in_progress(session, advisor, foreman)
        theirs = _in_progress(session, manager, foreman)
        just_open = builders.checked_in_order(session, advisor)
        waiting = builders.checked_in_order(session, manager, customer_waiting=True)
        ready = make_completed_order(session, manager, plate="粤B66666")
        delivered_waiting = builders.checked_in_order(session, advisor, customer_waiting=True)
        delivered_waiting.status = OrderStatus.DELIVERED
        session.flush()

        strip = today_strip(session, advisor, TODAY)
        shop = today_strip(session, advisor, TODAY, SHOP)
        managers = today_strip(session, manager, TODAY)
    assert strip.scope == MINE  # an advisor's own day by default
    assert [a.id for a in strip.appointments_due] == [nobodys.id, mine.id, confirmed.id]
    assert strip.appointments_due[0].starts_at.hour == 8
    assert [o.id for o in strip.in_workshop] == [working.id]
    assert theirs.id not in [o.id for o in strip.in_workshop] and just_open.id not in [
        o.id for o in strip.in_workshop]
    assert [o.id for o in strip.ready_for_pickup] == [ready.id]
    assert strip.ready_for_pickup[0].total > 0 and strip.ready_for_pickup[0].plate == "粤B66666"
    assert [o.id for o in strip.waiting_in_lounge] == [waiting.id]
    assert strip.waiting_in_lounge[0].customer_waiting
    # the whole shop: every advisor's bookings and cars; the manager sees it by default
    assert shop.scope == SHOP and managers.scope == SHOP
    for whole in (shop, managers):
        assert len(whole.appointments_due) == 4
        assert {o.id for o in whole.in_workshop} == {working.id, theirs.id}
        assert [o.id for o in whole.ready_for_pickup] == [ready.id]


def test_the_day_is_the_shops_day(session, advisor) -> None:
    session.get(ShopProfile, 1).timezone = "America/Los_Angeles"
    la = ZoneInfo("America/Los_Angeles")
    with pinned(datetime(2025, 3, 11, 7, 0, tzinfo=la)):
        late = appointments.book(session, advisor, AppointmentData(
            customer_id=builders.customer(session, advisor).id, vehicle_id=None,
            advisor_id=advisor.user_id, starts_at=datetime(2025, 3, 11, 17, 30, tzinfo=la)))
        assert late.starts_at.astimezone(UTC).date() == date(2025, 3, 12)
        assert [a.id for a in today_strip(session, advisor, TODAY).appointments_due] == [
            late.id]
        assert today_strip(session, advisor, date(2025, 3, 12)).appointments_due == []


def test_the_strip_needs_orders_view(session) -> None:
    nobody = Actor(user_id=1, username="x", full_name="x", role="x", permissions=frozenset())
    with pytest.raises(PermissionDenied):
        today_strip(session, nobody, TODAY)
