"""Read-only queries of the order editor, each returning plain values (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from app.orders.catalogue import find_operations, operation_rate
from app.parts.catalogue import find_parts
from app.security.actor import Actor
from app.workshop.resources import list_bays, list_technicians

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SEARCH_LIMIT = 15


@dataclass(frozen=True)
class Choice:
    """A technician or bay offered in a combo box; ``key`` is its name or code."""

    id: int
    text: str
    key: str = ""


@dataclass(frozen=True)
class OperationHit:
    """A labour operation offered while typing a job."""

    code: str
    name: str
    hours: Decimal
    rate: Decimal


@dataclass(frozen=True)
class PartHit:
    """A catalogue part offered while typing or scanning a part number."""

    id: int
    part_no: str
    name: str
    price: Decimal
    unit: str
    available: Decimal


def operation_hits(session: Session, actor: Actor, text: str) -> list[OperationHit]:
    """Operations whose code starts with, or whose name contains, ``text``."""
    return [OperationHit(code=op.code, name=op.name, hours=op.standard_hours,
                         rate=operation_rate(session, op))
            for op in find_operations(session, actor, text, limit=SEARCH_LIMIT)]


def part_hits(session: Session, actor: Actor, text: str) -> list[PartHit]:
    """Parts whose number starts with, or whose name contains, ``text`` (exact number first)."""
    return [PartHit(id=p.id, part_no=p.part_no, name=p.name, price=p.sale_price, unit=p.unit,
                    available=p.on_hand - p.reserved)
            for p in find_parts(session, actor, text, limit=SEARCH_LIMIT)]


def dispatch_choices(session: Session, actor: Actor) -> tuple[list[Choice], list[Choice]]:
    """Active technicians (with their team) and bays to dispatch to."""
    technicians = [Choice(t.id, f"{t.code} {t.name}" + (f" · {t.team}" if t.team else ""),
                          t.name) for t in list_technicians(session, actor)]
    bays = [Choice(b.id, f"{b.code} {b.name}", b.code) for b in list_bays(session, actor)]
    return technicians, bays
