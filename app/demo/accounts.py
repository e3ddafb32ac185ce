"""The demo database's user accounts, as the login window lists them (no database read)."""

from __future__ import annotations

from dataclasses import dataclass

from app.security.permissions import ROLE_NAMES
from db.enums import RoleCode

DEMO_PASSWORD = "demo1234"
#: Demo staff: role -> the person's name (user name = role code).
STAFF: dict[RoleCode, str] = {
    RoleCode.ADVISOR: "周晓梅", RoleCode.CASHIER: "何丽娟", RoleCode.PARTS_CLERK: "梁志华",
    RoleCode.FOREMAN: "罗国强", RoleCode.TECHNICIAN: "王建国", RoleCode.WARRANTY_CLERK: "郑秀英",
    RoleCode.CUSTOMER_CARE: "谢婷婷", RoleCode.SERVICE_MANAGER: "陈志远", RoleCode.ADMIN: "林伟",
}


@dataclass(frozen=True)
class DemoAccount:
    """One demo user: ``role_name`` is a msgid (translate it for the reader)."""

    username: str
    full_name: str
    role_name: str


def demo_accounts() -> list[DemoAccount]:
    """Every demo user in the order the README lists them (reception first)."""
    return [DemoAccount(role.value, name, ROLE_NAMES[role]) for role, name in STAFF.items()]
