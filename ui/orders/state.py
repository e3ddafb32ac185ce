"""What the editor shows of one order, as plain values made from ``app.orders.view.order_view``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.orders.state import SIGNED
from app.orders.view import OrderView, ViewLine
from db.enums import LineType, OrderStatus
from ui.orders.models import LineRow


@dataclass(frozen=True)
class CheckInRecord:
    """The check-in record as the form edits it."""

    mileage_in: int
    fuel_level: int
    damage_notes: str
    valuables: str
    warning_lights: str
    customer_description: str
    diagnosis: str
    promised_at: datetime | None
    contact_preference: str
    customer_waiting: bool


@dataclass(frozen=True)
class EditorState:
    """One order as the editor shows it; ``version`` is what every save is checked against."""

    order_id: int
    number: str
    status: str
    wait_reason: str | None
    version: int
    customer_name: str
    customer_phone: str
    plate: str
    vehicle_text: str
    advisor_name: str
    opened_at: datetime | None
    check_in: CheckInRecord
    lines: tuple[LineRow, ...]
    net: Decimal
    tax: Decimal
    gross: Decimal
    by_payer: dict[str, Decimal]
    pending_gross: Decimal
    prices_include_tax: bool
    allowed_actions: frozenset[str]
    invoice_number: str | None = None
    balance: Decimal | None = None
    gate_pass_number: str | None = None
    reviewed_at: datetime | None = None
    customer_called_at: datetime | None = None

    @property
    def signed(self) -> bool:
        """True once the customer signed the order (new lines are additional work)."""
        return OrderStatus(self.status) in SIGNED

    def lines_of(self, line_type: LineType) -> list[LineRow]:
        """The lines of one type, in order."""
        return [r for r in self.lines if r.line_type is line_type]

    def pending(self) -> list[LineRow]:
        """Additional work awaiting the customer's approval."""
        return [r for r in self.lines if r.pending]

    def needs_reason(self, row: LineRow) -> bool:
        """Removing or changing ``row`` needs a reason (the customer signed for it)."""
        return self.signed and not row.additional

    def line(self, line_type: LineType, line_id: int) -> LineRow | None:
        """The line with that type and id, if the order still has it."""
        return next((r for r in self.lines
                     if r.line_type is line_type and r.line_id == line_id), None)


def _short(line: ViewLine) -> bool:
    """Stock cannot cover what is still to be issued on a part line.

    The view gives the part's stock, not this line's own reservation, so a line counts as
    short when what it still needs is more than is on the shelf, or when more is reserved
    than the shelf holds.
    """
    if line.stock is None or line.issued_qty is None:
        return False
    needed = line.quantity - line.issued_qty
    return needed > 0 and (needed > line.stock.on_hand or line.stock.available < 0)


def line_row(line: ViewLine) -> LineRow:
    """One view line as a table row."""
    stock = line.stock
    return LineRow(
        line_type=LineType(line.line_type), line_id=line.line_id, code=line.code,
        description=line.description, quantity=line.quantity, unit_price=line.unit_price,
        discount=line.discount, payer=line.payer, tax_rate=line.tax_rate, net=line.net,
        tax=line.tax, gross=line.gross, billable=line.billable, additional=line.additional,
        pending=line.pending, job_status=line.job_status, technician=line.technician,
        bay=line.bay, part_id=line.part_id,
        on_hand=stock.on_hand if stock else None,
        reserved=stock.reserved if stock else None,
        available=stock.available if stock else None,
        issued_qty=line.issued_qty, short=_short(line))


def editor_state(view: OrderView) -> EditorState:
    """What the editor shows of ``view``."""
    c = view.check_in
    return EditorState(
        order_id=view.id, number=view.number, status=view.status,
        wait_reason=view.wait_reason, version=view.version, customer_name=view.customer.name,
        customer_phone=view.customer.phone, plate=view.vehicle.plate,
        vehicle_text=view.vehicle.description, advisor_name=view.advisor,
        opened_at=view.opened_at,
        check_in=CheckInRecord(
            mileage_in=c.mileage_in, fuel_level=c.fuel_level, damage_notes=c.damage_notes,
            valuables=c.valuables, warning_lights=c.warning_lights,
            customer_description=c.customer_description, diagnosis=c.diagnosis,
            promised_at=c.promised_at, contact_preference=c.contact_preference,
            customer_waiting=c.customer_waiting),
        lines=tuple(line_row(line) for line in view.lines),
        net=view.totals.net, tax=view.totals.tax, gross=view.totals.gross,
        by_payer=dict(view.totals.by_payer), pending_gross=view.pending_totals.gross,
        prices_include_tax=view.prices_include_tax, allowed_actions=view.allowed_actions,
        invoice_number=view.invoice_number, balance=view.invoice_balance,
        gate_pass_number=view.gate_pass_number, reviewed_at=view.reviewed_at,
        customer_called_at=view.customer_called_at)
