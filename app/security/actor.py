"""Who is acting: the signed-in user as the services see them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    """A signed-in user with the permissions of their role, captured at sign-in."""

    user_id: int
    username: str
    full_name: str
    role: str
    permissions: frozenset[str]
    max_discount: Decimal = Decimal("0")
    language: str = "zh_CN"

    def can(self, permission: str) -> bool:
        """True when the role grants ``permission``."""
        return permission in self.permissions


def require(actor: Actor, permission: str) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` holds ``permission``."""
    if not actor.can(permission):
        raise PermissionDenied(permission=permission)
