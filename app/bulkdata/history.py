"""Ten years of workshop history, written as it happened: orders, stock, invoices, payments.

The visits of the plan are replayed in time order. Each becomes a repair order with its
lines at once; what happens later (parts handed out, stock arriving, counter sales, the
yearly stocktake, the cashier settling the order) is an event in a time-ordered heap,
replayed before the next visit. So the stock ledger runs forward in time (``balance_after``
is the running balance, stock never goes below zero: a part that is short is received just
before it is issued), and the fiscal hash chain links invoices and payments in issue order.

The last ``open_orders`` visits are still in the workshop "now" (this morning), spread over
the workshop states; everything before is delivered or closed (a few cancelled).
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.bulkdata import calendar
from app.bulkdata.calendar import DAY, local_day, local_seconds
from app.bulkdata.canonical import invoice_bytes, invoice_line_doc, payment_bytes, sha256
from app.bulkdata.catalogue import Catalogue
from app.bulkdata.orders import (
    CHARGE,
    CUSTOMER,
    INSURER,
    INTERNAL,
    LABOUR,
    PART,
    WARRANTY,
    Amounts,
    Composer,
    Line,
    between,
)
from app.bulkdata.plan import NEW_SALE, Plan
from app.bulkdata.vocabulary import (
    APPROVAL_NOTES,
    APPROVERS,
    CANCEL_REASONS,
    CHARGE_SUBLET,
    COMPLAINTS,
    DAMAGE_NOTES,
    DIAGNOSES,
    MODELS,
    VALUABLES,
    WAIT_NOTES,
    WARNING_LIGHTS,
)
from app.bulkdata.writer import BulkWriter
from app.cashier.chain import GENESIS_HASH
from app.money import ROUNDING_RULE

# event codes (heap entries are (time, sequence, code, payload))
_ISSUE, _RETURN, _RESTOCK, _COUNTER, _STOCKTAKE, _SETTLE, _PAY, _CREDIT = range(8)
_PAYERS = (CUSTOMER, INSURER, WARRANTY, INTERNAL)
_METHODS = ("cash", "card", "wechat_pay", "alipay", "bank_transfer")
# payment method mix at the start and at the end of the decade (cash gave way to WeChat Pay)
_MIX_START = (30.0, 40.0, 15.0, 12.0, 3.0)
_MIX_END = (5.0, 18.0, 50.0, 24.0, 3.0)
_OPEN_FLOAT = 50000  # till opening float, fen
_PATHS = {  # the states an order still in the workshop went through to get where it is
    "open": ("open",),
    "estimated": ("open", "estimated"),
    "approved": ("open", "estimated", "approved"),
    "in_progress": ("open", "estimated", "approved", "in_progress"),
    "waiting": ("open", "estimated", "approved", "in_progress", "waiting"),
    "qc": ("open", "estimated", "approved", "in_progress", "qc"),
    "completed": ("open", "estimated", "approved", "in_progress", "qc", "completed"),
    "invoiced": ("open", "estimated", "approved", "in_progress", "qc", "completed",
                 "invoiced"),
}
_CREDIT_REASON = "发票抬头有误，红冲重开"
_BAY_KIND = {"保养": "quick", "轮胎": "alignment", "钣喷": "body"}


@dataclass
class Staff:
    """User and workshop ids the history refers to."""

    advisors: list[int]
    cashiers: list[int]
    clerks: list[int]
    foremen: list[int]
    care: list[int]
    mechanics: list[tuple[int, int]]  # (technician id, team id)
    body: list[tuple[int, int]]
    bays: dict[str, list[int]]
    suppliers: list[int]  # supplier id per vocabulary index


@dataclass
class Series:
    """A document number series: prefix, width and how many were taken."""

    prefix: str
    width: int
    taken: int = 0

    def next(self) -> str:
        self.taken += 1
        return f"{self.prefix}{self.taken:0{self.width}d}"


class Order:
    """A repair order while it is being written and worked on."""

    __slots__ = ("advisor", "approval", "cancelled", "comeback_of", "company", "completed",
                 "credit", "customer", "delivered", "fields", "id", "jobs", "km", "lines",
                 "number", "opened", "promised", "state", "status_rows", "vehicle",
                 "wait_reason", "waiting")

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.jobs: list[tuple[Any, list[Line]]] = []
        self.status_rows: list[tuple[str, str, int, int, str]] = []
        self.fields: dict[str, Any] = {}
        self.approval: int | None = None
        self.comeback_of: int | None = None
        self.completed: int | None = None
        self.delivered: int | None = None
        self.promised: int | None = None
        self.wait_reason: str | None = None
        self.cancelled = ""
        self.credit = False
        self.state = "closed"
        self.waiting = False


@dataclass
class Counts:
    """What the history wrote, for the summary."""

    orders: int = 0
    open_orders: int = 0
    invoices: int = 0
    credit_notes: int = 0
    payments: int = 0
    movements: int = 0
    extra: dict[str, int] = field(default_factory=dict)


class History:
    """Replays the plan into rows (see the module docstring)."""

    def __init__(self, plan: Plan, catalogue: Catalogue, staff: Staff, writer: BulkWriter,
                 series: dict[str, Series], *, currency: str, prices_include_tax: bool,
                 progress: Callable[[int], None]) -> None:
        self.plan = plan
        self.cat = catalogue
        self.staff = staff
        self.w = writer
        self.t = writer.time
        self.series = series
        self.currency = currency
        self.inclusive = prices_include_tax
        self.progress = progress
        self.rng = random.Random(f"bayline-bulk:{plan.seed}:history")
        self.compose = Composer(catalogue)
        self.amounts = Amounts(prices_include_tax)
        self.counts = Counts()
        self.events: list[tuple[int, int, int, Any]] = []
        self.seq = 0
        self.day = plan.start_day - 1
        self.chain_seq = 0
        self.chain_hash = GENESIS_HASH
        self.ids: dict[str, Callable[[], int]] = {}
        n_parts = len(catalogue.parts)
        self.on_hand = [0] * (n_parts + 1)
        self.reserved = [0] * (n_parts + 1)
        self.pending = bytearray(n_parts + 1)
        self.last_move = [0] * (n_parts + 1)
        self.popular = [i for i, p in enumerate(catalogue.parts, start=1) if p.min_qty]
        self.visits_of = bytearray(len(plan.entry_day))
        self.last_order = [0] * len(plan.entry_day)
        self.open_orders: list[Order] = []
        self.reservations: list[tuple[Line, int, int]] = []
        self.till: list[int] = []  # id, day, cash
        self._tables()

    # --- tables ---------------------------------------------------------------------------

    def _tables(self) -> None:
        t = self.w.table
        self.r_order = t("repair_order", (
            "id", "number", "status", "wait_reason", "customer_id", "vehicle_id", "advisor_id",
            "opened_at", "promised_at", "completed_at", "delivered_at", "mileage_in",
            "fuel_level", "damage_notes", "valuables", "warning_lights",
            "customer_description", "diagnosis", "contact_preference", "customer_waiting",
            "customer_signed_at", "comeback_of_id", "cancel_reason", "rework_count",
            "reviewed_at", "reviewed_by_id", "customer_called_at", "gate_pass_number",
            "gate_pass_at", "gate_pass_by_id", "version"))
        common = ("id", "repair_order_id", "position", "description", "payer", "discount",
                  "tax_rate", "additional", "approval_id")
        self.r_labour = t("labour_line", (*common, "operation_code", "hours", "hourly_rate",
                                          "status", "technician_id", "team_id", "bay_id"))
        self.r_part = t("part_line", (*common, "part_id", "part_no", "quantity", "unit_price",
                                      "issued_qty"))
        self.r_charge = t("charge_line", (*common, "amount"))
        self.r_approval = t("work_approval", (
            "id", "repair_order_id", "approved_by", "approved_at", "method", "amount",
            "extra_minutes", "recorded_by_id", "notes"))
        self.r_status = t("order_status_change", (
            "id", "repair_order_id", "from_status", "to_status", "at", "user_id", "reason"))
        self.r_mileage = t("mileage_reading", (
            "id", "vehicle_id", "km", "read_at", "repair_order_id", "reason", "user_id"))
        self.r_move = t("stock_movement", (
            "id", "part_id", "kind", "quantity", "balance_after", "unit_cost", "at", "user_id",
            "repair_order_id", "part_line_id", "supplier_id", "reference", "note"))
        self.r_invoice = t("invoice", (
            "id", "number", "kind", "repair_order_id", "customer_id", "issued_at",
            "issued_by_id", "currency", "prices_include_tax", "rounding_rule", "net_total",
            "tax_total", "gross_total", "customer_share", "insurer_share", "warranty_share",
            "internal_share", "original_invoice_id", "reason", "chain_seq", "prev_hash",
            "hash"))
        self.r_invoice_line = t("invoice_line", (
            "id", "invoice_id", "position", "line_type", "code", "description", "quantity",
            "unit_price", "discount", "payer", "tax_rate", "net", "tax", "gross"))
        self.r_payment = t("payment", (
            "id", "number", "invoice_id", "method", "payer", "amount", "tendered", "reference",
            "idempotency_key", "till_session_id", "received_at", "received_by_id",
            "chain_seq", "prev_hash", "hash"))
        self.r_till = t("till_session", (
            "id", "terminal", "status", "opened_by_id", "opened_at", "opening_float",
            "closed_by_id", "closed_at", "expected_cash", "counted_cash", "version"))
        self.r_reservation = t("stock_reservation", (
            "id", "part_id", "repair_order_id", "part_line_id", "quantity", "created_at"))
        self.r_clock = t("clock_entry", (
            "id", "labour_line_id", "technician_id", "started_at", "ended_at"))
        self.r_qc = t("qc_record", (
            "id", "repair_order_id", "labour_line_id", "inspector_id", "passed", "notes",
            "inspected_at"))

    def _id(self, table: str) -> int:
        counter = self.ids.get(table)
        if counter is None:
            counter = self.ids[table] = itertools.count(1).__next__
        return counter()

    # --- the replay -----------------------------------------------------------------------

    def run(self) -> Counts:
        """Write the whole history; returns what was written."""
        plan = self.plan
        self._opening_stock(local_seconds(plan.start_day, 7 * 60 + 30))
        total = len(plan.visits)
        for i in range(total):
            when, vehicle, comeback = plan.visit(i)
            self._advance(when)
            self._visit(i, when, vehicle, comeback)
            if i % 2000 == 1999:
                self.w.flush()
                self.progress(i + 1)
        self._advance(plan.now)
        if any(code >= _SETTLE for _t, _s, code, _p in self.events):
            raise RuntimeError("a finished order was still at the cashier after 'now'")
        self.events.clear()  # stock still on its way arrives after "now"
        self._finish_open_orders()
        self._close_till(final=True)
        self.w.flush()
        self.progress(total)
        return self.counts

    def _push(self, when: int, code: int, payload: Any) -> None:
        self.seq += 1
        heapq.heappush(self.events, (when, self.seq, code, payload))

    def _advance(self, until: int) -> None:
        """Replay every event up to ``until`` (and start the days on the way)."""
        day = local_day(until)
        while self.day < day:
            self.day += 1
            self._new_day(self.day)
        events = self.events
        while events and events[0][0] <= until:
            when, _seq, code, payload = heapq.heappop(events)
            if code == _ISSUE:
                self._issue(when, *payload)
            elif code == _RETURN:
                self._return(when, *payload)
            elif code == _RESTOCK:
                self._restock(when, payload)
            elif code == _COUNTER:
                self._counter_sale(when, *payload)
            elif code == _STOCKTAKE:
                self._stocktake(when)
            elif code == _SETTLE:
                self._settle(when, payload)
            elif code == _PAY:
                self._pay(when, *payload)
            else:
                self._credit(when, *payload)

    def _new_day(self, day: int) -> None:
        """Schedule the day's counter sales, and the stocktake on the last day of the year."""
        rng = self.rng
        d = calendar.date_of(day)
        factor = calendar.load_factor(d, calendar.date_of(self.plan.start_day), self.plan.today)
        expected = self.plan.size.counter_sales_per_day * factor
        n = int(expected) + (1 if rng.random() < expected % 1 else 0)
        if self.popular:
            for _ in range(n):
                part = self.popular[int(len(self.popular) * rng.random() ** 2.2)]
                qty = 4000 if self.cat.parts[part - 1].unit == "L" else _pick(rng,
                    (1000, 1000, 1000, 2000, 4000))
                self._push(local_seconds(day, rng.uniform(8 * 60 + 30, 18 * 60)), _COUNTER,
                           (part, qty))
        if d.month == 12 and d.day == 31:
            self._push(local_seconds(day, 17 * 60 + 30), _STOCKTAKE, None)

    # --- stock ----------------------------------------------------------------------------

    def _move(self, when: int, part: int, kind: str, qty: int, user: int, *,
              order: int | None = None, line: int | None = None, supplier: int | None = None,
              reference: str = "", note: str = "") -> None:
        self.on_hand[part] += qty
        when = max(when, self.last_move[part])
        self.last_move[part] = when
        spec = self.cat.parts[part - 1]
        self.r_move.append((self._id("stock_movement"), part, kind, qty, self.on_hand[part],
                            spec.cost_price, self.t.stored(when), user, order, line, supplier,
                            reference, note))
        self.counts.movements += 1

    def _receive(self, when: int, part: int, qty: int, note: str) -> None:
        spec = self.cat.parts[part - 1]
        self._move(when, part, "receipt", qty, self.staff.clerks[0],
                   supplier=self.staff.suppliers[spec.supplier],
                   reference=f"DH{self.t.date(local_day(when)).replace('-', '')}", note=note)

    def _opening_stock(self, when: int) -> None:
        for part in self.popular:
            self._receive(when, part, self.cat.parts[part - 1].max_qty, "期初库存")

    def _after_outflow(self, when: int, part: int) -> None:
        spec = self.cat.parts[part - 1]
        if spec.min_qty and self.on_hand[part] < spec.min_qty and not self.pending[part]:
            self.pending[part] = 1
            day = local_day(when) + 1 + int(self.rng.random() * 2)
            self._push(local_seconds(day, self.rng.uniform(9 * 60, 16 * 60)), _RESTOCK, part)

    def _issue(self, when: int, order: Order, line: Line, qty: int) -> None:
        part = line.part_id
        assert part is not None
        short = qty - self.on_hand[part]
        if short > 0:  # ordered in for this job: it arrives just before it is handed out
            self._receive(when, part, -(-short // 1000) * 1000, "订货到货")
        self._move(when, part, "issue", -qty, _pick(self.rng, self.staff.clerks),
                   order=order.id, line=line.id, reference=order.number)
        self._after_outflow(when, part)

    def _return(self, when: int, order: Order, line: Line, qty: int) -> None:
        assert line.part_id is not None
        self._move(when, line.part_id, "return", qty, _pick(self.rng, self.staff.clerks),
                   order=order.id, line=line.id, reference=order.number, note="多领退回")

    def _restock(self, when: int, part: int) -> None:
        self.pending[part] = 0
        spec = self.cat.parts[part - 1]
        qty = spec.max_qty - self.on_hand[part]
        if qty > 0:
            self._receive(when, part, qty, "补货入库")

    def _counter_sale(self, when: int, part: int, qty: int) -> None:
        if self.on_hand[part] < qty:
            return
        self._move(when, part, "counter_sale", -qty, _pick(self.rng, self.staff.clerks),
                   reference=f"LS{self.t.date(local_day(when)).replace('-', '')}",
                   note="门市零售")
        self._after_outflow(when, part)

    def _stocktake(self, when: int) -> None:
        rng = self.rng
        for part in range(1, len(self.cat.parts) + 1):
            if self.on_hand[part] <= 0 or rng.random() >= 0.012:
                continue
            delta = 1000 if self.cat.parts[part - 1].unit != "L" else 500
            if rng.random() < 0.6 and self.on_hand[part] >= delta:
                delta = -delta
            self._move(when, part, "adjustment", delta, self.staff.clerks[0],
                       reference=f"PD{calendar.date_of(local_day(when)).year}", note="年度盘点")

    # --- a visit --------------------------------------------------------------------------

    def _visit(self, index: int, when: int, vehicle: int, comeback: bool) -> None:
        plan, rng = self.plan, self.rng
        day = local_day(when)
        model_index = plan.model[vehicle]
        model = MODELS[model_index]
        customer = plan.owner_on(vehicle, day)
        company = bool(plan.customer_company[customer])
        member = 1000 if (customer * 2654435761) % 100 < 15 else 0
        km = plan.km(vehicle, day)
        age = day - plan.reg_day[vehicle]
        first = self.visits_of[vehicle] == 0
        kind = self.compose.kind_for(
            rng, comeback=comeback and self.last_order[vehicle] > 0,
            first=first, pdi=first and plan.entry_kind[vehicle] == NEW_SALE
            and day - plan.entry_day[vehicle] <= 2,
            new=age < 300 and km < 8000, in_warranty=age < 3 * 365 and km < 100_000)
        year = calendar.date_of(day).year
        rate = calendar.vat_rate(when)
        o = Order()
        o.id = index + 1
        o.number = self.series["repair_order"].next()
        o.vehicle, o.customer, o.company = vehicle, customer, company
        o.opened, o.km = when, km
        o.advisor = self.staff.advisors[(vehicle + index // 40) % len(self.staff.advisors)]
        if kind == "comeback":
            o.comeback_of = self.last_order[vehicle]
        o.jobs = self.compose.compose(rng, kind, model_index, model, year, rate, member,
                                      company)
        positions = {LABOUR: 0, PART: 0, CHARGE: 0}
        for job, lines in o.jobs:
            tech = None
            if job is not None:
                pool = self.staff.body if job.category == "钣喷" else self.staff.mechanics
                tech = pool[int(rng.random() * len(pool))]
                bays = self.staff.bays.get(_BAY_KIND.get(job.category, "general")) or \
                    self.staff.bays["general"]
                bay = bays[int(rng.random() * len(bays))]
            for line in lines:
                positions[line.kind] += 1
                line.position = positions[line.kind]
                line.id = self._id(line.kind + "_line")
                if line.kind == LABOUR and tech is not None:
                    line.tech, line.team, line.bay = tech[0], tech[1], bay
                self.amounts(line)
                o.lines.append(line)
        o.fields = self._check_in_texts(kind)
        self.visits_of[vehicle] = min(self.visits_of[vehicle] + 1, 255)
        self.last_order[vehicle] = o.id
        self.counts.orders += 1
        if plan.is_open[index]:
            self._open_order(o)
        elif kind not in ("pdi", "comeback") and rng.random() < 0.015:
            self._cancelled(o)
        else:
            self._historic(o, kind)

    def _check_in_texts(self, kind: str) -> dict[str, Any]:
        rng = self.rng
        key = {"pdi": "internal", "first": "service", "comeback": "repair"}.get(kind, kind)
        return {"fuel": between(rng, 1, 8), "damage": _pick(rng, DAMAGE_NOTES),
                "valuables": _pick(rng, VALUABLES), "lights": _pick(rng, WARNING_LIGHTS),
                "complaint": _pick(rng, COMPLAINTS[key]), "diagnosis": _pick(rng, DIAGNOSES),
                "contact": "wechat" if rng.random() < 0.45 else "phone",
                "waiting": kind in ("service", "first", "tyres") and rng.random() < 0.4}

    def _mileage(self, o: Order) -> None:
        self.r_mileage.append((self._id("mileage_reading"), o.vehicle + 1, o.km,
                               self.t.stored(o.opened), o.id, "", o.advisor))

    def _write_lines(self, o: Order, *, status: Callable[[Line, int], str]) -> None:
        """Write the order's lines (labour status by ``status(line, job number)``)."""
        for number, (_job, lines) in enumerate(o.jobs):
            for line in lines:
                common = (line.id, o.id, line.position, line.description, line.payer,
                          line.disc, line.rate, line.additional, line.approval_id)
                if line.kind == LABOUR:
                    self.r_labour.append((*common, line.code, line.qty // 10, line.price,
                                          status(line, number), line.tech, line.team,
                                          line.bay))
                elif line.kind == PART:
                    self.r_part.append((*common, line.part_id, line.code, line.qty,
                                        line.price, line.issued))
                else:
                    self.r_charge.append((*common, line.price))

    def _additional_work(self, o: Order, at: int, *, approved: bool) -> None:
        """The last job was found during the work: additional, approved (or not yet)."""
        jobs = [lines for job, lines in o.jobs if job is not None]
        if len(jobs) < 2:
            return
        job_lines = jobs[-1]
        approval = self._id("work_approval") if approved else None
        for line in job_lines:
            line.additional = True
            line.approval_id = approval
        if approval is not None:
            rng = self.rng
            minutes = sum(line.qty for line in job_lines if line.kind == LABOUR) * 60 // 1000
            self.r_approval.append((
                approval, o.id, _pick(rng, APPROVERS), self.t.stored(at),
                _pick(rng, ("in_person", "phone", "phone", "message")),
                sum(line.gross for line in job_lines), minutes,
                o.advisor, _pick(rng, APPROVAL_NOTES)))

    def _work_minutes(self, o: Order) -> int:
        hours = sum(line.qty for line in o.lines if line.kind == LABOUR) // 1000
        return max(20, int(hours * 60 * (0.9 + 0.6 * self.rng.random())) + 15)

    def _historic(self, o: Order, kind: str) -> None:
        """A visit long finished: worked on, invoiced, paid, handed over (and followed up)."""
        rng, now = self.rng, self.plan.now
        signed = o.opened + between(rng, 300, 1200)
        start = signed + between(rng, 600, 5400)
        work = self._work_minutes(o) * 60
        if kind == "body":
            work += between(rng, 1, 6) * DAY
        elif rng.random() < 0.05:
            work += between(rng, 1, 3) * DAY  # waited for a part
        completed = _working_hours(start + work)
        called = completed + between(rng, 60, 900)
        if o.fields["waiting"]:
            pickup = called + between(rng, 300, 1200)
        else:
            pickup = _working_hours(called + between(rng, 1800, 4 * 3600))
        delivered = pickup + between(rng, 300, 900)
        limit = now - 3600  # paying and handing over follow within the half hour after pickup
        if delivered >= limit:  # close to "now": everything went faster
            scale = max(limit - o.opened, 60) / (delivered - o.opened)
            signed, start, completed, called, pickup, delivered = (
                o.opened + int((x - o.opened) * scale)
                for x in (signed, start, completed, called, pickup, delivered))
        o.promised = o.opened + ((completed - o.opened) // 1800 + 1) * 1800
        o.completed, o.delivered = completed, delivered
        o.fields.update(signed=signed, reviewed=completed + 120, called=called)
        if rng.random() < 0.12:
            self._additional_work(o, start + (completed - start) // 3, approved=True)
        o.state = "closed" if delivered < now - 7 * DAY else "delivered"
        o.credit = rng.random() < 0.004
        self._mileage(o)
        self._issue_parts(o, start, completed)
        self._write_lines(o, status=lambda _line, _n: "qc_passed")
        self._push(pickup, _SETTLE, o)

    def _issue_parts(self, o: Order, start: int, end: int, *, upto: int | None = None,
                     skip: int | None = None) -> None:
        """Hand out the parts of the jobs (up to job ``upto``, not job ``skip``) between
        ``start`` and ``end``."""
        rng = self.rng
        span = max(end - start, 2)
        for number, (_job, lines) in enumerate(o.jobs):
            if upto is not None and number > upto:
                break
            if number == skip:
                continue
            at = start + span * number // max(len(o.jobs), 1)
            later = min(at + span // 2, end)
            for line in lines:
                if line.kind != PART or line.part_id is None or (
                        line.additional and line.approval_id is None):
                    continue
                line.issued = line.qty
                r = rng.random()
                if r < 0.05 and line.qty >= 2000 and line.qty % 1000 == 0:
                    first = line.qty // 2000 * 1000
                    self._push(at, _ISSUE, (o, line, first))
                    self._push(later, _ISSUE, (o, line, line.qty - first))
                elif r < 0.07 and line.qty % 1000 == 0:
                    self._push(at, _ISSUE, (o, line, line.qty + 1000))
                    self._push(later, _RETURN, (o, line, 1000))
                else:
                    self._push(at, _ISSUE, (o, line, line.qty))

    def _cancelled(self, o: Order) -> None:
        rng = self.rng
        o.state = "cancelled"
        at = o.opened + between(rng, 1200, 3 * 3600)
        o.cancelled = _pick(rng, CANCEL_REASONS)
        self._mileage(o)
        parts = [line for line in o.lines if line.kind == PART]
        if parts and rng.random() < 0.2:  # parts had been handed out: they came back
            for line in parts:
                self._push(o.opened + 600, _ISSUE, (o, line, line.qty))
                self._push(at - 60, _RETURN, (o, line, line.qty))
        self._write_lines(o, status=lambda _line, _n: "open")
        self.r_order.append(self._order_row(o, "cancelled"))
        self._status(o.id, "estimated", "cancelled", at, o.advisor, o.cancelled)

    # --- orders still in the workshop -----------------------------------------------------

    def _open_state(self, age_hours: float) -> str:
        r = self.rng.random()
        if age_hours < 0.6:
            return "open"
        if age_hours < 1.5:
            return "open" if r < 0.3 else "estimated" if r < 0.7 else "approved"
        if age_hours < 4:
            return ("estimated" if r < 0.15 else "approved" if r < 0.4 else
                    "in_progress" if r < 0.9 else "waiting")
        if age_hours < 24:
            return ("in_progress" if r < 0.45 else "waiting" if r < 0.6 else "qc" if r < 0.7
                    else "completed" if r < 0.88 else "invoiced")
        return ("approved" if r < 0.08 else "in_progress" if r < 0.28 else "waiting" if r < 0.54
                else "qc" if r < 0.58 else "completed" if r < 0.77 else "invoiced")

    def _open_order(self, o: Order) -> None:
        """An order still in the workshop this morning, in a state that fits its age."""
        rng, now = self.rng, self.plan.now
        state = self._open_state((now - o.opened) / 3600)
        o.state = state
        self.counts.open_orders += 1
        path = _PATHS[state]
        span = max(now - o.opened - 240, 2)
        times = sorted(o.opened + 1 + int(span * rng.random()) for _ in path[1:])
        at = dict(zip(path[1:], times, strict=True))
        o.status_rows = [("draft", "open", o.opened, o.advisor, "check-in")]
        for previous, step in itertools.pairwise(path):
            o.status_rows.append((previous, step, at[step], o.advisor, ""))
        self._mileage(o)
        if state == "open":
            o.jobs = o.jobs[:1]
            o.lines = list(o.jobs[0][1])
        signed = at.get("approved")
        o.fields.update(signed=signed, reviewed=None, called=None)
        start = at.get("in_progress", now - 180)
        job_status: dict[int, str] = {}
        if state in ("open", "estimated"):
            job_status = dict.fromkeys(range(len(o.jobs)), "open")
        elif state == "approved":
            job_status = dict.fromkeys(range(len(o.jobs)), "dispatched")
            for _job, lines in o.jobs:
                self.reservations += [(line, o.id, signed or o.opened) for line in lines
                                      if line.kind == PART and line.part_id]
        elif state in ("in_progress", "waiting"):
            jobs = len(o.jobs)
            current = int(jobs * rng.random())
            for n in range(jobs):
                job_status[n] = ("done" if n < current else "in_progress" if n == current
                                 else "dispatched")
            skip = self._waiting(o, job_status, current) if state == "waiting" else None
            self._issue_parts(o, start, now - 120, upto=current, skip=skip)
            self._clock_entries(o, job_status, start)
        else:
            job_status = dict.fromkeys(range(len(o.jobs)), "done" if state == "qc" else
                                       "qc_passed")
            self._issue_parts(o, start, at["qc"] - 1)
            if state != "qc":
                o.completed = at["completed"]
                o.fields.update(reviewed=o.completed + 1, called=min(o.completed + 300, now))
                self.r_qc.append((self._id("qc_record"), o.id, None,
                                  self.staff.foremen[0], True, "", self.t.stored(at["qc"])))
            if state == "invoiced":
                self._push(at["invoiced"], _SETTLE, o)
        o.promised = now + between(rng, 1, 8) * 3600
        self._write_lines(o, status=lambda line, n: "pending" if (
            line.additional and line.approval_id is None) else job_status.get(n, "open"))
        self.open_orders.append(o)

    def _waiting(self, o: Order, job_status: dict[int, str], current: int) -> int | None:
        """Why the order waits; returns the job whose parts have not arrived (if that)."""
        rng = self.rng
        jobs = [n for n, (job, _l) in enumerate(o.jobs) if job is not None]
        r = rng.random()
        skip = None
        if len(jobs) >= 2 and jobs[-1] > current and r < 0.3:
            o.wait_reason = "approval"
            self._additional_work(o, o.opened, approved=False)
        elif r < 0.85:
            o.wait_reason = "parts"
            job_status[current] = "waiting"
            skip = current
        else:
            o.wait_reason = "sublet"
            name, (low, high) = _pick(rng, CHARGE_SUBLET)
            line = Line(CHARGE, "", name, 1000, between(rng, low, high) * 100, 0, CUSTOMER,
                        calendar.vat_rate(o.opened))
            line.position = sum(1 for x in o.lines if x.kind == CHARGE) + 1
            line.id = self._id("charge_line")
            self.amounts(line)
            o.jobs.append((None, [line]))
            o.lines.append(line)
        o.fields["diagnosis"] = WAIT_NOTES[o.wait_reason]
        return skip

    def _clock_entries(self, o: Order, job_status: dict[int, str], start: int) -> None:
        for n, (_job, lines) in enumerate(o.jobs):
            status = job_status.get(n)
            if status not in ("in_progress", "done") or not lines or lines[0].tech is None:
                continue
            labour = lines[0]
            ended = None if status == "in_progress" else self.t.stored(start + 1800)
            self.r_clock.append((self._id("clock_entry"), labour.id, labour.tech,
                                 self.t.stored(start), ended))

    def _finish_open_orders(self) -> None:
        for o in self.open_orders:
            self.r_order.append(self._order_row(o, o.state))
            for from_status, to_status, at, user, reason in o.status_rows:
                self._status(o.id, from_status, to_status, at, user, reason)
        for line, order_id, at in self.reservations:
            part = line.part_id
            assert part is not None
            if self.on_hand[part] - self.reserved[part] >= line.qty:
                self.reserved[part] += line.qty
                self.r_reservation.append((self._id("stock_reservation"), part, order_id,
                                           line.id, line.qty, self.t.stored(at)))

    # --- order rows -----------------------------------------------------------------------

    def _status(self, order_id: int, from_status: str, to_status: str, at: int, user: int,
                reason: str) -> None:
        self.r_status.append((self._id("order_status_change"), order_id, from_status,
                              to_status, self.t.stored(at), user, reason))

    def _order_row(self, o: Order, status: str, *, gate_pass: str | None = None) -> tuple:
        f, ts = o.fields, self.t.stored
        stamp = lambda x: None if x is None else ts(x)  # noqa: E731
        delivered = o.delivered if status in ("delivered", "closed") else None
        return (o.id, o.number, status, o.wait_reason if status == "waiting" else None,
                o.customer + 1, o.vehicle + 1, o.advisor, ts(o.opened), stamp(o.promised),
                stamp(o.completed), stamp(delivered), o.km, f["fuel"], f["damage"],
                f["valuables"], f["lights"], f["complaint"], f["diagnosis"], f["contact"],
                f["waiting"], stamp(f.get("signed")), o.comeback_of, o.cancelled, 0,
                stamp(f.get("reviewed")), self.staff.foremen[0] if f.get("reviewed") else None,
                stamp(f.get("called")), gate_pass, stamp(delivered) if gate_pass else None,
                o.advisor if gate_pass else None, 1 + len(o.status_rows))

    # --- the cashier ----------------------------------------------------------------------

    def _billable(self, o: Order) -> list[Line]:
        return [line for kind in (LABOUR, PART, CHARGE) for line in o.lines
                if line.kind == kind and line.billable]

    def _cashier(self, t: int) -> int:
        cashiers = self.staff.cashiers
        return cashiers[(local_day(t) + t // 3600) % len(cashiers)]

    def _settle(self, t: int, o: Order) -> None:
        """Invoice the order; the customer pays a moment later (another event)."""
        rng = self.rng
        cashier = self._cashier(t)
        invoice = self._invoice(o, t, cashier, self._billable(o))
        if o.state == "invoiced":  # still here this morning: paid in part, in full or not
            r = rng.random()
            if r < 0.6:
                self._push(t + between(rng, 30, 180), _PAY, (o, invoice, r < 0.4, False))
            return
        if o.credit:
            o.status_rows.append(("completed", "invoiced", t, cashier, ""))
            if rng.random() < 0.3:  # noticed after paying: the money goes back
                self._push(t + between(rng, 30, 180), _PAY, (o, invoice, True, True))
            else:
                self._push(t + between(rng, 60, 300), _CREDIT, (o, invoice, []))
            return
        self._push(t + between(rng, 30, 180), _PAY, (o, invoice, True, False))

    def _pay(self, t: int, o: Order, invoice: tuple[int, str, int, dict[str, int]],
             full: bool, then_credit: bool) -> None:
        """The customer pays (split, maybe only half); then the car goes home."""
        rng = self.rng
        cashier = self._cashier(t)
        paid = self._payments(o, invoice, t, cashier, full=full)
        if then_credit:
            self._push(t + between(rng, 120, 600), _CREDIT, (o, invoice, paid))
        elif o.state != "invoiced":
            self._deliver(t + len(paid) + between(rng, 120, 600), o)

    def _credit(self, t: int, o: Order, invoice: tuple[int, str, int, dict[str, int]],
                paid: list[tuple[int, str, str, int]]) -> None:
        """The invoice title was wrong: a credit note, refunds, and a new invoice."""
        cashier = self._cashier(t)
        note = self._invoice(o, t, cashier, self._billable(o), original=invoice,
                             reason=_CREDIT_REASON)
        key = f"{self.rng.getrandbits(64):016x}"
        for i, (_at, method, payer, amount) in enumerate(paid):
            self._payment(note[0], method, payer, -amount, None, "原路退回", f"{key}:{i}",
                          t + i + 1, cashier)
        o.status_rows.append(("invoiced", "completed", t, cashier,
                              f"{invoice[1]}: {_CREDIT_REASON}"))
        o.status_rows.append(("completed", "invoiced", t + 300, cashier, ""))
        o.credit = False
        invoice = self._invoice(o, t + 300, cashier, self._billable(o))
        self._push(t + 300 + between(self.rng, 30, 180), _PAY, (o, invoice, True, False))

    def _deliver(self, t: int, o: Order) -> None:
        """Hand the car over with a gate pass; write the finished order and its history."""
        rng = self.rng
        o.delivered = t
        gate_pass = self.series["gate_pass"].next()
        self.r_order.append(self._order_row(o, o.state, gate_pass=gate_pass))
        for row in o.status_rows:
            self._status(o.id, *row)
        if o.state == "closed":
            if o.status_rows:
                self._status(o.id, "invoiced", "delivered", t, o.advisor, "")
            close = t + between(rng, 2, 4) * DAY
            if close >= self.plan.now:
                close = (t + self.plan.now) // 2
            self._status(o.id, "delivered", "closed", close, _pick(rng, self.staff.care),
                         "回访完成")
        else:
            self._status(o.id, "invoiced", "delivered", t, o.advisor, "")

    def _chain(self) -> tuple[int, str]:
        self.chain_seq += 1
        return self.chain_seq, self.chain_hash

    def _invoice(self, o: Order, t: int, cashier: int, lines: list[Line], *,
                 original: tuple[int, str, int, dict[str, int]] | None = None,
                 reason: str = "") -> tuple[int, str, int, dict[str, int]]:
        """Issue an invoice (or, with ``original``, its credit note); (id, number, gross,
        shares)."""
        sign = -1 if original else 1
        invoice_id = self._id("invoice")
        number = self.series["credit_note" if original else "invoice"].next()
        docs, rows = [], []
        net = tax = gross = 0
        shares = dict.fromkeys(_PAYERS, 0)
        for position, line in enumerate(lines, start=1):
            lnet, ltax, lgross = sign * line.net, sign * line.tax, sign * line.gross
            net, tax, gross = net + lnet, tax + ltax, gross + lgross
            shares[line.payer] += lgross
            docs.append(invoice_line_doc(position, line.kind, line.code, line.description,
                                         line.payer, self.amounts.texts(line, sign)))
            rows.append((self._id("invoice_line"), invoice_id, position, line.kind, line.code,
                         line.description, sign * line.qty, line.price, line.disc,
                         line.payer, line.rate, lnet, ltax, lgross))
        seq, prev = self._chain()
        kind = "credit_note" if original else "invoice"
        original_id = original[0] if original else None
        digest = sha256(invoice_bytes(
            chain_seq=seq, prev_hash=prev, number=number, kind=kind, repair_order_id=o.id,
            customer_id=o.customer + 1, issued_at=self.t.canonical(t), issued_by_id=cashier,
            currency=self.currency, prices_include_tax=self.inclusive,
            rounding_rule=ROUNDING_RULE, net_total=net, tax_total=tax, gross_total=gross,
            customer_share=shares[CUSTOMER], insurer_share=shares[INSURER],
            warranty_share=shares[WARRANTY], internal_share=shares[INTERNAL],
            original_invoice_id=original_id, reason=reason, lines=docs))
        self.chain_hash = digest
        self.r_invoice.append((invoice_id, number, kind, o.id, o.customer + 1,
                               self.t.stored(t), cashier, self.currency, self.inclusive,
                               ROUNDING_RULE, net, tax, gross, shares[CUSTOMER],
                               shares[INSURER], shares[WARRANTY], shares[INTERNAL],
                               original_id, reason, seq, prev, digest))
        self.r_invoice_line.extend(rows)
        if original:
            self.counts.credit_notes += 1
        else:
            self.counts.invoices += 1
        return invoice_id, number, gross, shares

    def _mix(self, t: int) -> list[float]:
        plan = self.plan
        x = (local_day(t) - plan.start_day) / max(plan.today_day - plan.start_day, 1)
        return [a + (b - a) * x for a, b in zip(_MIX_START, _MIX_END, strict=True)]

    def _payments(self, o: Order, invoice: tuple[int, str, int, dict[str, int]], t: int,
                  cashier: int, *, full: bool) -> list[tuple[int, str, str, int]]:
        """Take the money of each payer's share (the customer's maybe split, maybe half)."""
        rng = self.rng
        invoice_id, _number, _gross, shares = invoice
        key = f"{rng.getrandbits(64):016x}"
        parts: list[tuple[str, str, int]] = []
        customer = shares[CUSTOMER]
        if customer > 0:
            if not full:
                customer = customer // 2 // 100 * 100 or customer
            if o.company:
                parts.append(("bank_transfer" if rng.random() < 0.6 else "account", CUSTOMER,
                              customer))
            else:
                splits = 1 if rng.random() < 0.85 or customer < 20000 else \
                    2 if rng.random() < 0.8 else 3
                weights = self._mix(t)
                left = customer
                for i in range(splits):
                    method = rng.choices(_METHODS, weights)[0]
                    if i == splits - 1:
                        amount = left
                    else:
                        amount = max(left * between(rng, 30, 70) // 100 // 100 * 100, 100)
                    if amount <= 0:
                        break
                    parts.append((method, CUSTOMER, amount))
                    left -= amount
        for payer in (INSURER, WARRANTY, INTERNAL):
            if shares[payer] > 0:
                parts.append(("account", payer, shares[payer]))
        done: list[tuple[int, str, str, int]] = []
        for i, (method, payer, amount) in enumerate(parts):
            tendered = None
            if method == "cash" and rng.random() < 0.7:
                tendered = (amount + 9999) // 10000 * 10000
            t += 1
            self._payment(invoice_id, method, payer, amount, tendered,
                          self._reference(method, payer, t), f"{key}:{i}", t, cashier)
            done.append((t, method, payer, amount))
        return done

    def _reference(self, method: str, payer: str, t: int) -> str:
        rng = self.rng
        if payer == INSURER:
            return f"理赔号 RDAA{self.t.date(local_day(t))[:4]}{rng.randrange(10**10):010d}"
        if payer == WARRANTY:
            return f"索赔单 WC{rng.randrange(10**8):08d}"
        if payer == INTERNAL:
            return "内部结算"
        if method == "wechat_pay":
            return f"4200{rng.randrange(10**24):024d}"
        if method == "alipay":
            return f"{self.t.date(local_day(t)).replace('-', '')}2200{rng.randrange(10**16):016d}"
        if method == "card":
            return f"POS{rng.randrange(10**6):06d} 卡尾号{rng.randrange(10**4):04d}"
        if method == "bank_transfer":
            return f"网银{rng.randrange(10**12):012d}"
        return ""

    def _payment(self, invoice_id: int, method: str, payer: str, amount: int,
                 tendered: int | None, reference: str, key: str, t: int, cashier: int) -> int:
        payment_id = self._id("payment")
        number = self.series["receipt"].next()
        till = self._till_for(t, amount) if method == "cash" else None
        seq, prev = self._chain()
        digest = sha256(payment_bytes(
            chain_seq=seq, prev_hash=prev, number=number, invoice_id=invoice_id, method=method,
            payer=payer, amount=amount, tendered=tendered, reference=reference,
            idempotency_key=key, till_session_id=till, received_at=self.t.canonical(t),
            received_by_id=cashier))
        self.chain_hash = digest
        self.r_payment.append((payment_id, number, invoice_id, method, payer, amount, tendered,
                               reference, key, till, self.t.stored(t), cashier, seq, prev,
                               digest))
        self.counts.payments += 1
        return payment_id

    def _till_for(self, t: int, amount: int) -> int:
        """The day's till (opened at eight, closed in the evening); adds the cash to it."""
        day = local_day(t)
        if not self.till or self.till[1] != day:
            self._close_till()
            self.till = [self._id("till_session"), day, 0]
        self.till[2] += amount
        return self.till[0]

    def _close_till(self, *, final: bool = False) -> None:
        """Write the current till row: closed and counted, or (today's) still open."""
        ts = self.t.stored
        cashier = self.staff.cashiers[0]
        if final and (not self.till or self.till[1] != self.plan.today_day):
            self._close_till()
            self.till = [self._id("till_session"), self.plan.today_day, 0]
        if not self.till:
            return
        till_id, day, cash = self.till
        opened = ts(local_seconds(day, 8 * 60))
        if final:
            self.r_till.append((till_id, "收银台1", "open", cashier, opened, _OPEN_FLOAT, None,
                                None, None, None, 1))
        else:
            expected = _OPEN_FLOAT + cash
            counted = expected if self.rng.random() < 0.97 else \
                expected + _pick(self.rng, (-1, 1)) * between(self.rng, 1, 50) * 100
            self.r_till.append((till_id, "收银台1", "closed", cashier, opened, _OPEN_FLOAT,
                                cashier, ts(local_seconds(day, 19 * 60)), expected, counted, 2))
        self.till = []


def _pick(rng: random.Random, items: Any) -> Any:
    """``rng.choice`` without its overhead (one C call for the random number)."""
    return items[int(rng.random() * len(items))]


def _working_hours(t: int) -> int:
    """Move a time after closing (18:30) or before opening (08:30) to the next working hour."""
    minute = (t + calendar.CST) % DAY // 60
    if minute > 18 * 60 + 30:
        return t + (DAY - minute * 60) + (8 * 60 + 30 + minute % 60) * 60
    if minute < 8 * 60 + 30:
        return t + (8 * 60 + 30 - minute) * 60
    return t
