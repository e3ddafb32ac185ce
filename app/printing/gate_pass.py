"""The gate pass (出门条): the car may leave; a dashed tear-off strip stays with the guard.

Printed on A5 landscape (half an A4 sheet) with narrow margins.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.errors import DomainError
from app.i18n import _
from app.printing.data import OrderData, user_names
from app.printing.formatting import markup
from app.printing.layout import RULE, Context, Page, frame_width
from app.printing.sections import DASH, vehicle_text
from db.models import Invoice

PAGESIZE = landscape(A5)
MARGIN = 8 * mm
WIDTH = frame_width(PAGESIZE, MARGIN)
LABEL = 30 * mm


class TearOff(Flowable):
    """A dashed cut line across the frame with a short instruction in the middle."""

    def __init__(self, text: str, font: str) -> None:
        super().__init__()
        self.text, self.font = text, font

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 5 * mm
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        y = self.height / 2
        text_width = c.stringWidth(self.text, self.font, 7) + 6 * mm
        gap_from = (self.width - text_width) / 2
        c.setDash(3, 2)
        c.setLineWidth(0.7)
        c.line(0, y, gap_from, y)
        c.line(gap_from + text_width, y, self.width, y)
        c.setDash()
        c.setFont(self.font, 7)
        c.setFillColor(colors.HexColor("#666666"))
        c.drawCentredString(self.width / 2, y - 2.3, self.text)


def _plate(ctx: Context, plate: str, width: float) -> Table:
    table = Table([[Paragraph(ctx.label(_("Plate")), ctx.styles.label),
                    Paragraph(markup(plate), ctx.styles.big)]], colWidths=[LABEL, width - LABEL])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def gate_pass(ctx: Context, data: OrderData, invoice: Invoice | None,
              session: object) -> tuple[Page, list[Flowable]]:
    """The gate pass of a handed-over order; refused before the pass has been issued."""
    order = data.order
    if not order.gate_pass_number:
        raise DomainError(_("Order {number} has no gate pass yet: it is issued when the car "
                            "is handed over."), number=order.number)
    names = user_names(session, [order.gate_pass_by_id,  # type: ignore[arg-type]
                                 invoice.issued_by_id if invoice else None])
    settled = (f"{invoice.number} · {names.get(invoice.issued_by_id, '')}" if invoice
               else ctx.t(_("no invoice (nothing to pay)")))
    released_by = names.get(order.gate_pass_by_id or 0, "")
    released_at = ctx.when(order.gate_pass_at)
    pairs = [
        (_("Order no."), order.number), (_("Gate pass no."), order.gate_pass_number),
        (_("Make / model"), vehicle_text(order) or DASH), (_("Customer"), order.customer.name),
        (_("Invoice / cashier"), settled), (_("Released by"), released_by),
        (_("Released at"), released_at),
    ]
    inner = WIDTH - 4 * mm
    stub_pairs = [(_("Gate pass no."), order.gate_pass_number), (_("Order no."), order.number),
                  (_("Released at"), released_at), (_("Released by"), released_by)]
    box = Table([[Paragraph(ctx.label(_("Gate copy")), ctx.styles.section)],
                 [_plate(ctx, order.vehicle.plate, inner)],
                 [ctx.fields(stub_pairs, columns=2, width=inner, label_width=LABEL)],
                 [ctx.signatures([_("Guard"), _("Driver")], width=inner, with_date=False)]],
                colWidths=[WIDTH])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, RULE),
                             ("LEFTPADDING", (0, 0), (-1, -1), 2),
                             ("TOPPADDING", (0, 0), (-1, -1), 1),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story: list[Flowable] = [
        _plate(ctx, order.vehicle.plate, WIDTH),
        ctx.fields(pairs, columns=2, width=WIDTH, label_width=LABEL),
        Spacer(1, 2 * mm), TearOff(ctx.t(_("Tear off here — gate copy")), ctx.font),
        Spacer(1, 2 * mm), box]
    return Page(_("Gate pass"), order.gate_pass_number, margin=MARGIN), story
