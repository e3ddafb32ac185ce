"""Fill an empty database with a deterministic year of demo data (``main.py demo-data``).

Everything goes through the real services, so the demo database keeps every invariant a real
one does: gapless document numbers, the stock ledger, the fiscal hash chain, the audit log.
The content depends only on the seed, the size and ``today`` (every date is placed relative to
it); the random generator is a private ``random.Random``, never the global one.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.clock import pinned
from app.demo import calendar, people
from app.demo.accounts import DEMO_PASSWORD, STAFF
from app.demo.catalogue import JOBS, build_parts, job_category
from app.demo.plan import COMEBACK_JOB, SIZES, Plan, make_plan
from app.demo.routine import (
    booking,
    initial_stock,
    register_customer,
    register_vehicle,
    till_days,
    weekly_orders,
)
from app.demo.visit import visit
from app.demo.world import StockedPart, Technician, World, run
from app.errors import DomainError, ValidationError
from app.i18n import _
from app.orders.catalogue import create_operation
from app.parts.catalogue import create_part
from app.security.actor import Actor
from app.security.users import SYSTEM_ACTOR, actor_for, create_user, user_count
from app.setup.reference import ensure_reference_data
from app.shop import save_profile
from db.engine import Database
from db.enums import InvoiceKind, OrderStatus, RoleCode
from db.models import (
    Appointment,
    Bay,
    Customer,
    Invoice,
    LabourOperation,
    LabourRate,
    Part,
    Payment,
    RepairOrder,
    StockMovement,
    Team,
    User,
    Vehicle,
)
from db.models import Technician as TechnicianRow

#: The demo users (user name = role code) and their passwords, for the README and the tests.
DEMO_PASSWORDS: dict[str, str] = {role.value: DEMO_PASSWORD for role in RoleCode}
# name, code, team, team leader, grade, skill
TECHNICIANS: tuple[tuple[str, str, str, bool, str, str], ...] = (
    ("王建国", "T01", "机修一组", True, "高级技师", "mech"),
    ("李志强", "T02", "机修一组", False, "中级技师", "mech"),
    ("陈伟明", "T03", "机修一组", False, "中级技师", "mech"),
    ("黄家豪", "T04", "机修一组", False, "初级技师", "mech"),
    ("刘海涛", "T05", "机修一组", False, "学徒", "mech"),
    ("梁振华", "T06", "机修二组", True, "高级技师", "mech"),
    ("林国栋", "T07", "机修二组", False, "中级技师", "mech"),
    ("何永康", "T08", "机修二组", False, "钣金技师", "body"),
    ("吴俊杰", "T09", "机修二组", False, "喷漆技师", "body"),
)
BAYS: tuple[tuple[str, str, str], ...] = (
    ("B01", "1号快保工位", "quick"), ("B02", "2号快保工位", "quick"),
    ("B03", "3号机修工位", "general"), ("B04", "4号机修工位", "general"),
    ("B05", "5号四轮定位工位", "alignment"), ("B06", "6号钣喷工位", "body"),
)
SHOP_NAME = "广州湾线丰田汽车销售服务有限公司"
SHOP_ORG_CODE = "MA5CT8LX"
STAGE_SETUP = _("Shop, staff and parts catalogue")
STAGE_ORDERS = _("A year of repair orders")


@dataclass(frozen=True)
class DemoSummary:
    """What the generator made, and how long it took."""

    users: int
    technicians: int
    bays: int
    parts: int
    customers: int
    vehicles: int
    orders: int
    open_orders: int
    invoices: int
    credit_notes: int
    payments: int
    stock_movements: int
    appointments: int
    seconds: float

    def __str__(self) -> str:
        return (f"{self.customers} customers, {self.vehicles} vehicles, {self.orders} repair "
                f"orders ({self.open_orders} open), {self.invoices} invoices, "
                f"{self.credit_notes} credit notes, {self.payments} payments, {self.parts} "
                f"parts, {self.appointments} appointments in {self.seconds:.1f} s")


def shop_tax_id() -> str:
    """The demo store's Unified Social Credit Code (valid check characters)."""
    from stdnum.cn import uscc

    first17 = "91440106" + people.org_code(SHOP_ORG_CODE)
    return first17 + uscc.calc_check_digit(first17)


