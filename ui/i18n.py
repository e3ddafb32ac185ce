"""Qt translations of the UI: .ts sources compiled on demand, switchable at runtime.

The Qt Linguist sources live in resources/translations/ui/bayline_<lang>.ts. Compiled .qm files
are build output: when one is missing or older than its .ts, ``pyside6-lrelease`` (next to the
running interpreter) compiles it into the user's cache directory. Installing a translator makes
Qt send ``QEvent.LanguageChange`` to every widget; widgets answer by calling ``retranslate()``.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from app.i18n import LANGUAGES, normalise_language, system_language
from ui.fonts import resource_path

log = logging.getLogger(__name__)

TS_DIR = resource_path("translations", "ui")
CACHE_ENV = "BAYLINE_QM_CACHE"

_state: dict[str, object] = {"lang": "en", "translators": []}


def qm_cache_dir() -> Path:
    """Where compiled .qm files go (``$BAYLINE_QM_CACHE`` or the user cache directory)."""
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else Path(user_cache_dir("Bayline", "Bayline")) / "qm"


def ts_file(lang: str, domain: str = "bayline") -> Path:
    """The Qt Linguist source of ``lang`` for one catalogue.

    ``bayline`` covers the shell (ui/*.py); each UI package ui/<pkg>/ has its own catalogue
    ``<pkg>_<lang>.ts`` covering ui/<pkg>/**/*.py, so areas are translated independently.
    """
    return TS_DIR / f"{domain}_{lang}.ts"


def domains() -> list[str]:
    """Every catalogue name: ``bayline`` first, then one per UI package with a .ts file."""
    found = {p.stem.rsplit("_", 2)[0] for p in TS_DIR.glob("*_zh_CN.ts")}
    return ["bayline", *sorted(found - {"bayline"})]


def domain_sources(domain: str) -> list[Path]:
    """The Python files whose strings belong to ``domain``'s catalogue."""
    ui_dir = TS_DIR.parent.parent.parent / "ui"
    if domain == "bayline":
        return sorted(ui_dir.glob("*.py"))
    return sorted((ui_dir / domain).rglob("*.py"))


def lrelease_path() -> Path:
    """The ``pyside6-lrelease`` installed next to the running Python."""
    name = "pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease"
    return Path(sys.executable).parent / name


def compiled_catalogue(lang: str, domain: str = "bayline") -> Path | None:
    """The .qm of ``lang``, compiled now if missing or stale; None when there is none."""
    source = ts_file(lang, domain)
    if not source.exists():
        return None
    bundled = source.with_suffix(".qm")
    if bundled.exists() and bundled.stat().st_mtime >= source.stat().st_mtime:
        return bundled
    target = qm_cache_dir() / f"{domain}_{lang}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    return _compile(source, target)


def _compile(source: Path, target: Path) -> Path | None:
    tool = lrelease_path()
    if not tool.exists():
        log.warning("%s not found; the UI stays in English", tool)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(suffix=".qm", dir=target.parent)
    os.close(fd)
    try:
        done = subprocess.run([str(tool), "-silent", str(source), "-qm", tmp_name],
                              capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            log.warning("lrelease failed for %s: %s", source, done.stderr.strip())
            return None
        os.replace(tmp_name, target)
        return target
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def current_language() -> str:
    """The language the UI is shown in now."""
    return str(_state["lang"])


def initial_language(requested: str | None = None) -> str:
    """The language to start in: the one asked for, else the operating system's."""
    return normalise_language(requested) if requested else system_language()


def set_language(app: QCoreApplication, lang: str) -> str:
    """Show the UI in ``lang`` (zh_CN, zh_TW, en); returns the language actually set.

    Replaces the installed translators; every window then re-translates itself on the
    ``LanguageChange`` event, which is delivered before this returns.
    """
    lang = normalise_language(lang)
    if lang not in LANGUAGES:
        lang = "en"
    loaded: list[QTranslator] = []
    if lang != "en":
        for domain in domains():
            qm = compiled_catalogue(lang, domain)
            ours = QTranslator(app)
            if qm is not None and ours.load(str(qm)):
                loaded.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(f"qtbase_{lang}", qt_dir):
            loaded.append(qtbase)
    old: list[QTranslator] = _state["translators"]  # type: ignore[assignment]
    # Set first: widgets re-translating on the events below ask current_language().
    _state["lang"] = lang
    _state["translators"] = loaded
    QLocale.setDefault(QLocale({"zh_CN": "zh_CN", "zh_TW": "zh_TW"}.get(lang, "en_US")))
    for translator in old:
        app.removeTranslator(translator)
        translator.deleteLater()
    for translator in loaded:
        app.installTranslator(translator)
    # QApplication *posts* LanguageChange to each window; deliver now so that every window
    # shows the new language when this function returns.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


def switch_language(lang: str) -> str:
    """``set_language`` on the running application (a no-op without one); the language set."""
    app = QCoreApplication.instance()
    return set_language(app, lang) if app is not None else normalise_language(lang)
