"""Password hashing with argon2id (above OWASP's minimum: m=19 MiB, t=2, p=1).

Hashing is only hashing: what a password must look like is ``app.security.policy``.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# OWASP Password Storage Cheat Sheet minimum for argon2id is m=19456 KiB, t=2, p=1.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

#: The hash of a random password nobody knows, made with today's parameters. Checked against
#: for an unknown user name, a disabled or a locked account, so that every refusal costs the
#: same argon2 work as a wrong password of a real user (the time tells nothing about which
#: user names exist). tests/app/security check it still has today's parameters.
DUMMY_HASH = ("$argon2id$v=19$m=19456,t=2,p=1$SIQwdk6RcAXfD0MJKW3JTQ"
              "$A0d1hIPqfW89LGdjmppjLu4M8tfYT3UKRGOOthSVGx8")


def hash_password(password: str) -> str:
    """An argon2id hash string of ``password`` (its parameters are stored inside)."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches ``stored_hash``."""
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def spend_verify(password: str) -> None:
    """Do the work of one verification against ``DUMMY_HASH`` and forget the answer."""
    verify_password(DUMMY_HASH, password)


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(stored_hash)
