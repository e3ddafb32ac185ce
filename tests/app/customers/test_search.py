"""What one search hit tells the advisor, how hits are ranked, and what is listed."""

from __future__ import annotations

from app.customers.search import search
from app.orders.progress import cancel_order
from app.orders.queries import order_version
from tests import builders


def test_a_hit_carries_owner_primary_phone_last_visit_and_open_orders(session, advisor,
                                                                      cashier) -> None:
    owner = builders.customer(session, advisor, name="欧阳娜娜", phone="13987654321")
    veh = builders.vehicle(session, advisor, owner, plate="粤A8K2M9", vin=builders.VALID_VIN)
    first = builders.checked_in_order(session, advisor, veh)
    second = builders.checked_in_order(session, advisor, veh, mileage=veh.mileage_km + 9000)
    session.flush()
    [hit] = search(session, cashier, "粤A8K2M9")
    assert (hit.vehicle_id, hit.customer_id) == (veh.id, owner.id)
    assert (hit.plate, hit.vin, hit.vehicle, hit.owner) == (
        "粤A8K2M9", builders.VALID_VIN, "丰田 卡罗拉", "欧阳娜娜")
    assert hit.phone == "+8613987654321"
    assert hit.last_visit == max(first.opened_at, second.opened_at)
    assert hit.open_orders == 2
    cancel_order(session, advisor, second.id, reason="客户改期",
                 expected_version=order_version(session, second.id))
    [hit] = search(session, cashier, "粤A8K2M9")
    assert hit.open_orders == 1


def test_an_exact_plate_comes_first_among_plates_that_share_its_start(session,
                                                                    advisor) -> None:
    for plate in ("粤B12345F", "粤B12345D", "粤B12345"):  # new-energy plates of lorries
        builders.vehicle(session, advisor, plate=plate)
    hits = search(session, advisor, "粤B12345")
    assert [h.plate for h in hits] == ["粤B12345", "粤B12345D", "粤B12345F"]


def test_a_customer_without_a_vehicle_is_listed_once_as_a_customer(session, advisor) -> None:
    lonely = builders.customer(session, advisor, name="司马光", phone="13500001111")
    owner = builders.customer(session, advisor, name="司马迁", phone="13500002222")
    veh = builders.vehicle(session, advisor, owner, plate="粤C00001")
    hits = search(session, advisor, "司马")
    by_customer = {h.customer_id: h for h in hits}
    assert set(by_customer) == {lonely.id, owner.id} and len(hits) == 2
    assert by_customer[lonely.id].vehicle_id is None
    assert (by_customer[lonely.id].plate, by_customer[lonely.id].open_orders) == ("", 0)
    assert by_customer[owner.id].vehicle_id == veh.id  # the owner shows with the vehicle


def test_a_matching_owner_brings_all_their_vehicles(session, advisor) -> None:
    owner = builders.customer(session, advisor, name="诸葛亮", phone="13600003333")
    plates = {builders.vehicle(session, advisor, owner, plate=p).plate
              for p in ("川A11111", "川A22222", "川A33333")}
    assert {h.plate for h in search(session, advisor, "诸葛亮")} == plates


def test_the_limit_caps_the_hits(session, advisor) -> None:
    owner = builders.customer(session, advisor, name="车队客户", phone="13700004444")
    for i in range(8):
        builders.vehicle(session, advisor, owner, plate=f"浙A5{i:04d}")
    assert len(search(session, advisor, "浙A5", limit=5)) == 5
    assert len(search(session, advisor, "浙A5")) == 8


def test_a_phone_suffix_finds_the_customer_by_a_second_number(session, advisor) -> None:
    from app.customers.service import CustomerData, create_customer

    customer = create_customer(session, advisor, CustomerData(
        name="黄忠", phones=["13800005555", "13911117777"]))
    hits = search(session, advisor, "7777")
    assert [h.customer_id for h in hits] == [customer.id]


def test_two_characters_inside_a_plate_a_phone_or_a_company_name_are_found(
        session, advisor) -> None:
    """Two characters are enough, as the hint says, wherever they stand."""
    firm = builders.customer(session, advisor, name="广州市安捷物流有限公司",
                             phone="13911112222", kind="company")
    other = builders.customer(session, advisor, name="深圳市顺达物流有限公司",
                              phone="13933334444", kind="company")
    plain = builders.customer(session, advisor, name="李四", phone="13700007777")
    in_plate = builders.vehicle(session, advisor, plain, plate="粤B3X887")
    phone_owner = builders.customer(session, advisor, name="张三", phone="13655889900")
    by_phone = builders.vehicle(session, advisor, phone_owner, plate="粤C12345")
    found = {h.customer_id for h in search(session, advisor, "物流")}
    assert {firm.id, other.id} <= found and plain.id not in found
    hits = search(session, advisor, "88")
    assert {in_plate.id, by_phone.id} <= {h.vehicle_id for h in hits}
    assert search(session, advisor, "zq") == []


def test_one_chinese_character_finds_a_surname_by_its_start(session, advisor) -> None:
    wang = builders.customer(session, advisor, name="王芳", phone="13522223333")
    builders.customer(session, advisor, name="汪洋", phone="13522224444")
    assert [h.customer_id for h in search(session, advisor, "王")] == [wang.id]
    assert search(session, advisor, "8") == []  # one digit or letter is still too little
    assert search(session, advisor, "A") == []
