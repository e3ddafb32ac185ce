"""Labour, parts and other-charge lines of a repair order; discounts; additional work.

Once the customer has signed the order, every new line is *additional work* (追加项目): it
is priced and shown but not billable until the customer's consent is recorded with
``record_approval`` (who agreed, when, how, for how much).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.clock import now
from app.errors import ConflictError, DomainError, NotFound, PermissionDenied, ValidationError
from app.i18n import _
from app.money import line_amounts, parse_decimal, parse_money, parse_quantity, parse_rate
from app.orders.queries import load_order
from app.orders.state import EDITABLE, SIGNED
from app.orders.workflow import require_status
from app.security.actor import Actor, require
from app.shop import default_tax_rate, get_profile
from app.validation.text import normalise_text, require_text
from db.enums import ApprovalMethod, JobStatus, LineType, OrderStatus, Payer
from db.models import ChargeLine, LabourLine, LabourRate, Part, PartLine, RepairOrder, WorkApproval

_NOT_EDITABLE = _("Order {number} is {status}; its lines can no longer change.")
Line = LabourLine | PartLine | ChargeLine


def _editable_order(session: Session, actor: Actor, order_id: int,
                    expected_version: int | None) -> RepairOrder:
    """The order, locked against concurrent line edits: touching it bumps its version, so a
    second desk working from the old version gets ``ConflictError`` instead of a silent mix."""
    require(actor, "orders.edit")
    order = load_order(session, order_id)
    if expected_version is not None and order.version != expected_version:
        raise ConflictError()
    require_status(order, EDITABLE, _NOT_EDITABLE)
    order.updated_at = now()
    return order


def _payer(value: str) -> str:
    try:
        return Payer(value).value
    except ValueError:
        raise ValidationError("payer", _("Payer"), _(
            "Choose customer, insurer, warranty or internal.")) from None


def check_discount(actor: Actor, discount: Decimal, approved_by: Actor | None,
                   *, line: str) -> None:
    """Refuse a discount above the actor's limit unless a manager approved it (audited)."""
    if discount <= actor.max_discount or actor.can("orders.discount_any"):
        return
    if approved_by is None or not approved_by.can("orders.discount_any"):
        raise PermissionDenied(_("A discount of {discount} is above your limit of {limit}; "
                                 "a manager must approve it."),
                               discount=f"{discount * 100:.0f}%",
                               limit=f"{actor.max_discount * 100:.0f}%")


def _audit_discount(session: Session, actor: Actor, approved_by: Actor | None,
                    order: RepairOrder, discount: Decimal, line: str) -> None:
    if discount > actor.max_discount:
        audit.record(session, approved_by or actor, "discount.approve", "repair_order",
                     order.id, after={"line": line, "discount": str(discount),
                                      "requested_by": actor.username})


def _common(session: Session, actor: Actor, order: RepairOrder, *, description: str,
            payer: str, discount: object, tax_rate: Decimal | None, line_type: LineType,
            approved_by: Actor | None) -> dict:
    disc = parse_rate(discount)
    check_discount(actor, disc, approved_by, line=description)
    return {
        "description": require_text(description, field="description", label=_("Description"),
                                    max_length=300),
        "payer": _payer(payer), "discount": disc,
        "tax_rate": tax_rate if tax_rate is not None else default_tax_rate(session, line_type),
        "additional": OrderStatus(order.status) in SIGNED,
    }


