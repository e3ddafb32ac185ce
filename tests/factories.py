"""Small builders of test data through the real services (tests stay honest)."""

from __future__ import annotations

TEST_PASSWORD = "Quiet-harbour-lantern-27"  # passes the strictest (admin) policy


def free_plate(session, first: int = 12345) -> str:
    """粤B12345, or the next plate no vehicle has yet (the database refuses a duplicate)."""
    from sqlalchemy import select

    from db.models import Vehicle

    taken = set(session.scalars(select(Vehicle.plate).where(Vehicle.plate.like("粤B%"))))
    number = first
    while f"粤B{number:05d}" in taken:
        number += 1
    return f"粤B{number:05d}"


# --- parts (stock ledger) -------------------------------------------------------------------

def make_part(session, actor, part_no: str = "P-001", on_hand=0, *, name: str = "机油滤清器",
              sale_price="58.00", cost_price="32.00", unit_cost=None, **fields):
    """A catalogue part via ``create_part``, stocked to ``on_hand`` with one receipt."""
    from decimal import Decimal

    from app.parts.catalogue import create_part
    from app.parts.stock import receive_stock

    part = create_part(session, actor, part_no=part_no, name=name, sale_price=sale_price,
                       cost_price=cost_price, **fields)
    quantity = Decimal(on_hand)
    if quantity > 0:
        receive_stock(session, actor, part.id, quantity,
                      unit_cost=cost_price if unit_cost is None else unit_cost,
                      reference="INIT")
    return part


def make_order_with_part_line(session, actor, part, quantity, *, status=None,
                              plate: str | None = None):
    """A minimal repair order (customer, vehicle, order) with one part line for ``part``.

    Built straight from the models (the orders service is not needed); ``status`` defaults to
    in progress. Returns the flushed ``PartLine``.
    """
    from decimal import Decimal

    from app.clock import now
    from app.numbering import next_number
    from db.enums import DocumentType, OrderStatus
    from db.models import Customer, PartLine, RepairOrder, Vehicle

    at = now()
    customer = Customer(name="张伟", created_at=at)
    session.add(customer)
    session.flush()
    vehicle = Vehicle(plate=plate or free_plate(session), vin=None, owner_id=customer.id,
                      created_at=at)
    session.add(vehicle)
    session.flush()
    order = RepairOrder(number=next_number(session, DocumentType.REPAIR_ORDER),
                        status=str(status or OrderStatus.IN_PROGRESS), customer_id=customer.id,
                        vehicle_id=vehicle.id, advisor_id=actor.user_id, opened_at=at)
    session.add(order)
    session.flush()
    line = PartLine(repair_order_id=order.id, description=part.name,
                    quantity=Decimal(quantity), unit_price=part.sale_price,
                    tax_rate=Decimal("0.13"), part_id=part.id, part_no=part.part_no)
    session.add(line)
    session.flush()
    return line


# --- cashier (settlement) -------------------------------------------------------------------

DEFAULT_COMPLETED_LINES: tuple[dict, ...] = (
    {"type": "labour", "code": "LB-OIL", "description": "更换机油机滤", "hours": "1.50"},
    {"type": "labour", "code": "LB-ALN", "description": "四轮定位", "hours": "1.50"},
    {"type": "part", "part_no": "OIL-0W20", "description": "0W-20 全合成机油",
     "quantity": "4", "unit_price": "78.00"},
    {"type": "charge", "description": "环保处理费", "amount": "20.00"},
)


def make_completed_order(session, actor, *, lines=None, plate: str | None = None,
                         customer_name: str = "张伟"):
    """A COMPLETED repair order built straight from the models (no orders service needed).

    ``lines`` are dicts: ``{"type": "labour", "description", "hours"="1.50",
    "rate"="180.00", "code"=""}``, ``{"type": "part", "description", "quantity",
    "unit_price", "part_no"="", "issued_qty"=quantity}`` or ``{"type": "charge",
    "description", "amount"}``; each may set ``payer`` ("customer"), ``tax_rate`` ("0.13")
    and ``discount`` ("0"). Labour lines are QC-passed. Default: two jobs of 1.50 h at
    180.00, four litres of oil at 78.00 (issued) and a 20.00 disposal fee = 872.00 gross.
    Returns the flushed ``RepairOrder`` (the caller commits).
    """
    from decimal import Decimal

    from app.clock import now
    from app.numbering import next_number
    from db.enums import DocumentType, JobStatus, OrderStatus
    from db.models import ChargeLine, Customer, LabourLine, PartLine, RepairOrder, Vehicle

    at = now()
    customer = Customer(name=customer_name, created_at=at)
    session.add(customer)
    session.flush()
    vehicle = Vehicle(plate=plate or free_plate(session), vin=None, owner_id=customer.id,
                      created_at=at)
    session.add(vehicle)
    session.flush()
    order = RepairOrder(number=next_number(session, DocumentType.REPAIR_ORDER),
                        status=OrderStatus.COMPLETED, customer_id=customer.id,
                        vehicle_id=vehicle.id, advisor_id=actor.user_id, opened_at=at,
                        completed_at=at)
    session.add(order)
    session.flush()
    for position, spec in enumerate(DEFAULT_COMPLETED_LINES if lines is None else lines, 1):
        common = {"repair_order_id": order.id, "position": position,
                  "description": spec["description"], "payer": spec.get("payer", "customer"),
                  "tax_rate": Decimal(spec.get("tax_rate", "0.13")),
                  "discount": Decimal(spec.get("discount", "0"))}
        kind = spec["type"]
        if kind == "labour":
            row = LabourLine(**common, operation_code=spec.get("code", ""),
                             hours=Decimal(spec.get("hours", "1.50")),
                             hourly_rate=Decimal(spec.get("rate", "180.00")),
                             status=JobStatus.QC_PASSED)
        elif kind == "part":
            quantity = Decimal(spec["quantity"])
            row = PartLine(**common, part_id=None, part_no=spec.get("part_no", ""),
                           quantity=quantity, unit_price=Decimal(spec["unit_price"]),
                           issued_qty=Decimal(spec.get("issued_qty", quantity)))
        elif kind == "charge":
            row = ChargeLine(**common, amount=Decimal(spec["amount"]))
        else:
            raise ValueError(f"unknown line type {kind!r}")
        session.add(row)
    session.flush()
    session.expire(order, ["labour_lines", "part_lines", "charge_lines"])
    return order
