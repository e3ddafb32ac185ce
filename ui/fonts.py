"""Bundled resources and the CJK font, so Chinese never renders as boxes."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

CJK_FONT_FILE = "wqy-microhei.ttc"
_registered: list[str] = []


def resource_path(*parts: str) -> Path:
    """The path of a file under resources/ (also inside a frozen PyInstaller bundle)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("resources", *parts)


def register_fonts() -> list[str]:
    """Register the bundled CJK font once per process; returns its family names."""
    if _registered:
        return list(_registered)
    path = resource_path("fonts", CJK_FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not load the bundled CJK font %s", path)
        return []
    _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)


def apply_application_font(app: QApplication) -> QFont:
    """Make the bundled CJK font the fallback family of the application font."""
    families = register_fonts()
    font = QFont(app.font())
    current = [f for f in font.families() or [font.family()] if f not in families]
    font.setFamilies([*current, *families])
    app.setFont(font)
    for family in current:
        QFont.insertSubstitutions(family, families)
    return font
