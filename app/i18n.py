"""Translation of messages raised or printed by the domain layer (gettext-style).

Code marks a message with ``_("English text {param}")``; the marker returns the text unchanged
so the message can travel inside an exception and be translated where it is shown, in that
user's language: ``translate(msgid, "zh_CN", param=...)``. Catalogues are PO files, one per
business area, in resources/translations/app/<lang>/*.po (zh_CN, zh_TW); English is the msgid
itself. tests/app/test_i18n.py fails when a marked message lacks a translation.
"""

from __future__ import annotations

import locale
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("zh_CN", "zh_TW", "en")
LANGUAGE_NAMES = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"


def _(msgid: str) -> str:
    """Mark ``msgid`` for translation; returns it unchanged."""
    return msgid


class Label(str):
    """A message parameter that is itself a msgid (a status name, a payer ...).

    ``DomainError`` translates such parameters into the reader's language along with the
    message: ``DomainError(_("Order is {status}"), status=Label(_("completed")))``.
    """

    __slots__ = ()


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The msgid → translation map of ``lang`` (empty for English or an unknown language)."""
    folder = TRANSLATIONS_DIR / "app" / lang
    if lang == "en" or not folder.is_dir():
        return {}
    from babel.messages.pofile import read_po

    merged: dict[str, str] = {}
    for path in sorted(folder.glob("*.po")):
        with path.open("rb") as fh:
            cat = read_po(fh)
        merged.update({m.id: m.string for m in cat
                       if m.id and m.string and isinstance(m.id, str)
                       and isinstance(m.string, str)})
    return merged


def translate(msgid: str, lang: str, /, **params: Any) -> str:
    """``msgid`` in ``lang`` with ``params`` filled in; falls back to English."""
    text = catalogue(normalise_language(lang)).get(msgid, msgid)
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return msgid.format(**params)


def normalise_language(lang: str | None) -> str:
    """Map ``zh-Hans``, ``zh_CN.UTF-8``, ``zh-HK``, ``en_US`` ... onto a shipped language."""
    if not lang:
        return "en"
    code = lang.replace("-", "_").split(".")[0]
    lower = code.lower()
    if lower in ("zh_tw", "zh_hk", "zh_mo", "zh_hant") or lower.startswith("zh_hant"):
        return "zh_TW"
    if lower.startswith("zh"):
        return "zh_CN"
    return "en"


def system_language() -> str:
    """The shipped language closest to the operating system's locale."""
    try:
        lang = locale.getlocale()[0]
    except ValueError:
        lang = None
    return normalise_language(lang)
