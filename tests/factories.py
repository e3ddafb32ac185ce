"""Small builders of test data through the real services (tests stay honest)."""

from __future__ import annotations

TEST_PASSWORD = "test-password-1"


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
                              plate: str = "粤B12345"):
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
    vehicle = Vehicle(plate=plate, vin=None, owner_id=customer.id, created_at=at)
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
