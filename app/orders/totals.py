"""Price every billable line of a repair order and total it (see app/money.py for rounding).

Pending additional work (追加项目 without the customer's recorded approval) and cancelled jobs
are not billable: they are priced separately so the advisor can quote them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from app.money import LineAmounts, Totals, line_amounts, sum_lines
from app.orders.status import is_billable, is_pending_additional_work
from app.shop import get_profile
from db.enums import LineType
from db.models import ChargeLine, LabourLine, PartLine, RepairOrder


@dataclass(frozen=True)
class PricedLine:
    """One order line with its rounded money."""

    line_type: LineType
    line_id: int
    code: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal
    payer: str
    tax_rate: Decimal
    amounts: LineAmounts
    billable: bool


@dataclass(frozen=True)
class OrderTotals:
    """Every line priced, the billable totals and what pending additional work would add."""

    lines: tuple[PricedLine, ...]
    totals: Totals
    pending: Totals
    prices_include_tax: bool

    @property
    def billable_lines(self) -> tuple[PricedLine, ...]:
        return tuple(line for line in self.lines if line.billable)


def price_order(session: Session, order: RepairOrder) -> OrderTotals:
    """Price ``order``'s lines with the shop's tax handling (inclusive or exclusive)."""
    inclusive = get_profile(session).prices_include_tax
    priced: list[PricedLine] = []
    for job in order.labour_lines:
        priced.append(_priced(LineType.LABOUR, job, job.operation_code, job.hours,
                              job.hourly_rate, inclusive))
    for part in order.part_lines:
        priced.append(_priced(LineType.PART, part, part.part_no, part.quantity,
                              part.unit_price, inclusive))
    for charge in order.charge_lines:
        priced.append(_priced(LineType.CHARGE, charge, "", Decimal("1"), charge.amount,
                              inclusive))
    billable = sum_lines((p.amounts, p.tax_rate, p.payer) for p in priced if p.billable)
    pending = sum_lines((p.amounts, p.tax_rate, p.payer) for p in priced
                        if not p.billable and _is_pending(p, order))
    return OrderTotals(tuple(priced), billable, pending, inclusive)


def _is_pending(priced: PricedLine, order: RepairOrder) -> bool:
    by_type: dict[LineType, Sequence[LabourLine | PartLine | ChargeLine]] = {
        LineType.LABOUR: order.labour_lines, LineType.PART: order.part_lines,
        LineType.CHARGE: order.charge_lines}
    lines = by_type[priced.line_type]
    line = next(x for x in lines if x.id == priced.line_id)
    return is_pending_additional_work(line)


def _priced(line_type: LineType, line: LabourLine | PartLine | ChargeLine, code: str,
            quantity: Decimal, unit_price: Decimal, inclusive: bool) -> PricedLine:
    amounts = line_amounts(quantity, unit_price, line.discount, line.tax_rate,
                           prices_include_tax=inclusive)
    return PricedLine(line_type=line_type, line_id=line.id, code=code,
                      description=line.description, quantity=quantity, unit_price=unit_price,
                      discount=line.discount, payer=line.payer, tax_rate=line.tax_rate,
                      amounts=amounts, billable=is_billable(line))
