"""Chinese licence plates: regular, new-energy, suffixes, normalisation and special plates."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.validation.plates import (
    EXPECTED,
    PROVINCES,
    TRADITIONAL_TO_SIMPLIFIED,
    plate_search_key,
    validate_plate,
)

REGULAR = ["粤B12345", "京A88888", "沪AD1234", "川A9X7Z3", "新AB1234", "琼E00001", "蒙K12345",
           "黑AH7788", "渝BZZZZ9"]
SUFFIXED = ["粤B1234学", "京A1234警", "粤Z1234港", "粤Z5678澳", "苏E1234挂", "沪A1234领",
            "京A1234试", "冀D1234超"]
NEW_ENERGY = ["粤BD12345", "粤BF12345", "沪ADA1234", "浙AFA1234",
              "京AA12345", "苏EK01234", "粤B12345D", "沪C12345F"]


@pytest.mark.parametrize("plate", REGULAR + SUFFIXED + NEW_ENERGY)
def test_valid_plates(plate: str) -> None:
    assert validate_plate(plate) == plate


def test_every_province_is_accepted() -> None:
    assert len(PROVINCES) == 31
    for province in PROVINCES:
        assert validate_plate(f"{province}A12345") == f"{province}A12345"


@pytest.mark.parametrize(("raw", "expected"), [
    ("粤b12345", "粤B12345"),
    ("粤 B 12345", "粤B12345"),
    ("粤B·12345", "粤B12345"),
    ("粤B-12345", "粤B12345"),
    ("粤B.12345", "粤B12345"),
    ("粤Ｂ１２３４５", "粤B12345"),
    ("　粤ｂｄ１２３４５　", "粤BD12345"),
    ("粵B12345", "粤B12345"),
    ("廣B12345", "粤B12345"),
    ("遼A12345", "辽A12345"),
    ("蘇E12345", "苏E12345"),
    ("魯B12345", "鲁B12345"),
    ("滬A12345", "沪A12345"),
    ("閩D12345", "闽D12345"),
    ("陝A12345", "陕A12345"),
    ("寧A12345", "宁A12345"),
    ("甯A12345", "宁A12345"),
    ("瓊A12345", "琼A12345"),
    ("雲A12345", "云A12345"),
    ("貴A12345", "贵A12345"),
    ("贛A12345", "赣A12345"),
    ("晉A12345", "晋A12345"),
    ("粵B1234學", "粤B1234学"),
    ("粵B1234掛", "粤B1234挂"),
])
def test_normalisation(raw: str, expected: str) -> None:
    assert validate_plate(raw) == expected
    assert plate_search_key(raw) == expected


def test_traditional_map_only_targets_plate_characters() -> None:
    allowed = set(PROVINCES) | set("学警港澳挂领试超军临")
    assert set(TRADITIONAL_TO_SIMPLIFIED.values()) <= allowed


@pytest.mark.parametrize(("raw", "char"), [("粤BI2345", "I"), ("粤B1234O", "O"),
                                            ("粤b12o45", "O"), ("粤O12345", "O"),
                                            ("粤BDI2345", "I")])
def test_letters_i_and_o_are_refused(raw: str, char: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_plate(raw)
    assert "I or O" in info.value.msgid
    assert info.value.params == {"char": char}
    assert info.value.field == "plate"
    assert info.value.label == "Licence plate"


@pytest.mark.parametrize("raw", [
    "粤B1234",        # too short
    "粤B123456",      # 6 after the city letter but not a new-energy pattern (no D/F first)
    "粤BD1234A",      # new-energy small: last 4 must be digits
    "粤B1234DD",      # new-energy large: 5 digits then D/F
    "粤B12345E",      # large with a letter other than D/F
    "粤BZ123456",     # 9 characters
    "粤B1234学5",     # suffix not last
    "粤B12学45",
])
def test_wrong_shapes_say_what_is_expected(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_plate(raw, field="vehicle.plate")
    assert info.value.msgid == EXPECTED
    assert info.value.field == "vehicle.plate"


def test_city_letter_must_be_a_letter() -> None:
    with pytest.raises(ValidationError) as info:
        validate_plate("粤112345")
    assert "city letter" in info.value.msgid


@pytest.mark.parametrize("raw", ["B12345", "X粤12345", "广B12345", "黔A12345"])
def test_province_is_required(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_plate(raw)
    assert "province" in info.value.msgid
    assert info.value.params == {"char": plate_search_key(raw)[0]}


@pytest.mark.parametrize("raw", ["", "   ", "·-", "\x00"])
def test_empty(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_plate(raw)
    assert info.value.msgid.startswith("Enter the licence plate")


SPECIAL = {
    "WJ粤12345": "WJ粤12345",     # armed police
    "使 123456": "使123456",       # embassy
    "123456使": "123456使",
    "军 A·12345": "军A12345",
    "臨時12345": "临時12345",       # temporary (first char mapped, rest kept)
    "粤临 A1234": "粤临A1234",
}


@pytest.mark.parametrize(("raw", "expected"), SPECIAL.items())
def test_special_plates_need_the_override(raw: str, expected: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_plate(raw)
    assert "special plate" in info.value.msgid
    assert validate_plate(raw, allow_special=True) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("AB 1234", "AB1234"),              # Hong Kong
    ("m-12-34", "M1234"),               # Macau
    ("ca 123-abc", "CA123ABC"),         # foreign
    ("VA12345", "VA12345"),             # military letters
    ("Oi", "OI"),                       # I/O allowed on foreign plates
])
def test_foreign_plates_need_the_override(raw: str, expected: str) -> None:
    with pytest.raises(ValidationError):
        validate_plate(raw)
    assert validate_plate(raw, allow_special=True) == expected


@pytest.mark.parametrize("raw", ["A", "粤", "ABCDEFGHJKLMN", "AB#123", "粤B12345!", "粤B😀123"])
def test_special_plate_limits(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_plate(raw, allow_special=True)
    assert "2 to 12" in info.value.msgid


def test_override_still_normalises_regular_plates() -> None:
    assert validate_plate(" 粵bd·12345 ", allow_special=True) == "粤BD12345"


@pytest.mark.parametrize(("raw", "key"), [("b123", "B123"), ("粵 b·12", "粤B12"),
                                          ("１２３４５", "12345"), ("", ""), ("%_", "%")])
def test_search_key_does_not_validate(raw: str, key: str) -> None:
    assert plate_search_key(raw) == key
