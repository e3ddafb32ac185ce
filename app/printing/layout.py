"""Page furniture and building blocks shared by every printed document.

Each page carries the shop's letterhead (name, address, phone, tax id), the document title
and number with the print time, and a footer with the shop's document footer and
"page x of y" (a two-pass canvas: the total is known only when the story has been laid out).
Labels are translated into the document's language; Chinese documents add the English term
in small grey type, as 4S stores commonly print.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from app.i18n import _, normalise_language, translate
from app.printing.fonts import register_fonts
from app.printing.formatting import local_datetime, markup, money_with_symbol
from app.shop import zone_named
from db.models import ShopProfile

MARGIN = 12 * mm
HEADER_HEIGHT = 23 * mm
FOOTER_HEIGHT = 10 * mm
GREY = colors.HexColor("#666666")
RULE = colors.HexColor("#999999")
SHADE = colors.HexColor("#EEEEEE")
SECTION = colors.HexColor("#DDE4EC")
SECTION_KEEP = 32 * mm  # room a heading needs below it: itself, a table header, a few lines
WHOLE_MAX = 42 * mm  # an identifier column widens to at most this for its longest cell


@dataclass(frozen=True)
class Letterhead:
    """What the documents print about the shop (a snapshot of the shop profile)."""

    name: str
    address: str
    phone: str
    tax_id: str
    footer: str
    terms: str
    currency: str
    prices_include_tax: bool
    zone: ZoneInfo

    @classmethod
    def of(cls, profile: ShopProfile) -> Letterhead:
        return cls(name=profile.name, address=profile.address or "",
                   phone=profile.phone or "", tax_id=profile.tax_id or "",
                   footer=profile.document_footer or "", terms=profile.job_card_terms or "",
                   currency=profile.currency or "CNY",
                   prices_include_tax=bool(profile.prices_include_tax),
                   zone=zone_named(profile.timezone))


class Styles:
    """Paragraph styles in the CJK font (which also carries Latin letters and digits)."""

    def __init__(self, font: str) -> None:
        # CJK wrapping: breaks between Chinese characters, keeps English words whole and
        # never starts a line with a closing punctuation mark.
        base = ParagraphStyle("base", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
        self.body = base
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10)
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)
        self.cell_centre = ParagraphStyle("cell_centre", parent=self.cell,
                                          alignment=TA_CENTER)
        self.label = ParagraphStyle("label", parent=self.cell, textColor=GREY)
        self.head = ParagraphStyle("head", parent=self.cell, fontSize=7.5, leading=9)
        self.head_right = ParagraphStyle("head_right", parent=self.head, alignment=TA_RIGHT)
        self.head_centre = ParagraphStyle("head_centre", parent=self.head,
                                          alignment=TA_CENTER)
        self.section = ParagraphStyle("section", parent=base, fontSize=9.5, leading=12)
        self.small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5)
        self.big = ParagraphStyle("big", parent=base, fontSize=16, leading=20)
        self.warning = ParagraphStyle("warning", parent=base, fontSize=9.5, leading=12,
                                      textColor=colors.HexColor("#B03030"))
        self.total = ParagraphStyle("total", parent=base, fontSize=10.5, leading=13,
                                    alignment=TA_RIGHT)


@dataclass
class Context:
    """One document being built: its language, the shop and the time it is printed."""

    lang: str
    shop: Letterhead
    printed_at: datetime
    font: str
    styles: Styles

    @classmethod
    def create(cls, profile: ShopProfile, lang: str, printed_at: datetime) -> Context:
        font = register_fonts()
        return cls(lang=normalise_language(lang), shop=Letterhead.of(profile),
                   printed_at=printed_at, font=font, styles=Styles(font))

    @property
    def chinese(self) -> bool:
        return self.lang in ("zh_CN", "zh_TW")

    def t(self, msgid: str, **params: Any) -> str:
        """``msgid`` in the document's language (plain text)."""
        return translate(msgid, self.lang, **params)

    def label(self, msgid: str, *, stacked: bool = False, sub_size: float = 6.5) -> str:
        """Paragraph markup of a label; Chinese documents add the English term in small type."""
        text = escape(self.t(msgid))
        if not self.chinese or escape(msgid) in text:
            return text
        sep = "<br/>" if stacked else " "
        return f'{text}{sep}<font size="{sub_size}" color="#666666">{escape(msgid)}</font>'

    def label_cell(self, msgid: str, style: ParagraphStyle, *, width: float,
                   stacked: bool = False, sub_size: float = 6.5) -> Flowable:
        """A label as ``label`` renders it, drawn directly when it fits on its line(s) in
        ``width`` (a Paragraph only when it must wrap: parsing and CJK line breaking are the
        dearest part of a document with many table headers)."""
        main = self.t(msgid)
        sub = msgid if self.chinese and msgid not in main else ""
        cell = LabelCell(main, sub, style, stacked=stacked, sub_size=sub_size)
        if cell.natural_width <= width:
            return cell
        return self.para(self.label(msgid, stacked=stacked, sub_size=sub_size), style)

    def when(self, value: datetime | None) -> str:
        """A time in the shop's zone."""
        return local_datetime(value, self.shop.zone)

    def money_total(self, value: Decimal) -> str:
        """An amount with the currency symbol: ``¥1,234.50``."""
        return money_with_symbol(value, self.shop.currency)

    # --- building blocks --------------------------------------------------------------------

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A Paragraph of ready markup."""
        return Paragraph(text, style or self.styles.cell)

    def text(self, value: str | None, style: ParagraphStyle | None = None) -> Paragraph:
        """A Paragraph of user text (escaped; wraps, line breaks kept)."""
        return Paragraph(markup(value), style or self.styles.cell)

    def section(self, msgid: str, extra: str = "") -> Table:
        """A shaded section heading across the frame."""
        body = self.label(msgid) + (f"  {escape(extra)}" if extra else "")
        table = SectionHeading([[Paragraph(body, self.styles.section)]], colWidths=["100%"])
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), SECTION),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4)]))
        return table

    def fields(self, pairs: Sequence[tuple[str, str | Paragraph]], *, columns: int = 2,
               width: float, label_width: float = 26 * mm) -> Table:
        """A grid of label → value pairs, ``columns`` pairs per row."""
        value_width = width / columns - label_width
        rows: list[list[Any]] = []
        row: list[Any] = []
        for msgid, value in pairs:
            cell = value if isinstance(value, Flowable) else self.text(value)
            row += [self.label_cell(msgid, self.styles.label, width=label_width - 5), cell]
            if len(row) == 2 * columns:
                rows.append(row)
                row = []
        if row:
            rows.append(row + [""] * (2 * columns - len(row)))
        table = Table(rows, colWidths=[label_width, value_width] * columns)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, SHADE)]))
        return table

    def lines_table(self, columns: Sequence[Column], rows: Sequence[Sequence[Any]], *,
                    total_rows: Sequence[Sequence[Any]] = (), width: float) -> Table:
        """A table of document lines: header repeated on every page, long text wrapped,
        numbers right-aligned; ``total_rows`` are appended in the same columns, shaded."""
        size = self.styles.cell.fontSize
        given = [self._whole_width(c, i, rows, size) if c.whole else c.width
                 for i, c in enumerate(columns)]
        fixed = sum(w for w in given if w)
        flex = [c for c, w in zip(columns, given, strict=True) if not w]
        flex_width = (width - fixed) / max(len(flex), 1)
        widths = [w or flex_width for w in given]
        room = [w - 5.5 for w in widths]  # minus the cell padding
        header = [self.label_cell(c.msgid, c.head_style(self.styles), width=room[i],
                                  stacked=True) for i, c in enumerate(columns)]
        # Plain strings where the text fits on one line (cheap: no markup parsing);
        # Paragraphs where it must wrap.
        body = [[cell if isinstance(cell, Flowable) else
                 self._cell_text(str(cell), c, room[i], size)
                 for i, (c, cell) in enumerate(zip(columns, row, strict=True))]
                for row in rows]
        totals = [[cell if isinstance(cell, Flowable) else self._total_cell(str(cell), c)
                   for c, cell in zip(columns, row, strict=True)] for row in total_rows]
        table = Table([header, *body, *totals], colWidths=widths, repeatRows=1)
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 1), (-1, -1), self.font, self.styles.cell.fontSize,
             self.styles.cell.leading),
            *[("ALIGN", (i, 1), (i, -1), "RIGHT" if c.align == "right" else "CENTER")
              for i, c in enumerate(columns) if c.align != "left"],
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, SHADE),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        if total_rows:
            first = 1 + len(body)
            style += [("LINEABOVE", (0, first), (-1, first), 0.6, RULE),
                      ("BACKGROUND", (0, first), (-1, -1), colors.HexColor("#F6F6F6")),
                      # a page break never leaves the totals alone under a repeated header
                      ("NOSPLIT", (0, max(1, first - 2)), (-1, -1))]
        table.setStyle(TableStyle(style))
        return table

    def _whole_width(self, column: Column, index: int, rows: Sequence[Sequence[Any]],
                     size: float) -> float:
        """An identifier column's width: its own, or the longest cell on one line (plus the
        padding), at most ``WHOLE_MAX``: "VARTA-55B24L" never breaks into "VARTA-55B24 / L"."""
        longest = max((stringWidth(str(row[index]), self.font, size) for row in rows
                       if not isinstance(row[index], Flowable)), default=0.0)
        return min(max(column.width, longest + 5.5 + 1), max(column.width, WHOLE_MAX))

    def _total_cell(self, text: str, column: Column) -> Any:
        """A totals-row cell: markup (a label) needs a Paragraph; an amount or nothing is drawn
        as a plain string in the table's font."""
        if "<" in text or "&" in text:
            return self.para(text, column.cell_style(self.styles))
        return text

    def _cell_text(self, text: str, column: Column, room: float, size: float) -> Any:
        if "\n" not in text and stringWidth(text, self.font, size) <= room:
            return text
        return self.para(markup(text), column.cell_style(self.styles))

    def signatures(self, msgids: Sequence[str], *, width: float,
                   filled: Sequence[str] = (), with_date: bool = True) -> Table:
        """Signature and date lines, one pair per person (``filled``: dates already known)."""
        cells: list[Any] = []
        col = width / len(msgids)
        for i, msgid in enumerate(msgids):
            date_text = filled[i] if i < len(filled) else ""
            rows = [[self.label_cell(msgid, self.styles.label, width=29 * mm, stacked=True),
                     ""]]
            if with_date:
                rows.append([self.label_cell(_("Date"), self.styles.label, width=29 * mm),
                             self.para(escape(date_text))])
            inner = Table(rows, colWidths=[30 * mm, col - 36 * mm],
                          rowHeights=[11 * mm, 6.5 * mm][:len(rows)])
            inner.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, 1), 0.6, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
            cells.append(inner)
        table = Table([cells], colWidths=[col] * len(msgids))
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return table

    def keep(self, *flowables: Flowable) -> KeepTogether:
        """Flowables that go on the same page (terms with the signature lines)."""
        return KeepTogether(list(flowables))


