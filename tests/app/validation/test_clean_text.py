"""``clean_text``: the one clean-up of free text before it is stored."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.validation.text import clean_text, normalise_identifier, normalise_lines


def _clean(value: object, **kw: object) -> str:
    return clean_text(value, field="notes", label="Notes", max_length=kw.pop("max_length", 50),
                      **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw, expected", [
    ("陈\x00晓明", "陈晓明"),
    ("a\x07b\x1bc\x7fd", "abcd"),
    ("\u202eevil\u202c name", "evil name"),         # bidi override and pop
    ("\u2066x\u2069 \u200ey\u200f", "x y"),         # isolates, LRM/RLM
    ("zero\u200bwidth\ufeff", "zerowidth"),           # ZWSP, BOM
    ("\u061cأحمد", "أحمد"),                         # Arabic letter mark
    ("Ｗｉｐｅｒ　ｂｌａｄｅ", "Wiper blade"),          # width folded
    ("刹车异响，（急）", "刹车异响，（急）"),               # Chinese punctuation kept
    ("  a \t\n b  ", "a b"),
    ("\ud800lone", "lone"),                          # a lone surrogate
    (None, ""),
])
def test_one_line_text_loses_everything_invisible(raw: object, expected: str) -> None:
    assert _clean(raw) == expected


def test_zero_width_joiners_stay_in_free_text_but_not_in_identifiers() -> None:
    family = "👨\u200d👩\u200d👧"
    assert _clean(family) == family
    assert _clean("می\u200cخواهم") == "می\u200cخواهم"
    assert normalise_identifier("adv\u200disor") == "advisor"
    assert normalise_identifier("13\u200c8") == "138"


def test_multi_line_text_keeps_its_line_breaks_and_nothing_else() -> None:
    raw = "\r\n  第一行\x00 \r\n\r\n\r\n第二行\u2028第三行\t \n\n"
    assert _clean(raw, multiline=True) == "第一行\n\n第二行\n第三行"
    assert _clean(raw) == "第一行 第二行 第三行"
    assert normalise_lines(normalise_lines(raw)) == normalise_lines(raw)


def test_too_long_text_names_the_field_and_the_maximum() -> None:
    with pytest.raises(ValidationError) as caught:
        _clean("王" * 101, max_length=100)
    assert caught.value.field == "notes"
    assert caught.value.params == {"max_length": 100, "count": 101}
    assert "100" in caught.value.message("zh_CN")
    assert _clean("王" * 100, max_length=100) == "王" * 100


def test_the_length_is_checked_after_cleaning() -> None:
    assert _clean("\x00" * 60 + "王", max_length=1) == "王"
    with pytest.raises(ValidationError):  # NFKC may lengthen: ﷺ is 18 letters
        _clean("\ufdfa" * 3, max_length=50)


def test_required_and_wrong_types() -> None:
    with pytest.raises(ValidationError):
        _clean("\x00\u200b ", required=True)
    with pytest.raises(ValidationError):
        _clean(12)
    assert _clean("王", required=True) == "王"  # one character is a whole name
