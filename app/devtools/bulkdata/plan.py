"""Who comes when: vehicles entering the books, their owners, and every workshop visit.

The number of orders per day is fixed first (``calendar.daily_counts``: exact total, seasonal
load). A pool of vehicles ordered by when their next service is due then fills each day's
slots: a vehicle comes back after its service interval (5,000 km or six months, whichever
comes first, from its own daily mileage), sometimes a little early or late, until its owner
stops coming; new vehicles join the pool as they are sold or first come in. Mileage at a visit
follows from the registration date and the vehicle's daily distance, so it always increases.

Everything lives in compact ``array``s: the ``large`` plan holds a million vehicles.
"""

from __future__ import annotations

import heapq
import math
import random
from array import array
from dataclasses import dataclass
from datetime import date

from app.devtools.bulkdata import calendar
from app.devtools.bulkdata.people import Weighted
from app.devtools.bulkdata.sizes import BulkSize
from app.devtools.bulkdata.vocabulary import (
    MAKE_WEIGHTS_GROUP,
    MAKE_WEIGHTS_STORE,
    MODEL_POPULARITY,
    MODELS,
)

VEHICLE_BITS = 21  # visits are packed as (UTC seconds << 22) | (comeback << 21) | vehicle
_VEHICLE_MASK = (1 << VEHICLE_BITS) - 1
_COMEBACK_BIT = 1 << VEHICLE_BITS
_TIME_SHIFT = VEHICLE_BITS + 1
NEW_SALE, FIRST_VISIT = 1, 2  # entry kinds
OPEN_MINUTE = 10 * 60 + 30  # "now": half past ten in the morning of ``today``


@dataclass
class Plan:
    """The skeleton of the history: vehicles (by index), owners and visits (by order)."""

    size: BulkSize
    seed: int
    today: date
    start_day: int  # local day number of the first day
    today_day: int
    now: int  # UTC seconds: the moment the history ends
    makes: dict[str, int]
    # vehicles, in the order they entered the books (index = id - 1)
    model: array  # index into MODELS
    entry_day: array
    entry_kind: array  # NEW_SALE | FIRST_VISIT
    reg_day: array  # first registration
    rate: array  # km per day
    owner: array  # current owner (customer index)
    first_owner: array  # owner before a transfer (-1: none)
    transfer_day: array  # day the current owner took over (0: none)
    # customers, in the order they were created: (day, company?) per index
    customer_day: array
    customer_company: bytearray
    # visits, in time order (index = repair order id - 1)
    visits: array  # packed: time, comeback flag (a return of the previous job), vehicle
    open_from: int  # visits before this index are finished history
    is_open: bytearray  # 1: the order is still in the workshop today

    def visit(self, index: int) -> tuple[int, int, bool]:
        """(UTC seconds, vehicle index, comeback?) of visit ``index``."""
        packed = self.visits[index]
        return packed >> _TIME_SHIFT, packed & _VEHICLE_MASK, bool(packed & _COMEBACK_BIT)

    def km(self, vehicle: int, day: int) -> int:
        """The odometer on ``day`` (increases with the day; small per-visit jitter)."""
        age = max(day - self.reg_day[vehicle], 0)
        return int(self.rate[vehicle] * age) + 8 + (vehicle * 7919 + day * 104729) % 5

    def owner_on(self, vehicle: int, day: int) -> int:
        """The customer who owned ``vehicle`` on ``day``."""
        if self.transfer_day[vehicle] and day < self.transfer_day[vehicle]:
            return self.first_owner[vehicle]
        return self.owner[vehicle]


def make_weights(size: BulkSize) -> dict[str, int]:
    return dict(MAKE_WEIGHTS_GROUP if size.group else MAKE_WEIGHTS_STORE)


def _model_picker(makes: dict[str, int]) -> Weighted[int]:
    per_make: dict[str, int] = {}
    for model, popularity in zip(MODELS, MODEL_POPULARITY, strict=True):
        per_make[model.make] = per_make.get(model.make, 0) + popularity
    return Weighted([(i, makes[model.make] * popularity / per_make[model.make])
                     for i, (model, popularity) in enumerate(zip(MODELS, MODEL_POPULARITY,
                                                                 strict=True))
                     if makes.get(model.make)])