@dataclass(frozen=True)
class Column:
    """One column of a lines table: header msgid, width (0 = share the rest), alignment."""

    msgid: str
    width: float = 0
    align: str = "left"  # left | right | centre
    whole: bool = False  # identifiers (part numbers, codes): widened to the longest, never broken

    def head_style(self, styles: Styles) -> ParagraphStyle:
        return {"right": styles.head_right, "centre": styles.head_centre}.get(self.align,
                                                                               styles.head)

    def cell_style(self, styles: Styles) -> ParagraphStyle:
        return {"right": styles.cell_right, "centre": styles.cell_centre}.get(self.align,
                                                                               styles.cell)


class SectionHeading(Table):
    """A section's shaded heading. ``build_pdf`` puts a conditional page break before it: a
    heading is never stranded at the foot of a page, yet the long table after it still starts
    on the same page and splits (keepWithNext would push a whole 25-line table to the next
    page and leave half a page blank)."""


class LabelCell(Flowable):
    """A label drawn straight onto the canvas: the term in the document's language and,
    when given, the English term in small grey type after it (``stacked``: under it). Looks
    like the Paragraph of ``Context.label`` in ``style``; only for text that fits unwrapped."""

    def __init__(self, main: str, sub: str, style: ParagraphStyle, *, stacked: bool,
                 sub_size: float) -> None:
        super().__init__()
        self.main, self.sub, self.style = main, sub, style
        self.stacked = stacked
        self.sub_size = sub_size
        font, size = style.fontName, style.fontSize
        self.main_width = stringWidth(main, font, size)
        self.sub_width = stringWidth(sub, font, sub_size) if sub else 0.0
        self.gap = stringWidth(" ", font, size) if sub and not stacked else 0.0
        self.natural_width = (max(self.main_width, self.sub_width) if stacked
                              else self.main_width + self.gap + self.sub_width)
        self.lines = 2 if stacked and sub else 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = max(avail_width, self.natural_width)
        self.height = self.lines * self.style.leading
        return self.width, self.height

    def _x(self, line_width: float) -> float:
        if self.style.alignment == TA_RIGHT:
            return self.width - line_width
        if self.style.alignment == TA_CENTER:
            return (self.width - line_width) / 2
        return 0.0

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        baseline = self.height - getAscent(style.fontName, style.fontSize)
        if self.stacked:
            placed = [(self.main, style.fontSize, style.textColor, self._x(self.main_width),
                       baseline)]
            if self.sub:
                placed.append((self.sub, self.sub_size, GREY, self._x(self.sub_width),
                               baseline - style.leading))
        else:
            x = self._x(self.natural_width)
            placed = [(self.main, style.fontSize, style.textColor, x, baseline)]
            if self.sub:
                placed.append((self.sub, self.sub_size, GREY,
                               x + self.main_width + self.gap, baseline))
        for text, size, colour, x, y in placed:
            canvas.setFont(style.fontName, size)
            canvas.setFillColor(colour)
            canvas.drawString(x, y, text)


