"""Bare-library baselines: the least work reportlab and openpyxl need for the same output."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

BARE_FONT = "BenchBareCJK"


def register_bare_font(path: str) -> str:
    """Register the CJK font under the baseline's own name (once per process)."""
    if BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(BARE_FONT, path, subfontIndex=0))
    return BARE_FONT


def bare_table_pdf(rows: Sequence[Sequence[str]]) -> bytes:
    """An A4 PDF holding one table of ``rows`` (the first is the header) in the CJK font."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm)
    table = Table([list(r) for r in rows], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), BARE_FONT),
                               ("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("GRID", (0, 0), (-1, -1), 0.25, "#999999")]))
    doc.build([table])
    return buffer.getvalue()


def bare_xlsx(rows: Sequence[Sequence[object]]) -> bytes:
    """An .xlsx of ``rows`` written with openpyxl's write-only mode and nothing else."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Sheet1")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
