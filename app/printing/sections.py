"""Sections several documents share: the order/vehicle block with its QR code, the check-in
record, line tables with prices, and the totals box."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.cashier.ledger import payer_label
from app.formatting import grouped
from app.formatting import phone as format_phone
from app.i18n import _
from app.money import Totals
from app.orders.totals import PricedLine
from app.printing.data import OrderData, primary_phone
from app.printing.formatting import hours, money, percent, quantity
from app.printing.layout import RULE, Column, Context
from db.enums import LineType, Payer
from db.models import RepairOrder

QR_PREFIX = "BAYLINE:"
QR_SIZE = 25 * mm
DASH = "—"


def qr_payload(order_number: str) -> str:
    """What the order's QR code holds (a scanner at reception or the bay reads it)."""
    return f"{QR_PREFIX}{order_number}"


def qr_drawing(payload: str, size: float = QR_SIZE) -> Drawing:
    """A QR code (error correction M) scaled to ``size`` × ``size``."""
    widget = QrCodeWidget(payload, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def term(ctx: Context, msgid: str) -> str:
    """A lower-case vocabulary word (payer, payment method) as a table entry: capitalised in
    English."""
    text = ctx.t(msgid)
    return text if ctx.chinese else text[:1].upper() + text[1:]


def payer_text(ctx: Context, payer: str) -> str:
    """A payer in the document's language (customer / insurer / warranty / internal)."""
    return term(ctx, payer_label(payer))


def fuel_text(eighths: int) -> str:
    return f"{eighths}/8"


def vehicle_text(order: RepairOrder) -> str:
    v = order.vehicle
    parts = [v.brand, v.model, v.series]  # 丰田 卡罗拉 1.5L 先锋版: the trim after the model
    text = " ".join(p for p in parts if p)
    return f"{text} ({v.model_year})" if v.model_year else text


def order_block(ctx: Context, data: OrderData, *, width: float, with_phone: bool,
                with_waiting: bool = False, with_qr: bool = True) -> Flowable:
    """Order number, advisor, times, customer and vehicle, with the order's QR code.

    The phone is printed in full only where ``with_phone`` (the customer's own copy)."""
    order = data.order
    phone = primary_phone(order.customer)
    pairs: list[tuple[str, str]] = [
        (_("Order no."), order.number), (_("Advisor"), data.advisor),
        (_("Checked in"), ctx.when(order.opened_at)),
        (_("Promised"), ctx.when(order.promised_at) or DASH),
        (_("Customer"), order.customer.name),
    ]
    if with_phone:
        pairs.append((_("Phone"), format_phone(phone, DASH)))
    elif with_waiting:
        pairs.append((_("Customer waiting"),
                      ctx.t(_("yes, in the lounge") if order.customer_waiting else _("no"))))
    vehicle = order.vehicle
    pairs += [
        (_("Plate"), vehicle.plate), (_("VIN"), vehicle.vin or DASH),
        (_("Make / model"), vehicle_text(order) or DASH), (_("Colour"), vehicle.colour or DASH),
        (_("Mileage in"), f"{grouped(order.mileage_in)} km"),
        (_("Fuel level"), fuel_text(order.fuel_level)),
    ]
    info_width = width - (QR_SIZE + 4 * mm if with_qr else 0)
    grid = ctx.fields(pairs, columns=2, width=info_width, label_width=30 * mm)
    if not with_qr:
        return grid
    qr = Table([[qr_drawing(qr_payload(order.number))],
                [Paragraph(order.number, ctx.styles.cell_centre)]],
               colWidths=[QR_SIZE + 4 * mm])
    qr.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    outer = Table([[grid, qr]], colWidths=[info_width, QR_SIZE + 4 * mm])
    outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return outer


def checkin_record(ctx: Context, order: RepairOrder, *, width: float) -> list[Flowable]:
    """The check-in record, the customer's words and the diagnosis."""
    pairs = [
        (_("Damage noted"), order.damage_notes or DASH),
        (_("Valuables"), order.valuables or DASH),
        (_("Warning lights"), order.warning_lights or DASH),
        (_("Customer's description"), order.customer_description or DASH),
        (_("Diagnosis"), order.diagnosis or DASH),
    ]
    return [ctx.section(_("Check-in record")),
            ctx.fields(pairs, columns=1, width=width, label_width=38 * mm)]


def line_amount(line: PricedLine, inclusive: bool) -> Decimal:
    """The amount printed on a line: gross with tax-inclusive prices, else net."""
    return line.amounts.gross if inclusive else line.amounts.net


JOB_COLUMNS = (Column(_("Code"), 28 * mm, whole=True), Column(_("Job")),
               Column(_("Std. hours"), 16 * mm, "right"),
               Column(_("Hourly rate"), 17 * mm, "right"),
               Column(_("Discount"), 14 * mm, "right"), Column(_("Amount"), 22 * mm, "right"),
               Column(_("Payer"), 17 * mm, "centre"))
PART_COLUMNS = (Column(_("Part no."), 28 * mm, whole=True), Column(_("Part")),
                Column(_("Qty"), 16 * mm, "right"), Column(_("Unit price"), 17 * mm, "right"),
                Column(_("Discount"), 14 * mm, "right"), Column(_("Amount"), 22 * mm, "right"),
                Column(_("Payer"), 17 * mm, "centre"))
CHARGE_COLUMNS = (Column(_("Other charge")), Column(_("Discount"), 14 * mm, "right"),
                  Column(_("Amount"), 22 * mm, "right"), Column(_("Payer"), 17 * mm, "centre"))


def priced_rows(ctx: Context, lines: Sequence[PricedLine], line_type: LineType,
                inclusive: bool) -> list[list[Any]]:
    """Table rows of ``lines`` (all of ``line_type``) with their prices."""
    rows: list[list[Any]] = []
    for line in lines:
        amount = money(line_amount(line, inclusive))
        disc = percent(line.discount)
        payer = payer_text(ctx, line.payer)
        if line_type == LineType.LABOUR:
            rows.append([line.code, line.description, hours(line.quantity),
                         money(line.unit_price), disc, amount, payer])
        elif line_type == LineType.PART:
            rows.append([line.code, line.description, quantity(line.quantity),
                         money(line.unit_price), disc, amount, payer])
        else:
            rows.append([line.description, disc, amount, payer])
    return rows


SUBTOTALS = {LineType.LABOUR: _("Labour subtotal"), LineType.PART: _("Parts subtotal"),
             LineType.CHARGE: _("Other charges subtotal")}


def subtotal_row(ctx: Context, columns: Sequence[Column], line_type: LineType,
                 amount: Decimal) -> list[str]:
    """The subtotal of one group in ``columns``: its label in the (wide) description column,
    the amount under Amount — 工时费 and 材料费 apart, as the repair regulation asks."""
    row = [""] * len(columns)
    described = next(i for i, c in enumerate(columns) if not c.width)
    amount_at = next(i for i, c in enumerate(columns) if c.msgid == _("Amount"))
    row[described] = ctx.label(SUBTOTALS[line_type])
    row[amount_at] = money(amount)
    return row


def priced_tables(ctx: Context, data: OrderData, lines: Sequence[PricedLine], *,
                  width: float, headings: bool = True) -> list[Flowable]:
    """Jobs, parts and other charges of ``lines`` with prices and a subtotal each of more
    than one line (empty groups left out)."""
    inclusive = data.priced.prices_include_tax
    out: list[Flowable] = []
    for line_type, columns, title in (
            (LineType.LABOUR, JOB_COLUMNS, _("Jobs")),
            (LineType.PART, PART_COLUMNS, _("Parts")),
            (LineType.CHARGE, CHARGE_COLUMNS, _("Other charges"))):
        group = data.of_type(lines, line_type)
        if group:
            if headings:
                out.append(ctx.section(title))
            total = sum((line_amount(line, inclusive) for line in group), Decimal(0))
            # one line is its own subtotal: no second row saying the same amount
            subtotal = [subtotal_row(ctx, columns, line_type, total)] if len(group) > 1 else []
            out += [ctx.lines_table(columns, priced_rows(ctx, group, line_type, inclusive),
                                    total_rows=subtotal, width=width), Spacer(1, 1.5 * mm)]
    return out


def totals_box(ctx: Context, rows: Sequence[tuple[str, str, bool]], *,
               width: float = 92 * mm) -> Table:
    """A right-aligned box of (label markup, amount text, emphasised) rows."""
    cells = [[Paragraph(label, ctx.styles.total if strong else ctx.styles.cell_right),
              Paragraph(value, ctx.styles.total if strong else ctx.styles.cell_right)]
             for label, value, strong in rows]
    table = Table(cells, colWidths=[width - 32 * mm, 32 * mm], hAlign="RIGHT")
    style: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
             ("RIGHTPADDING", (0, 0), (-1, -1), 2.5)]
    for i, (_label, _value, strong) in enumerate(rows):
        if strong:
            style += [("LINEABOVE", (0, i), (-1, i), 0.8, RULE),
                      ("TOPPADDING", (0, i), (-1, i), 3)]
    table.setStyle(TableStyle(style))
    return table


def tax_label(ctx: Context, rate: Decimal) -> str:
    return f"{ctx.label(_('VAT'))} {percent(rate) or '0%'}"


def totals_rows(ctx: Context, totals: Totals, *, by_payer: bool) -> list[tuple[str, str, bool]]:
    """Net, tax per rate, gross incl. tax and (optionally) each payer's share."""
    rows: list[tuple[str, str, bool]] = [
        (ctx.label(_("Total excl. tax")), ctx.money_total(totals.net), False)]
    rows += [(tax_label(ctx, r.rate), ctx.money_total(r.tax), False) for r in totals.by_rate]
    rows.append((ctx.label(_("Total incl. tax")), ctx.money_total(totals.gross), True))
    if by_payer:
        rows += payer_rows(ctx, totals.by_payer)
    return rows


def payer_rows(ctx: Context, shares: dict[str, Decimal]) -> list[tuple[str, str, bool]]:
    """One row per payer with a share, customer first; none when the customer pays all."""
    present = [p for p in Payer if shares.get(p)]
    if present == [Payer.CUSTOMER] or not present:
        return []
    return [(f"{ctx.label(_('of which'))} {payer_text(ctx, p)}",
             ctx.money_total(shares[p]), False) for p in present]
