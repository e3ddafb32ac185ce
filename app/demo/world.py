"""The running demo's shared state (session, actors, technicians, stock) and the scheduler
that plays every process's steps in time order.

Each process (a visit, the daily till, the weekly parts order ...) is a generator that yields
the moment of its next step; ``run`` executes the steps of all of them in time order, each
inside ``app.clock.pinned(moment)`` so every stamp the services write is back-dated.
Generators keep only ids between steps: the session is committed and replaced every batch of
orders, so memory stays flat.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_UP, Decimal

from sqlalchemy.orm import Session

from app.clock import pinned
from app.demo.calendar import local
from app.demo.plan import Plan
from app.parts.stock import receive_stock
from app.security.actor import Actor
from db.engine import Database
from db.enums import RoleCode

Step = Iterator[datetime]


@dataclass
class Technician:
    """A technician as the scheduler sees them: skill and when they are next free."""

    id: int
    skill: str
    free_at: datetime


@dataclass
class StockedPart:
    """A catalogue part with the figures the demo needs (on-hand kept in step with the ledger)."""

    id: int
    part_no: str
    cost: Decimal
    min_qty: Decimal
    max_qty: Decimal
    unit: str
    on_hand: Decimal = Decimal("0.000")
    reserved: Decimal = Decimal("0.000")  # held for live orders

    @property
    def available(self) -> Decimal:
        return self.on_hand - self.reserved


@dataclass
class World:
    """What the running simulation shares: database, session, actors, the workshop."""

    database: Database
    session: Session
    actors: dict[str, Actor]
    technicians: list[Technician]
    bays: dict[str, list[int]]
    parts: dict[str, StockedPart]
    plan: Plan
    batch_orders: int
    progress: Callable[[int, int], None]
    till_id: int | None = None
    till_cash: Decimal = Decimal("0.00")
    orders_opened: int = 0
    orders_in_batch: int = 0
    receipts: int = 0
    claims: int = 0
    parts_by_id: dict[int, StockedPart] = field(default_factory=dict)

    def actor(self, role: RoleCode) -> Actor:
        return self.actors[role.value]

    def commit(self) -> None:
        """Commit the batch and carry on in a fresh session (flat memory)."""
        self.session.commit()
        self.session.close()
        self.session = self.database.session()
        self.orders_in_batch = 0

    def receive(self, part: StockedPart, quantity: Decimal, reference: str) -> None:
        """Book ``quantity`` of ``part`` into stock at its cost price."""
        receive_stock(self.session, self.actor(RoleCode.PARTS_CLERK), part.id, quantity,
                      unit_cost=part.cost, reference=reference)
        part.on_hand += quantity
        self.receipts += 1

    def top_up(self, part: StockedPart, needed: Decimal, reference: str) -> None:
        """Receive enough of ``part`` to cover ``needed`` and fill the shelf to its maximum."""
        target = max(part.max_qty + part.reserved, part.on_hand + needed)
        quantity = target - part.on_hand
        if part.unit not in ("L", "kg"):
            quantity = quantity.quantize(Decimal(1), rounding=ROUND_UP)
        if quantity > 0:
            self.receive(part, quantity.quantize(Decimal("0.001")), reference)

    def pick_technician(self, skill: str, moment: datetime) -> Technician:
        """The technician with this skill who is free soonest."""
        able = [t for t in self.technicians if t.skill == skill] or self.technicians
        return min(able, key=lambda t: (max(t.free_at, moment), t.id))


def run(world: World, processes: list[Step], total_orders: int) -> None:
    """Run every process's steps in time order until the plan's cut-off (this morning)."""
    heap: list[tuple[datetime, int, Step]] = []
    sequence = 0
    for process in processes:
        first = next(process, None)
        if first is not None:
            heapq.heappush(heap, (first, sequence, process))
            sequence += 1
    current_day = None
    cutoff = world.plan.cutoff
    while heap:
        moment, _seq, process = heapq.heappop(heap)
        if moment >= cutoff:
            continue
        day = local(moment).date()
        if day != current_day:
            if world.orders_in_batch >= world.batch_orders:
                world.commit()
                world.progress(world.orders_opened, total_orders)
            current_day = day
        with pinned(moment):
            following = next(process, None)
        if following is not None:
            if following < moment:
                raise AssertionError(f"a demo step went back in time: {following} < {moment}")
            heapq.heappush(heap, (following, sequence, process))
            sequence += 1
    world.progress(world.orders_opened, total_orders)
