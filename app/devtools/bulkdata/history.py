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

import itertools
import random
from collections.abc import Callable
from typing import Any

from app.devtools.bulkdata import calendar
from app.devtools.bulkdata.calendar import DAY, local_day, local_seconds
from app.devtools.bulkdata.cashier import Cashier
from app.devtools.bulkdata.catalogue import Catalogue
from app.devtools.bulkdata.events import (
    CASHIER_EVENTS,
    COUNTER,
    CREDIT,
    ISSUE,
    PAY,
    RESTOCK,
    RETURN,
    SETTLE,
    STOCKTAKE,
    Events,
)
from app.devtools.bulkdata.orders import (
    CHARGE,
    CUSTOMER,
    LABOUR,
    PART,
    Amounts,
    Composer,
    Line,
    Order,
    Series,
    Staff,
    between,
    pick,
)
from app.devtools.bulkdata.plan import NEW_SALE, Plan
from app.devtools.bulkdata.stock import StockBook
from app.devtools.bulkdata.vocabulary import (
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
from app.devtools.bulkdata.writer import BulkWriter

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
_BAY_KIND = {"保养": "quick", "轮胎": "alignment", "钣喷": "body"}


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
        self.progress = progress
        self.rng = random.Random(f"bayline-bulk:{plan.seed}:history")
        self.compose = Composer(catalogue)
        self.amounts = Amounts(prices_include_tax)
        self.events = Events()
        self.day = plan.start_day - 1
        self.ids: dict[str, Callable[[], int]] = {}
        self.visits_of = bytearray(len(plan.entry_day))
        self.last_order = [0] * len(plan.entry_day)
        self.open_orders: list[Order] = []
        self.reservations: list[tuple[Line, int, int]] = []
        self._tables()
        self.stock = StockBook(catalogue, staff, writer, self.rng, self.events,
                               per_day=plan.size.counter_sales_per_day,
                               first_day=calendar.date_of(plan.start_day), last_day=plan.today)
        self.cashier = Cashier(staff, writer, self.rng, self.events, series, self.amounts,
                               currency=currency, prices_include_tax=prices_include_tax,
                               start_day=plan.start_day, today_day=plan.today_day,
                               deliver=self.deliver)

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
        self.r_reservation = t("stock_reservation", (
            "id", "part_id", "repair_order_id", "part_line_id", "quantity", "created_at"))
        self.r_clock = t("clock_entry", (
            "id", "labour_line_id", "technician_id", "started_at", "ended_at"))
        self.clock_running: set[int] = set()  # technicians with a running clock (one each)
        self.r_qc = t("qc_record", (
            "id", "repair_order_id", "labour_line_id", "inspector_id", "passed", "notes",
            "inspected_at"))

    def _id(self, table: str) -> int:
        counter = self.ids.get(table)
        if counter is None:
            counter = self.ids[table] = itertools.count(1).__next__
        return counter()

    # --- the replay -----------------------------------------------------------------------

    def run(self) -> None:
        """Write the whole history."""
        plan = self.plan
        self.stock.opening_stock(local_seconds(plan.start_day, 7 * 60 + 30))
        total = len(plan.visits)
        for i in range(total):
            when, vehicle, comeback = plan.visit(i)
            self._advance(when)
            self._visit(i, when, vehicle, comeback)
            if i % 2000 == 1999:
                self.w.flush()
                self.progress(i + 1)
        self._advance(plan.now)
        if self.events.codes() & CASHIER_EVENTS:
            raise RuntimeError("a finished order was still at the cashier after 'now'")
        self.events.clear()  # stock still on its way arrives after "now"
        self._finish_open_orders()
        self.cashier.close_till(final=True)
        self.w.flush()
        self.progress(total)

    def _advance(self, until: int) -> None:
        """Replay every event up to ``until`` (and start the days on the way)."""
        day = local_day(until)
        while self.day < day:
            self.day += 1
            self.stock.new_day(self.day)
        stock, cashier = self.stock, self.cashier
        for when, code, payload in self.events.due(until):
            if code == ISSUE:
                stock.issue(when, *payload)
            elif code == RETURN:
                stock.give_back(when, *payload)
            elif code == RESTOCK:
                stock.restock(when, payload)
            elif code == COUNTER:
                stock.counter_sale(when, *payload)
            elif code == STOCKTAKE:
                stock.stocktake(when)
            elif code == SETTLE:
                cashier.settle(when, payload)
            elif code == PAY:
                cashier.pay(when, *payload)
            else:
                assert code == CREDIT
                cashier.credit(when, *payload)

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
        if plan.is_open[index]:
            self._open_order(o)
        elif kind not in ("pdi", "comeback") and rng.random() < 0.015:
            self._cancelled(o)
        else:
            self._historic(o, kind)

    def _check_in_texts(self, kind: str) -> dict[str, Any]:
        rng = self.rng
        key = {"pdi": "internal", "first": "service", "comeback": "repair"}.get(kind, kind)
        return {"fuel": between(rng, 1, 8), "damage": pick(rng, DAMAGE_NOTES),
                "valuables": pick(rng, VALUABLES), "lights": pick(rng, WARNING_LIGHTS),
                "complaint": pick(rng, COMPLAINTS[key]), "diagnosis": pick(rng, DIAGNOSES),
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
                approval, o.id, pick(rng, APPROVERS), self.t.stored(at),
                pick(rng, ("in_person", "phone", "phone", "message")),
                sum(line.gross for line in job_lines), minutes,
                o.advisor, pick(rng, APPROVAL_NOTES)))

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
        self.events.push(pickup, SETTLE, o)

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
                    self.events.push(at, ISSUE, (o, line, first))
                    self.events.push(later, ISSUE, (o, line, line.qty - first))
                elif r < 0.07 and line.qty % 1000 == 0:
                    self.events.push(at, ISSUE, (o, line, line.qty + 1000))
                    self.events.push(later, RETURN, (o, line, 1000))
                else:
                    self.events.push(at, ISSUE, (o, line, line.qty))

    def _cancelled(self, o: Order) -> None:
        rng = self.rng
        o.state = "cancelled"
        at = o.opened + between(rng, 1200, 3 * 3600)
        o.cancelled = pick(rng, CANCEL_REASONS)
        self._mileage(o)
        parts = [line for line in o.lines if line.kind == PART]
        if parts and rng.random() < 0.2:  # parts had been handed out: they came back
            for line in parts:
                self.events.push(o.opened + 600, ISSUE, (o, line, line.qty))
                self.events.push(at - 60, RETURN, (o, line, line.qty))
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
                self.events.push(at["invoiced"], SETTLE, o)
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
            name, (low, high) = pick(rng, CHARGE_SUBLET)
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
            # one running clock per technician (db.guards): on their other jobs in progress
            # the clock was stopped when they moved on
            running = status == "in_progress" and labour.tech not in self.clock_running
            if running and labour.tech is not None:
                self.clock_running.add(labour.tech)
            ended = None if running else self.t.stored(start + 1800)
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
            if self.stock.on_hand[part] - self.stock.reserved[part] >= line.qty:
                self.stock.reserved[part] += line.qty
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

    def deliver(self, t: int, o: Order) -> None:
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
            self._status(o.id, "delivered", "closed", close, pick(rng, self.staff.care),
                         "回访完成")
        else:
            self._status(o.id, "invoiced", "delivered", t, o.advisor, "")

def _working_hours(t: int) -> int:
    """Move a time after closing (18:30) or before opening (08:30) to the next working hour."""
    minute = (t + calendar.CST) % DAY // 60
    if minute > 18 * 60 + 30:
        return t + (DAY - minute * 60) + (8 * 60 + 30 + minute % 60) * 60
    if minute < 8 * 60 + 30:
        return t + (8 * 60 + 30 - minute) * 60
    return t
