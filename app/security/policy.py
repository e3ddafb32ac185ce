"""What a password and a user name must look like.

Passwords are judged by zxcvbn (Dropbox's strength estimator: common-password lists, names,
dictionary words, keyboard patterns, dates, repeats and sequences), with the user's own names
as extra dictionary words. Roles that handle money or accounts need a longer, stronger one.
zxcvbn's own (English) feedback is never shown: the weakest kind of pattern it found is named
in a message of our own, translated like every other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from zxcvbn import zxcvbn

from app.errors import ValidationError
from app.i18n import Label, _
from db.enums import RoleCode


@dataclass(frozen=True)
class PasswordRule:
    """The shortest length and the lowest zxcvbn score (0–4) a role's password may have."""

    min_length: int
    min_score: int


STANDARD = PasswordRule(min_length=8, min_score=3)
#: Administrators, service managers and cashiers: accounts, every permission, or the till.
STRICT = PasswordRule(min_length=12, min_score=4)
STRICT_ROLES = frozenset({RoleCode.ADMIN.value, RoleCode.SERVICE_MANAGER.value,
                          RoleCode.CASHIER.value})
MAX_LENGTH = 128
_ESTIMATED = 100  # zxcvbn gets slow on long input; what lies beyond adds strength anyway

_FIELD = "password"
_LABEL = _("Password")

# Why zxcvbn found it guessable, weakest first; each reason a message of our own.
_REASON_NAME = _("It contains your user name or your name.")
_REASON_COMMON = _("It is one of the most common passwords.")
_REASON_REPEAT = _("Repeated characters or words are easy to guess.")
_REASON_SEQUENCE = _("Sequences such as 1234 or abcd are easy to guess.")
_REASON_KEYBOARD = _("Keyboard patterns such as qwerty are easy to guess.")
_REASON_DATE = _("Dates and years are easy to guess.")
_REASON_WORD = _("Common words and names are easy to guess.")
_REASON_OTHER = _("It is too easy to guess.")


def rule_for(role: str) -> PasswordRule:
    """The password rule of ``role``."""
    return STRICT if role in STRICT_ROLES else STANDARD


def _user_words(username: str, full_name: str) -> list[str]:
    words = {username.lower(), full_name.strip().lower(), "bayline"}
    words.update(part for part in re.split(r"[._\-\s]+", f"{username} {full_name}".lower())
                 if len(part) >= 3)
    return sorted(word for word in words if word)


def _reason(result: Mapping[str, Any], password: str) -> str:
    matches = result.get("sequence") or []
    kinds = [(m.get("pattern"), m.get("dictionary_name"), m.get("token", "")) for m in matches]
    if any(name == "user_inputs" for _p, name, _t in kinds):
        return _REASON_NAME
    if any(name == "passwords" and token == password for _p, name, token in kinds):
        return _REASON_COMMON
    order = (("repeat", _REASON_REPEAT), ("sequence", _REASON_SEQUENCE),
             ("spatial", _REASON_KEYBOARD), ("date", _REASON_DATE), ("regex", _REASON_DATE),
             ("dictionary", _REASON_WORD))
    for pattern, reason in order:
        if any(p == pattern for p, _n, _t in kinds):
            return reason
    return _REASON_OTHER


def check_password(password: str, *, role: str, username: str = "",
                   full_name: str = "") -> None:
    """Refuse a password too short or too easy to guess for ``role``; the message names the
    field and says what is expected."""
    rule = rule_for(role)
    if len(password) < rule.min_length:
        raise ValidationError(_FIELD, _LABEL, _("Use at least {count} characters."),
                              count=rule.min_length)
    if len(password) > MAX_LENGTH:
        raise ValidationError(_FIELD, _LABEL, _("Use at most {count} characters."),
                              count=MAX_LENGTH)
    words = _user_words(username, full_name)
    folded = password.lower()
    contains_name = any(len(word) >= 3 and word in folded for word in words
                        if word != "bayline")
    result = zxcvbn(password[:_ESTIMATED], user_inputs=words)
    if contains_name or int(result["score"]) < rule.min_score:
        reason = _REASON_NAME if contains_name else _reason(result, password[:_ESTIMATED])
        raise ValidationError(
            _FIELD, _LABEL,
            _("{reason} Use at least {count} characters that are hard to guess, for example "
              "several unrelated words."), reason=Label(reason), count=rule.min_length)


# -- user names ---------------------------------------------------------------------------------

USERNAME_MIN, USERNAME_MAX = 2, 60
_USERNAME = re.compile(r"[a-z0-9._-]+")
# Characters a reader takes for one another in a user name list (after lower-casing).
_LOOK_ALIKE = str.maketrans({"0": "o", "1": "l", "i": "l", "5": "s", "_": "", "-": "",
                             ".": ""})


def normalise_username(username: str) -> str:
    """How a typed user name is looked up: NFKC (full-width → ASCII), trimmed, lower case."""
    return unicodedata.normalize("NFKC", username).strip().lower()


def look_alike_key(username: str) -> str:
    """What two user names that a person could mistake for each other have in common:
    format characters dropped, NFKC, lower case, separators dropped, 0/o, 1/l/i and 5/s the
    same letter."""
    visible = "".join(c for c in username if unicodedata.category(c) not in ("Cf", "Cc"))
    return normalise_username(visible).translate(_LOOK_ALIKE)


def check_username(username: str, existing: Iterable[str]) -> str:
    """The user name to store (normalised), or ``ValidationError`` when it has other
    characters than a–z, 0–9, dot, underscore and hyphen, a wrong length, or is taken or
    looks like one taken."""
    name = normalise_username(username)
    if not (USERNAME_MIN <= len(name) <= USERNAME_MAX) or not _USERNAME.fullmatch(name):
        raise ValidationError(
            "username", _("User name"),
            _("Use {min}–{max} characters: letters a–z, digits 0–9, dot, underscore or "
              "hyphen."), min=USERNAME_MIN, max=USERNAME_MAX)
    key = look_alike_key(name)
    for taken in existing:
        if taken == name:
            raise ValidationError("username", _("User name"), _("“{name}” is already taken."),
                                  name=name)
        if look_alike_key(taken) == key:
            raise ValidationError("username", _("User name"),
                                  _("“{name}” looks too much like the user name “{taken}” "
                                    "that already exists; choose a clearly different one."),
                                  name=name, taken=taken)
    return name
