"""Typed domain errors with translatable messages.

A service raises one of these; the UI shows ``error.message(lang)`` and, for a
``ValidationError``, highlights the widget bound to ``error.field``. Nothing has been written
when one is raised inside a service: the caller rolls the transaction back.
"""

from __future__ import annotations

from typing import Any

from app.i18n import Label, _, translate


class DomainError(Exception):
    """Something the user can understand and act on."""

    default_msgid = _("The action could not be completed.")

    def __init__(self, msgid: str | None = None, /, **params: Any) -> None:
        self.msgid = msgid or self.default_msgid
        self.params = params
        super().__init__(self.msgid.format(**params) if params else self.msgid)

    def message(self, lang: str = "en") -> str:
        """The message in ``lang``."""
        return translate(self.msgid, lang, **self._translated_params(lang))

    def _translated_params(self, lang: str) -> dict[str, Any]:
        return {k: translate(v, lang) if isinstance(v, Label) else v
                for k, v in self.params.items()}


class ValidationError(DomainError):
    """Bad input: names the field (``field`` key, translatable ``label``) and what is expected."""

    def __init__(self, field: str, label: str, msgid: str, /, **params: Any) -> None:
        self.field = field
        self.label = label
        super().__init__(msgid, **params)

    def message(self, lang: str = "en") -> str:
        return translate(_("{field}: {problem}"), lang, field=translate(self.label, lang),
                         problem=self.problem(lang))

    def problem(self, lang: str = "en") -> str:
        """What is wrong and what is expected, without the field's name (shown at the field)."""
        return translate(self.msgid, lang, **self._translated_params(lang))

    def __str__(self) -> str:
        return self.message("en")


class PermissionDenied(DomainError):
    default_msgid = _("You are not allowed to do this ({permission}).")


class DiscountApprovalRequired(PermissionDenied):
    """A discount above the actor's limit without a manager's approval; ``discount`` and
    ``limit`` (rates, e.g. 0.25) let the screen ask a manager to approve it."""

    default_msgid = _("A discount of {discount} is above your limit of {limit}; a manager "
                      "must approve it.")

    def __init__(self, discount: Any, limit: Any) -> None:
        self.discount, self.limit = discount, limit
        super().__init__(self.default_msgid, discount=f"{discount * 100:.0f}%",
                         limit=f"{limit * 100:.0f}%")


class NotFound(DomainError):
    default_msgid = _("Not found.")


class ConflictError(DomainError):
    """Someone else changed the record since it was read (optimistic lock)."""

    default_msgid = _("This record was changed by someone else. Reload it and try again.")


class InvalidTransition(DomainError):
    """A step the state machine does not allow; the status params are msgids, translated too."""

    default_msgid = _("The repair order cannot go from {from_status} to {to_status}.")



class InsufficientStock(DomainError):
    default_msgid = _(
        "Not enough stock of {part_no}: {available} available, {requested} requested."
    )


class AuthenticationError(DomainError):
    default_msgid = _("Wrong user name or password.")


class DatabaseBusy(DomainError):
    """The database stayed locked by other terminals through every retry; nothing was saved."""

    default_msgid = _("The database is busy with another terminal's work. Nothing was saved; "
                      "please try again in a moment.")


class DatabaseTimeout(DomainError):
    """A statement ran longer than the database allows; nothing was saved."""

    default_msgid = _("The database took too long to answer. Nothing was saved; please try "
                      "again, and tell your administrator if it keeps happening.")


class OperationCancelled(DomainError):
    """The user stopped the work before it was committed; nothing was saved."""

    default_msgid = _("Cancelled. Nothing was saved.")


class CustomerConsentRequired(DomainError):
    """A change would raise what the customer pays for a line they signed for: it needs the
    customer's recorded consent (``line``, ``before`` and ``after`` say what and how much)."""

    default_msgid = _("The customer signed for “{line}” at {before}; raising it to {after} "
                      "needs the customer's consent. Record how the customer agreed.")
