"""The bundled CJK font is registered once and backs the application font."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontMetrics

from ui.fonts import apply_application_font, register_fonts, resource_path


def test_resource_path_points_into_resources() -> None:
    assert resource_path("fonts", "wqy-microhei.ttc").is_file()


def test_cjk_font_is_registered_once_and_is_a_fallback(qapp) -> None:
    families = register_fonts()
    assert "WenQuanYi Micro Hei" in families
    assert register_fonts() == families
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    font = apply_application_font(qapp)
    assert "WenQuanYi Micro Hei" in font.families()
    assert "WenQuanYi Micro Hei" in qapp.font().families()
    assert QFontMetrics(qapp.font()).inFontUcs4(ord("湾"))
