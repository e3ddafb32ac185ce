"""Vehicle identification numbers (VIN, 车架号): ISO 3779 with the North-American check digit.

A VIN has 17 characters from ``A–Z`` and ``0–9`` without I, O and Q. Position 9 is a check
digit (weights 8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2 over the transliterated characters, sum mod
11, remainder 10 written ``X``). It is mandatory in North America (first character 1–5) and in
China (GB 16735, first character ``L``): a wrong one there is refused as a typing mistake.
Elsewhere (European and Japanese imports) manufacturers need not use it, so a mismatch only adds
a warning. Position 10 is the model-year code in North America and China (never U, Z or 0);
a bad one is a warning too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import _
from app.validation.text import normalise_identifier

LABEL = _("VIN")
LENGTH = 17

WEIGHTS: tuple[int, ...] = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
TRANSLITERATION: dict[str, int] = {
    **{str(d): d for d in range(10)},
    "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
    "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
    "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
}
_VIN_RE = re.compile(r"[A-HJ-NPR-Z0-9]{17}")
_SEPARATORS = str.maketrans("", "", " -‐‑‒–—―−﹣")
_MODEL_YEAR_CODES = frozenset("ABCDEFGHJKLMNPRSTVWXY123456789")

#: ``vin_region`` codes → display labels (msgids).
REGION_LABELS: dict[str, str] = {
    "africa": _("Africa"),
    "asia": _("Asia"),
    "china": _("China"),
    "europe": _("Europe"),
    "north_america": _("North America"),
    "oceania": _("Oceania"),
    "south_america": _("South America"),
    "unknown": _("Unknown region"),
}
_REGIONS: tuple[tuple[str, str], ...] = (
    ("north_america", "12345"),
    ("oceania", "67"),
    ("south_america", "89"),
    ("africa", "ABCDEFGH"),
    ("asia", "JKLMNPR"),
    ("europe", "STUVWXYZ"),
)
CHECK_DIGIT_REGIONS = frozenset({"north_america", "china"})

WARNING_CHECK_DIGIT = _(
    "The check digit (9th character) does not match; compare the VIN with the vehicle's "
    "registration certificate.")
WARNING_MODEL_YEAR = _(
    "The 10th character is not a model-year code (never U, Z or 0); compare the VIN with the "
    "vehicle's registration certificate.")


@dataclass(frozen=True)
class VinCheck:
    """A valid VIN and the warnings (msgids) worth showing to the user."""

    vin: str
    warnings: tuple[str, ...]


def normalise_vin(raw: str) -> str:
    """Upper-case ``raw`` after NFKC and drop spaces and hyphens (no validation)."""
    return unicodedata.normalize("NFC", normalise_identifier(raw).upper().translate(_SEPARATORS))


def vin_check_digit(vin: str) -> str:
    """The check digit (``0``–``9`` or ``X``) that position 9 of ``vin`` should hold.

    ``vin`` must be 17 valid VIN characters (upper or lower case); ``ValueError`` otherwise.
    """
    vin = vin.upper()
    if not _VIN_RE.fullmatch(vin):
        raise ValueError(f"not 17 VIN characters: {vin!r}")
    remainder = sum(TRANSLITERATION[c] * w for c, w in zip(vin, WEIGHTS, strict=True)) % 11
    return "X" if remainder == 10 else str(remainder)


def vin_region(vin: str) -> str:
    """The region of the manufacturer (world manufacturer identifier), a ``REGION_LABELS`` key."""
    first = vin[:1].upper()
    if not first:
        return "unknown"
    if first == "L":
        return "china"
    for region, chars in _REGIONS:
        if first in chars:
            return region
    return "unknown"


def validate_vin(raw: str, *, field: str = "vin") -> VinCheck:
    """Normalise and check a VIN typed by the user (see the module docstring for the rules).

    Lower case, full-width characters, spaces and hyphens are accepted. Raises
    ``ValidationError`` for a wrong length, a character that never appears in a VIN or a wrong
    check digit where it is mandatory.
    """
    vin = normalise_vin(raw)
    for char in vin:
        if char in "IOQ":
            raise ValidationError(field, LABEL,
                                  _("A VIN never contains I, O or Q (found “{char}”)."),
                                  char=char)
        if not ("A" <= char <= "Z" or "0" <= char <= "9"):
            raise ValidationError(
                field, LABEL, _("A VIN has only letters and digits (found “{char}”)."),
                char=char)
    if len(vin) != LENGTH:
        raise ValidationError(field, LABEL, _("A VIN has 17 characters; this has {count}."),
                              count=len(vin))
    warnings: list[str] = []
    region = vin_region(vin)
    expected = vin_check_digit(vin)
    if vin[8] != expected:
        if region in CHECK_DIGIT_REGIONS:
            raise ValidationError(
                field, LABEL,
                _("The check digit (9th character) is “{found}” but the other characters give "
                  "“{expected}”: a character is probably mistyped."),
                found=vin[8], expected=expected)
        warnings.append(WARNING_CHECK_DIGIT)
    if region in CHECK_DIGIT_REGIONS and vin[9] not in _MODEL_YEAR_CODES:
        warnings.append(WARNING_MODEL_YEAR)
    return VinCheck(vin=vin, warnings=tuple(warnings))
