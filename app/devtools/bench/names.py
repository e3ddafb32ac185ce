"""The scenario keys in report order (a light module: ``main.py --help`` imports it)."""

from __future__ import annotations

SCENARIO_NAMES: tuple[str, ...] = (
    "search_plate_exact", "search_fragment", "open_order", "board_refresh", "issue_part",
    "settle_invoice", "invoice_pdf", "export_month_xlsx", "cold_start",
    "search_typing",
    "change_propagation",
    "write_stall",
)
