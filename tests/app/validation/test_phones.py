"""Phone numbers: E.164 validation, masking, national format, reversed digits."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.validation.phones import digits_reversed, mask_phone, national_format, validate_phone


@pytest.mark.parametrize(("raw", "e164"), [
    ("13812345678", "+8613812345678"),
    ("138 1234 5678", "+8613812345678"),
    ("138-1234-5678", "+8613812345678"),
    ("１３８１２３４５６７８", "+8613812345678"),
    ("１３８　１２３４　５６７８", "+8613812345678"),
    ("+86-138-1234-5678", "+8613812345678"),
    ("＋８６ １３８ １２３４ ５６７８", "+8613812345678"),
    ("+86 (138) 1234 5678", "+8613812345678"),
    ("0086 138 1234 5678", "+8613812345678"),
    ("199 1234 5678", "+8619912345678"),
    ("020-8888 6666", "+862088886666"),
    ("（020）8888-6666", "+862088886666"),
    ("010 6552 9988", "+861065529988"),
    ("0755-8888 6666", "+8675588886666"),
    ("400 810 8888", "+864008108888"),
    ("+852 2123 4567", "+85221234567"),
    ("+886 912 345 678", "+886912345678"),
    ("+1 (650) 253-0000", "+16502530000"),
    ("+8613812345678", "+8613812345678"),
])
def test_valid_numbers(raw: str, e164: str) -> None:
    assert validate_phone(raw) == e164


def test_other_home_region() -> None:
    assert validate_phone("(650) 253-0000", region="US") == "+16502530000"
    assert validate_phone("0912 345 678", region="TW") == "+886912345678"
    assert validate_phone("+86 138 1234 5678", region="TW") == "+8613812345678"


@pytest.mark.parametrize("raw", [
    "138 1234 567",        # 10 digits
    "1381234567890",       # too long
    "+86 238 1234 5678",   # no such mobile prefix
    "12345",
    "95588",
    "0000000",
    "+999 1234 5678",      # no such country
])
def test_invalid_numbers_say_what_is_expected(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_phone(raw, field="customer.phone")
    error = info.value
    assert error.field == "customer.phone"
    assert error.label == "Phone"
    assert error.params == {"mobile": "138 1234 5678", "landline": "020-8888 6666"}
    assert "138 1234 5678" in str(error) and "020-8888 6666" in str(error)


@pytest.mark.parametrize("raw", ["138 1234 5678 ext 12", "tel 13812345678", "1-800-FLOWERS",
                                 "13812345678; DROP TABLE customer", "138*1234*5678",
                                 "13812345678+", "++8613812345678"])
def test_letters_and_symbols_are_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_phone(raw)
    assert "only digits" in info.value.msgid


@pytest.mark.parametrize("raw", ["", "   ", "\x00"])
def test_empty(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_phone(raw)
    assert info.value.msgid.startswith("Enter a phone number")


def test_examples_follow_the_region() -> None:
    with pytest.raises(ValidationError) as info:
        validate_phone("12", region="US")
    assert info.value.params["mobile"].startswith("(")  # US national format


def test_unknown_region_without_country_code() -> None:
    with pytest.raises(ValidationError):
        validate_phone("13812345678", region="XX")
    assert validate_phone("+8613812345678", region="XX") == "+8613812345678"


@pytest.mark.parametrize(("e164", "masked"), [
    ("+8613812345678", "138****5678"),
    ("+8619912345678", "199****5678"),
    ("+862088886666", "+86208***6666"),
    ("+442079460958", "+44207***0958"),
    ("+16502530000", "+1650***0000"),
    ("+85221234567", "+852212*4567"),
    ("13812345678", "138****5678"),     # old data, not E.164: digits masked
    ("12345", "1***5"),
    ("", ""),
])
def test_mask_phone(e164: str, masked: str) -> None:
    assert mask_phone(e164) == masked


@pytest.mark.parametrize(("e164", "text"), [
    ("+8613812345678", "138 1234 5678"),
    ("+862088886666", "020 8888 6666"),
    ("+16502530000", "+1 650-253-0000"),
    ("not a number", "not a number"),
])
def test_national_format(e164: str, text: str) -> None:
    assert national_format(e164) == text


def test_national_format_other_home() -> None:
    assert national_format("+16502530000", home_region="US") == "(650) 253-0000"


@pytest.mark.parametrize(("e164", "rev"), [
    ("+8613812345678", "87654321831"),
    ("+862088886666", "6666888802"),
    ("5678", "8765"),                   # a typed suffix gives the prefix to search for
    ("138-1234", "4321831"),
])
def test_digits_reversed(e164: str, rev: str) -> None:
    assert digits_reversed(e164) == rev


def test_suffix_search_becomes_prefix_search() -> None:
    stored = digits_reversed(validate_phone("138 1234 5678"))
    assert stored.startswith(digits_reversed("5678"))
    assert not stored.startswith(digits_reversed("5679"))
