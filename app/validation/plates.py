"""Chinese licence plates (中国机动车号牌, GA 36).

Input is normalised first (``plate_search_key``): NFKC (full-width letters and digits become
ASCII), upper case, spaces, dots (``粤B·12345``), hyphens and underscores removed, Traditional
characters mapped to the Simplified ones used on plates (粵→粤, 遼→辽, 蘇→苏 ...).

Accepted without ``allow_special``:

- Regular plates, 7 characters: a province character (京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕
  吉闽贵粤青藏川宁琼), the city letter (A–Z without I and O), then 5 letters or digits, e.g.
  ``粤B12345``. The last of the five may instead be 学 (learner), 警 (police), 港/澳 (Hong
  Kong / Macau cross-border), 挂 (trailer), 领 (consulate), 试 (test) or 超 (over-size), e.g.
  ``粤B1234学``.
- New-energy plates, 8 characters: province, city letter, then either
  small vehicles: an energy letter D, A, B, C, E (battery electric) or F, G, H, J, K (other
  new-energy) followed by a letter or digit and 4 digits, e.g. ``粤BD12345``, ``沪AFA1234``;
  or large vehicles: 5 digits followed by D or F, e.g. ``粤B12345D``.

Letters I and O never appear on Chinese plates (they read as 1 and 0). Everything else —
military (军, VA…), armed police (WJ), embassy (使), temporary (临), Hong Kong, Macau and foreign
plates — is refused unless ``allow_special=True``; then any 2–12 letters, digits or Chinese
characters are accepted as they were written (after normalisation).
"""

from __future__ import annotations

import re
import unicodedata

from app.errors import ValidationError
from app.i18n import _
from app.validation.text import normalise_identifier

LABEL = _("Licence plate")

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
SUFFIXES = "学警港澳挂领试超"
SPECIAL_MARKERS = "军使临"  # military, embassy, temporary

#: Traditional (and variant) characters → the Simplified character used on plates.
TRADITIONAL_TO_SIMPLIFIED: dict[str, str] = {
    "貴": "贵", "遼": "辽", "蘇": "苏", "魯": "鲁", "滬": "沪", "閩": "闽", "粵": "粤",
    "廣": "粤", "陝": "陕", "寧": "宁", "甯": "宁", "瓊": "琼", "雲": "云", "贛": "赣",
    "晉": "晋", "學": "学", "掛": "挂", "領": "领", "試": "试", "軍": "军", "臨": "临",
}
_TRADITIONAL = str.maketrans(TRADITIONAL_TO_SIMPLIFIED)
_SEPARATORS = str.maketrans("", "", " .·•・‧∙-‐‑‒–—―−﹣_")

_ALNUM = "A-HJ-NP-Z0-9"
_REGULAR_RE = re.compile(rf"[{PROVINCES}][A-HJ-NP-Z][{_ALNUM}]{{4}}[{_ALNUM}{SUFFIXES}]")
_NEW_ENERGY_SMALL_RE = re.compile(rf"[{PROVINCES}][A-HJ-NP-Z][DABCEFGHJK][{_ALNUM}]\d{{4}}")
_NEW_ENERGY_LARGE_RE = re.compile(rf"[{PROVINCES}][A-HJ-NP-Z]\d{{5}}[DF]")
_SPECIAL_CHAR_RE = re.compile(
    r"[A-Z0-9\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

EXPECTED = _("A plate is a province character, a city letter and 5 letters or digits "
             "(e.g. 粤B12345), or 6 for new-energy vehicles (e.g. 粤BD12345).")


def plate_search_key(raw: str) -> str:
    """Normalise ``raw`` as ``validate_plate`` does, without checking it (for search input)."""
    key = normalise_identifier(raw).upper().translate(_SEPARATORS).translate(_TRADITIONAL)
    # Dropping a separator can bring a letter and a combining mark together: compose them.
    return unicodedata.normalize("NFC", key)


def is_regular_plate(plate: str) -> bool:
    """Whether a normalised plate is a regular or new-energy plate (no special plate)."""
    return bool(_REGULAR_RE.fullmatch(plate) or _NEW_ENERGY_SMALL_RE.fullmatch(plate)
                or _NEW_ENERGY_LARGE_RE.fullmatch(plate))


def _looks_special(plate: str) -> bool:
    return plate.startswith("WJ") or any(c in SPECIAL_MARKERS for c in plate)


def validate_plate(raw: str, *, allow_special: bool = False, field: str = "plate") -> str:
    """Normalise and check a licence plate; returns it without separators, e.g. ``粤BD12345``.

    See the module docstring for the accepted forms. Raises ``ValidationError`` saying what is
    expected.
    """
    plate = plate_search_key(raw)
    if not plate:
        raise ValidationError(field, LABEL, _("Enter the licence plate (e.g. 粤B12345)."))
    if is_regular_plate(plate):
        return plate
    if allow_special:
        if 2 <= len(plate) <= 12 and all(_SPECIAL_CHAR_RE.fullmatch(c) for c in plate):
            return plate
        raise ValidationError(
            field, LABEL,
            _("A special plate has 2 to 12 letters, digits or Chinese characters."))
    if _looks_special(plate):
        raise ValidationError(
            field, LABEL,
            _("Military, armed police, embassy, temporary, Hong Kong, Macau and foreign plates "
              "are accepted only when entered as a special plate."))
    for char in plate:
        if char in "IO":
            raise ValidationError(
                field, LABEL,
                _("Chinese plates never use the letters I or O (found “{char}”); "
                  "type the digit 1 or 0 instead."), char=char)
    if plate[0] not in PROVINCES:
        raise ValidationError(
            field, LABEL,
            _("A plate starts with a province character such as 粤, 京 or 沪 (found “{char}”); "
              "Hong Kong, Macau and foreign plates are entered as special plates."),
            char=plate[0])
    if len(plate) < 2 or not ("A" <= plate[1] <= "Z"):
        raise ValidationError(
            field, LABEL,
            _("The second character of a plate is the city letter A–Z (without I and O)."))
    raise ValidationError(field, LABEL, EXPECTED)