def add_labour_line(session: Session, actor: Actor, order_id: int, *, description: str,
                    hours: object, hourly_rate: object | None = None, operation_code: str = "",
                    discount: object = "0", payer: str = Payer.CUSTOMER,
                    tax_rate: Decimal | None = None, approved_by: Actor | None = None,
                    expected_version: int | None = None) -> LabourLine:
    """Add a job (labour operation: standard hours × hourly rate)."""
    order = _editable_order(session, actor, order_id, expected_version)
    common = _common(session, actor, order, description=description, payer=payer,
                     discount=discount, tax_rate=tax_rate, line_type=LineType.LABOUR,
                     approved_by=approved_by)
    std_hours = parse_decimal(hours, field="hours", label=_("Standard hours"), places=2,
                              minimum=Decimal("0"), maximum=Decimal("999"))
    if hourly_rate is None:
        rate = session.scalar(select(LabourRate.hourly_rate)
                              .where(LabourRate.is_default.is_(True)).limit(1)) or Decimal("0.00")
    else:
        rate = parse_money(hourly_rate, field="hourly_rate", label=_("Hourly rate"))
    line = LabourLine(repair_order_id=order.id, position=len(order.labour_lines) + 1,
                      operation_code=normalise_text(operation_code).upper()[:30],
                      hours=std_hours, hourly_rate=rate,
                      status=JobStatus.PENDING if common["additional"] else JobStatus.OPEN,
                      **common)
    session.add(line)
    order.labour_lines.append(line)
    session.flush()
    _audit_discount(session, actor, approved_by, order, common["discount"], description)
    return line


def add_part_line(session: Session, actor: Actor, order_id: int, *, part_id: int,
                  quantity: object, unit_price: object | None = None,
                  discount: object = "0", payer: str = Payer.CUSTOMER,
                  description: str | None = None, approved_by: Actor | None = None,
                  expected_version: int | None = None) -> PartLine:
    """Add a catalogue part; the price defaults to the catalogue's (an override is audited)."""
    order = _editable_order(session, actor, order_id, expected_version)
    part = session.get(Part, part_id)
    if part is None or not part.active:
        raise NotFound(_("Part not found."))
    common = _common(session, actor, order, description=description or part.name,
                     payer=payer, discount=discount, tax_rate=part.tax_rate,
                     line_type=LineType.PART, approved_by=approved_by)
    qty = parse_quantity(quantity)
    price = part.sale_price if unit_price is None else parse_money(
        unit_price, field="unit_price", label=_("Unit price"))
    line = PartLine(repair_order_id=order.id, position=len(order.part_lines) + 1,
                    part_id=part.id, part_no=part.part_no, quantity=qty, unit_price=price,
                    issued_qty=Decimal("0"), **common)
    session.add(line)
    order.part_lines.append(line)
    session.flush()
    if price != part.sale_price:
        audit.record(session, actor, "price.override", "part_line", line.id,
                     before={"price": str(part.sale_price)}, after={"price": str(price)})
    _audit_discount(session, actor, approved_by, order, common["discount"], part.part_no)
    return line


def add_charge_line(session: Session, actor: Actor, order_id: int, *, description: str,
                    amount: object, payer: str = Payer.CUSTOMER, discount: object = "0",
                    tax_rate: Decimal | None = None, approved_by: Actor | None = None,
                    expected_version: int | None = None) -> ChargeLine:
    """Add another charge (sublet, consumables, disposal, towing ...)."""
    order = _editable_order(session, actor, order_id, expected_version)
    common = _common(session, actor, order, description=description, payer=payer,
                     discount=discount, tax_rate=tax_rate, line_type=LineType.CHARGE,
                     approved_by=approved_by)
    line = ChargeLine(repair_order_id=order.id, position=len(order.charge_lines) + 1,
                      amount=parse_money(amount), **common)
    session.add(line)
    order.charge_lines.append(line)
    session.flush()
    _audit_discount(session, actor, approved_by, order, common["discount"], description)
    return line


_LINE_MODELS: dict[LineType, type[Line]] = {
    LineType.LABOUR: LabourLine, LineType.PART: PartLine, LineType.CHARGE: ChargeLine}


def get_line(session: Session, line_type: LineType, line_id: int) -> Line:
    """A line of any type, or ``NotFound``."""
    line = session.get(_LINE_MODELS[LineType(line_type)], line_id)
    if line is None:
        raise NotFound(_("Line not found."))
    return cast(Line, line)  # session.get of a type[Line] is typed as the common base


