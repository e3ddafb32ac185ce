"""VINs: normalisation, characters, length, check digit per region, model year."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.validation.vin import (
    WARNING_CHECK_DIGIT,
    WARNING_MODEL_YEAR,
    VinCheck,
    validate_vin,
    vin_check_digit,
    vin_region,
)

# An independent check-digit implementation (position of the letter in a 1-9 cycle that skips
# I, O, Q and, after R, restarts at S=2), used to build test VINs.
_VALUES = {**{str(d): d for d in range(10)}}
for _letters, _start in (("ABCDEFGH", 1), ("JKLMN", 1), ("P", 7), ("R", 9), ("STUVWXYZ", 2)):
    for _offset, _letter in enumerate(_letters):
        _VALUES[_letter] = _start + _offset
_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def with_check_digit(vin: str) -> str:
    """``vin`` (17 chars, position 9 anything) with the correct check digit."""
    total = sum(_VALUES[c] * w for c, w in zip(vin, _WEIGHTS, strict=True))
    digit = "X" if total % 11 == 10 else str(total % 11)
    return vin[:8] + digit + vin[9:]


def with_wrong_check_digit(vin: str) -> str:
    good = with_check_digit(vin)
    wrong = "1" if good[8] != "1" else "2"
    return good[:8] + wrong + good[9:]


PUBLISHED = ["1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352",
             "5YJSA1DG9DFP14705"]
CHINESE = [with_check_digit(v) for v in ("LSVAU2180N2183294", "LFV2A21K0A3000001",
                                         "LGBH52E05KY123456", "LRW3E7FS0PC000123",
                                         "LHGRU5830K2012345")]


def test_independent_implementation_agrees_with_published_vins() -> None:
    for vin in PUBLISHED:
        assert with_check_digit(vin) == vin


@pytest.mark.parametrize("vin", PUBLISHED + CHINESE)
def test_valid_vins(vin: str) -> None:
    assert validate_vin(vin) == VinCheck(vin=vin, warnings=())
    assert vin_check_digit(vin) == vin[8]


def test_check_digit_ten_is_x() -> None:
    assert vin_check_digit("1M8GDM9AXKP042788") == "X"
    assert validate_vin("1m8gdm9axkp042788").vin == "1M8GDM9AXKP042788"


@pytest.mark.parametrize("raw", ["1m8gdm9axkp042788", " 1M8 GDM9AX-KP042788 ",
                                 "１Ｍ８ＧＤＭ９ＡＸＫＰ０４２７８８", "1M8GDM9AX\u2013KP042788",
                                 "1M8GDM9AXKP042788\u200b"])
def test_normalisation(raw: str) -> None:
    assert validate_vin(raw).vin == "1M8GDM9AXKP042788"


@pytest.mark.parametrize(("raw", "char"), [("1M8GDM9AXKP04278O", "O"),
                                            ("IM8GDM9AXKP042788", "I"),
                                            ("1M8GDM9AXKP0427Q8", "Q"),
                                            ("1m8gdm9axkp04278o", "O")])
def test_i_o_q_are_refused_and_named(raw: str, char: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_vin(raw)
    assert info.value.msgid == "A VIN never contains I, O or Q (found “{char}”)."
    assert info.value.params == {"char": char}
    assert info.value.field == "vin"
    assert info.value.label == "VIN"


@pytest.mark.parametrize(("raw", "char"), [("1M8GDM9AXKP04278*", "*"), ("1M8GDM9AXKP0427粤8", "粤"),
                                            ("1M8GDM9AX_P042788", "_")])
def test_other_characters_are_refused(raw: str, char: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_vin(raw)
    assert info.value.params == {"char": char}


@pytest.mark.parametrize(("raw", "count"), [("", 0), ("1M8GDM9AXKP04278", 16),
                                             ("1M8GDM9AXKP0427888", 18), ("  -  ", 0)])
def test_length(raw: str, count: int) -> None:
    with pytest.raises(ValidationError) as info:
        validate_vin(raw, field="chassis")
    assert info.value.msgid == "A VIN has 17 characters; this has {count}."
    assert info.value.params == {"count": count}
    assert info.value.field == "chassis"


@pytest.mark.parametrize("vin", [with_wrong_check_digit(v) for v in PUBLISHED + CHINESE])
def test_wrong_check_digit_is_refused_in_north_america_and_china(vin: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_vin(vin)
    assert info.value.params == {"found": vin[8], "expected": with_check_digit(vin)[8]}


def test_a_mistyped_character_is_caught_by_the_check_digit() -> None:
    typo = "1M8GDM9AXKP042789"  # last digit 8 → 9
    with pytest.raises(ValidationError):
        validate_vin(typo)


@pytest.mark.parametrize("vin", ["WVWZZZ1KZAW000001", "JTDKN3DU0A0000001", "SALGA2EF8EA000001",
                                 "VF1RFA00X55000001", "KMHD841CBJU000001", "ZFA31200000000001"])
def test_wrong_check_digit_elsewhere_only_warns(vin: str) -> None:
    assert with_check_digit(vin) != vin, "sample must really have a wrong check digit"
    check = validate_vin(vin)
    assert check.vin == vin
    assert check.warnings == (WARNING_CHECK_DIGIT,)
    assert validate_vin(with_check_digit(vin)).warnings == ()


@pytest.mark.parametrize("year_char", ["U", "Z", "0"])
def test_model_year_char_warns_in_check_digit_regions(year_char: str) -> None:
    vin = with_check_digit("LSVAU2180" + year_char + "2183294")
    assert validate_vin(vin).warnings == (WARNING_MODEL_YEAR,)
    european = with_check_digit("WVWZZZ1KZ" + year_char + "W000001")
    assert validate_vin(european).warnings == ()


def test_vin_check_digit_refuses_non_vins() -> None:
    for bad in ("", "1M8GDM9AXKP04278", "1M8GDM9AXKP04278O"):
        with pytest.raises(ValueError):
            vin_check_digit(bad)


@pytest.mark.parametrize(("vin", "region"), [
    ("1M8GDM9AXKP042788", "north_america"), ("2T1BURHE0JC000001", "north_america"),
    ("LSVAU2180N2183294", "china"), ("JTDKN3DU0A0000001", "asia"),
    ("WVWZZZ1KZAW000001", "europe"), ("6T1BF3EK0AU000001", "oceania"),
    ("9BWZZZ377VT004251", "south_america"), ("AHTFR22G806000001", "africa"),
    ("", "unknown"), ("粤", "unknown"),
])
def test_vin_region(vin: str, region: str) -> None:
    assert vin_region(vin) == region


def test_vin_check_is_frozen() -> None:
    check = validate_vin(PUBLISHED[0])
    with pytest.raises(AttributeError):
        check.vin = "x"  # type: ignore[misc]
