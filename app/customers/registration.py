"""Registering a new customer together with their vehicle: one action at the front desk."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.customers.service import CustomerData, create_customer
from app.security.actor import Actor
from app.vehicles.service import VehicleData, check_mileage_value, create_vehicle


@dataclass(frozen=True)
class Registered:
    """What was saved: the customer, the vehicle (None when none was entered), VIN warnings."""

    customer_id: int
    vehicle_id: int | None
    warnings: tuple[str, ...]


def register_customer(session: Session, actor: Actor, customer: CustomerData,
                      vehicle: VehicleData | None = None, *,
                      mileage_km: object = 0) -> Registered:
    """Create the customer and, when given, their vehicle — both or neither.

    ``mileage_km`` is the odometer as typed (checked like every mileage). The permissions are
    those of the two steps (``customers.edit``).
    """
    created = create_customer(session, actor, customer)
    if vehicle is None:
        return Registered(created.id, None, ())
    saved = create_vehicle(session, actor, vehicle, owner_id=created.id,
                           mileage_km=check_mileage_value(mileage_km))
    return Registered(created.id, saved.vehicle.id, saved.warnings)
