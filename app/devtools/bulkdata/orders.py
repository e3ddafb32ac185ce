"""What a visit becomes: the kind of work, its jobs, parts and charges, and who pays them.

Money is integer fen, quantities thousandths, rates basis points (1300 = 13 %). Every line's
net, tax and gross come from ``app.money.line_amounts`` (the app's own rounding rule), cached
per distinct (quantity, price, discount, rate): a few thousand combinations cover millions of
lines.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.devtools.bulkdata.canonical import line_texts
from app.devtools.bulkdata.catalogue import Catalogue
from app.devtools.bulkdata.people import Weighted
from app.devtools.bulkdata.vocabulary import (
    BODY_JOBS,
    CHARGE_COURTESY,
    CHARGE_DISPOSAL,
    CHARGE_MATERIALS,
    CHARGE_SUBLET,
    CHARGE_TOWING,
    EXTRA_JOBS,
    JOB_BY_CODE,
    PART_KINDS,
    REPAIR_JOBS,
    Job,
    Model,
)
from app.money import line_amounts
from db.enums import Payer

LABOUR, PART, CHARGE = "labour", "part", "charge"
CUSTOMER, INSURER, WARRANTY, INTERNAL = (Payer.CUSTOMER.value, Payer.INSURER.value,
                                         Payer.WARRANTY.value, Payer.INTERNAL.value)
KINDS = Weighted([("service", 53), ("repair", 21), ("body", 10), ("warranty", 6),
                  ("tyres", 5), ("internal", 1.5)])
_REPAIR = Weighted(REPAIR_JOBS)
_BODY = Weighted(BODY_JOBS)
_EXTRA = Weighted(EXTRA_JOBS)
_PART_KIND = {k.key: k for k in PART_KINDS}
_STD_RATE = ((2019, 15000), (2022, 16000), (2024, 17000), (9999, 18000))  # until year: fen


class Line:
    """One order line (labour, part or charge) with its money and, later, its invoice state."""

    __slots__ = ("additional", "approval_id", "bay", "code", "description", "disc", "gross",
                 "id", "issued", "job_status", "kind", "net", "part_id", "payer", "position",
                 "price", "qty", "rate", "tax", "team", "tech")

    def __init__(self, kind: str, code: str, description: str, qty: int, price: int,
                 disc: int, payer: str, rate: int) -> None:
        self.kind = kind
        self.code = code
        self.description = description
        self.qty = qty  # thousandths (labour: hours × 1000)
        self.price = price
        self.disc = disc
        self.payer = payer
        self.rate = rate
        self.additional = False
        self.approval_id: int | None = None
        self.id = 0
        self.position = 0
        self.part_id: int | None = None
        self.issued = 0
        self.job_status = "qc_passed"
        self.tech: int | None = None
        self.team: int | None = None
        self.bay: int | None = None
        self.net = self.tax = self.gross = 0

    @property
    def billable(self) -> bool:
        if self.additional and self.approval_id is None:
            return False
        return not (self.kind == LABOUR and self.job_status == "cancelled")


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

    __slots__ = ("advisor", "cancelled", "comeback_of", "company", "completed", "credit",
                 "customer", "delivered", "fields", "id", "jobs", "km", "lines", "number",
                 "opened", "promised", "state", "status_rows", "vehicle", "wait_reason")
    # set by the history when the order is opened (not in __init__: __slots__ keeps it cheap)
    id: int
    number: str
    vehicle: int
    customer: int
    company: bool
    opened: int
    km: int
    advisor: int

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.jobs: list[tuple[Any, list[Line]]] = []
        self.status_rows: list[tuple[str, str, int, int, str]] = []
        self.fields: dict[str, Any] = {}
        self.comeback_of: int | None = None
        self.completed: int | None = None
        self.delivered: int | None = None
        self.promised: int | None = None
        self.wait_reason: str | None = None
        self.cancelled = ""
        self.credit = False
        self.state = "closed"


def pick(rng: random.Random, items: Any) -> Any:
    """``rng.choice`` without its overhead (one C call for the random number)."""
    return items[int(rng.random() * len(items))]


class Amounts:
    """``line_amounts`` on integers, memoised (with the canonical texts of the numbers)."""

    def __init__(self, prices_include_tax: bool) -> None:
        self.inclusive = prices_include_tax
        self._cache: dict[tuple[int, int, int, int], tuple[int, int, int]] = {}
        self._texts: dict[tuple[int, int, int, int, int], tuple[str, ...]] = {}

    def texts(self, line: Line, sign: int) -> tuple[str, str, str, str, str, str, str]:
        """The line's numbers as canonical text, negated for a credit note (``sign`` -1)."""
        key = (line.qty, line.price, line.disc, line.rate, sign)
        hit = self._texts.get(key)
        if hit is None:
            hit = self._texts[key] = line_texts(sign * line.qty, line.price, line.disc,
                                                line.rate, sign * line.net, sign * line.tax,
                                                sign * line.gross)
        return hit  # type: ignore[return-value]

    def __call__(self, line: Line) -> None:
        key = (line.qty, line.price, line.disc, line.rate)
        hit = self._cache.get(key)
        if hit is None:
            a = line_amounts(Decimal(line.qty).scaleb(-3), Decimal(line.price).scaleb(-2),
                             Decimal(line.disc).scaleb(-4), Decimal(line.rate).scaleb(-4),
                             prices_include_tax=self.inclusive)
            hit = self._cache[key] = (int(a.net.scaleb(2)), int(a.tax.scaleb(2)),
                                      int(a.gross.scaleb(2)))
        line.net, line.tax, line.gross = hit


