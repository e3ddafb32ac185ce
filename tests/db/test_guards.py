"""The database itself refuses what a race between terminals could write (db.guards), on both
databases; and the services turn such a refusal into the DomainError the user understands."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError
from app.orders import progress
from app.orders.queries import job_order_version
from app.vehicles.service import VehicleData, change_owner, create_vehicle, update_vehicle
from db import guards
from db.models import ClockEntry, Vehicle, VehicleOwnership
from tests import builders


def refused(session: Session, sql: str, **params: object) -> str | None:
    """Run ``sql`` in a savepoint; the guard that refused it (fails if nothing refused it)."""
    with pytest.raises(IntegrityError) as err, session.begin_nested():
        session.execute(text(sql), params)
    return guards.violated_guard(err.value)


def accepted(session: Session, sql: str, **params: object) -> None:
    with session.begin_nested():
        session.execute(text(sql), params)


def _clock(session: Session, job_id: int, tech_id: int, ended: bool) -> str:
    return (f"INSERT INTO clock_entry (labour_line_id, technician_id, started_at, ended_at) "
            f"VALUES ({job_id}, {tech_id}, CURRENT_TIMESTAMP, "
            f"{'CURRENT_TIMESTAMP' if ended else 'NULL'})")


# --- one running clock per technician ------------------------------------------------------


def test_a_second_running_clock_of_a_technician_is_refused(session, advisor) -> None:
    order = builders.order_with_lines(session, advisor)
    first, second = (job.id for job in order.labour_lines)
    tech = builders.technician(session).id
    accepted(session, _clock(session, first, tech, ended=True))
    accepted(session, _clock(session, second, tech, ended=True))  # finished ones: any number
    accepted(session, _clock(session, first, tech, ended=False))
    assert refused(session, _clock(session, second, tech, ended=False)) == guards.CLOCK_RUNNING
    closed = session.scalar(select(ClockEntry.id).where(ClockEntry.ended_at.is_not(None)))
    assert refused(session, "UPDATE clock_entry SET ended_at = NULL WHERE id = :id",
                   id=closed) == guards.CLOCK_RUNNING


def test_technicians_each_have_their_own_running_clock(session, advisor) -> None:
    from db.models import Technician

    order = builders.order_with_lines(session, advisor)
    job = order.labour_lines[0].id
    one, two = session.scalars(select(Technician.id).order_by(Technician.id).limit(2)).all()
    accepted(session, _clock(session, job, one, ended=False))
    accepted(session, _clock(session, job, two, ended=False))
    running = session.scalars(select(ClockEntry.technician_id)
                              .where(ClockEntry.ended_at.is_(None))).all()
    assert sorted(running) == sorted([one, two])  # the guard is per technician, not global


def _before_next_flush(session: Session, write: Callable[[Session], None]) -> None:
    """Another terminal's write landing between a service's check and its own write."""

    done: list[bool] = []

    def once(s: Session, _context: object, _instances: object) -> None:
        if not done:
            done.append(True)
            write(s)

    event.listen(session, "before_flush", once)


def test_clock_on_raced_by_another_terminal_is_a_conflict(session, advisor, foreman,
                                                           technician_actor) -> None:
    order = builders.order_with_lines(session, advisor)
    tech = builders.technician(session).id
    first, second = order.labour_lines
    from app.orders.workflow import change_status
    from db.enums import JobStatus, OrderStatus

    for status in (OrderStatus.ESTIMATED, OrderStatus.APPROVED):
        change_status(session, advisor, order, status)
    for job in (first, second):
        job.status = JobStatus.DISPATCHED
    session.flush()
    first_id, second_id = first.id, second.id
    _before_next_flush(session, lambda s: s.connection().execute(
        text(_clock(s, second_id, tech, ended=False))))
    with pytest.raises(ConflictError) as err:
        progress.clock_on(session, technician_actor, first_id, tech,
                          expected_version=job_order_version(session, first_id))
    assert "clocked on another job" in err.value.message("en")
    assert "开工" in err.value.message("zh_CN")


# --- unique plates ------------------------------------------------------------------------


def test_a_plate_of_another_vehicle_is_refused(session, advisor) -> None:
    owner = builders.customer(session, advisor)
    builders.vehicle(session, advisor, owner, plate="粤B12345")
    other = builders.vehicle(session, advisor, owner, plate="粤B54321")
    insert = ("INSERT INTO vehicle (plate, brand, model, series, colour, engine_no, mileage_km, "
              "owner_id, notes, version, created_at) VALUES (:plate, '', '', '', '', '', 0, "
              ":owner, '', 1, CURRENT_TIMESTAMP)")
    assert refused(session, insert, plate="粤B12345", owner=owner.id) == guards.PLATE
    assert refused(session, "UPDATE vehicle SET plate = '粤B12345' WHERE id = :id",
                   id=other.id) == guards.PLATE
    accepted(session, insert, plate="", owner=owner.id)  # not registered yet: any number
    accepted(session, insert, plate="", owner=owner.id)


def test_create_vehicle_raced_on_the_plate_says_the_plate_is_taken(session, advisor) -> None:
    owner = builders.customer(session, advisor)
    _before_next_flush(session, lambda s: s.connection().execute(text(
        "INSERT INTO vehicle (plate, brand, model, series, colour, engine_no, mileage_km, "
        "owner_id, notes, version, created_at) VALUES ('粤B77777', '', '', '', '', '', 0, "
        f"{owner.id}, '', 1, CURRENT_TIMESTAMP)")))
    with pytest.raises(ValidationError) as err:
        create_vehicle(session, advisor, VehicleData(plate="粤B 77777"), owner_id=owner.id)
    assert err.value.field == "plate"
    assert err.value.message("en") == \
        "Licence plate: Another vehicle already has plate 粤B77777."


def test_update_vehicle_raced_on_the_plate_says_the_plate_is_taken(session, advisor) -> None:
    owner = builders.customer(session, advisor)
    mine = builders.vehicle(session, advisor, owner, plate="粤B11111")
    other = builders.vehicle(session, advisor, owner, plate="粤B22222")
    other_id = other.id
    _before_next_flush(session, lambda s: s.connection().execute(text(
        f"UPDATE vehicle SET plate = '粤B33333', version = version + 1 WHERE id = {other_id}")))
    with pytest.raises(ValidationError) as err:
        update_vehicle(session, advisor, mine.id, VehicleData(plate="粤B33333"),
                       expected_version=mine.version)
    assert err.value.field == "plate"


# --- the vehicle's current owner -----------------------------------------------------------


def test_ownership_history_and_current_owner_agree(session, advisor) -> None:
    first = builders.customer(session, advisor)
    second = builders.customer(session, advisor, name="李娜", phone="13912345678")
    veh = builders.vehicle(session, advisor, first)
    open_row = session.scalar(select(VehicleOwnership.id).where(
        VehicleOwnership.vehicle_id == veh.id, VehicleOwnership.until.is_(None)))
    own = ("INSERT INTO vehicle_ownership (vehicle_id, customer_id, since, until) "
           "VALUES (:v, :c, CURRENT_TIMESTAMP, NULL)")
    # a second open ownership, even of the owner
    assert refused(session, own, v=veh.id, c=first.id) == guards.OPEN_OWNERSHIP
    # an open ownership of someone else than the owner
    assert refused(session, own, v=veh.id, c=second.id) in (guards.CURRENT_OWNER,
                                                             guards.OPEN_OWNERSHIP)
    assert refused(session, "UPDATE vehicle_ownership SET customer_id = :c WHERE id = :id",
                   c=second.id, id=open_row) == guards.CURRENT_OWNER
    # the owner changed while the open ownership still names the previous one
    assert refused(session, "UPDATE vehicle SET owner_id = :c WHERE id = :v",
                   c=second.id, v=veh.id) == guards.CURRENT_OWNER
    assert refused(session, "UPDATE vehicle SET owner_id = NULL WHERE id = :v",
                   v=veh.id) == guards.CURRENT_OWNER
    # closing the ownership first, then the owner may change; a closed one may name anyone
    accepted(session, "UPDATE vehicle_ownership SET until = CURRENT_TIMESTAMP WHERE id = :id",
             id=open_row)
    accepted(session, "UPDATE vehicle SET owner_id = :c WHERE id = :v", c=second.id, v=veh.id)
    assert refused(session, own, v=veh.id, c=first.id) == guards.CURRENT_OWNER
    assert refused(session, "UPDATE vehicle_ownership SET until = NULL WHERE id = :id",
                   id=open_row) == guards.CURRENT_OWNER
    accepted(session, own, v=veh.id, c=second.id)


def test_change_owner_satisfies_the_guards(session, advisor) -> None:
    first = builders.customer(session, advisor)
    second = builders.customer(session, advisor, name="李娜", phone="13912345678")
    veh = builders.vehicle(session, advisor, first)
    change_owner(session, advisor, veh.id, second.id)
    change_owner(session, advisor, veh.id, first.id)
    session.expire_all()
    rows = session.execute(select(VehicleOwnership.customer_id, VehicleOwnership.until)
                           .where(VehicleOwnership.vehicle_id == veh.id)
                           .order_by(VehicleOwnership.id)).all()
    assert [(c, until is None) for c, until in rows] == [
        (first.id, False), (second.id, False), (first.id, True)]
    assert session.get(Vehicle, veh.id).owner_id == first.id


def test_change_owner_raced_by_another_terminal_is_a_conflict(session, advisor) -> None:
    first = builders.customer(session, advisor)
    second = builders.customer(session, advisor, name="李娜", phone="13912345678")
    third = builders.customer(session, advisor, name="王芳", phone="13712345678")
    veh = builders.vehicle(session, advisor, first)
    vid, cid = veh.id, third.id

    def other_terminal(s: Session) -> None:  # handed the car to the third customer meanwhile
        s.connection().execute(text(
            "UPDATE vehicle_ownership SET until = CURRENT_TIMESTAMP "
            f"WHERE vehicle_id = {vid} AND until IS NULL"))
        s.connection().execute(text(f"UPDATE vehicle SET owner_id = {cid} WHERE id = {vid}"))
        s.connection().execute(text(
            "INSERT INTO vehicle_ownership (vehicle_id, customer_id, since, until) "
            f"VALUES ({vid}, {cid}, CURRENT_TIMESTAMP, NULL)"))

    _before_next_flush(session, other_terminal)
    with pytest.raises(ConflictError):
        change_owner(session, advisor, vid, second.id)


# --- a real race between two terminals (PostgreSQL: SQLite lets one writer at a time) -------


def _wait_until_blocked(database, pid: int) -> None:
    """Until the backend ``pid`` waits for a lock (polled, bounded)."""
    import time

    deadline = time.monotonic() + 10
    with database.engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.execute(text(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid"),
                {"pid": pid}).scalar()
            conn.rollback()
            if waiting == "Lock":
                return
            time.sleep(0.02)
    raise AssertionError("the second terminal never waited for the first")


def test_two_terminals_clocking_one_technician_on_at_once(database, advisor,
                                                          technician_actor) -> None:
    import threading

    if database.backend != "postgresql":
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): the race cannot happen")
    from app.orders.workflow import change_status
    from db.enums import JobStatus, OrderStatus

    with database.transaction() as s:
        order = builders.order_with_lines(s, advisor)
        for status in (OrderStatus.ESTIMATED, OrderStatus.APPROVED):
            change_status(s, advisor, order, status)
        for job in order.labour_lines:
            job.status = JobStatus.DISPATCHED
        first, second = (job.id for job in order.labour_lines)
        tech = builders.technician(s).id
    one, two = database.session(), database.session()
    try:
        progress.clock_on(one, technician_actor, first, tech,  # written, not committed yet
                          expected_version=job_order_version(one, first))
        pid = two.connection().execute(text("SELECT pg_backend_pid()")).scalar()
        outcome: list[BaseException | None] = []

        def second_terminal() -> None:
            try:
                progress.clock_on(two, technician_actor, second, tech,
                                  expected_version=job_order_version(two, second))
                outcome.append(None)
            except BaseException as exc:
                outcome.append(exc)

        thread = threading.Thread(target=second_terminal)
        thread.start()
        _wait_until_blocked(database, pid)  # it saw no running clock and waits on the index
        one.commit()
        thread.join(10)
        assert len(outcome) == 1 and isinstance(outcome[0], ConflictError), outcome
    finally:
        two.rollback()
        two.close()
        one.close()
    with database.reading() as s:
        running = s.scalars(select(ClockEntry.labour_line_id).where(
            ClockEntry.technician_id == tech, ClockEntry.ended_at.is_(None))).all()
    assert running == [first]
