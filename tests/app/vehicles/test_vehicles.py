"""Vehicles: plate/VIN validation, owner history, mileage rules, service history."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.vehicles.history import vehicle_history
from app.vehicles.service import (
    VehicleData,
    change_owner,
    create_vehicle,
    record_mileage,
)
from db.models import AuditEntry
from tests import builders


def test_plate_and_vin_are_normalised(session, advisor) -> None:
    owner = builders.customer(session, advisor)
    saved = create_vehicle(session, advisor, VehicleData(plate="粵b 1234５",
                                                         vin=builders.VALID_VIN.lower()),
                           owner_id=owner.id)
    assert saved.vehicle.plate == "粤B12345"
    assert saved.vehicle.vin == builders.VALID_VIN
    assert saved.vehicle.vin_reversed == builders.VALID_VIN[::-1]


def test_duplicate_plate_and_vin_are_refused(session, advisor) -> None:
    builders.vehicle(session, advisor, plate="粤B55555", vin=builders.VALID_VIN)
    owner = builders.customer(session, advisor)
    with pytest.raises(ValidationError) as err:
        create_vehicle(session, advisor, VehicleData(plate="粤B55555"), owner_id=owner.id)
    assert err.value.field == "plate"
    with pytest.raises(ValidationError) as err:
        create_vehicle(session, advisor, VehicleData(plate="粤B55556", vin=builders.VALID_VIN),
                       owner_id=owner.id)
    assert err.value.field == "vin"


def test_chinese_vin_with_wrong_check_digit_is_refused(session, advisor) -> None:
    owner = builders.customer(session, advisor)
    bad = builders.VALID_VIN[:8] + ("1" if builders.VALID_VIN[8] != "1" else "2") \
        + builders.VALID_VIN[9:]
    with pytest.raises(ValidationError) as err:
        create_vehicle(session, advisor, VehicleData(plate="粤B77777", vin=bad),
                       owner_id=owner.id)
    assert err.value.field == "vin"


def test_change_of_owner_keeps_history(session, advisor) -> None:
    first = builders.customer(session, advisor, name="甲")
    second = builders.customer(session, advisor, name="乙", phone="13900001111")
    veh = builders.vehicle(session, advisor, first)
    change_owner(session, advisor, veh.id, second.id)
    session.refresh(veh)
    assert veh.owner_id == second.id
    periods = [(o.customer_id, o.until is None) for o in veh.ownerships]
    assert periods == [(first.id, False), (second.id, True)]
    assert session.scalar(select(AuditEntry).where(AuditEntry.action == "vehicle.owner"))


def test_lower_mileage_needs_a_reason_and_is_audited(session, advisor) -> None:
    veh = builders.vehicle(session, advisor, mileage_km=50000)
    with pytest.raises(ValidationError) as err:
        record_mileage(session, advisor, veh, 42000)
    assert err.value.field == "mileage"
    assert "50000" in err.value.message("en")
    record_mileage(session, advisor, veh, "42,000 km", lower_reason="仪表更换")
    assert veh.mileage_km == 42000
    assert session.scalar(select(AuditEntry).where(
        AuditEntry.action == "vehicle.mileage_lower")).reason == "仪表更换"


@pytest.mark.parametrize("bad", ["-1", "12.5", "abc", 4_000_000])
def test_mileage_must_be_whole_kilometres(session, advisor, bad) -> None:
    veh = builders.vehicle(session, advisor)
    with pytest.raises(ValidationError):
        record_mileage(session, advisor, veh, bad)


def test_history_lists_visits_newest_first(session, advisor) -> None:
    veh = builders.vehicle(session, advisor, mileage_km=10000)
    first = builders.checked_in_order(session, advisor, veh, mileage=15000)
    second = builders.checked_in_order(session, advisor, veh, mileage=25000)
    history = vehicle_history(session, advisor, veh.id)
    assert [v.number for v in history.visits][:2] in ([second.number, first.number],
                                                      [first.number, second.number])
    assert {v.mileage_in for v in history.visits} == {15000, 25000}
    assert [r.km for r in history.readings] == [10000, 15000, 25000]
