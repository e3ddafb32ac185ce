"""Signing in, and creating and managing user accounts.

The rules (lock-out, password policy per role, forced change) are in README "Accounts".
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app import audit
from app.clock import now
from app.errors import AuthenticationError, NotFound, ValidationError
from app.i18n import _
from app.security import lockout
from app.security.actor import Actor, require
from app.security.passwords import hash_password, needs_rehash, spend_verify, verify_password
from app.security.policy import check_password, check_username, normalise_username
from app.validation.text import clean_text
from db.enums import RoleCode
from db.models import Role, UnknownSignIn, User

SYSTEM_ACTOR = Actor(user_id=0, username="system", full_name="system", role=RoleCode.ADMIN,
                     permissions=frozenset({"users.manage"}))


def actor_for(user: User) -> Actor:
    """The Actor the services see for a loaded ``user``."""
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name,
                 role=user.role.code, permissions=frozenset(p.code for p in user.role.permissions),
                 max_discount=user.role.max_discount, language=user.language or "zh_CN")


@dataclass(frozen=True)
class SignInResult:
    """What became of a sign-in: the ``actor``, or the ``error`` to show (never both).

    ``must_change_password``: the user must choose a new password before anything else (a new
    account, or an administrator's reset); the login window asks for it.
    """

    actor: Actor | None
    error: AuthenticationError | None = None
    must_change_password: bool = False

    @property
    def ok(self) -> bool:
        return self.actor is not None


def _find(session: Session, name: str, *, for_update: bool = False) -> User | None:
    query = (select(User).where(User.username == name)
             .options(selectinload(User.role).selectinload(Role.permissions)))
    # Sign-ins that count: two terminals failing at once must not lose a count (PostgreSQL;
    # SQLite's writers are serial anyway).
    return session.scalar(query.with_for_update() if for_update else query)


def sign_in(session: Session, username: str, password: str) -> SignInResult:
    """Sign a user in. A refusal is part of the result, not an exception: the failed attempt
    is counted in the caller's transaction, which the caller commits like any other operation.
    A success resets the count and records ``last_login_at``.

    Every refusal is alike for an unknown user name, a disabled account and a wrong password:
    the same message, the same argon2 work (against a dummy hash where there is no real one)
    and the same lock-out after repeated failures (``app.security.lockout``), so neither the
    message nor the time nor a lock tells which user names exist. A locked name is refused
    even with the right password.
    """
    at = now()
    name = normalise_username(username)
    user = _find(session, name, for_update=True)
    counter: lockout.Counter = user if user is not None else lockout.unknown_counter(
        session, name, at)
    refusal = lockout.locked(counter, at)
    if refusal is not None:
        spend_verify(password)
        return SignInResult(None, refusal)
    if user is not None and user.active:
        right = verify_password(user.password_hash, password)
    else:
        spend_verify(password)
        right = False
    if user is None or not right:
        error = lockout.count_failure(counter, at)
        session.flush()
        return SignInResult(None, error)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    lockout.clear(user)
    user.last_login_at = at
    session.flush()
    return SignInResult(actor_for(user), must_change_password=user.must_change_password)


def authenticate(session: Session, username: str, password: str) -> Actor:
    """Check a user name and password for scripts and set-up: the Actor, or
    ``AuthenticationError`` (``AccountLocked`` while locked) with nothing written (a failure
    is not counted here; screens use ``sign_in``, which counts it)."""
    at = now()
    name = normalise_username(username)
    user = _find(session, name)
    counter = user if user is not None else session.get(UnknownSignIn, name[:60])
    if counter is not None and (refusal := lockout.locked(counter, at)) is not None:
        spend_verify(password)
        raise refusal
    if user is None or not user.active:
        spend_verify(password)
        raise AuthenticationError()
    if not verify_password(user.password_hash, password):
        raise AuthenticationError()
    result = sign_in(session, username, password)
    assert result.actor is not None
    return result.actor


def create_user(session: Session, actor: Actor, *, username: str, full_name: str,
                password: str, role: str, language: str = "",
                must_change_password: bool = True,
                demo_password: bool = False) -> User:
    """Create a user account (needs ``users.manage``); audited.

    The user name is normalised and refused when it has characters other than a–z, 0–9,
    ``.``, ``_`` and ``-`` or looks like an existing one; the password must pass the role's
    policy. ``must_change_password`` (the default): the person chooses their own password
    at the first sign-in. ``demo_password`` skips the password policy and is passed only by
    the demo and benchmark data generators (their documented ``demo1234``), never by a screen.
    """
    require(actor, "users.manage")
    name = check_username(username, session.scalars(select(User.username)))
    full = clean_text(full_name, field="full_name", label=_("Full name"), max_length=100)
    if not full:
        raise ValidationError("full_name", _("Full name"), _("Enter the person's name."))
    role_row = session.scalar(select(Role).where(Role.code == role))
    if role_row is None:
        raise ValidationError("role", _("Role"), _("Unknown role “{role}”."), role=role)
    if not demo_password:
        check_password(password, role=role, username=name, full_name=full)
    at = now()
    user = User(username=name, full_name=full, password_hash=hash_password(password),
                role=role_row, active=True, language=language, created_at=at,
                failed_logins=0, must_change_password=must_change_password,
                password_changed_at=at)
    session.add(user)
    session.flush()
    audit.record(session, actor if actor.user_id else None, "user.create", "user", user.id,
                 after={"username": name, "role": role,
                        "must_change_password": must_change_password})
    return user


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound()
    return user


def user_id_named(session: Session, username: str) -> int:
    """The id of the account called ``username`` (normalised as at sign-in), or
    ``NotFound``."""
    user_id = session.scalar(select(User.id).where(
        User.username == normalise_username(username)))
    if user_id is None:
        raise NotFound(_("There is no user “{name}”."), name=username)
    return int(user_id)


class WrongCurrentPassword(AuthenticationError):
    """Change password: the current password typed is not the user's."""

    default_msgid = _("This is not your current password.")


def change_password(session: Session, actor: Actor, *, current: str,
                    new: str) -> AuthenticationError | None:
    """The signed-in user changes their own password, knowing the current one (no
    permission needed beyond that); the new one must pass the role's policy (else
    ``ValidationError``). Audited (without either password); clears ``must_change_password``.

    A wrong current password counts as a failed sign-in and may lock the account (so the
    dialog cannot be used to guess it): like ``sign_in``, the refusal is returned
    (``WrongCurrentPassword`` or ``AccountLocked``) and counted in the caller's
    transaction, which the caller commits. None when the password was changed.
    """
    user = _user(session, actor.user_id)
    at = now()
    if (refusal := lockout.locked(user, at)) is not None:
        spend_verify(current)
        return refusal
    if new == current:
        raise ValidationError("password", _("Password"),
                              _("Choose a password different from the current one."))
    check_password(new, role=user.role.code, username=user.username, full_name=user.full_name)
    if not verify_password(user.password_hash, current):
        counted = lockout.count_failure(user, at)
        session.flush()
        return counted if isinstance(counted, lockout.AccountLocked) else WrongCurrentPassword()
    lockout.clear(user)
    _set_password(user, new, must_change=False)
    audit.record(session, actor, "user.change_password", "user", user.id)
    return None


def reset_password(session: Session, actor: Actor, user_id: int, temporary: str) -> None:
    """An administrator (``users.manage``) gives a user a temporary password, which must
    pass that user's policy; the user must change it at the next sign-in. Any lock-out is
    lifted. Audited (without the password)."""
    require(actor, "users.manage")
    user = _user(session, user_id)
    check_password(temporary, role=user.role.code, username=user.username,
                   full_name=user.full_name)
    _set_password(user, temporary, must_change=True)
    lockout.clear(user)
    session.flush()
    audit.record(session, actor, "user.reset_password", "user", user.id,
                 after={"must_change_password": True})


def unlock_user(session: Session, actor: Actor, user_id: int) -> None:
    """An administrator (``users.manage``) lifts a lock-out and forgets the failed
    sign-ins; audited with what was there before."""
    require(actor, "users.manage")
    user = _user(session, user_id)
    before = {"failed_logins": user.failed_logins,
              "locked_until": user.locked_until.isoformat() if user.locked_until else None}
    lockout.clear(user)
    session.flush()
    audit.record(session, actor, "user.unlock", "user", user.id, before=before,
                 after={"failed_logins": 0, "locked_until": None})


def _set_password(user: User, password: str, *, must_change: bool) -> None:
    user.password_hash = hash_password(password)
    user.must_change_password = must_change
    user.password_changed_at = now()


def user_count(session: Session) -> int:
    """How many user accounts exist (0 means the first-start set-up is needed)."""
    return session.scalar(select(func.count()).select_from(User)) or 0
