"""The demo's script, decided up front from the seed: who the customers are, which cars they
drive, and when each car comes in for what. Pure Python; nothing touches the database here."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from app.customers.service import CustomerData
from app.demo import calendar, fleet, people
from app.demo.catalogue import JOB_BY_CODE, JOBS, JobSpec
from app.vehicles.service import VehicleData
from db.enums import CustomerKind, OrderStatus


@dataclass(frozen=True)
class Size:
    """How much demo data to make."""

    customers: int
    vehicles: int
    orders: int
    live_orders: int  # orders left in progress across the last days
    days: int  # history length
    appointments: int  # bookings still to come (today and the next days)
    batch_orders: int = 50  # orders per committed transaction


SIZES: dict[str, Size] = {
    "tiny": Size(customers=20, vehicles=24, orders=30, live_orders=7, days=60, appointments=3,
                 batch_orders=15),
    # The default: about 22 s on SQLite on a 2-core PC (a first start must not keep people
    # waiting); through the services an order costs ~80 ms, so the year is a quiet one.
    "demo": Size(customers=300, vehicles=350, orders=220, live_orders=25, days=365,
                 appointments=10),
    # A busier year (~600 orders); about two and a half times as long to generate.
    "full": Size(customers=300, vehicles=350, orders=600, live_orders=25, days=365,
                 appointments=12),
}

# Live orders, most recent first: the state each is left in.
LIVE_STATES: tuple[OrderStatus, ...] = (
    OrderStatus.OPEN, OrderStatus.ESTIMATED, OrderStatus.OPEN, OrderStatus.IN_PROGRESS,
    OrderStatus.ESTIMATED, OrderStatus.APPROVED, OrderStatus.IN_PROGRESS, OrderStatus.WAITING,
    OrderStatus.QC, OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED, OrderStatus.WAITING,
    OrderStatus.IN_PROGRESS, OrderStatus.APPROVED, OrderStatus.QC, OrderStatus.IN_PROGRESS,
    OrderStatus.COMPLETED, OrderStatus.WAITING, OrderStatus.IN_PROGRESS, OrderStatus.OPEN,
    OrderStatus.ESTIMATED, OrderStatus.QC, OrderStatus.COMPLETED, OrderStatus.IN_PROGRESS,
    OrderStatus.WAITING,
)
MAINTENANCE = frozenset({"MNT-5K", "MNT-10K", "MNT-EV", "FREE-1"})
COMEBACK_PRONE = frozenset({"BRK-PAD-F", "BRK-PAD-R", "BRK-DISC-F", "DIAG-ENG", "AC-GAS",
                            "THROTTLE", "BELT", "ALIGN"})
COMEBACK_JOB = JobSpec("RWK", "返修：复查上次维修项目", "0.50", (),
                       ("上次修完还是有异响", "上次维修的问题又出现了"), 0,
                       energies="ice phev ev", payer="internal")


@dataclass(eq=False)
class CustomerPlan:
    """A customer to register, and when."""

    index: int
    data: CustomerData
    contact: str  # who signs and approves for the customer
    discount: Decimal  # member discount on labour
    created_at: datetime | None = None
    id: int | None = None
    vehicles: list[VehiclePlan] = field(default_factory=list)


@dataclass(eq=False)
class VehiclePlan:
    """A vehicle, its owner and how far it is driven."""

    index: int
    owner: CustomerPlan
    model: fleet.Model
    data: VehicleData
    km_per_year: int
    activity: float
    created_at: datetime | None = None
    id: int | None = None
    visits: list[OrderPlan] = field(default_factory=list)

    def mileage(self, day: date) -> int:
        """The odometer on ``day`` (never decreasing)."""
        first = self.data.first_registration
        assert first is not None
        return 15 + self.km_per_year * max(0, (day - first).days) // 365

    def age_days(self, day: date) -> int:
        first = self.data.first_registration
        assert first is not None
        return (day - first).days


@dataclass(eq=False)
class OrderPlan:
    """One visit: when, which jobs, and how it goes."""

    index: int
    vehicle: VehiclePlan
    arrive: datetime
    jobs: tuple[JobSpec, ...] = ()
    extra: JobSpec | None = None  # additional work found on the way
    qc_fail: bool = False
    cancel: bool = False
    credit_note: bool = False
    quick: bool = False  # must be done the same day (recent history)
    comeback_of: OrderPlan | None = None
    live: OrderStatus | None = None
    booking: BookingPlan | None = None
    id: int | None = None


@dataclass(eq=False)
class BookingPlan:
    """An appointment: booked (and perhaps confirmed) ahead, then the car arrives (``order``),
    does not come, is cancelled, or is still to come (``outcome`` "future")."""

    vehicle: VehiclePlan
    starts_at: datetime
    booked_at: datetime
    direction: str  # inbound: the customer called; outbound: our invitation
    requested_work: str
    outcome: str  # arrive | no_show | cancel | future
    confirm_at: datetime | None = None
    order: OrderPlan | None = None
    notes: str = ""
    id: int | None = None


@dataclass
class Plan:
    """Everything decided up front."""

    customers: list[CustomerPlan]
    vehicles: list[VehiclePlan]
    orders: list[OrderPlan]
    start: date
    today: date
    cutoff: datetime
    bookings: list[BookingPlan] = field(default_factory=list)


def _customers(rng: random.Random, count: int) -> list[CustomerPlan]:
    out: list[CustomerPlan] = []
    for i in range(count):
        addr, division = people.address(rng)
        if rng.random() < 0.1:
            name = people.company_name(rng)
            contact, _male = people.person_name(rng)
            phones = [people.landline(rng)] if rng.random() < 0.5 else [people.mobile(rng)]
            data = CustomerData(name=name, kind=CustomerKind.COMPANY, phones=phones,
                                tax_id=people.company_tax_id(rng, division), address=addr,
                                consent_followup=True, consent_marketing=False,
                                notes=f"车队联系人：{contact}")
            discount = Decimal("0.05")
        else:
            name, _male = people.person_name(rng)
            phones = [people.mobile(rng)]
            if rng.random() < 0.08:
                phones.append(people.mobile(rng))
            data = CustomerData(
                name=name, phones=phones, address=addr if rng.random() < 0.7 else "",
                email=people.email(rng) if rng.random() < 0.25 else "",
                consent_followup=rng.random() < 0.92, consent_marketing=rng.random() < 0.4,
                notes="VIP会员" if rng.random() < 0.06 else "")
            contact = name
            discount = rng.choices([Decimal("0"), Decimal("0.05"), Decimal("0.10")],
                                   weights=[80, 12, 8])[0]
        out.append(CustomerPlan(i, data, contact, discount))
    return out


def _vehicles(rng: random.Random, customers: list[CustomerPlan], count: int,
              today: date) -> list[VehiclePlan]:
    owners = list(customers)
    companies = [c for c in customers if c.data.kind == CustomerKind.COMPANY]
    while len(owners) < count:
        owners.append(rng.choice(companies) if companies and rng.random() < 0.6
                      else rng.choice(customers))
    plates: set[str] = set()
    vins: set[str] = set()
    out: list[VehiclePlan] = []
    for i, owner in enumerate(owners[:count]):
        model = fleet.pick_model(rng)
        year, first = fleet.registration(rng, model, today - timedelta(days=20))
        plate = fleet.make_plate(rng, model.energy)
        while plate in plates:
            plate = fleet.make_plate(rng, model.energy)
        vin = fleet.make_vin(rng, model, year)
        while vin in vins:
            vin = fleet.make_vin(rng, model, year)
        plates.add(plate)
        vins.add(vin)
        company = owner.data.kind == CustomerKind.COMPANY
        data = VehicleData(plate=plate, vin=vin, brand=model.brand_name, model=model.name,
                           series=model.series, model_year=year, colour=fleet.colour(rng),
                           engine_no=fleet.engine_no(rng, model), first_registration=first,
                           warranty_start=first)
        km = rng.randint(30000, 60000) if company else rng.randint(7000, 24000)
        activity = 1.8 if company else rng.choice((0.3, 1.0, 1.0, 1.0, 1.4))
        vehicle = VehiclePlan(i, owner, model, data, km, activity)
        owner.vehicles.append(vehicle)
        out.append(vehicle)
    return out


def _arrival_minute(rng: random.Random) -> int:
    if rng.random() < 0.62:
        return rng.randint(calendar.OPEN_MINUTES, 11 * 60 + 30)
    return rng.randint(13 * 60 + 30, 16 * 60 + 30)


def _eligible(job: JobSpec, vehicle: VehiclePlan, day: date, first_visit: bool) -> bool:
    if vehicle.model.energy not in job.energies.split():
        return False
    km = vehicle.mileage(day)
    if km < job.min_km:
        return False
    if job.max_age_days is not None and vehicle.age_days(day) > job.max_age_days:
        return False
    return job.code != "FREE-1" or (first_visit and km < 10000)


def _jobs(rng: random.Random, vehicle: VehiclePlan, day: date,
          first_visit: bool) -> tuple[tuple[JobSpec, ...], JobSpec | None]:
    pool = [j for j in JOBS if _eligible(j, vehicle, day, first_visit)]
    if first_visit and any(j.code == "FREE-1" for j in pool):
        return (JOB_BY_CODE["FREE-1"],), None
    pool = [j for j in pool if j.code != "FREE-1"]
    chosen = [rng.choices(pool, weights=[j.weight for j in pool])[0]]
    extra_jobs = 1 if rng.random() < 0.3 else 0
    extra_jobs += 1 if rng.random() < 0.08 else 0
    for _ in range(extra_jobs):
        others = [j for j in pool if j not in chosen and j.payer == "customer"
                  and not (j.code in MAINTENANCE and any(c.code in MAINTENANCE
                                                         for c in chosen))]
        if chosen[0].payer != "customer" or not others:
            break
        chosen.append(rng.choices(others, weights=[j.weight for j in others])[0])
    found = None
    candidates = [JOB_BY_CODE[c] for c in chosen[0].extra
                  if JOB_BY_CODE[c] not in chosen
                  and _eligible(JOB_BY_CODE[c], vehicle, day, first_visit)]
    if candidates and rng.random() < 0.25:
        found = rng.choice(candidates)
    return tuple(chosen), found


def _arrival_days(rng: random.Random, start: date, end: date, count: int) -> list[date]:
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    weights = [calendar.day_weight(d) for d in days]
    return sorted(rng.choices(days, weights=weights, k=count))


def _assign(rng: random.Random, vehicles: list[VehiclePlan],
            arrivals: list[tuple[datetime, bool]], orders: list[OrderPlan]) -> None:
    """Give each arrival a vehicle (not one seen in the last 30 days) and its jobs; live
    arrivals get ``live`` set to a placeholder state, replaced by the caller."""
    last: dict[int, date] = {}
    for moment, is_live in arrivals:
        day = calendar.local(moment).date()
        candidates: list[VehiclePlan] = []
        weights: list[float] = []
        for v in vehicles:
            first = v.data.first_registration
            assert first is not None
            if first > day - timedelta(days=7):
                continue
            previous = last.get(v.index)
            if previous is not None and (day - previous).days < 30:
                continue
            candidates.append(v)
            due = previous is None or (day - previous).days > 150
            weights.append(v.activity * (2.0 if due else 1.0))
        if not candidates:
            continue
        vehicle = rng.choices(candidates, weights=weights)[0]
        first_visit = vehicle.index not in last
        last[vehicle.index] = day
        jobs, extra = _jobs(rng, vehicle, day, first_visit)
        order = OrderPlan(len(orders), vehicle, moment, jobs, extra,
                          live=OrderStatus.OPEN if is_live else None)
        orders.append(order)
        vehicle.visits.append(order)


def _comebacks(rng: random.Random, orders: list[OrderPlan], cutoff: datetime,
               share: float) -> None:
    latest = calendar.local(cutoff).date() - timedelta(days=20)
    for order in list(orders):
        if (order.live or calendar.local(order.arrive).date() > latest
                or not any(j.code in COMEBACK_PRONE for j in order.jobs)
                or rng.random() > share):
            continue
        day = calendar.local(order.arrive).date() + timedelta(days=rng.randint(4, 12))
        while calendar.is_closed(day):
            day += timedelta(days=1)
        visits = order.vehicle.visits
        if any(v is not order and abs((calendar.local(v.arrive).date() - day).days) < 5
               for v in visits):
            continue
        comeback = OrderPlan(len(orders), order.vehicle,
                             calendar.at(day, _arrival_minute(rng)), (COMEBACK_JOB,),
                             comeback_of=order)
        orders.append(comeback)
        visits.append(comeback)


def _random_moment(rng: random.Random, earliest: date, latest: date) -> datetime:
    day = earliest + timedelta(days=rng.randint(0, max(0, (latest - earliest).days)))
    while calendar.is_closed(day):
        day += timedelta(days=1)
    return calendar.at(day, rng.randint(calendar.OPEN_MINUTES, 17 * 60))


def _registration_times(rng: random.Random, customers: list[CustomerPlan], start: date,
                        cutoff: datetime) -> None:
    """When each vehicle and customer was registered: existing customers before the history
    starts, new ones at their first visit; never before the car's first registration."""
    last_day = calendar.local(cutoff).date() - timedelta(days=1)
    for customer in customers:
        new_customer = rng.random() < 0.4
        for vehicle in customer.vehicles:
            first = vehicle.data.first_registration
            assert first is not None
            earliest = first + timedelta(days=1)
            first_visit = min((o.arrive for o in vehicle.visits), default=None)
            if first_visit is not None and (new_customer or earliest >= start):
                vehicle.created_at = first_visit - timedelta(minutes=5)
                continue
            latest = start - timedelta(days=1) if first_visit is not None else last_day
            moment = _random_moment(rng, earliest, max(earliest, latest))
            if first_visit is not None:
                moment = min(moment, first_visit - timedelta(minutes=5))
            vehicle.created_at = min(moment, cutoff - timedelta(hours=1))
        times = [v.created_at for v in customer.vehicles if v.created_at is not None]
        customer.created_at = (min(times) - timedelta(minutes=1) if times
                               else _random_moment(rng, start, last_day))


