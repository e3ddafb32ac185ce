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

from app.appointments.rows import user_names, vehicle_text
from app.cashier.invoicing import current_invoice, open_by_payer
from app.errors import DomainError
from app.money import Totals
from app.orders.attachments import AttachmentInfo, attachment_infos
from app.orders.lines import edit_refusal, needs_reason
from app.orders.progress import can_dispatch
from app.orders.queries import load_order
from app.orders.status import (
    AWAITING_PICKUP,
    EDITABLE,
    INVOICED_OR_LATER,
    PRE_INVOICE,
    SIGNED,
    WORK_DONE,
    is_pending_additional_work,
)
from app.orders.totals import PricedLine, price_order
from app.orders.workflow import status_label
from app.privacy import shown_phone
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
    StockReservation,
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
class ViewLine(PricedLine):
    """One order line as every screen shows it: priced, with its state and what may be done.

    The rules are decided here (from app/orders/lines.py), not by the screens:
    ``editable`` — the line may be changed or removed now (its order allows edits, the actor
    may edit, the job is not in the workshop, no part issued); ``edit_refusal`` says why not
    when the order itself is editable; ``needs_reason`` — the customer agreed to the line, so a
    change or removal needs a reason; ``pending`` — additional work awaiting the customer's
    approval; ``short_by`` — how much of a part line's un-issued quantity neither its own
    reservation nor the free stock can cover (0: covered).

    It is the pricing engine's ``PricedLine`` (app/orders/totals.py, the input of printing
    and invoicing) with what the screens need on top; screens use this record only.
    """

    position: int
    additional: bool
    pending: bool  # additional work still waiting for the customer's approval
    approval_id: int | None
    job_status: str | None = None  # labour lines
    technician: str = ""
    bay: str = ""
    part_id: int | None = None  # part lines
    issued_qty: Decimal | None = None
    stock: StockFigures | None = None
    reserved_here: Decimal | None = None  # held for this line
    short_by: Decimal = Decimal("0.000")
    editable: bool = False
    edit_refusal: DomainError | None = None
    needs_reason: bool = False
    dispatchable: bool = False  # a job that may be sent (again) to a technician

    @property
    def cancelled(self) -> bool:
        """A job cancelled after work had started (kept for the record)."""
        return self.job_status == JobStatus.CANCELLED

    @property
    def short(self) -> bool:
        return self.short_by > 0

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

    @property
    def order_id(self) -> int:
        return self.id

    def lines_of(self, line_type: LineType) -> list[ViewLine]:
        """The lines of one type, in order."""
        return [x for x in self.lines if x.line_type is LineType(line_type)]

    def line(self, line_type: LineType, line_id: int) -> ViewLine | None:
        """The line with that type and id, if the order still has it."""
        return next((x for x in self.lines
                     if x.line_type is LineType(line_type) and x.line_id == line_id), None)


def allowed_actions(status: str, actor: Actor, *, reviewed: bool = False) -> frozenset[str]:
    """The editor's actions the order's status and the actor's permissions allow
    (``reviewed``: the completion review is done, so it is not offered again).

    Data guards (lines present, jobs finished, invoice paid) are checked by the services,
    which explain what is missing.
    """
    s = OrderStatus(status)
    can = actor.can
    actions = {
        "edit_lines": s in EDITABLE and can("orders.edit"),
        "estimate": s is _S.OPEN and can("orders.edit"),
        "sign": s is _S.ESTIMATED and can("orders.edit"),
        "dispatch": s in SIGNED and can("orders.dispatch"),
        "send_to_qc": s is _S.IN_PROGRESS and (can("orders.work") or can("orders.dispatch")
                                              or can("orders.qc")),
        "review": s is _S.COMPLETED and not reviewed and can("orders.edit"),
        "call": s in AWAITING_PICKUP and can("orders.edit"),
        "deliver": s is _S.INVOICED and can("orders.deliver"),
        "cancel": s in PRE_INVOICE and can("orders.cancel"),
        "print_settlement": s in WORK_DONE
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


def _reserved(session: Session, order_id: int) -> dict[int, Decimal]:
    return dict(session.execute(select(StockReservation.part_line_id, StockReservation.quantity)
                                .where(StockReservation.repair_order_id == order_id)).all())


def _short_by(line: PartLine, stock: StockFigures | None, held: Decimal) -> Decimal:
    zero = Decimal("0.000")
    if stock is None:
        return zero
    missing = line.quantity - line.issued_qty - held
    return max(missing - max(stock.available, zero), zero) if missing > 0 else zero


def _view_lines(session: Session, order: RepairOrder, priced: tuple[PricedLine, ...],
                can_edit: bool) -> tuple[ViewLine, ...]:
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
    reserved = _reserved(session, order.id) if order.part_lines else {}
    out = []
    for p in priced:
        src = sources[(p.line_type, p.line_id)]
        extra: dict = {}
        if isinstance(src, LabourLine):
            extra = {"job_status": src.status, "dispatchable": can_dispatch(src),
                     "technician": techs.get(src.technician_id, "") if src.technician_id else "",
                     "bay": bays.get(src.bay_id, "") if src.bay_id else ""}
        elif isinstance(src, PartLine):
            figures = stock.get(src.part_id) if src.part_id is not None else None
            held = reserved.get(src.id, Decimal("0.000"))
            extra = {"part_id": src.part_id, "issued_qty": src.issued_qty, "stock": figures,
                     "reserved_here": held, "short_by": _short_by(src, figures, held)}
        refusal = edit_refusal(src)
        out.append(ViewLine(
            line_type=p.line_type, line_id=p.line_id, position=src.position,
            code=p.code, description=p.description, quantity=p.quantity,
            unit_price=p.unit_price, discount=p.discount, payer=p.payer, tax_rate=p.tax_rate,
            amounts=p.amounts, billable=p.billable, additional=src.additional,
            pending=is_pending_additional_work(src),
            approval_id=src.approval_id, editable=can_edit and refusal is None,
            edit_refusal=refusal, needs_reason=needs_reason(order, src),
            **extra))
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
    allowed = allowed_actions(order.status, actor, reviewed=order.reviewed_at is not None)
    lines = _view_lines(session, order, priced.lines, "edit_lines" in allowed)
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
    invoice = current_invoice(session, order.id) if order.status in \
        INVOICED_OR_LATER else None
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
        allowed_actions=allowed)