class TickBox(Flowable):
    """A square to tick by hand (ticked already when ``ticked``), with a label beside it."""

    def __init__(self, label: str = "", style: ParagraphStyle | None = None, *,
                 ticked: bool = False) -> None:
        super().__init__()
        self.label = Paragraph(label, style) if label and style else None
        self.ticked = ticked
        self.size = 3.6 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self.label is None:
            self.width = self.height = self.size
            return self.width, self.height
        _w, h = self.label.wrap(avail_width - self.size - 1.5 * mm, avail_height)
        self.width, self.height = avail_width, max(h, self.size)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        y = self.height - self.size
        c.setLineWidth(0.7)
        c.rect(0, y, self.size, self.size)
        if self.ticked:
            c.setLineWidth(1.1)
            c.line(0.7 * mm, y + 1.7 * mm, 1.4 * mm, y + 0.7 * mm)
            c.line(1.4 * mm, y + 0.7 * mm, 2.9 * mm, y + 2.9 * mm)
        if self.label is not None:
            self.label.drawOn(c, self.size + 1.5 * mm, self.height - self.label.height)


@dataclass(frozen=True)
class Page:
    """What the letterhead of every page shows."""

    title_msgid: str
    number: str
    number_msgid: str = _("No.")
    watermark: str = ""
    margin: float = MARGIN


