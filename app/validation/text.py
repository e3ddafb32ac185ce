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


def normalise_text(value: str) -> str:
    """Clean text typed or pasted by a user.

    Control characters (NUL included), lone surrogates and invisible format characters are
    removed, the text is width-folded (``fold_width``: full-width letters and digits from
    Chinese input methods become ASCII, the ideographic space becomes a space, Chinese
    punctuation stays), runs of whitespace (tabs and line breaks included) become one space and
    the ends are stripped. Idempotent.
    """
    cleaned = "".join(c for c in value if not _is_debris(c))
    cleaned = fold_width(cleaned)
    # NFKC never produces control characters, but be sure the result is stable.
    cleaned = "".join(c for c in cleaned if not _is_debris(c))
    return " ".join(cleaned.split())


def normalise_identifier(value: str) -> str:
    """Like ``normalise_text`` but folds full-width punctuation too (fully NFKC): for plates,
    VINs, phone numbers and tax ids, where ``＋８６（０２０）`` means ``+86(020)``."""
    return normalise_text(unicodedata.normalize("NFKC", value))


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
    """Normalise ``value`` (see ``normalise_text``) and check it is present and not too long.

    ``None`` counts as empty. Returns ``""`` for an empty optional field. Raises
    ``ValidationError(field, label, ...)`` when a required field is empty or the normalised
    text has more than ``max_length`` characters.
    """
    text = normalise_text(value) if value is not None else ""
    if not text:
        if required:
            raise ValidationError(field, label, _("This field is required."))
        return ""
    if len(text) > max_length:
        raise ValidationError(field, label,
                              _("At most {max_length} characters (this has {count})."),
                              max_length=max_length, count=len(text))
    return text
