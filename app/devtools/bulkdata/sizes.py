"""The benchmark data sets: how many of everything each size holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BulkSize:
    """Targets of one data set. Orders are exact; the rest follow from the simulation."""

    name: str
    years: int
    customers: int
    vehicles: int
    serviced_share: float  # share of vehicles that ever come to the workshop
    orders: int
    open_orders: int
    parts: int
    counter_sales_per_day: float
    second_phone_share: float  # customers with a second number
    group: bool  # a dealer group (several makes and cities) rather than one Toyota store
    technicians: int
    bays: int
    advisors: int
    appointments: int


SIZES: dict[str, BulkSize] = {
    # for tests: seconds to build, every kind of row present
    "bulk-tiny": BulkSize("bulk-tiny", years=2, customers=300, vehicles=360, serviced_share=1.0,
                          orders=1_000, open_orders=40, parts=400, counter_sales_per_day=2.0,
                          second_phone_share=0.2, group=False, technicians=8, bays=6,
                          advisors=2, appointments=20),
    # one busy 4S store over ten years
    "store": BulkSize("store", years=10, customers=50_000, vehicles=60_000, serviced_share=1.0,
                      orders=300_000, open_orders=1_000, parts=20_000,
                      counter_sales_per_day=200.0, second_phone_share=0.2, group=False,
                      technicians=36, bays=24, advisors=8, appointments=400),
    # a dealer group's shared database: a million vehicles on the books, a third of them
    # serviced in the group's workshops (the rest were sold and serviced elsewhere)
    "large": BulkSize("large", years=10, customers=830_000, vehicles=1_000_000,
                      serviced_share=0.33, orders=1_000_000, open_orders=3_000, parts=60_000,
                      counter_sales_per_day=150.0, second_phone_share=0.205, group=True,
                      technicians=120, bays=80, advisors=24, appointments=1_500),
}
