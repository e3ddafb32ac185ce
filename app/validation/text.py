"""Text clean-up shared by every validator, and escaping for SQL ``LIKE`` patterns."""

from __future__ import annotations

import unicodedata

from app.errors import ValidationError
from app.i18n import _

# Zero-width (non-)joiners carry meaning in some scripts and emoji; other format characters
# (zero-width space, BOM, bidi overrides, soft hyphen ...) are invisible copy-paste debris.
_KEPT_FORMAT_CHARS = frozenset("\u200c\u200d")


def _is_debris(char: str) -> bool:
    if char.isspace():
        return False
    category = unicodedata.category(char)
    if category == "Cf":
        return char not in _KEPT_FORMAT_CHARS
    return category in ("Cc", "Cs")


def _is_cjk_punctuation(char: str) -> bool:
    """Full-width punctuation (，。：；（）！？ …) is ordinary punctuation in Chinese text."""
    return "\uff01" <= char <= "\uff5e" and not char.isalnum()


def fold_width(value: str) -> str:
    """NFKC-normalise ``value`` except full-width punctuation.

    Full-width letters and digits from Chinese input methods become ASCII (``１２３`` → ``123``)
    and the ideographic space a space, but ``，：（）`` stay as the writer typed them — NFKC
    would turn Chinese sentences into ``刹车异响,空调有异味:(急)``.
    """
    out: list[str] = []
    run: list[str] = []
    for char in value:
        if _is_cjk_punctuation(char):
            out.append(unicodedata.normalize("NFKC", "".join(run)))
            out.append(char)
            run = []
        else:
            run.append(char)
    out.append(unicodedata.normalize("NFKC", "".join(run)))
    return "".join(out)


def _drop_debris(value: str, *, keep_joiners: bool = True) -> str:
    return "".join(c for c in value
                   if not _is_debris(c) and (keep_joiners or c not in _KEPT_FORMAT_CHARS))


def normalise_text(value: str) -> str:
    """Clean text typed or pasted by a user.

    Control characters (NUL included), lone surrogates and invisible format characters (bidi
    marks and overrides, zero-width space, BOM, soft hyphen …) are removed, the text is
    width-folded (``fold_width``: full-width letters and digits from Chinese input methods
    become ASCII, the ideographic space becomes a space, Chinese punctuation stays), runs of
    whitespace (tabs and line breaks included) become one space and the ends are stripped.
    Idempotent.
    """
    cleaned = fold_width(_drop_debris(value))
    # NFKC never produces control characters, but be sure the result is stable.
    return " ".join(_drop_debris(cleaned).split())


def normalise_lines(value: str) -> str:
    """``normalise_text`` for multi-line text: each line is cleaned on its own, line breaks
    (``\\r\\n``, ``\\r``, U+2028 …) become ``\\n``, blank lines at the ends are dropped and
    several blank lines in a row become one."""
    lines = [normalise_text(line) for line in value.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def normalise_identifier(value: str) -> str:
    """Like ``normalise_text`` but folds full-width punctuation too (fully NFKC) and drops the
    zero-width joiners: for plates, VINs, phone numbers, tax ids and user names, where
    ``＋８６（０２０）`` means ``+86(020)`` and nothing invisible may tell two values apart."""
    return _drop_debris(normalise_text(unicodedata.normalize("NFKC", value)),
                        keep_joiners=False)


def clean_text(value: object, *, field: str, label: str, max_length: int,
               multiline: bool = False, required: bool = False) -> str:
    """The one clean-up for a free-text field a service stores.

    NUL and other control characters are removed (line breaks kept when ``multiline``),
    invisible format characters and bidi controls removed (the zero-width joiners ZWJ/ZWNJ
    stay: they are part of emoji sequences and of words in some scripts), the width folded
    (``fold_width``) and whitespace collapsed (``normalise_text``/``normalise_lines``).
    ``None`` counts as empty; anything else that is not text is refused. The cleaned text must
    fit the column: more than ``max_length`` characters raises ``ValidationError`` naming the
    field and the maximum, as does an empty ``required`` field.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, label, _("Enter text."))
    text = normalise_lines(value) if multiline else normalise_text(value)
    if not text:
        if required:
            raise ValidationError(field, label, _("This field is required."))
        return ""
    if len(text) > max_length:
        raise ValidationError(field, label,
                              _("At most {max_length} characters (this has {count})."),
                              max_length=max_length, count=len(text))
    return text


TEXT_LIMIT = 4000
"""The longest text a ``Text`` column (no length of its own) accepts from a form."""


def escape_like(value: str, escape: str = "\\") -> str:
    """Escape ``%``, ``_`` and ``escape`` itself so ``value`` matches literally in ``LIKE``.

    Use with the same escape character in the query, e.g.
    ``column.like(escape_like(text) + "%", escape="\\\\")`` for a prefix search.
    """
    if len(escape) != 1:
        raise ValueError("the LIKE escape must be exactly one character")
    out: list[str] = []
    for char in value:
        if char in ("%", "_", escape):
            out.append(escape)
        out.append(char)
    return "".join(out)


def require_text(
    value: str | None,
    *,
    field: str,
    label: str,
    max_length: int,
    required: bool = True,
) -> str:
    """``clean_text`` on one line, required unless told otherwise (returns ``""`` for an empty
    optional field)."""
    return clean_text(value, field=field, label=label, max_length=max_length,
                      required=required)
