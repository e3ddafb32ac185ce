"""Find vehicles and customers by plate, VIN, phone, name (any fragment) or order number.

* Prefixes use ordinary b-tree indexes through range conditions (``col >= 'ABC' AND
  col < 'ABD'``), the same on SQLite and PostgreSQL whatever the collation. VIN and phone
  *suffixes* ("last 6", "last 4 digits") are prefixes of the indexed reversed columns.
* Fragments of 3+ characters anywhere in a plate, VIN, phone or name use the trigram
  accelerators of db/search_index.py: FTS5 on SQLite, pg_trgm GIN indexes on PostgreSQL.
  Never a full table scan; a 2-character query (a short name such as 王芳) matches by prefix.
* The details of the hits (owner's phone, last visit, open orders) are fetched in two batched
  queries, not per hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, or_, select, text
from sqlalchemy.orm import Session

from app.security.actor import Actor, require
from app.validation.phones import mask_phone
from app.validation.plates import plate_search_key
from app.validation.text import escape_like, normalise_text
from db.models import Customer, CustomerPhone, RepairOrder, Vehicle
from db.search_index import FTS_TABLE, KIND_CUSTOMER, KIND_PHONE, KIND_VEHICLE

_VIN_CHARS = re.compile(r"^[A-HJ-NPR-Z0-9]+$")
OPEN_STATUSES = ("draft", "open", "estimated", "approved", "in_progress", "waiting", "qc",
                 "completed", "invoiced")
FRAGMENT_CANDIDATES = 500  # trigram hits considered per query


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
    head = prefix.rstrip("\U0010ffff")
    if not head:  # only the last code point: everything from the prefix on
        return column >= prefix
    if len(head) < len(prefix):  # 'ab\U0010ffff…' starts with 'ab'; no greater string exists
        return and_(column >= prefix, column < head[:-1] + chr(ord(head[-1]) + 1))
    return and_(column >= prefix, column < prefix[:-1] + chr(ord(prefix[-1]) + 1))


@dataclass
class _Conditions:
    vehicle: list[ColumnElement[bool]]
    customer: list[ColumnElement[bool]]


def _fts_query(*terms: str) -> str:
    quoted = {'"' + t.replace('"', '""') + '"' for t in terms if len(t) >= 3}
    return " OR ".join(sorted(quoted))


def _fragment_conditions(session: Session, conds: _Conditions, query: str, key: str,
                         digits: str) -> None:
    terms = [t for t in {query, key, digits} if len(t) >= 3]
    if not terms:
        return
    if session.get_bind().dialect.name == "sqlite":
        rowids = session.execute(
            text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q LIMIT :n"),
            {"q": _fts_query(*terms), "n": FRAGMENT_CANDIDATES}).scalars().all()
        vehicles = [r // 4 for r in rowids if r % 4 == KIND_VEHICLE]
        customers = [r // 4 for r in rowids if r % 4 == KIND_CUSTOMER]
        phones = [r // 4 for r in rowids if r % 4 == KIND_PHONE]
        if vehicles:
            conds.vehicle.append(Vehicle.id.in_(vehicles))
        if customers:
            conds.customer.append(Customer.id.in_(customers))
        if phones:
            conds.customer.append(Customer.id.in_(
                select(CustomerPhone.customer_id).where(CustomerPhone.id.in_(phones))))
        return
    for term in terms:  # PostgreSQL: pg_trgm GIN indexes serve LIKE '%…%'
        pattern = f"%{escape_like(term)}%"
        conds.vehicle += [Vehicle.plate.like(pattern, escape="\\"),
                          Vehicle.vin.like(pattern, escape="\\")]
        conds.customer += [Customer.name.like(pattern, escape="\\"),
                           Customer.id.in_(select(CustomerPhone.customer_id).where(
                               CustomerPhone.number.like(pattern, escape="\\")))]


def _conditions(session: Session, query: str) -> _Conditions:
    key = plate_search_key(query)
    compact = re.sub(r"[\s\-+()]", "", query)
    digits = compact if compact.isdigit() else ""
    conds = _Conditions([], [])
    if key:
        conds.vehicle.append(prefix_range(Vehicle.plate, key))
        if _VIN_CHARS.match(key) and len(key) >= 3:
            conds.vehicle.append(prefix_range(Vehicle.vin, key))
            conds.vehicle.append(prefix_range(Vehicle.vin_reversed, key[::-1]))
    if len(digits) >= 4:
        conds.customer.append(Customer.id.in_(select(CustomerPhone.customer_id).where(
            prefix_range(CustomerPhone.digits_reversed, digits[::-1]))))
    conds.customer.append(prefix_range(Customer.name, query))
    _fragment_conditions(session, conds, query, key, digits)
    return conds


def search(session: Session, actor: Actor, text_: str, *, limit: int = 20) -> list[SearchHit]:
    """As-you-type search; at most ``limit`` hits, an exact plate/VIN first."""
    require(actor, "customers.view")
    query = normalise_text(text_)
    if len(query) < 2:
        return []
    conds = _conditions(session, query)
    key = plate_search_key(query)
    # Each condition fetches at most `limit` candidates through its own index and stops
    # early; one OR over all of them would collect every match of a common prefix ("LVG",
    # "粤A1": 100,000+ rows at a million vehicles) just to sort and keep 20.
    owner_ids: set[int] = set()
    for cond in conds.customer:
        owner_ids.update(session.scalars(select(Customer.id).where(cond).limit(limit)))
    vehicle_ids: set[int] = set()
    for cond in conds.vehicle:
        vehicle_ids.update(session.scalars(select(Vehicle.id).where(cond).limit(limit)))
    if owner_ids:
        vehicle_ids.update(session.scalars(
            select(Vehicle.id).where(Vehicle.owner_id.in_(owner_ids)).limit(limit)))
    exact = case((or_(Vehicle.plate == key, Vehicle.vin == key), 0), else_=1)
    pairs: list[tuple[Vehicle | None, Customer | None]] = []
    if vehicle_ids:
        pairs = list(session.execute(
            select(Vehicle, Customer).outerjoin(Customer, Customer.id == Vehicle.owner_id)
            .where(Vehicle.id.in_(vehicle_ids))
            .order_by(exact, Vehicle.plate).limit(limit)).all())
    if len(pairs) < limit and owner_ids:
        seen = {c.id for _, c in pairs if c is not None}
        lonely = session.scalars(
            select(Customer).where(Customer.id.in_(owner_ids - seen))
            .where(~Customer.id.in_(select(Vehicle.owner_id)
                                    .where(Vehicle.owner_id.isnot(None))))
            .order_by(Customer.name).limit(limit - len(pairs))).all()
        pairs += [(None, c) for c in lonely]
    return _hits(session, actor, pairs)


def _hits(session: Session, actor: Actor,
          pairs: list[tuple[Vehicle | None, Customer | None]]) -> list[SearchHit]:
    owner_ids = {c.id for _, c in pairs if c is not None}
    vehicle_ids = {v.id for v, _ in pairs if v is not None}
    phones: dict[int, str] = {}
    if owner_ids:
        for customer_id, number in session.execute(
                select(CustomerPhone.customer_id, CustomerPhone.number)
                .where(CustomerPhone.customer_id.in_(owner_ids))
                .order_by(CustomerPhone.customer_id, CustomerPhone.is_primary.desc(),
                          CustomerPhone.id)):
            phones.setdefault(customer_id, number)
    visits: dict[int, tuple[datetime | None, int]] = {}
    if vehicle_ids:
        for vehicle_id, last, open_count in session.execute(
                select(RepairOrder.vehicle_id, func.max(RepairOrder.opened_at),
                       func.count().filter(RepairOrder.status.in_(OPEN_STATUSES)))
                .where(RepairOrder.vehicle_id.in_(vehicle_ids))
                .group_by(RepairOrder.vehicle_id)):
            visits[vehicle_id] = (last, open_count or 0)
    see_contact = actor.can("customers.view_contact")
    hits = []
    for vehicle, owner in pairs:
        number = phones.get(owner.id, "") if owner else ""
        last, open_count = visits.get(vehicle.id, (None, 0)) if vehicle else (None, 0)
        hits.append(SearchHit(
            vehicle_id=vehicle.id if vehicle else None,
            customer_id=owner.id if owner else None,
            plate=vehicle.plate if vehicle else "", vin=(vehicle.vin or "") if vehicle else "",
            vehicle=" ".join(x for x in (vehicle.brand, vehicle.model) if x) if vehicle else "",
            owner=owner.name if owner else "",
            phone=number if see_contact or not number else mask_phone(number),
            last_visit=last, open_orders=open_count))
    return hits
