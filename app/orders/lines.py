"""Labour, parts and other-charge lines of a repair order; discounts; additional work.

Once the customer has signed the order, every new line is *additional work* (追加项目): it
is priced and shown but not billable until the customer's consent is recorded with
``record_approval`` (who agreed, when, how, for how much).

A line is changed in place with ``update_line`` (same id, position and approval state); adding
a part reserves its stock in the same transaction (``add_part_line`` reports a shortage in its
result instead of failing).
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
from app.errors import (
    ConflictError,
    CustomerConsentRequired,
    DiscountApprovalRequired,
    DomainError,
    NotFound,
    ValidationError,
)
from app.i18n import _
from app.money import (
    line_amounts,
    parse_decimal,
    parse_money,
    parse_quantity,
    parse_rate,
)
from app.orders.queries import load_order
from app.orders.state import EDITABLE, SIGNED
from app.orders.status import EDITABLE_JOBS
from app.orders.workflow import require_status
from app.security.actor import Actor, require
from app.shop import default_tax_rate, get_profile
from app.validation.text import TEXT_LIMIT, clean_text, normalise_identifier, require_text
from db.enums import ApprovalMethod, JobStatus, LineType, OrderStatus, Payer
from db.models import ChargeLine, LabourLine, LabourRate, Part, PartLine, RepairOrder, WorkApproval

_NOT_EDITABLE = _("Order {number} is {status}; its lines can no longer change.")
Line = LabourLine | PartLine | ChargeLine
NO_SHORTAGE = Decimal("0.000")


@dataclass(frozen=True)
class LineResult:
    """A line added or changed, and how much of a part line's quantity stock could not hold
    (``short_by``; 0 when reserved, and for jobs and charges)."""

    line: Line
    short_by: Decimal = NO_SHORTAGE
    #: a part already on the order before this line was added: how much of it (0: none)
    already_on_order: Decimal = NO_SHORTAGE

    @property
    def line_id(self) -> int:
        return self.line.id


@dataclass(frozen=True)
class CustomerConsent:
    """How the customer agreed to pay more for a line they had signed for."""

    approved_by: str
    method: str
    notes: str = ""


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
    """Refuse a discount above the actor's limit unless a manager approved it (audited):
    ``DiscountApprovalRequired`` says how much and the limit, so a screen can ask a manager."""
    if discount <= actor.max_discount or actor.can("orders.discount_any"):
        return
    if approved_by is None or not approved_by.can("orders.discount_any"):
        raise DiscountApprovalRequired(discount, actor.max_discount)


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
                      operation_code=clean_text(normalise_identifier(operation_code or "")
                                                .upper(), field="operation_code",
                                                label=_("Operation code"), max_length=30),
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
                  expected_version: int | None = None, reserve: bool = True) -> LineResult:
    """Add a catalogue part and reserve its stock, in one transaction.

    The price defaults to the catalogue's (an override is audited). When stock cannot cover
    the quantity the line is still added, nothing is reserved and the result's ``short_by``
    says how much is missing. ``reserve=False`` is for data generators that hold stock
    themselves (demo data); every screen reserves.
    """
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
    already = sum((other.quantity for other in order.part_lines if other.part_id == part.id),
                  NO_SHORTAGE)
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
    if not reserve:
        return LineResult(line, already_on_order=already)
    from app.parts.reservations import reserve_as_available

    return LineResult(line, reserve_as_available(session, actor, line.id),
                      already_on_order=already)


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
    """Remove a line; once the customer agreed to it (signed the order, or approved it as
    additional work), a reason is required and audited.

    Parts already issued must be returned to the parts counter first; a job that a
    technician has started is cancelled (kept for the record) rather than deleted.
    """
    line = get_line(session, line_type, line_id)
    order = _editable_order(session, actor, line.repair_order_id, expected_version)
    signed = _customer_agreed(order, line)
    reason = clean_text(reason, field="reason", label=_("Reason"), max_length=TEXT_LIMIT)
    if signed and not reason:
        raise ValidationError("reason", _("Reason"),
                              _("The customer signed for this line; say why it is removed."))
    if isinstance(line, PartLine) and line.issued_qty > 0:
        raise DomainError(_("{qty} of {part_no} were issued to this order; return them to the "
                            "parts counter before removing the line."),
                          qty=line.issued_qty, part_no=line.part_no)
    if signed:
        audit.record(session, actor, "line.remove", line_type.value if isinstance(
            line_type, LineType) else str(line_type), line.id,
            before={"description": line.description}, reason=reason)
    if isinstance(line, PartLine):
        from app.parts.reservations import release_reservation

        release_reservation(session, actor, line.id)
    if isinstance(line, LabourLine) and line.status not in EDITABLE_JOBS:
        line.status = JobStatus.CANCELLED
    else:
        session.delete(line)
        order.labour_lines[:] = [x for x in order.labour_lines if x is not line]
        order.part_lines[:] = [x for x in order.part_lines if x is not line]
        order.charge_lines[:] = [x for x in order.charge_lines if x is not line]
    session.flush()


def update_line(session: Session, actor: Actor, line_type: LineType, line_id: int, *,
                expected_version: int, description: str, quantity: object, price: object,
                discount: object, payer: str, approved_by: Actor | None = None,
                reason: str = "", consent: CustomerConsent | None = None) -> LineResult:
    """Change a line in place: it keeps its id, its position and its approval (billable) state.

    ``quantity`` is the standard hours of a job or the quantity of a part (a charge has none);
    ``price`` the hourly rate, unit price or amount — left empty, a job takes the shop's
    default rate and a part the catalogue price. A discount that changes is checked against
    the actor's limit (``approved_by``: the manager who approved it) and audited.

    Refused, with nothing written: a job already handed to the workshop (dispatched or
    further: the foreman must take it back), a part line with parts already issued (the parts
    counter takes them back first), an order past the point where lines change.

    A line the customer already agreed to — signed with the order, or additional work whose
    approval is recorded — follows what a service advisor owes the customer:

    * every change needs a ``reason`` and is audited with the old and new values;
    * lowering what the customer pays, or a change that does not touch it (the description, a
      payer change away from the customer, a warranty line's price), needs nothing more;
    * raising what the customer pays (a higher amount on a customer line, or moving a line
      onto the customer) needs the customer's consent: without ``consent`` it raises
      ``CustomerConsentRequired`` (the screen offers to record it); with it, the consent is
      recorded as an approval for the difference. The line never leaves the totals.

    A part line's reservation follows its new quantity; a shortage is reported in
    ``short_by`` like ``add_part_line``.
    """
    line = get_line(session, line_type, line_id)
    order = _editable_order(session, actor, line.repair_order_id, expected_version)
    refusal = edit_refusal(line)
    if refusal is not None:
        raise refusal
    text = require_text(description, field="description", label=_("Description"),
                        max_length=300)
    who_pays = _payer(payer)
    disc = parse_rate(discount)
    new_qty, new_price = _parse_quantity_price(session, line, quantity, price)
    old_qty, old_price = _qty_price(line)
    old_discount = line.discount
    before = _values(line.description, old_qty, old_price, line.discount, line.payer)
    after = _values(text, new_qty, new_price, disc, who_pays)
    if before == after:
        return LineResult(line)
    if disc != old_discount:
        check_discount(actor, disc, approved_by, line=text)
    inclusive = get_profile(session).prices_include_tax
    old_share = _customer_share(line.payer, old_qty, old_price, line.discount, line.tax_rate,
                                inclusive)
    new_share = _customer_share(who_pays, new_qty, new_price, disc, line.tax_rate, inclusive)
    agreed = _customer_agreed(order, line)
    why = clean_text(reason, field="reason", label=_("Reason"), max_length=TEXT_LIMIT)
    if agreed and not why:
        raise ValidationError("reason", _("Reason"),
                              _("The customer agreed to this line; say why it is changed."))
    if agreed and new_share > old_share and consent is None:
        raise CustomerConsentRequired(line=line.description, before=f"{old_share:,.2f}",
                                      after=f"{new_share:,.2f}")
    _apply(line, text, new_qty, new_price, disc, who_pays)
    session.flush()
    if agreed:
        if new_share > old_share:
            assert consent is not None
            _record_consent(session, actor, order, consent, new_share - old_share, line, why)
        audit.record(session, actor, "line.update", LineType(line_type).value, line.id,
                     before={**before, "customer_pays": str(old_share)},
                     after={**after, "customer_pays": str(new_share)}, reason=why)
    if isinstance(line, PartLine):
        catalogue = session.get(Part, line.part_id) if line.part_id is not None else None
        if catalogue is not None and new_price != old_price and new_price != catalogue.sale_price:
            audit.record(session, actor, "price.override", "part_line", line.id,
                         before={"price": str(old_price)}, after={"price": str(new_price)})
    if disc != old_discount:
        _audit_discount(session, actor, approved_by, order, disc, text)
    if isinstance(line, PartLine):
        from app.parts.reservations import reserve_as_available

        return LineResult(line, reserve_as_available(session, actor, line.id))
    return LineResult(line)


def edit_refusal(line: Line) -> DomainError | None:
    """Why ``line`` cannot be changed now (None: it can, while its order is editable).

    A job handed to the workshop belongs to the foreman; parts issued on a line must go back
    to the parts counter first. ``update_line`` raises this; the order view shows it.
    """
    if isinstance(line, LabourLine) and line.status not in EDITABLE_JOBS:
        return DomainError(_("Job “{job}” is already in the workshop; ask the foreman before "
                             "changing it."), job=line.description)
    if isinstance(line, PartLine) and line.issued_qty > 0:
        return DomainError(_("{qty} of {part_no} were issued on this line; the parts counter "
                             "must take them back before it changes."),
                           qty=line.issued_qty, part_no=line.part_no)
    return None


def needs_reason(order: RepairOrder, line: Line) -> bool:
    """Changing or removing ``line`` needs a reason: the customer agreed to it."""
    return _customer_agreed(order, line)


def _values(description: str, qty: Decimal, price: Decimal, discount: Decimal,
            payer: str) -> dict:
    return {"description": description, "quantity": str(qty), "price": str(price),
            "discount": str(discount), "payer": payer}


def _parse_quantity_price(session: Session, line: Line, quantity: object,
                          price: object) -> tuple[Decimal, Decimal]:
    empty = price is None or (isinstance(price, str) and not price.strip())
    if isinstance(line, LabourLine):
        hours = parse_decimal(quantity, field="hours", label=_("Standard hours"), places=2,
                              minimum=Decimal("0"), maximum=Decimal("999"))
        if empty:
            rate = session.scalar(select(LabourRate.hourly_rate)
                                  .where(LabourRate.is_default.is_(True)).limit(1)) \
                or Decimal("0.00")
        else:
            rate = parse_money(price, field="hourly_rate", label=_("Hourly rate"))
        return hours, rate
    if isinstance(line, PartLine):
        qty = parse_quantity(quantity)
        if empty:
            part = session.get(Part, line.part_id) if line.part_id is not None else None
            return qty, part.sale_price if part is not None else line.unit_price
        return qty, parse_money(price, field="unit_price", label=_("Unit price"))
    return Decimal("1"), parse_money(price)


def _apply(line: Line, description: str, qty: Decimal, price: Decimal, discount: Decimal,
           payer: str) -> None:
    line.description, line.discount, line.payer = description, discount, payer
    if isinstance(line, LabourLine):
        line.hours, line.hourly_rate = qty, price
    elif isinstance(line, PartLine):
        line.quantity, line.unit_price = qty, price
    else:
        line.amount = price


def _customer_share(payer: str, qty: Decimal, price: Decimal, discount: Decimal,
                    tax_rate: Decimal, inclusive: bool) -> Decimal:
    if payer != Payer.CUSTOMER:
        return Decimal("0.00")
    return line_amounts(qty, price, discount, tax_rate, prices_include_tax=inclusive).gross


def _customer_agreed(order: RepairOrder, line: Line) -> bool:
    """The customer agreed to ``line``: signed with the order, or approved additional work."""
    if line.additional:
        return line.approval_id is not None
    return OrderStatus(order.status) in SIGNED


def _record_consent(session: Session, actor: Actor, order: RepairOrder,
                    consent: CustomerConsent, amount: Decimal, line: Line, reason: str) -> None:
    who = require_text(consent.approved_by, field="approved_by", label=_("Approved by"),
                       max_length=100)
    how = _method(consent.method)
    notes = clean_text(consent.notes, field="notes", label=_("Notes"), max_length=TEXT_LIMIT,
                       multiline=True) or f"{line.description}: {reason}"
    session.add(WorkApproval(repair_order_id=order.id, approved_by=who, approved_at=now(),
                             method=how, amount=amount, extra_minutes=0,
                             recorded_by_id=actor.user_id, notes=notes))
    session.flush()
    audit.record(session, actor, "order.raise_approved", "repair_order", order.id,
                 after={"approved_by": who, "method": how, "amount": str(amount),
                        "line": line.description})


def _method(method: str) -> str:
    try:
        return ApprovalMethod(method).value
    except ValueError:
        raise ValidationError("method", _("How the customer agreed"),
                              _("Choose in person, phone or message.")) from None


@dataclass(frozen=True)
class LineRef:
    line_type: LineType
    line_id: int


def record_approval(session: Session, actor: Actor, order_id: int, lines: Sequence[LineRef],
                    *, approved_by: str, method: str, extra_minutes: int = 0,
                    notes: str = "", expected_version: int) -> WorkApproval:
    """Record the customer's consent to pending additional lines; they become billable.

    ``expected_version`` is the order version the advisor read (``ConflictError`` otherwise).
    """
    order = _editable_order(session, actor, order_id, expected_version)
    who = require_text(approved_by, field="approved_by", label=_("Approved by"),
                       max_length=100)
    how = ApprovalMethod(_method(method))
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
                            recorded_by_id=actor.user_id,
                            notes=clean_text(notes, field="notes", label=_("Notes"),
                                             max_length=TEXT_LIMIT, multiline=True))
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
