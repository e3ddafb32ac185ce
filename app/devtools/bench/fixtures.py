"""What the scenarios need that a data set may lack, built through the real services.

Everything the bench adds hangs off one vehicle of its own (plate ``测试BENCH``, owner
``性能测试车队``) and is marked in the order's ``customer_description``, so a later run finds and
reuses it instead of adding more. The writes are ordinary committed service calls: document
numbers, the stock ledger and the fiscal chain stay exactly as sound as after a day's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from functools import partial

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.cashier.invoicing import current_invoice, settle_order
from app.cashier.till import close_till, current_till, open_till, takings
from app.clock import now
from app.customers.service import CustomerData, create_customer
from app.orders import progress
from app.orders.checkin import CheckInData, open_order
from app.orders.lines import add_charge_line, add_labour_line, add_part_line
from app.orders.queries import job_order_version, load_order, order_version
from app.parts.catalogue import create_part
from app.parts.stock import issue_to_order, receive_stock
from app.security.actor import Actor
from app.security.users import actor_for
from app.transactions import run_in_transaction
from app.vehicles.service import VehicleData, create_vehicle
from db.engine import Database
from db.enums import CustomerKind, OrderStatus, PaymentMethod, RoleCode
from db.models import Bay, Part, RepairOrder, Role, Technician, User, Vehicle

BENCH_PLATE = "测试BENCH"
BENCH_OWNER = "性能测试车队"
BENCH_PART_NO = "BENCH-0001"
TERMINAL = "BENCH"
MARK_OPEN_ORDER = "bench: 30-line order"
MARK_WRITE_STALL = "bayline bench: write stall"
MARK_INVOICE = "bench: 40-line invoice"
MARK_SETTLE = "bench: to settle"
MARK_ISSUE = "bench: parts issue"
MARK_BOARD = "bench: on the board"

JOBS = ("更换机油及机油滤清器", "四轮定位", "更换前刹车片", "空调系统清洗", "更换火花塞",
        "节气门清洗", "更换雨刮片", "轮胎换位及动平衡", "更换空气滤清器", "更换空调滤清器",
        "更换制动液", "蓄电池检测", "底盘检查紧固", "更换变速箱油", "更换冷却液")
CHARGES = (("环保处理费", "20.00"), ("外加工：钣金喷漆", "860.00"), ("拖车费", "150.00"),
           ("耗材费", "35.00"))


class BenchError(Exception):
    """The database cannot be benchmarked as it is (no users, no technicians ...)."""


@dataclass(frozen=True)
class Actors:
    """The people the scenarios act as."""

    advisor: Actor
    cashier: Actor
    clerk: Actor
    foreman: Actor
    manager: Actor


def load_actors(session: Session) -> Actors:
    """The first active user of each role (the manager or administrator where one is missing)."""
    users = session.scalars(
        select(User).join(Role, Role.id == User.role_id).where(User.active.is_(True))
        .options(selectinload(User.role).selectinload(Role.permissions))
        .order_by(User.id)).all()
    by_role: dict[str, Actor] = {}
    for user in users:
        by_role.setdefault(user.role.code, actor_for(user))
    boss = by_role.get(RoleCode.SERVICE_MANAGER) or by_role.get(RoleCode.ADMIN)
    if boss is None:
        raise BenchError("The database needs an active service manager or administrator.")
    return Actors(advisor=by_role.get(RoleCode.ADVISOR, boss),
                  cashier=by_role.get(RoleCode.CASHIER, boss),
                  clerk=by_role.get(RoleCode.PARTS_CLERK, boss),
                  foreman=by_role.get(RoleCode.FOREMAN, boss), manager=boss)


def bench_vehicle(database: Database, actors: Actors) -> int:
    """The bench's own vehicle (created on the first run)."""
    with database.reading() as session:
        found = session.scalar(select(Vehicle.id).where(Vehicle.plate == BENCH_PLATE))
    if found is not None:
        return found

    def create(session: Session) -> int:
        owner = create_customer(session, actors.manager, CustomerData(
            name=BENCH_OWNER, kind=CustomerKind.COMPANY, notes="bayline bench"))
        saved = create_vehicle(session, actors.manager, VehicleData(
            plate=BENCH_PLATE, brand="丰田", model="凯美瑞", allow_special_plate=True,
            notes="bayline bench"), owner_id=owner.id, mileage_km=10_000)
        return saved.vehicle.id

    return run_in_transaction(database, create)


def _workshop(session: Session) -> tuple[int, int | None]:
    tech = session.scalar(select(Technician.id).where(Technician.active.is_(True))
                          .order_by(Technician.id).limit(1))
    if tech is None:
        raise BenchError("The database needs at least one active technician.")
    bay = session.scalar(select(Bay.id).where(Bay.active.is_(True)).order_by(Bay.id).limit(1))
    return tech, bay


