"""Tax ids: Chinese USCC with its check character, stdnum countries, generic fallback."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.validation.taxids import tax_id_module, validate_tax_id

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def with_uscc_check(first17: str) -> str:
    """An independent GB 32100 check: weights 3^i mod 31, check = -sum mod 31."""
    total = sum(_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + _ALPHABET[-total % 31]


USCC = ["91110000600037341L"] + [with_uscc_check(b) for b in (
    "91440300MA5FCQ8U0", "91310000132200821", "12100000400000624",
    "52440300MJL123456", "92440101MA59XXXXX".replace("X", "1"))]


def test_independent_check_agrees_with_published_code() -> None:
    assert with_uscc_check("91110000600037341") == "91110000600037341L"


@pytest.mark.parametrize("code", USCC)
def test_valid_uscc(code: str) -> None:
    assert validate_tax_id(code) == code


@pytest.mark.parametrize("raw", ["91110000600037341l", " 9111 0000 6000 3734 1L ",
                                 "91110000-600037341-L", "９１１１００００６０００３７３４１Ｌ"])
def test_uscc_normalisation(raw: str) -> None:
    assert validate_tax_id(raw) == "91110000600037341L"


def test_uscc_wrong_check_character_names_the_expected_one() -> None:
    with pytest.raises(ValidationError) as info:
        validate_tax_id("91110000600037341X", field="customer.tax_id")
    assert info.value.params == {"expected": "L"}
    assert info.value.field == "customer.tax_id"
    assert info.value.label == "Tax ID"


def test_uscc_typo_is_caught() -> None:
    with pytest.raises(ValidationError):
        validate_tax_id("91110000600037431L")  # two digits swapped


@pytest.mark.parametrize(("raw", "count"), [("9111000060003734", 16),
                                             ("91110000600037341LL", 19)])
def test_uscc_length(raw: str, count: int) -> None:
    with pytest.raises(ValidationError) as info:
        validate_tax_id(raw)
    assert info.value.params == {"count": count}


@pytest.mark.parametrize("raw", ["A1110000600037341L", "9111000060003734IL", "91110000600O37341L",
                                 "9111000060003734SL"])
def test_uscc_format(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_tax_id(raw)
    assert "8 digits" in info.value.msgid


@pytest.mark.parametrize("raw", ["9111000060003734#L", "税号91110000600037", "91110000600037341L;"])
def test_odd_characters(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_tax_id(raw)
    assert "only letters and digits" in info.value.msgid


def test_empty_is_optional_unless_required() -> None:
    assert validate_tax_id("") == ""
    assert validate_tax_id("  \x00 ") == ""
    assert validate_tax_id(None) == ""
    with pytest.raises(ValidationError) as info:
        validate_tax_id(" ", required=True)
    assert info.value.msgid == "Enter the tax ID."


@pytest.mark.parametrize(("raw", "country", "expected"), [
    ("DE 136 695 976", "DE", "136695976"),
    ("DE136695976", "de", "136695976"),
    ("04595952", "TW", "04595952"),
    ("12-3456789", "US", "123456789"),
    ("FR 40 303 265 045", "FR", "40303265045"),
    ("GB 980 7806 84", "GB", "980780684"),
])
def test_stdnum_countries(raw: str, country: str, expected: str) -> None:
    assert validate_tax_id(raw, country=country) == expected


@pytest.mark.parametrize(("raw", "country"), [("DE136695978", "DE"), ("04595953", "TW"),
                                               ("FR 41 303 265 045", "FR")])
def test_stdnum_checksum(raw: str, country: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_tax_id(raw, country=country)
    assert "check digit" in info.value.msgid


@pytest.mark.parametrize(("raw", "country"), [("DE12345", "DE"), ("0459595", "TW"),
                                               ("ABC", "US")])
def test_stdnum_invalid(raw: str, country: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_tax_id(raw, country=country)
    assert info.value.params == {"country": country}


@pytest.mark.parametrize(("raw", "country", "expected"), [
    ("hk-1234 5678", "HK", "HK12345678"),
    ("abc", "ZZ", "ABC"),
    ("12/34.56", "MO", "123456"),
])
def test_generic_countries(raw: str, country: str, expected: str) -> None:
    assert tax_id_module(country) is None
    assert validate_tax_id(raw, country=country) == expected


@pytest.mark.parametrize("raw", ["ab", "A" * 41, "--"])
def test_generic_length(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_tax_id(raw, country="HK")
    assert "3 to 40" in info.value.msgid


def test_odd_country_codes_fall_back_to_generic() -> None:
    for country in ("", "C", "CHN", "../", "u.s", "中国"):
        assert tax_id_module(country) is None
    assert validate_tax_id("ABC123", country="../") == "ABC123"


def test_modules() -> None:
    module = tax_id_module("CN")
    assert module is not None and module.__name__ == "stdnum.cn.uscc"
    assert tax_id_module("tw").__name__ == "stdnum.tw.ubn"  # type: ignore[union-attr]
    assert tax_id_module("DE").__name__ == "stdnum.de.vat"  # type: ignore[union-attr]
    assert tax_id_module("US").__name__ == "stdnum.us.tin"  # type: ignore[union-attr]
