"""Deterministic demo data: a year in the life of a Guangzhou 4S store's after-sales department.

``generate.generate_demo_data`` fills an empty, migrated database through the real services
(so every invariant holds: gapless numbers, the stock ledger, the fiscal hash chain). The
other modules hold the vocabulary (names, vehicles, parts and jobs) and the calendar.
"""
