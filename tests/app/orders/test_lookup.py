"""Finding orders by number or plate, and by what a barcode/QR scanner types."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import PermissionDenied
from app.orders import progress
from app.orders.lookup import find_orders, order_by_scan
from app.orders.queries import order_version
from app.security.actor import Actor
from tests import builders

NOBODY = Actor(user_id=1, username="x", full_name="x", role="x", permissions=frozenset())


@pytest.fixture
def orders(session, advisor):
    veh = builders.vehicle(session, advisor, plate="粤B12345")
    first = builders.order_with_lines(session, advisor)  # RO000001, another car
    done = builders.checked_in_order(session, advisor, veh)  # RO000002, cancelled below
    progress.cancel_order(session, advisor, done.id, reason="客户不修了",
                          expected_version=order_version(session, done.id))
    current = builders.checked_in_order(session, advisor, veh, mileage=veh.mileage_km + 100)
    return first, done, current


def test_find_by_number_prefix_or_digits(session, advisor, orders) -> None:
    first, done, current = orders
    assert [r.number for r in find_orders(session, advisor, "ro 000 00")] == [
        current.number, done.number, first.number]
    assert [r.id for r in find_orders(session, advisor, "RO000002")] == [done.id]
    assert [r.id for r in find_orders(session, advisor, "1")] == [first.id]
    assert [r.id for r in find_orders(session, advisor, "３")] == [current.id]  # full width
    assert find_orders(session, advisor, "R") == [] and find_orders(session, advisor, "") == []
    assert find_orders(session, advisor, "RO%") == []


def test_open_orders_of_a_plate(session, advisor, orders) -> None:
    first, _cancelled, current = orders
    rows = find_orders(session, advisor, "粤b 123")
    assert [r.id for r in rows] == [current.id]  # the cancelled order is not open
    row = rows[0]
    assert (row.plate, row.vehicle, row.customer, row.advisor) == (
        "粤B12345", "丰田 卡罗拉", "陈晓明", "Test advisor")
    assert row.status == "open" and row.status_label == "checked in"
    assert row.total == Decimal("0.00")
    assert find_orders(session, advisor, first.number)[0].total == Decimal("445.00")


SCANS_OF_RO000003 = [
    "RO000003", "RO000003\n", "  ro000003\r\n", "BAYLINE:RO000003", "bayline:RO000003\t",
    "ＲＯ０００００３", "]Q1BAYLINE:RO000003", "https://bayline.local/o/RO000003"]
NOT_AN_ORDER = ["", "\n", "hello", "RO999999", "BAYLINE:", "123"]


def test_scanner_text_opens_the_order(session, advisor, orders) -> None:
    found = {text: order_by_scan(session, advisor, text) for text in SCANS_OF_RO000003}
    assert found == dict.fromkeys(SCANS_OF_RO000003, orders[2].id)
    assert [order_by_scan(session, advisor, text) for text in NOT_AN_ORDER] == [
        None] * len(NOT_AN_ORDER)


def test_looking_up_needs_orders_view(session, orders) -> None:
    with pytest.raises(PermissionDenied):
        find_orders(session, NOBODY, "RO")
    with pytest.raises(PermissionDenied):
        order_by_scan(session, NOBODY, "RO000001")
