"""The parts store during the replay: on-hand per part, receipts, issues, counter sales.

Every movement updates the running balance of its part, so ``balance_after`` is what
``verify_ledger`` recomputes; a part that is short is received just before it is issued
(ordered in for the job), so stock never goes below zero. Stocked parts are reordered up to
their maximum when they fall below their minimum.
"""

from __future__ import annotations

import itertools
import random
from datetime import date

from app.devtools.bulkdata import calendar
from app.devtools.bulkdata.calendar import local_day, local_seconds
from app.devtools.bulkdata.canonical import movement_bytes, sha256
from app.devtools.bulkdata.catalogue import Catalogue
from app.devtools.bulkdata.events import COUNTER, RESTOCK, STOCKTAKE, Events
from app.devtools.bulkdata.orders import Line, Order, Staff, pick
from app.devtools.bulkdata.writer import BulkWriter
from app.fiscal.stock_chain import GENESIS_HASH


class StockBook:
    """Stock per part (index = part id) and the ``stock_movement`` rows, in time order."""

    def __init__(self, catalogue: Catalogue, staff: Staff, writer: BulkWriter,
                 rng: random.Random, events: Events, *, per_day: float, first_day: date,
                 last_day: date) -> None:
        self.cat = catalogue
        self.staff = staff
        self.rng = rng
        self.events = events
        self.t = writer.time
        self.per_day = per_day
        self.first_day, self.last_day = first_day, last_day
        self.rows = writer.table("stock_movement", (
            "id", "part_id", "kind", "quantity", "balance_after", "unit_cost", "at", "user_id",
            "repair_order_id", "part_line_id", "supplier_id", "reference", "note", "chain_seq",
            "prev_hash", "hash"))
        self.chain_seq = 0
        self.chain_hash = GENESIS_HASH
        self._next_id = itertools.count(1).__next__
        n_parts = len(catalogue.parts)
        self.on_hand = [0] * (n_parts + 1)
        self.reserved = [0] * (n_parts + 1)
        self.pending = bytearray(n_parts + 1)
        self.last_move = [0] * (n_parts + 1)
        self.popular = [i for i, p in enumerate(catalogue.parts, start=1) if p.min_qty]

    def new_day(self, day: int) -> None:
        """Schedule the day's counter sales, and the stocktake on the last day of the year."""
        rng = self.rng
        d = calendar.date_of(day)
        factor = calendar.load_factor(d, self.first_day, self.last_day)
        expected = self.per_day * factor
        n = int(expected) + (1 if rng.random() < expected % 1 else 0)
        if self.popular:
            for _ in range(n):
                part = self.popular[int(len(self.popular) * rng.random() ** 2.2)]
                qty = 4000 if self.cat.parts[part - 1].unit == "L" else pick(rng,
                    (1000, 1000, 1000, 2000, 4000))
                self.events.push(local_seconds(day, rng.uniform(8 * 60 + 30, 18 * 60)), COUNTER,
                           (part, qty))
        if d.month == 12 and d.day == 31:
            self.events.push(local_seconds(day, 17 * 60 + 30), STOCKTAKE, None)

    def _move(self, when: int, part: int, kind: str, qty: int, user: int, *,
              order: int | None = None, line: int | None = None, supplier: int | None = None,
              reference: str = "", note: str = "") -> None:
        self.on_hand[part] += qty
        when = max(when, self.last_move[part])
        self.last_move[part] = when
        spec = self.cat.parts[part - 1]
        seq, prev = self.chain_seq + 1, self.chain_hash
        digest = sha256(movement_bytes(
            chain_seq=seq, prev_hash=prev, part_id=part, kind=kind, quantity=qty,
            balance_after=self.on_hand[part], unit_cost=spec.cost_price,
            at=self.t.canonical(when), user_id=user, repair_order_id=order, part_line_id=line,
            supplier_id=supplier, reference=reference, note=note))
        self.chain_seq, self.chain_hash = seq, digest
        self.rows.append((self._next_id(), part, kind, qty, self.on_hand[part],
                            spec.cost_price, self.t.stored(when), user, order, line, supplier,
                            reference, note, seq, prev, digest))

    def _receive(self, when: int, part: int, qty: int, note: str) -> None:
        spec = self.cat.parts[part - 1]
        self._move(when, part, "receipt", qty, self.staff.clerks[0],
                   supplier=self.staff.suppliers[spec.supplier],
                   reference=f"DH{self.t.date(local_day(when)).replace('-', '')}", note=note)

    def opening_stock(self, when: int) -> None:
        for part in self.popular:
            self._receive(when, part, self.cat.parts[part - 1].max_qty, "期初库存")

    def _after_outflow(self, when: int, part: int) -> None:
        spec = self.cat.parts[part - 1]
        if spec.min_qty and self.on_hand[part] < spec.min_qty and not self.pending[part]:
            self.pending[part] = 1
            day = local_day(when) + 1 + int(self.rng.random() * 2)
            self.events.push(local_seconds(day, self.rng.uniform(9 * 60, 16 * 60)), RESTOCK, part)

    def issue(self, when: int, order: Order, line: Line, qty: int) -> None:
        """Hand ``qty`` out to an order's part line (receiving it first if short)."""
        part = line.part_id
        assert part is not None
        short = qty - self.on_hand[part]
        if short > 0:  # ordered in for this job: it arrives just before it is handed out
            self._receive(when, part, -(-short // 1000) * 1000, "订货到货")
        self._move(when, part, "issue", -qty, pick(self.rng, self.staff.clerks),
                   order=order.id, line=line.id, reference=order.number)
        self._after_outflow(when, part)

    def give_back(self, when: int, order: Order, line: Line, qty: int) -> None:
        """Take ``qty`` back from an order's part line."""
        assert line.part_id is not None
        self._move(when, line.part_id, "return", qty, pick(self.rng, self.staff.clerks),
                   order=order.id, line=line.id, reference=order.number, note="多领退回")

    def restock(self, when: int, part: int) -> None:
        self.pending[part] = 0
        spec = self.cat.parts[part - 1]
        qty = spec.max_qty - self.on_hand[part]
        if qty > 0:
            self._receive(when, part, qty, "补货入库")

    def counter_sale(self, when: int, part: int, qty: int) -> None:
        if self.on_hand[part] < qty:
            return
        self._move(when, part, "counter_sale", -qty, pick(self.rng, self.staff.clerks),
                   reference=f"LS{self.t.date(local_day(when)).replace('-', '')}",
                   note="门市零售")
        self._after_outflow(when, part)

    def stocktake(self, when: int) -> None:
        rng = self.rng
        for part in range(1, len(self.cat.parts) + 1):
            if self.on_hand[part] <= 0 or rng.random() >= 0.012:
                continue
            delta = 1000 if self.cat.parts[part - 1].unit != "L" else 500
            if rng.random() < 0.6 and self.on_hand[part] >= delta:
                delta = -delta
            self._move(when, part, "adjustment", delta, self.staff.clerks[0],
                       reference=f"PD{calendar.date_of(local_day(when)).year}", note="年度盘点")
