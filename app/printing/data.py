"""Reading what the documents print (read-only queries; permissions are checked here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import PermissionDenied
from app.orders.queries import load_order
from app.orders.status import is_pending_additional_work
from app.orders.totals import OrderTotals, PricedLine, price_order
from app.security.actor import Actor, require
from db.enums import LineType
from db.models import (
    Bay,
    ChargeLine,
    Customer,
    Invoice,
    LabourLine,
    PartLine,
    RepairOrder,
    Technician,
    User,
    WorkApproval,
)


def require_order_view(actor: Actor) -> None:
    """Printing an order's documents needs ``orders.view``."""
    require(actor, "orders.view")


def require_invoice_view(actor: Actor, invoice: Invoice) -> None:
    """Invoices need ``orders.view``; a credit note also prints for any cashier permission."""
    if actor.can("orders.view"):
        return
    if invoice.kind == "credit_note" and any(p.startswith("cashier.")
                                             for p in actor.permissions):
        return
    raise PermissionDenied(permission="orders.view")


def user_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    """Full names of the users ``ids`` (missing ones are left out)."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.full_name).where(User.id.in_(wanted)))
    return {user_id: name for user_id, name in rows}


def primary_phone(customer: Customer) -> str:
    """The customer's primary phone (E.164), else the first one, else empty."""
    phones = list(customer.phones)
    for phone in phones:
        if phone.is_primary:
            return phone.number
    return phones[0].number if phones else ""


@dataclass(frozen=True)
class OrderData:
    """An order with its priced lines split the way the documents show them."""

    order: RepairOrder
    priced: OrderTotals
    billable: tuple[PricedLine, ...]
    pending: tuple[PricedLine, ...]  # additional work awaiting the customer's consent
    jobs: dict[int, LabourLine]
    technicians: dict[int, str]
    bays: dict[int, str]
    users: dict[int, str]
    approvals: tuple[WorkApproval, ...] = ()

    @property
    def advisor(self) -> str:
        return self.users.get(self.order.advisor_id, "")

    def of_type(self, lines: Iterable[PricedLine], line_type: LineType) -> list[PricedLine]:
        return [line for line in lines if line.line_type == line_type]


def _model_line(order: RepairOrder, priced: PricedLine) -> LabourLine | PartLine | ChargeLine:
    by_type: dict[LineType, Sequence[LabourLine | PartLine | ChargeLine]] = {
        LineType.LABOUR: order.labour_lines, LineType.PART: order.part_lines,
        LineType.CHARGE: order.charge_lines}
    lines = by_type[priced.line_type]
    return next(x for x in lines if x.id == priced.line_id)


def load_order_data(session: Session, order_id: int) -> OrderData:
    """The order, priced (``app.orders.totals.price_order``), with the names it refers to."""
    order = load_order(session, order_id)
    priced = price_order(session, order)
    billable: list[PricedLine] = []
    pending: list[PricedLine] = []
    for line in priced.lines:
        model = _model_line(order, line)
        if line.billable:
            billable.append(line)
        elif is_pending_additional_work(model):
            pending.append(line)
    jobs = {job.id: job for job in order.labour_lines}
    tech_ids = {j.technician_id for j in jobs.values() if j.technician_id}
    bay_ids = {j.bay_id for j in jobs.values() if j.bay_id}
    technicians = {t.id: f"{t.name} ({t.code})" for t in session.scalars(
        select(Technician).where(Technician.id.in_(tech_ids)))} if tech_ids else {}
    bays = {b.id: f"{b.code} {b.name}" for b in session.scalars(
        select(Bay).where(Bay.id.in_(bay_ids)))} if bay_ids else {}
    approvals = tuple(session.scalars(
        select(WorkApproval).where(WorkApproval.repair_order_id == order.id)
        .order_by(WorkApproval.approved_at, WorkApproval.id)))
    users = user_names(session, [order.advisor_id, order.gate_pass_by_id,
                                 order.reviewed_by_id,
                                 *(a.recorded_by_id for a in approvals)])
    return OrderData(order=order, priced=priced, billable=tuple(billable),
                     pending=tuple(pending), jobs=jobs, technicians=technicians, bays=bays,
                     users=users, approvals=approvals)
