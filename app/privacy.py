"""Personal data shown only as far as the role needs (architecture.md, Invariants).

One home for phone masking: lists, cards, read models, prints and exports mask a customer's
phone as ``138****1234`` unless the actor holds ``customers.view_contact``. Numbers are stored
in E.164; ``shown_phone`` returns the E.164 number to an actor who may see it (the caller
writes it for people with ``app.formatting.phone``) and the masked text to everyone else.
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberType

from app.security.actor import Actor

VIEW_CONTACT = "customers.view_contact"


def parse_e164(e164: str) -> PhoneNumber | None:
    """``e164`` parsed, or None when it is not a phone number in international form."""
    try:
        return phonenumbers.parse(e164, None)
    except NumberParseException:
        return None


def _mask_digits(digits: str) -> str:
    """Keep the first 3 and last 4 digits of a long number; of a short one, about a third each."""
    n = len(digits)
    if n > 7:
        head, tail = 3, 4
    else:
        head = tail = n // 3
    return digits[:head] + "*" * (n - head - tail) + digits[n - tail:]


def mask_phone(e164: str) -> str:
    """Hide the middle digits: ``+8613812345678`` → ``138****5678``.

    Chinese mobiles are shown without the country code; other numbers keep ``+`` and the
    country code, the first 3 and last 4 digits of the national number
    (``+442079460958`` → ``+44207***0958``). Text that is not E.164 (old data) is masked as
    plain digits; this never raises.
    """
    number = parse_e164(e164)
    if number is None:
        return _mask_digits("".join(c for c in e164 if "0" <= c <= "9"))
    national = phonenumbers.national_significant_number(number)
    if (number.country_code == 86
            and phonenumbers.number_type(number) == PhoneNumberType.MOBILE):
        return _mask_digits(national)
    return f"+{number.country_code}{_mask_digits(national)}"


def may_see_contact(actor: Actor) -> bool:
    """True when ``actor`` may see customers' full phone numbers."""
    return actor.can(VIEW_CONTACT)


def shown_phone(actor: Actor, number: str | None) -> str:
    """``number`` as ``actor`` may see it: E.164 with ``customers.view_contact``, else masked;
    '' for no number."""
    if not number:
        return ""
    return number if may_see_contact(actor) else mask_phone(number)
