"""The work areas of the main window and which roles see them (from their permissions)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.security.actor import Actor

AREAS: tuple[str, ...] = ("reception", "cashier", "parts", "workshop", "manager")

# An area is shown when the actor holds at least one of these permissions.
AREA_ACCESS: dict[str, frozenset[str]] = {
    "reception": frozenset({"orders.edit", "appointments.edit", "warranty.claims",
                            "followup.calls"}),
    "cashier": frozenset({"cashier.settle", "cashier.payment"}),
    "parts": frozenset({"parts.issue", "parts.receive", "parts.adjust"}),
    "workshop": frozenset({"orders.work", "orders.qc"}),
    "manager": frozenset({"reports.view"}),
}

# The permissions that belong to each area (listed on its overview page when held).
AREA_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "reception": ("customers.view", "customers.edit", "customers.view_contact",
                  "customers.export", "appointments.edit", "orders.view", "orders.edit",
                  "orders.cancel", "orders.deliver", "orders.discount_any", "warranty.claims",
                  "followup.calls"),
    "cashier": ("cashier.settle", "cashier.payment", "cashier.credit", "cashier.till"),
    "parts": ("parts.view", "parts.edit", "parts.issue", "parts.receive", "parts.adjust"),
    "workshop": ("orders.dispatch", "orders.work", "orders.qc"),
    "manager": ("reports.view", "shop.configure", "users.manage", "audit.view"),
}


def areas_for(actor: Actor) -> list[str]:
    """The areas ``actor`` works in, in navigation order."""
    return [code for code in AREAS if actor.permissions & AREA_ACCESS[code]]


def area_title(code: str) -> str:
    """The area's name in the current UI language."""
    titles = {
        "reception": QCoreApplication.translate("Areas", "Reception"),
        "cashier": QCoreApplication.translate("Areas", "Cashier"),
        "parts": QCoreApplication.translate("Areas", "Parts counter"),
        "workshop": QCoreApplication.translate("Areas", "Workshop board"),
        "manager": QCoreApplication.translate("Areas", "Manager reports"),
    }
    return titles[code]


def area_description(code: str) -> str:
    """One line on what the area holds, in the current UI language."""
    descriptions = {
        "reception": QCoreApplication.translate(
            "Areas", "Find customers and vehicles, book appointments, open and follow repair "
            "orders, and hand cars back to their owners."),
        "cashier": QCoreApplication.translate(
            "Areas", "Settle finished repair orders, take payments by every method, print "
            "receipts and invoices, and close the till at the end of the day."),
        "parts": QCoreApplication.translate(
            "Areas", "Issue parts to repair orders by scanning, take returns, receive deliveries "
            "and keep stock counts right."),
        "workshop": QCoreApplication.translate(
            "Areas", "Every car in the workshop at a glance: who works on it, in which bay, and "
            "when it is promised."),
        "manager": QCoreApplication.translate(
            "Areas", "Takings, workshop throughput and stock figures, the shop profile, users "
            "and the audit log."),
    }
    return descriptions[code]
