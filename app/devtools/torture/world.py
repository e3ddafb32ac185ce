"""The world a torture or crash run works in: prepared once by the parent process.

``prepare_world`` refuses a database the developer tools did not create (``marker``), brings
the database to the current schema, fills in whatever is missing
(reference data, shop profile, one user per role, technicians, bays, a few *hot* parts in
stock), opens a till per terminal, creates the *shared* order every terminal edits and a few
completed orders so the cashiers have something to settle from the start. ``World`` is a
small picklable description the terminal processes receive.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.cashier.till import current_till, open_till
from app.customers.service import CustomerData, create_customer
from app.devtools.marker import claim
from app.orders.checkin import CheckInData, open_order
from app.orders.lines import add_charge_line, add_labour_line, add_part_line
from app.orders.progress import (
    dispatch_job,
    finish_job,
    record_customer_signature,
    record_qc,
    send_to_qc,
    submit_estimate,
)
from app.orders.queries import job_order_version, load_order, order_version
from app.parts.catalogue import create_part
from app.parts.stock import receive_stock
from app.security.actor import Actor
from app.security.users import SYSTEM_ACTOR, actor_for, create_user
from app.setup.reference import ensure_reference_data
from app.shop import save_profile
from app.vehicles.service import VehicleData, create_vehicle
from db.engine import Database
from db.enums import JobStatus, Payer, RoleCode
from db.migrate import upgrade
from db.models import Bay, Invoice, Part, RepairOrder, Role, ShopProfile, Team, Technician, User

ROLES = (RoleCode.ADVISOR, RoleCode.CASHIER, RoleCode.PARTS_CLERK, RoleCode.FOREMAN,
         RoleCode.TECHNICIAN, RoleCode.SERVICE_MANAGER)
HOT_PART_PREFIX = "TT-HOT-"
HOT_PART_STOCK = 40
SHARED_DESCRIPTION = "共享工单：各终端同时修改 (torture shared order)"

_PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁苏浙赣鄂桂甘晋陕吉闽贵粤川宁琼"
_CITY = "ABCDEFGHJKLMN"
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_GIVEN = ("伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰", "婷", "强", "晓明", "建华")
_MODELS = (("丰田", "卡罗拉"), ("本田", "雅阁"), ("大众", "帕萨特"), ("比亚迪", "汉"),
           ("日产", "轩逸"), ("别克", "英朗"))
_JOBS = (("常规保养", "1.00"), ("更换前刹车片", "0.80"), ("四轮定位", "1.50"),
         ("空调检修", "2.00"), ("更换火花塞", "0.60"))
_COMPLAINTS = ("做保养", "刹车有异响", "空调不凉", "方向盘抖动", "发动机故障灯亮")


@dataclass(frozen=True)
class World:
    """What every terminal process needs to know about the prepared database."""

    url: str
    tag: str  # unique per run: goes into payment keys and till names
    usernames: dict[str, str]  # role code -> user name
    technician_ids: tuple[int, ...]
    bay_ids: tuple[int, ...]
    hot_part_ids: tuple[int, ...]
    shared_order_id: int
    shared_version: int  # the shared order's version when the run starts
    orders_after: int  # orders with a larger id belong to this run (the shared one excluded)
    invoices_after: int  # invoices with a larger id were issued during this run
    till_ids: tuple[int, ...]  # one open till per terminal (index = terminal number)
    plate_base: int


def load_actors(session: Session, usernames: dict[str, str]) -> dict[str, Actor]:
    """The Actor of each role's user."""
    users = session.scalars(select(User).where(User.username.in_(list(usernames.values())))
                            .options(selectinload(User.role).selectinload(Role.permissions)))
    by_name = {u.username: actor_for(u) for u in users}
    return {role: by_name[name] for role, name in usernames.items()}


