"""Search inputs drawn from the data: full plates, and the fragments people type.

Vehicles are drawn by random id between the smallest and largest (an index lookup, no scan of
a million rows), deterministically from the seed. A fragment is 3–6 characters from a random
place of a plate (after its province character), a VIN, the owner's mobile number or the
owner's name — what a receptionist types before the hit list is good enough.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Customer, CustomerPhone, Vehicle

_ROUNDS = 20


@dataclass(frozen=True)
class SampledVehicle:
    plate: str
    vin: str
    owner_name: str
    phone: str  # E.164 or ""


def sample_vehicles(session: Session, count: int, rng: random.Random) -> list[SampledVehicle]:
    """``count`` vehicles (with repeats only when the table has fewer), with their owners."""
    low, high = session.execute(select(func.min(Vehicle.id), func.max(Vehicle.id))).one()
    if low is None:
        return []
    rows: dict[int, tuple[str, str | None, int | None]] = {}
    for _ in range(_ROUNDS):
        wanted = count - len(rows)
        if wanted <= 0:
            break
        ids = {rng.randint(low, high) for _ in range(wanted * 2)} - rows.keys()
        for vid, plate, vin, owner in session.execute(
                select(Vehicle.id, Vehicle.plate, Vehicle.vin, Vehicle.owner_id)
                .where(Vehicle.id.in_(sorted(ids)))):
            if len(rows) < count:
                rows[vid] = (plate, vin, owner)
    owners = {owner for _, _, owner in rows.values() if owner is not None}
    names: dict[int, str] = {}
    if owners:
        names = {cid: name for cid, name in session.execute(
            select(Customer.id, Customer.name).where(Customer.id.in_(owners)))}
    phones: dict[int, str] = {}
    if owners:
        for customer_id, number in session.execute(
                select(CustomerPhone.customer_id, CustomerPhone.number)
                .where(CustomerPhone.customer_id.in_(owners))
                .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)):
            phones.setdefault(customer_id, number)
    found = [SampledVehicle(plate, vin or "", names.get(owner, "") if owner else "",
                            phones.get(owner, "") if owner else "")
             for _vid, (plate, vin, owner) in sorted(rows.items())]
    rng.shuffle(found)
    while found and len(found) < count:
        found.append(found[len(found) % len(found)])
    return found[:count]


def _piece(text: str, rng: random.Random) -> str:
    if len(text) <= 3:
        return text
    length = rng.randint(3, min(6, len(text)))
    start = rng.randint(0, len(text) - length)
    return text[start:start + length]


def fragment(vehicle: SampledVehicle, rng: random.Random) -> str:
    """A 3–6 character fragment of the plate, VIN, phone or owner's name."""
    sources = [vehicle.plate[1:]]
    if len(vehicle.vin) >= 3:
        sources.append(vehicle.vin)
    national = vehicle.phone.removeprefix("+86")
    if len(national) >= 3 and national.isdigit():
        sources.append(national)
    if len(vehicle.owner_name) >= 3:
        sources.append(vehicle.owner_name)
    usable = [s for s in sources if len(s) >= 3] or [vehicle.plate]
    return _piece(rng.choice(usable), rng)
