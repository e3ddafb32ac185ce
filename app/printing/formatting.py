"""How printed documents write numbers, money and times: ``app.formatting``'s, plus markup.

The formats themselves live in app/formatting.py (shared with screens and exports); this
module adds only what reportlab needs (``markup``).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from app.formatting import (
    CURRENCY_SYMBOLS,
    hours,
    local_date,
    local_datetime,
    money,
    money_with_symbol,
    percent,
    quantity,
)

__all__ = ["CURRENCY_SYMBOLS", "hours", "local_date", "local_datetime", "markup", "money",
           "money_with_symbol", "percent", "quantity"]


def markup(text: str | None) -> str:
    """User text made safe for a reportlab Paragraph (escaped, line breaks kept)."""
    return escape((text or "").strip()).replace("\r\n", "\n").replace("\n", "<br/>")
