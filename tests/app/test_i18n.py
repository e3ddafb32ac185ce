"""Every message marked with ``_()`` under app/ is translated into zh_CN and zh_TW."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from app.i18n import catalogue, normalise_language, translate

ROOT = Path(__file__).resolve().parents[2]


def marked_messages() -> dict[str, str]:
    """msgid -> first place it is used, for every ``_("literal")`` call under app/."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value,
                                 f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_every_marked_message_is_translated(lang: str) -> None:
    cat = catalogue(lang)
    missing = [f"{where}: {msgid!r}" for msgid, where in marked_messages().items()
               if not cat.get(msgid)]
    assert not missing, f"{len(missing)} messages lack a {lang} translation:\n" + "\n".join(
        missing)


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_translations_keep_the_placeholders(lang: str) -> None:
    cat = catalogue(lang)
    wrong = [msgid for msgid, text in cat.items() if _fields(msgid) != _fields(text)]
    assert not wrong, f"placeholders differ in {lang}: {wrong}"


def test_language_names_are_normalised() -> None:
    assert normalise_language("zh-Hans") == "zh_CN"
    assert normalise_language("zh_HK.UTF-8") == "zh_TW"
    assert normalise_language("en_US") == "en"
    assert normalise_language(None) == "en"


def test_translate_fills_parameters_and_falls_back_to_english() -> None:
    assert translate("{field}: {problem}", "zh_CN", field="车牌", problem="x") == "车牌：x"
    assert translate("No such message {n}", "zh_CN", n=3) == "No such message 3"
