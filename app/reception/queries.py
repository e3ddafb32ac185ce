"""Read models of the reception screen: service results turned into plain data for the widgets.

Each function takes ``(session, actor, ...)`` and calls app/ services only; nothing here
builds SQL, and nothing returned is bound to the session (``read_data`` closes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from app.customers.service import load_customer
from app.formatting import phone, quantity
from app.orders import status
from app.privacy import may_see_contact, shown_phone
from app.security.actor import Actor, require
from app.vehicles.history import vehicle_history
from app.vehicles.service import load_vehicle, vehicles_of
from db.enums import OrderStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class CustomerInfo:
    """A customer as the card and the customer form show it."""

    id: int
    version: int
    kind: str
    name: str
    phones: tuple[str, ...]  # as the actor may see them (masked unless allowed)
    tax_id: str
    address: str
    email: str
    consent_followup: bool
    consent_marketing: bool
    notes: str
    phones_masked: bool


@dataclass(frozen=True)
class VehicleInfo:
    """A vehicle as the card and the vehicle form show it."""

    id: int
    version: int
    plate: str
    vin: str
    brand: str
    model: str
    series: str
    model_year: int | None
    colour: str
    engine_no: str
    first_registration: date | None
    warranty_start: date | None
    mileage_km: int
    notes: str
    owner_id: int | None

    @property
    def title(self) -> str:
        """``粤B12345 · 丰田 凯美瑞``."""
        name = " ".join(x for x in (self.brand, self.model) if x)
        return f"{self.plate} · {name}" if name else self.plate


@dataclass(frozen=True)
class VisitRow:
    """One earlier (or current) visit of the vehicle."""

    order_id: int
    number: str
    status: str
    opened_at: datetime
    mileage_in: int
    complaint: str
    work: str
    parts: str
    total: Decimal
    comeback: bool


@dataclass(frozen=True)
class OwnerPeriod:
    """Who owned the vehicle and when."""

    name: str
    since: datetime
    until: datetime | None


@dataclass(frozen=True)
class OwnedVehicle:
    """One of the customer's vehicles, as the card lists them (a fleet has several)."""

    id: int
    plate: str
    name: str  # 丰田 凯美瑞


FLEET_SHOWN = 12  # vehicles listed on the card; a bigger fleet says how many more


@dataclass(frozen=True)
class CardData:
    """Everything the vehicle/customer card shows."""

    customer: CustomerInfo | None
    vehicle: VehicleInfo | None
    visits: tuple[VisitRow, ...] = ()
    owners: tuple[OwnerPeriod, ...] = ()
    fleet: tuple[OwnedVehicle, ...] = ()  # the customer's vehicles, the one shown included
    fleet_size: int = 0

    @property
    def open_order_ids(self) -> tuple[int, ...]:
        """Orders of this vehicle still in the shop, newest first."""
        return tuple(v.order_id for v in self.visits if OrderStatus(v.status) in status.OPEN)


def customer_info(session: Session, actor: Actor, customer_id: int) -> CustomerInfo:
    """One customer; phones masked unless the actor may see them."""
    require(actor, "customers.view")
    customer = load_customer(session, customer_id)
    see = may_see_contact(actor)
    shown = tuple(phone(shown_phone(actor, p.number)) for p in customer.phones)
    return CustomerInfo(
        id=customer.id, version=customer.version, kind=customer.kind, name=customer.name,
        phones=shown, tax_id=customer.tax_id, address=customer.address, email=customer.email,
        consent_followup=customer.consent_followup,
        consent_marketing=customer.consent_marketing, notes=customer.notes,
        phones_masked=not see)


def vehicle_info(session: Session, actor: Actor, vehicle_id: int) -> VehicleInfo:
    """One vehicle's registration data."""
    require(actor, "customers.view")
    v = load_vehicle(session, vehicle_id)
    return VehicleInfo(
        id=v.id, version=v.version, plate=v.plate, vin=v.vin or "", brand=v.brand,
        model=v.model, series=v.series, model_year=v.model_year, colour=v.colour,
        engine_no=v.engine_no, first_registration=v.first_registration,
        warranty_start=v.warranty_start, mileage_km=v.mileage_km, notes=v.notes,
        owner_id=v.owner_id)


def owned_vehicles(session: Session, customer_id: int) -> tuple[tuple[OwnedVehicle, ...], int]:
    """The customer's vehicles by plate (at most ``FLEET_SHOWN``) and how many there are."""
    rows, total = vehicles_of(session, customer_id, limit=FLEET_SHOWN)
    return tuple(OwnedVehicle(v.id, v.plate, " ".join(x for x in (v.brand, v.model) if x))
                 for v in rows), total


def card_data(session: Session, actor: Actor, *, vehicle_id: int | None = None,
              customer_id: int | None = None) -> CardData:
    """The card of a vehicle (with its owner, the owner's other vehicles and its history)
    or of a customer (with their vehicles)."""
    if vehicle_id is None:
        if customer_id is None:
            return CardData(None, None)
        fleet, size = owned_vehicles(session, customer_id)
        return CardData(customer_info(session, actor, customer_id), None, fleet=fleet,
                        fleet_size=size)
    history = vehicle_history(session, actor, vehicle_id)
    vehicle = vehicle_info(session, actor, vehicle_id)
    owner_id = customer_id if customer_id is not None else vehicle.owner_id
    customer = customer_info(session, actor, owner_id) if owner_id is not None else None
    visits = tuple(
        VisitRow(order_id=v.order_id, number=v.number, status=v.status, opened_at=v.opened_at,
                 mileage_in=v.mileage_in, complaint=v.complaint, work="；".join(v.jobs),
                 parts="；".join(f"{desc or no} ×{quantity(qty)}" for no, desc, qty in v.parts),
                 total=v.total, comeback=v.comeback_of_id is not None)
        for v in history.visits)
    owners = tuple(OwnerPeriod(o.customer.name, o.since, o.until)
                   for o in sorted(history.ownerships, key=lambda o: o.since, reverse=True))
    fleet, size = owned_vehicles(session, owner_id) if owner_id is not None else ((), 0)
    return CardData(customer, vehicle, visits, owners, fleet, size)


@dataclass(frozen=True)
class CustomerForm:
    """A customer's stored values for the edit form.

    ``info.phones`` is what the form shows (masked without ``customers.view_contact``, then
    read-only); ``stored_phones`` is what is saved back when the phones were not editable.
    """

    info: CustomerInfo
    stored_phones: tuple[str, ...]


def customer_form(session: Session, actor: Actor, customer_id: int) -> CustomerForm:
    """The values to fill the customer form with."""
    require(actor, "customers.edit")
    info = customer_info(session, actor, customer_id)
    stored = tuple(p.number for p in load_customer(session, customer_id).phones)
    return CustomerForm(info, stored)