def stocked_part(database: Database, actors: Actors, needed: Decimal) -> int:
    """A part with at least ``needed`` free on hand (stock received first when short)."""
    with database.reading() as session:
        # (on_hand - reserved) is computed on the stored integers: fine for ordering only
        row = session.execute(
            select(Part.id, Part.on_hand, Part.reserved).where(Part.active.is_(True))
            .order_by((Part.on_hand - Part.reserved).desc(), Part.id).limit(1)).first()
    free = row.on_hand - row.reserved if row else Decimal(0)

    def top_up(session: Session) -> int:
        part_id = row.id if row else None
        if part_id is None:
            part_id = create_part(session, actors.manager, part_no=BENCH_PART_NO,
                                  name="全合成机油 5W-30", sale_price="95.00",
                                  cost_price="52.00", unit="L").id
        if free < needed:
            receive_stock(session, actors.manager, part_id, needed - free + 100,
                          unit_cost=session.get_one(Part, part_id).cost_price,
                          reference="BENCH")
        return part_id

    if row is not None and free >= needed:
        return row.id
    return run_in_transaction(database, top_up)


def parts_in_stock(session: Session, count: int, fallback: int) -> list[int]:
    """Up to ``count`` distinct active parts with a unit free, padded with ``fallback``."""
    ids = list(session.scalars(
        select(Part.id).where(Part.active.is_(True), Part.on_hand >= Part.reserved + Decimal(1))
        .order_by(Part.id).limit(count)))
    return ids + [fallback] * (count - len(ids))


def _marked(session: Session, vehicle_id: int, mark: str, status: OrderStatus) -> list[int]:
    return list(session.scalars(
        select(RepairOrder.id).where(RepairOrder.vehicle_id == vehicle_id,
                                     RepairOrder.customer_description == mark,
                                     RepairOrder.status == status.value)
        .order_by(RepairOrder.id)))


def _new_order(session: Session, actor: Actor, vehicle_id: int, mark: str,
               promised_in: timedelta | None = None) -> RepairOrder:
    mileage = session.scalar(select(Vehicle.mileage_km).where(Vehicle.id == vehicle_id)) or 0
    return open_order(session, actor, vehicle_id, CheckInData(
        mileage_in=mileage + 1, customer_description=mark,
        promised_at=now() + promised_in if promised_in else None))


def _add_lines(session: Session, actor: Actor, order_id: int, *, jobs: int,
               parts: list[int], charges: int) -> None:
    for i in range(jobs):
        add_labour_line(session, actor, order_id, description=JOBS[i % len(JOBS)],
                        hours=f"{0.5 + (i % 4) * 0.3:.2f}", operation_code=f"BN-{i + 1:02d}")
    for part_id in parts:
        add_part_line(session, actor, order_id, part_id=part_id, quantity="1")
    for i in range(charges):
        description, amount = CHARGES[i % len(CHARGES)]
        add_charge_line(session, actor, order_id, description=description, amount=amount)


def _sign_and_dispatch(session: Session, actor: Actor, order_id: int) -> None:
    tech, bay = _workshop(session)
    progress.submit_estimate(session, actor, order_id,
                             expected_version=order_version(session, order_id))
    progress.record_customer_signature(session, actor, order_id,
                                       expected_version=order_version(session, order_id))
    for job in load_order(session, order_id).labour_lines:
        progress.dispatch_job(session, actor, job.id, technician_id=tech, bay_id=bay,
                              expected_version=job_order_version(session, job.id))


def _complete(session: Session, actors: Actors, order_id: int) -> None:
    """Signed, dispatched, parts issued, jobs finished, QC passed: *completed*."""
    _sign_and_dispatch(session, actors.manager, order_id)
    order = load_order(session, order_id)
    for line in order.part_lines:
        issue_to_order(session, actors.clerk, line.id)
    for job in order.labour_lines:
        progress.finish_job(session, actors.manager, job.id,
                            expected_version=job_order_version(session, job.id))
    progress.send_to_qc(session, actors.manager, order_id,
                        expected_version=order_version(session, order_id))
    progress.record_qc(session, actors.manager, order_id, passed=True,
                       expected_version=order_version(session, order_id))


def _thirty_line_order(database: Database, actors: Actors, vehicle_id: int, mark: str) -> int:
    """A new checked-in order of 30 lines (12 jobs, 14 parts, 4 charges) marked ``mark``."""
    fallback = stocked_part(database, actors, Decimal(1))

    def build(session: Session) -> int:
        order = _new_order(session, actors.advisor, vehicle_id, mark)
        _add_lines(session, actors.advisor, order.id, jobs=12,
                   parts=parts_in_stock(session, 14, fallback), charges=4)
        return order.id

    return run_in_transaction(database, build)


def open_order_fixture(database: Database, actors: Actors, vehicle_id: int) -> int:
    """A checked-in order of 30 lines: 12 jobs, 14 parts, 4 charges (built once)."""
    with database.reading() as session:
        found = _marked(session, vehicle_id, MARK_OPEN_ORDER, OrderStatus.OPEN)
    if found:
        return found[0]
    return _thirty_line_order(database, actors, vehicle_id, MARK_OPEN_ORDER)


