"""Find vehicles and customers by plate, VIN, phone, name (any fragment) or order number.

* Prefixes use ordinary b-tree indexes through range conditions (``col >= 'ABC' AND
  col < 'ABD'``), the same on SQLite and PostgreSQL whatever the collation. VIN and phone
  *suffixes* ("last 6", "last 4 digits") are prefixes of the indexed reversed columns.
* Fragments of 3+ characters anywhere in a plate, VIN, phone or name use the trigram
  accelerators of db/search_index.py: FTS5 on SQLite, pg_trgm GIN indexes on PostgreSQL.
* A 2-character query ("88", "物流") is a fragment too: the hint says two characters are
  enough, and an advisor types the two digits they remember of a plate. Trigrams cannot hold
  it, so each source is scanned for it with ``LIKE '%..%'`` — on SQLite the FTS table's own
  text (one narrow table for all three sources), on PostgreSQL the columns — and every scan
  stops at ``FRAGMENT_CANDIDATES`` hits. A common pair ("88") stops early; a rare one reads
  the whole table (measured in the closing note of issue 10). One character is enough for a
  Chinese name (a surname, 王), matched by prefix only.
* The details of the hits (owner's phone, last visit, open orders) are fetched in two batched
  queries, not per hit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Integer,
    Select,
    SQLColumnExpression,
    String,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal_column,
    null,
    or_,
    select,
    text,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from app.orders.status import OPEN, values
from app.privacy import shown_phone
from app.security.actor import Actor, require
from app.validation.phones import search_digits
from app.validation.plates import is_regular_plate, plate_search_key
from app.validation.text import escape_like, normalise_text
from db.models import Customer, CustomerPhone, RepairOrder, Vehicle
from db.search_index import FTS_TABLE, KIND_CUSTOMER, KIND_PHONE, KIND_VEHICLE

_VIN_CHARS = re.compile(r"^[A-HJ-NPR-Z0-9]+$")
OPEN_STATUSES = values(OPEN)
# Written into the statement (code constants, not user input): a bound list would be expanded
# again on every execution.
_OPEN_STATUS_LITERALS: list[ColumnElement[str]] = [literal_column(f"'{status}'")
                                                   for status in OPEN_STATUSES]
_ZERO, _ONE = literal_column("0", Integer), literal_column("1", Integer)
_EMPTY = literal_column("''", String)
FRAGMENT_CANDIDATES = 500  # trigram hits considered per query
SHORT_FRAGMENT = 2  # a fragment this long is scanned for (trigrams need 3)


def is_cjk(char: str) -> bool:
    """True for a Chinese character (CJK unified ideographs, with extension A)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def searchable(text_: str) -> bool:
    """True when ``text_`` is long enough to search: 2 characters, or one Chinese character
    (a surname)."""
    query = normalise_text(text_)
    return len(query) >= 2 or (len(query) == 1 and is_cjk(query))


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