def _draw_page(ctx: Context, page: Page) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        shop = ctx.shop
        margin = page.margin
        top = height - margin
        canvas.saveState()
        canvas.setFont(ctx.font, 13)
        canvas.drawString(margin, top - 5 * mm, shop.name)
        canvas.setFont(ctx.font, 7.5)
        canvas.setFillColor(GREY)
        lines = [shop.address,
                 "   ".join(x for x in (
                     f"{ctx.t(_('Phone'))}: {shop.phone}" if shop.phone else "",
                     f"{ctx.t(_('Tax ID'))}: {shop.tax_id}" if shop.tax_id else "") if x)]
        y = top - 10 * mm
        for line in lines:
            if line:
                canvas.drawString(margin, y, line)
                y -= 3.6 * mm
        right = width - margin
        canvas.setFillColor(colors.black)
        canvas.setFont(ctx.font, 15)
        canvas.drawRightString(right, top - 5 * mm, ctx.t(page.title_msgid))
        y = top - 9.5 * mm
        if ctx.chinese and ctx.t(page.title_msgid) != page.title_msgid:
            canvas.setFont(ctx.font, 7.5)
            canvas.setFillColor(GREY)
            canvas.drawRightString(right, y, page.title_msgid)
            y -= 4.5 * mm
        canvas.setFillColor(colors.black)
        canvas.setFont(ctx.font, 9.5)
        canvas.drawRightString(right, y, f"{ctx.t(page.number_msgid)} {page.number}")
        canvas.setFont(ctx.font, 7)
        canvas.setFillColor(GREY)
        canvas.drawRightString(right, y - 3.8 * mm,
                               f"{ctx.t(_('Printed'))}: {ctx.when(ctx.printed_at)}")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        rule_y = top - HEADER_HEIGHT + 2 * mm
        canvas.line(margin, rule_y, right, rule_y)
        # footer
        canvas.setLineWidth(0.4)
        canvas.line(margin, margin + 5 * mm, right, margin + 5 * mm)
        if shop.footer:
            canvas.setFont(ctx.font, 7)
            footer = shop.footer.replace("\n", " ")
            max_width = width - 2 * margin - 40 * mm
            while footer and canvas.stringWidth(footer, ctx.font, 7) > max_width:
                footer = footer[:-2] + "…"
            canvas.drawString(margin, margin + 1.5 * mm, footer)
        if page.watermark:
            canvas.setFillColor(colors.Color(0.85, 0.2, 0.2, alpha=0.16))
            canvas.setFont(ctx.font, 54)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, 0, page.watermark)
        canvas.restoreState()
    return draw