def make_plan(size: BulkSize, seed: int, today: date) -> Plan:
    """The plan for ``size`` and ``seed`` with the history ending this morning (``today``)."""
    rng = random.Random(f"bayline-bulk:{seed}:plan")
    start = today.replace(year=today.year - size.years)
    start_day, today_day = calendar.day_number(start), calendar.day_number(today)
    makes = make_weights(size)
    plan = Plan(size=size, seed=seed, today=today, start_day=start_day, today_day=today_day,
                now=calendar.local_seconds(today_day, OPEN_MINUTE), makes=makes,
                model=array("h"), entry_day=array("i"), entry_kind=array("b"),
                reg_day=array("i"), rate=array("f"), owner=array("i"),
                first_owner=array("i"), transfer_day=array("i"), customer_day=array("i"),
                customer_company=bytearray(), visits=array("q"), open_from=0, is_open=bytearray())
    _vehicles(plan, rng)
    _owners(plan, rng)
    _visits(plan, rng)
    _open_orders(plan)
    return plan


def _vehicles(plan: Plan, rng: random.Random) -> None:
    """Entry day, model, registration and daily distance of every vehicle, by entry day."""
    size = plan.size
    models = _model_picker(plan.makes)
    first_days = [calendar.day_number(date(m.first_year, 1, 1)) for m in MODELS]
    span = plan.today_day - plan.start_day
    # a tenth are regulars already on the books at the start; the rest arrive as the store
    # grows (a new car sold, or a first visit of a car bought elsewhere)
    rows: list[tuple[int, int, int, int, float]] = []
    for _ in range(size.vehicles):
        if rng.random() < 0.1:
            entry = plan.start_day
        else:  # density grows linearly by two thirds over the years
            x = (math.sqrt(0.36 + 0.64 * rng.random()) - 0.6) / 0.4
            entry = min(plan.start_day + int(span * x), plan.today_day - 1)
        model_index = models.pick(rng)
        earliest = first_days[model_index]
        if rng.random() < 0.55 and entry > earliest:
            kind, reg = NEW_SALE, entry
        else:
            kind = FIRST_VISIT
            reg = entry - int(rng.random() ** 1.5 * 8 * 365)
            if reg < earliest:
                reg = min(entry, earliest + rng.randrange(365))
        rate = min(max(math.exp(rng.gauss(math.log(36.0), 0.5)), 6.0), 260.0)
        rows.append((entry, kind, model_index, reg, rate))
    rows.sort(key=lambda r: r[0])
    for entry, kind, model_index, reg, rate in rows:
        plan.entry_day.append(entry)
        plan.entry_kind.append(int(kind))
        plan.model.append(model_index)
        plan.reg_day.append(reg)
        plan.rate.append(rate)


def _owners(plan: Plan, rng: random.Random) -> None:
    """Customers come into being with their first vehicle (or when they buy one used)."""
    size = plan.size
    vehicles = len(plan.entry_day)
    transfer_of = {}
    for v in rng.sample(range(vehicles), int(vehicles * 0.04)):
        low = plan.entry_day[v] + 365
        if low < plan.today_day - 30:
            transfer_of[v] = rng.randint(low, plan.today_day - 30)
    # exactly ``customers`` customers: the buyers of used cars, and new owners at these entries
    new_owners = max(min(size.customers - len(transfer_of), vehicles), 1)
    fresh = {0, *rng.sample(range(1, vehicles), new_owners - 1)}
    events = sorted([(plan.entry_day[v], 0, v) for v in range(vehicles)]
                    + [(day, 1, v) for v, day in transfer_of.items()])
    companies: list[int] = []
    people: list[int] = []
    owner = array("i", [-1]) * vehicles
    first_owner = array("i", [-1]) * vehicles
    transfer_day = array("i", [0]) * vehicles

    def new_customer(day: int) -> int:
        index = len(plan.customer_day)
        company = rng.random() < 0.07
        plan.customer_day.append(day)
        plan.customer_company.append(1 if company else 0)
        (companies if company else people).append(index)
        return index

    for day, kind, v in events:
        if kind == 1:
            first_owner[v] = owner[v]
            owner[v] = new_customer(day)
            transfer_day[v] = day
        elif v in fresh or not (people or companies):
            owner[v] = new_customer(day)
        elif companies and rng.random() < 0.45:
            owner[v] = companies[int(len(companies) * rng.random() ** 0.7)]
        else:
            owner[v] = rng.choice(people or companies)
    plan.owner, plan.first_owner, plan.transfer_day = owner, first_owner, transfer_day