def prefix_range(column: SQLColumnExpression[Any], prefix: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, as an index-friendly range condition."""
    lower, upper = _range_values(prefix)
    return column >= lower if upper is None else and_(column >= lower, column < upper)


def _fts_query(*terms: str) -> str:
    quoted = {'"' + t.replace('"', '""') + '"' for t in terms if len(t) >= 3}
    return " OR ".join(sorted(quoted))


@dataclass(frozen=True)
class _Shape:
    """Which conditions a query needs: one statement is built (and cached) per shape."""

    dialect: str
    limit: int
    plate: tuple[bool, bool] | None  # (has a lower bound, has an upper bound) or not used
    vin: tuple[bool, bool] | None
    vin_reversed: tuple[bool, bool] | None
    phone_reversed: tuple[bool, bool] | None
    name: tuple[bool, bool]
    fts: tuple[bool, bool, bool]  # SQLite: trigram hits among vehicles, customers, phones
    like_terms: int  # PostgreSQL: fragments matched through pg_trgm


def _next_code_point(char: str) -> str:
    """The code point after ``char`` that a database can store: the surrogates U+D800–U+DFFF
    are skipped (after U+D7FF comes U+E000), as neither driver can encode one."""
    following = ord(char) + 1
    if 0xD800 <= following <= 0xDFFF:
        following = 0xE000
    return chr(following)


def _range_values(prefix: str) -> tuple[str, str | None]:
    """The bounds of a prefix as values: (lower, upper or None when no greater string
    exists: the prefix is made of the last code point only).

    The upper bound is the shortest string above every string starting with ``prefix``: the
    prefix without its trailing U+10FFFF run, its last code point raised by one. Comparing by
    code point is what both databases do for these columns (binary / "C" collation).
    """
    head = prefix.rstrip("\U0010ffff")
    if not head:
        return prefix, None
    return prefix, head[:-1] + _next_code_point(head[-1])


def _range(column: SQLColumnExpression[Any], name: str, upper: bool) -> ColumnElement[bool]:
    lower = column >= bindparam(f"{name}_lo")
    return and_(lower, column < bindparam(f"{name}_hi")) if upper else lower


def _limited(select_id: Select[int], limit: int) -> Select[int]:
    """``SELECT id FROM (… LIMIT n)``: a union member that stops after ``limit`` rows."""
    sub = select_id.limit(limit).subquery()
    return select(sub.c.id)


def _customer_branches(shape: _Shape) -> list[Select[int]]:
    limit = shape.limit
    branches = [_limited(select(Customer.id.label("id"))
                         .where(_range(Customer.name, "name", shape.name[1])), limit)]
    if shape.phone_reversed is not None:
        branches.append(_limited(
            select(CustomerPhone.customer_id.label("id"))
            .where(_range(CustomerPhone.digits_reversed, "phone", shape.phone_reversed[1])),
            limit))
    if shape.fts[1]:
        branches.append(_limited(select(Customer.id.label("id"))
                                 .where(Customer.id.in_(bindparam("fts_c", expanding=True))),
                                 limit))
    if shape.fts[2]:
        branches.append(_limited(
            select(CustomerPhone.customer_id.label("id"))
            .where(CustomerPhone.id.in_(bindparam("fts_p", expanding=True))), limit))
    for i in range(shape.like_terms):
        pattern: BindParameter[str] = bindparam(f"like_{i}")
        branches.append(_limited(select(Customer.id.label("id"))
                                 .where(Customer.name.like(pattern, escape="\\")), limit))
        branches.append(_limited(select(CustomerPhone.customer_id.label("id"))
                                 .where(CustomerPhone.number.like(pattern, escape="\\")),
                                 limit))
    return branches


def _vehicle_branches(shape: _Shape) -> list[Select[int]]:
    limit = shape.limit
    branches = []
    for column, name, bounds in ((Vehicle.plate, "plate", shape.plate),
                                 (Vehicle.vin, "vin", shape.vin),
                                 (Vehicle.vin_reversed, "vin_rev", shape.vin_reversed)):
        if bounds is not None:
            branches.append(_limited(select(Vehicle.id.label("id"))
                                     .where(_range(column, name, bounds[1])), limit))
    if shape.fts[0]:
        branches.append(_limited(select(Vehicle.id.label("id"))
                                 .where(Vehicle.id.in_(bindparam("fts_v", expanding=True))),
                                 limit))
    for i in range(shape.like_terms):
        pattern: BindParameter[str] = bindparam(f"like_{i}")
        for column in (Vehicle.plate, Vehicle.vin):
            branches.append(_limited(select(Vehicle.id.label("id"))
                                     .where(column.like(pattern, escape="\\")), limit))
    return branches


def _build(shape: _Shape) -> Select[Any]:
    """One statement for the whole search: candidates per condition (each stops after
    ``limit`` rows through its own index), the owners' vehicles, customers without a vehicle,
    and each hit's primary phone, last visit and open orders."""
    limit = shape.limit
    customers = union(*_customer_branches(shape)).cte("matched_customer")
    owned = _limited(select(Vehicle.id.label("id"))
                     .where(Vehicle.owner_id.in_(select(customers.c.id))), limit)
    vehicles = union(*_vehicle_branches(shape), owned).cte("matched_vehicle")

    phone = (select(CustomerPhone.number).where(CustomerPhone.customer_id == Customer.id)
             .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id).limit(1)
             .scalar_subquery())
    last_visit = (select(func.max(RepairOrder.opened_at))
                  .where(RepairOrder.vehicle_id == Vehicle.id).scalar_subquery())
    open_orders = (select(func.count()).select_from(RepairOrder)
                   .where(RepairOrder.vehicle_id == Vehicle.id,
                          RepairOrder.status.in_(_OPEN_STATUS_LITERALS)).scalar_subquery())
    key = bindparam("key", type_=String)
    exact = case((or_(Vehicle.plate == key, Vehicle.vin == key), 0), else_=1)
    vehicle_rows = (
        select(_ZERO.label("grp"), exact.label("rank"), Vehicle.plate.label("sort"),
               Vehicle.id.label("vehicle_id"), Customer.id.label("customer_id"),
               Vehicle.plate.label("plate"), Vehicle.vin.label("vin"),
               Vehicle.brand.label("brand"), Vehicle.model.label("model"),
               Customer.name.label("owner"), phone.label("phone"),
               last_visit.label("last_visit"), open_orders.label("open_orders"))
        .select_from(Vehicle).outerjoin(Customer, Customer.id == Vehicle.owner_id)
        .where(Vehicle.id.in_(select(vehicles.c.id)))
        .order_by(exact, Vehicle.plate).limit(limit).subquery())
    lonely_rows = (
        select(_ONE.label("grp"), _ONE.label("rank"), Customer.name.label("sort"),
               cast(null(), Integer).label("vehicle_id"), Customer.id.label("customer_id"),
               _EMPTY.label("plate"), _EMPTY.label("vin"), _EMPTY.label("brand"),
               _EMPTY.label("model"), Customer.name.label("owner"), phone.label("phone"),
               cast(null(), RepairOrder.opened_at.type).label("last_visit"),
               _ZERO.label("open_orders"))
        .where(Customer.id.in_(select(customers.c.id)),
               ~exists().where(Vehicle.owner_id == Customer.id))
        .order_by(Customer.name).limit(limit).subquery())
    rows = union_all(select(vehicle_rows), select(lonely_rows)).subquery()
    return select(rows).order_by(rows.c.grp, rows.c.rank, rows.c.sort).limit(limit)


