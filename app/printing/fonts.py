"""The bundled CJK font for printed documents, registered with reportlab once per process."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "BaylineCJK"
FONT_FILE = "wqy-microhei.ttc"
_lock = threading.Lock()


def font_path() -> Path:
    """resources/fonts/wqy-microhei.ttc (also inside a frozen PyInstaller bundle)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "resources" / "fonts" / FONT_FILE


def register_fonts() -> str:
    """Register the CJK font (TrueType outlines, embedded as a subset); returns its name.

    Registration costs ~50 ms, so it happens once; later calls return at once.
    """
    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
            # One weight only: bold/italic map to the same face (titles use size instead).
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT,
                                          boldItalic=FONT)
    return FONT