BOOKING_NOTES = ("", "", "", "客户在休息室等候", "需要代步车", "请提前备好配件")
FUTURE_REQUESTS = ("常规保养", "保养到期，做定期保养", "空调不凉，检查空调", "刹车有异响",
                   "更换轮胎", "四轮定位", "车辆年检前检查")


def _slot(moment: datetime) -> datetime:
    """The half-hour booking slot ``moment`` falls in."""
    minute = calendar.minutes_of_day(moment)
    return calendar.at(calendar.local(moment).date(), minute - minute % 30)


def _booked_before(rng: random.Random, vehicle: VehiclePlan, starts: datetime,
                   earliest: datetime) -> tuple[datetime, datetime | None] | None:
    """When a booking for ``starts`` was made (1–6 days ahead) and confirmed (the day before)."""
    assert vehicle.created_at is not None
    day = calendar.local(starts).date() - timedelta(days=rng.randint(1, 6))
    while calendar.is_closed(day):
        day -= timedelta(days=1)
    booked = calendar.at(day, rng.randint(calendar.OPEN_MINUTES, 17 * 60))
    if booked <= max(vehicle.created_at, earliest):
        return None
    before = calendar.local(starts).date() - timedelta(days=1)
    confirm = calendar.at(before, rng.randint(14 * 60, 17 * 60 + 30))
    if confirm <= booked or calendar.is_closed(before) or rng.random() < 0.3:
        return booked, None
    return booked, confirm


