"""Fixtures of the reception screen tests: a page for the test advisor and vehicles to find."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.clock import pinned
from app.customers.service import CustomerData, create_customer
from app.orders.checkin import CheckInData, open_order
from app.security.actor import Actor
from app.validation.vin import vin_check_digit
from app.vehicles.service import VehicleData, create_vehicle
from db.engine import Database
from tests.ui.conftest import settle_operations
from ui.reception.page import ReceptionPage


def valid_vin(body: str = "LVSHCAMB0CE123456") -> str:
    """``body`` with its 9th character replaced by the right check digit."""
    return body[:8] + vin_check_digit(body) + body[9:]


@dataclass(frozen=True)
class Known:
    """A customer with one vehicle, as stored."""

    customer_id: int
    vehicle_id: int
    plate: str


def add_vehicle(database: Database, actor: Actor, *, plate: str = "粤B12345",
                name: str = "张伟", phone: str = "13812345678", vin: str = "",
                mileage: int = 10_000) -> Known:
    """Register a customer and their vehicle through the services."""
    with database.transaction() as session:
        customer = create_customer(session, actor, CustomerData(name=name, phones=[phone]))
        saved = create_vehicle(session, actor, VehicleData(plate=plate, vin=vin, brand="丰田",
                                                           model="凯美瑞"),
                               owner_id=customer.id, mileage_km=mileage)
        return Known(customer.id, saved.vehicle.id, saved.vehicle.plate)


@pytest.fixture
def page(qtbot, database: Database, advisor: Actor) -> ReceptionPage:
    """The reception screen of the test advisor, shown at 1366×768."""
    widget = ReceptionPage(database, advisor, "en")
    qtbot.addWidget(widget)
    widget.resize(1156, 690)
    widget.show()
    qtbot.waitExposed(widget)
    settle_operations()  # the first reads of the screen have answered
    return widget


MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Monday


@pytest.fixture
def morning() -> Iterator[datetime]:
    """The shop's clock pinned to Monday 09:00 (Asia/Shanghai)."""
    with pinned(MORNING):
        yield MORNING


def open_order_for(database: Database, actor: Actor, vehicle_id: int,
                   complaint: str = "保养") -> tuple[int, str]:
    """Check a vehicle in through the service; (order id, number)."""
    with database.transaction() as session:
        order = open_order(session, actor, vehicle_id,
                           CheckInData(mileage_in=20_000, customer_description=complaint))
        return order.id, order.number