def _visits(plan: Plan, rng: random.Random) -> None:
    """Fill each day's order slots from the pool of vehicles whose service is due."""
    size = plan.size
    vehicles = len(plan.entry_day)
    serviced = bytearray(1 if rng.random() < size.serviced_share else 0
                         for _ in range(vehicles))
    counts = calendar.daily_counts(size.orders, calendar.date_of(plan.start_day), plan.today)
    # the pool: (due day, tie, vehicle). After a visit an owner stops coming with probability
    # ``leave``, steered day by day so that the vehicles due match the day's slots: early
    # visits (nobody due) make owners stay, a backlog of overdue cars lets them go.
    leave = 1.0 / max(size.orders / max(sum(serviced), 1), 1.05)
    pool: list[tuple[int, int, int]] = []
    tie = 0
    next_entry = 0
    last_day = array("i", [-1000]) * vehicles
    pending_comeback = bytearray(vehicles)
    now = plan.now
    for offset, n in enumerate(counts):
        day = plan.start_day + offset
        while next_entry < vehicles and plan.entry_day[next_entry] <= day:
            v = next_entry
            next_entry += 1
            if not serviced[v]:
                continue
            if day == plan.start_day:
                due = day + rng.randrange(150)  # the regulars of the first months
            elif plan.entry_kind[v] == NEW_SALE and rng.random() > 0.3:
                due = day + min(int(5000 / plan.rate[v]), 180) + rng.randint(-10, 20)
            else:
                due = day  # a first visit (or the PDI of a car just sold)
            tie += 1
            heapq.heappush(pool, (due, tie, v))
        taken: list[int] = []
        deferred: list[tuple[int, int, int]] = []
        early = 0
        while len(taken) < n:
            if not pool:
                # nobody left at all: pull the next new vehicle forward
                while next_entry < vehicles and not serviced[next_entry]:
                    next_entry += 1
                if next_entry >= vehicles:
                    break
                plan.entry_day[next_entry] = day
                plan.reg_day[next_entry] = min(plan.reg_day[next_entry], day)
                tie += 1
                heapq.heappush(pool, (day, tie, next_entry))
                next_entry += 1
                continue
            entry = heapq.heappop(pool)
            v = entry[2]
            if last_day[v] >= day - 1:
                deferred.append(entry)
                continue
            if entry[0] > day + 14:
                early += 1
            taken.append(v)
        for entry in deferred:
            heapq.heappush(pool, entry)
        if early:
            leave = max(leave * 0.97, 0.01)
        elif pool and pool[0][0] < day - 21:
            leave = min(leave * 1.03, 0.6)
        minutes = sorted(calendar.arrival_minute(rng) for _ in taken)
        for minute, v in zip(minutes, taken, strict=True):
            when = calendar.local_seconds(day, minute)
            if when >= now:  # this morning's cars not yet arrived: they came a bit earlier
                when = now - 60 * (1 + v % 50)
            flag = _COMEBACK_BIT if pending_comeback[v] else 0
            plan.visits.append((when << _TIME_SHIFT) | flag | v)
            pending_comeback[v] = 0
            last_day[v] = day
            r = rng.random()
            if r < 0.012:
                pending_comeback[v] = 1
                due = day + rng.randint(3, 20)
            elif r < 0.012 + leave:
                continue
            else:
                gap = min(5000 / plan.rate[v], 182.0) * (0.75 + 0.6 * rng.random())
                due = day + max(int(gap), 25)
            tie += 1
            heapq.heappush(pool, (due, tie, v))
    plan.visits = array("q", sorted(plan.visits))


def _open_orders(plan: Plan) -> None:
    """The last ``open_orders`` visits that are their vehicle's last are still in the shop
    (which takes in every visit of the last days: a vehicle comes at most every other day)."""
    last_visit: dict[int, int] = {}
    for i, packed in enumerate(plan.visits):
        last_visit[packed & _VEHICLE_MASK] = i
    plan.is_open = bytearray(len(plan.visits))
    wanted = plan.size.open_orders
    i = len(plan.visits) - 1
    while wanted and i >= 0:
        packed = plan.visits[i]
        if last_visit[packed & _VEHICLE_MASK] == i:
            plan.is_open[i] = 1
            wanted -= 1
            plan.open_from = i
        i -= 1