def plate_for(world: World, terminal: int, seq: int) -> str:
    """A valid regular plate unique to (terminal, seq) within this run."""
    n = (world.plate_base + terminal * 100_003 + seq) % (len(_PLATE_CHARS) ** 5)
    chars = []
    for _i in range(5):
        n, digit = divmod(n, len(_PLATE_CHARS))
        chars.append(_PLATE_CHARS[digit])
    province = _PROVINCES[world.plate_base % len(_PROVINCES)]
    city = _CITY[(world.plate_base // 7 + terminal) % len(_CITY)]
    return province + city + "".join(chars)


def _ensure_users(session: Session) -> dict[str, str]:
    """One active user per needed role (existing ones are reused)."""
    names: dict[str, str] = {}
    for role in ROLES:
        existing = session.scalar(select(User.username).join(Role).where(
            Role.code == role.value, User.active.is_(True)).order_by(User.id).limit(1))
        if existing is None:
            existing = create_user(session, SYSTEM_ACTOR, username=f"torture_{role.value}",
                                   full_name=f"Torture {role.value}",
                                   password=secrets.token_urlsafe(18), role=role.value).username
        names[role.value] = existing
    return names


def _ensure_workshop(session: Session) -> tuple[tuple[int, ...], tuple[int, ...]]:
    techs = tuple(session.scalars(select(Technician.id).where(Technician.active.is_(True))
                                  .order_by(Technician.id).limit(6)))
    if not techs:
        team = session.scalar(select(Team).where(Team.name == "压力测试组"))
        if team is None:
            team = Team(name="压力测试组")
            session.add(team)
            session.flush()
        session.add_all([Technician(name="测试师傅甲", code="TT01", team_id=team.id),
                         Technician(name="测试师傅乙", code="TT02", team_id=team.id)])
        session.flush()
        techs = tuple(session.scalars(select(Technician.id).where(
            Technician.active.is_(True)).order_by(Technician.id)))
    bays = tuple(session.scalars(select(Bay.id).where(Bay.active.is_(True))
                                 .order_by(Bay.id).limit(6)))
    if not bays:
        session.add_all([Bay(code="TTB1", name="测试工位1"), Bay(code="TTB2", name="测试工位2")])
        session.flush()
        bays = tuple(session.scalars(select(Bay.id).where(Bay.active.is_(True))
                                     .order_by(Bay.id)))
    return techs, bays


def _ensure_hot_parts(session: Session, clerk: Actor, count: int) -> tuple[int, ...]:
    ids = []
    for i in range(1, count + 1):
        part_no = f"{HOT_PART_PREFIX}{i}"
        part = session.scalar(select(Part).where(Part.part_no == part_no))
        if part is None:
            part = create_part(session, clerk, part_no=part_no, name=f"热门配件{i} 机油滤清器",
                               sale_price="58.00", cost_price="32.00")
        if part.on_hand < HOT_PART_STOCK:
            receive_stock(session, clerk, part.id, HOT_PART_STOCK - part.on_hand,
                          unit_cost="32.00", reference="TORTURE")
        ids.append(part.id)
    return tuple(ids)


def random_customer(rng: random.Random) -> CustomerData:
    """A plausible person with a valid mobile number."""
    name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
    phone = rng.choice(("138", "139", "186", "135", "137")) + f"{rng.randrange(10**8):08d}"
    return CustomerData(name=name, phones=[phone])


def new_order(session: Session, actors: dict[str, Actor], world: World, rng: random.Random,
              plate: str) -> RepairOrder:
    """Customer, vehicle, check-in and a few lines (jobs, hot parts, a charge) — one call
    sequence through the real services."""
    advisor = actors[RoleCode.ADVISOR]
    customer = create_customer(session, advisor, random_customer(rng))
    brand, model = rng.choice(_MODELS)
    mileage = rng.randint(1_000, 150_000)
    vehicle = create_vehicle(session, advisor, VehicleData(plate=plate, brand=brand, model=model),
                             owner_id=customer.id, mileage_km=mileage).vehicle
    order = open_order(session, advisor, vehicle.id, CheckInData(
        mileage_in=mileage + rng.randint(0, 3_000), fuel_level=rng.randint(0, 8),
        customer_description=rng.choice(_COMPLAINTS)))
    for _i in range(rng.randint(1, 2)):
        description, hours = rng.choice(_JOBS)
        add_labour_line(session, advisor, order.id, description=description, hours=hours,
                        payer=Payer.INSURER if rng.random() < 0.15 else Payer.CUSTOMER,
                        discount=rng.choice(("0", "0", "0.05")))
    for _i in range(rng.randint(1, 2)):
        add_part_line(session, advisor, order.id, part_id=rng.choice(world.hot_part_ids),
                      quantity=rng.randint(1, 3))
    if rng.random() < 0.5:
        add_charge_line(session, advisor, order.id, description="环保处理费", amount="15.00")
    return order


def complete_order(session: Session, actors: dict[str, Actor], world: World,
                   rng: random.Random, order_id: int) -> None:
    """Estimate, signature, dispatch, finish, QC pass: the order ends *completed*."""
    advisor, foreman = actors[RoleCode.ADVISOR], actors[RoleCode.FOREMAN]
    submit_estimate(session, advisor, order_id, expected_version=order_version(session, order_id))
    record_customer_signature(session, advisor, order_id,
                              expected_version=order_version(session, order_id))
    for job in list(load_order(session, order_id).labour_lines):
        if job.status == JobStatus.OPEN:
            dispatch_job(session, foreman, job.id, technician_id=rng.choice(world.technician_ids),
                         bay_id=rng.choice(world.bay_ids),
                         expected_version=job_order_version(session, job.id))
            finish_job(session, actors[RoleCode.TECHNICIAN], job.id,
                       expected_version=job_order_version(session, job.id))
    send_to_qc(session, foreman, order_id, expected_version=order_version(session, order_id))
    record_qc(session, foreman, order_id, passed=True,
              expected_version=order_version(session, order_id))


def prepare_world(database: Database, *, terminals: int, seed: int, hot_parts: int = 3,
                  completed_orders: int | None = None, tool: str = "torture") -> World:
    """Make ``database`` ready for a run and describe it (see the module docstring).

    Only a database the developer tools created (empty, or marked by them) is prepared:
    any other raises ``NotADevtoolsDatabase`` before anything is written
    (``app.devtools.marker``)."""
    claim(database, tool=tool)
    upgrade(database)
    rng = random.Random(seed)
    tag = f"tt{seed % 100000}x{secrets.token_hex(3)}"
    with database.transaction() as session:
        ensure_reference_data(session)
        if session.get(ShopProfile, 1) is None:
            save_profile(session, None, name="Bayline 压力测试店", address="测试路1号")
        usernames = _ensure_users(session)
    with database.transaction() as session:
        actors = load_actors(session, usernames)
        techs, bays = _ensure_workshop(session)
        parts = _ensure_hot_parts(session, actors[RoleCode.PARTS_CLERK], hot_parts)
        tills = tuple(
            (current_till(session, f"{tag}-T{n}") or open_till(
                session, actors[RoleCode.CASHIER], terminal=f"{tag}-T{n}",
                opening_float="500.00")).id
            for n in range(terminals + 1))  # the last one is the parent's
        invoices_after = session.scalar(select(func.max(Invoice.id))) or 0
    plate_base = rng.randrange(len(_PLATE_CHARS) ** 5)
    world = World(url=database.url.render_as_string(hide_password=False), tag=tag,
                  usernames=usernames, technician_ids=techs, bay_ids=bays,
                  hot_part_ids=parts, shared_order_id=0, shared_version=0, orders_after=0,
                  invoices_after=invoices_after, till_ids=tills, plate_base=plate_base)
    with database.transaction() as session:
        shared = new_order(session, actors, world, rng, plate_for(world, 999, 0))
        shared.damage_notes = "initial"
        session.flush()
        shared_id, shared_version = shared.id, shared.version
    world = replace(world, shared_order_id=shared_id, shared_version=shared_version,
                    orders_after=shared_id)
    for i in range(terminals if completed_orders is None else completed_orders):
        with database.transaction() as session:
            order = new_order(session, actors, world, rng, plate_for(world, 999, i + 1))
            complete_order(session, actors, world, rng, order.id)
    return world


def hot_stock(session: Session, world: World) -> dict[int, Decimal]:
    """On-hand of each hot part."""
    return {part_id: on_hand for part_id, on_hand in session.execute(
        select(Part.id, Part.on_hand).where(Part.id.in_(world.hot_part_ids)))}
