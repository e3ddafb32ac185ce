"""Property tests: any text either validates to a fixed point or raises ValidationError."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.validation.phones import digits_reversed, mask_phone, national_format, validate_phone
from app.validation.plates import PROVINCES, plate_search_key, validate_plate
from app.validation.taxids import validate_tax_id
from app.validation.text import escape_like, normalise_text, require_text
from app.validation.vin import VinCheck, normalise_vin, validate_vin

PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

_TRICKY = ("\x00\x01\x1b\x7f\u200b\ufeff\u202e\u3000 \t\n%_\\'\";--/*",
           "０１２３４５６７８９ＡＢＯｉ", "粤京沪粵遼學挂警军使临WJ·.-",
           "IOQ0123456789ABCDEFGHJKLMNPRSTUVWXYZ",
           "abcxyzéßﬁ", "+()（）＋－", "Ωжא٣")
tricky_text = st.text(alphabet=st.sampled_from("".join(_TRICKY)), max_size=40)
huge_text = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=20),
                      st.integers(min_value=100, max_value=5000))
any_text = st.one_of(st.text(), tricky_text, huge_text)

# Near-misses that often validate, so the fixed-point property is really exercised.
vin_like = st.text(alphabet="0123456789ABCDEFGHJKLMNPRSTUVWXYZIOQ abc-", min_size=15,
                   max_size=19)
plate_like = st.builds(lambda p, rest: p + rest, st.sampled_from(PROVINCES + "粵遼WJ使"),
                       st.text(alphabet="ABDFXZ0123456789IO学港·- b", min_size=5, max_size=8))
phone_like = st.builds(lambda prefix, digits: prefix + digits,
                       st.sampled_from(["", "+86 ", "0086", "1", "13", "020-", "+1 ", "+852"]),
                       st.text(alphabet="0123456789 -１２", min_size=4, max_size=14))
tax_like = st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY -", min_size=1, max_size=20)


def assert_fixed_point(validate: Callable[[str], object], raw: str) -> None:
    """``validate(raw)`` raises ValidationError or returns a value that validates to itself."""
    try:
        value = validate(raw)
    except ValidationError as error:
        assert error.message("zh_CN")
        return
    text = value.vin if isinstance(value, VinCheck) else value
    assert isinstance(text, str)
    assert validate(text) == value


@PROPERTY
@given(any_text)
@example("e\x00\u0301")
@example("a \u0301")
def test_normalise_text_is_idempotent_and_clean(raw: str) -> None:
    text = normalise_text(raw)
    assert normalise_text(text) == text
    assert text == text.strip()
    assert "  " not in text
    assert all(c == " " or not c.isspace() for c in text)
    assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in text)
    # NFKC except Chinese full-width punctuation, which free text keeps (fold_width)
    assert unicodedata.is_normalized("NFKC", "".join(
        c for c in text if not ("\uff01" <= c <= "\uff5e" and not c.isalnum())))


@PROPERTY
@given(any_text, st.integers(min_value=1, max_value=50), st.booleans())
def test_require_text(raw: str, max_length: int, required: bool) -> None:
    try:
        text = require_text(raw, field="f", label="F", max_length=max_length, required=required)
    except ValidationError as error:
        assert error.field == "f"
        return
    assert len(text) <= max_length
    assert required <= bool(text)
    assert require_text(text, field="f", label="F", max_length=max_length,
                        required=required) == text


@PROPERTY
@given(st.one_of(st.text(), tricky_text).filter(lambda s: "\x00" not in s),
       st.sampled_from(["", "%"]))
def test_escape_like_matches_literally_in_sqlite(text: str, suffix: str) -> None:
    db = sqlite3.connect(":memory:")
    pattern = escape_like(text) + suffix
    (match,) = db.execute("SELECT ? LIKE ? ESCAPE '\\'", (text, pattern)).fetchone()
    assert match == 1
    if "%" in text or "_" in text:
        defused = text.replace("%", "").replace("_", "")
        (wild,) = db.execute("SELECT ? LIKE ? ESCAPE '\\'", (defused, pattern)).fetchone()
        assert wild == 0


@PROPERTY
@given(st.one_of(any_text, vin_like))
@example("R¸")
def test_validate_vin(raw: str) -> None:
    assert_fixed_point(validate_vin, raw)
    key = normalise_vin(raw)
    assert normalise_vin(key) == key


@PROPERTY
@given(st.one_of(any_text, plate_like), st.booleans())
@example("R¸", False)
@example("粤B·\u0301", True)
def test_validate_plate(raw: str, allow_special: bool) -> None:
    assert_fixed_point(lambda s: validate_plate(s, allow_special=allow_special), raw)
    key = plate_search_key(raw)
    assert plate_search_key(key) == key


@PROPERTY
@given(st.one_of(any_text, phone_like), st.sampled_from(["CN", "US", "HK", "TW", "GB", "XX"]))
def test_validate_phone(raw: str, region: str) -> None:
    assert_fixed_point(lambda s: validate_phone(s, region=region), raw)


@PROPERTY
@given(st.one_of(any_text, phone_like))
def test_display_helpers_never_raise(raw: str) -> None:
    for value in (raw, _try_phone(raw)):
        assert isinstance(mask_phone(value), str)
        assert isinstance(national_format(value), str)
        assert digits_reversed(value).isdigit() or digits_reversed(value) == ""


def _try_phone(raw: str) -> str:
    try:
        return validate_phone(raw)
    except ValidationError:
        return raw


@PROPERTY
@given(st.one_of(any_text, tax_like),
       st.sampled_from(["CN", "DE", "FR", "GB", "US", "TW", "HK", "NL", "BR", "../"]),
       st.booleans())
def test_validate_tax_id(raw: str, country: str, required: bool) -> None:
    assert_fixed_point(lambda s: validate_tax_id(s, country=country, required=required), raw)


@pytest.mark.parametrize("country", ["CN", "TW", "DE"])
@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789", min_size=8, max_size=18))
def test_tax_id_digits(country: str, raw: str) -> None:
    assert_fixed_point(lambda s: validate_tax_id(s, country=country), raw)
