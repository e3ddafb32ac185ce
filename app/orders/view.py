"""Everything the repair order editor shows, assembled in a fixed number of queries.

``order_view`` loads the order with its lines once, prices it with ``price_order``, reads the
stock of every part on it in one query and the names of every user, technician and bay
mentioned in one query each: the number of queries does not grow with the number of lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.appointments.rows import shown_phone, user_names, vehicle_text
from app.cashier.invoicing import current_invoice, open_by_payer
from app.money import LineAmounts, Totals
from app.orders.attachments import AttachmentInfo, attachment_infos
from app.orders.queries import load_order
from app.orders.state import EDITABLE, PRE_INVOICE
from app.orders.totals import PricedLine, price_order
from app.orders.workflow import status_label
from app.security.actor import Actor, require
from db.enums import JobStatus, LineType, OrderStatus
from db.models import (
    Bay,
    ChargeLine,
    LabourLine,
    OrderStatusChange,
    Part,
    PartLine,
    RepairOrder,
    Technician,
    WorkApproval,
)

ACTIONS = frozenset({"edit_lines", "estimate", "sign", "dispatch", "send_to_qc", "review",
                     "call", "deliver", "cancel", "print_settlement"})
_S = OrderStatus


@dataclass(frozen=True)
class CustomerInfo:
    id: int
    name: str
    kind: str
    phone: str  # the primary phone, masked unless the actor may see contact details
    phones: tuple[str, ...]
    tax_id: str


@dataclass(frozen=True)
class VehicleInfo:
    id: int
    plate: str
    vin: str
    description: str  # brand and model
    brand: str
    model: str
    colour: str
    mileage_km: int
    owner_id: int | None


@dataclass(frozen=True)
class CheckInRecord:
    mileage_in: int
    fuel_level: int  # eighths of a tank
    damage_notes: str
    valuables: str
    warning_lights: str
    customer_description: str
    diagnosis: str
    contact_preference: str
    customer_waiting: bool
    promised_at: datetime | None
    customer_signed_at: datetime | None


@dataclass(frozen=True)
class StockFigures:
    on_hand: Decimal
    reserved: Decimal
    available: Decimal


@dataclass(frozen=True)
class ViewLine:
    """A priced line with what the editor shows beside it."""

    priced: PricedLine
    line_type: LineType
    line_id: int
    position: int
    code: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal
    payer: str
    tax_rate: Decimal
    amounts: LineAmounts
    billable: bool
    additional: bool
    pending: bool  # additional work still waiting for the customer's approval
    approval_id: int | None
    job_status: str | None = None  # labour lines
    technician: str = ""
    bay: str = ""
    part_id: int | None = None  # part lines
    issued_qty: Decimal | None = None
    stock: StockFigures | None = None

    @property
    def net(self) -> Decimal:
        return self.amounts.net

    @property
    def tax(self) -> Decimal:
        return self.amounts.tax

    @property
    def gross(self) -> Decimal:
        return self.amounts.gross


@dataclass(frozen=True)
class ApprovalInfo:
    id: int
    approved_by: str
    approved_at: datetime
    method: str
    amount: Decimal
    extra_minutes: int
    recorded_by: str
    notes: str


@dataclass(frozen=True)
class StatusChangeInfo:
    from_status: str
    to_status: str
    from_label: str  # msgids
    to_label: str
    at: datetime
    user: str
    reason: str


@dataclass(frozen=True)
class OrderView:
    """The repair order as the editor shows it."""

    id: int
    number: str
    status: str
    status_label: str  # a msgid
    wait_reason: str | None
    version: int
    opened_at: datetime
    promised_at: datetime | None
    completed_at: datetime | None
    delivered_at: datetime | None
    advisor_id: int
    advisor: str
    comeback_of: str | None
    cancel_reason: str
    rework_count: int
    customer: CustomerInfo
    vehicle: VehicleInfo
    check_in: CheckInRecord
    lines: tuple[ViewLine, ...]
    pending: tuple[ViewLine, ...]
    approvals: tuple[ApprovalInfo, ...]
    history: tuple[StatusChangeInfo, ...]
    totals: Totals
    pending_totals: Totals
    prices_include_tax: bool
    invoice_id: int | None
    invoice_number: str | None
    invoice_balance: Decimal | None
    settled: bool
    reviewed_at: datetime | None
    reviewed_by: str
    customer_called_at: datetime | None
    gate_pass_number: str | None
    gate_pass_at: datetime | None
    gate_pass_by: str
    attachments: tuple[AttachmentInfo, ...]
    allowed_actions: frozenset[str]

    @property
    def by_payer(self) -> dict[str, Decimal]:
        return self.totals.by_payer


def allowed_actions(status: str, actor: Actor) -> frozenset[str]:
    """The editor's actions the order's status and the actor's permissions allow.

    Data guards (lines present, jobs finished, invoice paid) are checked by the services,
    which explain what is missing.
    """
    s = OrderStatus(status)
    can = actor.can
    actions = {
        "edit_lines": s in EDITABLE and can("orders.edit"),
        "estimate": s is _S.OPEN and can("orders.edit"),
        "sign": s is _S.ESTIMATED and can("orders.edit"),
        "dispatch": s in (_S.APPROVED, _S.IN_PROGRESS, _S.WAITING) and can("orders.dispatch"),
        "send_to_qc": s is _S.IN_PROGRESS and (can("orders.work") or can("orders.dispatch")
                                              or can("orders.qc")),
        "review": s is _S.COMPLETED and can("orders.edit"),
        "call": s in (_S.COMPLETED, _S.INVOICED) and can("orders.edit"),
        "deliver": s is _S.INVOICED and can("orders.deliver"),
        "cancel": s in PRE_INVOICE and can("orders.cancel"),
        "print_settlement": s in (_S.COMPLETED, _S.INVOICED, _S.DELIVERED, _S.CLOSED)
        and (can("orders.edit") or can("cashier.settle")),
    }
    return frozenset(name for name, ok in actions.items() if ok)


def _stock(session: Session, part_ids: set[int]) -> dict[int, StockFigures]:
    if not part_ids:
        return {}
    return {pid: StockFigures(on_hand=on_hand, reserved=reserved, available=on_hand - reserved)
            for pid, on_hand, reserved in session.execute(
                select(Part.id, Part.on_hand, Part.reserved).where(Part.id.in_(part_ids)))}


def _names(session: Session, model: type[Technician] | type[Bay], ids: set[int | None],
           column: str) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(model.id, getattr(model, column))
                                .where(model.id.in_(wanted))).all())


def _view_lines(session: Session, order: RepairOrder,
                priced: tuple[PricedLine, ...]) -> tuple[ViewLine, ...]:
    sources: dict[tuple[LineType, int], LabourLine | PartLine | ChargeLine] = {}
    for labour in order.labour_lines:
        sources[(LineType.LABOUR, labour.id)] = labour
    for part in order.part_lines:
        sources[(LineType.PART, part.id)] = part
    for charge in order.charge_lines:
        sources[(LineType.CHARGE, charge.id)] = charge
    stock = _stock(session, {p.part_id for p in order.part_lines if p.part_id is not None})
    techs = _names(session, Technician, {j.technician_id for j in order.labour_lines}, "name")
    bays = _names(session, Bay, {j.bay_id for j in order.labour_lines}, "code")
    out = []
    for p in priced:
        src = sources[(p.line_type, p.line_id)]
        cancelled = isinstance(src, LabourLine) and src.status == JobStatus.CANCELLED
        extra: dict = {}
        if isinstance(src, LabourLine):
            extra = {"job_status": src.status,
                     "technician": techs.get(src.technician_id, "") if src.technician_id else "",
                     "bay": bays.get(src.bay_id, "") if src.bay_id else ""}
        elif isinstance(src, PartLine):
            extra = {"part_id": src.part_id, "issued_qty": src.issued_qty,
                     "stock": stock.get(src.part_id) if src.part_id is not None else None}
        out.append(ViewLine(
            priced=p, line_type=p.line_type, line_id=p.line_id, position=src.position,
            code=p.code, description=p.description, quantity=p.quantity,
            unit_price=p.unit_price, discount=p.discount, payer=p.payer, tax_rate=p.tax_rate,
            amounts=p.amounts, billable=p.billable, additional=src.additional,
            pending=bool(src.additional and src.approval_id is None and not cancelled),
            approval_id=src.approval_id, **extra))
    return tuple(out)


def _customer(order: RepairOrder, actor: Actor) -> CustomerInfo:
    c = order.customer
    phones = tuple(shown_phone(actor, p.number) for p in
                   sorted(c.phones, key=lambda p: (not p.is_primary, p.id)))
    return CustomerInfo(id=c.id, name=c.name, kind=c.kind, phone=phones[0] if phones else "",
                        phones=phones, tax_id=c.tax_id)


def _vehicle(order: RepairOrder) -> VehicleInfo:
    v = order.vehicle
    return VehicleInfo(id=v.id, plate=v.plate, vin=v.vin or "", description=vehicle_text(v),
                       brand=v.brand, model=v.model, colour=v.colour, mileage_km=v.mileage_km,
                       owner_id=v.owner_id)


def _check_in(order: RepairOrder) -> CheckInRecord:
    return CheckInRecord(
        mileage_in=order.mileage_in, fuel_level=order.fuel_level,
        damage_notes=order.damage_notes, valuables=order.valuables,
        warning_lights=order.warning_lights, customer_description=order.customer_description,
        diagnosis=order.diagnosis, contact_preference=order.contact_preference,
        customer_waiting=order.customer_waiting, promised_at=order.promised_at,
        customer_signed_at=order.customer_signed_at)


def order_view(session: Session, actor: Actor, order_id: int) -> OrderView:
    """The order with customer, vehicle, check-in, priced lines with stock, pending work,
    approvals, history, totals, invoice and the actions allowed to ``actor`` (``orders.view``).

    The customer's phone numbers are masked unless the actor holds ``customers.view_contact``.
    """
    require(actor, "orders.view")
    order = load_order(session, order_id)
    priced = price_order(session, order)
    lines = _view_lines(session, order, priced.lines)
    changes = list(session.scalars(select(OrderStatusChange)
                                   .where(OrderStatusChange.repair_order_id == order.id)
                                   .order_by(OrderStatusChange.id)))
    approvals = list(session.scalars(select(WorkApproval)
                                     .where(WorkApproval.repair_order_id == order.id)
                                     .order_by(WorkApproval.approved_at, WorkApproval.id)))
    names = user_names(session, {order.advisor_id, order.reviewed_by_id, order.gate_pass_by_id,
                                 *(c.user_id for c in changes),
                                 *(a.recorded_by_id for a in approvals)})
    comeback = None
    if order.comeback_of_id is not None:
        comeback = session.scalar(select(RepairOrder.number)
                                  .where(RepairOrder.id == order.comeback_of_id))
    invoice = current_invoice(session, order.id) if order.status in (
        _S.INVOICED, _S.DELIVERED, _S.CLOSED) else None
    balance: Decimal | None = None
    settled = False
    if invoice is not None:
        still_open = open_by_payer(session, invoice.id)
        balance = sum(still_open.values(), Decimal("0.00"))
        settled = all(v == 0 for v in still_open.values())

    def name(user_id: int | None) -> str:
        return names.get(user_id, "") if user_id is not None else ""

    return OrderView(
        id=order.id, number=order.number, status=order.status,
        status_label=status_label(order.status), wait_reason=order.wait_reason,
        version=order.version, opened_at=order.opened_at, promised_at=order.promised_at,
        completed_at=order.completed_at, delivered_at=order.delivered_at,
        advisor_id=order.advisor_id, advisor=name(order.advisor_id), comeback_of=comeback,
        cancel_reason=order.cancel_reason, rework_count=order.rework_count,
        customer=_customer(order, actor), vehicle=_vehicle(order), check_in=_check_in(order),
        lines=lines, pending=tuple(line for line in lines if line.pending),
        approvals=tuple(ApprovalInfo(
            id=a.id, approved_by=a.approved_by, approved_at=a.approved_at, method=a.method,
            amount=a.amount, extra_minutes=a.extra_minutes, recorded_by=name(a.recorded_by_id),
            notes=a.notes) for a in approvals),
        history=tuple(StatusChangeInfo(
            from_status=c.from_status, to_status=c.to_status,
            from_label=status_label(c.from_status), to_label=status_label(c.to_status),
            at=c.at, user=name(c.user_id), reason=c.reason) for c in changes),
        totals=priced.totals, pending_totals=priced.pending,
        prices_include_tax=priced.prices_include_tax,
        invoice_id=invoice.id if invoice else None,
        invoice_number=invoice.number if invoice else None, invoice_balance=balance,
        settled=settled, reviewed_at=order.reviewed_at, reviewed_by=name(order.reviewed_by_id),
        customer_called_at=order.customer_called_at, gate_pass_number=order.gate_pass_number,
        gate_pass_at=order.gate_pass_at, gate_pass_by=name(order.gate_pass_by_id),
        attachments=tuple(attachment_infos(session, order.id)),
        allowed_actions=allowed_actions(order.status, actor))