def _set_up_shop(session: Session) -> dict[str, Actor]:
    ensure_reference_data(session)
    save_profile(session, None, name=SHOP_NAME, address="广州市天河区黄埔大道东668号",
                 phone="020-3888 6688", tax_id=shop_tax_id(), timezone="Asia/Shanghai",
                 document_footer="服务热线：020-3888 6688　24小时道路救援：400-830-6688　"
                                 "感谢您选择湾线丰田！",
                 job_card_terms="1. 请带走车内贵重物品，遗失概不负责。2. 更换的旧件如客户不带走，"
                                "由本店按环保规定处理。3. 追加维修项目须经客户同意后方可施工。"
                                "4. 竣工通知后超过3天未取车，本店将收取停车费。")
    actors: dict[str, Actor] = {}
    for role in RoleCode:
        user = create_user(session, SYSTEM_ACTOR, username=role.value, full_name=STAFF[role],
                           password=DEMO_PASSWORDS[role.value], role=role.value,
                           demo_password=True, must_change_password=False)
        actors[role.value] = actor_for(user)
    return actors


def _set_up_workshop(session: Session, plan: Plan,
                     actors: dict[str, Actor]) -> tuple[list[Technician], dict[str, list[int]]]:
    teams: dict[str, Team] = {}
    technicians: list[Technician] = []
    opening = calendar.at(plan.start, calendar.OPEN_MINUTES)
    for name, code, team_name, leader, grade, skill in TECHNICIANS:
        if team_name not in teams:
            teams[team_name] = Team(name=team_name)
            session.add(teams[team_name])
            session.flush()
        row = TechnicianRow(name=name, code=code, team_id=teams[team_name].id, grade=grade,
                            is_team_leader=leader, active=True,
                            user_id=actors[RoleCode.TECHNICIAN].user_id
                            if name == STAFF[RoleCode.TECHNICIAN] else None)
        session.add(row)
        session.flush()
        technicians.append(Technician(row.id, skill, opening))
    bays: dict[str, list[int]] = {}
    for code, name, kind in BAYS:
        bay = Bay(code=code, name=name, kind=kind, active=True)
        session.add(bay)
        session.flush()
        bays.setdefault(kind, []).append(bay.id)
    return technicians, bays


def _labour_operations(session: Session, manager: Actor) -> None:
    """The demo's jobs missing from the labour operation catalogue, and the body-shop rate
    the body jobs use (inserted directly: labour rates have no service yet)."""
    body = LabourRate(code="BODY", name="钣喷工时费", hourly_rate=Decimal("220.00"),
                      is_default=False)
    session.add(body)
    session.flush()
    existing = set(session.scalars(select(LabourOperation.code)))
    for job in (*JOBS, COMEBACK_JOB):
        if job.code not in existing:
            create_operation(session, manager, code=job.code, name=job.name,
                             standard_hours=job.hours, category=job_category(job.code),
                             labour_rate_code=body.code if job.rate == str(body.hourly_rate)
                             else None)


def _set_up_parts(session: Session, clerk: Actor) -> dict[str, StockedPart]:
    parts: dict[str, StockedPart] = {}
    for spec in build_parts():
        part = create_part(session, clerk, part_no=spec.part_no, name=spec.name,
                           sale_price=spec.sale_price, cost_price=spec.cost_price,
                           unit=spec.unit, bin_code=spec.bin_code, supplier_name=spec.supplier,
                           min_qty=spec.min_qty, max_qty=spec.max_qty, brand=spec.brand)
        parts[spec.key] = StockedPart(part.id, part.part_no, part.cost_price, spec.min_qty,
                                      spec.max_qty, spec.unit)
    return parts


