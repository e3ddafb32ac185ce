"""Signing in, and creating and managing user accounts."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.clock import now
from app.errors import AuthenticationError, ValidationError
from app.i18n import _
from app.security.actor import Actor, require
from app.security.passwords import hash_password, needs_rehash, verify_password
from app.validation.text import clean_text
from db.enums import RoleCode
from db.models import Role, User

SYSTEM_ACTOR = Actor(user_id=0, username="system", full_name="system", role=RoleCode.ADMIN,
                     permissions=frozenset({"users.manage"}))


def actor_for(user: User) -> Actor:
    """The Actor the services see for a loaded ``user``."""
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name,
                 role=user.role.code, permissions=frozenset(p.code for p in user.role.permissions),
                 max_discount=user.role.max_discount, language=user.language or "zh_CN")


def _normalise_username(username: str) -> str:
    return unicodedata.normalize("NFKC", username).strip().lower()


@dataclass(frozen=True)
class SignInResult:
    """What became of a sign-in: the ``actor``, or the ``error`` to show (never both)."""

    actor: Actor | None
    error: AuthenticationError | None = None

    @property
    def ok(self) -> bool:
        return self.actor is not None


def sign_in(session: Session, username: str, password: str) -> SignInResult:
    """Sign a user in. A refusal is part of the result, not an exception: the failed attempt
    is counted (``failed_logins``) in the caller's transaction, which the caller commits like
    any other operation. A success resets the count and records ``last_login_at``.

    The same refusal is given for an unknown user, a wrong password and a disabled account, so
    the login window does not tell an attacker which user names exist.
    """
    user = session.scalar(
        select(User).where(User.username == _normalise_username(username))
        .options(selectinload(User.role).selectinload(Role.permissions))
    )
    if user is None or not user.active or not verify_password(user.password_hash, password):
        if user is not None:
            user.failed_logins += 1
            session.flush()
        return SignInResult(None, AuthenticationError())
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.last_login_at = now()
    session.flush()
    return SignInResult(actor_for(user))


def authenticate(session: Session, username: str, password: str) -> Actor:
    """Check a user name and password for scripts and set-up: the Actor, or
    ``AuthenticationError`` with nothing written (a failure is not counted here; screens use
    ``sign_in``, which counts it)."""
    user = session.scalar(
        select(User).where(User.username == _normalise_username(username))
        .options(selectinload(User.role).selectinload(Role.permissions))
    )
    if user is None or not user.active or not verify_password(user.password_hash, password):
        raise AuthenticationError()
    result = sign_in(session, username, password)
    assert result.actor is not None
    return result.actor


def create_user(session: Session, actor: Actor, *, username: str, full_name: str,
                password: str, role: str, language: str = "") -> User:
    """Create a user account (needs ``users.manage``); audited."""
    require(actor, "users.manage")
    name = _normalise_username(username)
    if not name or len(name) > 60 or any(c.isspace() for c in name):
        raise ValidationError("username", _("User name"),
                              _("Use 1–60 characters without spaces."))
    if session.scalar(select(func.count()).select_from(User).where(User.username == name)):
        raise ValidationError("username", _("User name"), _("“{name}” is already taken."),
                              name=name)
    full = clean_text(full_name, field="full_name", label=_("Full name"), max_length=100)
    if not full:
        raise ValidationError("full_name", _("Full name"), _("Enter the person's name."))
    role_row = session.scalar(select(Role).where(Role.code == role))
    if role_row is None:
        raise ValidationError("role", _("Role"), _("Unknown role “{role}”."), role=role)
    user = User(username=name, full_name=full, password_hash=hash_password(password),
                role=role_row, active=True, language=language, created_at=now(),
                failed_logins=0)
    session.add(user)
    session.flush()
    audit.record(session, actor if actor.user_id else None, "user.create", "user", user.id,
                 after={"username": name, "role": role})
    return user


def user_count(session: Session) -> int:
    """How many user accounts exist (0 means the first-start set-up is needed)."""
    return session.scalar(select(func.count()).select_from(User)) or 0
