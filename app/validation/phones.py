"""Phone numbers: validation to E.164, display formats and a suffix-search key.

Numbers are stored in E.164 (``+8613812345678``). Lists show them masked (``138****5678``,
``app.privacy.mask_phone``, re-exported here) unless the role may see personal data;
``digits_reversed`` gives the value for an indexed reversed column, so "the last four digits
are 5678" becomes a prefix search.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from app.errors import ValidationError
from app.i18n import _
from app.privacy import mask_phone, parse_e164  # masking lives in app.privacy
from app.validation.text import normalise_identifier

LABEL = _("Phone")
HOME_REGION = "CN"

# What a typed phone number may contain: digits, a leading +, and common separators. Letters
# are refused so "vanity" numbers and stray words are not silently turned into digits.
_ALLOWED_RE = re.compile(r"\+?[0-9 ()./\-]+")
_CN_EXAMPLES = {"mobile": "138 1234 5678", "landline": "020-8888 6666"}


def _examples(region: str) -> dict[str, str]:
    if region.upper() == "CN":
        return _CN_EXAMPLES
    out = {}
    for key, kind in (("mobile", PhoneNumberType.MOBILE),
                      ("landline", PhoneNumberType.FIXED_LINE)):
        example = phonenumbers.example_number_for_type(region.upper(), kind)
        out[key] = (phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL)
                    if example else "+86 138 1234 5678")
    return out


def validate_phone(raw: str, *, region: str = HOME_REGION, field: str = "phone") -> str:
    """Check a phone number typed by the user and return it in E.164 (``+8613812345678``).

    Accepts spaces, hyphens, brackets and dots, full-width digits, ``+86``/``0086`` prefixes and
    landlines with their area code (``020-8888 6666``); numbers without a country code are read
    as numbers of ``region``. An empty value is an error (skip the call for optional fields).
    """
    text = normalise_identifier(raw)
    if not text:
        raise ValidationError(field, LABEL, _("Enter a phone number (e.g. {mobile})."),
                              **_examples(region))
    if not _ALLOWED_RE.fullmatch(text):
        raise ValidationError(
            field, LABEL,
            _("A phone number has only digits, spaces, hyphens and brackets, and may start "
              "with +."))
    try:
        number = phonenumbers.parse(text, region.upper())
    except NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            field, LABEL,
            _("Enter a mobile number (e.g. {mobile}) or a landline with its area code "
              "(e.g. {landline}); a number from another country starts with + and its "
              "country code."),
            **_examples(region))
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _ascii_digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


def search_digits(text: str, *, region: str = HOME_REGION) -> str:
    """The digits to look a typed phone number up by, in the form ``digits_reversed`` keeps.

    A whole valid number is read exactly as ``validate_phone`` reads it, so ``010-12345678``,
    ``(010) 1234 5678``, ``0086 10 12345678`` and ``+86 10 1234 5678`` all give its national
    significant number ``1012345678`` (country code and trunk ``0`` dropped, as stored); a
    fragment (``5678``, the last digits) gives the digits typed. Text that is not a phone
    number (letters, other symbols) gives ``""``.
    """
    cleaned = normalise_identifier(text)
    digits = _ascii_digits(cleaned)
    if not digits or not _ALLOWED_RE.fullmatch(cleaned):
        return ""
    try:
        number = phonenumbers.parse(cleaned, region.upper())
    except NumberParseException:
        return digits
    if phonenumbers.is_valid_number(number):
        return phonenumbers.national_significant_number(number)
    return digits


def national_format(e164: str, *, home_region: str = HOME_REGION) -> str:
    """``+8613812345678`` → ``138 1234 5678``; numbers of another country in international form.

    Text that is not E.164 is returned unchanged.
    """
    number = parse_e164(e164)
    if number is None:
        return e164
    if phonenumbers.region_code_for_number(number) == home_region.upper():
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def digits_reversed(e164: str) -> str:
    """The national significant number reversed: ``+8613812345678`` → ``87654321831``.

    Stored in an indexed column, it turns a search for the last digits into a prefix search:
    ``reversed_col.like(digits_reversed_of_typed_suffix + "%")``. For text that is not E.164 the
    digits it contains are reversed.
    """
    number = parse_e164(e164)
    if number is None:
        return _ascii_digits(e164)[::-1]
    return phonenumbers.national_significant_number(number)[::-1]


__all__ = ["HOME_REGION", "LABEL", "digits_reversed", "mask_phone", "national_format",
           "search_digits", "validate_phone"]
