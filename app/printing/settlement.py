"""The settlement statement (结算单): of an issued invoice or credit note — printed from its
frozen lines, totals and payer (name, address, tax id as issued), never recomputed nor taken
from the customer's record as it is now — or, before invoicing, a provisional statement
priced from the order and marked as such. A reprint of an issued one is marked as a copy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.cashier.invoicing import invoice_balance
from app.cashier.ledger import method_label, paid_by_payer
from app.formatting import grouped, rmb_in_capitals
from app.i18n import _
from app.money import ZERO, round_money
from app.printing.data import OrderData, user_names
from app.printing.formatting import hours, markup, money, percent, quantity
from app.printing.layout import Column, Context, Page, frame_width
from app.printing.sections import DASH, payer_text, term, totals_box, vehicle_text
from db.enums import InvoiceKind, LineType, Payer
from db.models import Customer, Invoice, RepairOrder

WIDTH = frame_width()


@dataclass(frozen=True)
class StatementLine:
    """One billed line as the statement prints it."""

    line_type: str
    code: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal
    tax_rate: Decimal
    payer: str
    net: Decimal
    tax: Decimal
    gross: Decimal


@dataclass(frozen=True)
class PaymentRow:
    at: datetime
    number: str
    method: str
    payer: str
    reference: str
    amount: Decimal


@dataclass
class Statement:
    """Everything a settlement statement shows, from an invoice or (provisionally) an order."""

    kind: str  # invoice | credit_note | provisional
    number: str
    payer_name: str
    payer_tax_id: str
    payer_address: str
    order: RepairOrder | None
    advisor: str
    issued_at: datetime | None
    issued_by: str
    inclusive: bool
    lines: list[StatementLine]
    net: Decimal
    tax: Decimal
    gross: Decimal
    shares: dict[str, Decimal]
    paid: dict[str, Decimal] = field(default_factory=dict)
    payments: list[PaymentRow] = field(default_factory=list)
    balance: Decimal = ZERO
    original_number: str = ""
    reason: str = ""
    copy_no: int = 0  # 0: the original (or a provisional statement); n: the n-th reprint

    def amount(self, line: StatementLine) -> Decimal:
        """The printed line amount: gross with tax-inclusive prices, else net."""
        return line.gross if self.inclusive else line.net


def _payer(session: Any, invoice: Invoice) -> tuple[str, str, str]:
    """Name, tax id and address of the payer as issued. Only a version-1 document without
    them (written by the bulk loader, which predates them) falls back to the customer."""
    if invoice.payer_name or invoice.canonical_version > 1:
        return invoice.payer_name, invoice.payer_tax_id, invoice.payer_address
    customer = session.get(Customer, invoice.customer_id)
    return customer.name, customer.tax_id, customer.address


def from_invoice(session: Any, invoice: Invoice, order: RepairOrder | None, *,
                 copy_no: int = 0) -> Statement:
    """The statement of an issued invoice or credit note: its own frozen numbers and payer;
    ``copy_no`` > 0 marks the ``copy_no``-th reprint."""
    names = user_names(session, [invoice.issued_by_id,
                                 *(p.received_by_id for p in invoice.payments),
                                 order.advisor_id if order else None])
    original = session.get(Invoice, invoice.original_invoice_id) \
        if invoice.original_invoice_id else None
    lines = [StatementLine(line.line_type, line.code, line.description, line.quantity,
                           line.unit_price, line.discount, line.tax_rate, line.payer,
                           line.net, line.tax, line.gross) for line in invoice.lines]
    payments = [PaymentRow(p.received_at, p.number, p.method, p.payer, p.reference, p.amount)
                for p in invoice.payments]
    name, tax_id, address = _payer(session, invoice)
    return Statement(
        kind=invoice.kind, number=invoice.number, payer_name=name, payer_tax_id=tax_id,
        payer_address=address, order=order, copy_no=copy_no,
        advisor=names.get(order.advisor_id, "") if order else "",
        issued_at=invoice.issued_at, issued_by=names.get(invoice.issued_by_id, ""),
        inclusive=invoice.prices_include_tax, lines=lines, net=invoice.net_total,
        tax=invoice.tax_total, gross=invoice.gross_total,
        shares={Payer.CUSTOMER: invoice.customer_share, Payer.INSURER: invoice.insurer_share,
                Payer.WARRANTY: invoice.warranty_share,
                Payer.INTERNAL: invoice.internal_share},
        paid=paid_by_payer(session, invoice.id), payments=payments,
        balance=invoice_balance(session, invoice.id),
        original_number=original.number if original else "", reason=invoice.reason or "")


def provisional(data: OrderData) -> Statement:
    """A statement priced from the order now (``price_order``): not an invoice."""
    totals = data.priced.totals
    lines = [StatementLine(p.line_type.value, p.code, p.description, p.quantity, p.unit_price,
                           p.discount, p.tax_rate, p.payer, p.amounts.net, p.amounts.tax,
                           p.amounts.gross) for p in data.billable]
    return Statement(
        kind="provisional", number=data.order.number, payer_name=data.order.customer.name,
        payer_tax_id=data.order.customer.tax_id, payer_address=data.order.customer.address,
        order=data.order, advisor=data.advisor, issued_at=None, issued_by="",
        inclusive=data.priced.prices_include_tax, lines=lines, net=totals.net,
        tax=totals.tax, gross=totals.gross,
        shares={p: totals.by_payer.get(p, ZERO) for p in Payer},
        paid={str(p): ZERO for p in Payer}, balance=totals.gross)


COLUMNS = (Column(_("Code"), 20 * mm, whole=True), Column(_("Description")),
           Column(_("Qty / hours"), 19 * mm, "right"), Column(_("Unit price"), 18 * mm, "right"),
           Column(_("Discount"), 13 * mm, "right"), Column(_("VAT"), 11 * mm, "right"),
           Column(_("Amount"), 22 * mm, "right"), Column(_("Payer"), 17 * mm, "centre"))
GROUPS = ((LineType.LABOUR, _("Labour")), (LineType.PART, _("Parts")),
          (LineType.CHARGE, _("Other charges")))


def _header(ctx: Context, st: Statement) -> Flowable:
    order = st.order
    pairs: list[tuple[str, str]] = []
    if st.kind != "provisional":
        pairs += [(_("Statement no."), st.number),
                  (_("Order no."), order.number if order else DASH),
                  (_("Issued at"), ctx.when(st.issued_at)),
                  (_("Issued by") if st.kind == InvoiceKind.CREDIT_NOTE else _("Cashier"),
                   st.issued_by)]
    else:
        pairs += [(_("Order no."), st.number), (_("Status"), ctx.t(_("not settled")))]
    if st.copy_no:
        pairs += [(_("Copy"), ctx.t(_("Reprint {copy} (not the original)"), copy=st.copy_no))]
    if st.kind == InvoiceKind.CREDIT_NOTE:
        pairs += [(_("Original invoice"), st.original_number), (_("Reason"), st.reason)]
    pairs += [(_("Customer"), st.payer_name)]
    pairs += [(_("Customer tax ID"), st.payer_tax_id)] if st.payer_tax_id else [
        (_("Advisor"), st.advisor or DASH)]
    if st.payer_address and st.kind != "provisional":
        pairs += [(_("Address"), st.payer_address)]  # a short label: one line, not two
    if order is not None:
        vehicle = order.vehicle
        pairs += [(_("Plate"), vehicle.plate), (_("VIN"), vehicle.vin or DASH),
                  (_("Make / model"), vehicle_text(order) or DASH),
                  (_("Mileage in"), f"{grouped(order.mileage_in)} km"),
                  (_("Checked in"), ctx.when(order.opened_at)),
                  (_("Completed at"), ctx.when(order.completed_at) or DASH)]
        if st.payer_tax_id:
            pairs.append((_("Advisor"), st.advisor or DASH))
    return ctx.fields(pairs, columns=2, width=WIDTH, label_width=30 * mm)


def _qty(line: StatementLine) -> str:
    return hours(line.quantity) if line.line_type == LineType.LABOUR else quantity(line.quantity)


def _groups(ctx: Context, st: Statement) -> list[Flowable]:
    out: list[Flowable] = []
    for line_type, title in GROUPS:
        group = [x for x in st.lines if x.line_type == line_type]
        if not group:
            continue
        rows = [[x.code, x.description, _qty(x), money(x.unit_price), percent(x.discount),
                 percent(x.tax_rate) or "0%", money(st.amount(x)), payer_text(ctx, x.payer)]
                for x in group]
        subtotal = sum((st.amount(x) for x in group), ZERO)
        total_row = ["", ctx.label(_("Subtotal")), "", "", "", "", money(subtotal), ""]
        out += [ctx.section(title),
                ctx.lines_table(COLUMNS, rows, total_rows=[total_row], width=WIDTH),
                Spacer(1, 1.5 * mm)]
    return out


def _discount_given(st: Statement) -> Decimal:
    """List price minus the line amounts of discounted lines (information only)."""
    given = ZERO
    for line in st.lines:
        if line.discount:
            given += round_money(line.quantity * line.unit_price) - st.amount(line)
    return given


def _tax_table(ctx: Context, st: Statement) -> Table:
    rates: dict[Decimal, list[Decimal]] = {}
    for line in st.lines:
        row = rates.setdefault(line.tax_rate, [ZERO, ZERO, ZERO])
        row[0] += line.net
        row[1] += line.tax
        row[2] += line.gross
    columns = (Column(_("VAT rate"), 20 * mm, "right"), Column(_("Excl. tax"), 26 * mm, "right"),
               Column(_("Tax"), 24 * mm, "right"), Column(_("Incl. tax"), 26 * mm, "right"))
    rows = [[percent(rate) or "0%", money(v[0]), money(v[1]), money(v[2])]
            for rate, v in sorted(rates.items())]
    total = [ctx.label(_("Total")), money(st.net), money(st.tax), money(st.gross)]
    return ctx.lines_table(columns, rows, total_rows=[total], width=96 * mm)


def _payer_table(ctx: Context, st: Statement) -> Table:
    columns = (Column(_("Payer"), 26 * mm), Column(_("Share"), 24 * mm, "right"),
               Column(_("Paid"), 24 * mm, "right"), Column(_("Still open"), 22 * mm, "right"))
    rows = []
    for payer in Payer:
        share = st.shares.get(payer, ZERO)
        paid = st.paid.get(payer, ZERO)
        if share or paid or payer == Payer.CUSTOMER:
            rows.append([payer_text(ctx, payer), money(share), money(paid),
                         money(share - paid)])
    return ctx.lines_table(columns, rows, width=96 * mm)


def _payments(ctx: Context, st: Statement) -> list[Flowable]:
    if not st.payments:
        return []
    title = _("Refunds") if st.kind == InvoiceKind.CREDIT_NOTE else _("Payments")
    columns = (Column(_("Paid at"), 30 * mm), Column(_("Receipt no."), 28 * mm),
               Column(_("Payment method"), 26 * mm), Column(_("Payer"), 20 * mm),
               Column(_("Payment reference")), Column(_("Amount"), 24 * mm, "right"))
    rows = [[ctx.when(p.at), p.number, term(ctx, method_label(p.method)), payer_text(ctx, p.payer),
             p.reference, money(p.amount)] for p in st.payments]
    return [ctx.section(title), ctx.lines_table(columns, rows, width=WIDTH), Spacer(1, 2 * mm)]


def _summary(ctx: Context, st: Statement) -> Table:
    """Tax per rate and the payers on the left, the totals box on the right."""
    left: list[Flowable] = [_tax_table(ctx, st), Spacer(1, 2 * mm), _payer_table(ctx, st),
                            *_in_words(ctx, st)]
    rows: list[tuple[str, str, bool]] = [
        (ctx.label(_("Total excl. tax")), ctx.money_total(st.net), False),
        (ctx.label(_("Tax")), ctx.money_total(st.tax), False)]
    given = _discount_given(st)
    if given:
        rows.append((ctx.label(_("Discounts given")), ctx.money_total(given), False))
    rows.append((ctx.label(_("Total incl. tax")), ctx.money_total(st.gross), True))
    paid = sum(st.paid.values(), ZERO)
    if st.kind == InvoiceKind.CREDIT_NOTE:
        rows += [(ctx.label(_("Refunded")), ctx.money_total(paid), False),
                 (ctx.label(_("Still to refund")), ctx.money_total(st.balance), True)]
    else:
        rows += [(ctx.label(_("Paid")), ctx.money_total(paid), False),
                 (ctx.label(_("Balance due")), ctx.money_total(st.balance), True)]
    table = Table([[left, totals_box(ctx, rows, width=80 * mm)]],
                  colWidths=[WIDTH - 82 * mm, 82 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _in_words(ctx: Context, st: Statement) -> list[Flowable]:
    """The total in Chinese capitals (大写金额), as every Chinese bill states it (CNY only),
    in the left column under the payers (no extra line on the page)."""
    if ctx.shop.currency != "CNY":
        return []
    return [Spacer(1, 1.5 * mm), ctx.para(
        f"{ctx.label(_('Total in words'))}：人民币 {rmb_in_capitals(st.gross)}")]


def settlement(ctx: Context, st: Statement) -> tuple[Page, list[Flowable]]:
    """The settlement statement (or credit note, or provisional statement)."""
    story: list[Flowable] = []
    if st.kind == "provisional":
        warn = Table([[Paragraph(markup(ctx.t(_(
            "Provisional — not settled. Amounts may still change; this is not an invoice."))),
            ctx.styles.warning)]], colWidths=[WIDTH])
        warn.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#B03030"))]))
        story += [warn, Spacer(1, 2 * mm)]
    story += [_header(ctx, st), Spacer(1, 3 * mm)]
    story += _groups(ctx, st)
    story += [Spacer(1, 1.5 * mm), _summary(ctx, st), Spacer(1, 2 * mm)]
    # the signatures never stand alone on a page: they go with the payments above them
    story += [ctx.keep(*_payments(ctx, st), Spacer(1, 1 * mm),
                       ctx.signatures([_("Customer signature"), _("Cashier")], width=WIDTH))]
    copy_mark = ctx.t(_("COPY")) if st.copy_no else ""
    if st.kind == InvoiceKind.CREDIT_NOTE:
        page = Page(_("Credit note"), st.number, watermark=copy_mark)
    elif st.kind == "provisional":
        page = Page(_("Settlement statement"), st.number, number_msgid=_("Order no."),
                    watermark=ctx.t(_("PROVISIONAL")))
    else:
        page = Page(_("Settlement statement"), st.number, watermark=copy_mark)
    return page, story

