"""The appointment book's read side: the advisors to choose from, one booking as a row."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from app.appointments.service import AppointmentData, book, reschedule
from app.appointments.views import appointment_row, service_advisors
from app.clock import pinned
from app.errors import NotFound, PermissionDenied, ValidationError
from db.models import Role, User
from tests import builders

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _ids(session, *usernames: str) -> dict[str, int]:
    return {name: user_id for name, user_id in session.execute(
        select(User.username, User.id).where(User.username.in_(usernames)))}


def test_the_advisors_are_the_active_users_who_receive_cars(session, advisor, actors) -> None:
    receiving = set(session.scalars(
        select(User.username).join(Role).where(Role.permissions.any(code="orders.edit"))))
    assert "advisor" in receiving and "technician" not in receiving
    names = service_advisors(session, advisor)
    assert set(names) == set(_ids(session, *receiving).values())
    assert names[advisor.user_id] == "Test advisor"
    assert list(names.values()) == sorted(names.values())

    session.execute(update(User).where(User.username == "advisor").values(active=False))
    assert advisor.user_id not in service_advisors(session, actors["cashier"])
    with pytest.raises(ValidationError):  # and may no longer be booked for
        book(session, actors["service_manager"], AppointmentData(
            customer_id=builders.customer(session, actors["service_manager"]).id,
            vehicle_id=None, advisor_id=advisor.user_id,
            starts_at=datetime(2026, 3, 3, 10, 0, tzinfo=SHANGHAI)))


def test_one_booking_as_a_row_follows_its_changes(session, advisor, actors) -> None:
    owner = builders.customer(session, advisor, name="张伟")
    vehicle = builders.vehicle(session, advisor, owner, plate="粤B12345")
    with pinned(datetime(2026, 3, 2, 1, 0, tzinfo=ZoneInfo("UTC"))):
        booked = book(session, advisor, AppointmentData(
            customer_id=owner.id, vehicle_id=vehicle.id, advisor_id=advisor.user_id,
            starts_at=datetime(2026, 3, 2, 11, 0, tzinfo=SHANGHAI)))
        row = appointment_row(session, advisor, booked.id)
        assert (row.customer, row.plate, row.starts_at.hour, row.version) == (
            "张伟", "粤B12345", 11, booked.version)
        reschedule(session, advisor, booked.id, datetime(2026, 3, 2, 15, 0, tzinfo=SHANGHAI),
                   expected_version=row.version)
        moved = appointment_row(session, advisor, booked.id)
    assert moved.starts_at.hour == 15 and moved.version > row.version
    with pytest.raises(NotFound):
        appointment_row(session, advisor, booked.id + 999)


def test_reading_the_advisors_needs_the_customer_permission(session, advisor) -> None:
    without = dataclasses.replace(advisor, permissions=advisor.permissions - {"customers.view"})
    with pytest.raises(PermissionDenied):
        service_advisors(session, without)