def _bookings(rng: random.Random, plan: Plan, future: int) -> None:
    """About a third of the visits were booked ahead (a third of those on our invitation);
    a few bookings were missed or cancelled; ``future`` bookings are still to come."""
    earliest = calendar.at(plan.start, calendar.OPEN_MINUTES)
    taken: set[tuple[int, date]] = set()
    for order in plan.orders:
        if order.comeback_of is not None or rng.random() > 0.35:
            continue
        starts = _slot(order.arrive)
        times = _booked_before(rng, order.vehicle, starts, earliest)
        if times is None:
            continue
        outbound = rng.random() < 0.35
        words = "保养到期邀约：定期保养" if outbound else order.jobs[0].complaints[0]
        booking = BookingPlan(order.vehicle, starts, times[0],
                              "outbound" if outbound else "inbound",
                              words.format(service="定期"), "arrive", times[1], order,
                              rng.choice(BOOKING_NOTES))
        order.booking = booking
        plan.bookings.append(booking)
        taken.add((order.vehicle.index, calendar.local(starts).date()))
    arrived = len(plan.bookings)
    history_days = [plan.start + timedelta(days=n)
                    for n in range(1, (plan.today - plan.start).days)]
    for outcome in ["no_show"] * max(1, arrived // 15) + ["cancel"] * max(1, arrived // 25):
        vehicle = rng.choice(plan.vehicles)
        day = rng.choice(history_days)
        if calendar.is_closed(day) or (vehicle.index, day) in taken:
            continue
        starts = calendar.at(day, rng.choice(range(9 * 60, 16 * 60 + 1, 30)))
        times = _booked_before(rng, vehicle, starts, earliest)
        if times is None or any(abs((calendar.local(o.arrive).date() - day).days) < 3
                                for o in vehicle.visits):
            continue
        taken.add((vehicle.index, day))
        plan.bookings.append(BookingPlan(vehicle, starts, times[0], "inbound",
                                         rng.choice(FUTURE_REQUESTS), outcome, times[1]))
    _future_bookings(rng, plan, future, taken)


def _future_bookings(rng: random.Random, plan: Plan, count: int,
                     taken: set[tuple[int, date]]) -> None:
    busy = {o.vehicle.index for o in plan.orders if o.live is not None}
    vehicles = [v for v in plan.vehicles if v.index not in busy and v.created_at is not None
                and v.created_at < plan.cutoff - timedelta(days=8)]
    days: list[date] = []
    day = plan.today
    while len(days) < 5:
        if not calendar.is_closed(day):
            days.append(day)
        day += timedelta(days=1)
    slots = [(d, minute) for d in days
             for minute in range(10 * 60 if d == plan.today else calendar.OPEN_MINUTES,
                                 16 * 60 + 1, 30)]
    weights = [(3 if minute < 12 * 60 else 2) * (1 if d == plan.today else 2)
               for d, minute in slots]
    chosen: list[tuple[date, int]] = []
    while len(chosen) < min(count, len(slots)):
        slot = rng.choices(slots, weights=weights)[0]
        if slot not in chosen:
            chosen.append(slot)
    for (day, minute), vehicle in zip(sorted(chosen), rng.sample(vehicles, len(chosen)),
                                      strict=False):
        assert vehicle.created_at is not None
        outbound = rng.random() < 0.4
        booked_day = plan.today - timedelta(days=rng.randint(1, 6))
        while calendar.is_closed(booked_day):
            booked_day -= timedelta(days=1)
        booked = calendar.at(booked_day, rng.randint(calendar.OPEN_MINUTES, 17 * 60))
        confirm = calendar.later(booked, rng.randint(60, 600)) if rng.random() < 0.5 else None
        if confirm is not None and confirm >= plan.cutoff:
            confirm = None
        plan.bookings.append(BookingPlan(
            vehicle, calendar.at(day, minute), booked, "outbound" if outbound else "inbound",
            "保养到期邀约：定期保养" if outbound else rng.choice(FUTURE_REQUESTS), "future",
            confirm, notes=rng.choice(BOOKING_NOTES)))


def make_plan(seed: int, size: Size, today: date) -> Plan:
    """The whole script for ``seed``, ``size`` and ``today`` (deterministic)."""
    rng = random.Random(f"bayline-demo:{seed}")
    cutoff = calendar.at(today, 9 * 60 + 40)  # the data ends this morning, mid check-in rush
    start = today - timedelta(days=size.days)
    customers = _customers(rng, size.customers)
    vehicles = _vehicles(rng, customers, size.vehicles, today)

    history = size.orders - size.live_orders
    days = _arrival_days(rng, start, today - timedelta(days=1), history)
    arrivals = sorted(calendar.at(d, _arrival_minute(rng)) for d in days)
    # The live orders: checked in over the last days, the most recent this morning.
    live_times: list[datetime] = []
    day = today
    per_day = (4, 5, 4, 3, 3, 3, 3, 2, 2, 2)
    n = 0
    while len(live_times) < size.live_orders:
        if not calendar.is_closed(day):
            count = per_day[min(n, len(per_day) - 1)]
            for _ in range(min(count, size.live_orders - len(live_times))):
                if day == today:
                    minute = rng.randint(calendar.OPEN_MINUTES, 9 * 60 + 25)
                else:
                    minute = _arrival_minute(rng)
                live_times.append(calendar.at(day, minute))
            n += 1
        day -= timedelta(days=1)
    orders: list[OrderPlan] = []
    _assign(rng, vehicles, sorted([(t, False) for t in arrivals] + [(t, True) for t in live_times]),
            orders)
    live = sorted((o for o in orders if o.live is not None), key=lambda o: o.arrive,
                  reverse=True)
    for order, state in zip(live, LIVE_STATES * 2, strict=False):
        order.live = state
    recent = calendar.local(cutoff).date() - timedelta(days=14)
    for order in orders:
        if order.live is not None:
            continue
        order.quick = calendar.local(order.arrive).date() >= recent
        if order.quick:
            order.extra = None
            continue
        order.cancel = rng.random() < 0.02
        order.qc_fail = not order.cancel and rng.random() < 0.04
        order.credit_note = not order.cancel and rng.random() < 0.015
    _comebacks(rng, orders, cutoff, 0.08)
    orders.sort(key=lambda o: (o.arrive, o.index))
    for i, order in enumerate(orders):
        order.index = i
    _registration_times(rng, customers, start, cutoff)
    plan = Plan(customers, vehicles, orders, start, today, cutoff)
    _bookings(rng, plan, size.appointments)
    return plan
