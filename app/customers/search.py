"""Find vehicles and customers by plate, VIN (full, prefix or last digits), phone or name.

Exact and prefix look-ups use ordinary b-tree indexes through range conditions
(``col >= 'ABC' AND col < 'ABD'``), which work the same on SQLite and PostgreSQL whatever the
collation. VIN and phone *suffixes* are prefixes of the indexed reversed columns. Name and
plate fragments fall back to an escaped ``LIKE '%…%'``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from app.security.actor import Actor, require
from app.validation.phones import mask_phone
from app.validation.plates import plate_search_key
from app.validation.text import escape_like, normalise_text
from db.models import Customer, CustomerPhone, RepairOrder, Vehicle

_VIN_CHARS = re.compile(r"^[A-HJ-NPR-Z0-9]+$")
_ORDER_OPEN = ("draft", "open", "estimated", "approved", "in_progress", "waiting", "qc",
               "completed", "invoiced")


@dataclass(frozen=True)
class SearchHit:
    """One vehicle (with its owner) or a customer without vehicles."""

    vehicle_id: int | None
    customer_id: int | None
    plate: str
    vin: str
    vehicle: str
    owner: str
    phone: str  # masked unless the actor may see contact details
    last_visit: datetime | None
    open_orders: int


def prefix_range(column: ColumnElement[str], prefix: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, as an index-friendly range condition."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


def search(session: Session, actor: Actor, text: str, *, limit: int = 20) -> list[SearchHit]:
    """As-you-type search; returns at most ``limit`` hits, best matches first."""
    require(actor, "customers.view")
    query = normalise_text(text)
    if len(query) < 2:
        return []
    key = plate_search_key(query)
    digits = re.sub(r"\D", "", query)
    vehicle_conds: list[ColumnElement[bool]] = []
    customer_conds: list[ColumnElement[bool]] = []
    if key:
        vehicle_conds.append(prefix_range(Vehicle.plate, key))
        if len(key) >= 3:
            vehicle_conds.append(Vehicle.plate.like(f"%{escape_like(key)}%", escape="\\"))
        if _VIN_CHARS.match(key) and len(key) >= 3:
            vehicle_conds.append(prefix_range(Vehicle.vin, key))
            vehicle_conds.append(prefix_range(Vehicle.vin_reversed, key[::-1]))
    if len(digits) >= 4 and len(digits) == len(query.replace(" ", "").replace("-", "")
                                                .lstrip("+")):
        phone_ids = select(CustomerPhone.customer_id).where(
            prefix_range(CustomerPhone.digits_reversed, digits[::-1]))
        customer_conds.append(Customer.id.in_(phone_ids))
    customer_conds.append(Customer.name.like(f"%{escape_like(query)}%", escape="\\"))

    owner_match = select(Customer.id).where(or_(*customer_conds))
    stmt = (select(Vehicle, Customer)
            .outerjoin(Customer, Customer.id == Vehicle.owner_id)
            .where(or_(*vehicle_conds, Vehicle.owner_id.in_(owner_match)))
            .order_by(Vehicle.plate).limit(limit))
    rows = session.execute(stmt).all()
    hits = [_hit(session, actor, vehicle, owner) for vehicle, owner in rows]
    if len(hits) < limit:
        seen = {h.customer_id for h in hits}
        lonely = session.scalars(
            select(Customer).where(or_(*customer_conds))
            .where(~Customer.id.in_(select(Vehicle.owner_id).where(Vehicle.owner_id.isnot(None))))
            .order_by(Customer.name).limit(limit - len(hits))).all()
        hits += [_hit(session, actor, None, c) for c in lonely if c.id not in seen]
    return hits


def _hit(session: Session, actor: Actor, vehicle: Vehicle | None,
         owner: Customer | None) -> SearchHit:
    phone = ""
    if owner is not None:
        number = session.scalar(select(CustomerPhone.number)
                                .where(CustomerPhone.customer_id == owner.id)
                                .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)
                                .limit(1))
        if number:
            phone = number if actor.can("customers.view_contact") else mask_phone(number)
    last_visit = None
    open_orders = 0
    if vehicle is not None:
        last_visit, open_orders = session.execute(
            select(func.max(RepairOrder.opened_at),
                   func.count().filter(RepairOrder.status.in_(_ORDER_OPEN)))
            .where(RepairOrder.vehicle_id == vehicle.id)).one()
    return SearchHit(
        vehicle_id=vehicle.id if vehicle else None, customer_id=owner.id if owner else None,
        plate=vehicle.plate if vehicle else "", vin=(vehicle.vin or "") if vehicle else "",
        vehicle=" ".join(x for x in (vehicle.brand, vehicle.model) if x) if vehicle else "",
        owner=owner.name if owner else "", phone=phone, last_visit=last_visit,
        open_orders=open_orders or 0)
