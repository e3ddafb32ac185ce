"""The order editor's view: header, customer (masked phone), lines with stock, pending work,
approvals, history, totals, invoice and the actions each role may take — in a fixed number of
queries."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import event

from app.cashier.invoicing import settle_order
from app.orders import progress
from app.orders.lines import LineRef, add_labour_line, add_part_line, record_approval
from app.orders.queries import job_order_version, order_version
from app.orders.view import ACTIONS, allowed_actions, order_view
from app.parts.stock import reserve_for_line
from db.enums import LineType, OrderStatus
from tests import builders
from tests.factories import make_completed_order, make_part

D = Decimal


def _order_with_parts(session, advisor, parts_clerk, count: int, *, prefix: str):
    order = builders.order_with_lines(session, advisor)
    lines = []
    for i in range(count):
        part = make_part(session, parts_clerk, f"{prefix}-{i}", on_hand=10, name=f"零件{i}")
        line = add_part_line(session, advisor, order.id, part_id=part.id, quantity="2").line
        reserve_for_line(session, advisor, line.id)
        lines.append(line)
    return order, lines


def test_the_view_shows_lines_with_stock_and_totals(session, advisor, parts_clerk) -> None:
    order, (line,) = _order_with_parts(session, advisor, parts_clerk, 1, prefix="OIL")
    other = builders.checked_in_order(session, advisor)
    reserve_for_line(session, advisor, add_part_line(session, advisor, other.id,
                                                     part_id=line.part_id, quantity="3").line_id)
    view = order_view(session, advisor, order.id)
    assert (view.number, view.status, view.status_label) == (order.number, "open", "checked in")
    assert view.version == order.version and view.advisor == "Test advisor"
    assert view.customer.name == "陈晓明" and view.customer.phone == "+8613812345678"
    assert view.vehicle.plate == order.vehicle.plate and view.vehicle.description == "丰田 卡罗拉"
    assert view.check_in.customer_description == "做保养，刹车有异响"
    assert [(x.line_type, x.description) for x in view.lines] == [
        (LineType.LABOUR, "常规保养"), (LineType.LABOUR, "更换前刹车片"),
        (LineType.PART, "零件0"), (LineType.CHARGE, "环保处理费")]
    part = view.lines[2]
    assert part.stock is not None
    assert (part.stock.on_hand, part.stock.reserved, part.stock.available) == (
        D("10.000"), D("5.000"), D("5.000"))
    assert part.issued_qty == D("0.000") and part.part_id == line.part_id
    assert view.lines[0].stock is None and view.lines[0].job_status == "open"
    # 1.5 h × 180 + 0.8 h × 200 + 2 × 58.00 + 15.00
    assert view.totals.gross == D("561.00") == sum(x.gross for x in view.lines)
    assert view.totals.by_payer == {"customer": D("561.00")}
    assert view.invoice_number is None and view.invoice_balance is None and not view.settled
    assert [h.to_status for h in view.history] == ["open"]
    assert view.pending == () and view.approvals == ()


def test_pending_work_approvals_and_history(session, advisor) -> None:
    order = builders.order_with_lines(session, advisor)
    progress.submit_estimate(session, advisor, order.id,
                             expected_version=order_version(session, order.id))
    progress.record_customer_signature(session, advisor, order.id,
                                       expected_version=order_version(session, order.id))
    extra = add_labour_line(session, advisor, order.id, description="更换雨刮片", hours="0.2")
    view = order_view(session, advisor, order.id)
    assert [x.line_id for x in view.pending] == [extra.id]
    assert view.pending[0].pending and not view.pending[0].billable
    assert view.pending_totals.gross == D("36.00")
    assert [h.to_status for h in view.history] == ["open", "estimated", "approved"]
    assert view.history[-1].user == "Test advisor" and view.history[-1].to_label
    record_approval(session, advisor, order.id, [LineRef(LineType.LABOUR, extra.id)],
                    approved_by="车主陈先生", method="phone",
                    expected_version=order_version(session, order.id))
    view = order_view(session, advisor, order.id)
    assert view.pending == ()
    assert [(a.approved_by, a.amount, a.recorded_by) for a in view.approvals] == [
        ("车主陈先生", D("36.00"), "Test advisor")]


def test_the_phone_is_masked_without_contact_rights(session, advisor, technician_actor) -> None:
    order = builders.checked_in_order(session, advisor)
    view = order_view(session, technician_actor, order.id)
    assert view.customer.phone == "138****5678"
    assert view.customer.phones == ("138****5678",)


def test_allowed_actions_per_status_and_role(session, advisor, foreman, technician_actor,
                                             cashier) -> None:
    order = builders.order_with_lines(session, advisor)
    assert order_view(session, advisor, order.id).allowed_actions == {
        "edit_lines", "estimate", "cancel"}
    assert order_view(session, technician_actor, order.id).allowed_actions == frozenset()
    progress.submit_estimate(session, advisor, order.id,
                             expected_version=order_version(session, order.id))
    assert order_view(session, advisor, order.id).allowed_actions == {
        "edit_lines", "sign", "cancel"}
    progress.record_customer_signature(session, advisor, order.id,
                                       expected_version=order_version(session, order.id))
    tech = builders.technician(session)
    progress.dispatch_job(session, foreman, order.labour_lines[0].id, technician_id=tech.id,
                          expected_version=job_order_version(session, order.labour_lines[0].id))
    assert order_view(session, advisor, order.id).allowed_actions == {
        "edit_lines", "dispatch", "send_to_qc", "cancel"}
    assert order_view(session, technician_actor, order.id).allowed_actions == {"send_to_qc"}
    assert order_view(session, foreman, order.id).allowed_actions == {"dispatch", "send_to_qc"}

    done = make_completed_order(session, advisor, plate="粤B77777")
    assert allowed_actions(done.status, advisor) == {
        "review", "call", "cancel", "print_settlement"}
    assert allowed_actions(done.status, technician_actor) == frozenset()
    assert allowed_actions(done.status, advisor, reviewed=True) == {
        "call", "cancel", "print_settlement"}  # the review is not offered twice
    invoice = settle_order(session, cashier, done.id)
    view = order_view(session, advisor, done.id)
    assert view.allowed_actions == {"call", "deliver", "print_settlement"}
    assert view.invoice_number == invoice.number
    assert view.invoice_balance == invoice.gross_total == D("872.00") and not view.settled
    assert order_view(session, cashier, done.id).allowed_actions == {"print_settlement"}
    assert allowed_actions(OrderStatus.CLOSED, advisor) == {"print_settlement"}
    assert allowed_actions(OrderStatus.CANCELLED, advisor) == frozenset()
    everything = set().union(*(allowed_actions(s, advisor) for s in OrderStatus))
    assert everything <= ACTIONS and {"estimate", "deliver", "review"} <= everything


def test_the_number_of_queries_does_not_grow_with_the_lines(session, database, advisor,
                                                            parts_clerk, foreman) -> None:
    small, _ = _order_with_parts(session, advisor, parts_clerk, 1, prefix="S")
    large, _ = _order_with_parts(session, advisor, parts_clerk, 6, prefix="L")
    for order in (small, large):
        progress.submit_estimate(session, advisor, order.id,
                                 expected_version=order_version(session, order.id))
        progress.record_customer_signature(session, advisor, order.id,
                                           expected_version=order_version(session, order.id))
        tech = builders.technician(session)
        for job in order.labour_lines:
            progress.dispatch_job(session, foreman, job.id, technician_id=tech.id, bay_id=None,
                                  expected_version=job_order_version(session, job.id))
    session.commit()

    def count(order_id: int) -> int:
        session.expunge_all()
        statements: list[str] = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(database.engine, "before_cursor_execute", listener)
        try:
            view = order_view(session, advisor, order_id)
        finally:
            event.remove(database.engine, "before_cursor_execute", listener)
        assert all(x.stock is not None for x in view.lines if x.line_type == LineType.PART)
        assert view.lines[0].technician == "王师傅"
        return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))

    assert count(small.id) == count(large.id)
