"""The labour operation catalogue: the seeded operations, finding by code or name, adding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.errors import PermissionDenied, ValidationError
from app.orders.catalogue import create_operation, find_operations, operation_rate
from app.setup.reference import LABOUR_OPERATIONS, ensure_reference_data
from db.models import LabourOperation


def test_the_common_operations_are_seeded_once(session) -> None:
    count = select(func.count(LabourOperation.id))
    assert session.scalar(count) == len(LABOUR_OPERATIONS) >= 20
    ensure_reference_data(session)
    assert session.scalar(count) == len(LABOUR_OPERATIONS)
    oil = session.scalar(select(LabourOperation).where(LabourOperation.code == "OIL-FLT"))
    assert oil.name == "更换机油机滤" and oil.standard_hours == Decimal("0.50")


def test_find_by_code_prefix_or_name_fragment(session, technician_actor) -> None:
    codes = [op.code for op in find_operations(session, technician_actor, " mnt ")]
    assert codes == ["MNT-10K", "MNT-5K"]
    exact_first = find_operations(session, technician_actor, "mnt-5k")
    assert [op.code for op in exact_first] == ["MNT-5K"]
    brakes = find_operations(session, technician_actor, "刹车片")
    assert {op.code for op in brakes} == {"BRK-PAD-F", "BRK-PAD-R"}
    assert find_operations(session, technician_actor, "") == []
    assert len(find_operations(session, technician_actor, "更换", limit=3)) == 3


def test_like_wildcards_match_literally(session, manager) -> None:
    create_operation(session, manager, code="A_B1", name="测试一", standard_hours="1")
    create_operation(session, manager, code="AXB1", name="测试二", standard_hours="1")
    create_operation(session, manager, code="PCT", name="100%检测", standard_hours="0.5")
    assert [op.code for op in find_operations(session, manager, "a_")] == ["A_B1"]
    assert [op.code for op in find_operations(session, manager, "%")] == ["PCT"]
    assert find_operations(session, manager, "\\") == []


def test_create_an_operation(session, manager) -> None:
    op = create_operation(session, manager, code=" ｅｖ-ｂａｔ ", name="动力电池检测",
                          standard_hours="2.5", category="新能源", labour_rate_code="std")
    assert (op.code, op.standard_hours, op.category) == ("EV-BAT", Decimal("2.50"), "新能源")
    assert operation_rate(session, op) == Decimal("180.00")
    assert find_operations(session, manager, "动力电池")[0].id == op.id


@pytest.mark.parametrize(("fields", "field"), [
    ({"code": "MNT-5K"}, "code"),  # exists already
    ({"code": ""}, "code"),
    ({"code": "保养"}, "code"),
    ({"name": " "}, "name"),
    ({"standard_hours": "-1"}, "standard_hours"),
    ({"standard_hours": "1.234"}, "standard_hours"),
    ({"labour_rate_code": "NOPE"}, "labour_rate_code"),
])
def test_bad_operations_are_refused(session, manager, fields, field) -> None:
    data = {"code": "NEW-1", "name": "新项目", "standard_hours": "1", **fields}
    with pytest.raises(ValidationError) as err:
        create_operation(session, manager, **data)
    assert err.value.field == field
    assert err.value.message("zh_CN") != err.value.message("en")


def test_only_the_shop_configuration_may_add_operations(session, advisor) -> None:
    with pytest.raises(PermissionDenied):
        create_operation(session, advisor, code="X1", name="x", standard_hours="1")
