"""Every validation message and label is translated, and errors read in Chinese."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.i18n import catalogue, translate
from app.validation.phones import validate_phone
from app.validation.plates import validate_plate
from app.validation.taxids import validate_tax_id
from app.validation.text import require_text
from app.validation.vin import REGION_LABELS, validate_vin

SOURCE = Path(__file__).resolve().parents[3] / "app" / "validation"
HAN = re.compile(r"[\u4e00-\u9fff]")


def validation_msgids() -> set[str]:
    found = set()
    for path in SOURCE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def test_there_are_messages() -> None:
    assert len(validation_msgids()) > 30


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_every_validation_message_is_translated(lang: str) -> None:
    cat = catalogue(lang)
    missing = sorted(m for m in validation_msgids() if not cat.get(m))
    assert not missing


FAILURES: list[tuple[str, Callable[[], object]]] = [
    ("vin", lambda: validate_vin("1M8GDM9AXKP04278O")),
    ("vin", lambda: validate_vin("1M8GDM9AXKP0427")),
    ("vin", lambda: validate_vin("1M8GDM9A1KP042788")),
    ("plate", lambda: validate_plate("粤BI2345")),
    ("plate", lambda: validate_plate("粤B123")),
    ("plate", lambda: validate_plate("WJ粤12345")),
    ("phone", lambda: validate_phone("12345")),
    ("tax_id", lambda: validate_tax_id("91110000600037341X")),
    ("tax_id", lambda: validate_tax_id("DE12", country="DE")),
    ("name", lambda: require_text("", field="name", label="VIN", max_length=3)),
]


@pytest.mark.parametrize(("field", "fail"), FAILURES)
def test_errors_read_in_chinese(field: str, fail: Callable[[], object]) -> None:
    with pytest.raises(ValidationError) as info:
        fail()
    error = info.value
    assert error.field == field
    english = error.message("en")
    for lang in ("zh_CN", "zh_TW"):
        text = error.message(lang)
        assert HAN.search(text.replace("粤", "")), text
        assert text != english
        assert "{" not in text
    assert translate(error.label, "zh_CN") != error.label


def test_simplified_and_traditional_differ() -> None:
    with pytest.raises(ValidationError) as info:
        validate_plate("粤B1234")
    assert "车牌" in info.value.message("zh_CN")
    assert "車牌" in info.value.message("zh_TW")


def test_vin_warnings_and_regions_translate() -> None:
    check = validate_vin("WVWZZZ1KZAW000001")
    assert check.warnings
    for msgid in (*check.warnings, *REGION_LABELS.values()):
        assert HAN.search(translate(msgid, "zh_CN"))
        assert HAN.search(translate(msgid, "zh_TW"))
