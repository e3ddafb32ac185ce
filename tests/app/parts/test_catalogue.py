"""The parts catalogue: creating parts with validation, and finding them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.errors import PermissionDenied, ValidationError
from app.parts.catalogue import create_part, escape_like, find_parts, normalise_part_no
from db.models import BinLocation, Part, Supplier


def test_create_part_normalises_and_creates_bin_and_supplier(session, parts_clerk) -> None:
    part = create_part(session, parts_clerk, part_no=" ｐ－００１ab ", name=" 机油滤清器 ",
                       sale_price="￥58.5", cost_price="32", unit="个", bin_code="a-03-2",
                       supplier_name="广州丰田配件", min_qty="2", max_qty=10, brand="TOYOTA")
    session.commit()
    assert part.part_no == "P-001AB"
    assert part.name == "机油滤清器"
    assert part.sale_price == Decimal("58.50")
    assert part.cost_price == Decimal("32.00")
    assert part.tax_rate == Decimal("0.1300")
    assert part.on_hand == 0 and part.reserved == 0 and part.active
    assert part.bin is not None and part.bin.code == "A-03-2"
    assert part.supplier is not None and part.supplier.name == "广州丰田配件"
    again = create_part(session, parts_clerk, part_no="P-002", name="空气滤清器",
                        sale_price=80, bin_code="A-03-2", supplier_name="广州丰田配件")
    assert again.bin_id == part.bin_id and again.supplier_id == part.supplier_id
    assert session.scalar(select(func.count()).select_from(BinLocation)) == 1
    assert session.scalar(select(func.count()).select_from(Supplier)) == 1


def test_duplicate_part_number_names_the_field(session, parts_clerk) -> None:
    create_part(session, parts_clerk, part_no="04152-YZZA1", name="机滤", sale_price=58)
    with pytest.raises(ValidationError) as err:
        create_part(session, parts_clerk, part_no="０４１５２-yzza1", name="机滤", sale_price=58)
    assert err.value.field == "part_no"
    assert "04152-YZZA1" in err.value.message("en")
    assert "04152-YZZA1" in err.value.message("zh_CN")


@pytest.mark.parametrize(("field", "kwargs"), [
    ("part_no", {"part_no": "   "}),
    ("part_no", {"part_no": "X" * 41}),
    ("name", {"name": ""}),
    ("sale_price", {"sale_price": "-1"}),
    ("sale_price", {"sale_price": "1.005"}),
    ("sale_price", {"sale_price": 1.5}),
    ("cost_price", {"cost_price": "abc"}),
    ("tax_rate", {"tax_rate": "2"}),
    ("unit", {"unit": ""}),
    ("min_qty", {"min_qty": "-1"}),
    ("max_qty", {"min_qty": 5, "max_qty": 2}),
])
def test_bad_input_is_refused_field_by_field(session, parts_clerk, field, kwargs) -> None:
    values = {"part_no": "P-9", "name": "刹车片", "sale_price": "100", **kwargs}
    with pytest.raises(ValidationError) as err:
        create_part(session, parts_clerk, **values)
    assert err.value.field == field
    assert session.scalar(select(func.count()).select_from(Part)) == 0


def test_only_parts_editors_create_parts(session, advisor, cashier) -> None:
    for actor in (advisor, cashier):
        with pytest.raises(PermissionDenied):
            create_part(session, actor, part_no="P-1", name="x", sale_price=1)


def test_find_parts_by_number_prefix_or_name(session, parts_clerk, advisor) -> None:
    for no, name in [("90915-YZZD4", "机油滤清器"), ("90915-10003", "机滤 (旧款)"),
                     ("17801-0H050", "空气滤清器"), ("04465-02220", "前刹车片 Brake pad"),
                     ("X90915", "其它")]:
        create_part(session, parts_clerk, part_no=no, name=name, sale_price=10)
    assert [p.part_no for p in find_parts(session, advisor, "90915")] == [
        "90915-10003", "90915-YZZD4"]
    assert [p.part_no for p in find_parts(session, advisor, "90915-yzzd4")] == ["90915-YZZD4"]
    assert {p.part_no for p in find_parts(session, advisor, "滤清器")} == {
        "90915-YZZD4", "17801-0H050"}
    assert [p.part_no for p in find_parts(session, advisor, "brake")] == ["04465-02220"]
    assert find_parts(session, advisor, "  ") == []
    assert len(find_parts(session, advisor, "9", limit=1)) == 1


def test_find_parts_exact_number_first_and_inactive_hidden(session, parts_clerk,
                                                          advisor) -> None:
    create_part(session, parts_clerk, part_no="AB1", name="zz AB1 kit", sale_price=1)
    create_part(session, parts_clerk, part_no="AB", name="part ab", sale_price=1)
    old = create_part(session, parts_clerk, part_no="AB2", name="old", sale_price=1)
    old.active = False
    session.flush()
    assert [p.part_no for p in find_parts(session, advisor, "ab")] == ["AB", "AB1"]
    assert [p.part_no for p in find_parts(session, advisor, "ab", include_inactive=True)] == [
        "AB", "AB1", "AB2"]


def test_find_parts_treats_like_wildcards_literally(session, parts_clerk, advisor) -> None:
    create_part(session, parts_clerk, part_no="A_1", name="100% 纯正", sale_price=1)
    create_part(session, parts_clerk, part_no="AB1", name="1000 pieces", sale_price=1)
    create_part(session, parts_clerk, part_no="C\\D", name="back\\slash", sale_price=1)
    assert [p.part_no for p in find_parts(session, advisor, "A_")] == ["A_1"]
    assert [p.part_no for p in find_parts(session, advisor, "100%")] == ["A_1"]
    assert [p.part_no for p in find_parts(session, advisor, "%")] == ["A_1"]
    assert [p.part_no for p in find_parts(session, advisor, "c\\")] == ["C\\D"]


def test_find_parts_needs_parts_view(session, actors) -> None:
    with pytest.raises(PermissionDenied):
        find_parts(session, actors["customer_care"], "x")


@given(st.text(max_size=30))
def test_part_number_normalisation_is_idempotent(text: str) -> None:
    once = normalise_part_no(text)
    assert normalise_part_no(once) == once
    assert once == once.strip()


@given(st.text(alphabet="ab%_\\", max_size=12))
def test_escaped_like_pattern_has_no_bare_wildcards(text: str) -> None:
    escaped = escape_like(text)
    i = 0
    unescaped = []
    while i < len(escaped):
        if escaped[i] == "\\":
            unescaped.append(escaped[i + 1])
            i += 2
            continue
        assert escaped[i] not in "%_"
        unescaped.append(escaped[i])
        i += 1
    assert "".join(unescaped) == text
