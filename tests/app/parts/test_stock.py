"""Receiving, issuing, returning and counting stock: the ledger stays the truth."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import settings
from app.errors import DomainError, InsufficientStock, PermissionDenied, ValidationError
from app.parts.stock import (
    adjust_stock,
    issue_to_order,
    receive_stock,
    return_from_order,
    stock_position,
    verify_ledger,
)
from db.enums import MovementKind, OrderStatus
from db.models import AuditEntry, Part, PartLine, StockMovement
from tests.factories import make_order_with_part_line, make_part


def _movements(session, part_id: int) -> list[StockMovement]:
    return list(session.scalars(select(StockMovement).where(StockMovement.part_id == part_id)
                                .order_by(StockMovement.id)))


def _on_hand(session, part_id: int) -> Decimal:
    return session.execute(select(Part.on_hand).where(Part.id == part_id)).scalar_one()


def test_receive_issue_return_adjust_keep_ledger_and_cache_in_step(session, parts_clerk,
                                                                   manager) -> None:
    part = make_part(session, parts_clerk, "90915-YZZD4", supplier_name="一汽丰田")
    line = make_order_with_part_line(session, parts_clerk, part, "4.5")
    session.commit()

    receipt = receive_stock(session, parts_clerk, part.id, "10", unit_cost="31.50",
                            reference="GRN-7")
    assert receipt.kind == MovementKind.RECEIPT
    assert (receipt.quantity, receipt.balance_after) == (Decimal("10"), Decimal("10"))
    assert receipt.unit_cost == Decimal("31.50")
    assert receipt.supplier_id == part.supplier_id and receipt.reference == "GRN-7"
    assert receipt.user_id == parts_clerk.user_id

    issue = issue_to_order(session, parts_clerk, line.id)  # the whole line by default
    assert issue.kind == MovementKind.ISSUE
    assert issue.quantity == Decimal("-4.5") and issue.balance_after == Decimal("5.5")
    assert issue.repair_order_id == line.repair_order_id and issue.part_line_id == line.id
    assert issue.reference.startswith("RO")
    assert line.issued_qty == Decimal("4.5")

    back = return_from_order(session, parts_clerk, line.id, "1.5")
    assert back.kind == MovementKind.RETURN
    assert back.quantity == Decimal("1.5") and back.balance_after == Decimal("7")
    assert line.issued_qty == Decimal("3")

    count = adjust_stock(session, manager, part.id, "6", reason="盘点 2024Q4")
    assert count is not None and count.kind == MovementKind.ADJUSTMENT
    assert count.quantity == Decimal("-1") and count.balance_after == Decimal("6")
    session.commit()

    assert part.on_hand == Decimal("6")
    assert _on_hand(session, part.id) == Decimal("6")
    pos = stock_position(session, part.id)
    assert pos.on_hand == pos.ledger_sum == Decimal("6") and pos.available == Decimal("6")
    assert [m.balance_after for m in _movements(session, part.id)] == [
        Decimal(x) for x in ("10", "5.5", "7", "6")]
    assert verify_ledger(session) == []


def test_partial_issues_never_exceed_the_line(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=10)
    line = make_order_with_part_line(session, parts_clerk, part, 3)
    issue_to_order(session, parts_clerk, line.id, "1")
    with pytest.raises(ValidationError) as err:
        issue_to_order(session, parts_clerk, line.id, "2.5")
    assert err.value.field == "quantity" and err.value.params["remaining"] == 2
    assert issue_to_order(session, parts_clerk, line.id).quantity == Decimal("-2")
    with pytest.raises(DomainError):
        issue_to_order(session, parts_clerk, line.id)
    assert line.issued_qty == 3
    session.commit()
    assert verify_ledger(session) == []


def test_insufficient_stock_is_refused_and_nothing_is_written(database, session,
                                                              parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=2)
    line = make_order_with_part_line(session, parts_clerk, part, 3)
    session.commit()
    with pytest.raises(InsufficientStock) as err:
        issue_to_order(session, parts_clerk, line.id)
    assert err.value.params == {"part_no": "P-001", "available": 2, "requested": 3}
    assert "P-001" in err.value.message("zh_CN")
    # Nothing was written, not even inside the still-open transaction ...
    assert len(_movements(session, part.id)) == 1
    assert _on_hand(session, part.id) == 2
    assert session.scalar(select(PartLine.issued_qty).where(PartLine.id == line.id)) == 0
    session.rollback()
    # ... and nothing is committed either.
    with database.reading() as fresh:
        assert fresh.scalar(select(func.count()).select_from(StockMovement)) == 1
        assert fresh.get(Part, part.id).on_hand == 2
        assert fresh.get(PartLine, line.id).issued_qty == 0
        assert verify_ledger(fresh) == []


def test_negative_stock_only_when_the_setting_allows_it(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=1)
    line = make_order_with_part_line(session, parts_clerk, part, 3)
    with pytest.raises(InsufficientStock):
        issue_to_order(session, parts_clerk, line.id)
    settings.set_value(session, settings.ALLOW_NEGATIVE_STOCK, True)
    session.flush()
    issue = issue_to_order(session, parts_clerk, line.id)
    assert issue.balance_after == Decimal("-2") and part.on_hand == Decimal("-2")
    session.commit()
    assert verify_ledger(session) == []
    settings.set_value(session, settings.ALLOW_NEGATIVE_STOCK, False)
    session.flush()
    assert any("negative" in p for p in verify_ledger(session))


def test_cannot_return_more_than_was_issued(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=5)
    line = make_order_with_part_line(session, parts_clerk, part, 4)
    with pytest.raises(ValidationError):
        return_from_order(session, parts_clerk, line.id, 1)
    issue_to_order(session, parts_clerk, line.id, 2)
    with pytest.raises(ValidationError) as err:
        return_from_order(session, parts_clerk, line.id, "2.001")
    assert err.value.field == "quantity" and err.value.params["issued"] == 2
    return_from_order(session, parts_clerk, line.id, 2)
    assert line.issued_qty == 0 and part.on_hand == 5
    with pytest.raises(ValidationError):
        return_from_order(session, parts_clerk, line.id, 1)
    assert len(_movements(session, part.id)) == 3
    assert verify_ledger(session) == []


@pytest.mark.parametrize("status", [OrderStatus.DRAFT, OrderStatus.CANCELLED,
                                    OrderStatus.INVOICED, OrderStatus.DELIVERED,
                                    OrderStatus.CLOSED])
def test_no_issue_to_an_order_not_open_for_work(session, parts_clerk, status) -> None:
    part = make_part(session, parts_clerk, on_hand=5)
    line = make_order_with_part_line(session, parts_clerk, part, 1, status=status)
    with pytest.raises(DomainError) as err:
        issue_to_order(session, parts_clerk, line.id)
    assert err.value.params["status"] == status
    assert part.on_hand == 5 and line.issued_qty == 0


def test_returns_follow_the_order_status(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=5)
    line = make_order_with_part_line(session, parts_clerk, part, 2)
    issue_to_order(session, parts_clerk, line.id)
    order = line.repair_order
    order.status = OrderStatus.INVOICED
    session.flush()
    with pytest.raises(DomainError):
        return_from_order(session, parts_clerk, line.id, 1)
    order.status = OrderStatus.CANCELLED  # a cancelled order gives its parts back
    session.flush()
    return_from_order(session, parts_clerk, line.id, 2)
    assert part.on_hand == 5


def test_a_line_without_a_stocked_part_cannot_be_issued(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=5)
    line = make_order_with_part_line(session, parts_clerk, part, 1)
    line.part_id = None
    session.flush()
    with pytest.raises(DomainError):
        issue_to_order(session, parts_clerk, line.id)


def test_permissions_are_checked_in_the_service(session, parts_clerk, cashier,
                                                advisor) -> None:
    part = make_part(session, parts_clerk, on_hand=5)
    line = make_order_with_part_line(session, parts_clerk, part, 1)
    with pytest.raises(PermissionDenied):
        issue_to_order(session, cashier, line.id)
    with pytest.raises(PermissionDenied):
        return_from_order(session, cashier, line.id, 1)
    with pytest.raises(PermissionDenied):
        receive_stock(session, advisor, part.id, 1, unit_cost=1)
    with pytest.raises(PermissionDenied):
        adjust_stock(session, advisor, part.id, 0, reason="x")
    assert part.on_hand == 5 and len(_movements(session, part.id)) == 1


def test_receive_validates_its_input(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk)
    for qty in ("0", "-1", "1.0005", 1.5, "abc"):
        with pytest.raises(ValidationError):
            receive_stock(session, parts_clerk, part.id, qty, unit_cost=1)
    with pytest.raises(ValidationError):
        receive_stock(session, parts_clerk, part.id, 1, unit_cost="-3")
    assert _movements(session, part.id) == [] and part.on_hand == 0


def test_adjustment_is_audited_and_needs_a_reason(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=7)
    with pytest.raises(ValidationError) as err:
        adjust_stock(session, parts_clerk, part.id, 5, reason="  ")
    assert err.value.field == "reason"
    with pytest.raises(ValidationError):
        adjust_stock(session, parts_clerk, part.id, -1, reason="盘点")
    assert adjust_stock(session, parts_clerk, part.id, "7.000", reason="盘点") is None
    assert session.scalar(select(func.count()).select_from(AuditEntry)
                          .where(AuditEntry.action == "stock.adjust")) == 0
    movement = adjust_stock(session, parts_clerk, part.id, "9.5", reason="盘点发现多出")
    session.commit()
    assert movement is not None and movement.quantity == Decimal("2.5")
    assert movement.note == "盘点发现多出" and part.on_hand == Decimal("9.5")
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "stock.adjust")).one()
    assert entry.user_id == parts_clerk.user_id and entry.entity_id == str(part.id)
    assert '"7.000"' in entry.before and '"9.500"' in entry.after
    assert entry.reason == "盘点发现多出"
    assert verify_ledger(session) == []


def test_adjustment_to_zero_then_receipt(session, parts_clerk) -> None:
    part = make_part(session, parts_clerk, on_hand=3)
    assert adjust_stock(session, parts_clerk, part.id, 0, reason="报损").quantity == -3
    assert receive_stock(session, parts_clerk, part.id, 2, unit_cost=5).balance_after == 2
    assert verify_ledger(session) == []
