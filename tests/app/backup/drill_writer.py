"""A terminal that keeps writing while a backup is taken (run by the restore drill test).

``python -m tests.app.backup.drill_writer URL STOP_FILE``: in a loop until STOP_FILE exists,
one transaction each through the real services: a customer with a vehicle, a stock receipt,
and a completed order settled into an invoice (the hash chain). Prints the step number after
each commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import select

from app.cashier.invoicing import settle_order
from app.customers.registration import register_customer
from app.customers.service import CustomerData
from app.parts.stock import receive_stock
from app.security.actor import Actor
from app.security.users import actor_for
from app.transactions import run_in_transaction
from app.vehicles.service import VehicleData
from db.engine import Database
from db.models import User
from tests.factories import free_plate, make_completed_order, make_part


def main(url: str, stop: Path) -> None:
    database = Database(url)
    with database.reading() as session:
        actors: dict[str, Actor] = {
            u.username: actor_for(u)
            for u in session.scalars(select(User).where(
                User.username.in_(["advisor", "cashier", "parts_clerk"])))}
    part_id = run_in_transaction(
        database, lambda s: make_part(s, actors["parts_clerk"], "P-DRILL", on_hand=1).id)

    def step(session, number: int) -> None:  # type: ignore[no-untyped-def]
        register_customer(session, actors["advisor"],
                          CustomerData(name=f"演练客户{number}", phones=[f"139{number:08d}"]),
                          VehicleData(plate=free_plate(session, 20000 + number)))
        receive_stock(session, actors["parts_clerk"], part_id, 1, unit_cost="10.00",
                      reference=f"DRILL{number}")
        order = make_completed_order(session, actors["advisor"])
        settle_order(session, actors["cashier"], order.id)

    number = 0
    while not stop.exists():
        number += 1
        run_in_transaction(database, lambda s: step(s, number))  # noqa: B023
        print(number, flush=True)
    database.dispose()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