def _numbered_canvas(ctx: Context, margin: float) -> type[Canvas]:
    """A canvas that holds its pages back to print "page x of y" once y is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own, not in stubs

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, _height = self._pagesize  # type: ignore[attr-defined]
                self.setFont(ctx.font, 7.5)
                self.setFillColor(colors.black)
                self.drawRightString(width - margin, margin + 1.5 * mm,
                                     ctx.t(_("Page {page} of {pages}"), page=self._pageNumber,  # type: ignore[attr-defined]
                                           pages=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def frame_width(pagesize: tuple[float, float] = A4, margin: float = MARGIN) -> float:
    """The usable width between the side margins."""
    return pagesize[0] - 2 * margin


def build_pdf(ctx: Context, page: Page, story: list[Flowable], *,
              pagesize: tuple[float, float] = A4, subject: str = "") -> bytes:
    """Lay ``story`` out on pages with the letterhead and footer; returns the PDF bytes."""
    buffer = io.BytesIO()
    width, height = pagesize
    margin = page.margin
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin,
        topMargin=margin + HEADER_HEIGHT, bottomMargin=margin + FOOTER_HEIGHT,
        title=f"{ctx.t(page.title_msgid)} {page.number}", author=ctx.shop.name,
        subject=subject, creator="Bayline", lang=ctx.lang.replace("_", "-"))
    frame = Frame(margin, margin + FOOTER_HEIGHT, width - 2 * margin,
                  height - 2 * margin - HEADER_HEIGHT - FOOTER_HEIGHT, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                       onPage=_draw_page(ctx, page), pagesize=pagesize)])
    story = [part for flowable in story for part in (
        (CondPageBreak(SECTION_KEEP), flowable) if isinstance(flowable, SectionHeading)
        else (flowable,))]
    doc.build(story, canvasmaker=_numbered_canvas(ctx, margin))
    return buffer.getvalue()

