"""The Qt Linguist files are complete, current, and compile on demand."""

from __future__ import annotations

import os
import re
import string
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted((ROOT / "resources" / "translations" / "ui").glob("*_zh_*.ts"))
SHIPPED = ("zh_CN", "zh_TW")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a .ts file."""
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name") or "", msg.findtext("source") or "", msg.find("translation"))
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_both_chinese_catalogues_exist() -> None:
    assert {p.stem for p in TS_FILES} >= {f"bayline_{lang}" for lang in SHIPPED}


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_no_message_is_unfinished_or_empty(path: Path) -> None:
    bad = [(ctx, src, tr.get("type")) for ctx, src, tr in messages(path)
           if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
           or not (tr.text or "").strip()]
    assert messages(path), f"{path.name} holds no messages"
    assert not bad, f"{path.name}: {len(bad)} messages not finished: {bad}"


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_placeholders_and_shortcuts(path: Path) -> None:
    wrong = []
    for ctx, src, tr in messages(path):
        text = tr.text or ""
        if _fields(src) != _fields(text):
            wrong.append((ctx, src, "placeholders"))
        if ("&" in src.replace("&&", "")) != bool(re.search(r"&[^&]", text)):
            wrong.append((ctx, src, "shortcut"))
    assert not wrong, wrong


@pytest.mark.parametrize("domain", i18n.domains())
def test_catalogues_cover_every_string_in_the_code(tmp_path: Path, domain: str) -> None:
    """Running lupdate now finds exactly the messages the committed .ts files hold.

    ``bayline_*.ts`` covers ui/*.py; ``<pkg>_*.ts`` covers ui/<pkg>/ (see ui.i18n.ts_file).
    """
    fresh = tmp_path / "fresh_zh_CN.ts"
    tool = Path(i18n.lrelease_path()).with_name(i18n.lrelease_path().name.replace(
        "lrelease", "lupdate"))
    sources = [str(p) for p in i18n.domain_sources(domain)]
    subprocess.run([str(tool), "-silent", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True, timeout=120)
    expected = {(c, s) for c, s, _ in messages(fresh)}
    for lang in SHIPPED:
        path = i18n.ts_file(lang, domain)
        have = {(c, s) for c, s, _ in messages(path)}
        assert have == expected, (
            f"{path.name} is out of date; run pyside6-lupdate -no-obsolete <its sources> -ts "
            f"{path.name}: missing {sorted(expected - have)}, extra {sorted(have - expected)}")


def test_qm_is_compiled_on_demand_and_again_when_the_ts_is_newer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.CACHE_ENV, str(tmp_path / "cache"))
    qm = i18n.compiled_catalogue("zh_CN")
    assert qm is not None and qm.parent == tmp_path / "cache" and qm.stat().st_size > 100
    source_time = i18n.ts_file("zh_CN").stat().st_mtime
    os.utime(qm, (source_time - 100, source_time - 100))  # pretend it is stale
    again = i18n.compiled_catalogue("zh_CN")
    assert again == qm and qm.stat().st_mtime >= source_time
    assert i18n.compiled_catalogue("en") is None  # English is the source text


def test_set_language_switches_the_translator(qapp) -> None:
    assert i18n.set_language(qapp, "zh_CN") == "zh_CN"
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "登录"
    assert i18n.set_language(qapp, "zh-Hant") == "zh_TW"
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "登入"
    assert i18n.set_language(qapp, "en") == "en"
    assert QCoreApplication.translate("LoginWindow", "Sign in") == "Sign in"
    assert i18n.current_language() == "en"
