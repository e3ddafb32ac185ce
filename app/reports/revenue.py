"""Monthly revenue: every invoice and credit-note line issued in a calendar month, and its
export to Excel.

The month is the shop's local calendar month (the shop profile's time zone); dates are shown
in that zone. Credit notes appear with their own number and negative amounts, so the column
sums are the month's net revenue. One query, whatever the number of lines (it uses the index
on ``invoice.issued_at``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cashier.ledger import payer_label
from app.clock import now
from app.errors import ValidationError
from app.exports.xlsx import Column, ColumnKind, write_xlsx
from app.i18n import _, translate
from app.security.actor import Actor, require
from app.shop import get_profile
from db.enums import LineType
from db.models import Invoice, InvoiceLine, RepairOrder, Vehicle

FIRST_YEAR = 2000
LINE_TYPE_LABELS: dict[str, str] = {
    LineType.LABOUR: _("Labour"),
    LineType.PART: _("Part"),
    LineType.CHARGE: _("Other charge"),
}


class RevenueLine(NamedTuple):
    """One billed line of the month (codes for line type and payer, not labels)."""

    issued_on: date
    invoice_number: str
    order_number: str
    plate: str
    line_type: str
    description: str
    quantity: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal
    payer: str


#: The export's columns: header msgid and kind, in RevenueLine order.
REVENUE_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    (_("Date"), ColumnKind.DATE),
    (_("Invoice no."), ColumnKind.TEXT),
    (_("Order no."), ColumnKind.TEXT),
    (_("Licence plate"), ColumnKind.TEXT),
    (_("Line type"), ColumnKind.TEXT),
    (_("Description"), ColumnKind.TEXT),
    (_("Quantity"), ColumnKind.QUANTITY),
    (_("Net amount"), ColumnKind.MONEY),
    (_("Tax amount"), ColumnKind.MONEY),
    (_("Gross amount"), ColumnKind.MONEY),
    (_("Payer"), ColumnKind.TEXT),
)


def month_bounds(session: Session, year: int, month: int) -> tuple[datetime, datetime, ZoneInfo]:
    """The first instant of the local month and of the next one (aware), and the shop zone."""
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError("month", _("Month"), _("Choose a month from 1 to 12."))
    last = now().year + 1
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= last:
        raise ValidationError("year", _("Year"), _("Enter a year between {first} and {last}."),
                              first=FIRST_YEAR, last=last)
    zone = ZoneInfo(get_profile(session).timezone or "Asia/Shanghai")
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end, zone


def monthly_revenue_lines(session: Session, actor: Actor, year: int,
                          month: int) -> list[RevenueLine]:
    """Every invoice and credit-note line issued in the shop's local ``year``-``month``
    (``reports.view``), by issue time."""
    require(actor, "reports.view")
    start, end, zone = month_bounds(session, year, month)
    rows = session.execute(
        select(Invoice.issued_at, Invoice.number, RepairOrder.number, Vehicle.plate,
               InvoiceLine.line_type, InvoiceLine.description, InvoiceLine.quantity,
               InvoiceLine.net, InvoiceLine.tax, InvoiceLine.gross, InvoiceLine.payer)
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .outerjoin(RepairOrder, RepairOrder.id == Invoice.repair_order_id)
        .outerjoin(Vehicle, Vehicle.id == RepairOrder.vehicle_id)
        .where(Invoice.issued_at >= start, Invoice.issued_at < end)
        .order_by(Invoice.issued_at, Invoice.chain_seq, InvoiceLine.position, InvoiceLine.id))
    days: dict[datetime, date] = {}
    lines = []
    for issued_at, number, order_no, plate, *rest in rows:
        day = days.get(issued_at)
        if day is None:
            day = days[issued_at] = issued_at.astimezone(zone).date()
        lines.append(RevenueLine(day, number, order_no or "", plate or "", *rest))
    return lines


def revenue_columns(lang: str) -> list[Column]:
    """The export's columns with headers in ``lang``."""
    return [Column(translate(title, lang), kind) for title, kind in REVENUE_COLUMNS]


def revenue_sheet_title(year: int, month: int, lang: str) -> str:
    """The sheet's name, e.g. ``营业收入 2026-03``."""
    return translate(_("Revenue {period}"), lang, period=f"{year:04d}-{month:02d}")


def export_monthly_revenue(session: Session, actor: Actor, year: int, month: int,
                           path_or_stream: str | Path | BinaryIO, *, lang: str) -> int:
    """The month's revenue lines to an .xlsx workbook with labels in ``lang``; rows written."""
    lines = monthly_revenue_lines(session, actor, year, month)
    types = {code: translate(label, lang) for code, label in LINE_TYPE_LABELS.items()}
    payers: dict[str, str] = {}

    def rows() -> Iterator[RevenueLine]:
        for line in lines:
            payer = payers.get(line.payer)
            if payer is None:
                payer = payers[line.payer] = translate(payer_label(line.payer), lang)
            yield line._replace(line_type=types.get(line.line_type, line.line_type),
                                payer=payer)

    return write_xlsx(rows(), revenue_columns(lang), path_or_stream,
                      sheet_title=revenue_sheet_title(year, month, lang))
