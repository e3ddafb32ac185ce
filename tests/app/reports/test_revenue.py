"""Monthly revenue lines and their Excel export, on both databases: local month boundaries,
credit notes, and a workbook that reads back equal to the query."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from app.cashier.invoicing import issue_credit_note, settle_order
from app.clock import pinned
from app.errors import PermissionDenied, ValidationError
from app.i18n import translate
from app.reports.revenue import (
    REVENUE_COLUMNS,
    export_monthly_revenue,
    monthly_revenue_lines,
    revenue_sheet_title,
)
from tests.factories import make_completed_order

LINES = ({"type": "labour", "code": "LB-OIL", "description": "更换机油机滤", "hours": "1.50"},
         {"type": "part", "part_no": "OIL-0W20", "description": "0W-20 全合成机油",
          "quantity": "4.5", "unit_price": "78.00"},
         {"type": "charge", "description": "=环保处理费", "amount": "20.00",
          "payer": "insurer"})


def _invoice(session, manager, cashier, at: datetime, plate: str):
    with pinned(at):
        order = make_completed_order(session, manager, lines=LINES, plate=plate)
        return settle_order(session, cashier, order.id)


@pytest.fixture
def month(session, manager, cashier):
    """Invoices around March 2025 in Shanghai time (UTC+8), and a credit note in March."""
    feb = _invoice(session, manager, cashier, datetime(2025, 2, 28, 15, 59, tzinfo=UTC),
                   "粤BR0001")
    first = _invoice(session, manager, cashier, datetime(2025, 2, 28, 16, 0, tzinfo=UTC),
                     "粤BR0002")
    last = _invoice(session, manager, cashier, datetime(2025, 3, 31, 15, 59, 59, tzinfo=UTC),
                    "粤BR0003")
    april = _invoice(session, manager, cashier, datetime(2025, 3, 31, 16, 0, tzinfo=UTC),
                     "粤BR0004")
    with pinned(datetime(2025, 3, 10, 2, 0, tzinfo=UTC)):
        credit = issue_credit_note(session, manager, first.id, reason="开票错误")
    session.commit()
    return {"feb": feb, "first": first, "last": last, "april": april, "credit": credit}


def test_the_month_is_the_shops_local_month(session, manager, month) -> None:
    march = monthly_revenue_lines(session, manager, 2025, 3)
    numbers = [line.invoice_number for line in march]
    assert numbers == [month["first"].number] * 3 + [month["credit"].number] * 3 \
        + [month["last"].number] * 3
    assert [ln.invoice_number for ln in monthly_revenue_lines(session, manager, 2025, 2)] \
        == [month["feb"].number] * 3
    assert {ln.invoice_number for ln in monthly_revenue_lines(session, manager, 2025, 4)} \
        == {month["april"].number}
    assert march[0].issued_on == date(2025, 3, 1) and march[-1].issued_on == date(2025, 3, 31)
    # the credit note cancels the first invoice: the month nets to the last one
    assert sum(line.gross for line in march) == month["last"].gross_total
    assert sum(line.net + line.tax for line in march) == month["last"].gross_total
    first = march[0]
    assert first.plate == "粤BR0002" and first.order_number.startswith("RO")
    assert first.line_type == "labour" and first.quantity == Decimal("1.500")
    credit_part = march[4]
    assert credit_part.quantity == Decimal("-4.500") and credit_part.gross < 0
    assert march[2].payer == "insurer"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_workbook_reads_back_equal_to_the_query(session, manager, month, lang) -> None:
    lines = monthly_revenue_lines(session, manager, 2025, 3)
    buffer = io.BytesIO()
    assert export_monthly_revenue(session, manager, 2025, 3, buffer, lang=lang) == len(lines)
    buffer.seek(0)
    sheet = load_workbook(buffer).active
    assert sheet.title == revenue_sheet_title(2025, 3, lang)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(translate(title, lang) for title, _kind in REVENUE_COLUMNS)
    assert len(rows) == len(lines) + 1
    labels = {"labour": translate("Labour", lang), "part": translate("Part", lang),
              "charge": translate("Other charge", lang),
              "customer": translate("customer", lang), "insurer": translate("insurer", lang)}
    for line, row in zip(lines, rows[1:], strict=True):
        assert row[0].date() == line.issued_on
        assert row[1:4] == (line.invoice_number, line.order_number, line.plate)
        assert row[4] == labels[line.line_type] and row[10] == labels[line.payer]
        assert row[5] == line.description
        assert [Decimal(str(v)) for v in row[6:10]] == [line.quantity, line.net, line.tax,
                                                        line.gross]
    assert sheet["H2"].number_format == "0.00" and sheet["A2"].number_format == "yyyy-mm-dd"
    assert sheet["F4"].data_type == "s"  # "=环保处理费" is text, not a formula
    assert sheet.freeze_panes == "A2"
    if lang == "zh_CN":
        assert rows[0][9] == "价税合计" and sheet.title == "营业收入 2025-03"


def test_an_empty_month_exports_a_header(session, manager) -> None:
    buffer = io.BytesIO()
    assert export_monthly_revenue(session, manager, 2025, 6, buffer, lang="zh_TW") == 0
    buffer.seek(0)
    assert len(list(load_workbook(buffer).active.values)) == 1


def test_bad_months_and_missing_permission_are_refused(session, manager, advisor) -> None:
    for year, month_ in ((2025, 13), (2025, 0), (1999, 5), (2025, True)):
        with pytest.raises(ValidationError):
            monthly_revenue_lines(session, manager, year, month_)
    with pytest.raises(PermissionDenied):
        monthly_revenue_lines(session, advisor, 2025, 3)
