"""The first start of a new shop: reference data, the shop profile and the first administrator."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import DomainError
from app.i18n import _
from app.security.users import SYSTEM_ACTOR, create_user, user_count
from app.setup.reference import ensure_reference_data
from app.shop import save_profile
from db.enums import RoleCode


def create_shop(session: Session, *, shop: dict[str, str], admin: dict[str, str],
                lang: str) -> str:
    """Set up an empty database in one transaction; returns the administrator's user name.

    Refused once any user exists: a second terminal finishing the same wizard must not
    create a second shop administrator behind the first one's back.
    """
    if user_count(session):
        raise DomainError(_("This database has already been set up; sign in instead."))
    ensure_reference_data(session)
    save_profile(session, None, default_language=lang, **shop)
    # The person at the wizard chose this password themselves: no forced change at the first
    # sign-in (it would only make them type a second one right away).
    user = create_user(session, SYSTEM_ACTOR, role=RoleCode.ADMIN.value, language=lang,
                       username=admin.get("username", ""), full_name=admin.get("full_name", ""),
                       password=admin.get("password", ""), must_change_password=False)
    return user.username