def write_stall_fixture(database: Database, actors: Actors, vehicle_id: int) -> int:
    """A new 30-line order for the editor to add lines to (one per run)."""
    return _thirty_line_order(database, actors, vehicle_id, MARK_WRITE_STALL)


def invoice_fixture(database: Database, actors: Actors, vehicle_id: int) -> int:
    """An issued invoice of 40 lines (15 jobs, 20 parts, 5 charges); returns its id."""
    with database.reading() as session:
        for order_id in _marked(session, vehicle_id, MARK_INVOICE, OrderStatus.INVOICED):
            invoice = current_invoice(session, order_id)
            if invoice is not None:
                return invoice.id
    fallback = stocked_part(database, actors, Decimal(20))

    def build(session: Session) -> int:
        order = _new_order(session, actors.advisor, vehicle_id, MARK_INVOICE)
        _add_lines(session, actors.advisor, order.id, jobs=15,
                   parts=parts_in_stock(session, 20, fallback), charges=5)
        _complete(session, actors, order.id)
        return settle_order(session, actors.cashier, order.id).id

    return run_in_transaction(database, build)


def settle_fixtures(database: Database, actors: Actors, vehicle_id: int,
                    count: int) -> list[int]:
    """``count`` completed orders (2 jobs, 1 part, 1 charge each) waiting to be invoiced."""
    with database.reading() as session:
        found = _marked(session, vehicle_id, MARK_SETTLE, OrderStatus.COMPLETED)
    missing = count - len(found)
    if missing <= 0:
        return found[:count]
    part_id = stocked_part(database, actors, Decimal(missing))

    def build(session: Session) -> int:
        order = _new_order(session, actors.advisor, vehicle_id, MARK_SETTLE)
        _add_lines(session, actors.advisor, order.id, jobs=2, parts=[part_id], charges=1)
        _complete(session, actors, order.id)
        return order.id

    return found + [run_in_transaction(database, build) for _ in range(missing)]


def issue_fixture(database: Database, actors: Actors, vehicle_id: int, units: int) -> int:
    """A part line of ``units`` units on an order in progress, stock on hand for all of it."""
    part_id = stocked_part(database, actors, Decimal(units))

    def build(session: Session) -> int:
        order = _new_order(session, actors.advisor, vehicle_id, MARK_ISSUE)
        add_labour_line(session, actors.advisor, order.id, description=JOBS[0], hours="1.00")
        line = add_part_line(session, actors.advisor, order.id, part_id=part_id,
                             quantity=str(units)).line
        _sign_and_dispatch(session, actors.manager, order.id)
        return line.id

    return run_in_transaction(database, build)


def board_count(session: Session) -> int:
    """Orders the workshop board shows now."""
    from app.workshop.board import BOARD_STATUSES

    return session.scalar(select(func.count()).select_from(RepairOrder).where(
        RepairOrder.status.in_([s.value for s in BOARD_STATUSES]))) or 0


def board_fixture(database: Database, actors: Actors, vehicle_id: int, cards: int) -> int:
    """Top the board up to ``cards`` orders (in progress, 2 jobs and a part to issue each);
    returns how many were added."""
    with database.reading() as session:
        missing = cards - board_count(session)
    if missing <= 0:
        return 0
    part_id = stocked_part(database, actors, Decimal(1))

    def build(session: Session, i: int) -> None:
        order = _new_order(session, actors.advisor, vehicle_id, MARK_BOARD,
                           promised_in=timedelta(hours=2 + i % 48))
        _add_lines(session, actors.advisor, order.id, jobs=2, parts=[part_id], charges=0)
        _sign_and_dispatch(session, actors.manager, order.id)

    for i in range(missing):
        run_in_transaction(database, partial(build, i=i))
    return missing


def open_bench_till(database: Database, actors: Actors) -> int:
    """The bench terminal's open till (opened with no float when there is none)."""

    def get(session: Session) -> int:
        till = current_till(session, TERMINAL)
        if till is None:
            till = open_till(session, actors.cashier, terminal=TERMINAL, opening_float="0")
        return till.id

    return run_in_transaction(database, get)


def close_bench_till(database: Database, actors: Actors, till_id: int) -> None:
    """Close the bench till with exactly the cash expected (no variance)."""

    def close(session: Session) -> None:
        by_method, _count = takings(session, till_id)
        till = current_till(session, TERMINAL)
        if till is None or till.id != till_id:
            raise BenchError(f"The till of terminal {TERMINAL} changed during the run.")
        expected = till.opening_float + by_method.get(PaymentMethod.CASH, Decimal("0.00"))
        close_till(session, actors.cashier, till_id, counted_cash=expected)

    run_in_transaction(database, close)
