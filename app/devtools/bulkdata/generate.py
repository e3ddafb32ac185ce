"""Fill an empty database with the ``store`` or ``large`` benchmark data (``main.py demo-data``).

Set-up rows (shop profile, reference data, users, technicians, bays, labour operations,
suppliers) go through the app's services and models, as a real first start would. Everything
else (customers, vehicles, a decade of orders, stock, invoices, payments) is generated in
memory and bulk-written by ``writer.BulkWriter``. Deterministic for (size, seed, today): the
random generators are private ``random.Random`` instances seeded from the seed.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.clock import pinned
from app.devtools.bulkdata import calendar
from app.devtools.bulkdata.catalogue import Catalogue, build_catalogue
from app.devtools.bulkdata.fleet import PlateFactory, VinFactory, engine_no
from app.devtools.bulkdata.history import History
from app.devtools.bulkdata.orders import Series, Staff
from app.devtools.bulkdata.people import (
    PhoneBook,
    Weighted,
    address,
    company_name,
    company_tax_id,
    digits_reversed,
    email,
    person_name,
)
from app.devtools.bulkdata.plan import Plan, make_plan
from app.devtools.bulkdata.sizes import SIZES, BulkSize
from app.devtools.bulkdata.vocabulary import (
    CITIES,
    COLOURS,
    HOMES_GROUP,
    HOMES_STORE,
    JOBS,
    LABOUR_RATES,
    MODELS,
    PLATES_GROUP,
    PLATES_STORE,
    SUPPLIERS,
    VEHICLE_NOTES,
)
from app.devtools.bulkdata.writer import BulkWriter, Progress
from app.errors import DomainError, ValidationError
from app.i18n import _
from app.security.users import SYSTEM_ACTOR, create_user, user_count
from app.setup.reference import ensure_reference_data
from app.shop import save_profile
from db.engine import Database
from db.enums import RoleCode
from db.models import (
    Bay,
    DocumentSeries,
    LabourOperation,
    LabourRate,
    Supplier,
    Team,
    Technician,
)

STAGE_SETUP = _("Shop, staff and reference data")
STAGE_CUSTOMERS = _("Customers and vehicles")
STAGE_HISTORY = _("Repair orders, stock, invoices and payments")
STAGE_FINISH = _("Indexes, search and statistics")

_SHOPS = {
    False: ("广州湾线丰田汽车销售服务有限公司", "广州市天河区黄埔大道东668号", "020-3888 6688"),
    True: ("湾线汽车集团（售后服务共享中心）", "广州市天河区珠江新城华夏路28号", "020-3888 9000"),
}
_DEMO_PASSWORD = "demo1234"
_STAFF_NAMES = {
    RoleCode.ADVISOR: "周晓梅", RoleCode.CASHIER: "何丽娟", RoleCode.PARTS_CLERK: "梁志华",
    RoleCode.FOREMAN: "罗国强", RoleCode.TECHNICIAN: "王建国", RoleCode.WARRANTY_CLERK: "郑秀英",
    RoleCode.CUSTOMER_CARE: "谢婷婷", RoleCode.SERVICE_MANAGER: "陈志远", RoleCode.ADMIN: "林伟",
}


def demo_passwords() -> dict[str, str]:
    """The demo users' passwords (the README's), shared with the small demo data set."""
    try:
        from app.demo.generate import DEMO_PASSWORDS
    except ImportError:  # the demo package is optional for the benchmark data
        return {role.value: _DEMO_PASSWORD for role in RoleCode}
    return dict(DEMO_PASSWORDS)


@dataclass(frozen=True)
class BulkSummary:
    """What was written and how long it took."""

    size: str
    seed: int
    rows: dict[str, int]
    seconds: float
    stages: dict[str, float]  # seconds per stage (the plan counts to the set-up)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def __str__(self) -> str:
        r = self.rows
        return (f"{r.get('customer', 0)} customers, {r.get('customer_phone', 0)} phones, "
                f"{r.get('vehicle', 0)} vehicles, {r.get('repair_order', 0)} repair orders, "
                f"{sum(r.get(t, 0) for t in ('labour_line', 'part_line', 'charge_line'))} "
                f"order lines, {r.get('invoice', 0)} invoices and credit notes, "
                f"{r.get('payment', 0)} payments, {r.get('stock_movement', 0)} stock "
                f"movements, {r.get('part', 0)} parts; {self.total_rows} rows in "
                f"{self.seconds:.1f} s ("
                + ", ".join(f"{stage.lower()} {s:.0f} s" for stage, s in self.stages.items())
                + ")")


def generate_bulk_data(database: Database, *, size: str = "store", seed: int = 2026,
                       today: date | None = None,
                       progress: Progress | None = None) -> BulkSummary:
    """Fill an EMPTY migrated database with the ``size`` data set for ``seed``.

    The history ends at half past ten this morning (``today``, China time). Raises
    ``ValidationError`` for an unknown size and ``DomainError`` when the database already has
    users: benchmark data never mixes with real data.
    """
    started = time.perf_counter()
    if size not in SIZES:
        raise ValidationError("size", _("Data set size"),
                              _("Unknown data set size “{size}”; choose one of {choices}."),
                              size=size, choices=", ".join(SIZES))
    spec = SIZES[size]
    stages: dict[str, float] = {}
    last = [started]

    def report(stage: str, done: int, total: int, rate: float) -> None:
        now = time.perf_counter()
        stages[stage] = stages.get(stage, 0.0) + now - last[0]
        last[0] = now
        if progress is not None:
            progress(stage, done, total, rate)

    plan = make_plan(spec, seed, today or date.today())
    report(STAGE_SETUP, 0, 1, 0.0)
    with database.session() as session:
        if user_count(session):
            raise DomainError(_("This database already has users. Benchmark data goes only "
                                "into an empty database."))
        start = datetime.combine(calendar.date_of(plan.start_day), datetime.min.time(),
                                 tzinfo=UTC) - timedelta(days=30)
        with pinned(start):
            staff, shop = _set_up(session, spec, seed)
        series = {code: Series(prefix, width) for code, prefix, width in session.execute(
            select(DocumentSeries.code, DocumentSeries.prefix, DocumentSeries.width))}
        session.commit()
    report(STAGE_SETUP, 1, 1, 0.0)

    writer = BulkWriter(database)
    writer.open()
    try:
        catalogue = build_catalogue(seed, plan.makes, spec.parts)
        _customers_and_vehicles(writer, plan, seed, report)
        history = History(plan, catalogue, staff, writer, series, currency=shop[0],
                          prices_include_tax=shop[1],
                          progress=lambda done: report(STAGE_HISTORY, done, len(plan.visits),
                                                       writer.rate()))
        history.run()
        _parts(writer, catalogue, history, staff)
        _appointments(writer, plan, history, staff, seed)
        writer.flush(force=True)
        writer.update_many("UPDATE document_series SET next_number = ? WHERE code = ?",
                           [(s.taken + 1, code) for code, s in series.items()])
        writer.update_many("UPDATE chain_head SET last_seq = ?, last_hash = ? WHERE id = ?",
                           [(history.cashier.chain_seq, history.cashier.chain_hash, 1)])
        writer.update_many("UPDATE stock_chain_head SET last_seq = ?, last_hash = ? WHERE id = ?",
                           [(history.stock.chain_seq, history.stock.chain_hash, 1)])
        writer.finish(lambda stage, done, total, _rate: report(STAGE_FINISH, done, total,
                                                               writer.rate()))
    finally:
        writer.close()
    rows = {name: count for name, count in writer.counts.items() if count}
    report(STAGE_FINISH, 1, 1, writer.rate())
    return BulkSummary(size=size, seed=seed, rows=rows,
                       seconds=round(time.perf_counter() - started, 1),
                       stages={k: round(v, 1) for k, v in stages.items()})


# --- set-up through the app ---------------------------------------------------------------


def _set_up(session: Session, spec: BulkSize, seed: int) -> tuple[Staff, tuple[str, bool]]:
    rng = random.Random(f"bayline-bulk:{seed}:staff")
    ensure_reference_data(session)
    name, street, phone = _SHOPS[spec.group]
    profile = save_profile(
        session, None, name=name, address=street, phone=phone, tax_id=_shop_tax_id(),
        document_footer="服务热线：" + phone + "　24小时道路救援：400-830-6688",
        job_card_terms="1. 请带走车内贵重物品，遗失概不负责。2. 更换的旧件如客户不带走，"
                       "由本店按环保规定处理。3. 追加维修项目须经客户同意后方可施工。")
    passwords = demo_passwords()
    users: dict[str, list[int]] = {}
    for role in RoleCode:
        user = create_user(session, SYSTEM_ACTOR, username=role.value,
                           full_name=_STAFF_NAMES[role], password=passwords[role.value],
                           role=role.value, demo_password=True, must_change_password=False)
        users[role.value] = [user.id]
    extra = {RoleCode.ADVISOR: spec.advisors - 1, RoleCode.CASHIER: max(spec.advisors // 4, 1),
             RoleCode.PARTS_CLERK: max(spec.advisors // 4, 1)}
    for role, count in extra.items():
        for n in range(2, count + 2):
            user = create_user(session, SYSTEM_ACTOR, username=f"{role.value}{n}",
                               full_name=person_name(rng), password=passwords[role.value],
                               role=role.value, demo_password=True,
                               must_change_password=False)
            users[role.value].append(user.id)
    rates = {r.code: r.id for r in session.scalars(select(LabourRate))}
    for code, rate_name, fen in LABOUR_RATES:
        rate = LabourRate(code=code, name=rate_name, hourly_rate=Decimal(fen).scaleb(-2),
                          is_default=False)
        session.add(rate)
        session.flush()
        rates[code] = rate.id
    known = set(session.scalars(select(LabourOperation.code)))
    for job in JOBS:
        if job.code in known:
            continue
        session.add(LabourOperation(code=job.code, name=job.name, category=job.category,
                                    standard_hours=Decimal(job.hours).scaleb(-2),
                                    labour_rate_id=rates[job.rate], active=True))
    suppliers = []
    for supplier_name, genuine in SUPPLIERS:
        supplier = Supplier(name=supplier_name, is_genuine_channel=genuine)
        session.add(supplier)
        session.flush()
        suppliers.append(supplier.id)
    mechanics, body = _workshop(session, spec, rng, users[RoleCode.TECHNICIAN][0])
    bays = _bays(session, spec)
    session.flush()
    staff = Staff(advisors=users[RoleCode.ADVISOR], cashiers=users[RoleCode.CASHIER],
                  clerks=users[RoleCode.PARTS_CLERK], foremen=users[RoleCode.FOREMAN],
                  care=users[RoleCode.CUSTOMER_CARE], mechanics=mechanics, body=body,
                  bays=bays, suppliers=suppliers)
    return staff, (profile.currency, profile.prices_include_tax)


def _shop_tax_id() -> str:
    from stdnum.cn import uscc

    from app.devtools.bulkdata.people import org_code

    first17 = "91440106" + org_code("MA5CT8LX")
    return first17 + uscc.calc_check_digit(first17)


def _workshop(session: Session, spec: BulkSize, rng: random.Random,
              technician_user: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Teams of six (a quarter body and paint), their technicians; the technician user is the
    first one."""
    numbers = "一二三四五六七八九十"
    mechanics: list[tuple[int, int]] = []
    body: list[tuple[int, int]] = []
    n_body = max(spec.technicians // 4, 1)
    grades = ("高级技师", "中级技师", "中级技师", "初级技师", "初级技师", "学徒")
    team_id = 0
    for i in range(spec.technicians):
        is_body = i >= spec.technicians - n_body
        if i % 6 == 0 or i == spec.technicians - n_body:
            index = i // 6
            label = (f"钣喷{numbers[index % 10]}组" if is_body
                     else f"机修{numbers[index % 10]}组")
            team = Team(name=label if index < 10 else f"{label}{index}")
            session.add(team)
            session.flush()
            team_id = team.id
            leader = True
        else:
            leader = False
        tech = Technician(name=_STAFF_NAMES[RoleCode.TECHNICIAN] if i == 0 else person_name(rng),
                          code=f"T{i + 1:03d}", team_id=team_id, grade=grades[i % 6],
                          is_team_leader=leader, active=True,
                          user_id=technician_user if i == 0 else None)
        session.add(tech)
        session.flush()
        (body if is_body else mechanics).append((tech.id, team_id))
    return mechanics, body


def _bays(session: Session, spec: BulkSize) -> dict[str, list[int]]:
    kinds = (("quick", "快保工位", 0.25), ("alignment", "四轮定位工位", 0.1),
             ("body", "钣喷工位", 0.2), ("general", "机修工位", 0.45))
    bays: dict[str, list[int]] = {}
    n = 0
    for kind, label, share in kinds:
        for _bay in range(max(int(spec.bays * share), 1)):
            n += 1
            bay = Bay(code=f"B{n:02d}", name=f"{n}号{label}", kind=kind, active=True)
            session.add(bay)
            session.flush()
            bays.setdefault(kind, []).append(bay.id)
    return bays


# --- customers and vehicles ---------------------------------------------------------------


def _customers_and_vehicles(w: BulkWriter, plan: Plan, seed: int, report: Progress) -> None:
    """Customers with their phones, vehicles with valid VINs and plates, and ownerships."""
    size = plan.size
    rng = random.Random(f"bayline-bulk:{seed}:customers")
    ts = w.time.stored
    customers = w.table("customer", (
        "id", "kind", "name", "tax_id", "address", "email", "consent_followup",
        "consent_marketing", "notes", "version", "created_at"))
    phones = w.table("customer_phone", (
        "id", "customer_id", "number", "digits_reversed", "label", "is_primary"))
    homes = Weighted([(CITIES[key], weight) for key, weight in
                      (HOMES_GROUP if size.group else HOMES_STORE)])
    book = PhoneBook()
    phone_id = 0
    total = len(plan.customer_day) + len(plan.entry_day)
    for c, day in enumerate(plan.customer_day):
        city = homes.pick(rng)
        street, division = address(rng, city)
        company = plan.customer_company[c]
        if company:
            name, tax_id = company_name(rng, city), company_tax_id(rng, division)
        else:
            name, tax_id = person_name(rng), ""
        created = calendar.local_seconds(day, rng.uniform(8 * 60 + 30, 17 * 60))
        customers.append((c + 1, "company" if company else "person", name, tax_id,
                          street if rng.random() < 0.7 or company else "",
                          email(rng) if rng.random() < 0.25 else "", rng.random() < 0.9,
                          rng.random() < 0.35, "", 1, ts(created)))
        numbers = [book.mobile(rng)]
        labels = ["mobile"]
        if rng.random() < size.second_phone_share:
            if company:
                numbers.append(book.landline(rng, city))
                labels.append("office")
            else:
                numbers.append(book.mobile(rng))
                labels.append("mobile" if rng.random() < 0.7 else "home")
        for i, (number, label) in enumerate(zip(numbers, labels, strict=True)):
            phone_id += 1
            phones.append((phone_id, c + 1, number, digits_reversed(number), label, i == 0))
        if c % 20_000 == 19_999:
            w.flush()
            report(STAGE_CUSTOMERS, c + 1, total, w.rate())
    _vehicles(w, plan, seed, report, total)


def _vehicles(w: BulkWriter, plan: Plan, seed: int, report: Progress, total: int) -> None:
    size = plan.size
    rng = random.Random(f"bayline-bulk:{seed}:vehicles")
    ts, day_text = w.time.stored, w.time.date
    vehicles = w.table("vehicle", (
        "id", "plate", "vin", "vin_reversed", "brand", "model", "series", "model_year",
        "colour", "engine_no", "first_registration", "warranty_start", "mileage_km",
        "owner_id", "notes", "version", "created_at"))
    ownership = w.table("vehicle_ownership", ("id", "vehicle_id", "customer_id", "since",
                                              "until"))
    last_day = [0] * len(plan.entry_day)
    for i in range(len(plan.visits)):
        when, vehicle, _comeback = plan.visit(i)
        last_day[vehicle] = calendar.local_day(when)
    regions = Weighted(PLATES_GROUP if size.group else PLATES_STORE)
    colours = Weighted(COLOURS)
    vins, plates = VinFactory(), PlateFactory()
    ownership_id = 0
    done = len(plan.customer_day)
    for v in range(len(plan.entry_day)):
        model = MODELS[plan.model[v]]
        reg = plan.reg_day[v]
        reg_date = calendar.date_of(reg)
        year = max(reg_date.year + (1 if reg_date.month >= 9 else 0), model.first_year)
        year = min(year, plan.today.year + 1)
        vin = vins.make(rng, model, year)
        km = plan.km(v, last_day[v] or plan.entry_day[v])
        entered = calendar.local_seconds(plan.entry_day[v], rng.uniform(8 * 60 + 30, 17 * 60))
        vehicles.append((v + 1, plates.make(rng, regions.pick(rng), model.energy), vin,
                         vin[::-1], model.brand, model.name, model.series, year,
                         colours.pick(rng), engine_no(rng, model), day_text(reg),
                         day_text(reg), km, plan.owner[v] + 1, rng.choice(VEHICLE_NOTES), 1,
                         ts(entered)))
        transfer = plan.transfer_day[v]
        if transfer:
            ownership_id += 1
            moved = calendar.local_seconds(transfer, 10 * 60)
            ownership.append((ownership_id, v + 1, plan.first_owner[v] + 1, ts(entered),
                              ts(moved)))
            ownership_id += 1
            ownership.append((ownership_id, v + 1, plan.owner[v] + 1, ts(moved), None))
        else:
            ownership_id += 1
            ownership.append((ownership_id, v + 1, plan.owner[v] + 1, ts(entered), None))
        if v % 20_000 == 19_999:
            w.flush()
            report(STAGE_CUSTOMERS, done + v + 1, total, w.rate())
    w.flush()
    report(STAGE_CUSTOMERS, total, total, w.rate())


# --- after the history --------------------------------------------------------------------


def _parts(w: BulkWriter, cat: Catalogue, history: History, staff: Staff) -> None:
    """Bins and the catalogue with the stock the history left (on hand, reserved)."""
    bins = w.table("bin_location", ("id", "code", "description"))
    bin_ids: dict[str, int] = {}
    for spec in cat.parts:
        if spec.bin_code not in bin_ids:
            bin_ids[spec.bin_code] = len(bin_ids) + 1
            bins.append((bin_ids[spec.bin_code], spec.bin_code, ""))
    parts = w.table("part", (
        "id", "part_no", "name", "brand", "unit", "sale_price", "cost_price", "tax_rate",
        "bin_id", "supplier_id", "min_qty", "max_qty", "on_hand", "reserved", "active"))
    for part_id, spec in enumerate(cat.parts, start=1):
        parts.append((part_id, spec.part_no, spec.name, spec.brand, spec.unit, spec.sale_price,
                      spec.cost_price, 1300, bin_ids[spec.bin_code],
                      staff.suppliers[spec.supplier], spec.min_qty, spec.max_qty,
                      history.stock.on_hand[part_id], history.stock.reserved[part_id], True))
    w.flush()


def _appointments(w: BulkWriter, plan: Plan, history: History, staff: Staff,
                  seed: int) -> None:
    """Bookings for today and the coming week, for cars not in the workshop."""
    rng = random.Random(f"bayline-bulk:{seed}:appointments")
    rows = w.table("appointment", (
        "id", "customer_id", "vehicle_id", "advisor_id", "starts_at", "ends_at", "direction",
        "status", "requested_work", "notes", "cancel_reason", "repair_order_id", "version",
        "created_at"))
    busy = {o.vehicle for o in history.open_orders}
    requests = ("常规保养", "保养到期，做定期保养", "空调不凉，检查空调", "刹车有异响", "更换轮胎",
                "四轮定位", "新车首保")
    vehicles = len(plan.entry_day)
    n = plan.size.appointments
    for i in range(n):
        v = rng.randrange(vehicles)
        while v in busy:
            v = rng.randrange(vehicles)
        busy.add(v)
        day = plan.today_day + i * 8 // n
        minute = rng.randrange(9 * 60 if day > plan.today_day else 11 * 60, 17 * 60, 30)
        starts = calendar.local_seconds(day, minute)
        outbound = rng.random() < 0.4
        created = min(calendar.local_seconds(day - rng.randint(1, 6),
                                             rng.randint(9 * 60, 17 * 60)), plan.now - 3600)
        rows.append((i + 1, plan.owner[v] + 1, v + 1, staff.advisors[i % len(staff.advisors)],
                     w.time.stored(starts), w.time.stored(starts + 3600),
                     "outbound" if outbound else "inbound",
                     rng.choice(("booked", "confirmed")),
                     "保养到期邀约：定期保养" if outbound else rng.choice(requests),
                     rng.choice(("", "", "客户要求上午取车", "需要代步车")), "", None, 1,
                     w.time.stored(created)))


def count_rows(session: Session) -> dict[str, int]:
    """Row counts of the main tables (for the summary and the tests)."""
    from db.base import Base

    return {table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables}


def database_size(database: Database) -> int:
    """Bytes the database takes on disk (SQLite file and WAL; PostgreSQL database size)."""
    if database.backend == "sqlite":
        from pathlib import Path

        path = Path(database.url.database or "")
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    with database.reading() as session:
        return int(session.scalar(text("SELECT pg_database_size(current_database())")) or 0)


__all__ = ["STAGE_CUSTOMERS", "STAGE_FINISH", "STAGE_HISTORY", "STAGE_SETUP", "BulkSummary",
           "count_rows", "database_size", "demo_passwords", "generate_bulk_data"]
