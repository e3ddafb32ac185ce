"""The job card (委托书), the technician copy (派工单) and the estimate (估价单) of an order."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from app.i18n import _
from app.orders.status import FINISHED_JOBS
from app.orders.totals import PricedLine
from app.printing.data import OrderData
from app.printing.formatting import hours, local_date, markup, money, quantity
from app.printing.layout import RULE, SHADE, Column, Context, Page, TickBox, frame_width
from app.printing.sections import (
    DASH,
    checkin_record,
    order_block,
    priced_tables,
    term,
    totals_box,
    totals_rows,
)
from db.enums import ApprovalMethod, JobStatus, LineType
from db.models import Setting

WIDTH = frame_width()
ESTIMATE_DAYS_SETTING = "printing.estimate_valid_days"
ESTIMATE_DAYS_DEFAULT = 7

APPROVAL_METHODS: dict[str, str] = {ApprovalMethod.IN_PERSON: _("in person"),
                                    ApprovalMethod.PHONE: _("by phone"),
                                    ApprovalMethod.MESSAGE: _("by message")}


def _pending_note(ctx: Context, data: OrderData) -> list[Flowable]:
    """Pending additional work with prices, clearly outside the total."""
    if not data.pending:
        return []
    out: list[Flowable] = [Spacer(1, 2 * mm),
                           ctx.section(_("Additional work — not yet approved"),
                                       ctx.t(_("(not included in the total above)")))]
    out += priced_tables(ctx, data, data.pending, width=WIDTH, headings=False)
    out += [Spacer(1, 1.5 * mm), totals_box(ctx, [
        (ctx.label(_("If approved, adds (incl. tax)")),
         ctx.money_total(data.priced.pending.gross), False)])]
    return out


def _approvals(ctx: Context, data: OrderData) -> list[Flowable]:
    approvals = data.approvals
    if not approvals:
        return []
    columns = (Column(_("Approved at"), 32 * mm), Column(_("Approved by")),
               Column(_("How"), 26 * mm), Column(_("Recorded by"), 30 * mm),
               Column(_("Amount"), 24 * mm, "right"))
    rows = [[ctx.when(a.approved_at), a.approved_by,
             term(ctx, APPROVAL_METHODS.get(a.method, a.method)),
             data.users.get(a.recorded_by_id, ""), money(a.amount)] for a in approvals]
    return [ctx.section(_("Additional work approved by the customer")),
            ctx.lines_table(columns, rows, width=WIDTH)]


def _text_block(ctx: Context, title: str, text: str) -> list[Flowable]:
    if not text.strip():
        return []
    return [ctx.section(title), Spacer(1, 1 * mm),
            Paragraph(markup(text), ctx.styles.small)]


def job_card(ctx: Context, data: OrderData) -> tuple[Page, list[Flowable]]:
    """The repair order as the customer signs it: everything, with prices."""
    order = data.order
    story: list[Flowable] = [order_block(ctx, data, width=WIDTH, with_phone=True),
                             Spacer(1, 2 * mm)]
    story += checkin_record(ctx, order, width=WIDTH)
    story.append(Spacer(1, 2 * mm))
    story += priced_tables(ctx, data, data.billable, width=WIDTH)
    totals = totals_box(ctx, totals_rows(ctx, data.priced.totals, by_payer=True),
                        width=TOTALS_WIDTH)
    beside = Table([[_old_parts(ctx), totals]],
                   colWidths=[WIDTH - TOTALS_WIDTH, TOTALS_WIDTH])
    beside.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 2 * mm), beside]  # the old parts' ticks beside the totals
    story += _pending_note(ctx, data)
    story += _approvals(ctx, data)
    story += [Spacer(1, 2 * mm)]
    terms = _text_block(ctx, _("Terms"), ctx.shop.terms)
    signed = ctx.when(order.customer_signed_at)
    story.append(ctx.keep(*terms, Spacer(1, 1 * mm),
                          ctx.signatures([_("Customer signature"), _("Service advisor")],
                                         width=WIDTH, filled=[signed])))
    return Page(_("Repair order"), order.number), story


TOTALS_WIDTH = 92 * mm


def _old_parts(ctx: Context) -> Table:
    """What happens to the replaced parts, ticked by the customer when signing (旧件处理)."""
    cells = [Paragraph(ctx.label(_("Old parts")), ctx.styles.label),
             TickBox(ctx.t(_("the customer takes them")), ctx.styles.cell),
             TickBox(ctx.t(_("the shop disposes of them")), ctx.styles.cell)]
    table = Table([[cells[0]], [cells[1]], [cells[2]]], colWidths=[60 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _job_rows(ctx: Context, data: OrderData, lines: list[PricedLine]) -> tuple[list, list]:
    rows: list[list[Any]] = []
    style: list[tuple] = []
    for line in lines:
        job = data.jobs[line.line_id]
        done = job.status in FINISHED_JOBS
        r = len(rows) + 1
        rows.append([
            Paragraph(markup(line.code), ctx.styles.cell),
            Paragraph(markup(line.description), ctx.styles.cell),
            Paragraph(hours(line.quantity), ctx.styles.cell_right),
            Paragraph(markup(data.technicians.get(job.technician_id or 0, "")),
                      ctx.styles.cell),
            Paragraph(markup(data.bays.get(job.bay_id or 0, "")), ctx.styles.cell),
            TickBox(ticked=done),
            TickBox(ticked=job.status == JobStatus.QC_PASSED),
        ])
        rows.append([Paragraph(ctx.label(_("Findings")), ctx.styles.label), "", "", "", "", "",
                     ""])
        style += [("SPAN", (1, r + 1), (-1, r + 1)), ("NOSPLIT", (0, r), (-1, r + 1)),
                  ("LINEBELOW", (0, r + 1), (-1, r + 1), 0.6, RULE),
                  ("LINEBELOW", (1, r + 1), (-1, r + 1), 0.6, RULE)]
    return rows, style


def _technician_jobs(ctx: Context, data: OrderData, lines: list[PricedLine]) -> Table:
    columns = (Column(_("Code"), 28 * mm, whole=True), Column(_("Job")),
               Column(_("Std. hours"), 15 * mm, "right"), Column(_("Technician"), 28 * mm),
               Column(_("Bay"), 22 * mm), Column(_("Self-check"), 16 * mm, "centre"),
               Column(_("QC"), 16 * mm, "centre"))
    fixed = sum(c.width for c in columns)
    widths = [c.width or WIDTH - fixed for c in columns]
    header = [Paragraph(ctx.label(c.msgid, stacked=True), c.head_style(ctx.styles))
              for c in columns]
    rows, extra = _job_rows(ctx, data, lines)
    heights = [None] + [None if i % 2 == 0 else 12 * mm for i in range(len(rows))]
    table = Table([header, *rows], colWidths=widths, rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (5, 1), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        *extra]))
    return table


def technician_copy(ctx: Context, data: OrderData) -> tuple[Page, list[Flowable]]:
    """The workshop's copy: what to do, by whom, where — no prices, no customer phone."""
    order = data.order
    story: list[Flowable] = [order_block(ctx, data, width=WIDTH, with_phone=False,
                                         with_waiting=True), Spacer(1, 2 * mm)]
    story += checkin_record(ctx, order, width=WIDTH)
    jobs = data.of_type(data.billable, LineType.LABOUR)
    if jobs:
        story += [Spacer(1, 2 * mm), ctx.section(_("Jobs")),
                  _technician_jobs(ctx, data, jobs)]
    parts = data.of_type(data.billable, LineType.PART)
    if parts:
        columns: tuple[Column, ...] = (
            Column(_("Part no."), 28 * mm, whole=True), Column(_("Part")),
            Column(_("Qty"), 18 * mm, "right"), Column(_("Qty issued"), 18 * mm, "right"))
        issued = {p.id: p.issued_qty for p in order.part_lines}
        rows = [[p.code, p.description, quantity(p.quantity),
                 quantity(issued.get(p.line_id, Decimal(0)))] for p in parts]
        story += [Spacer(1, 2 * mm), ctx.section(_("Parts")),
                  ctx.lines_table(columns, rows, width=WIDTH)]
    if data.pending:
        columns = (Column(_("Code"), 28 * mm, whole=True), Column(_("Job / part")),
                   Column(_("Hours / qty"), 22 * mm, "right"))
        rows = [[p.code, p.description,
                 hours(p.quantity) if p.line_type == LineType.LABOUR else quantity(p.quantity)]
                for p in data.pending]
        story += [Spacer(1, 2 * mm),
                  ctx.section(_("Additional work — not yet approved"),
                              ctx.t(_("(do not start before the customer agrees)"))),
                  ctx.lines_table(columns, rows, width=WIDTH)]
    story += [Spacer(1, 4 * mm),
              ctx.keep(ctx.signatures([_("Technician"), _("QC inspector")], width=WIDTH))]
    return Page(_("Technician copy"), order.number), story