def remove_line(session: Session, actor: Actor, line_type: LineType, line_id: int, *,
                reason: str = "", expected_version: int | None = None) -> None:
    """Remove a line; once the customer has signed, a reason is required and audited.

    Parts already issued must be returned to the parts counter first; a job that a
    technician has started is cancelled (kept for the record) rather than deleted.
    """
    line = get_line(session, line_type, line_id)
    order = _editable_order(session, actor, line.repair_order_id, expected_version)
    signed = OrderStatus(order.status) in SIGNED and not line.additional
    if signed and not reason.strip():
        raise ValidationError("reason", _("Reason"),
                              _("The customer signed for this line; say why it is removed."))
    if isinstance(line, PartLine) and line.issued_qty > 0:
        raise DomainError(_("{qty} of {part_no} were issued to this order; return them to the "
                            "parts counter before removing the line."),
                          qty=line.issued_qty, part_no=line.part_no)
    if signed:
        audit.record(session, actor, "line.remove", line_type.value if isinstance(
            line_type, LineType) else str(line_type), line.id,
            before={"description": line.description}, reason=reason.strip())
    if isinstance(line, PartLine):
        from app.parts.reservations import release_reservation

        release_reservation(session, actor, line.id)
    if isinstance(line, LabourLine) and line.status not in (JobStatus.OPEN, JobStatus.PENDING):
        line.status = JobStatus.CANCELLED
    else:
        session.delete(line)
        order.labour_lines[:] = [x for x in order.labour_lines if x is not line]
        order.part_lines[:] = [x for x in order.part_lines if x is not line]
        order.charge_lines[:] = [x for x in order.charge_lines if x is not line]
    session.flush()


@dataclass(frozen=True)
class LineRef:
    line_type: LineType
    line_id: int


def record_approval(session: Session, actor: Actor, order_id: int, lines: Sequence[LineRef],
                    *, approved_by: str, method: str, extra_minutes: int = 0,
                    notes: str = "") -> WorkApproval:
    """Record the customer's consent to pending additional lines; they become billable."""
    order = _editable_order(session, actor, order_id, None)
    who = require_text(approved_by, field="approved_by", label=_("Approved by"),
                       max_length=100)
    try:
        how = ApprovalMethod(method)
    except ValueError:
        raise ValidationError("method", _("How the customer agreed"),
                              _("Choose in person, phone or message.")) from None
    if not lines:
        raise ValidationError("lines", _("Additional work"), _("Choose the items agreed."))
    chosen = [get_line(session, ref.line_type, ref.line_id) for ref in lines]
    inclusive = get_profile(session).prices_include_tax
    amount = Decimal("0.00")
    for line in chosen:
        if line.repair_order_id != order.id or not line.additional or line.approval_id:
            raise ValidationError("lines", _("Additional work"),
                                  _("“{item}” is not pending additional work of this order."),
                                  item=line.description)
        qty, price = _qty_price(line)
        amount += line_amounts(qty, price, line.discount, line.tax_rate,
                               prices_include_tax=inclusive).gross
    approval = WorkApproval(repair_order_id=order.id, approved_by=who, approved_at=now(),
                            method=how.value, amount=amount, extra_minutes=max(0, extra_minutes),
                            recorded_by_id=actor.user_id, notes=normalise_text(notes))
    session.add(approval)
    session.flush()
    for line in chosen:
        line.approval_id = approval.id
        if isinstance(line, LabourLine) and line.status == JobStatus.PENDING:
            line.status = JobStatus.OPEN
    audit.record(session, actor, "order.additional_approved", "repair_order", order.id,
                 after={"approved_by": who, "method": how.value, "amount": str(amount)})
    session.flush()
    return approval


def _qty_price(line: Line) -> tuple[Decimal, Decimal]:
    if isinstance(line, LabourLine):
        return line.hours, line.hourly_rate
    if isinstance(line, PartLine):
        return line.quantity, line.unit_price
    return Decimal("1"), line.amount