def between(rng: random.Random, low: int, high: int) -> int:
    """``rng.randint`` without its overhead."""
    return low + int(rng.random() * (high - low + 1))


def labour_rate(code: str, year: int) -> int:
    """The hourly rate (fen) of rate ``code`` in ``year``: it rose over the decade."""
    std = next(rate for until, rate in _STD_RATE if year < until)
    return std + 4000 if code == "BODY" else std


class Composer:
    """Builds the lines of an order for a vehicle, the way an advisor writes them."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.cat = catalogue
        self._prices: dict[tuple[int, int], int] = {}

    def part_price(self, part_id: int, year: int) -> int:
        """The sale price of a part in ``year`` (prices rose about 2 % a year)."""
        key = (part_id, year)
        price = self._prices.get(key)
        if price is None:
            base = self.cat.parts[part_id - 1].sale_price
            level = min(max(0.8 + 0.02 * (year - 2016), 0.8), 1.0)
            raw = base * level
            price = round(raw / 100) * 100 if raw >= 2000 else max(round(raw / 10) * 10, 10)
            self._prices[key] = price
        return price

    def kind_for(self, rng: random.Random, *, comeback: bool, first: bool, pdi: bool,
                 new: bool, in_warranty: bool) -> str:
        """What the visit is for."""
        if comeback:
            return "comeback"
        if pdi:
            return "pdi"
        if first and new:
            return "first"
        kind = KINDS.pick(rng)
        if kind == "warranty" and not in_warranty:
            return "repair"
        return kind

    def compose(self, rng: random.Random, kind: str, model_index: int, model: Model, year: int,
                rate: int, member: int, company: bool) -> list[tuple[Job | None, list[Line]]]:
        """Jobs with their lines (a job's labour line first), and loose charges (job None)."""
        jobs: list[tuple[Job, str]] = []
        ev = model.energy == "ev"
        if kind == "pdi":
            jobs.append((JOB_BY_CODE["PDI1"], INTERNAL))
        elif kind == "first":
            jobs.append((JOB_BY_CODE["EV10" if ev else "BY01"], WARRANTY))
        elif kind == "comeback":
            jobs.append((JOB_BY_CODE["FX01"], INTERNAL))
        elif kind == "service":
            if ev:
                jobs.append((JOB_BY_CODE["EV10"], CUSTOMER))
            else:
                r = rng.random()
                code = "BY10" if r < 0.58 else "BY20" if r < 0.86 else "BY40"
                jobs.append((JOB_BY_CODE[code], CUSTOMER))
            while rng.random() < 0.36 and len(jobs) < 4:
                jobs.append((JOB_BY_CODE[_EXTRA.pick(rng)], CUSTOMER))
        elif kind == "repair":
            for _ in range(1 + int(rng.random() ** 2 * 3)):
                jobs.append((JOB_BY_CODE[_REPAIR.pick(rng)], CUSTOMER))
        elif kind == "warranty":
            for _ in range(1 + int(rng.random() ** 3 * 2)):
                jobs.append((JOB_BY_CODE[_REPAIR.pick(rng)], WARRANTY))
            if rng.random() < 0.3 and not ev:
                jobs.append((JOB_BY_CODE["BY10"], CUSTOMER))
        elif kind == "body":
            payer = INSURER if rng.random() < 0.78 else CUSTOMER
            for _ in range(1 + int(rng.random() ** 2 * 3)):
                jobs.append((JOB_BY_CODE[_BODY.pick(rng)], payer))
        elif kind == "tyres":
            jobs.append((JOB_BY_CODE["LT01"], CUSTOMER))
            if rng.random() < 0.5:
                jobs.append((JOB_BY_CODE["DP01"], CUSTOMER))
        else:  # internal: a used car reconditioned for sale
            jobs.append((JOB_BY_CODE["ZB01"], INTERNAL))
            for _ in range(int(rng.random() * 3)):
                jobs.append((JOB_BY_CODE[_REPAIR.pick(rng)], INTERNAL))
        seen: set[str] = set()
        out: list[tuple[Job | None, list[Line]]] = []
        for job, payer in jobs:
            if job.code in seen:
                continue
            seen.add(job.code)
            out.append((job, self._job_lines(rng, job, payer, model_index, model, year, rate,
                                             member, company)))
        charges = self._charges(rng, kind, [j for j, _ in jobs], year, rate, out)
        if charges:
            out.append((None, charges))
        return out

    def _discount(self, payer: str, member: int, line_kind: str) -> int:
        if payer != CUSTOMER or not member:
            return 0
        return member if line_kind == LABOUR else member // 2

    def _job_lines(self, rng: random.Random, job: Job, payer: str, model_index: int,
                   model: Model, year: int, rate: int, member: int,
                   company: bool) -> list[Line]:
        hours = job.hours
        if job.code == "PQ01" or job.code.startswith("BJ0"):
            hours = hours * between(rng, 8, 16) // 10
        labour = Line(LABOUR, job.code, job.name, hours * 10, labour_rate(job.rate, year),
                      self._discount(payer, member, LABOUR), payer, rate)
        lines = [labour]
        for kind_key, qty, probability in job.parts:
            if probability < 1.0 and rng.random() >= probability:
                continue
            kind = _PART_KIND[kind_key]
            part_id = self.cat.find(rng, model_index, model, kind)
            if part_id is None:
                continue
            if qty == -1:
                qty = model.oil_litres
                if not qty:
                    continue
            elif qty == -2:
                qty = 4000 if rng.random() < 0.35 else 2000
            spec = self.cat.parts[part_id - 1]
            line = Line(PART, spec.part_no, spec.name, qty, self.part_price(part_id, year),
                        self._discount(payer, member, PART), payer, rate)
            line.part_id = part_id
            lines.append(line)
        if job.category == "钣喷":
            panels = 1 + int(rng.random() ** 2 * 3)
            paint = Line(LABOUR, "PQ01", JOB_BY_CODE["PQ01"].name, 2500 * panels,
                         labour_rate("BODY", year), 0, payer, rate)
            lines.insert(1, paint)
        if company and payer == CUSTOMER and rng.random() < 0.05:
            labour.disc = 1500
        return lines

    def _charges(self, rng: random.Random, kind: str, jobs: list[Job], year: int, rate: int,
                 out: list[tuple[Job | None, list[Line]]]) -> list[Line]:
        charges: list[Line] = []

        def add(name: str, low: int, high: int, payer: str) -> None:
            amount = between(rng, low, high) * 100
            charges.append(Line(CHARGE, "", name, 1000, amount, 0, payer, rate))

        codes = {j.code for j in jobs}
        if codes & {"BY10", "BY20", "BY40", "BY01"} and rng.random() < 0.85:
            payer = WARRANTY if "BY01" in codes else CUSTOMER
            add(CHARGE_DISPOSAL[0], *CHARGE_DISPOSAL[1], payer)
        if kind == "body":
            payer = next(lines[0].payer for job, lines in out if job is not None)
            add(CHARGE_MATERIALS[0], *CHARGE_MATERIALS[1], payer)
            if rng.random() < 0.15:
                add(CHARGE_COURTESY[0], *CHARGE_COURTESY[1], payer)
        if kind == "repair":
            if rng.random() < 0.04:
                name, (low, high) = rng.choice(CHARGE_SUBLET)
                add(name, low, high, CUSTOMER)
            if rng.random() < 0.015:
                add(CHARGE_TOWING[0], *CHARGE_TOWING[1], CUSTOMER)
        return charges
