"""The card's read model: a fleet customer's other vehicles come with any one of them."""

from __future__ import annotations

from app.reception import queries
from app.reception.queries import card_data
from tests import builders


def test_the_card_lists_the_customers_vehicles_and_how_many_more(
        session, advisor, monkeypatch) -> None:
    fleet = builders.customer(session, advisor, name="广州市安捷物流有限公司",
                              phone="13911112222", kind="company")
    plates = ["粤A10005", "粤A10001", "粤A10004", "粤A10002", "粤A10003"]
    cars = {p: builders.vehicle(session, advisor, fleet, plate=p) for p in plates}
    someone_else = builders.vehicle(session, advisor, plate="粤A19999")
    monkeypatch.setattr(queries, "FLEET_SHOWN", 3)
    card = card_data(session, advisor, vehicle_id=cars["粤A10004"].id)
    assert [v.plate for v in card.fleet] == ["粤A10001", "粤A10002", "粤A10003"]  # by plate
    assert card.fleet_size == 5 and someone_else.id not in {v.id for v in card.fleet}
    assert card.fleet[0].name == "丰田 卡罗拉"
    by_customer = card_data(session, advisor, customer_id=fleet.id)
    assert by_customer.vehicle is None and by_customer.fleet_size == 5
    lonely = builders.customer(session, advisor, name="周末", phone="13800001111")
    assert card_data(session, advisor, customer_id=lonely.id).fleet == ()
