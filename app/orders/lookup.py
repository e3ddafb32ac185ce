"""Find repair orders by number or plate, and by what a barcode/QR scanner types.

A keyboard-wedge scanner types the code as keystrokes, often with a prefix or a trailing
Enter (``RO000123\\n``); the job card's QR code holds ``BAYLINE:RO000123``. Both open the order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session, selectinload

from app.appointments.rows import user_names, vehicle_text
from app.customers.search import prefix_range
from app.orders import status
from app.orders.totals import price_order
from app.orders.workflow import status_label
from app.security.actor import Actor, require
from app.validation.plates import plate_search_key
from app.validation.text import escape_like, normalise_text
from db.enums import DocumentType
from db.models import DocumentSeries, RepairOrder, Vehicle

MAX_RESULTS = 100
QR_PREFIX = "BAYLINE:"


@dataclass(frozen=True)
class OrderRow:
    """One repair order in a list, with its billable gross total."""

    id: int
    number: str
    status: str
    plate: str
    vehicle: str
    customer: str
    promised_at: datetime | None
    advisor: str
    total: Decimal
    status_label: str  # a msgid
    opened_at: datetime
    customer_waiting: bool
    advisor_id: int


def order_rows(session: Session, orders: Sequence[RepairOrder]) -> list[OrderRow]:
    """Rows for ``orders`` (loaded with ``row_options()``), advisor names in one query."""
    advisors = user_names(session, {o.advisor_id for o in orders})
    return [OrderRow(id=o.id, number=o.number, status=o.status, plate=o.vehicle.plate,
                     vehicle=vehicle_text(o.vehicle), customer=o.customer.name,
                     promised_at=o.promised_at, advisor=advisors.get(o.advisor_id, ""),
                     total=price_order(session, o).totals.gross,
                     status_label=status_label(o.status), opened_at=o.opened_at,
                     customer_waiting=o.customer_waiting, advisor_id=o.advisor_id)
            for o in orders]


def row_options() -> list:
    """Loader options so ``order_rows`` needs no query per order."""
    return [selectinload(RepairOrder.customer), selectinload(RepairOrder.vehicle),
            selectinload(RepairOrder.labour_lines), selectinload(RepairOrder.part_lines),
            selectinload(RepairOrder.charge_lines)]


def _series(session: Session) -> tuple[str, int]:
    row = session.execute(select(DocumentSeries.prefix, DocumentSeries.width).where(
        DocumentSeries.code == DocumentType.REPAIR_ORDER.value)).one_or_none()
    return (row[0], row[1]) if row else ("RO", 6)


def _compact(text: str) -> str:
    return "".join(normalise_text(text or "").upper().split())


def find_orders(session: Session, actor: Actor, text: str, limit: int = 20) -> list[OrderRow]:
    """Orders whose number starts with ``text`` (any status), or open orders of a plate
    starting with it; digits alone mean the number (``123`` → ``RO000123``).

    The exact number comes first, then number matches (newest first), then plate matches.
    """
    require(actor, "orders.view")
    key = _compact(text)
    if len(key) < 2 and not key.isdigit():
        return []
    prefix, width = _series(session)
    exact = key
    if key.isdigit():
        exact = f"{prefix}{int(key):0{width}d}" if len(key) <= width else key
    by_number = or_(RepairOrder.number == exact,
                    RepairOrder.number.like(escape_like(key) + "%", escape="\\"))
    conditions = [by_number]
    plate = plate_search_key(text or "")
    if plate:
        conditions.append(RepairOrder.status.in_(status.values(status.OPEN))
                          & RepairOrder.vehicle_id.in_(
                              select(Vehicle.id).where(prefix_range(Vehicle.plate, plate))))
    orders = session.scalars(
        select(RepairOrder).where(or_(*conditions)).options(*row_options())
        .order_by(case((RepairOrder.number == exact, 0), (by_number, 1), else_=2),
                  RepairOrder.opened_at.desc(), RepairOrder.id.desc())
        .limit(max(1, min(limit, MAX_RESULTS)))).all()
    return order_rows(session, orders)


def scanned_number(session: Session, scanned: str) -> str | None:
    """The order number in scanner text (prefix, suffix, Enter and ``BAYLINE:`` ignored)."""
    text = _compact(scanned)
    if text.startswith(QR_PREFIX):
        text = text[len(QR_PREFIX):]
    prefix, _width = _series(session)
    match = re.search(re.escape(prefix.upper()) + r"\d+", text)
    return match.group(0) if match else None


def order_by_scan(session: Session, actor: Actor, scanned: str) -> int | None:
    """The id of the order whose number the scanner typed, or None (``orders.view``)."""
    require(actor, "orders.view")
    number = scanned_number(session, scanned)
    if number is None:
        return None
    return session.scalar(select(RepairOrder.id).where(RepairOrder.number == number))
