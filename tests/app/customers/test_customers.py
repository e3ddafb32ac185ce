"""Customers: validation with field names, phones in E.164, optimistic locking, search."""

from __future__ import annotations

import pytest

from app.customers.search import search
from app.customers.service import CustomerData, create_customer, update_customer
from app.errors import ConflictError, PermissionDenied, ValidationError
from tests import builders


def test_create_normalises_phones_and_name(session, advisor) -> None:
    c = create_customer(session, advisor, CustomerData(
        name="  王　芳 ", phones=["138 1234 5678", "１３９００００１１１１", "13812345678"]))
    assert c.name == "王 芳"
    assert [p.number for p in c.phones] == ["+8613812345678", "+8613900001111"]
    assert c.phones[0].is_primary and not c.phones[1].is_primary


@pytest.mark.parametrize(("data", "field"), [
    (CustomerData(name="", phones=["13812345678"]), "name"),
    (CustomerData(name="张三", phones=["12345"]), "phones.0"),
    (CustomerData(name="张三", phones=[]), "phones.0"),
    (CustomerData(name="某公司", kind="company", tax_id="123"), "tax_id"),
    (CustomerData(name="张三", phones=["13812345678"], email="not-an-address"), "email"),
    (CustomerData(name="张三", kind="alien", phones=["13812345678"]), "kind"),
])
def test_bad_input_names_the_field_and_writes_nothing(session, advisor, data, field) -> None:
    from sqlalchemy import func, select

    from db.models import Customer

    before = session.scalar(select(func.count()).select_from(Customer))
    with pytest.raises(ValidationError) as err:
        create_customer(session, advisor, data)
    assert err.value.field == field
    assert session.scalar(select(func.count()).select_from(Customer)) == before


def test_company_with_valid_tax_id(session, advisor) -> None:
    c = create_customer(session, advisor, CustomerData(
        name="广州某某汽车租赁有限公司", kind="company", tax_id="91440101MA59ABCD1X"[:0]
        + "91110000600037341L"))
    assert c.tax_id == "91110000600037341L"


def test_only_permitted_roles_create_customers(session, cashier) -> None:
    with pytest.raises(PermissionDenied):
        create_customer(session, cashier, CustomerData(name="李四", phones=["13812345678"]))


def test_stale_edit_is_refused(database, advisor) -> None:
    with database.transaction() as s:
        c = builders.customer(s, advisor)
        cid, version = c.id, c.version
    with database.transaction() as s:
        update_customer(s, advisor, cid, CustomerData(name="陈晓明二", phones=["13812345678"]),
                        expected_version=version)
    with database.session() as s, pytest.raises(ConflictError):
        update_customer(s, advisor, cid, CustomerData(name="覆盖", phones=["13812345678"]),
                        expected_version=version)


def test_search_by_plate_vin_phone_and_name(session, advisor, cashier) -> None:
    owner = builders.customer(session, advisor, name="欧阳娜娜", phone="13987654321")
    veh = builders.vehicle(session, advisor, owner, plate="粤A8K2M9", vin=builders.VALID_VIN)
    builders.vehicle(session, advisor, plate="京B12345")
    for query in ("粤A8K2M9", "粤a8k", "8K2M", "LVGBE40K", "123456", "4321", "阳娜娜", "欧阳"):
        hits = search(session, advisor, query)
        assert veh.id in [h.vehicle_id for h in hits], query
    hit = next(h for h in search(session, cashier, "欧阳") if h.vehicle_id == veh.id)
    assert hit.phone == "+8613987654321"  # cashier may see contact details
    assert search(session, advisor, "%") == [] or all(h.vehicle_id for h in search(
        session, advisor, "%_"))


def test_search_treats_wildcards_literally(session, advisor) -> None:
    builders.customer(session, advisor, name="周杰")
    assert search(session, advisor, "%%") == []
    assert search(session, advisor, "__") == []


def test_search_masks_phones_for_roles_without_contact_permission(session, advisor,
                                                                  actors) -> None:
    owner = builders.customer(session, advisor, name="赵敏", phone="13712345678")
    builders.vehicle(session, advisor, owner)
    foreman = actors["foreman"]
    hits = search(session, foreman, "赵敏")
    assert hits and hits[0].phone == "137****5678"