_STATEMENTS: dict[_Shape, Select[Any]] = {}


def _statement(shape: _Shape) -> Select[Any]:
    statement = _STATEMENTS.get(shape)
    if statement is None:  # built once per shape: typing costs no statement building
        statement = _STATEMENTS[shape] = _build(shape)
    return statement


def _bounds(params: dict[str, Any], name: str, prefix: str) -> tuple[bool, bool]:
    params[f"{name}_lo"], upper = _range_values(prefix)
    if upper is not None:
        params[f"{name}_hi"] = upper
    return True, upper is not None


def _fts_hits(session: Session, terms: list[str],
              short: Sequence[str] = ()) -> tuple[list[int], list[int], list[int]]:
    """SQLite: hits (vehicles, customers, phones) of the fragments ``terms`` (trigram
    MATCH) and of the 2-character fragments ``short`` (a bounded scan of the FTS text)."""
    rowids: list[int] = []
    if terms:
        rowids += session.connection().execute(
            _FTS_STATEMENT, {"q": _fts_query(*terms), "n": FRAGMENT_CANDIDATES}).scalars()
    for fragment in short:
        rowids += session.connection().execute(
            _FTS_SHORT_STATEMENT, {"p": f"%{escape_like(fragment)}%",
                                   "n": FRAGMENT_CANDIDATES}).scalars()
    if not rowids:
        return [], [], []
    rowids = list(dict.fromkeys(rowids))
    return ([r // 4 for r in rowids if r % 4 == KIND_VEHICLE],
            [r // 4 for r in rowids if r % 4 == KIND_CUSTOMER],
            [r // 4 for r in rowids if r % 4 == KIND_PHONE])


_FTS_STATEMENT = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q LIMIT :n")
_FTS_SHORT_STATEMENT = text(
    f"SELECT rowid FROM {FTS_TABLE} WHERE body LIKE :p ESCAPE '\\' LIMIT :n")


def search(session: Session, actor: Actor, text_: str, *, limit: int = 20) -> list[SearchHit]:
    """As-you-type search; at most ``limit`` hits, an exact plate/VIN first, then plates in
    order, then customers without a vehicle by name.

    One statement per keystroke (two on SQLite: the trigram lookup first). Each condition
    fetches at most ``limit`` candidates through its own index and stops early; one OR over
    all of them would collect every match of a common prefix ("LVG", "粤A1": 100,000+ rows at a
    million vehicles) just to sort and keep 20.
    """
    require(actor, "customers.view")
    query = normalise_text(text_)
    if not searchable(query):
        return []
    key = plate_search_key(query)
    digits = search_digits(query)  # 0086/+86/86 and a trunk 0 read as validate_phone does
    dialect = session.get_bind().dialect.name
    params: dict[str, Any] = {"key": key}
    plate = vin = vin_reversed = phone_reversed = None
    if key:
        plate = _bounds(params, "plate", key)
        if _VIN_CHARS.match(key) and len(key) >= 3:
            vin = _bounds(params, "vin", key)
            vin_reversed = _bounds(params, "vin_rev", key[::-1])
    if len(digits) >= 4:
        phone_reversed = _bounds(params, "phone", digits[::-1])
    name = _bounds(params, "name", query)
    # A whole regular plate needs no fragment search: a province character only ever starts a
    # plate, so every plate containing it starts with it (the prefix range finds those).
    terms = [] if is_regular_plate(key) else sorted(
        t for t in {query, key, digits} if len(t) >= 3)
    short = sorted(t for t in {query, key, digits} if len(t) == SHORT_FRAGMENT)
    fts = (False, False, False)
    like_terms = 0
    if dialect == "sqlite":
        found = _fts_hits(session, terms, short)
        for kind, ids in zip(("fts_v", "fts_c", "fts_p"), found, strict=True):
            if ids:
                params[kind] = ids
        fts = (bool(found[0]), bool(found[1]), bool(found[2]))
    else:  # PostgreSQL: pg_trgm GIN indexes serve LIKE '%…%'
        for i, term in enumerate([*terms, *short]):
            params[f"like_{i}"] = f"%{escape_like(term)}%"
        like_terms = len(terms) + len(short)
    shape = _Shape(dialect, limit, plate, vin, vin_reversed, phone_reversed, name, fts,
                   like_terms)
    # Core execution on the session's connection: the rows are plain, no ORM entities.
    rows = session.connection().execute(_statement(shape), params).all()
    return [SearchHit(
        vehicle_id=r.vehicle_id, customer_id=r.customer_id, plate=r.plate or "",
        vin=r.vin or "", vehicle=" ".join(x for x in (r.brand, r.model) if x),
        owner=r.owner or "",
        phone=shown_phone(actor, r.phone),
        last_visit=r.last_visit, open_orders=r.open_orders or 0) for r in rows]
