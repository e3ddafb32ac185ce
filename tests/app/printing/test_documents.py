"""The printed documents hold exactly what the database says, in the document's language."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from app.cashier.invoicing import current_invoice, invoice_balance, issue_credit_note
from app.cashier.payments import PaymentPart
from app.clock import pinned
from app.errors import DomainError, PermissionDenied, ValidationError
from app.orders import progress
from app.orders.lines import add_labour_line
from app.orders.queries import load_order, order_version
from app.orders.totals import price_order
from app.printing import qr_payload, render_document, render_invoice
from app.printing.formatting import hours, money, money_with_symbol
from app.security.actor import Actor
from app.shop import get_profile
from db.enums import LineType
from db.models import Invoice, LabourLine
from tests import builders
from tests.app.printing.conftest import (
    LONG_JOB,
    PHONE,
    complete_and_invoice,
    pay,
    pdf_text,
    squash,
)
from tests.factories import make_completed_order

D = Decimal


def has_amount(text: str, amount: str) -> bool:
    """``amount`` (e.g. ``1,305.50``) printed as a whole number, not inside another one."""
    return re.search(rf"(?<![\d.,]){re.escape(amount)}(?![\d])", text) is not None


def amount_of(line, inclusive: bool) -> Decimal:
    return line.amounts.gross if inclusive else line.amounts.net


def test_job_card_prints_the_order_as_stored(session, actors, workshop) -> None:
    pdf = render_document(session, actors["advisor"], "job_card", workshop.order_id)
    pages = pdf_text(pdf)
    text, flat = "\n".join(pages), squash("".join(pages))
    order = load_order(session, workshop.order_id)
    priced = price_order(session, order)
    shop = get_profile(session)
    for expected in (shop.name, shop.tax_id, order.number, order.customer.name, PHONE,
                     order.vehicle.plate, builders.VALID_VIN, "珍珠白", "5/8", "45,210km",
                     order.damage_notes, order.valuables, order.warning_lights,
                     order.customer_description, order.diagnosis, shop.job_card_terms,
                     "委托书", "车牌", "客户签字", "服务顾问"):
        assert squash(expected) in flat, expected
    billable = [p for p in priced.lines if p.billable]
    assert len(billable) == 8
    for line in billable:
        assert squash(line.description) in flat
        assert has_amount(text, money(amount_of(line, priced.prices_include_tax))), line
    for value in (priced.totals.net, priced.totals.tax, priced.totals.gross):
        assert money_with_symbol(value) in text
    assert money_with_symbol(priced.totals.by_payer["warranty"]) in text  # payer shares
    assert "厂家保修" in text
    # pending additional work is listed separately, outside the total
    for description in workshop.pending:
        assert squash(description) in flat
    assert money_with_symbol(priced.pending.gross) in text
    assert "客户尚未确认" in text
    # the customer's approval of the wiper job is on record
    assert "车主陈先生" in text and "电话确认" in text


def _rects(pdf: bytes) -> int:
    content = PdfReader(BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    return len(re.findall(r" re\b", content))


def test_job_card_draws_the_order_qr_code(session, actors, workshop, monkeypatch) -> None:
    from reportlab.graphics.shapes import Drawing

    from app.printing import sections

    order = load_order(session, workshop.order_id)
    real, payloads = sections.qr_drawing, []

    def spy(payload: str, *args, **kwargs):
        payloads.append(payload)
        return real(payload, *args, **kwargs)

    monkeypatch.setattr(sections, "qr_drawing", spy)
    with_qr = _rects(render_document(session, actors["advisor"], "job_card", order.id))
    assert payloads == [f"BAYLINE:{order.number}"] == [qr_payload(order.number)]
    monkeypatch.setattr(sections, "qr_drawing", lambda payload, *a, **k: Drawing(1, 1))
    without = _rects(render_document(session, actors["advisor"], "job_card", order.id))
    # the code is drawn as filled squares of dark modules: many of them
    assert with_qr - without > 60


def test_technician_copy_has_no_prices_and_no_phone(session, actors, workshop) -> None:
    pdf = render_document(session, actors["foreman"], "technician_copy", workshop.order_id)
    text = "\n".join(pdf_text(pdf))
    flat = squash(text)
    order = load_order(session, workshop.order_id)
    assert order.number in text and order.vehicle.plate in flat
    assert PHONE not in flat and "5678" not in flat  # not even masked
    assert "¥" not in text
    for job in order.labour_lines:
        assert squash(job.description) in flat
    for part in order.part_lines:
        assert squash(part.description) in flat
    for price in {money(j.hourly_rate) for j in order.labour_lines} | {
            money(p.unit_price) for p in order.part_lines} | {"15.00"}:
        assert not has_amount(text, price), price
    assert hours(D("1.20")) in text  # standard hours are shown
    for expected in ("王师傅", "B01", "自检", "质检", "检验发现", "派工单", "客户同意前请勿施工"):
        assert expected in text


def test_estimate_has_prices_a_validity_date_in_shop_time_and_acceptance(
        session, actors, workshop) -> None:
    # 18:30 UTC is 02:30 the next day in Shanghai: the validity counts from the local date
    with pinned(datetime(2026, 3, 1, 18, 30, tzinfo=UTC)):
        pdf = render_document(session, actors["advisor"], "estimate", workshop.order_id)
    text = "\n".join(pdf_text(pdf))
    priced = price_order(session, load_order(session, workshop.order_id))
    assert "估价单" in text
    assert squash("本估价单有效期至 2026-03-09（7 天）") in squash(text)
    assert "2026-03-02 02:30" in text  # printed at, shop time
    assert money_with_symbol(priced.totals.gross) in text
    assert "客户确认" in text
    assert PHONE not in squash(text)


def test_settlement_of_an_invoiced_order_prints_the_invoice_not_the_order(
        session, actors, workshop) -> None:
    invoice_id = complete_and_invoice(session, actors, workshop)
    invoice = session.get(Invoice, invoice_id)
    pay(session, actors, invoice_id,
        [PaymentPart("cash", D("500.00"), tendered=D("500.00")),
         PaymentPart("wechat_pay", D("300.00"), reference="WX4200001234"),
         PaymentPart("account", invoice.warranty_share, payer="warranty")], "settle-1")
    # someone changes a price on the order afterwards: the statement keeps the invoice's
    job = session.query(LabourLine).filter_by(repair_order_id=workshop.order_id,
                                              operation_code="MNT-10K").one()
    job.hourly_rate = D("999.00")
    session.flush()

    pdf = render_document(session, actors["cashier"], "settlement", workshop.order_id)
    text = "\n".join(pdf_text(pdf))
    flat = squash(text)
    assert invoice.number in text and load_order(session, workshop.order_id).number in text
    assert "未结算" not in text
    for line in invoice.lines:
        assert squash(line.description) in flat
        assert has_amount(text, money(line.gross)), line.description
    assert not has_amount(text, money(D("999.00") * D("1.2")))
    for value in (invoice.net_total, invoice.tax_total, invoice.gross_total):
        assert money_with_symbol(value) in text
    assert has_amount(text, money(invoice.customer_share))
    assert has_amount(text, money(invoice.warranty_share))
    assert "厂家保修" in text and "客户" in text
    for method, amount in (("现金", "500.00"), ("微信支付", "300.00"), ("挂账", None)):
        assert method in text
        assert amount is None or has_amount(text, amount)
    assert "WX4200001234" in text
    from app.formatting import rmb_in_capitals

    assert "金额大写" in text  # the total in capitals, as the invoice's own gross
    assert squash(rmb_in_capitals(invoice.gross_total)) in flat
    balance = invoice_balance(session, invoice_id)
    assert balance == invoice.customer_share - D("800.00")
    assert money_with_symbol(balance) in text
    assert render_invoice(session, actors["cashier"], invoice_id)[:5] == b"%PDF-"


def test_settlement_before_invoicing_is_marked_provisional(session, actors, workshop) -> None:
    pdf = render_document(session, actors["advisor"], "settlement", workshop.order_id)
    text = "\n".join(pdf_text(pdf))
    priced = price_order(session, load_order(session, workshop.order_id))
    assert current_invoice(session, workshop.order_id) is None
    assert "未结算" in text and "不作为结算凭证" in text
    assert money_with_symbol(priced.totals.gross) in text
    for description in workshop.pending:  # not billable: not on the statement
        assert squash(description) not in squash(text)


def test_credit_note_prints_negative_amounts_the_original_and_the_reason(
        session, actors) -> None:
    cashier, manager = actors["cashier"], actors["service_manager"]
    order = make_completed_order(session, cashier)
    from app.cashier.invoicing import settle_order

    original = settle_order(session, cashier, order.id)
    note = issue_credit_note(session, manager, original.id, reason="工时单价录错")
    pdf = render_invoice(session, cashier, note.id, lang="zh_CN")
    text = "\n".join(pdf_text(pdf))
    assert note.number in text and original.number in text and "工时单价录错" in text
    assert "红字结算单" in text
    assert money_with_symbol(note.gross_total) == "-¥872.00"
    assert money_with_symbol(note.gross_total) in text
    for line in note.lines:
        assert line.gross < 0 and has_amount(text, money(line.gross))
    # a cashier role without orders.view may print a credit note, not an invoice
    till_only = Actor(user_id=cashier.user_id, username="x", full_name="x", role="cashier",
                      permissions=frozenset({"cashier.credit"}))
    assert render_invoice(session, till_only, note.id)[:5] == b"%PDF-"
    with pytest.raises(PermissionDenied):
        render_invoice(session, till_only, original.id)


def test_gate_pass_after_hand_over_only(session, actors, workshop) -> None:
    with pytest.raises(DomainError):
        render_document(session, actors["advisor"], "gate_pass", workshop.order_id)
    invoice_id = complete_and_invoice(session, actors, workshop)
    invoice = session.get(Invoice, invoice_id)
    pay(session, actors, invoice_id,
        [PaymentPart("card", invoice.customer_share),
         PaymentPart("account", invoice.warranty_share, payer="warranty")], "gate-1")
    progress.deliver(session, actors["advisor"], workshop.order_id,
                     expected_version=order_version(session, workshop.order_id))
    order = load_order(session, workshop.order_id)
    pdf = render_document(session, actors["advisor"], "gate_pass", workshop.order_id)
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 420)  # A5 landscape
    text = reader.pages[0].extract_text()
    assert order.gate_pass_number and order.gate_pass_number in text
    assert text.count(order.vehicle.plate) == 2  # the pass and the guard's stub
    assert order.number in text and invoice.number in text
    assert actors["advisor"].full_name in text  # released by
    assert "门卫联" in text and "出门条" in text


def test_a_long_order_flows_over_pages_numbered_x_of_y(session, actors) -> None:
    advisor = actors["advisor"]
    order = builders.checked_in_order(session, advisor)
    for i in range(60):
        add_labour_line(session, advisor, order.id, hours="0.5", operation_code=f"OP-{i:03d}",
                        description=f"检查项目第{i:03d}项：底盘螺栓紧固、管路渗漏检查并记录结果")
    pdf = render_document(session, advisor, "job_card", order.id)
    pages = pdf_text(pdf)
    total = len(pages)
    assert total >= 3
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页/共{total}页" in squash(page)
        assert order.number in page
    flat = squash("".join(pages))
    for i in range(60):
        assert f"OP-{i:03d}" in flat
    # the jobs table header is repeated on the pages it continues on
    assert all("标准工时" in page for page in pages[1:-1])
    assert money_with_symbol(price_order(session, order).totals.gross) in "".join(pages)


@pytest.mark.parametrize("lang, present, absent", [
    ("en", ["Repair order", "Plate", "Customer signature", "Page 1 of"], ["委托书", "车牌"]),
    ("zh_TW", ["維修委託書", "車牌", "第 1 頁"], ["维修委托书", "车牌"]),
    ("zh_CN", ["维修委托书", "车牌", "第 1 页", "Plate"], ["維修委託書"]),
])
def test_labels_follow_the_document_language(session, actors, workshop, lang, present,
                                             absent) -> None:
    pdf = render_document(session, actors["advisor"], "job_card", workshop.order_id,
                          lang=lang)
    text = "\n".join(pdf_text(pdf))
    for word in present:
        assert word in text, word
    for word in absent:
        assert word not in text, word
    stored = next(j.description for j in load_order(session, workshop.order_id).labour_lines
                  if j.operation_code == "BRK-FR")
    assert stored.startswith(LONG_JOB[:8])
    assert squash(stored) in squash(text)  # the order's own text is printed as entered


def test_chinese_is_embedded_not_left_to_the_reader(session, actors, workshop) -> None:
    pdf = render_document(session, actors["advisor"], "technician_copy", workshop.order_id)
    fonts = PdfReader(BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    descriptors = [f.get_object()["/FontDescriptor"].get_object()
                   for f in fonts.values() if "/FontDescriptor" in f.get_object()]
    assert descriptors and all("/FontFile2" in d for d in descriptors)


def test_printing_needs_orders_view_and_a_known_document(session, actors, workshop) -> None:
    nobody = Actor(user_id=1, username="n", full_name="n", role="x",
                   permissions=frozenset({"parts.view"}))
    with pytest.raises(PermissionDenied):
        render_document(session, nobody, "job_card", workshop.order_id)
    with pytest.raises(ValidationError):
        render_document(session, actors["advisor"], "picking_list", workshop.order_id)
    assert render_document(session, actors["technician"], "technician_copy",
                           workshop.order_id)[:5] == b"%PDF-"


def test_document_amounts_use_the_lines_of_their_type(session, actors, workshop) -> None:
    """Charges are printed once, in the other-charges table (not among jobs or parts)."""
    pdf = render_document(session, actors["advisor"], "job_card", workshop.order_id)
    text = "\n".join(pdf_text(pdf))
    charge = [p for p in price_order(session, load_order(session, workshop.order_id)).lines
              if p.line_type == LineType.CHARGE]
    assert len(charge) == 1 and text.count("环保处理费") == 1


def test_a_long_part_number_and_the_model_print_whole_and_in_order(session, actors) -> None:
    """A part number is never broken over two lines (VARTA-55B24 / L), and the model reads
    brand, model, trim (丰田 卡罗拉 1.5L 先锋版), on the job card and on the settlement."""
    from app.orders.lines import add_part_line
    from tests.factories import make_part

    advisor = actors["advisor"]
    veh = builders.vehicle(session, advisor, series="1.5L 先锋版")
    order = builders.checked_in_order(session, advisor, veh)
    part = make_part(session, actors["parts_clerk"], "VARTA-55B24L-EFB", 3,
                     name="蓄电池 55B24L EFB 启停", sale_price="780.00")
    add_part_line(session, advisor, order.id, part_id=part.id, quantity="1",
                  expected_version=order_version(session, order.id))
    for kind in ("job_card", "settlement"):
        text = "\n".join(pdf_text(render_document(session, advisor, kind, order.id)))
        assert "VARTA-55B24L-EFB" in text.replace(" ", ""), kind  # on one line
        assert "丰田 卡罗拉 1.5L 先锋版" in text, kind


def test_job_card_states_labour_and_parts_apart_and_asks_about_the_old_parts(
        session, actors, workshop) -> None:
    """工时费 and 材料费 each with its subtotal (the repair regulation's wording), and a tick
    box for what becomes of the replaced parts."""
    pdf = render_document(session, actors["advisor"], "job_card", workshop.order_id)
    text = "\n".join(pdf_text(pdf))
    priced = price_order(session, load_order(session, workshop.order_id))
    inclusive = priced.prices_include_tax
    for line_type, label in ((LineType.LABOUR, "工时费小计"), (LineType.PART, "材料费小计")):
        group = [p for p in priced.lines if p.billable and p.line_type == line_type]
        assert len(group) > 1
        subtotal = sum((amount_of(p, inclusive) for p in group), Decimal(0))
        lines = text.splitlines()
        at = next(i for i, line in enumerate(lines) if label in line)
        row = " ".join(lines[at:at + 2])  # the amount may be extracted on the next line
        assert has_amount(row, money(subtotal)), (label, row)
    assert "旧件处理" in text and "客户带走" in text and "由本店处理" in text
