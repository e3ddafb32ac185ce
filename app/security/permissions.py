"""The permission catalogue and what each role may do by default."""

from __future__ import annotations

from decimal import Decimal

from app.i18n import _
from db.enums import RoleCode

# code -> description (a translatable msgid)
PERMISSIONS: dict[str, str] = {
    "customers.view": _("See customers and vehicles"),
    "customers.edit": _("Create and edit customers and vehicles"),
    "customers.view_contact": _("See full phone numbers"),
    "customers.export": _("Export personal data"),
    "appointments.edit": _("Book and change appointments"),
    "orders.view": _("See repair orders"),
    "orders.edit": _("Open and edit repair orders"),
    "orders.cancel": _("Cancel repair orders"),
    "orders.dispatch": _("Dispatch jobs to technicians"),
    "orders.work": _("Clock on jobs and report work done"),
    "orders.qc": _("Pass or fail quality inspection"),
    "orders.deliver": _("Hand vehicles over to customers"),
    "orders.discount_any": _("Give or approve discounts above the role limit"),
    "parts.view": _("See parts and stock"),
    "parts.edit": _("Edit the parts catalogue"),
    "parts.issue": _("Issue parts to and return parts from orders"),
    "parts.receive": _("Receive stock"),
    "parts.adjust": _("Adjust stock (stocktake)"),
    "cashier.settle": _("Settle orders into invoices"),
    "cashier.payment": _("Take payments"),
    "cashier.credit": _("Issue credit notes"),
    "cashier.till": _("Open and close till sessions"),
    "warranty.claims": _("Handle warranty claims"),
    "followup.calls": _("Record follow-up calls and complaints"),
    "reports.view": _("See management reports"),
    "shop.configure": _("Change the shop profile and settings"),
    "users.manage": _("Create users and change roles"),
    "audit.view": _("See the audit log"),
}

ROLE_NAMES: dict[RoleCode, str] = {
    RoleCode.ADVISOR: _("Service advisor"),
    RoleCode.CASHIER: _("Cashier"),
    RoleCode.PARTS_CLERK: _("Parts clerk"),
    RoleCode.FOREMAN: _("Workshop foreman"),
    RoleCode.TECHNICIAN: _("Technician"),
    RoleCode.WARRANTY_CLERK: _("Warranty clerk"),
    RoleCode.CUSTOMER_CARE: _("Customer care"),
    RoleCode.SERVICE_MANAGER: _("Service manager"),
    RoleCode.ADMIN: _("Administrator"),
}

_ALL = frozenset(PERMISSIONS)

ROLE_PERMISSIONS: dict[RoleCode, frozenset[str]] = {
    RoleCode.ADVISOR: frozenset({
        "customers.view", "customers.edit", "customers.view_contact", "appointments.edit",
        "orders.view", "orders.edit", "orders.cancel", "orders.dispatch", "orders.deliver",
        "parts.view",
    }),
    RoleCode.CASHIER: frozenset({
        "customers.view", "customers.view_contact", "orders.view", "parts.view",
        "cashier.settle", "cashier.payment", "cashier.till",
    }),
    RoleCode.PARTS_CLERK: frozenset({
        "parts.view", "parts.edit", "parts.issue", "parts.receive", "parts.adjust",
        "orders.view",
    }),
    RoleCode.FOREMAN: frozenset({
        "orders.view", "orders.dispatch", "orders.work", "orders.qc", "parts.view",
        "customers.view",
    }),
    RoleCode.TECHNICIAN: frozenset({"orders.view", "orders.work", "parts.view"}),
    RoleCode.WARRANTY_CLERK: frozenset({
        "customers.view", "orders.view", "parts.view", "warranty.claims",
    }),
    RoleCode.CUSTOMER_CARE: frozenset({
        "customers.view", "customers.view_contact", "appointments.edit", "orders.view",
        "followup.calls",
    }),
    RoleCode.SERVICE_MANAGER: _ALL - {"users.manage"},
    RoleCode.ADMIN: _ALL,
}

# Largest discount (fraction of a line) each role may give without a manager's approval.
ROLE_MAX_DISCOUNT: dict[RoleCode, Decimal] = {
    RoleCode.ADVISOR: Decimal("0.10"),
    RoleCode.CASHIER: Decimal("0"),
    RoleCode.SERVICE_MANAGER: Decimal("1"),
    RoleCode.ADMIN: Decimal("1"),
}
