"""Builders of customers, vehicles and repair orders through the real services."""

from __future__ import annotations

import itertools
from decimal import Decimal

from app.customers.service import CustomerData, create_customer
from app.orders.checkin import CheckInData, open_order
from app.orders.lines import add_charge_line, add_labour_line
from app.security.actor import Actor
from app.vehicles.service import VehicleData, create_vehicle
from db.models import Customer, RepairOrder, Technician, Vehicle

_plates = itertools.count(10000)
# A VIN with a correct ISO 3779 check digit (position 9 = 'X' computed for this body).
VALID_VIN = "LVGBE40K58G123456"


def customer(session, actor: Actor, name: str = "陈晓明", phone: str = "13812345678",
             **fields) -> Customer:
    return create_customer(session, actor, CustomerData(name=name, phones=[phone], **fields))


def vehicle(session, actor: Actor, owner: Customer | None = None, *, plate: str | None = None,
            vin: str = "", mileage_km: int = 20000, **fields) -> Vehicle:
    owner = owner or customer(session, actor)
    plate = plate or f"粤B{next(_plates):05d}"
    return create_vehicle(session, actor, VehicleData(plate=plate, vin=vin, brand="丰田",
                                                      model="卡罗拉", **fields),
                          owner_id=owner.id, mileage_km=mileage_km).vehicle


def checked_in_order(session, actor: Actor, veh: Vehicle | None = None,
                     mileage: int | None = None, **fields) -> RepairOrder:
    veh = veh or vehicle(session, actor)
    data = CheckInData(mileage_in=mileage if mileage is not None else veh.mileage_km + 5000,
                       fuel_level=fields.pop("fuel_level", 4),
                       customer_description=fields.pop("customer_description",
                                                       "做保养，刹车有异响"),
                       **fields)
    return open_order(session, actor, veh.id, data)


def order_with_lines(session, actor: Actor) -> RepairOrder:
    """An open order with two jobs and a charge (no parts)."""
    order = checked_in_order(session, actor)
    add_labour_line(session, actor, order.id, description="常规保养", hours="1.50",
                    operation_code="MNT-10K")
    add_labour_line(session, actor, order.id, description="更换前刹车片", hours="0.80",
                    hourly_rate="200.00")
    add_charge_line(session, actor, order.id, description="环保处理费", amount="15.00")
    return order


def technician(session) -> Technician:
    from sqlalchemy import select

    return session.scalars(select(Technician).order_by(Technician.code)).first()


ZERO = Decimal("0.00")