def _count(session: Session, model: type, *where: ColumnElement[bool]) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def summarise(session: Session, seconds: float) -> DemoSummary:
    """Count what is in the database."""
    finished = (OrderStatus.DELIVERED, OrderStatus.CLOSED, OrderStatus.CANCELLED,
                OrderStatus.INVOICED)
    return DemoSummary(
        users=_count(session, User), technicians=_count(session, TechnicianRow),
        bays=_count(session, Bay), parts=_count(session, Part),
        customers=_count(session, Customer), vehicles=_count(session, Vehicle),
        orders=_count(session, RepairOrder),
        open_orders=_count(session, RepairOrder, RepairOrder.status.not_in(finished)),
        invoices=_count(session, Invoice, Invoice.kind == InvoiceKind.INVOICE),
        credit_notes=_count(session, Invoice, Invoice.kind == InvoiceKind.CREDIT_NOTE),
        payments=_count(session, Payment), stock_movements=_count(session, StockMovement),
        appointments=_count(session, Appointment), seconds=round(seconds, 2))


def generate_demo_data(database: Database, *, seed: int = 2026, size: str = "demo",
                       progress: Callable[[str, int, int], None] | None = None,
                       today: date | None = None) -> DemoSummary:
    """Fill an EMPTY migrated database with demo data for ``seed`` and ``size``.

    Sizes (``app.demo.plan.SIZES``): ``tiny`` (20 customers, ~30 orders over two months; for
    tests), ``demo`` (300 customers, 350 vehicles, ~230 orders over a year; about 22 s on
    SQLite) and ``full`` (the same people with ~600 orders; about two and a half times as
    long). The history ends this morning (``today`` at 09:40 China time) with about 25 orders
    still in the workshop and bookings for the coming days. Commits every batch of orders.
    Raises ``DomainError`` when the database already has users: demo data never mixes with
    real data.
    """
    started = time.perf_counter()
    if size not in SIZES:
        raise ValidationError("size", _("Demo data size"),
                              _("Unknown demo data size “{size}”; choose one of {choices}."),
                              size=size, choices=", ".join(SIZES))
    spec = SIZES[size]
    report = progress or (lambda _stage, _done, _total: None)
    plan = make_plan(seed, spec, today or date.today())

    with database.session() as session:
        if user_count(session):
            raise DomainError(_("This database already has users. Demo data goes only into "
                                "an empty database."))
        report(STAGE_SETUP, 0, 1)
        with pinned(calendar.at(plan.start - timedelta(days=30), 9 * 60)):
            actors = _set_up_shop(session)
            technicians, bays = _set_up_workshop(session, plan, actors)
            _labour_operations(session, actors[RoleCode.SERVICE_MANAGER])
            parts = _set_up_parts(session, actors[RoleCode.PARTS_CLERK])
        session.commit()
    report(STAGE_SETUP, 1, 1)

    world = World(database=database, session=database.session(), actors=actors,
                  technicians=technicians, bays=bays, parts=parts, plan=plan,
                  batch_orders=spec.batch_orders,
                  progress=lambda done, total: report(STAGE_ORDERS, done, total))
    world.parts_by_id = {p.id: p for p in parts.values()}
    processes = [initial_stock(world), weekly_orders(world),
                 till_days(world, random.Random(f"bayline-demo:{seed}:till"))]
    processes += [register_customer(world, c) for c in plan.customers]
    processes += [register_vehicle(world, v) for v in plan.vehicles if v.created_at]
    processes += [booking(world, b) for b in plan.bookings]
    processes += [visit(world, o, seed) for o in plan.orders]
    try:
        run(world, processes, len(plan.orders))
        world.session.commit()
        return summarise(world.session, time.perf_counter() - started)
    finally:
        world.session.close()  # rolls back whatever was not committed


__all__ = ["DEMO_PASSWORD", "DEMO_PASSWORDS", "SIZES", "DemoSummary", "generate_demo_data"]
