"""The repair order editor on a real database (both backends): lines, totals, discounts,
additional work, dispatch, the workflow buttons and the concurrency conflict."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.orders.catalogue import create_operation
from app.orders.checkin import CheckInData, update_check_in
from app.orders.progress import record_customer_signature, submit_estimate
from app.orders.queries import load_order, order_version
from app.orders.totals import price_order
from db.enums import JobStatus, LineType, OrderStatus
from db.models import AuditEntry, LabourLine, PartLine, StockReservation
from tests.builders import order_with_lines
from tests.factories import make_part
from tests.ui.conftest import settle_operations
from ui.orders import dialogs
from ui.orders.texts import money


def build_order(database, advisor) -> int:
    with database.transaction() as s:
        return order_with_lines(s, advisor).id


def signed_order(database, advisor) -> int:
    with database.transaction() as s:
        order = order_with_lines(s, advisor)
        submit_estimate(s, advisor, order.id, expected_version=order_version(s, order.id))
        record_customer_signature(s, advisor, order.id,
                                  expected_version=order_version(s, order.id))
        return order.id


def priced(database, order_id):
    with database.reading() as s:
        return price_order(s, load_order(s, order_id))


def cell(tab, row: int, key: str) -> str:
    model = tab.model
    return model.index(row, model.column_of(key)).data()


def test_open_order_shows_its_lines_and_the_service_totals(database, advisor, manager,
                                                           open_editor) -> None:
    order_id = build_order(database, advisor)
    with database.transaction() as s:
        from app.orders.lines import add_part_line
        part = make_part(s, manager, "OF-100", 8, sale_price="58.00")
        add_part_line(s, advisor, order_id, part_id=part.id, quantity="2")
    editor = open_editor(advisor, order_id)
    jobs = editor.tabs_by_type[LineType.LABOUR]
    parts = editor.tabs_by_type[LineType.PART]
    charges = editor.tabs_by_type[LineType.CHARGE]
    assert [cell(jobs, r, "description") for r in range(jobs.model.rowCount())] == [
        "常规保养", "更换前刹车片"]
    assert cell(jobs, 0, "code") == "MNT-10K" and cell(jobs, 1, "price") == "200.00"
    assert cell(parts, 0, "code") == "OF-100" and cell(parts, 0, "quantity") == "2"
    # adding the part reserved it (one operation): 2 of the 8 are held for this order
    assert cell(parts, 0, "on_hand") == "8" and cell(parts, 0, "reserved") == "2"
    assert cell(parts, 0, "available") == "6"
    assert cell(charges, 0, "description") == "环保处理费"
    expected = priced(database, order_id)
    by_line = {(p.line_type, p.line_id): p.amounts.gross for p in expected.lines}
    for tab in (jobs, parts, charges):
        for row in tab.model.rows:
            assert row.gross == by_line[(row.line_type, row.line_id)]
    assert editor.totals.gross.text() == money(expected.totals.gross)
    assert editor.totals.net.text() == money(expected.totals.net)
    assert editor.totals.tax.text() == money(expected.totals.tax)
    assert editor.header.number.text() == editor.state.number
    assert editor.current_order_id() == order_id
    assert editor.tabs.tabText(0) == "&Jobs (2)"


def test_add_a_catalogue_job_and_a_scanned_part(qtbot, database, advisor, manager,
                                                open_editor) -> None:
    order_id = build_order(database, advisor)
    with database.transaction() as s:
        create_operation(s, manager, code="ZQ-BRK", name="更换前刹车片(含检测)",
                         standard_hours="1.20")
        part = make_part(s, manager, "BP-2024", 5, name="前刹车片", sale_price="320.00")
        part_id = part.id
    editor = open_editor(advisor, order_id)
    entry = editor.job_entry
    entry.search.setFocus()
    settle_operations()
    qtbot.keyClicks(entry.search, "zq")
    settle_operations()
    entry.search.look_up()
    settle_operations()
    assert entry.search.hits.rowCount() == 1
    entry.choose(entry.search.hits.item(0).data(Qt.ItemDataRole.UserRole + 1))
    settle_operations()
    assert entry.hours.text() == "1.2" and entry.chosen_code() == "ZQ-BRK"
    assert editor.has_unsaved_changes()
    qtbot.keyClick(entry.hours, Qt.Key.Key_Return)
    settle_operations()
    assert not editor.has_unsaved_changes() and entry.search.text() == ""
    # scanner: the part number and Enter, the cursor back in the field
    editor.tabs.setCurrentIndex(1)
    settle_operations()
    scan = editor.part_entry.search
    scan.setFocus()
    qtbot.keyClicks(scan, "BP-2024")
    settle_operations()
    qtbot.keyClick(scan, Qt.Key.Key_Return)
    settle_operations()
    assert scan.text() == "" and editor.focusWidget() is scan

    expected = priced(database, order_id)
    assert editor.totals.gross.text() == money(expected.totals.gross)
    assert expected.totals.gross == Decimal("445.00") + Decimal("216.00") + Decimal("320.00")
    with database.reading() as s:
        job = s.scalar(select(LabourLine).where(LabourLine.repair_order_id == order_id,
                                                LabourLine.operation_code == "ZQ-BRK"))
        assert job is not None and job.hours == Decimal("1.20")
        assert job.description == "更换前刹车片(含检测)"
        line = s.scalar(select(PartLine).where(PartLine.repair_order_id == order_id))
        assert line.part_id == part_id and line.quantity == Decimal("1")
        held = s.scalar(select(StockReservation).where(StockReservation.part_line_id
                                                       == line.id))
        assert held is not None and held.quantity == Decimal("1")
    parts = editor.tabs_by_type[LineType.PART]
    assert cell(parts, 0, "reserved") == "1" and cell(parts, 0, "available") == "4"


def test_a_part_without_stock_is_added_unreserved_and_shown_short(qtbot, database, advisor,
                                                                   manager,
                                                                   open_editor) -> None:
    order_id = build_order(database, advisor)
    with database.transaction() as s:
        make_part(s, manager, "AF-1", 0, name="空气滤芯", sale_price="90.00")
    editor = open_editor(advisor, order_id)
    editor.tabs.setCurrentIndex(1)
    settle_operations()
    editor.part_entry.search.setText("AF-1")
    settle_operations()
    qtbot.keyClick(editor.part_entry.search, Qt.Key.Key_Return)
    settle_operations()
    parts = editor.tabs_by_type[LineType.PART]
    assert parts.model.rowCount() == 1 and parts.model.rows[0].short
    assert parts.model.index(0, parts.model.column_of("available")).data(
        Qt.ItemDataRole.ForegroundRole).name() == "#b71c1c"
    assert "AF-1" in parts.note.text() and parts.note.isVisibleTo(editor)


def test_discount_above_the_advisors_limit_needs_a_manager(qtbot, database, advisor, manager,
                                                            open_editor, monkeypatch) -> None:
    order_id = build_order(database, advisor)
    asked: list[Decimal] = []

    def refuse(_parent, _database, _lang, discount, limit):
        asked.append(discount)
        return None

    monkeypatch.setattr(dialogs, "ask_manager_approval", refuse)
    editor = open_editor(advisor, order_id)
    entry = editor.job_entry
    entry.search.setText("四轮定位")
    settle_operations()
    entry.hours.setText("1")
    settle_operations()
    entry.discount.setText("25")
    settle_operations()
    entry.submit()
    settle_operations()
    assert asked == [Decimal("0.25")]
    assert entry.search.text() == "四轮定位"  # nothing saved, nothing lost
    assert editor.tabs_by_type[LineType.LABOUR].model.rowCount() == 2

    monkeypatch.setattr(dialogs, "ask_manager_approval",
                        lambda *_args: asked.append(Decimal(1)) or manager)
    entry.submit()
    settle_operations()
    assert entry.search.text() == ""
    with database.reading() as s:
        line = s.scalar(select(LabourLine).where(LabourLine.description == "四轮定位"))
        assert line.discount == Decimal("0.2500")
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "discount.approve"))
        assert audit is not None and audit.user_id == manager.user_id
        assert advisor.username in audit.after
    # within the limit: no manager asked
    asked.clear()
    entry.search.setText("洗车")
    settle_operations()
    entry.hours.setText("0.3")
    settle_operations()
    entry.discount.setText("10")
    settle_operations()
    entry.submit()
    settle_operations()
    assert asked == [] and entry.search.text() == ""


def test_new_line_after_signature_is_pending_until_the_customer_agrees(
        qtbot, database, advisor, open_editor, answers) -> None:
    order_id = build_order(database, advisor)
    editor = open_editor(advisor, order_id)
    assert editor.actions.buttons["estimate"].isVisible()
    assert not editor.actions.buttons["sign"].isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_F5)  # a button's shortcut clicks it after a moment
    settle_operations()
    qtbot.waitUntil(lambda: editor.state.status == OrderStatus.ESTIMATED)
    qtbot.keyClick(editor, Qt.Key.Key_F6)
    settle_operations()
    qtbot.waitUntil(lambda: editor.state.status == OrderStatus.APPROVED)
    gross_before = editor.state.totals.gross

    editor.tabs.setCurrentIndex(2)
    settle_operations()
    editor.charge_entry.description.setText("空调清洗")
    settle_operations()
    editor.charge_entry.amount.setText("120")
    settle_operations()
    editor.charge_entry.submit()
    settle_operations()
    charges = editor.tabs_by_type[LineType.CHARGE]
    pending = [r for r in charges.model.rows if r.pending]
    assert [r.description for r in pending] == ["空调清洗"]
    row = charges.model.rows.index(pending[0])
    assert cell(charges, row, "state") == "Awaiting customer approval"
    assert charges.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).name() == "#ffe7a3"
    assert editor.pending_banner.isVisible() and "120.00" in editor.pending_banner.text.text()
    assert editor.state.totals.gross == gross_before  # not billable yet

    qtbot.keyClick(editor, Qt.Key.Key_F4)
    settle_operations()
    qtbot.waitUntil(lambda: editor.active_dialog is not None)
    dialog = editor.active_dialog
    assert isinstance(dialog, dialogs.CustomerApprovalDialog)
    assert dialog.amount.text() == "120.00"
    assert dialog.approved_by.text() == "陈晓明"
    dialog.method.setCurrentIndex(dialog.method.findData("phone"))
    settle_operations()
    dialog.extra_minutes.setValue(30)
    settle_operations()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    settle_operations()
    assert not dialog.isVisible()
    assert not editor.state.pending and not editor.pending_banner.isVisible()
    assert editor.state.totals.gross == gross_before + Decimal("120.00")
    with database.reading() as s:
        order = load_order(s, order_id)
        (approval,) = order.approvals
        assert (approval.approved_by, approval.method, approval.extra_minutes,
                approval.amount) == ("陈晓明", "phone", 30, Decimal("120.00"))


def test_dispatch_sends_jobs_to_a_technician_and_the_order_goes_in_progress(
        qtbot, database, advisor, open_editor) -> None:
    order_id = signed_order(database, advisor)
    editor = open_editor(advisor, order_id)
    qtbot.keyClick(editor, Qt.Key.Key_F7)
    settle_operations()
    qtbot.waitUntil(lambda: editor.active_dialog is not None)
    dialog = editor.active_dialog
    assert isinstance(dialog, dialogs.DispatchDialog) and len(dialog.jobs) == 2
    tech = dialog.technician_boxes[0]
    tech.setCurrentIndex(tech.findText("T02", Qt.MatchFlag.MatchStartsWith))
    bay = dialog.bay_boxes[0]
    bay.setCurrentIndex(bay.findText("B01", Qt.MatchFlag.MatchStartsWith))
    dialog.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    settle_operations()
    dialog.accept()
    settle_operations()
    assert editor.state.status == OrderStatus.IN_PROGRESS
    jobs = editor.tabs_by_type[LineType.LABOUR]
    assert cell(jobs, 0, "state") == "Dispatched · 李师傅 · B01"
    with database.reading() as s:
        first, second = load_order(s, order_id).labour_lines
        assert first.status == JobStatus.DISPATCHED and first.technician_id is not None
        assert second.status == JobStatus.OPEN and second.technician_id is None


def test_removing_a_signed_line_asks_why(database, advisor, open_editor, answers) -> None:
    order_id = signed_order(database, advisor)
    editor = open_editor(advisor, order_id)
    charges = editor.tabs_by_type[LineType.CHARGE]
    editor.tabs.setCurrentIndex(2)
    settle_operations()
    charges.table.selectRow(0)
    answers["reason"] = None
    editor.remove_selected_line()
    settle_operations()
    assert charges.model.rowCount() == 1  # backed out: nothing removed
    answers["reason"] = "客户自带"
    editor.remove_selected_line()
    settle_operations()
    assert charges.model.rowCount() == 0
    assert [a[0] for a in answers["asked"]] == ["reason", "reason"]
    with database.reading() as s:
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "line.remove"))
        assert audit is not None and audit.reason == "客户自带"


def test_edit_a_line_in_its_dialog(qtbot, database, advisor, open_editor) -> None:
    order_id = build_order(database, advisor)
    editor = open_editor(advisor, order_id)
    jobs = editor.tabs_by_type[LineType.LABOUR]
    jobs.table.setFocus()
    jobs.table.selectRow(1)
    qtbot.keyClick(jobs.table, Qt.Key.Key_F2)
    settle_operations()
    dialog = editor.active_dialog
    assert isinstance(dialog, dialogs.LineDialog)
    assert (dialog.quantity.text(), dialog.price.text()) == ("0.8", "200.00")
    assert editor.has_unsaved_changes()
    dialog.quantity.setText("1.1")
    settle_operations()
    dialog.payer.setCurrentIndex(dialog.payer.findData("warranty"))
    settle_operations()
    dialog.accept()
    settle_operations()
    assert not dialog.isVisible() and not editor.has_unsaved_changes()
    assert [(r.description, r.quantity, r.payer) for r in jobs.model.rows] == [
        ("常规保养", Decimal("1.50"), "customer"), ("更换前刹车片", Decimal("1.10"), "warranty")]
    assert cell(jobs, 1, "payer") == "Warranty"
    expected = priced(database, order_id)
    assert editor.totals.gross.text() == money(expected.totals.gross)
    assert expected.totals.by_payer["warranty"] == Decimal("220.00")
    assert editor.totals.payers["warranty"].text() == "220.00"


def test_a_refused_edit_keeps_the_dialog_open_with_the_reason(database, advisor,
                                                              open_editor) -> None:
    order_id = build_order(database, advisor)
    editor = open_editor(advisor, order_id)
    jobs = editor.tabs_by_type[LineType.LABOUR]
    jobs.table.selectRow(0)
    editor.edit_line()
    settle_operations()
    dialog = editor.active_dialog
    dialog.quantity.setText("abc")
    settle_operations()
    dialog.accept()
    settle_operations()
    assert dialog.isVisible() and dialog.message.isVisibleTo(dialog)
    assert "Standard hours" in dialog.message.text()
    assert dialog.quantity.text() == "abc"
    assert len(load_lines(database, order_id)) == 2
    dialog.reject()
    settle_operations()


def load_lines(database, order_id):
    with database.reading() as s:
        return [(j.description, j.hours) for j in load_order(s, order_id).labour_lines]


def test_only_the_allowed_workflow_steps_are_offered(database, advisor, foreman,
                                                     open_editor) -> None:
    order_id = build_order(database, advisor)
    editor = open_editor(advisor, order_id)
    shown = {code for code, b in editor.actions.buttons.items() if b.isVisible()}
    assert shown == {"estimate", "cancel", "print"}
    assert editor.actions.buttons["estimate"].text() == "F5  Estimate"
    assert editor.job_entry.isEnabled()
    viewer = open_editor(foreman, order_id)  # may dispatch, may not edit lines
    shown = {code for code, b in viewer.actions.buttons.items() if b.isVisible()}
    assert shown == {"print"}
    assert not viewer.job_entry.isEnabled() and not viewer.pending_banner.isVisible()


def test_cancel_asks_for_a_reason(database, advisor, open_editor, answers) -> None:
    order_id = build_order(database, advisor)
    editor = open_editor(advisor, order_id)
    editor.actions.buttons["cancel"].click()
    settle_operations()
    assert editor.state.status == OrderStatus.CANCELLED
    assert editor.header.status.text() == "cancelled"
    assert not editor.job_entry.isEnabled()
    with database.reading() as s:
        assert load_order(s, order_id).cancel_reason == "客户改变主意"


# -- concurrency ---------------------------------------------------------------------------


def test_a_change_committed_in_between_is_a_conflict_and_reload_brings_it_in(
        database, advisor, manager, open_editor, answers) -> None:
    order_id = build_order(database, advisor)
    editor = open_editor(advisor, order_id)
    with database.transaction() as s:  # another desk corrects the complaint
        order = load_order(s, order_id)
        update_check_in(s, manager, order_id, CheckInData(
            mileage_in=order.mileage_in, customer_description="异响来自左前轮"),
            expected_version=order.version)
    entry = editor.job_entry
    entry.search.setText("检查左前轮")
    settle_operations()
    entry.hours.setText("0.5")
    settle_operations()
    entry.submit()
    settle_operations()
    assert editor.conflict_shown()
    assert "changed by someone else" in editor.conflict.text.text()
    assert entry.search.text() == "检查左前轮"  # what was typed is kept
    assert len(load_lines(database, order_id)) == 2  # nothing saved
    editor.conflict.button.click()
    settle_operations()
    assert not editor.conflict_shown()
    assert "异响来自左前轮" in editor.header.complaint.text()
    assert answers["asked"] == []  # nothing to discard: no question
    entry.submit()
    settle_operations()
    assert not editor.conflict_shown()
    assert ("检查左前轮", Decimal("0.50")) in load_lines(database, order_id)


def test_two_editors_the_second_save_is_refused_and_nothing_is_overwritten(
        qtbot, database, advisor, open_editor, answers) -> None:
    order_id = build_order(database, advisor)
    first = open_editor(advisor, order_id)
    second = open_editor(advisor, order_id)
    second.tabs.setCurrentIndex(3)
    settle_operations()
    second.check_in.complaint.setPlainText("客户说：空调不凉")
    settle_operations()
    assert second.has_unsaved_changes()
    first.tabs.setCurrentIndex(3)
    settle_operations()
    first.check_in.valuables.setText("行车记录仪")
    settle_operations()
    first.check_in.valuables.textEdited.emit("行车记录仪")
    settle_operations()
    first.save_check_in()
    settle_operations()
    qtbot.waitUntil(lambda: not first.check_in.is_dirty())
    qtbot.waitUntil(lambda: second.state.version == first.state.version)
    assert second.check_in.complaint.toPlainText() == "客户说：空调不凉"  # kept while typing

    second.save_check_in()
    settle_operations()
    qtbot.waitUntil(second.conflict_shown)
    assert not first.conflict_shown()
    with database.reading() as s:
        order = load_order(s, order_id)
        assert (order.valuables, order.customer_description) == ("行车记录仪", "做保养，刹车有异响")

    answers["confirm"] = False
    second.conflict.button.click()  # asked, and said no: the typing stays
    settle_operations()
    assert second.conflict_shown()
    assert second.check_in.complaint.toPlainText() == "客户说：空调不凉"
    answers["confirm"] = True
    second.conflict.button.click()
    settle_operations()
    assert not second.conflict_shown() and not second.has_unsaved_changes()
    assert second.check_in.valuables.text() == "行车记录仪"
    assert second.check_in.complaint.toPlainText() == "做保养，刹车有异响"
    assert [a[0] for a in answers["asked"]] == ["confirm", "confirm"]


def test_unsaved_typing_is_reported_and_closing_asks(database, advisor, open_editor,
                                                     answers) -> None:
    order_id = build_order(database, advisor)
    editor = open_editor(advisor, order_id)
    assert not editor.has_unsaved_changes()
    editor.charge_entry.description.setText("拖车费")
    settle_operations()
    assert editor.has_unsaved_changes()
    answers["confirm"] = False
    assert not editor.close()
    assert editor.isVisible() and answers["asked"][0][0] == "confirm"
    answers["confirm"] = True
    assert editor.close()


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW", "en"])
def test_the_editor_builds_at_1366_by_768_in_each_language(qapp, database, advisor, manager,
                                                           open_editor, lang) -> None:
    from ui.i18n import set_language

    with database.transaction() as s:
        order = order_with_lines(s, advisor)
        from app.orders.lines import add_part_line
        part = make_part(s, manager, "OF-100", 1, sale_price="58.00")
        add_part_line(s, advisor, order.id, part_id=part.id, quantity="2")
        order_id = order.id
    set_language(qapp, lang)
    editor = open_editor(advisor, order_id, lang)
    assert editor.size().width() == 1366 and editor.size().height() == 768
    assert editor.minimumSizeHint().width() <= 1366
    assert editor.minimumSizeHint().height() <= 768
    titles = {"zh_CN": "工时项目", "zh_TW": "工時項目", "en": "Jobs"}
    assert titles[lang] in editor.tabs.tabText(0).replace("&", "")
    estimate = {"zh_CN": "估价", "zh_TW": "估價", "en": "Estimate"}
    assert estimate[lang] in editor.actions.buttons["estimate"].text()
    editor.grab().save(f"/tmp/order_editor_{lang}_{database.backend}.png")
    settle_operations()
    editor.tabs.setCurrentIndex(1)
    settle_operations()
    editor.grab().save(f"/tmp/order_editor_parts_{lang}_{database.backend}.png")
    settle_operations()
    editor.tabs.setCurrentIndex(3)
    settle_operations()
    editor.grab().save(f"/tmp/order_editor_checkin_{lang}_{database.backend}.png")
    settle_operations()


# -- completion, hand-over and printing -----------------------------------------------------


def test_review_call_and_deliver_with_a_gate_pass(qtbot, database, advisor, cashier,
                                                  open_editor, no_printing) -> None:
    from app.cashier.invoicing import settle_order
    from app.cashier.payments import PaymentPart, take_payments
    from tests.factories import make_completed_order

    with database.transaction() as s:
        order_id = make_completed_order(s, advisor).id
    editor = open_editor(advisor, order_id)
    assert editor.header.status.text() == "completed"
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    settle_operations()
    qtbot.waitUntil(lambda: editor.state.reviewed_at is not None)
    qtbot.keyClick(editor, Qt.Key.Key_F9)
    settle_operations()
    qtbot.waitUntil(lambda: editor.state.customer_called_at is not None)
    assert not editor.actions.buttons["deliver"].isVisible()
    with database.transaction() as s:  # the cashier settles and the customer pays
        invoice = settle_order(s, cashier, order_id)
        take_payments(s, cashier, invoice.id, [PaymentPart("wechat_pay", invoice.gross_total,
                                                           reference="WX1")],
                      idempotency_key="pay-1")
    editor.reload()
    settle_operations()
    assert editor.actions.buttons["deliver"].isVisible()
    assert "balance 0.00" in editor.totals.invoice.text()
    qtbot.keyClick(editor, Qt.Key.Key_F10)
    settle_operations()
    qtbot.waitUntil(lambda: editor.state.status == OrderStatus.DELIVERED)
    assert editor.state.gate_pass_number
    assert [kind for kind, _pdf in no_printing] == ["gate_pass"]
    assert no_printing[0][1].startswith(b"%PDF")


def test_print_menu_renders_the_documents_of_the_order(database, advisor, open_editor,
                                                       no_printing) -> None:
    order_id = build_order(database, advisor)
    editor = open_editor(advisor, order_id)
    actions = editor.actions.print_actions
    assert not actions["settlement"].isVisible() and not actions["gate_pass"].isVisible()
    actions["job_card"].trigger()
    settle_operations()
    actions["technician_copy"].trigger()
    settle_operations()
    assert [kind for kind, _pdf in no_printing] == ["job_card", "technician_copy"]
    assert all(pdf.startswith(b"%PDF") for _kind, pdf in no_printing)


def test_the_manager_approval_dialog_signs_the_manager_in(qtbot, database, advisor,
                                                          manager) -> None:
    from tests.factories import TEST_PASSWORD

    dialog = dialogs.ManagerApprovalDialog(database, "en", Decimal("0.25"), Decimal("0.10"))
    qtbot.addWidget(dialog)
    dialog.username.setText("service_manager")
    settle_operations()
    dialog.password.setText("wrong")
    settle_operations()
    dialog.accept()
    settle_operations()
    assert dialog.approver is None and dialog.message.text() == "Wrong user name or password."
    dialog.username.setText("advisor")
    settle_operations()
    dialog.password.setText(TEST_PASSWORD)
    settle_operations()
    dialog.accept()
    settle_operations()
    assert dialog.approver is None and "may not approve" in dialog.message.text()
    dialog.username.setText("service_manager")
    settle_operations()
    dialog.password.setText(TEST_PASSWORD)
    settle_operations()
    dialog.accept()
    settle_operations()
    assert dialog.approver is not None and dialog.approver.user_id == manager.user_id
    assert dialog.result() == dialog.DialogCode.Accepted


def test_function_keys_belong_to_the_editor_only_while_the_cursor_is_in_it(
        qtbot, database, advisor) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

    from ui.orders.editor import OrderEditor

    order_id = build_order(database, advisor)
    host = QWidget()  # like the reception page: its own F5 for the rest of the screen
    qtbot.addWidget(host)
    search = QLineEdit(host)
    editor = OrderEditor(database, advisor, "en", host)
    layout = QHBoxLayout(host)
    layout.addWidget(search)
    layout.addWidget(editor, 1)
    refreshed: list[int] = []
    shortcut = QShortcut(QKeySequence("F5"), host)
    shortcut.activated.connect(lambda: refreshed.append(1))
    host.resize(1366, 768)
    editor.open_order(order_id)
    settle_operations()
    host.show()
    qtbot.waitExposed(host)
    settle_operations()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)

    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_F5)
    settle_operations()
    assert refreshed == [1] and editor.state.status == OrderStatus.OPEN
    editor.job_entry.search.setFocus()
    settle_operations()
    qtbot.keyClick(editor.job_entry.search, Qt.Key.Key_F5)
    settle_operations()
    assert refreshed == [1] and editor.state.status == OrderStatus.ESTIMATED
    # F5 is no longer offered (the order is estimated): the key is the screen's again
    qtbot.keyClick(editor.job_entry.search, Qt.Key.Key_F5)
    settle_operations()
    assert refreshed == [1, 1]


# -- editing a signed line in place ----------------------------------------------------------


def test_editing_a_signed_line_keeps_it_in_place_and_billable(qtbot, database, advisor,
                                                              open_editor, monkeypatch) -> None:
    order_id = signed_order(database, advisor)
    editor = open_editor(advisor, order_id)
    jobs = editor.tabs_by_type[LineType.LABOUR]
    before = [(r.line_id, r.position) for r in jobs.model.rows]
    gross_before = editor.state.totals.gross
    jobs.table.setFocus()
    jobs.table.selectRow(0)  # 常规保养 1.5 h × 180.00 = 270.00
    editor.edit_line()
    settle_operations()
    dialog = editor.active_dialog
    assert isinstance(dialog, dialogs.LineDialog) and dialog.needs_reason
    dialog.quantity.setText("1.0")
    settle_operations()
    dialog.accept()  # no reason yet: refused in the dialog, nothing saved
    settle_operations()
    assert dialog.isVisible() and dialog.message.isVisibleTo(dialog)
    dialog.reason.setText("只做基础保养")
    settle_operations()
    dialog.accept()
    settle_operations()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [(r.line_id, r.position) for r in jobs.model.rows] == before
    first = jobs.model.rows[0]
    assert first.quantity == Decimal("1.00") and first.billable and not first.pending
    assert editor.state.totals.gross == gross_before - Decimal("90.00")
    assert not editor.pending_banner.isVisible()

    # raising it asks how the customer agreed; cancelled: the dialog keeps what was typed
    consents: list[str] = []
    monkeypatch.setattr(dialogs, "ask_consent",
                        lambda _parent, text, name: consents.append(text) or None)
    jobs.table.selectRow(0)
    editor.edit_line()
    settle_operations()
    dialog = editor.active_dialog
    dialog.quantity.setText("2.0")
    settle_operations()
    dialog.reason.setText("发现需要深度保养")
    settle_operations()
    dialog.accept()
    settle_operations()
    assert len(consents) == 1 and "180.00" in consents[0] and "360.00" in consents[0]
    assert dialog.isVisible() and dialog.quantity.text() == "2.0"
    from app.orders.lines import CustomerConsent

    monkeypatch.setattr(dialogs, "ask_consent",
                        lambda _parent, _text, name: CustomerConsent(name, "in_person"))
    dialog.accept()
    settle_operations()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [(r.line_id, r.position) for r in jobs.model.rows] == before
    assert jobs.model.rows[0].billable and jobs.model.rows[0].quantity == Decimal("2.00")
    assert editor.state.totals.gross == gross_before + Decimal("90.00")
    assert [a.amount for a in editor.state.approvals] == [Decimal("180.00")]
    assert editor.state.approvals[0].approved_by == "陈晓明"


def test_a_job_in_the_workshop_is_not_opened_for_editing(qtbot, database, advisor, foreman,
                                                          open_editor) -> None:
    from app.orders.progress import dispatch_jobs
    from tests.builders import technician

    order_id = signed_order(database, advisor)
    with database.transaction() as s:
        job = load_order(s, order_id).labour_lines[0]
        dispatch_jobs(s, foreman, order_id, [(job.id, technician(s).id, None)],
                      expected_version=order_version(s, order_id))
    editor = open_editor(advisor, order_id)
    jobs = editor.tabs_by_type[LineType.LABOUR]
    assert not jobs.model.rows[0].editable and jobs.model.rows[1].editable
    jobs.table.selectRow(0)
    editor.edit_line()
    settle_operations()
    assert editor.active_dialog is None
    qtbot.waitUntil(lambda: any("workshop" in box.text() for box in
                                editor.findChildren(dialogs.QMessageBox, "editorMessage")))


def test_a_step_key_that_is_not_offered_says_why(qtbot, database, advisor,
                                                 open_editor) -> None:
    from app.orders.delivery import review_completed
    from app.orders.queries import order_version
    from tests.factories import make_completed_order

    with database.transaction() as s:
        order = make_completed_order(s, advisor, plate="粤B70001")
        order_id = order.id
    with database.transaction() as s:
        review_completed(s, advisor, order_id, expected_version=order_version(s, order_id))
    editor = open_editor(advisor, order_id)
    assert not editor.actions.buttons["review"].isVisibleTo(editor)
    assert "✓ reviewed" in editor.header.milestones.text()
    qtbot.keyClick(editor.tabs, Qt.Key.Key_F8)
    assert editor.notice.isVisible()
    assert "Completion review: already done on" in editor.notice.text()
    assert editor.state.reviewed_by in editor.notice.text()
    qtbot.keyClick(editor.tabs, Qt.Key.Key_F10)  # deliver: not before the invoice
    assert "Deliver + gate pass is not possible now: the order is" in editor.notice.text()


def test_the_same_part_twice_is_said_under_the_table(qtbot, database, advisor, manager,
                                                     open_editor) -> None:
    order_id = build_order(database, advisor)
    with database.transaction() as s:
        part_id = make_part(s, manager, "OIL-0W20", 50, name="机油", sale_price="98.00").id
    editor = open_editor(advisor, order_id)
    editor.tabs.setCurrentIndex(1)
    from ui.orders.line_entry import PartInput

    for _ in range(2):
        editor.add_part(PartInput(part_id=part_id, part_no="OIL-0W20", quantity="4",
                                  discount="", payer="customer"))
        settle_operations()
    parts = editor.tabs_by_type[LineType.PART]
    assert parts.note.isVisible()
    assert "OIL-0W20 was already on this order (4)" in parts.note.text()
