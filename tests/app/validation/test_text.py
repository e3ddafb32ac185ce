"""Text clean-up, required/length checks and LIKE escaping."""

from __future__ import annotations

import sqlite3

import pytest

from app.errors import ValidationError
from app.validation.text import escape_like, normalise_text, require_text


@pytest.mark.parametrize(("raw", "expected"), [
    ("  张三  ", "张三"),
    ("１３８　１２３４", "138 1234"),          # full-width digits and ideographic space
    ("ＡＢＣｄｅｆ", "ABCdef"),
    ("a\tb\n\nc\r\n d", "a b c d"),
    ("a\x00b", "ab"),
    ("\x07bell\x1b[0m", "bell[0m"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("\u202eevil", "evil"),                     # bidi override
    ("", ""),
    ("   ", ""),
    ("e\u0301", "é"),                           # composed
    ("\ufb01le", "file"),                       # ligature
])
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_normalise_text_keeps_zero_width_joiner_in_emoji() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert normalise_text(family) == family


@pytest.mark.parametrize(("raw", "expected"), [
    ("100%", "100\\%"),
    ("a_b", "a\\_b"),
    ("C:\\tmp", "C:\\\\tmp"),
    ("\\%_", "\\\\\\%\\_"),
    ("plain", "plain"),
    ("", ""),
])
def test_escape_like(raw: str, expected: str) -> None:
    assert escape_like(raw) == expected


def test_escape_like_other_escape_char() -> None:
    assert escape_like("5%!_", escape="!") == "5!%!!!_"


def test_escape_like_refuses_a_long_escape() -> None:
    with pytest.raises(ValueError, match="one character"):
        escape_like("x", escape="\\\\")


def like(text: str, pattern: str) -> bool:
    db = sqlite3.connect(":memory:")
    return bool(db.execute("SELECT ? LIKE ? ESCAPE '\\'", (text, pattern)).fetchone()[0])


@pytest.mark.parametrize("text", ["100%", "a_b", "back\\slash", "%_%", "粤B_%1"])
def test_escaped_pattern_matches_only_the_literal_text(text: str) -> None:
    pattern = escape_like(text)
    assert like(text, pattern)
    wildcard_food = text.replace("%", "xyz").replace("_", "Q")
    assert wildcard_food == text or not like(wildcard_food, pattern)
    # As a prefix search it finds the text followed by anything, and nothing else.
    assert like(text + "tail", pattern + "%")
    assert wildcard_food == text or not like(wildcard_food + "tail", pattern + "%")


def test_require_text_normalises() -> None:
    assert require_text(" 　王 五\t", field="name", label="Name", max_length=10) == "王 五"


def test_require_text_required_empty() -> None:
    for empty in ("", "   ", "\x00", None):
        with pytest.raises(ValidationError) as info:
            require_text(empty, field="name", label="Name", max_length=10)
        assert info.value.field == "name"
        assert info.value.label == "Name"
        assert info.value.msgid == "This field is required."


def test_require_text_optional_empty() -> None:
    assert require_text("  ", field="note", label="Note", max_length=5, required=False) == ""
    assert require_text(None, field="note", label="Note", max_length=5, required=False) == ""


def test_require_text_too_long_counts_after_normalising() -> None:
    assert require_text("  abcde  ", field="f", label="F", max_length=5) == "abcde"
    with pytest.raises(ValidationError) as info:
        require_text("abcdef", field="f", label="F", max_length=5)
    assert info.value.params == {"max_length": 5, "count": 6}
    assert "5" in str(info.value) and "6" in str(info.value)


def test_chinese_punctuation_survives_while_full_width_digits_fold() -> None:
    from app.validation.text import fold_width, normalise_text

    text = "客户反映刹车异响，空调有异味：（急）；好。里程１２３４５ｋｍ"
    assert normalise_text(text) == "客户反映刹车异响，空调有异味：（急）；好。里程12345km"
    assert fold_width("前刹车片（套）") == "前刹车片（套）"
    assert normalise_text("Ａ　Ｂ") == "A B"  # ideographic space and full-width letters
