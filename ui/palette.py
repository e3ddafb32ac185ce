"""The shop-wide status colours: one palette for every cell, badge and banner that shows a state.

Colour always comes with text (colour-blind safe): waiting grey, in progress blue, waiting for
parts/approval amber, late red, done green. Which order statuses count as done or late comes
from ``app.orders.status``.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor

from app.orders.status import WORK_DONE


class Tone(StrEnum):
    """The shop-wide status colours (screens guide): colour plus text, never colour alone."""

    WAITING = "waiting"  # grey
    PROGRESS = "progress"  # blue
    ATTENTION = "attention"  # amber: waiting for parts / approval
    LATE = "late"  # red
    DONE = "done"  # green


TONE_COLOURS: dict[Tone, tuple[str, str]] = {  # text, background
    Tone.WAITING: ("#424242", "#eeeeee"),
    Tone.PROGRESS: ("#0d47a1", "#dbeafe"),
    Tone.ATTENTION: ("#6d4c00", "#ffe7a3"),
    Tone.LATE: ("#b71c1c", "#ffd6d6"),
    Tone.DONE: ("#1b5e20", "#d4edda"),
}
# (text, background) by colour name, for widgets that paint a fixed meaning.
GREY = TONE_COLOURS[Tone.WAITING]
BLUE = TONE_COLOURS[Tone.PROGRESS]
AMBER = TONE_COLOURS[Tone.ATTENTION]
RED = TONE_COLOURS[Tone.LATE]
GREEN = TONE_COLOURS[Tone.DONE]
#: Field and sign-in errors (text colour, also the border of an invalid field).
ERROR_COLOUR = "#c62828"

ORDER_TONES: dict[str, Tone] = {
    "draft": Tone.WAITING, "open": Tone.WAITING, "estimated": Tone.WAITING,
    "approved": Tone.WAITING, "in_progress": Tone.PROGRESS, "qc": Tone.PROGRESS,
    "waiting": Tone.ATTENTION, "completed": Tone.DONE, "invoiced": Tone.DONE,
    "delivered": Tone.DONE, "closed": Tone.DONE, "cancelled": Tone.WAITING,
}

APPOINTMENT_TONES: dict[str, Tone] = {
    "booked": Tone.WAITING, "confirmed": Tone.PROGRESS, "arrived": Tone.DONE,
    "no_show": Tone.LATE, "cancelled": Tone.WAITING,
}


def order_tone(status: str, late: bool = False) -> Tone:
    """The tone of an order status; red when ``late`` (done beats late)."""
    if late and status not in WORK_DONE:
        return Tone.LATE
    return ORDER_TONES.get(status, Tone.WAITING)


def tone_foreground(tone: Tone) -> QColor:
    """The text colour of ``tone``."""
    return QColor(TONE_COLOURS[tone][0])


def tone_background(tone: Tone) -> QColor:
    """The background colour of ``tone``."""
    return QColor(TONE_COLOURS[tone][1])


def tone_style(tone: Tone, *, padding: str = "1px 6px", radius: int | None = 3,
               extra: str = "") -> str:
    """A style sheet fragment painting a label, badge or banner in ``tone``
    (``radius`` None: square corners; ``extra``: more declarations)."""
    fg, bg = TONE_COLOURS[tone]
    parts = [f"color: {fg};", f"background: {bg};"]
    if radius is not None:
        parts.append(f"border-radius: {radius}px;")
    parts.append(f"padding: {padding};")
    if extra:
        parts.append(extra)
    return " ".join(parts)
