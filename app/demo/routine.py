"""The store's routine around the visits: registering customers and vehicles, bookings, the
daily till, the opening stock and the weekly parts order."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from app.appointments.service import AppointmentData, book, cancel, confirm, mark_no_show
from app.cashier.till import close_till, open_till
from app.customers.service import create_customer
from app.demo import calendar
from app.demo.calendar import later, local
from app.demo.plan import BookingPlan, CustomerPlan, VehiclePlan
from app.demo.world import Step, World
from app.errors import ValidationError
from app.vehicles.service import create_vehicle
from db.enums import AppointmentDirection, RoleCode

TERMINAL = "收银台1"
OPENING_FLOAT = Decimal("1000.00")


# --- registration --------------------------------------------------------------------------

def register_customer(world: World, customer: CustomerPlan) -> Step:
    """The advisor registers a customer (first visit, or from the sales department)."""
    assert customer.created_at is not None
    yield customer.created_at
    created = create_customer(world.session, world.actor(RoleCode.ADVISOR), customer.data)
    customer.id = created.id


def register_vehicle(world: World, vehicle: VehiclePlan) -> Step:
    """The advisor registers a vehicle for its owner."""
    assert vehicle.created_at is not None
    yield vehicle.created_at
    assert vehicle.owner.id is not None
    km = vehicle.mileage(local(vehicle.created_at).date())
    saved = create_vehicle(world.session, world.actor(RoleCode.ADVISOR), vehicle.data,
                           owner_id=vehicle.owner.id, mileage_km=km)
    vehicle.id = saved.vehicle.id


# --- appointments --------------------------------------------------------------------------

def booking(world: World, plan: BookingPlan) -> Step:
    """An appointment booked ahead (an invitation by customer care, or the customer's call to
    the advisor), perhaps confirmed the day before; then missed, cancelled, or kept (the
    visit checks the car in through it)."""
    yield plan.booked_at
    vehicle = plan.vehicle
    assert vehicle.id is not None and vehicle.owner.id is not None
    outbound = plan.direction == AppointmentDirection.OUTBOUND
    actor = world.actor(RoleCode.CUSTOMER_CARE if outbound else RoleCode.ADVISOR)
    data = AppointmentData(customer_id=vehicle.owner.id, vehicle_id=vehicle.id,
                           advisor_id=world.actor(RoleCode.ADVISOR).user_id,
                           starts_at=plan.starts_at, direction=plan.direction,
                           requested_work=plan.requested_work, notes=plan.notes)
    try:
        plan.id = book(world.session, actor, data).id
    except ValidationError:
        return  # the slot filled up meanwhile: the customer comes in without a booking
    if plan.confirm_at is not None:
        yield plan.confirm_at
        confirm(world.session, world.actor(RoleCode.CUSTOMER_CARE), plan.id)
    if plan.outcome == "no_show":
        yield later(plan.starts_at, 120)
        mark_no_show(world.session, world.actor(RoleCode.CUSTOMER_CARE), plan.id)
    elif plan.outcome == "cancel":
        yield later(max(plan.booked_at, plan.confirm_at or plan.booked_at), 60)
        cancel(world.session, world.actor(RoleCode.CUSTOMER_CARE), plan.id,
               reason="客户临时有事，改天再约")


# --- the till and the parts store ----------------------------------------------------------

def till_days(world: World, variance: random.Random) -> Step:
    """The cashier opens the drawer every morning and closes it every evening."""
    day = world.plan.start
    while day <= world.plan.today:
        if not calendar.is_closed(day):
            yield calendar.at(day, 8 * 60 + 15)
            till = open_till(world.session, world.actor(RoleCode.CASHIER), terminal=TERMINAL,
                             opening_float=OPENING_FLOAT)
            world.till_id, world.till_cash = till.id, Decimal("0.00")
            yield calendar.at(day, 18 * 60 + 20)
            counted = OPENING_FLOAT + world.till_cash
            if variance.random() < 0.03:
                counted -= Decimal("0.50")  # a coin short: the close records the variance
            close_till(world.session, world.actor(RoleCode.CASHIER), world.till_id,
                       counted_cash=counted)
            world.till_id = None
        day += timedelta(days=1)


def initial_stock(world: World) -> Step:
    """The opening stock, delivered the week before the history starts."""
    yield calendar.at(world.plan.start - timedelta(days=3), 10 * 60)
    reference = f"PO{(world.plan.start - timedelta(days=10)):%Y%m%d}01"
    for part in world.parts.values():
        world.top_up(part, Decimal(0), reference)


def weekly_orders(world: World) -> Step:
    """Every Tuesday the stock order arrives: parts at or below minimum go back to maximum."""
    day = world.plan.start
    while day <= world.plan.today:
        if day.weekday() == 1 and not calendar.is_closed(day):
            yield calendar.at(day, 10 * 60 + 30)
            reference = f"PO{day:%Y%m%d}01"
            for part in world.parts.values():
                if part.available <= part.min_qty:
                    world.top_up(part, Decimal(0), reference)
        day += timedelta(days=1)