def estimate(ctx: Context, data: OrderData, *, valid_days: int) -> tuple[Page, list[Flowable]]:
    """The itemised quote with its validity period and a line to accept it."""
    order = data.order
    story: list[Flowable] = [order_block(ctx, data, width=WIDTH, with_phone=False),
                             Spacer(1, 2 * mm)]
    story += [ctx.section(_("Work requested")), ctx.fields(
        [(_("Customer's description"), order.customer_description or DASH),
         (_("Diagnosis"), order.diagnosis or DASH)], columns=1, width=WIDTH,
        label_width=38 * mm)]
    story.append(Spacer(1, 2 * mm))
    story += priced_tables(ctx, data, data.billable, width=WIDTH)
    story += [Spacer(1, 2 * mm),
              totals_box(ctx, totals_rows(ctx, data.priced.totals, by_payer=True))]
    story += _pending_note(ctx, data)
    until = local_date(ctx.printed_at + timedelta(days=valid_days), ctx.shop.zone)
    tax_note = (_("Prices include VAT.") if data.priced.prices_include_tax
                else _("Prices exclude VAT."))
    note = ctx.t(_("This estimate is valid until {date} ({days} days)."), date=until,
                 days=valid_days) + " " + ctx.t(tax_note)
    story += [Spacer(1, 3 * mm), Paragraph(markup(note), ctx.styles.body), Spacer(1, 3 * mm),
              ctx.keep(ctx.signatures([_("Accepted by the customer"), _("Service advisor")],
                                      width=WIDTH))]
    return Page(_("Estimate"), order.number), story


def estimate_valid_days(session: Session) -> int:
    """How many days an estimate is valid (setting ``printing.estimate_valid_days``, else 7)."""
    row = session.get(Setting, ESTIMATE_DAYS_SETTING)
    try:
        days = int(row.value) if row is not None else ESTIMATE_DAYS_DEFAULT
    except ValueError:
        days = ESTIMATE_DAYS_DEFAULT
    return days if 0 < days <= 366 else ESTIMATE_DAYS_DEFAULT
