"""Building blocks of every document: labels drawn without Paragraphs, sections that do not
waste half a page, totals that never stand alone under a repeated header."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from app.printing.layout import Column, Context, LabelCell, Page, build_pdf, frame_width
from db.models import ShopProfile

WIDTH = frame_width()


def _context(lang: str) -> Context:
    profile = ShopProfile(name="湾线汽车服务", address="广州市天河区", phone="020-38886688",
                          tax_id="", document_footer="", job_card_terms="", currency="CNY",
                          prices_include_tax=False, timezone="Asia/Shanghai")
    return Context.create(profile, lang, datetime(2026, 11, 24, 2, 0, tzinfo=UTC))


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def test_a_label_that_fits_is_drawn_directly_and_a_long_one_wraps() -> None:
    ctx = _context("zh_CN")
    fits = ctx.label_cell("Amount", ctx.styles.head, width=30 * mm, stacked=True)
    assert isinstance(fits, LabelCell)
    assert (fits.main, fits.sub, fits.lines) == ("金额", "Amount", 2)
    narrow = ctx.label_cell("Amount", ctx.styles.head, width=3 * mm, stacked=True)
    assert isinstance(narrow, Paragraph)  # cannot fit: a Paragraph wraps it
    english = _context("en").label_cell("Amount", ctx.styles.head, width=30 * mm)
    assert isinstance(english, LabelCell) and (english.main, english.sub) == ("Amount", "")


COLUMNS = (Column("Code", 30 * mm), Column("Description"), Column("Amount", 30 * mm, "right"))


def _story(ctx: Context, filler: int, lines: int) -> list:
    rows = [[f"P-{i:03d}", f"配件{i:03d}", f"{i}.00"] for i in range(1, lines + 1)]
    story = []
    if filler:
        story.append(ctx.lines_table(COLUMNS, [[f"F-{i:03d}", "保养", "1.00"]
                                               for i in range(filler)], width=WIDTH))
    return [*story, ctx.section("Parts"),
            ctx.lines_table(COLUMNS, rows, total_rows=[["", "小计", "9999.00"]], width=WIDTH)]


def test_a_table_that_does_not_fit_starts_under_its_heading_not_on_the_next_page() -> None:
    ctx = _context("zh_CN")
    # 30 lines fill half the page; 35 more would fit on a page of their own, but not here.
    pages = _pages(build_pdf(ctx, Page("Settlement statement", "INV000001"),
                             _story(ctx, filler=30, lines=35)))
    assert len(pages) == 2
    first, second = pages
    assert "配件 Parts" in first and "P-001" in first  # no half-empty page before the table
    assert "编码" in first and "Code" in first and "金额" in first
    assert "P-035" in second and "9999.00" in second


def test_the_total_row_never_stands_alone_under_a_repeated_header() -> None:
    ctx = _context("zh_CN")
    for lines in range(38, 56):  # around one page: the break falls before each row in turn
        pages = _pages(build_pdf(ctx, Page("Settlement statement", "INV000001"),
                                 _story(ctx, filler=0, lines=lines)))
        with_total = next(text for text in pages if "9999.00" in text)
        assert f"P-{lines:03d}" in with_total, lines
        assert f"P-{lines - 1:03d}" in with_total, lines
